import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import { demoPlacementSeeder } from './demo-placement.js';
import { loadPlacementFacts } from '../../placement/facts.service.js';
import { allFlags } from '../../../domain/placement/rules.js';
import { evaluatePlan } from '../../../domain/placement/plan-evaluation.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it('seeds wishes for some rotation-period staff (R4 still flags others), 定数 near the headcounts and a few expertise fields, once', async () => {
  const counts = await demoPlacementSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config });
  expect(counts.wishes).toBeGreaterThan(0);
  expect(counts.quotas).toBeGreaterThan(0);
  const facts = await loadPlacementFacts(await h.contextOf('hrAdmin'), '2026-04-01');
  const withWishes = facts.people.filter((p) => p.wishes.length > 0).length;
  expect(withWishes).toBeGreaterThan(0);
  const r4 = allFlags(facts).filter((f) => f.rule === 'R4').length;
  expect(r4).toBeGreaterThan(0);
  // 定数 close to the headcounts: the status quo breaks no quota rule (max(quota, before))
  expect(evaluatePlan(facts, []).counts.violations).toBe(0);
  const tight = facts.units.filter((u) => u.quotas.staff !== undefined && u.quotas.staff === (u.headcount.staff ?? 0)).length;
  expect(tight).toBeGreaterThan(0);
  // the second run leaves the data alone
  expect(await demoPlacementSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config })).toEqual({ wishes: 0, quotas: 0, expertise: 0 });
  const n = await h.queryCount(sql`select count(*)::int as n from transfer_wishes`);
  expect(n).toBe(counts.wishes);
});
