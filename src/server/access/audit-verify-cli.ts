/** `npm run audit:verify`: walk every municipality's audit chain; exit 1 naming the first broken link. */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from './audit.service.js';
import { listMunicipalities } from './accounts.repository.js';

const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
let broken = false;
for (const m of await listMunicipalities(database.db)) {
  const result = await verifyAuditChain(database.db, m.id);
  if (result.firstBreak) {
    broken = true;
    console.error(`municipality ${m.code}: BROKEN at seq ${result.firstBreak.seq} (${result.firstBreak.reason}) after ${result.rows} rows read`);
  } else console.log(`municipality ${m.code}: ${result.rows} audit rows, chain intact`);
}
await database.close();
process.exit(broken ? 1 : 0);
