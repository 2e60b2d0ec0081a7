-- mirror_key as a WITHOUT ROWID table: its primary key (key, windward_unique) is the table itself, so
-- filing a key writes two B-trees (the key order and the per-customer index) instead of three.
-- Custom migration: drizzle's schema cannot say WITHOUT ROWID, and the columns are unchanged.
CREATE TABLE `__new_mirror_key` (
	`key` text NOT NULL,
	`windward_unique` integer NOT NULL,
	PRIMARY KEY(`key`, `windward_unique`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_mirror_key` (`key`, `windward_unique`) SELECT `key`, `windward_unique` FROM `mirror_key`;
--> statement-breakpoint
DROP TABLE `mirror_key`;
--> statement-breakpoint
ALTER TABLE `__new_mirror_key` RENAME TO `mirror_key`;
--> statement-breakpoint
CREATE INDEX `mirror_key_unique` ON `mirror_key` (`windward_unique`);
