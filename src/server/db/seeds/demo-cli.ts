/**
 * `npm run demo -- --staff N [--seed S] [--reset]`: build the deterministic demo city into the configured database.
 * --reset deletes the embedded PGlite folder first; a PostgreSQL database must be empty (we never drop a real one).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../client.js';
import { ensureDemoCity } from './ensure-demo.js';
import { seedDemoEvaluations } from './demo-evaluations.js';
import { seedDemoAreas } from './demo-areas.js';
import { tokyoDate } from '../../http/context.js';

const { values } = parseArgs({ options: { staff: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } } });
const config = loadConfig();
const staffCount = values.staff ? Number(values.staff) : config.JINZAI_DEMO_STAFF;
if (!Number.isInteger(staffCount) || staffCount < 20 || staffCount > 40000) {
  console.error('--staff must be a whole number from 20 to 40000');
  process.exit(2);
}
if (values.reset && !config.DATABASE_URL) rmSync(config.JINZAI_DATA_DIR, { recursive: true, force: true });
const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
await database.migrate();
const started = performance.now();
const counts = await ensureDemoCity(database, { staffCount, seed: values.seed ? Number(values.seed) : config.JINZAI_DEMO_SEED, today: tokyoDate(new Date()) });
if (!counts) console.log('The database already holds a municipality; nothing done (use --reset for the embedded database).');
else {
  console.log(`demo city: ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const line of await seedDemoAreas(database, { today: tokyoDate(new Date()), seed: values.seed ? Number(values.seed) : config.JINZAI_DEMO_SEED, config })) console.log(`demo ${line}`);
  if (config.JINZAI_DEMO_EVALUATIONS) {
    const t = performance.now();
    const sheets = await seedDemoEvaluations(database, { today: tokyoDate(new Date()), seed: config.JINZAI_DEMO_SEED, config });
    console.log(`demo evaluations: ${JSON.stringify(sheets)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
await database.close();
