CREATE TABLE `customer_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_number` integer NOT NULL,
	`customer_id` integer,
	`role` text NOT NULL,
	`title_code` text DEFAULT '' NOT NULL,
	`windward_unique` integer NOT NULL,
	`fingerprint` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_link_customer_role_title` ON `customer_link` (`customer_number`,`role`,`title_code`);--> statement-breakpoint
CREATE INDEX `customer_link_windward_unique` ON `customer_link` (`windward_unique`);--> statement-breakpoint
CREATE TABLE `sync_cursor` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`customer_number` integer,
	`job_id` text,
	`action` text NOT NULL,
	`windward_unique` integer,
	`reason` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `sync_log_customer` ON `sync_log` (`customer_number`,`id`);--> statement-breakpoint
CREATE INDEX `sync_log_at` ON `sync_log` (`at`);