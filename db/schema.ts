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
  },
  (t) => [
    index('articles_public_idx').on(t.isPublic, t.publishedAt),
    index('articles_section_public_idx').on(t.sectionId, t.isPublic, t.publishedAt),
    index('articles_status_idx').on(t.status, t.updatedAt),
    index('articles_author_idx').on(t.authorId, t.status, t.updatedAt),
    index('articles_scheduled_idx').on(t.status, t.publishedAt),
  ],
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
