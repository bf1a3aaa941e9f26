import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../http/test-harness.js';
import { loadPlacementFacts } from './facts.service.js';
import { allFlags } from '../../domain/placement/rules.js';
import { evaluatePlan } from '../../domain/placement/plan-evaluation.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('loadPlacementFacts', () => {
  it('loads the movable people, placeable units and settings of the demo city as of the next April 1', async () => {
    const ctx = await h.contextOf('hrAdmin');
    const facts = await loadPlacementFacts(ctx, '2026-04-01');
    expect(facts.effectiveDate).toBe('2026-04-01');
    expect(facts.settings.rotationYearsPerUnit).toBe(3);
    expect(facts.settings.expertCycleYears).toBe(5);
    expect(facts.people.length).toBeGreaterThan(50);
    expect(facts.units.length).toBeGreaterThan(10);
    const unitIds = new Set(facts.units.map((u) => u.unitId));
    // every person's current unit is placeable (leaves plus units people are assigned to directly)
    for (const p of facts.people) expect(unitIds.has(p.currentUnitId), `${p.name}`).toBe(true);
    // headcounts add up to the people not on dispatch
    const total = facts.units.reduce((n, u) => n + Object.values(u.headcount).reduce((a, b) => a + (b ?? 0), 0), 0);
    expect(total).toBe(facts.people.filter((p) => !p.isDispatched).length);
    // no 会計年度任用 among the movable people
    const types = await h.queryRows<{ t: string }>(sql`select distinct employment_type as t from staff where id in (${sql.join(facts.people.map((p) => sql`${p.staffId}`), sql`, `)})`);
    expect(types.map((r) => r.t).sort()).toEqual(expect.arrayContaining(['regular']));
    expect(types.map((r) => r.t)).not.toContain('fiscal_full');
    expect(facts.positions?.length).toBeGreaterThan(3);
  });

  it('rejects an invalid date', async () => {
    const ctx = await h.contextOf('hrAdmin');
    await expect(loadPlacementFacts(ctx, '2026-02-30')).rejects.toThrow();
  });

  it('gives rule flags and an empty plan evaluation without violations', async () => {
    const ctx = await h.contextOf('hrAdmin');
    const facts = await loadPlacementFacts(ctx, '2026-04-01');
    const flags = allFlags(facts);
    expect(flags.length).toBeGreaterThan(0);
    const evaluation = evaluatePlan(facts, []);
    expect(evaluation.counts.violations).toBe(0);
    expect(evaluation.units.length).toBe(facts.units.length);
  });
});
