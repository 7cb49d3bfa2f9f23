CREATE TABLE `article_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`file_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`poster_image` text,
	`captions_hash` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_hash`) REFERENCES `stored_files`(`hash`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`captions_hash`) REFERENCES `stored_files`(`hash`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_files_article_idx` ON `article_files` (`article_id`,`position`);--> statement-breakpoint
CREATE TABLE `article_sections` (
	`article_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `section_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_sections_section_idx` ON `article_sections` (`section_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `stored_files` (
	`hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploader_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `headline_rank` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `pinned` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `pin_ends_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `recommended` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `slide` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `sort_weight` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `title_color` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `title_bold` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `short_title` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `external_url` text;--> statement-breakpoint
CREATE INDEX `articles_headline_idx` ON `articles` (`headline_rank`);--> statement-breakpoint
CREATE INDEX `articles_pinned_idx` ON `articles` (`pinned`,`section_id`);--> statement-breakpoint
CREATE INDEX `articles_unpublish_idx` ON `articles` (`unpublish_at`);--> statement-breakpoint
-- 定时下线 reaches search too: search_docs mirrors every column the visibility rule reads
-- (db/visibility.ts), so the triggers copy unpublish_at beside is_public and published_at.
ALTER TABLE `search_docs` ADD `unpublish_at` integer;--> statement-breakpoint
DROP TRIGGER `articles_search_insert`;--> statement-breakpoint
CREATE TRIGGER `articles_search_insert` AFTER INSERT ON `articles` WHEN portal_search_deferred() = 0 BEGIN
	INSERT INTO search_fts (rowid, body)
		VALUES (new.id, portal_search_body(new.title, new.subtitle, new.summary, new.body));
	INSERT INTO search_title_fts (rowid, title) VALUES (new.id, portal_search_title(new.title));
	INSERT INTO search_docs (id, is_public, published_at, section_id, unpublish_at)
		VALUES (new.id, new.is_public, new.published_at, new.section_id, new.unpublish_at);
END;--> statement-breakpoint
DROP TRIGGER `articles_search_update_meta`;--> statement-breakpoint
CREATE TRIGGER `articles_search_update_meta` AFTER UPDATE OF status, published_at, section_id, unpublish_at ON `articles` BEGIN
	UPDATE search_docs SET is_public = new.is_public, published_at = new.published_at, section_id = new.section_id,
		unpublish_at = new.unpublish_at
		WHERE id = new.id;
END;
--> statement-breakpoint
-- Search counts the hidden rows along indexes (db/visibility.ts hiddenIds): taken-down ones too.
CREATE INDEX `search_docs_unpublish_idx` ON `search_docs` (`unpublish_at`);
