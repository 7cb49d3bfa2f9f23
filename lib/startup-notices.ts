import type { DB } from '@/db/client';

/** Lines `npm start` prints about the state of the database, e.g. how to create the first admin. */
export function startupNotices(db: DB): string[] {
  const users = (db.$client.prepare('select count(*) as n from users').get() as { n: number }).n;
  if (users > 0) return [];
  return [
    '[admin] 还没有任何工作人员账号。创建第一个管理员:',
    '[admin]   npm run user:create -- --username admin --role admin --name 管理员',
    '[admin] (密码从标准输入读取,至少 12 个字符;也可管道输入:printf \'%s\\n\' "$PASSWORD" | npm run user:create -- …)',
  ];
}
