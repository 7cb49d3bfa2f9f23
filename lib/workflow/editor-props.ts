import type { EditableArticle } from '@/db/queries/admin-articles';
import type { Section } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { shanghaiDateTime } from '@/lib/time';
import type { EditorArticle } from '@/components/admin/article-editor';
import type { EditorialForm } from '@/components/admin/editorial-controls';
import { availableActions, type WorkflowAction } from './transitions';

/** Section options in tree order, indented by depth, for the editor's 栏目 select. */
export function sectionOptions(all: Section[]): Array<{ id: number; label: string }> {
  const out: Array<{ id: number; label: string }> = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const s of all.filter((x) => x.parentId === parentId)) {
      out.push({ id: s.id, label: `${'— '.repeat(depth)}${s.name}` });
      if (depth < 8) visit(s.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

const localInput = (at: Date | null): string => (at ? shanghaiDateTime(at).replace(' ', 'T') : '');

const NEW_EDITORIAL: EditorialForm = {
  headline: false,
  headlineRank: '1',
  pinned: false,
  pinEndsAt: '',
  recommended: false,
  slide: false,
  sortWeight: '0',
  titleColor: '',
  titleBold: false,
  shortTitle: '',
  unpublishAt: '',
  externalUrl: '',
  extraSectionIds: [],
};

function editorialForm(a: EditableArticle): EditorialForm {
  return {
    headline: a.headlineRank !== null,
    headlineRank: String(a.headlineRank ?? 1),
    pinned: a.pinned,
    pinEndsAt: localInput(a.pinEndsAt),
    recommended: a.recommended,
    slide: a.slide,
    sortWeight: String(a.sortWeight),
    titleColor: a.titleColor ?? '',
    titleBold: a.titleBold,
    shortTitle: a.shortTitle ?? '',
    unpublishAt: localInput(a.unpublishAt),
    externalUrl: a.externalUrl ?? '',
    extraSectionIds: [...a.extraSectionIds].sort((x, y) => x - y),
  };
}

export function toEditorArticle(a: EditableArticle): EditorArticle {
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    reviewComment: a.reviewComment,
    publishedAtLocal: a.publishedAt ? shanghaiDateTime(a.publishedAt) : null,
    fields: {
      title: a.title,
      subtitle: a.subtitle ?? '',
      sectionId: a.sectionId,
      source: a.source,
      byline: a.byline.join('、'),
      responsibleEditor: a.responsibleEditor ?? '',
      summary: a.summary,
      coverImage: a.coverImage ?? '',
      coverAlt: a.coverAlt ?? '',
      body: a.body,
      editorial: editorialForm(a),
    },
  };
}

export function newEditorArticle(user: SessionUser, sectionId: number): EditorArticle {
  return {
    id: null,
    version: 0,
    status: 'draft',
    reviewComment: null,
    publishedAtLocal: null,
    fields: { title: '', subtitle: '', sectionId, source: '原创', byline: user.displayName, responsibleEditor: '', summary: '', coverImage: '', coverAlt: '', body: '', editorial: NEW_EDITORIAL },
  };
}

export function actionsFor(a: { status: EditorArticle['status']; authorId: number | null }, user: SessionUser): WorkflowAction[] {
  return availableActions({ status: a.status, authorId: a.authorId }, { id: user.id, role: user.role });
}

/** "YYYY-MM-DDTHH:mm" an hour from now in Shanghai: the schedule field's starting value. */
export function defaultPublishAtLocal(now = Date.now()): string {
  return shanghaiDateTime(now + 60 * 60 * 1000).replace(' ', 'T');
}
