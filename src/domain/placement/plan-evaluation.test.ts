import { describe, expect, it } from 'vitest';
import { continuityLimit, evaluatePlan, violationsOf } from './plan-evaluation.js';
import { defaultPlacementSettings, type PlacementFacts, type PlacementPerson, type PlacementUnit, type PlannedMove } from './placement-model.js';

// Hand-built facts: 市民課 (1, frontline), 企画課 (2, field 企画), 税務課 (3, frontline, field 税務, 定数 staff 2).
const unit = (unitId: number, name: string, extra: Partial<PlacementUnit> = {}): PlacementUnit => ({
  unitId,
  name,
  path: '本庁',
  isFrontline: false,
  expertiseField: null,
  quotas: {},
  headcount: {},
  ...extra,
});
const person = (staffId: number, extra: Partial<PlacementPerson>): PlacementPerson => ({
  staffId,
  employeeNumber: String(staffId),
  name: `試験 ${staffId}`,
  hireDate: '2020-04-01',
  phase: 'rotation',
  phaseReason: '',
  yearsSinceHire: 6,
  rotationEndsAtYears: 10,
  currentUnitId: 2,
  currentPositionId: 8,
  currentPositionLevel: 'staff',
  inUnitSince: '2023-04-01',
  yearsInUnit: 3,
  hasFrontlineExperience: true,
  expertiseFields: [],
  wishes: [],
  isDispatched: false,
  ...extra,
});

function facts(people: PlacementPerson[], units?: PlacementUnit[]): PlacementFacts {
  const us = units ?? [unit(1, '市民課', { isFrontline: true }), unit(2, '企画課', { expertiseField: '企画' }), unit(3, '税務課', { isFrontline: true, expertiseField: '税務', quotas: { staff: 2 } })];
  // headcounts from the people, as loadPlacementFacts does
  for (const u of us) u.headcount = {};
  for (const p of people) {
    const u = us.find((x) => x.unitId === p.currentUnitId);
    if (u && !p.isDispatched) u.headcount[p.currentPositionLevel] = (u.headcount[p.currentPositionLevel] ?? 0) + 1;
  }
  return {
    effectiveDate: '2026-04-01',
    settings: { ...defaultPlacementSettings, rotationYearsPerUnit: 3, expertCycleYears: 5 },
    people,
    units: us,
    positions: [
      { positionId: 6, name: '係長', level: 'supervisor' },
      { positionId: 8, name: '主事', level: 'staff' },
    ],
  };
}
const mv = (staffId: number, toUnitId: number, extra: Partial<PlannedMove> = {}): PlannedMove => ({ staffId, toUnitId, toPositionId: null, specialReason: null, source: 'manual', ...extra });
const moveRules = (f: PlacementFacts, moves: PlannedMove[]) => evaluatePlan(f, moves).moves.map((m) => m.flags.map((x) => `${x.rule}:${x.severity}`));

describe('hard rules', () => {
  const core = person(1, { phase: 'core', yearsInUnit: 2, inUnitSince: '2024-04-01', yearsSinceHire: 12 });
  it.each([
    { name: 'R3 without a special reason is a violation', moves: [mv(1, 1)], expected: [['R3:violation', 'R5:warning']] },
    { name: 'R3 with a special reason is allowed', moves: [mv(1, 1, { specialReason: '病気休職からの復帰に配慮' })], expected: [['R3:info', 'R5:warning']] },
    { name: 'R3 to a matching unit: no R5 warning', moves: [mv(1, 3, { specialReason: '税務の欠員補充' })], expected: [['R3:info']] },
  ])('$name', ({ moves, expected }) => {
    const f = facts([{ ...core, expertiseFields: ['税務'] }]);
    expect(moveRules(f, moves)).toEqual(expected);
  });

  it('R2: a ① person without frontline experience moved to a non-frontline unit is a violation, to a frontline one is fine', () => {
    const f = facts([person(1, { hasFrontlineExperience: false, currentUnitId: 1 }), person(2, { hasFrontlineExperience: false })]);
    const e = evaluatePlan(f, [mv(2, 3)]);
    expect(e.moves[0]?.flags).toEqual([]);
    // person 1 is not moved: R1 (3 years) and R2 warnings
    expect(e.flags.filter((x) => x.staffId === 1).map((x) => x.rule)).toEqual(['R1', 'R2']);
    const bad = evaluatePlan(facts([person(2, { hasFrontlineExperience: false, currentUnitId: 3 })]), [mv(2, 2)]);
    expect(bad.moves[0]?.flags.map((x) => `${x.rule}:${x.severity}`)).toEqual(['R2:violation']);
    expect(bad.counts.violations).toBe(1);
  });

  it('invalid moves are violations', () => {
    const f = facts([person(1, {}), person(2, { isDispatched: true })]);
    const e = evaluatePlan(f, [mv(99, 1), mv(2, 1), mv(1, 77), mv(1, 2), mv(1, 1, { toPositionId: 555 })]);
    expect(e.moves.map((m) => m.flags.map((x) => x.rule))).toEqual([['MOVE'], ['MOVE'], ['MOVE'], ['MOVE'], ['MOVE']]);
    expect(e.moves.map((m) => m.isValid)).toEqual([false, false, false, false, false]);
    // a second move of the same person
    const twice = evaluatePlan(f, [mv(1, 1), mv(1, 3)]);
    expect(twice.moves.map((m) => m.isValid)).toEqual([true, false]);
    expect(violationsOf(twice).map((x) => x.rule)).toEqual(['MOVE']);
  });

  it('定数: over max(quota, before) is a violation; staying over as before is not', () => {
    const people = [person(1, { currentUnitId: 3 }), person(2, { currentUnitId: 3 }), person(3, {}), person(4, {})];
    const f = facts(people);
    const e = evaluatePlan(f, [mv(3, 3)]);
    const tax = e.units.find((u) => u.unitId === 3)!;
    expect(tax.levels).toEqual([{ level: 'staff', before: 2, after: 3, quota: 2, isOver: true, isViolation: true }]);
    expect(e.flags.filter((x) => x.rule === 'QUOTA')).toHaveLength(1);
    // a swap keeps the count
    const swap = evaluatePlan(f, [mv(3, 3), mv(1, 2)]);
    expect(swap.units.find((u) => u.unitId === 3)!.levels[0]).toMatchObject({ after: 2, isViolation: false });
    expect(swap.counts.violations).toBe(0);
    // already over before the plan (3 > 2) and not growing: shown as over, not a violation
    const over = facts([...people.slice(0, 2), person(5, { currentUnitId: 3 }), person(6, {})]);
    const kept = evaluatePlan(over, []);
    expect(kept.units.find((u) => u.unitId === 3)!.levels[0]).toMatchObject({ before: 3, after: 3, isOver: true, isViolation: false });
  });

  it('a change of position counts against the new level', () => {
    const f = facts([person(1, { currentUnitId: 3 }), person(2, { currentUnitId: 3 })], [unit(3, '税務課', { quotas: { supervisor: 0 } }), unit(2, '企画課')]);
    const e = evaluatePlan(f, [mv(1, 3, { toPositionId: 6 })]);
    expect(e.moves[0]?.isValid).toBe(true);
    const levels = e.units.find((u) => u.unitId === 3)!.levels;
    expect(levels).toContainEqual({ level: 'supervisor', before: 0, after: 1, quota: 0, isOver: true, isViolation: true });
  });
});

