import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { getDb } from '../client';
import type { ContentChange } from '@/lib/cache/content-change';
import { type Section, articles, sections } from '../schema';

/**
 * Section writes, each one transaction. The tree must stay a tree (no cycles), slugs unique,
 * and a section that still holds articles or children is never deleted (its articles' URLs
 * and the navigation would break).
 */

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export type SectionInput = { name: string; slug: string; parentId: number | null; description: string };

/**
 * Any section change is seen by readers (navigation, home blocks, lists under old and new slug),
 * and refreshAfter refreshes all of them for one report.
 */
const SECTIONS_CHANGED: ContentChange = { kind: 'sections' };

export type SectionResult =
  | { ok: true; section: Section; change: ContentChange }
  | { ok: false; message: string };

function siblingsWhere(parentId: number | null) {
  return parentId === null ? isNull(sections.parentId) : eq(sections.parentId, parentId);
}

function validate(input: SectionInput, selfId: number | null, all: Section[]): string | null {
  if (!input.name.trim()) return '栏目名称不能为空。';
  if (!SLUG_PATTERN.test(input.slug)) return '栏目别名只能使用小写字母 a-z、数字 0-9 和连字符 -,且不能以连字符开头或结尾。';
  if (all.some((s) => s.slug === input.slug && s.id !== selfId)) return `栏目别名“${input.slug}”已被其他栏目使用。`;
  if (input.parentId !== null) {
    const byId = new Map(all.map((s) => [s.id, s]));
    if (!byId.has(input.parentId)) return '上级栏目不存在。';
    // Walk up from the new parent: meeting ourselves means the move would make a cycle.
    let cursor: Section | undefined = byId.get(input.parentId);
    for (let depth = 0; cursor && depth < 64; depth++) {
      if (cursor.id === selfId) return '不能把栏目移动到它自己或它的下级栏目之下。';
      cursor = cursor.parentId === null ? undefined : byId.get(cursor.parentId);
    }
  }
  return null;
}

export function createSection(input: SectionInput): SectionResult {
  const db = getDb();
  return db.transaction(() => {
    const all = db.select().from(sections).all();
    const problem = validate(input, null, all);
    if (problem) return { ok: false, message: problem } as const;
    const last = db
      .select({ n: count() })
      .from(sections)
      .where(siblingsWhere(input.parentId))
      .get();
    const section = db
      .insert(sections)
      .values({ ...input, name: input.name.trim(), sortOrder: (last?.n ?? 0) + 1 })
      .returning()
      .get();
    return { ok: true, section, change: SECTIONS_CHANGED } as const;
  });
}

/** Renames, re-slugs or moves a section (under another parent, at the end of its siblings). */
export function updateSection(id: number, input: SectionInput): SectionResult {
  const db = getDb();
  return db.transaction(() => {
    const all = db.select().from(sections).all();
    const current = all.find((s) => s.id === id);
    if (!current) return { ok: false, message: '栏目不存在。' } as const;
    const problem = validate(input, id, all);
    if (problem) return { ok: false, message: problem } as const;
    const moved = current.parentId !== input.parentId;
    const siblings = all.filter((s) => s.parentId === input.parentId && s.id !== id);
    const section = db
      .update(sections)
      .set({
        name: input.name.trim(),
        slug: input.slug,
        parentId: input.parentId,
        description: input.description,
        sortOrder: moved ? Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1 : current.sortOrder,
      })
      .where(eq(sections.id, id))
      .returning()
      .get();
    return { ok: true, section, change: SECTIONS_CHANGED } as const;
  });
}

/** Swaps a section with its previous (-1) or next (+1) sibling in display order. */
export function moveSection(id: number, direction: -1 | 1): SectionResult {
  const db = getDb();
  return db.transaction(() => {
    const current = db.select().from(sections).where(eq(sections.id, id)).get();
    if (!current) return { ok: false, message: '栏目不存在。' } as const;
    const siblings = db
      .select()
      .from(sections)
      .where(siblingsWhere(current.parentId))
      .orderBy(asc(sections.sortOrder), asc(sections.id))
      .all();
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[index + direction];
    if (!other) return { ok: false, message: direction < 0 ? '已经是第一个了。' : '已经是最后一个了。' } as const;
    // Renumber the whole sibling list so equal sort orders (from seeding) cannot make a swap a no-op.
    const order = siblings.map((s) => s.id);
    order[index] = other.id;
    order[index + direction] = id;
    order.forEach((sid, i) => db.update(sections).set({ sortOrder: i + 1 }).where(eq(sections.id, sid)).run());
    const section = db.select().from(sections).where(eq(sections.id, id)).get()!;
    return { ok: true, section, change: SECTIONS_CHANGED } as const;
  });
}

export function deleteSection(id: number): SectionResult {
  const db = getDb();
  return db.transaction(() => {
    const current = db.select().from(sections).where(eq(sections.id, id)).get();
    if (!current) return { ok: false, message: '栏目不存在。' } as const;
    const held = db.select({ n: count() }).from(articles).where(eq(articles.sectionId, id)).get()?.n ?? 0;
    if (held > 0) return { ok: false, message: `栏目“${current.name}”下还有 ${held} 篇稿件(含草稿和已撤稿件),不能删除。请先把稿件移到其他栏目。` } as const;
    const children = db.select({ n: count() }).from(sections).where(and(eq(sections.parentId, id), ne(sections.id, id))).get()?.n ?? 0;
    if (children > 0) return { ok: false, message: `栏目“${current.name}”下还有 ${children} 个子栏目,不能删除。` } as const;
    db.delete(sections).where(eq(sections.id, id)).run();
    return { ok: true, section: current, change: SECTIONS_CHANGED } as const;
  });
}
