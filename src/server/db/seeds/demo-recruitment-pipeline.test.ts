import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { loadConfig } from '../../config.js';
import { insertFixtureApplicants, insertFixtureCampaign } from '../../recruitment/pipeline-fixtures.repository.js';
import { demoRecruitmentPipelineSeeder } from './demo-recruitment-pipeline.js';

let h: Harness;
const opts = { today: '2025-10-01', seed: 1, config: loadConfig({ NODE_ENV: 'test' }) };
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('demo pipeline seeder', () => {
  it('does nothing without campaigns', async () => {
    expect(await h.queryRows(sql`select 1 from recruitment_campaigns`)).toHaveLength(0);
    expect(await demoRecruitmentPipelineSeeder.seed(h.database, opts)).toEqual({ sittings: 0, scores: 0, decisions: 0 });
  });

  it('adds decisions, written scores, sittings with two raters and their scores; once', async () => {
    const m = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts limit 1`))[0]!.id);
    const c = await insertFixtureCampaign(h.database.db, m);
    await insertFixtureApplicants(h.database.db, m, c, 8, { prefix: 'D', stageIndex: 2 });
    await insertFixtureApplicants(h.database.db, m, c, 3, { prefix: 'E', stageIndex: 1 });
    const counts = await demoRecruitmentPipelineSeeder.seed(h.database, opts);
    expect(counts.sittings).toBe(2);
    expect(counts.decisions).toBe(8 * 2 + 3);
    // 8 written scores, 6 applicants × 2 raters in the first group
    expect(counts.scores).toBe(8 + 12);
    const raters = await h.queryRows(sql`select distinct rater_staff_id from recruitment_sitting_raters`);
    expect(raters).toHaveLength(2);
    expect(await demoRecruitmentPipelineSeeder.seed(h.database, opts)).toEqual({ sittings: 0, scores: 0, decisions: 0 });
  });
});
