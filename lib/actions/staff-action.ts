import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction, type SessionUser } from '@/lib/auth/session';
import type { ContentChange } from '@/lib/cache/content-change';
import { refreshAfter } from '@/lib/cache/refresh';

/**
 * Every staff server action, in one order (after next-saas-starter's validatedActionWithUser):
 * 1. session and role: `authorizeAction(role)` answers 401/403 and nothing after it runs. It is
 *    awaited bare, never inside try/catch, or Next's interrupt would be swallowed
 *    (lib/auth/session.ts);
 * 2. input, validated by the action's zod schema (FormData fields or the editor's object); a
 *    refusal carries the schema's first (Chinese) message and nothing is written;
 * 3. the mutation (`run`), which says what it did: a message, an audit note, what readers'
 *    pages it changed;
 * 4. the audit line, on success only, with the actor and the address filled in here;
 * 5. refreshAfter(change), which does nothing for a change readers cannot see.
 * The result is typed: `{ ok: true, message, …data }` or `{ ok: false, message, …detail }`.
 */
export type ActionResult<Data extends object = object, Failure extends object = object> =
  | ({ ok: true; message: string } & Data)
  | ({ ok: false; message: string } & Partial<Failure>);

/** What the action's audit line says; who and from where are added by the wrapper. */
export type AuditNote = { action: string; target: string; detail?: string | null };

/** What a mutation reports back to the wrapper: its result for the form, plus what to audit and refresh. */
export type Outcome =
  | { ok: true; message: string; audit?: AuditNote; change?: ContentChange | ContentChange[] }
  | { ok: false; message: string };

/** The outcome as the caller sees it: the audit note and the change stay on the server. */
type Reply<O extends Outcome> = (O extends { ok: true } ? Omit<O, 'audit' | 'change'> : O) | { ok: false; message: string };

export type StaffActionSpec<Schema extends z.ZodType, O extends Outcome> = {
  /** The lowest role allowed to call the action at all (the mutation may refuse more). */
  role: Role;
  schema: Schema;
  run: (input: z.output<Schema>, user: SessionUser) => O | Promise<O>;
  /**
   * Form fields whose submitted text comes back with a refusal so the form can be refilled
   * (never a password: only the names listed here are echoed).
   */
  echo?: readonly string[];
};

/** The first problem zod found, as the staff member should read it. */
function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '输入有误。';
}

/**
 * A form's fields as a plain object for the schema: one text value per name. Next's own
 * `$ACTION_…` fields and files are left out (no staff form posts files to these actions).
 */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name.startsWith('$ACTION') || typeof value !== 'string' || name in fields) continue;
    fields[name] = value;
  }
  return fields;
}

async function perform<Schema extends z.ZodType, O extends Outcome>(spec: StaffActionSpec<Schema, O>, raw: unknown): Promise<Reply<O>> {
  const user = await authorizeAction(spec.role);
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const outcome = await spec.run(parsed.data, user);
  if (!outcome.ok) return outcome as Reply<O>;
  const { audit, change, ...result } = outcome;
  if (audit) await recordAudit({ ...audit, actorId: user.id, actorName: user.username, ip: await clientIp() });
  if (change) await refreshAfter(...(Array.isArray(change) ? change : [change]));
  return result as Reply<O>;
}

/** A staff action posted by a form (`useActionState(action, null)`): `(previous state, FormData)`. */
export function staffFormAction<Schema extends z.ZodType, O extends Outcome>(spec: StaffActionSpec<Schema, O>) {
  return async (_previous: unknown, form: FormData): Promise<Reply<O> | { ok: false; message: string; values: Record<string, string> }> => {
    const fields = formFields(form);
    const result = await perform(spec, fields);
    if (result.ok || !spec.echo) return result;
    const values = Object.fromEntries(spec.echo.map((name) => [name, fields[name] ?? '']));
    return { ok: false, message: result.message, values };
  };
}

/** A staff action called from script with an object (the editor's save): `(input)`. */
export function staffAction<Schema extends z.ZodType, O extends Outcome>(spec: StaffActionSpec<Schema, O>) {
  return async (input: z.input<Schema>): Promise<Reply<O>> => perform(spec, input);
}
