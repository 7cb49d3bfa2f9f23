'use server';

import { createArticle, restoreRevision, saveArticle } from '@/db/mutations/articles';
import { getArticleVersion } from '@/db/queries/admin-articles';
import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { firstIssue, type SaveInput, saveInputSchema } from '@/lib/workflow/article-input';
import { touchPresence } from '@/lib/workflow/presence';
import { revalidateArticle } from '@/lib/workflow/revalidate';
import { isReaderVisible, keepsRevisions } from '@/lib/workflow/transitions';
import type { ArticleStatus } from '@/db/schema';

export type SaveResult =
  | { ok: true; id: number; version: number; status: ArticleStatus; savedAt: string }
  | { ok: false; conflict: boolean; message: string; currentVersion?: number };

/** Creates (id null) or saves an article; autosave and the 保存 button both come here. */
export async function saveArticleAction(input: SaveInput): Promise<SaveResult> {
  const user = await authorizeAction('reporter');
  const parsed = saveInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, conflict: false, message: firstIssue(parsed.error) };
  const { id, version, fields } = parsed.data;
  const actor = { id: user.id, role: user.role };
  const result = id === null ? createArticle(fields, actor) : saveArticle(id, version, fields, actor);
  if (!result.ok) {
    return { ok: false, conflict: result.code === 'conflict', message: result.message, currentVersion: result.currentVersion };
  }
  const c = result.change;
  if (id === null) {
    await recordAudit({ actorId: user.id, actorName: user.username, action: 'article.create', target: `article:${c.id}`, detail: fields.title, ip: await clientIp() });
  } else if (keepsRevisions(c.status)) {
    // Draft autosaves are not audited (one every few seconds); edits past the author's desk are.
    await recordAudit({ actorId: user.id, actorName: user.username, action: 'article.save', target: `article:${c.id}`, detail: `版本 ${c.version}`, ip: await clientIp() });
  }
  if (isReaderVisible(c.status)) await revalidateArticle(c);
  return { ok: true, id: c.id, version: c.version, status: c.status, savedAt: c.updatedAt.toISOString() };
}

export type PresenceResult = { others: string[]; version: number | null; status: ArticleStatus | null };

/** The open editor's heartbeat: who else has this article open, and its current version. */
export async function editorHeartbeatAction(articleId: number): Promise<PresenceResult> {
  const user = await authorizeAction('reporter');
  if (!Number.isSafeInteger(articleId) || articleId <= 0) return { others: [], version: null, status: null };
  const current = await getArticleVersion(articleId);
  const others = current ? touchPresence(articleId, user.id, user.displayName) : [];
  return { others, version: current?.version ?? null, status: current?.status ?? null };
}

export type RestoreState = { message: string; ok: boolean } | null;

/** Restores a revision as a new save (form on the revisions page). */
export async function restoreRevisionAction(_prev: RestoreState, form: FormData): Promise<RestoreState> {
  const user = await authorizeAction('reporter');
  const articleId = Number(form.get('articleId'));
  const revisionId = Number(form.get('revisionId'));
  const version = Number(form.get('version'));
  if (![articleId, revisionId, version].every((n) => Number.isSafeInteger(n) && n > 0)) return { ok: false, message: '请求无效。' };
  const result = restoreRevision(articleId, revisionId, version, { id: user.id, role: user.role });
  if (!result.ok) return { ok: false, message: result.message };
  await recordAudit({ actorId: user.id, actorName: user.username, action: 'revision.restore', target: `article:${articleId}`, detail: `修订 ${revisionId} → 版本 ${result.change.version}`, ip: await clientIp() });
  if (isReaderVisible(result.change.status)) await revalidateArticle(result.change);
  return { ok: true, message: `已恢复为该修订的内容(新版本 ${result.change.version})。` };
}
