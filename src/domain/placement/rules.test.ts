import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentKind, EmploymentType, Position, UnitEvent, UnitVersion } from '../org/org-model.js';
import { defaultOrgSettings } from '../org/org-settings.js';
import { buildPlacementFacts, servedExpertiseFields, type PlacementStaffInput } from './placement-facts.js';
import { defaultPlacementSettings, type PlacementFacts, type RuleId } from './placement-model.js';
import { personFlags, personRuleIds } from './rules.js';
import { unitLineage } from '../org/org-tree.js';

// A small city: 総務部 (1) › 人事課 (10, renamed from 職員課 on 2024-04-01) › 人事係 (100), 給与係 (101, merged into 人事係
// on 2024-04-01); 市民部 (2) › 市民課 (20, frontline, 窓口) and 税務課 (21, frontline, field 税務); 企画課 (30, field 企画).
function v(unitId: number, name: string, kind: UnitVersion['kind'], parentUnitId: number | null, startsOn: string, endsOn: string | null = null, extra: Partial<UnitVersion> = {}): UnitVersion {
  return { unitId, code: String(unitId).padStart(4, '0'), name, kind, parentUnitId, isFrontline: false, expertiseField: null, authorisedHeadcount: null, startsOn, endsOn, ...extra };
}
const versions: UnitVersion[] = [
  v(1, '総務部', 'department', null, '2000-04-01'),
  v(2, '市民部', 'department', null, '2000-04-01'),
  v(10, '職員課', 'division', 1, '2000-04-01', '2024-03-31'),
  v(10, '人事課', 'division', 1, '2024-04-01'),
  v(100, '人事係', 'section', 10, '2000-04-01', null, { expertiseField: '人事' }),
  v(101, '給与係', 'section', 10, '2000-04-01', '2024-03-31'),
  v(20, '市民課', 'division', 2, '2000-04-01', null, { isFrontline: true }),
  v(21, '税務課', 'division', 2, '2000-04-01', null, { isFrontline: true, expertiseField: '税務' }),
  v(30, '企画課', 'division', 1, '2000-04-01', null, { expertiseField: '企画' }),
];
const events: UnitEvent[] = [{ unitId: 101, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: 100, note: null }];
const positions: Position[] = [
  { id: 1, code: 'kacho', name: '課長', rank: 3, level: 'manager', isManagerial: true },
  { id: 2, code: 'kakaricho', name: '係長', rank: 6, level: 'supervisor', isManagerial: false },
  { id: 3, code: 'shuji', name: '主事', rank: 8, level: 'staff', isManagerial: false },
];

let nextId = 1;
type Post = [unitId: number, startsOn: string, endsOn: string | null, kind?: AssignmentKind];
function person(staffId: number, hireDate: string, posts: Post[], extra: Partial<PlacementStaffInput> = {}): { staff: PlacementStaffInput; assignments: Assignment[] } {
  return {
    staff: {
      staffId,
      employeeNumber: String(staffId).padStart(5, '0'),
      familyName: '試験',
      givenName: `${staffId}号`,
      hireDate,
      employmentType: 'regular',
      careerPhaseOverride: null,
      careerPhaseOverrideReason: null,
      ...extra,
    },
    assignments: posts.map(([unitId, startsOn, endsOn, kind]) => ({
      id: nextId++,
      staffId,
      unitId,
      positionId: 3,
      kind: kind ?? 'regular',
      dispatchTo: kind === 'dispatch' ? '群馬県' : null,
      startsOn,
      endsOn,
    })),
  };
}

function factsOf(date: string, people: Array<ReturnType<typeof person>>, more: { wishes?: Array<{ staffId: number; rank: number; unitId: number }>; expertise?: Array<{ staffId: number; field: string }> } = {}): PlacementFacts {
  return buildPlacementFacts({
    effectiveDate: date,
    orgSettings: defaultOrgSettings,
    placementSettings: defaultPlacementSettings,
    versions,
    events,
    positions,
    staff: people.map((p) => p.staff),
    assignments: people.flatMap((p) => p.assignments),
    expertise: more.expertise ?? [],
    wishes: more.wishes ?? [],
    quotas: [],
  });
}

const rulesOf = (facts: PlacementFacts, staffId: number): RuleId[] => {
  const p = facts.people.find((x) => x.staffId === staffId);
  if (p === undefined) throw new Error(`no person ${staffId}`);
  return personFlags(p, facts).map((f) => f.rule);
};

