'use server';

import { redirect } from 'next/navigation';
import { deleteArticle, transitionArticle, type TransitionInput } from '@/db/mutations/articles';
import type { ArticleStatus, Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { rearmScheduler } from '@/lib/scheduler/scheduler-state';
import { parseShanghaiLocal, shanghaiDateTime } from '@/lib/time';
import { revalidateArticle } from '@/lib/workflow/revalidate';
import { ACTION_LABELS, isReaderVisible } from '@/lib/workflow/transitions';

/**
 * One server action per workflow step. Each first demands the step's minimum role (a reporter
 * calling publish gets a 403 before anything is read), then lib/workflow decides on the
 * article itself inside the mutation's transaction.
 */
export type WorkflowState = { ok: boolean; message: string; version?: number; status?: ArticleStatus } | null;

const AUDIT_NAMES: Record<TransitionInput['action'], string> = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  sendBack: 'article.return',
  withdraw: 'article.withdraw',
  restore: 'article.restore',
};

function positiveInt(value: FormDataEntryValue | null): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

async function runTransition(min: Role, action: TransitionInput['action'], form: FormData): Promise<WorkflowState> {
  const user = await authorizeAction(min);
  const id = positiveInt(form.get('id'));
  const version = positiveInt(form.get('version'));
  if (id === null || version === null) return { ok: false, message: '请求无效:缺少稿件编号或版本。' };
  const input: TransitionInput = { id, action, expectedVersion: version };
  if (action === 'schedule') {
    const at = parseShanghaiLocal(String(form.get('publishAt') ?? ''));
    if (!at) return { ok: false, message: '请填写定时发布的日期和时间(北京时间)。' };
    input.publishAt = at;
  }
  if (action === 'sendBack') input.comment = String(form.get('comment') ?? '').slice(0, 1000);

  const result = transitionArticle(input, { id: user.id, role: user.role });
  if (!result.ok) return { ok: false, message: result.message };
  const c = result.change;
  const detail = action === 'schedule' && c.publishedAt ? `定时 ${shanghaiDateTime(c.publishedAt)}` : action === 'sendBack' ? input.comment : null;
  await recordAudit({ actorId: user.id, actorName: user.username, action: AUDIT_NAMES[action], target: `article:${id}`, detail, ip: await clientIp() });
  if (isReaderVisible(c.status) || isReaderVisible(c.previousStatus)) await revalidateArticle(c);
  if (c.status === 'scheduled' || c.previousStatus === 'scheduled') rearmScheduler();
  const done = action === 'schedule' && c.publishedAt ? `已设置定时发布:${shanghaiDateTime(c.publishedAt)}(北京时间)。` : `已${ACTION_LABELS[action]}。`;
  return { ok: true, message: done, version: c.version, status: c.status };
}

export async function submitArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('reporter', 'submit', form);
}

export async function publishArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('editor', 'publish', form);
}

export async function scheduleArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('editor', 'schedule', form);
}

export async function sendBackArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('editor', 'sendBack', form);
}

export async function withdrawArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('editor', 'withdraw', form);
}

export async function restoreArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  return runTransition('editor', 'restore', form);
}

export async function deleteArticleAction(_prev: WorkflowState, form: FormData): Promise<WorkflowState> {
  const user = await authorizeAction('reporter');
  const id = positiveInt(form.get('id'));
  if (id === null) return { ok: false, message: '请求无效:缺少稿件编号。' };
  const result = deleteArticle(id, { id: user.id, role: user.role });
  if (!result.ok) return { ok: false, message: result.message };
  await recordAudit({ actorId: user.id, actorName: user.username, action: 'article.delete', target: `article:${id}`, ip: await clientIp() });
  if (isReaderVisible(result.change.previousStatus)) await revalidateArticle(result.change);
  redirect('/admin/articles?deleted=1');
}
