CREATE TABLE `planned_move` (
	`customer_number` integer NOT NULL,
	`title_code` text NOT NULL,
	`start_date` text NOT NULL,
	`job_id` text NOT NULL,
	`planned_at` text NOT NULL,
	PRIMARY KEY(`customer_number`, `title_code`)
);
