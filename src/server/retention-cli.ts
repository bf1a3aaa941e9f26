/** `npm run retention [YYYY-MM-DD]`: run the retention jobs now (or as of a date's noon, Asia/Tokyo). */
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { tokyoDate } from './http/context.js';
import { runRetentionJobs } from './retention-jobs.js';

const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
const asOf = process.argv[2];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error('日付は YYYY-MM-DD で指定してください');
  process.exit(2);
}
const now = asOf === undefined ? new Date() : new Date(`${asOf}T12:00:00+09:00`);
await database.migrate();
for (const line of (await runRetentionJobs(database, now, tokyoDate(now))).lines) console.log(line);
await database.close();
