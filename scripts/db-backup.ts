/**
 * `npm run db:backup -- FILE`: a consistent online backup of DATABASE_PATH (default
 * data/portal.db) into FILE while the site keeps serving. See lib/backup/portal-db.ts.
 * The copy holds no session signing secret (that lives in NEXTAUTH_SECRET or DATA_DIR/auth-secret),
 * so it can be stored or handed on without letting its holder forge a staff session.
 */
import { databasePath } from '@/db/client';
import { backupDatabase } from '@/lib/backup/portal-db';

const dest = process.argv[2];
if (!dest) {
  console.error('用法: npm run db:backup -- <备份文件>');
  process.exit(2);
}
const started = performance.now();
try {
  const s = backupDatabase(databasePath(), dest);
  console.log(
    `已备份 ${databasePath()} → ${dest}: ${s.articles} 篇文章, ${s.sections} 个栏目, ${s.users} 个用户, ${s.migrations} 个迁移, integrity_check ok (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  console.error(`备份失败: ${(error as Error).message}`);
  process.exit(1);
}
