CREATE TABLE `create_intent` (
	`external_ref` text PRIMARY KEY NOT NULL,
	`customer_number` integer NOT NULL,
	`max_unique_before` integer NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `create_intent_customer` ON `create_intent` (`customer_number`);