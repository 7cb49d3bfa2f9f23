'use server';

import { z } from 'zod';
import { createArticle, readerChange, restoreRevision, saveArticle } from '@/db/mutations/articles';
import { getArticleVersion } from '@/db/queries/admin-articles';
import type { ArticleStatus } from '@/db/schema';
import { type ActionResult, staffAction, staffFormAction } from '@/lib/actions/staff-action';
import { authorizeAction } from '@/lib/auth/session';
import { rearmScheduler } from '@/lib/scheduler/scheduler-state';
import { type SaveInput, saveInputSchema } from '@/lib/workflow/article-input';
import { touchPresence } from '@/lib/workflow/presence';
import { keepsRevisions, minimumRoleFor } from '@/lib/workflow/transitions';

export type SaveResult = ActionResult<
  { id: number; version: number; status: ArticleStatus; savedAt: string },
  { conflict: boolean; currentVersion: number }
>;

const save = staffAction({
  role: minimumRoleFor('save'),
  schema: saveInputSchema,
  run: ({ id, version, fields, editorial }, user) => {
    const actor = { id: user.id, role: user.role };
    const result = id === null ? createArticle(fields, actor, new Date(), editorial) : saveArticle(id, version, fields, actor, new Date(), editorial);
    if (!result.ok) {
      return { ok: false, conflict: result.code === 'conflict', message: result.message, currentVersion: result.currentVersion };
    }
    const c = result.change;
    // A new pin end or take-down time: the scheduler must wake for it, not at its old time.
    if (c.timersChanged) rearmScheduler();
    // Draft autosaves are not audited (one every few seconds); a creation and edits past the author's desk are.
    const audit =
      id === null
        ? { action: 'article.create', target: `article:${c.id}`, detail: fields.title }
        : keepsRevisions(c.status)
          ? { action: 'article.save', target: `article:${c.id}`, detail: `版本 ${c.version}` }
          : undefined;
    return { ok: true, message: '已保存。', id: c.id, version: c.version, status: c.status, savedAt: c.updatedAt.toISOString(), audit, change: readerChange(c) };
  },
});

/** Creates (id null) or saves an article; autosave and the 保存 button both come here. */
export async function saveArticleAction(input: SaveInput): Promise<SaveResult> {
  return save(input);
}

export type PresenceResult = { others: string[]; version: number | null; status: ArticleStatus | null };

const articleId = z.number().int().positive();

/** The open editor's heartbeat: who else has this article open, and its current version. Reads only. */
export async function editorHeartbeatAction(id: number): Promise<PresenceResult> {
  const user = await authorizeAction(minimumRoleFor('save'));
  if (!articleId.safeParse(id).success) return { others: [], version: null, status: null };
  const current = await getArticleVersion(id);
  const others = current ? touchPresence(id, user.id, user.displayName) : [];
  return { others, version: current?.version ?? null, status: current?.status ?? null };
}

export type RestoreState = ActionResult | null;

const BAD_REQUEST = '请求无效。';
const positiveId = z.coerce.number({ error: BAD_REQUEST }).int({ error: BAD_REQUEST }).positive({ error: BAD_REQUEST });

const restore = staffFormAction({
  // Restoring is a save of the revision's content, with the save's rules.
  role: minimumRoleFor('save'),
  schema: z.object({ articleId: positiveId, revisionId: positiveId, version: positiveId }),
  run: ({ articleId, revisionId, version }, user) => {
    const result = restoreRevision(articleId, revisionId, version, { id: user.id, role: user.role });
    if (!result.ok) return { ok: false, message: result.message };
    const c = result.change;
    return {
      ok: true,
      message: `已恢复为该修订的内容(新版本 ${c.version})。`,
      audit: { action: 'revision.restore', target: `article:${articleId}`, detail: `修订 ${revisionId} → 版本 ${c.version}` },
      change: readerChange(c),
    };
  },
});

/** Restores a revision as a new save (form on the revisions page). */
export async function restoreRevisionAction(previous: RestoreState, form: FormData): Promise<RestoreState> {
  return restore(previous, form);
}
