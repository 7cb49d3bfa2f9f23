import type { WorkflowActionFn } from '@/components/admin/workflow-panel';
import type { Role } from '@/db/schema';
import { roleAtLeast } from '@/lib/auth/roles';
import { type WorkflowAction, WORKFLOW_ACTIONS, minimumRoleFor } from '@/lib/workflow/transitions';
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
 * The same floor the actions demand (minimumRoleFor), so the two cannot disagree.
 */
export function workflowForRole(role: Role): Partial<Record<WorkflowAction, WorkflowActionFn>> {
  const possible = WORKFLOW_ACTIONS.filter((a) => ALL[a] && roleAtLeast(role, minimumRoleFor(a)));
  return Object.fromEntries(possible.map((a) => [a, ALL[a]!]));
}
