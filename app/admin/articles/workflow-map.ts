import type { WorkflowActionFn } from '@/components/admin/workflow-panel';
import type { Role } from '@/db/schema';
import { type WorkflowAction, WORKFLOW_ACTIONS, checkTransition } from '@/lib/workflow/transitions';
import {
  deleteArticleAction,
  publishArticleAction,
  restoreArticleAction,
  scheduleArticleAction,
  sendBackArticleAction,
  submitArticleAction,
  withdrawArticleAction,
} from './workflow-actions';

const ALL: Partial<Record<WorkflowAction, WorkflowActionFn>> = {
  submit: submitArticleAction,
  publish: publishArticleAction,
  schedule: scheduleArticleAction,
  sendBack: sendBackArticleAction,
  withdraw: withdrawArticleAction,
  restore: restoreArticleAction,
  delete: deleteArticleAction,
};

/**
 * The steps a role can ever take, handed to the editor (which shows those valid for the current
 * status). A reporter's page never even references the publish action; the server re-checks all.
 */
export function workflowForRole(role: Role): Partial<Record<WorkflowAction, WorkflowActionFn>> {
  // A draft of one's own is the widest case a reporter meets; editors may take every step somewhere.
  const possible = WORKFLOW_ACTIONS.filter((a) =>
    role === 'reporter'
      ? (['draft', 'in_review'] as const).some((status) => checkTransition(a, { status, authorId: -1 }, { id: -1, role }).ok)
      : true,
  );
  return Object.fromEntries(possible.filter((a) => ALL[a]).map((a) => [a, ALL[a]!]));
}
