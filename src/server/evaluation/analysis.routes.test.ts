import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { GradeAnalysis } from '../../domain/evaluation/grade-analysis.js';
import { listCycleSheetFactsForTest, setSheetOutcomeForTest, type CycleSheetFacts } from './analysis-fixtures.repository.js';
import { demoStaffSheetId, driveToConfirmed, loginChain, moveClock, openCycle, type Sessions } from './analysis-test-journey.js';

type ErrorBody = { error: { code: string; message: string } };

// The harness's today is 2025-10-01 and the demo relations start that day. Cycle A (2025 後期) carries outcomes
// written onto its sheets; cycle B (2026 前期) one sheet driven through the whole workflow with the clock in 2026.
let h: Harness;
let s: Sessions;
let hrOfficer: Session;
let cycleA: number;
let facts: CycleSheetFacts[];
/** two evaluators with at least three evaluatees each: the lenient one rates A, the strict one C */
let lenient: number;
let strict: number;
/** the six sheets given outcomes */
let graded: CycleSheetFacts[];

const analysis = (cycleId: number, by = 'unit', session: Session = s.hr) =>
  h.callJson<GradeAnalysis>(session, 'GET', `/api/evaluation/cycles/${cycleId}/analysis?by=${by}`, 200);

beforeAll(async () => {
  h = await createHarness();
  s = await loginChain(h);
  hrOfficer = await h.loginAs('hrOfficer');
  cycleA = (await openCycle(h, s.hr, 2025, 'second-half')).cycle.id;
  facts = await listCycleSheetFactsForTest(h.database.db, cycleA);
  const byEvaluator = new Map<number, CycleSheetFacts[]>();
  for (const fact of facts) if (fact.evaluatorStaffId !== null) byEvaluator.set(fact.evaluatorStaffId, [...(byEvaluator.get(fact.evaluatorStaffId) ?? []), fact]);
  const busy = [...byEvaluator.entries()].filter(([, sheets]) => sheets.length >= 3).map(([id]) => id);
  if (busy.length < 2) throw new Error('the demo city should have two evaluators with three evaluatees');
  [lenient, strict] = busy as [number, number];
  // The lenient evaluator's three: rated A, confirmed A, A, B. The strict one's three: rated C, confirmed B, B, C.
  // The strict one's fourth and later sheets (if any) stay open: not in the distribution, not in leniency.
  const of = (id: number) => byEvaluator.get(id)!.slice(0, 3);
  const lenientFinal = ['A', 'A', 'B'];
  const strictFinal = ['B', 'B', 'C'];
  graded = [...of(lenient), ...of(strict)];
  for (const [index, fact] of of(lenient).entries()) {
    await setSheetOutcomeForTest(h.database.db, fact.sheetId, { state: 'confirmer-confirmed', ratedGrade: 'A', finalGrade: lenientFinal[index]! });
  }
  for (const [index, fact] of of(strict).entries()) {
    await setSheetOutcomeForTest(h.database.db, fact.sheetId, { state: 'confirmer-confirmed', ratedGrade: 'C', finalGrade: strictFinal[index]! });
  }
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/evaluation/cycles/:id/analysis', () => {
  it('counts only confirmed grades, with the scale best first and the mean points', async () => {
    const result = await analysis(cycleA, 'unit', hrOfficer);
    expect(result.cycle).toMatchObject({ id: cycleA, fiscalYear: 2025, period: 'second-half', periodLabel: '後期業績評価', kind: 'performance', endsOn: '2026-03-31' });
    expect(result.scale.levels.map((l) => l.code)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(result.by).toBe('unit');
    expect(result.overall.total).toBe(6);
    expect(result.overall.counts).toEqual({ S: 0, A: 2, B: 3, C: 1, D: 0 });
    // (4+4+3+3+3+2) / 6
    expect(result.overall.meanPoints).toBeCloseTo(19 / 6, 10);
    expect(result.unconfirmedCount).toBe(facts.length - 6);
    expect(result.groups.reduce((sum, g) => sum + g.total, 0)).toBe(6);
    for (const group of result.groups) {
      expect(group.label).not.toBe('');
      expect(Object.keys(group.counts).slice(0, 5)).toEqual(['S', 'A', 'B', 'C', 'D']);
    }
  });

  it('groups by unit (named as of the cycle end), position and evaluator', async () => {
    const unitIds = new Set(graded.map((f) => (f.unitId === null ? 'none' : String(f.unitId))));
    const byUnit = await analysis(cycleA, 'unit');
    expect(new Set(byUnit.groups.map((g) => g.key))).toEqual(unitIds);
    const [unitRow] = await h.queryRows<{ name: string }>(
      sql`select name from org_unit_versions where unit_id = ${Number(byUnit.groups[0]!.key)} and starts_on <= '2026-03-31' and (ends_on is null or ends_on >= '2026-03-31')`,
    );
    expect(byUnit.groups[0]!.label).toBe(unitRow!.name);

    const byPosition = await analysis(cycleA, 'position');
    expect(byPosition.by).toBe('position');
    expect(byPosition.groups.reduce((sum, g) => sum + g.total, 0)).toBe(6);
    expect(byPosition.overall).toEqual(byUnit.overall);

    const byEvaluator = await analysis(cycleA, 'evaluator');
    const lenientGroup = byEvaluator.groups.find((g) => g.key === String(lenient))!;
    const strictGroup = byEvaluator.groups.find((g) => g.key === String(strict))!;
    expect(lenientGroup.counts).toMatchObject({ A: 2, B: 1 });
    expect(lenientGroup.meanPoints).toBeCloseTo(11 / 3, 10);
    expect(strictGroup.counts).toMatchObject({ B: 2, C: 1 });
    expect(byEvaluator.groups).toHaveLength(2);
  });

  it("measures leniency on the evaluators' own overall grades, not on the confirmed ones", async () => {
    const { leniency } = await analysis(cycleA);
    expect(leniency.map((row) => row.evaluatorStaffId)).toEqual([lenient, strict]);
    const [first, second] = leniency as [GradeAnalysis['leniency'][number], GradeAnalysis['leniency'][number]];
    expect(first).toMatchObject({ count: 3, mean: 4, pooledMean: 3, difference: 1 });
    expect(second).toMatchObject({ count: 3, mean: 2, pooledMean: 3, difference: -1 });
    expect(first.name).toMatch(/\S+ \S+/);
  });

  it('follows the workflow: a sheet confirmed through the API counts its adjusted grade, its leniency the rating', async () => {
    const cycleB = (await openCycle(h, s.hr, 2026, 'first-half')).cycle.id;
    const before = await analysis(cycleB);
    expect(before.overall.total).toBe(0);
    expect(before.overall.meanPoints).toBeNull();
    expect(before.groups).toEqual([]);
    expect(before.leniency).toEqual([]);
    const sheetId = await demoStaffSheetId(h, cycleB);
    await moveClock(h, s, new Date('2026-06-30T10:00:00+09:00'));
    await driveToConfirmed(h, s, sheetId, { openingOn: '2026-05-01', closingOn: '2026-06-30', confirmAt: new Date('2026-06-30T11:00:00+09:00') });
    const after = await analysis(cycleB, 'evaluator');
    expect(after.overall.counts.B).toBe(1);
    expect(after.groups).toHaveLength(1);
    expect(after.leniency).toEqual([expect.objectContaining({ count: 1, mean: 4, pooledMean: 4, difference: 0 })]);
  });

  it('is for HR only; unknown cycles are 404 and a bad grouping is 400', async () => {
    for (const who of [s.staff, s.evaluator, s.unitHead]) {
      const denied = await h.callJson<ErrorBody>(who, 'GET', `/api/evaluation/cycles/${cycleA}/analysis`, 403);
      expect(denied.error.code).toBe('access.denied');
    }
    await h.callJson(null, 'GET', `/api/evaluation/cycles/${cycleA}/analysis`, 401);
    expect((await h.callJson<ErrorBody>(s.hr, 'GET', '/api/evaluation/cycles/999999/analysis', 404)).error.code).toBe('common.not-found');
    expect((await h.callJson<ErrorBody>(s.hr, 'GET', `/api/evaluation/cycles/${cycleA}/analysis?by=sex`, 400)).error.code).toBe('common.validation');
  });
});
