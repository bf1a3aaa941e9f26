import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import { demoSelfDeclarationSeeder } from './demo-self-declaration.js';
import type { CampaignList, CampaignProgress, DeclarationView } from '../../../domain/workplace/self-declaration-api.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it("seeds this 年度's open campaign with about 60% submitted, none for the demo logins, once", async () => {
  const counts = await demoSelfDeclarationSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config });
  expect(counts.campaigns).toBe(1);
  const hr = await h.loginAs('hrAdmin');
  const { campaigns } = await h.callJson<CampaignList>(hr, 'GET', '/api/workplace/self-declaration/campaigns', 200);
  expect(campaigns).toHaveLength(1);
  expect(campaigns[0]).toMatchObject({ fiscalYear: 2025, isAccepting: true });
  const progress = await h.callJson<CampaignProgress>(hr, 'GET', `/api/workplace/self-declaration/campaigns/${campaigns[0]!.id}/progress`, 200);
  const share = progress.totals.submitted / progress.totals.total;
  expect(share).toBeGreaterThan(0.45);
  expect(share).toBeLessThan(0.75);
  expect(
    await h.queryCount(sql`select count(*)::int as n from self_declarations d join staff s on s.id = d.staff_id where s.employee_number between 'A0001' and 'A0009'`),
  ).toBe(0);
  expect(await h.queryCount(sql`select count(*)::int as n from transfer_wishes where source = 'self-declaration'`)).toBe(counts.wishes);
  const staff = await h.loginAs('staff');
  const mine = await h.callJson<DeclarationView>(staff, 'GET', `/api/workplace/self-declaration/campaigns/${campaigns[0]!.id}/mine`, 200);
  expect(mine.status).toBe('not-started');
  expect(await demoSelfDeclarationSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config })).toEqual({ campaigns: 0, submitted: 0, drafts: 0, wishes: 0 });
});