describe('soft rules', () => {
  it('R1 candidate not moved is a warning, moved it is cleared', () => {
    const f = facts([person(1, {})]);
    expect(evaluatePlan(f, []).flags.map((x) => `${x.rule}:${x.severity}`)).toEqual(['R1:warning']);
    expect(evaluatePlan(f, [mv(1, 1)]).flags).toEqual([]);
  });
  it('R4: no wishes at the end of ① is a warning whatever the plan', () => {
    const f = facts([person(1, { yearsSinceHire: 9, yearsInUnit: 1, inUnitSince: '2025-04-01' })]);
    expect(evaluatePlan(f, []).flags.map((x) => x.rule)).toEqual(['R4']);
  });
  it('R5: a move past ① to a unit whose field does not match', () => {
    const f = facts([person(1, { phase: 'expert', yearsInUnit: 6, expertiseFields: ['企画'], currentUnitId: 1 })]);
    expect(moveRules(f, [mv(1, 3)])).toEqual([['R5:warning']]);
    expect(moveRules(f, [mv(1, 2)])).toEqual([[]]);
  });
  it.each([
    { members: 1, limit: 1 },
    { members: 2, limit: 1 },
    { members: 4, limit: 2 },
    { members: 7, limit: 3 },
    { members: 20, limit: 3 },
  ])('continuity limit of a $members-member unit is $limit', ({ members, limit }) => {
    expect(continuityLimit(members, defaultPlacementSettings)).toBe(limit);
  });
  it('continuity: more leaving than the limit is a warning on the unit', () => {
    const people = [1, 2, 3, 4].map((id) => person(id, { yearsInUnit: 1 }));
    const f = facts(people);
    const two = evaluatePlan(f, [mv(1, 1), mv(2, 1)]);
    expect(two.units.find((u) => u.unitId === 2)).toMatchObject({ membersBefore: 4, leaving: 2, leavingLimit: 2, continuityWarning: false });
    const three = evaluatePlan(f, [mv(1, 1), mv(2, 1), mv(3, 1)]);
    expect(three.units.find((u) => u.unitId === 2)).toMatchObject({ leaving: 3, continuityWarning: true, membersAfter: 1 });
    expect(three.units.find((u) => u.unitId === 1)).toMatchObject({ arriving: 3 });
    expect(three.flags.filter((x) => x.rule === 'CONTINUITY').map((x) => x.unitId)).toEqual([2]);
  });
});

describe('wishes met', () => {
  it('counts 1st/2nd/3rd and not met over people with wishes, whether moved or not', () => {
    const wishes = [
      { rank: 1 as const, unitId: 1 },
      { rank: 2 as const, unitId: 3 },
      { rank: 3 as const, unitId: 2 },
    ];
    const f = facts([person(1, { wishes }), person(2, { wishes }), person(3, { wishes }), person(4, { wishes, currentUnitId: 1 }), person(5, {})]);
    const e = evaluatePlan(f, [mv(1, 1), mv(2, 3), mv(4, 3)]);
    // 1 → 1st; 2 → 2nd; 3 stays in 企画課 = 3rd; 4 → 税務課 = 2nd
    expect(e.wishes).toEqual({ withWishes: 4, first: 1, second: 2, third: 1, notMet: 0 });
    expect(e.moves.map((m) => m.wishRank)).toEqual([1, 2, 2]);
    const none = evaluatePlan(f, [mv(4, 2)]);
    expect(none.wishes).toMatchObject({ third: 4, notMet: 0 });
  });
});
