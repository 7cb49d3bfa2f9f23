/**
 * Staff accounts from the command line (the only way to create the first admin):
 *   npm run user:create -- --username NAME --role admin|editor|reporter [--name 显示名]
 *   npm run user:passwd -- --username NAME
 *   npm run user:disable -- --username NAME
 *   npm run user:unlock -- --username NAME     (lifts sign-in locks on the name, from every address)
 * Passwords are read from standard input (typed, or piped: printf '%s\n' "$PW" | npm run ...),
 * never from an argument, so they stay out of shell history and `ps`.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { closeDb, databasePath, getDb } from '@/db/client';
import { getUserCredentials } from '@/db/queries/users';
import { ROLES, type Role } from '@/db/schema';
import { passwordProblem } from '@/lib/auth/password';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { createStaffUser, resetStaffPassword, setStaffDisabled, unlockStaffLogin, type Actor } from '@/lib/auth/staff-accounts';
import { displayNameSchema, usernameSchema } from '@/lib/auth/usernames';

class CliError extends Error {}

const CLI_ACTOR: Actor = { id: null, username: 'cli' };

async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    // Typed at a terminal: ask twice and do not echo.
    const ask = (q: string) =>
      new Promise<string>((resolve) => {
        const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
        const out = rl as unknown as { _writeToOutput: (s: string) => void };
        process.stderr.write(q);
        out._writeToOutput = () => {};
        rl.question('', (answer) => {
          rl.close();
          process.stderr.write('\n');
          resolve(answer);
        });
      });
    const first = await ask(prompt);
    const second = await ask('请再次输入密码:');
    if (first !== second) throw new CliError('两次输入的密码不一致');
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(chunk as Buffer);
  // Only the first line counts, and its line ending is not part of the password.
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '');
}

function option(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const usernameArg = option(values, 'username');
  if (!usernameArg) throw new CliError('请用 --username 指定用户名');
  const parsedName = usernameSchema.safeParse(usernameArg);
  if (!parsedName.success) throw new CliError(parsedName.error.issues[0]?.message ?? '用户名无效');
  const username = parsedName.data;
  getDb();

  if (command === 'create') {
    const role = option(values, 'role');
    if (!role || !(ROLES as readonly string[]).includes(role)) throw new CliError('请用 --role 指定角色:admin、editor 或 reporter');
    const displayName = displayNameSchema.safeParse(option(values, 'name') ?? username);
    if (!displayName.success) throw new CliError(displayName.error.issues[0]?.message ?? '显示名无效');
    if (await getUserCredentials(username)) throw new CliError(`用户名 ${username} 已存在`);
    const password = await readPassword(`请输入 ${username} 的密码(至少 12 个字符):`);
    const problem = passwordProblem(password, username);
    if (problem) throw new CliError(problem);
    const result = await createStaffUser(CLI_ACTOR, { username, displayName: displayName.data, role: role as Role, password });
    if (!result.ok) throw new CliError(result.error);
    console.log(`已创建${ROLE_LABELS[role as Role]}账号 ${username}(数据库:${databasePath()})`);
    return;
  }

  // Works for a name with no account too: a guesser's failures on it are still counted.
  if (command === 'unlock') {
    const result = await unlockStaffLogin(CLI_ACTOR, username);
    if (!result.ok) throw new CliError(result.error);
    console.log(result.message);
    return;
  }

  const user = await getUserCredentials(username);
  if (!user) throw new CliError(`用户 ${username} 不存在`);
  if (command === 'passwd') {
    const password = await readPassword(`请输入 ${username} 的新密码(至少 12 个字符):`);
    const result = await resetStaffPassword(CLI_ACTOR, user.id, password);
    if (!result.ok) throw new CliError(result.error);
    console.log(result.message);
    return;
  }
  if (command === 'disable') {
    const result = await setStaffDisabled(CLI_ACTOR, user.id, true);
    if (!result.ok) throw new CliError(result.error);
    console.log(result.message);
    return;
  }
  throw new CliError(`未知命令 ${command ?? ''}:可用 create、passwd、disable、unlock`);
}

main()
  .then(() => closeDb())
  .catch((error: unknown) => {
    closeDb();
    if (error instanceof CliError) console.error(`错误:${error.message}`);
    else if (error instanceof TypeError && 'code' in error) console.error(`错误:参数无效。${error.message}`);
    else console.error('错误:', error);
    process.exit(1);
  });