describe('tenure in completed years at the effective date', () => {
  const cases: Array<{ name: string; hire: string; posts: Post[]; date: string; since: string; years: number; r1: boolean }> = [
    { name: 'hired April 1, three years later', hire: '2023-04-01', posts: [[20, '2023-04-01', null]], date: '2026-04-01', since: '2023-04-01', years: 3, r1: true },
    { name: 'hired April 1, a year earlier', hire: '2023-04-01', posts: [[20, '2023-04-01', null]], date: '2025-04-01', since: '2023-04-01', years: 2, r1: false },
    { name: 'hired mid-year: 2 years 6 months', hire: '2023-10-01', posts: [[20, '2023-10-01', null]], date: '2026-04-01', since: '2023-10-01', years: 2, r1: false },
    { name: 'hired mid-year: the next April', hire: '2023-10-01', posts: [[20, '2023-10-01', null]], date: '2027-04-01', since: '2023-10-01', years: 3, r1: true },
    { name: 'the day before the anniversary', hire: '2023-04-02', posts: [[20, '2023-04-02', null]], date: '2026-04-01', since: '2023-04-02', years: 2, r1: false },
    {
      name: 'a dispatch in the middle starts the count again on return',
      hire: '2019-04-01',
      posts: [[20, '2019-04-01', null], [20, '2022-04-01', '2024-03-31', 'dispatch']],
      date: '2026-04-01',
      since: '2024-04-01',
      years: 2,
      r1: false,
    },
    {
      name: 'a change of position in the same unit does not reset',
      hire: '2020-04-01',
      posts: [[20, '2020-04-01', '2022-03-31'], [20, '2022-04-01', null]],
      date: '2026-04-01',
      since: '2020-04-01',
      years: 6,
      r1: true,
    },
    { name: 'a renamed unit is the same unit', hire: '2022-04-01', posts: [[10, '2022-04-01', null]], date: '2025-04-01', since: '2022-04-01', years: 3, r1: true },
    {
      name: 'a merged unit: the stay continues in the survivor when crossing at the merger',
      hire: '2022-04-01',
      posts: [[101, '2022-04-01', '2024-03-31'], [100, '2024-04-01', null]],
      date: '2025-04-01',
      since: '2022-04-01',
      years: 3,
      r1: true,
    },
    {
      name: 'a merged unit: a transfer before the merger is a move',
      hire: '2021-04-01',
      posts: [[101, '2021-04-01', '2023-03-31'], [100, '2023-04-01', null]],
      date: '2025-04-01',
      since: '2023-04-01',
      years: 2,
      r1: false,
    },
  ];
  it.each(cases)('$name', (c) => {
    const facts = factsOf(c.date, [person(1, c.hire, c.posts)]);
    const p = facts.people[0]!;
    expect(p.inUnitSince).toBe(c.since);
    expect(p.yearsInUnit).toBe(c.years);
    expect(p.phase).toBe('rotation');
    expect(rulesOf(facts, 1).includes('R1')).toBe(c.r1);
  });
});

