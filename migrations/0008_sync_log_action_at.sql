-- Pruning expired routine entries of the sync log (store/sync-log.ts pruneSyncLog) reads this index:
-- by `at` alone it would read past every decision entry that stays, on every run.
CREATE INDEX `sync_log_action_at` ON `sync_log` (`action`,`at`);