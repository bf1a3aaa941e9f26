/** First start: if the database holds no municipality, build the demo city and derive its relations, atomically. */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../client.js';
import { buildDemoCity } from './demo-city.js';
import { insertDemoCity } from './insert-demo-city.js';
import { hashPassword } from '../../access/auth.service.js';
import { rebuildRuleRelations } from '../../org/relations.service.js';

export async function ensureDemoCity(database: Database, opts: { staffCount: number; seed: number; today: string }) {
  const existing = await queryRows(database.db, sql`select 1 from municipalities limit 1`);
  if (existing.length > 0) return null;
  const city = buildDemoCity({ staffCount: opts.staffCount, seed: opts.seed, today: opts.today });
  return database.db.transaction(async (tx) => {
    const counts = await insertDemoCity(tx, city, { hashPassword });
    await rebuildRuleRelations(tx, counts.municipalityId, opts.today);
    return counts;
  });
}