describe('R1–R5 on the status quo', () => {
  const veteran = (staffId: number, sinceInUnit: string, unitId = 30, extra: Partial<PlacementStaffInput> = {}) =>
    person(staffId, '2008-04-01', [[20, '2008-04-01', '2011-03-31'], [21, '2011-04-01', '2016-03-31'], [100, '2016-04-01', addYearEnd(sinceInUnit)], [unitId, sinceInUnit, null]], extra);
  const addYearEnd = (d: string) => `${Number(d.slice(0, 4))}-03-31`;
  const cases: Array<{ name: string; p: ReturnType<typeof person>; date: string; expected: RuleId[]; wishes?: Array<{ staffId: number; rank: number; unitId: number }>; phase?: string | null }> = [
    { name: 'R1 + R2: three years in a back-office unit without frontline experience', p: person(1, '2023-04-01', [[30, '2023-04-01', null]]), date: '2026-04-01', expected: ['R1', 'R2'] },
    { name: 'R2 cleared by an earlier frontline unit', p: person(1, '2020-04-01', [[20, '2020-04-01', '2024-03-31'], [30, '2024-04-01', null]]), date: '2026-04-01', expected: [] },
    { name: 'a dispatch does not count as frontline', p: person(1, '2021-04-01', [[30, '2021-04-01', null], [20, '2022-04-01', '2023-03-31', 'dispatch']]), date: '2026-04-01', expected: ['R1', 'R2'] },
    { name: 'R3: past ① (② core staff) with 2 years in the unit', p: veteran(1, '2024-04-01'), date: '2026-04-01', expected: ['R3'], phase: 'core' },
    { name: 'R5: past ① with 5 years in the unit', p: veteran(1, '2021-04-01'), date: '2026-04-01', expected: ['R5'], phase: 'core' },
    { name: 'R4: ① in its last year without wishes', p: person(1, '2017-04-01', [[20, '2017-04-01', '2020-03-31'], [30, '2020-04-01', '2024-03-31'], [21, '2024-04-01', null]]), date: '2026-04-01', expected: ['R4'] },
    {
      name: 'R4 cleared by a wish',
      p: person(1, '2017-04-01', [[20, '2017-04-01', '2020-03-31'], [30, '2020-04-01', '2024-03-31'], [21, '2024-04-01', null]]),
      date: '2026-04-01',
      expected: [],
      wishes: [{ staffId: 1, rank: 1, unitId: 30 }],
    },
    { name: 'no R4 two years before the end of ①', p: person(1, '2018-04-01', [[20, '2018-04-01', '2021-03-31'], [21, '2021-04-01', null]]), date: '2026-04-01', expected: ['R1'] },
    {
      name: 'still in ① after 10 years for want of units: R1 and R4',
      p: person(1, '2014-04-01', [[20, '2014-04-01', '2020-03-31'], [30, '2020-04-01', null]]),
      date: '2026-04-01',
      expected: ['R1', 'R4'],
    },
    {
      name: '会計年度任用 is not phased and has no flags',
      p: person(1, '2020-04-01', [[30, '2020-04-01', null]], { employmentType: 'fiscal_full' as EmploymentType }),
      date: '2026-04-01',
      expected: [],
      phase: null,
    },
    {
      name: 'HR override with a reason: ③ for a one-field career',
      p: person(1, '2020-04-01', [[21, '2020-04-01', null]], { careerPhaseOverride: 'expert', careerPhaseOverrideReason: '税務の専門職として採用' }),
      date: '2026-04-01',
      expected: ['R5'],
      phase: 'expert',
    },
    { name: 'away on dispatch: no R1/R2/R3/R5', p: person(1, '2021-04-01', [[30, '2021-04-01', null], [30, '2025-04-01', '2027-03-31', 'dispatch']]), date: '2026-04-01', expected: [] },
  ];
  it.each(cases)('$name', (c) => {
    const facts = factsOf(c.date, [c.p], { wishes: c.wishes });
    expect(rulesOf(facts, 1)).toEqual(c.expected);
    // the decisions alone (what the rules page counts and filters by) are the same as the flags' rules
    expect(personRuleIds(facts.people.find((x) => x.staffId === 1)!, facts)).toEqual(c.expected);
    if (c.phase !== undefined) expect(facts.people[0]!.phase).toBe(c.phase);
  });

  it('says the facts in 和暦 and what clears the flag', () => {
    const facts = factsOf('2026-04-01', [person(1, '2023-04-01', [[30, '2023-04-01', null]])]);
    const [r1] = personFlags(facts.people[0]!, facts);
    expect(r1?.message).toContain('令和5年4月1日から企画課に在籍し、令和8年4月1日時点で3年です。');
    expect(r1?.facts).toMatchObject({ inUnitSince: '2023-04-01', yearsInUnit: 3, thresholdYears: 3, effectiveDate: '2026-04-01' });
    expect(r1?.clearedBy).toContain('異動');
    expect(r1?.severity).toBe('info');
  });
});

describe('expertise fields', () => {
  it('adds the fields of units served 3+ completed years to the HR-recorded ones', () => {
    const p = person(1, '2015-04-01', [[21, '2015-04-01', '2018-03-31'], [30, '2018-04-01', '2020-03-31'], [20, '2020-04-01', null]]);
    const facts = factsOf('2026-04-01', [p], { expertise: [{ staffId: 1, field: '福祉' }] });
    // 税務課 3 years: 税務; 企画課 2 years: not; HR-recorded 福祉
    expect(facts.people[0]!.expertiseFields).toEqual(['福祉', '税務']);
  });
  it('follows mergers and renames like tenure', () => {
    const p = person(1, '2021-04-01', [[101, '2021-04-01', '2024-03-31'], [100, '2024-04-01', null]]);
    const lineage = unitLineage(versions, events);
    expect(servedExpertiseFields(p.assignments, versions, lineage, '2024-03-31', 3)).toEqual([]);
    expect(servedExpertiseFields(p.assignments, versions, lineage, '2025-03-31', 3)).toEqual(['人事']);
  });
});

describe('units and headcounts', () => {
  it('lists the leaf units on the date with their path, counting members per level', () => {
    const facts = factsOf('2026-04-01', [person(1, '2023-04-01', [[30, '2023-04-01', null]]), person(2, '2023-04-01', [[100, '2023-04-01', null]])]);
    expect(facts.units.map((u) => u.name)).toEqual(['人事係', '企画課', '市民課', '税務課']);
    expect(facts.units.find((u) => u.unitId === 100)?.path).toBe('総務部 › 人事課');
    expect(facts.units.find((u) => u.unitId === 30)?.headcount).toEqual({ staff: 1 });
  });
});
