/** `npm run migrate`: apply pending migrations to the configured database (PGlite folder or DATABASE_URL). */
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';

const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
await database.migrate();
console.log(`migrated (${database.engine})`);
await database.close();
