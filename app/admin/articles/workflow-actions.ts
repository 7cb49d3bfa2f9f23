'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteArticle, readerChange, transitionArticle, type TransitionInput } from '@/db/mutations/articles';
import type { ArticleStatus } from '@/db/schema';
import { type ActionResult, staffFormAction } from '@/lib/actions/staff-action';
import { rearmScheduler } from '@/lib/scheduler/scheduler-state';
import { parseShanghaiLocal, shanghaiDateTime } from '@/lib/time';
import { ACTION_LABELS, minimumRoleFor } from '@/lib/workflow/transitions';

/**
 * One server action per workflow step, each through staffFormAction: the step's floor role from
 * the rules table first (a reporter calling publish gets a 403 before anything is read), then
 * the form, then lib/workflow decides on the article itself inside the mutation's transaction.
 */
export type WorkflowState = ActionResult<{ version: number; status: ArticleStatus }> | null;
/** A step that went through: the editor moves on to its new version and status. */
export type WorkflowDone = Extract<NonNullable<WorkflowState>, { ok: true }>;

type Step = TransitionInput['action'];

const AUDIT_NAMES: Record<Step, string> = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  sendBack: 'article.return',
  withdraw: 'article.withdraw',
  restore: 'article.restore',
};

const BAD_REQUEST = '请求无效:缺少稿件编号或版本。';
const positiveId = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
const target = z.object({ id: positiveId(BAD_REQUEST), version: positiveId(BAD_REQUEST) });

const MISSING_TIME = '请填写定时发布的日期和时间(北京时间)。';
const publishAt = z
  .string({ error: MISSING_TIME })
  .transform((text, ctx) => parseShanghaiLocal(text) ?? (ctx.addIssue({ code: 'custom', message: MISSING_TIME }), z.NEVER));

const STEP_SCHEMAS = {
  submit: target,
  publish: target,
  schedule: target.extend({ publishAt }),
  // An empty comment is refused by the mutation with its own message (退回修改时请填写意见).
  sendBack: target.extend({ comment: z.string().default('').transform((text) => text.slice(0, 1000)) }),
  withdraw: target,
  restore: target,
} satisfies Record<Step, z.ZodType>;

type StepInput = z.output<typeof target> & { publishAt?: Date; comment?: string };

function step(action: Step) {
  return staffFormAction({
    role: minimumRoleFor(action),
    schema: STEP_SCHEMAS[action] as z.ZodType<StepInput>,
    run: (input: StepInput, user) => {
      const request: TransitionInput = { id: input.id, action, expectedVersion: input.version, publishAt: input.publishAt, comment: input.comment };
      const result = transitionArticle(request, { id: user.id, role: user.role });
      if (!result.ok) return { ok: false, message: result.message };
      const c = result.change;
      // Any step may move a time the scheduler wakes for: a publication time, or a take-down or a
      // pin's end that only counts once the article is public. Steps are rare; re-reading is cheap.
      rearmScheduler();
      const scheduledAt = action === 'schedule' && c.publishedAt ? shanghaiDateTime(c.publishedAt) : null;
      return {
        ok: true,
        message: scheduledAt ? `已设置定时发布:${scheduledAt}(北京时间)。` : `已${ACTION_LABELS[action]}。`,
        version: c.version,
        status: c.status,
        audit: { action: AUDIT_NAMES[action], target: `article:${c.id}`, detail: scheduledAt ? `定时 ${scheduledAt}` : (input.comment ?? null) },
        change: readerChange(c),
      };
    },
  });
}

const submit = step('submit');
const publish = step('publish');
const schedule = step('schedule');
const sendBack = step('sendBack');
const withdraw = step('withdraw');
const restore = step('restore');

export async function submitArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return submit(previous, form);
}

export async function publishArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return publish(previous, form);
}

export async function scheduleArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return schedule(previous, form);
}

export async function sendBackArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return sendBack(previous, form);
}

export async function withdrawArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return withdraw(previous, form);
}

export async function restoreArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  return restore(previous, form);
}

const remove = staffFormAction({
  role: minimumRoleFor('delete'),
  schema: z.object({ id: positiveId('请求无效:缺少稿件编号。') }),
  run: ({ id }, user) => {
    const result = deleteArticle(id, { id: user.id, role: user.role });
    if (!result.ok) return { ok: false, message: result.message };
    return { ok: true, message: '已删除。', audit: { action: 'article.delete', target: `article:${id}` }, change: readerChange(result.change) };
  },
});

export async function deleteArticleAction(previous: WorkflowState, form: FormData): Promise<WorkflowState> {
  const result = await remove(previous, form);
  // Outside the wrapper: redirect() throws, and the audit and the refresh must have run first.
  if (result.ok) redirect('/admin/articles?deleted=1');
  return result;
}
