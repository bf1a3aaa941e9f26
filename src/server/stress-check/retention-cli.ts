/**
 * `npx tsx src/server/stress-check/retention-cli.ts [--years N]`: deletes stress-check campaigns closed more than
 * N years ago (default 5, never fewer) — run it daily from the municipality's scheduler (cron / タスク スケジューラ).
 */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { purgeExpiredStressChecks } from './retention.service.js';

const at = process.argv.indexOf('--years');
const years = at > 0 ? Number(process.argv[at + 1]) : undefined;
if (years !== undefined && (!Number.isInteger(years) || years < 5)) {
  console.error('--years は5以上の整数で指定してください(ストレスチェックの記録は5年間保存する義務があります)');
  process.exit(2);
}
const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
const outcome = await purgeExpiredStressChecks(database, { now: new Date(), years });
console.log(`stress-check retention: cutoff ${outcome.cutoff}, ${outcome.campaignsDeleted} campaign(s) deleted`);
await database.close();
