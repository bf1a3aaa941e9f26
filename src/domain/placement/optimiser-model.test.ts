import { describe, expect, it } from 'vitest';
import { defaultPlacementSettings, type PlacementFacts, type PlacementPerson, type PlacementUnit } from './placement-model.js';
import { buildOptimiserModel, proposedMovesOf, toLpText } from './optimiser-model.js';

const unit = (unitId: number, extra: Partial<PlacementUnit> = {}): PlacementUnit => ({
  unitId,
  name: `課${unitId}`,
  path: '部',
  isFrontline: false,
  expertiseField: null,
  quotas: { staff: 3 },
  headcount: { staff: 1 },
  ...extra,
});

const person = (staffId: number, extra: Partial<PlacementPerson> = {}): PlacementPerson => ({
  staffId,
  employeeNumber: String(staffId),
  name: `職員${staffId}`,
  hireDate: '2020-04-01',
  phase: 'rotation',
  phaseReason: '',
  yearsSinceHire: 6,
  rotationEndsAtYears: 10,
  currentUnitId: 1,
  currentPositionId: 1,
  currentPositionLevel: 'staff',
  inUnitSince: '2022-04-01',
  yearsInUnit: 4,
  hasFrontlineExperience: true,
  expertiseFields: [],
  wishes: [],
  isDispatched: false,
  ...extra,
});

function facts(people: PlacementPerson[], units: PlacementUnit[]): PlacementFacts {
  return {
    effectiveDate: '2026-04-01',
    settings: { ...defaultPlacementSettings, rotationYearsPerUnit: 3, expertCycleYears: 5 },
    people,
    units,
  };
}

describe('the movable set', () => {
  it('moves R1 candidates, R2 people, wishers and people due past ①; keeps R3, dispatched, unphased and manual', () => {
    const f = facts(
      [
        person(1), // R1 (4 years in ①)
        person(2, { yearsInUnit: 1 }), // ① with 1 year, no wishes: stays
        person(3, { yearsInUnit: 1, hasFrontlineExperience: false }), // R2
        person(4, { yearsInUnit: 1, wishes: [{ rank: 1, unitId: 2 }] }), // wish
        person(5, { phase: 'core', yearsInUnit: 6 }), // due past ①
        person(6, { phase: 'core', yearsInUnit: 2, wishes: [{ rank: 1, unitId: 2 }] }), // R3: not movable
        person(7, { isDispatched: true }),
        person(8, { phase: null }),
        person(9), // manual move
      ],
      [unit(1, { headcount: { staff: 8 }, quotas: { staff: 8 } }), unit(2)],
    );
    const { model } = buildOptimiserModel(f, [], [{ staffId: 9, toUnitId: 2, toPositionId: null, specialReason: null, source: 'manual' }]);
    expect(model.people.map((p) => [p.staffId, p.reasons])).toEqual([
      [1, ['R1']],
      [3, ['R2']],
      [4, ['wish']],
      [5, ['R5']],
    ]);
    // the manual move takes a place in unit 2: 定数 3 − 1 manual arrival (its counted member is no person of the facts)
    expect(model.capacity.find((c) => c.unitId === 2)!).toMatchObject({ limit: 3, fixedLoad: 1, rhs: 2 });
    // R2 person 3: unit 2 is not frontline, so only the stay arc
    expect(model.arcs.filter((a) => model.people[a.person]!.staffId === 3).map((a) => a.isStay)).toEqual([true]);
  });

  it('uses valid pins, reports the others, and honours stays and forbids', () => {
    const f = facts(
      [person(1), person(2, { phase: 'core', yearsInUnit: 2 }), person(3, { hasFrontlineExperience: false }), person(4), person(5)],
      [unit(1, { headcount: { staff: 5 }, quotas: { staff: 5 } }), unit(2), unit(3, { isFrontline: true })],
    );
    const { model } = buildOptimiserModel(f, [
      { kind: 'pin', staffId: 1, unitId: 2 },
      { kind: 'pin', staffId: 2, unitId: 2 }, // R3 without a special reason
      { kind: 'pin', staffId: 3, unitId: 2 }, // R2 to a non-frontline unit
      { kind: 'stay', staffId: 4 },
      { kind: 'forbid', staffId: 5, unitId: 2 },
    ], []);
    expect(model.warnings).toHaveLength(2);
    expect(model.warnings.join('\n')).toContain('R3');
    expect(model.warnings.join('\n')).toContain('R2');
    const arcsOf = (staffId: number) => model.arcs.filter((a) => model.people[a.person]!.staffId === staffId).map((a) => a.unitId);
    expect(arcsOf(1)).toEqual([2]);
    expect(arcsOf(3)).toEqual([1, 3]);
    expect(arcsOf(4)).toEqual([]);
    expect(arcsOf(5)).toEqual([1, 3]);
  });

  it('never grows a level without a 定数 beyond its headcount', () => {
    const f = facts([person(1)], [unit(1), unit(2, { quotas: {}, headcount: { staff: 2 } })]);
    const { model } = buildOptimiserModel(f, [], []);
    expect(model.capacity.find((c) => c.unitId === 2)).toMatchObject({ limit: 2, rhs: 2 });
  });
});

describe('the LP text and the proposal', () => {
  it('writes stable names and explains a move in Japanese', () => {
    const f = facts(
      [person(1, { wishes: [{ rank: 1, unitId: 2 }] })],
      [unit(1), unit(2, { name: '市民課' })],
    );
    const { model } = buildOptimiserModel(f, [], []);
    const { text } = toLpText(model);
    expect(text).toContain(' p1: x1_1 + x1_2 = 1');
    expect(text).toContain(' c2_staff: x1_2 <= 3');
    const move = model.arcs.find((a) => a.unitId === 2)!;
    expect(proposedMovesOf(model, [move])[0]!.explanation).toEqual(['第1希望の市民課です', '在課4年のジョブローテーション候補です']);
  });
});
