import { type ArticleStatus, ROLES, type Role } from '@/db/schema';
import { roleAtLeast } from '@/lib/auth/roles';

/**
 * The newsroom's review chain as data: which action may move an article from which status,
 * and who may take it. Every workflow write asks `checkTransition` first, so the rules live
 * here and nowhere else; the admin UI asks the same function which buttons to show.
 */
export const WORKFLOW_ACTIONS = ['save', 'submit', 'publish', 'schedule', 'sendBack', 'withdraw', 'restore', 'delete'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤稿',
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  save: '保存',
  submit: '提交审核',
  publish: '审核通过并立即发布',
  schedule: '定时发布',
  sendBack: '退回修改',
  withdraw: '撤稿',
  restore: '恢复为草稿',
  delete: '删除',
};

type Rule = { from: readonly ArticleStatus[]; to: ArticleStatus | null; editorOnly: boolean };

const RULES: Record<WorkflowAction, Rule> = {
  // Saving keeps the status; reporters may only save their own drafts (checked below).
  save: { from: ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'], to: null, editorOnly: false },
  submit: { from: ['draft'], to: 'in_review', editorOnly: false },
  publish: { from: ['draft', 'in_review', 'scheduled'], to: 'published', editorOnly: true },
  schedule: { from: ['draft', 'in_review', 'scheduled'], to: 'scheduled', editorOnly: true },
  sendBack: { from: ['in_review', 'scheduled'], to: 'draft', editorOnly: true },
  withdraw: { from: ['published', 'scheduled'], to: 'withdrawn', editorOnly: true },
  restore: { from: ['withdrawn'], to: 'draft', editorOnly: true },
  // Only drafts and withdrawn pieces can be deleted: anything readers saw is withdrawn first.
  delete: { from: ['draft', 'withdrawn'], to: null, editorOnly: false },
};

export type Actor = { id: number; role: Role };
export type ArticleState = { status: ArticleStatus; authorId: number | null };
export type TransitionCheck = { ok: true; to: ArticleStatus } | { ok: false; reason: string };

function isEditor(actor: Actor): boolean {
  return actor.role === 'editor' || actor.role === 'admin';
}

/** Whether `actor` may take `action` on an article in `state`, and the status it leads to. */
export function checkTransition(action: WorkflowAction, state: ArticleState, actor: Actor): TransitionCheck {
  const rule = RULES[action];
  const label = ACTION_LABELS[action];
  if (rule.editorOnly && !isEditor(actor)) {
    return { ok: false, reason: `只有编辑或管理员可以执行“${label}”。` };
  }
  if (!isEditor(actor)) {
    if (state.authorId !== actor.id) return { ok: false, reason: '记者只能处理自己撰写的稿件。' };
    if ((action === 'save' || action === 'delete') && state.status !== 'draft') {
      return { ok: false, reason: `稿件当前状态为“${STATUS_LABELS[state.status]}”,记者只能修改自己的草稿。` };
    }
  }
  if (!rule.from.includes(state.status)) {
    return { ok: false, reason: `稿件当前状态为“${STATUS_LABELS[state.status]}”,不能执行“${label}”。` };
  }
  return { ok: true, to: rule.to ?? state.status };
}

/** The actions the UI should offer (every one of them is re-checked on the server). */
export function availableActions(state: ArticleState, actor: Actor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => checkTransition(a, state, actor).ok);
}

/** Statuses whose saves keep a revision: once an article left the author's desk, history matters. */
export function keepsRevisions(status: ArticleStatus): boolean {
  return status !== 'draft';
}

/**
 * The lowest role that could take `action` on some article (its own, in a status the rule
 * accepts): the floor a server action demands before it reads anything, so a reporter calling
 * publish gets a 403 at once. Derived from RULES through checkTransition, never restated.
 */
export function minimumRoleFor(action: WorkflowAction): Role {
  const able = ROLES.filter((role) =>
    RULES[action].from.some((status) => checkTransition(action, { status, authorId: 0 }, { id: 0, role }).ok),
  );
  const floor = able.find((role) => able.every((other) => roleAtLeast(other, role)));
  if (!floor) throw new Error(`workflow: no role may ever take ${action}`);
  return floor;
}
