import { closeDb, databasePath, getDb, migrateDatabase } from '@/db/client';

migrateDatabase(getDb());
console.log(`数据库已迁移到最新版本: ${databasePath()}`);
closeDb();
