import { asc } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '../client';
import { type Section, sections } from '../schema';

export type SectionNode = Section & { children: SectionNode[] };

/**
 * Every section, ordered for display. The table is small (tens of rows), so every other
 * question about sections (a slug, the tree, a breadcrumb, what lies below one) is answered
 * from this list. Memoised per request by React's cache(): the layout, the page and its
 * metadata all need it, and one request reads the table once. Outside a React render (route
 * handlers, the front door, scripts) cache() is a pass-through and every call reads afresh.
 * Callers must not mutate the rows: within a request they are shared.
 */
export const listSections = cache(async (): Promise<Section[]> => {
  return getDb().select().from(sections).orderBy(asc(sections.sortOrder), asc(sections.id));
});

export async function getSectionTree(): Promise<SectionNode[]> {
  return buildTree(await listSections());
}

export function buildTree(all: Section[]): SectionNode[] {
  const nodes = new Map<number, SectionNode>(all.map((s) => [s.id, { ...s, children: [] }]));
  const roots: SectionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId == null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getSectionBySlug(slug: string): Promise<Section | undefined> {
  return (await listSections()).find((s) => s.slug === slug);
}

/** The section and its ancestors, root first: the breadcrumb. */
export async function getSectionTrail(sectionId: number): Promise<Section[]> {
  return sectionTrail(await listSections(), sectionId);
}

function sectionTrail(all: Section[], sectionId: number): Section[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const trail: Section[] = [];
  let current = byId.get(sectionId);
  // Bounded: a parent cycle written by hand into the database must not hang a render.
  while (current && trail.length < 16) {
    trail.unshift(current);
    current = current.parentId == null ? undefined : byId.get(current.parentId);
  }
  return trail;
}

/** The ids of a section and every section below it. */
export async function getDescendantIds(sectionId: number): Promise<number[]> {
  return descendantIds(await listSections(), sectionId);
}

function descendantIds(all: Section[], sectionId: number): number[] {
  const ids = [sectionId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}
