ALTER TABLE `customer_link` ADD `infosoft_state` text;--> statement-breakpoint
ALTER TABLE `customer_link` ADD `windward_state` text;--> statement-breakpoint
ALTER TABLE `customer_link` ADD `windward_fingerprint` text;--> statement-breakpoint
ALTER TABLE `review_item` ADD `kind` text DEFAULT 'match' NOT NULL;