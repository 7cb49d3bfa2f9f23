/**
 * `npm start`: prepares the embedded database (migrate; seed the demo when it is empty),
 * builds when there is no build of the current sources, then runs `next start`.
 * A second start reuses the database and never reseeds over it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, databasePath, getDb, migrateDatabase } from '@/db/client';
import { seedDatabase } from '@/lib/seed/seed-database';
import { startupNotices } from '@/lib/startup-notices';

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || '.next';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['app', 'components', 'db/queries', 'db/schema.ts', 'db/client.ts', 'lib', 'public', 'next.config.ts', 'package-lock.json', 'proxy.ts', 'instrumentation.ts']) {
    visit(path.join(root, entry));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const stamp = path.join(root, distDir, 'BUILD_ID');
  if (!fs.existsSync(stamp)) return false;
  return fs.statSync(stamp).mtimeMs >= newestSourceMtime();
}

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

// A build made before the demo content existed holds prerendered empty pages: rebuild then.
if (empty || !buildIsCurrent()) {
  console.log('[build] 没有当前源码的构建,正在执行 next build …');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
