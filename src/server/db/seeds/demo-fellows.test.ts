import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import { demoFellowsSeeder } from './demo-fellows.js';
import type { FellowMonitoring, FellowPool, PairList } from '../../../domain/workplace/fellow-api.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it('seeds a pool, pairs with meetings and one drifting pair, away from the demo logins, once', async () => {
  const counts = await demoFellowsSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config });
  expect(counts.fellows).toBe(10);
  expect(counts.pairs).toBeGreaterThanOrEqual(3);
  expect(counts.meetings).toBeGreaterThan(counts.pairs!);
  const hr = await h.loginAs('hrAdmin');
  const pool = await h.callJson<FellowPool>(hr, 'GET', '/api/workplace/fellows/pool', 200);
  expect(pool.items.filter((f) => f.isLowCommitment)).toHaveLength(1);
  const pairs = await h.callJson<PairList>(hr, 'GET', '/api/workplace/fellows/pairs', 200);
  const people = pairs.items.flatMap((p) => [p.fellow.employeeNumber, p.junior.employeeNumber]);
  for (const n of [...people, ...pool.items.map((f) => f.employeeNumber)]) expect(n).not.toMatch(/^A000[1-9]$/);
  const monitoring = await h.callJson<FellowMonitoring>(hr, 'GET', '/api/workplace/fellows/monitoring', 200);
  expect(monitoring.stalePairs).toHaveLength(1);
  expect(monitoring.health.activePairs).toBe(counts.pairs);
  expect(monitoring.health.meetingsHeld).toBeGreaterThan(0);
  expect(await h.queryCount(sql`select count(*)::int as n from fellow_pairs p join fellows f on f.staff_id = p.fellow_staff_id where f.is_low_commitment`)).toBe(0);
  expect(await demoFellowsSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config })).toEqual({ fellows: 0, pairs: 0, meetings: 0 });
});
