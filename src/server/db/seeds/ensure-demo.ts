/** First start: if the database holds no municipality, build the demo city and derive its relations (from the start of the 年度), atomically. */
import { sql } from 'drizzle-orm';
import { analyzeDatabase, queryRows, type Database } from '../client.js';
import { buildDemoCity } from './demo-city.js';
import { insertDemoCity } from './insert-demo-city.js';
import { hashPassword } from '../../access/auth.service.js';
import { rebuildRuleRelations } from '../../org/relations.service.js';
import { fiscalYearStart } from '../../../domain/common/fiscal-year.js';

export async function ensureDemoCity(database: Database, opts: { staffCount: number; seed: number; today: string }) {
  const existing = await queryRows(database.db, sql`select 1 from municipalities limit 1`);
  if (existing.length > 0) return null;
  const city = buildDemoCity({ staffCount: opts.staffCount, seed: opts.seed, today: opts.today });
  const counts = await database.db.transaction(async (tx) => {
    const inserted = await insertDemoCity(tx, city, { hashPassword });
    // From the start of the 年度, so that a cycle of this 年度 finds its evaluators on any date; then as of today.
    const yearStart = fiscalYearStart(opts.today);
    if (yearStart < opts.today) await rebuildRuleRelations(tx, inserted.municipalityId, yearStart);
    await rebuildRuleRelations(tx, inserted.municipalityId, opts.today);
    return inserted;
  });
  await analyzeDatabase(database.db);
  return counts;
}
