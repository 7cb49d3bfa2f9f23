import { parseArgs } from 'node:util';
import { closeDb, databasePath, getDb, migrateDatabase } from '@/db/client';
import { DEFAULT_DEMO_ARTICLES, seedDatabase } from '@/lib/seed/seed-database';

const { values } = parseArgs({ options: { articles: { type: 'string' } } });
const target = values.articles === undefined ? DEFAULT_DEMO_ARTICLES : Number(values.articles);
if (!Number.isInteger(target) || target < 0 || target > 5_000_000) {
  console.error('--articles 需要 0 到 5000000 之间的整数');
  process.exit(2);
}

const started = performance.now();
const db = getDb();
migrateDatabase(db);
const result = seedDatabase(db, { articles: target, log: (l) => console.log(l) });
console.log(
  `数据库 ${databasePath()}: ${result.sections} 个栏目, ${result.articles} 篇文章 (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
closeDb();
