/** The demo evaluation year goes through the real workflow: every sheet reaches a state the date allows, consistently. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { seedDemoEvaluations } from './demo-evaluations.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('demo evaluations', () => {
  it('opens the cycles begun by the date and spreads the sheets over plausible steps through the workflow', async () => {
    const counts = await seedDemoEvaluations(h.database, { today: '2025-11-20', seed: 7, config: h.deps.config });
    expect(Object.keys(counts!)).toEqual(['first-half', 'second-half', 'year']);
    const states = await h.queryRows<{ period: string; state: string; n: number }>(
      sql`select c.period, s.state, count(*)::int as n from evaluation_sheets s join evaluation_cycles c on c.id = s.cycle_id group by 1, 2 order by 1, 2`,
    );
    const of = (period: string) => Object.fromEntries(states.filter((r) => r.period === period).map((r) => [r.state, r.n]));
    // 前期: past its feedback month, so mostly closed; 後期: goals being set; 能力評価: not begun.
    expect(Object.keys(of('first-half'))).toEqual(expect.arrayContaining(['closed']));
    expect(Object.keys(of('second-half')).every((s) => ['draft', 'goals-submitted', 'goals-agreed'].includes(s))).toBe(true);
    expect(Object.keys(of('year'))).toEqual(['draft']);
    // Closed sheets carry a confirmed grade and the evaluator's rating.
    const missing = await h.queryCount(sql`select count(*)::int as n from evaluation_sheets where state = 'closed' and (final_grade is null or rated_grade is null)`);
    expect(missing).toBe(0);
    // A second call does nothing (the demo is built once).
    expect(await seedDemoEvaluations(h.database, { today: '2025-11-20', seed: 7, config: h.deps.config })).toBeNull();
  });
});
