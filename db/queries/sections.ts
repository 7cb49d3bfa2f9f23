import { asc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { type Section, sections } from '../schema';

export type SectionNode = Section & { children: SectionNode[] };

/** Every section, ordered for display. The table is small (tens of rows). */
export async function listSections(): Promise<Section[]> {
  return getDb().select().from(sections).orderBy(asc(sections.sortOrder), asc(sections.id));
}

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
  const rows = await getDb().select().from(sections).where(eq(sections.slug, slug)).limit(1);
  return rows[0];
}

export async function getSectionById(id: number): Promise<Section | undefined> {
  const rows = await getDb().select().from(sections).where(eq(sections.id, id)).limit(1);
  return rows[0];
}

/** The section and its ancestors, root first: the breadcrumb. */
export async function getSectionTrail(sectionId: number): Promise<Section[]> {
  const all = await listSections();
  const byId = new Map(all.map((s) => [s.id, s]));
  const trail: Section[] = [];
  let current = byId.get(sectionId);
  while (current && trail.length < 16) {
    trail.unshift(current);
    current = current.parentId == null ? undefined : byId.get(current.parentId);
  }
  return trail;
}

/** The ids of a section and every section below it. */
export async function getDescendantIds(sectionId: number): Promise<number[]> {
  const all = await listSections();
  const ids = [sectionId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}
