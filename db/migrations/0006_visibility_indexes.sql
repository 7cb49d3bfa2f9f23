DROP INDEX `articles_public_idx`;--> statement-breakpoint
DROP INDEX `articles_section_public_idx`;--> statement-breakpoint
CREATE INDEX `articles_recommended_idx` ON `articles` (`recommended`,`sort_weight`);--> statement-breakpoint
CREATE INDEX `articles_slide_idx` ON `articles` (`slide`,`sort_weight`);--> statement-breakpoint
CREATE INDEX `articles_public_idx` ON `articles` (`is_public`,`published_at`,`unpublish_at`);--> statement-breakpoint
CREATE INDEX `articles_section_public_idx` ON `articles` (`section_id`,`is_public`,`published_at`,`unpublish_at`);--> statement-breakpoint
-- The search index's mirror row, for the same reason: the visibility clause reads unpublish_at.
DROP INDEX `search_docs_public_idx`;--> statement-breakpoint
CREATE INDEX `search_docs_public_idx` ON `search_docs` (`is_public`, `published_at`, `unpublish_at`);
