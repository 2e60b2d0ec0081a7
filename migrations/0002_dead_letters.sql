CREATE TABLE `dead_letter` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_number` integer,
	`job_id` text,
	`queue` text NOT NULL,
	`error_class` text NOT NULL,
	`error_code` text,
	`reason` text NOT NULL,
	`attempts` integer NOT NULL,
	`first_failed_at` text NOT NULL,
	`last_failed_at` text NOT NULL,
	`status` text NOT NULL,
	`closed_at` text
);
--> statement-breakpoint
CREATE INDEX `dead_letter_status` ON `dead_letter` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `dead_letter_customer` ON `dead_letter` (`customer_number`,`status`);