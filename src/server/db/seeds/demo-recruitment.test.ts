/** The demo recruitment: three campaigns of this 年度, about 40 applicants at various stages, 3 internships (one linked). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import { demoRecruitmentSeeder } from './demo-recruitment.js';

let h: Harness;
let counts: Record<string, number>;

beforeAll(async () => {
  h = await createHarness();
  counts = await demoRecruitmentSeeder.seed(h.database, { today: testToday, seed: 20251001, config: h.deps.config });
});
afterAll(() => h.close());

describe('demo recruitment', () => {
  it('seeds the campaigns, applicants and internships once, visible through the API', async () => {
    expect(counts).toEqual({ campaigns: 3, applicants: 41, internships: 3 });
    expect(await demoRecruitmentSeeder.seed(h.database, { today: testToday, seed: 20251001, config: h.deps.config })).toEqual({ campaigns: 0 });
    const hr = await h.loginAs('hrOfficer');
    const list = await h.callJson<{ campaigns: Array<{ category: string; status: string; applicantCount: number; eligibility: { maxAge: number | null } }> }>(hr, 'GET', '/api/recruitment/campaigns', 200);
    expect(list.campaigns.map((c) => [c.category, c.status])).toEqual(expect.arrayContaining([['general-admin', 'open'], ['mid-career', 'open'], ['licensed', 'closed']]));
    expect(list.campaigns.find((c) => c.category === 'mid-career')?.eligibility.maxAge).toBe(59);
    const pub = await h.callJson<{ campaigns: unknown[] }>(null, 'GET', '/api/public/recruitment/campaigns', 200);
    expect(pub.campaigns).toHaveLength(2);
    const interns = await h.callJson<{ internships: Array<{ laterApplications: number }> }>(hr, 'GET', '/api/recruitment/internships', 200);
    expect(interns.internships.map((i) => i.laterApplications).sort()).toEqual([0, 0, 1]);
  });
});
