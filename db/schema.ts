import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { PUBLIC_STATUS_SQL } from './visibility';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ROLES = ['reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Title colours editors may pick; each keeps at least 4.5:1 contrast on the page (lib/content/title-style.ts). */
export const TITLE_COLORS = ['red', 'blue', 'green', 'purple', 'brown'] as const;
export type TitleColor = (typeof TITLE_COLORS)[number];

export const FILE_KINDS = ['attachment', 'video', 'captions'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => sections.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    description: text('description').notNull().default(''),
  },
  (t) => [uniqueIndex('sections_slug_uq').on(t.slug), index('sections_parent_idx').on(t.parentId, t.sortOrder)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    // Bumped on password change or disable: every JWT carrying an older value is rejected.
    tokenVersion: integer('token_version').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    summary: text('summary').notNull().default(''),
    /** Sanitised HTML, stored as it will be rendered. */
    body: text('body').notNull().default(''),
    source: text('source').notNull().default('原创'),
    /** Reporters' names, in byline order. */
    byline: text('byline', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    responsibleEditor: text('responsible_editor'),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /**
     * 1 when the status lets readers see the article once publishedAt has passed. A generated
     * column so the public indexes can lead with it and every list stays a single index range.
     */
    isPublic: integer('is_public').generatedAlwaysAs(sql.raw(PUBLIC_STATUS_SQL), {
      mode: 'virtual',
    }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    coverImage: text('cover_image'),
    coverAlt: text('cover_alt'),
    authorId: integer('author_id').references(() => users.id),
    /** Optimistic-concurrency counter: a save must name the version it started from. */
    version: integer('version').notNull().default(1),
    reviewComment: text('review_comment'),
    /** 定时下线: from this time on readers no longer see the article (db/visibility.ts). */
    unpublishAt: integer('unpublish_at', { mode: 'timestamp_ms' }),
    /** 头条: the home page's lead stories, lowest rank first; null when not a lead. */
    headlineRank: integer('headline_rank'),
    /** 置顶: first on page 1 of its section lists, until pinEndsAt when that is set. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    pinEndsAt: integer('pin_ends_at', { mode: 'timestamp_ms' }),
    /** 推荐: the home page's recommended slot. */
    recommended: integer('recommended', { mode: 'boolean' }).notNull().default(false),
    /** 幻灯: a slide of the home page's 图片新闻 carousel (only with a cover image). */
    slide: integer('slide', { mode: 'boolean' }).notNull().default(false),
    /** Higher first among entries that share a flag (pinned, 推荐, 幻灯). */
    sortWeight: integer('sort_weight').notNull().default(0),
    /** Title colour from the fixed palette (lib/content/title-style.ts), and bold. */
    titleColor: text('title_color', { enum: TITLE_COLORS }),
    titleBold: integer('title_bold', { mode: 'boolean' }).notNull().default(false),
    /** 短标题: used in lists and the sidebar when set. */
    shortTitle: text('short_title'),
    /** 跳转/转载: an entry that only links to this http(s) URL; it has no article page. */
    externalUrl: text('external_url'),
  },
  (t) => [
    // unpublish_at last: the visibility rule (db/visibility.ts) reads it on every public row, and
    // with it in the index a list or a count never visits the table to check a take-down time.
    index('articles_public_idx').on(t.isPublic, t.publishedAt, t.unpublishAt),
    index('articles_section_public_idx').on(t.sectionId, t.isPublic, t.publishedAt, t.unpublishAt),
    index('articles_status_idx').on(t.status, t.updatedAt),
    index('articles_author_idx').on(t.authorId, t.status, t.updatedAt),
    index('articles_scheduled_idx').on(t.status, t.publishedAt),
    // Few rows carry these; the home page and page 1 of a list look them up directly.
    index('articles_headline_idx').on(t.headlineRank),
    index('articles_pinned_idx').on(t.pinned, t.sectionId),
    index('articles_recommended_idx').on(t.recommended, t.sortWeight),
    index('articles_slide_idx').on(t.slide, t.sortWeight),
    index('articles_unpublish_idx').on(t.unpublishAt),
  ],
);

/** 一稿多发: further sections an article is listed in, besides its home section (articles.section_id). */
export const articleSections = sqliteTable(
  'article_sections',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.sectionId] }), index('article_sections_section_idx').on(t.sectionId, t.articleId)],
);

/** Uploaded attachments and videos, stored once by content hash under the data folder (like images). */
export const storedFiles = sqliteTable('stored_files', {
  /** sha256 of the bytes. */
  hash: text('hash').primaryKey(),
  kind: text('kind', { enum: FILE_KINDS }).notNull(),
  /** The type the bytes were recognised as (never the browser's claim). */
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
  uploaderId: integer('uploader_id').references(() => users.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** 附件 and videos shown with an article, in order, under the name readers see and download. */
export const articleFiles = sqliteTable(
  'article_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    fileHash: text('file_hash')
      .notNull()
      .references(() => storedFiles.hash),
    /** The original file name, kept for the download (Chinese included). */
    fileName: text('file_name').notNull(),
    position: integer('position').notNull().default(0),
    /** Videos: the poster image's URL path, and an optional WebVTT captions file (a stored file's hash). */
    posterImage: text('poster_image'),
    captionsHash: text('captions_hash').references(() => storedFiles.hash),
  },
  (t) => [index('article_files_article_idx').on(t.articleId, t.position)],
);

export const articleViewsDaily = sqliteTable(
  'article_views_daily',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Calendar day in Asia/Shanghai, YYYY-MM-DD. */
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.articleId] }), index('views_article_idx').on(t.articleId)],
);

export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    source: text('source').notNull(),
    byline: text('byline', { mode: 'json' }).$type<string[]>().notNull(),
    responsibleEditor: text('responsible_editor'),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull(),
    editorId: integer('editor_id').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt)],
);

export const images = sqliteTable('images', {
  /** sha256 of the original bytes; files live under the data folder by this name. */
  hash: text('hash').primaryKey(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  uploaderId: integer('uploader_id').references(() => users.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Login throttling state, one row per key (`user:<name>` or `ip:<address>`). */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
  lockCount: integer('lock_count').notNull().default(0),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail'),
    ip: text('ip'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_action_idx').on(t.action, t.at)],
);

/**
 * What one portal process revalidated after a write, for the other processes on the same
 * database file: each follows this log and revalidates the same pages in its own cache
 * (lib/cache/shared-invalidation.ts). Rows older than a day are pruned on insert.
 */
export const cacheInvalidations = sqliteTable(
  'cache_invalidations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    origin: text('origin').notNull(),
    pages: text('pages', { mode: 'json' }).$type<string[]>().notNull(),
    layouts: text('layouts', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('cache_invalidations_at_idx').on(t.at)],
);

export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type ArticleFile = typeof articleFiles.$inferSelect;
export type StoredFile = typeof storedFiles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type User = typeof users.$inferSelect;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type Image = typeof images.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/** Small key/value facts about the database itself (seed progress, scheduler bookkeeping). */
export const siteMeta = sqliteTable('site_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Sessions ended by signing out before their 12-hour limit (lib/auth/revoked-sessions.ts).
 * `sid` is the session id the sign-in put in the token; a row is kept only until the token
 * would have expired anyway, then pruned.
 */
export const revokedSessions = sqliteTable(
  'revoked_sessions',
  {
    sid: text('sid').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
