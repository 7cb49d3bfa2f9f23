CREATE TABLE `cache_invalidations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`origin` text NOT NULL,
	`pages` text NOT NULL,
	`layouts` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_invalidations_at_idx` ON `cache_invalidations` (`at`);