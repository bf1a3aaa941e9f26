import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import { demoStressCheckSeeder } from './demo-stress-check.js';
import type { CampaignList, GroupAnalysis, InterviewRequestList } from '../../../domain/stress-check/stress-check-api.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it("seeds last year's closed campaign (analysable) and this year's open one, once", async () => {
  const counts = await demoStressCheckSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config });
  expect(counts.campaigns).toBe(2);
  expect(counts.results).toBeGreaterThan(80);
  const implementer = await h.loginAs('stressImplementer');
  const { items } = await h.callJson<CampaignList>(implementer, 'GET', '/api/stress-check/campaigns', 200);
  const last = items.find((c) => c.status === 'closed')!;
  const current = items.find((c) => c.status === 'open')!;
  expect([last.fiscalYear, current.fiscalYear]).toEqual([2024, 2025]);
  const analysis = await h.callJson<GroupAnalysis>(implementer, 'GET', `/api/stress-check/campaigns/${last.id}/group-analysis`, 200);
  expect(analysis.total!.respondents).toBeGreaterThan(80);
  expect(analysis.units.some((u) => u.status === 'shown')).toBe(true);
  const requests = await h.callJson<InterviewRequestList>(implementer, 'GET', `/api/stress-check/campaigns/${last.id}/interview-requests`, 200);
  for (const r of requests.items) expect(r).toMatchObject({ isHighStress: true, status: 'held', interview: { opinion: 'normal' } });
  // every consent follows the result's notification
  expect(await h.queryCount(sql`select count(*)::int as n from stress_check_consents c join stress_check_results r on r.id = c.result_id where r.shown_at is null or c.decided_at < r.shown_at`)).toBe(0);
  expect(await demoStressCheckSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config })).toEqual({ campaigns: 0, results: 0 });
});
