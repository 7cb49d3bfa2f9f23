/**
 * `npm start`: prepares the embedded database (migrate; seed the demo when it is empty),
 * builds when there is no build of the current sources (scripts/lib/build-freshness.ts), then runs
 * the portal's server (server.ts), the only way the portal serves in production (instrumentation.ts).
 * A second start reuses the database and never reseeds over it.
 */
import { spawn } from 'node:child_process';
import { closeDb, databasePath, getDb, migrateDatabase } from '@/db/client';
import { seedDatabase } from '@/lib/seed/seed-database';
import { startupNotices } from '@/lib/startup-notices';
import { buildPortal } from './lib/build';
import { buildIsCurrent } from './lib/build-freshness';
import { portalServerArgs } from './lib/portal-server';

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || '.next';

const db = getDb();
migrateDatabase(db);
const empty = (db.$client.prepare('select count(*) as n from articles').get() as { n: number }).n === 0;
if (empty) {
  const seeded = seedDatabase(db, { log: (line) => console.log(`[seed] ${line}`) });
  console.log(`[seed] 演示内容已写入 ${databasePath()}: ${seeded.articles} 篇文章`);
} else {
  console.log(`[db] 使用已有数据库 ${databasePath()}`);
}
for (const notice of startupNotices(db)) console.log(notice);
closeDb();

// Current means built from these very sources and dependencies (by content: `npm install`
// rewrites the lock and leaves it meaning the same). A build made before the demo content
// existed holds prerendered empty pages: rebuild then too.
if (empty || !buildIsCurrent(root, distDir)) {
  console.log('[build] 没有当前源码的构建,正在执行 next build …');
  if (!buildPortal(process.env)) process.exit(1);
} else {
  console.log(`[build] ${distDir} 中的构建与当前源码一致,无需重新构建`);
}

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, portalServerArgs(port, process.env.HOST || '0.0.0.0'), {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
