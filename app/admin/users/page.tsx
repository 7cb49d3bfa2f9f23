import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/users/create-user-form';
import { DisableForm, ResetPasswordForm, RoleForm } from '@/components/admin/users/user-row-forms';
import { listUsers } from '@/db/queries/users';
import { ROLES } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { authorizePage } from '@/lib/auth/session';
import { shanghaiDateTime } from '@/lib/time';
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from './actions';

export const metadata: Metadata = { title: '用户管理' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const me = await authorizePage('admin');
  const users = await listUsers();
  const roles = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">用户管理</h1>
      <CreateUserForm action={createUserAction} roles={roles} />
      <section aria-labelledby="user-list-heading">
        <h2 id="user-list-heading" className="mb-3 text-lg font-bold">
          全部用户({users.length})
        </h2>
        <ul className="divide-y divide-line rounded border border-line">
          {users.map((u) => (
            <li key={u.id} aria-labelledby={`user-${u.id}`} className="space-y-2 p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h3 id={`user-${u.id}`} className="font-bold">
                  {u.username}
                </h3>
                <span>{u.displayName}</span>
                <span className="rounded bg-paper px-2 text-sm">{ROLE_LABELS[u.role]}</span>
                <span className={`text-sm ${u.disabled ? 'text-red-700' : 'text-green-800'}`}>{u.disabled ? '已停用' : '启用中'}</span>
                {u.id === me.id ? <span className="text-sm text-muted">(当前登录)</span> : null}
                <span className="text-sm text-muted">创建于 {shanghaiDateTime(u.createdAt)}</span>
              </div>
              <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
                {/* An admin's own role and account status are changed by another admin, never by themself. */}
                {u.id === me.id ? null : <RoleForm action={changeRoleAction} userId={u.id} username={u.username} role={u.role} roles={roles} />}
                <ResetPasswordForm action={resetPasswordAction} userId={u.id} username={u.username} />
                {u.id === me.id ? null : <DisableForm action={setDisabledAction} userId={u.id} username={u.username} disabled={u.disabled} />}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
