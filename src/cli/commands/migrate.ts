import { loadConfig } from '../../config.js';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase } from '../../store/db.js';

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const db = openDatabase({ path: config.database.path, migrationsFolder: MIGRATIONS_FOLDER });
  closeDatabase(db);
  process.stdout.write(`database ${config.database.path} is up to date\n`);
  return 0;
}
