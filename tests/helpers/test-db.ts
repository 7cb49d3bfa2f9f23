import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb, type DB } from '@/db/client';
import { seedDatabase } from '@/lib/seed/seed-database';

/**
 * Points this test process at a fresh throwaway database (migrated, optionally seeded) and
 * returns it with a cleanup. Test files run in separate processes, so the singleton is theirs.
 */
export function useTestDatabase(options: { articles?: number; seed?: boolean; now?: Date } = {}): {
  db: DB;
  file: string;
  cleanup: () => void;
} {
  closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const file = path.join(dir, 'test.db');
  process.env.DATABASE_PATH = file;
  // The seed stores demo covers and files under DATA_DIR: keep them in the throwaway folder too,
  // unless the test chose a data folder of its own.
  process.env.DATA_DIR ||= dir;
  const db = getDb();
  if (options.seed !== false) seedDatabase(db, { articles: options.articles ?? 200, now: options.now });
  return {
    db,
    file,
    cleanup: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
