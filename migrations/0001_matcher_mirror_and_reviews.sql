CREATE TABLE `mirror_key` (
	`key` text NOT NULL,
	`windward_unique` integer NOT NULL,
	PRIMARY KEY(`key`, `windward_unique`)
);
--> statement-breakpoint
CREATE INDEX `mirror_key_unique` ON `mirror_key` (`windward_unique`);--> statement-breakpoint
CREATE TABLE `review_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_number` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`candidates` text NOT NULL,
	`decision` text,
	`decided_unique` integer,
	`created_at` text NOT NULL,
	`decided_at` text
);
--> statement-breakpoint
CREATE INDEX `review_item_customer` ON `review_item` (`customer_number`,`status`);--> statement-breakpoint
CREATE INDEX `review_item_status` ON `review_item` (`status`);--> statement-breakpoint
CREATE TABLE `windward_mirror` (
	`windward_unique` integer PRIMARY KEY NOT NULL,
	`external_ref` text DEFAULT '' NOT NULL,
	`record` text NOT NULL,
	`fingerprint` text NOT NULL,
	`refreshed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `windward_mirror_external_ref` ON `windward_mirror` (`external_ref`);--> statement-breakpoint
CREATE INDEX `windward_mirror_refreshed` ON `windward_mirror` (`refreshed_at`);