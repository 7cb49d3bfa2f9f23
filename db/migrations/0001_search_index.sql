-- Site search (issue 5). The FTS5 table holds pre-tokenized text (lib/search/tokenize.ts:
-- CJK bigrams + run-final unigrams, letter/digit words), written by triggers through the SQL
-- functions lib/search/sql-functions.ts registers on every connection db/client.ts opens.
-- Contentless: snippets are built from the article row, so the text is not stored twice.
-- search_fts holds everything searchable (title included) and decides what matches;
-- search_title_fts holds titles only, so ranking "title match first" reads small doclists
-- instead of checking the column of every body match.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	body,
	content = '',
	contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_title_fts` USING fts5(
	title,
	content = '',
	contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
--> statement-breakpoint
-- What a search filters and sorts on, one small row per article (the articles rows carry the
-- body, so probing them for thousands of matches would read the whole table).
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`is_public` integer NOT NULL,
	`published_at` integer,
	`section_id` integer NOT NULL
);
--> statement-breakpoint
-- Newest-first walk over what readers may see (db/queries/search-ranking.ts).
CREATE INDEX `search_docs_public_idx` ON `search_docs` (`is_public`, `published_at`);
--> statement-breakpoint
-- portal_search_deferred() is 1 only inside bulkIndexArticles (lib/search/sql-functions.ts),
-- which indexes the inserted rows itself before its transaction commits.
CREATE TRIGGER `articles_search_insert` AFTER INSERT ON `articles` WHEN portal_search_deferred() = 0 BEGIN
	INSERT INTO search_fts (rowid, body)
		VALUES (new.id, portal_search_body(new.title, new.subtitle, new.summary, new.body));
	INSERT INTO search_title_fts (rowid, title) VALUES (new.id, portal_search_title(new.title));
	INSERT INTO search_docs (id, is_public, published_at, section_id)
		VALUES (new.id, new.is_public, new.published_at, new.section_id);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_delete` AFTER DELETE ON `articles` BEGIN
	DELETE FROM search_fts WHERE rowid = old.id;
	DELETE FROM search_title_fts WHERE rowid = old.id;
	DELETE FROM search_docs WHERE id = old.id;
END;
--> statement-breakpoint
-- Re-tokenize only when the searchable text really changed (a status change writes no text).
CREATE TRIGGER `articles_search_update_text` AFTER UPDATE OF title, subtitle, summary, body ON `articles`
	WHEN old.title IS NOT new.title OR old.subtitle IS NOT new.subtitle
		OR old.summary IS NOT new.summary OR old.body IS NOT new.body
BEGIN
	DELETE FROM search_fts WHERE rowid = old.id;
	DELETE FROM search_title_fts WHERE rowid = old.id;
	INSERT INTO search_fts (rowid, body)
		VALUES (new.id, portal_search_body(new.title, new.subtitle, new.summary, new.body));
	INSERT INTO search_title_fts (rowid, title) VALUES (new.id, portal_search_title(new.title));
END;
--> statement-breakpoint
-- Publish, schedule, withdraw, move: visibility changes here, at once, in the same transaction.
CREATE TRIGGER `articles_search_update_meta` AFTER UPDATE OF status, published_at, section_id ON `articles` BEGIN
	UPDATE search_docs SET is_public = new.is_public, published_at = new.published_at, section_id = new.section_id
		WHERE id = new.id;
END;
--> statement-breakpoint
-- Articles written before this migration.
INSERT INTO search_fts (rowid, body)
	SELECT id, portal_search_body(title, subtitle, summary, body) FROM articles;
--> statement-breakpoint
INSERT INTO search_title_fts (rowid, title) SELECT id, portal_search_title(title) FROM articles;
--> statement-breakpoint
INSERT INTO search_docs (id, is_public, published_at, section_id)
	SELECT id, is_public, published_at, section_id FROM articles;
