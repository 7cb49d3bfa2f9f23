/**
 * `npm run db:restore -- FILE`: replaces DATABASE_PATH with the backup FILE. Refuses while a
 * server (or any other process) has the database open; checks the backup first.
 */
import { databasePath } from '@/db/client';
import { restoreDatabase } from '@/lib/backup/portal-db';

const from = process.argv[2];
if (!from) {
  console.error('用法: npm run db:restore -- <备份文件>   (先停止网站服务器)');
  process.exit(2);
}
try {
  const s = await restoreDatabase(from, databasePath());
  console.log(`已从 ${from} 恢复到 ${databasePath()}: ${s.articles} 篇文章, ${s.users} 个用户, integrity_check ok`);
} catch (error) {
  console.error(`恢复失败: ${(error as Error).message}`);
  process.exit(1);
}
