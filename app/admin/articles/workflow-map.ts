import type { WorkflowActionFn } from '@/components/admin/workflow-panel';
import type { WorkflowAction } from '@/lib/workflow/transitions';
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

/** Only the steps this user may take are handed to the page (the server re-checks each anyway). */
export function workflowFor(actions: WorkflowAction[]): Partial<Record<WorkflowAction, WorkflowActionFn>> {
  return Object.fromEntries(actions.filter((a) => ALL[a]).map((a) => [a, ALL[a]!]));
}
