import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentKind, EmploymentType, UnitEvent, UnitKind, UnitVersion } from '../org/org-model.js';
import { defaultOrgSettings } from '../org/org-settings.js';
import {
  abbreviateUnitPath,
  careerMatrixRow,
  cityCareerMap,
  countScale,
  coverageLevel,
  fiscalYearColumns,
  groupAssignments,
  heatLevel,
  indexOrg,
  meanYearsScale,
  tenureBandOf,
  unitCareerMatrix,
  type CareerMapPerson,
  type CityUnitRow,
} from './career-map.js';

function v(unitId: number, name: string, kind: UnitKind, parentUnitId: number | null, startsOn: string, endsOn: string | null = null, isFrontline = false): UnitVersion {
  return { unitId, code: `C${String(unitId).padStart(3, '0')}`, name, kind, parentUnitId, isFrontline, expertiseField: null, authorisedHeadcount: null, startsOn, endsOn };
}

// 職員課 (10) is renamed 人事課 on 2023-04-01; 給与係 (101) is merged into 人事係 (100) on 2024-04-01;
// 市民課 (20) and its 窓口係 (200) are frontline; 企画課 (30) has no 係.
const versions: UnitVersion[] = [
  v(1, '総務部', 'department', null, '2000-04-01'),
  v(2, '市民部', 'department', null, '2000-04-01'),
  v(10, '職員課', 'division', 1, '2000-04-01', '2023-03-31'),
  v(10, '人事課', 'division', 1, '2023-04-01'),
  v(100, '人事係', 'section', 10, '2000-04-01'),
  v(101, '給与係', 'section', 10, '2000-04-01', '2024-03-31'),
  v(20, '市民課', 'division', 2, '2000-04-01', null, true),
  v(200, '窓口係', 'section', 20, '2000-04-01', null, true),
  v(30, '企画課', 'division', 1, '2000-04-01'),
];
const events: UnitEvent[] = [{ unitId: 101, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: 100, note: null }];
const settings = { careerPhaseRules: defaultOrgSettings.careerPhaseRules, rotationYearsPerUnit: 3 };

let nextId = 1;
function a(staffId: number, unitId: number, startsOn: string, endsOn: string | null, kind: AssignmentKind = 'regular', dispatchTo: string | null = null): Assignment {
  return { id: nextId++, staffId, unitId, positionId: 8, kind, dispatchTo, startsOn, endsOn };
}
function person(staffId: number, hireDate: string, employmentType: EmploymentType = 'regular'): CareerMapPerson {
  return { staffId, employmentType, hireDate, careerPhaseOverride: null, careerPhaseOverrideReason: null };
}
const rowOf = (map: ReturnType<typeof cityCareerMap>, unitId: number): CityUnitRow | undefined =>
  map.departments.flatMap((d) => d.rows).find((r) => r.unitId === unitId);

describe('cityCareerMap: tenure bands', () => {
  // Hired 2022-04-01 into 人事係: completed years are counted like birthdays.
  const cases: [string, string, number][] = [
    ['the day before the 1st anniversary', '2023-03-31', 0],
    ['on the 1st anniversary', '2023-04-01', 1],
    ['the day before the 3rd anniversary', '2025-03-31', 2],
    ['on the 3rd anniversary', '2025-04-01', 3],
    ['on the 5th anniversary (5+)', '2027-04-01', 5],
    ['on the 9th anniversary (still 5+)', '2031-04-01', 5],
  ];
  it.each(cases)('%s (%s) → band %i', (_label, date, band) => {
    const map = cityCareerMap({ date, versions, events, people: [person(1, '2022-04-01')], assignments: [a(1, 100, '2022-04-01', null)], settings });
    const row = rowOf(map, 100)!;
    expect(row.bands.indexOf(1)).toBe(band);
    expect(row.bands.reduce((x, y) => x + y, 0)).toBe(1);
    // ① at 3 years or more in the unit: the R1-like highlight.
    expect(row.rotationDue).toBe(band >= 3 ? 1 : 0);
    expect(row.rotationBands).toEqual(row.bands);
  });

  it('counts a mid-year hire from the day of hire', () => {
    const people = [person(1, '2022-10-01')];
    const assignments = [a(1, 100, '2022-10-01', null)];
    expect(rowOf(cityCareerMap({ date: '2025-09-30', versions, events, people, assignments, settings }), 100)!.bands[2]).toBe(1);
    expect(rowOf(cityCareerMap({ date: '2025-10-01', versions, events, people, assignments, settings }), 100)!.bands[3]).toBe(1);
  });

  it('counts a renamed unit as the same unit, under its name of the date', () => {
    const map = cityCareerMap({ date: '2025-04-01', versions, events, people: [person(1, '2020-04-01')], assignments: [a(1, 10, '2020-04-01', null)], settings });
    const row = rowOf(map, 10)!;
    expect(row.name).toBe('人事課');
    expect(row.bands[5]).toBe(1);
    expect(row.meanYears).toBe(5);
  });

  it('counts a merged unit as the surviving unit: tenure continues across the merger', () => {
    const assignments = [a(1, 101, '2021-04-01', '2024-03-31'), a(1, 100, '2024-04-01', null)];
    const map = cityCareerMap({ date: '2025-04-01', versions, events, people: [person(1, '2021-04-01')], assignments, settings });
    expect(rowOf(map, 100)!.bands[4]).toBe(1);
    expect(rowOf(map, 101)).toBeUndefined();
  });

  it('a move into the merged-into unit before the merger is a move (tenure restarts)', () => {
    const assignments = [a(1, 101, '2021-04-01', '2023-03-31'), a(1, 100, '2023-04-01', null)];
    const map = cityCareerMap({ date: '2025-04-01', versions, events, people: [person(1, '2021-04-01')], assignments, settings });
    expect(rowOf(map, 100)!.bands[2]).toBe(1);
  });

  it('leaves people away on dispatch out of tenure and coverage, and says how many they are', () => {
    const assignments = [a(1, 200, '2020-04-01', null), a(1, 200, '2024-04-01', '2026-03-31', 'dispatch', '群馬県'), a(2, 200, '2024-04-01', null)];
    const map = cityCareerMap({ date: '2025-04-01', versions, events, people: [person(1, '2020-04-01'), person(2, '2024-04-01')], assignments, settings });
    const row = rowOf(map, 200)!;
    expect(row.members).toBe(2);
    expect(row.dispatched).toBe(1);
    expect(row.bands).toEqual([0, 1, 0, 0, 0, 0]);
    expect(row.rotationMembers).toBe(1);
    // Back from dispatch: the count starts again on return.
    const back = cityCareerMap({ date: '2027-04-01', versions, events, people: [person(1, '2020-04-01')], assignments: assignments.filter((x) => x.staffId === 1), settings });
    expect(rowOf(back, 200)!.bands[1]).toBe(1);
  });

  it('counts 兼務 nowhere: only the regular post places a person', () => {
    const assignments = [a(1, 100, '2020-04-01', null), a(1, 30, '2024-04-01', null, 'concurrent')];
    const map = cityCareerMap({ date: '2025-04-01', versions, events, people: [person(1, '2020-04-01')], assignments, settings });
    expect(rowOf(map, 30)).toBeUndefined();
    expect(rowOf(map, 100)!.members).toBe(1);
  });

  it('ignores people without a regular post on the date (retired, not yet started)', () => {
    const assignments = [a(1, 100, '2010-04-01', '2024-03-31'), a(2, 100, '2025-04-01', null)];
    const map = cityCareerMap({ date: '2025-03-31', versions, events, people: [person(1, '2010-04-01'), person(2, '2025-04-01')], assignments, settings });
    expect(map.departments).toEqual([]);
    expect(map.totals.members).toBe(0);
  });
});

describe('cityCareerMap: frontline coverage and grouping', () => {
  const people = [
    person(1, '2020-04-01'), // ①, was at the counter
    person(2, '2022-04-01'), // ①, never at the counter
    person(3, '2023-04-01', 'fiscal_full'), // 会計年度任用: no phase
    person(4, '1995-04-01'), // ③
    person(5, '2021-04-01'), // ① at the counter now
  ];
  const assignments = [
    a(1, 200, '2020-04-01', '2023-03-31'),
    a(1, 30, '2023-04-01', null),
    a(2, 30, '2022-04-01', null),
    a(3, 30, '2023-04-01', null),
    a(4, 30, '2015-04-01', null),
    a(5, 200, '2021-04-01', null),
  ];
  const map = cityCareerMap({ date: '2025-10-01', versions, events, people, assignments, settings });

  it('takes the share among ① members only: not-phased and later phases are excluded', () => {
    const row = rowOf(map, 30)!;
    expect(row.members).toBe(4);
    expect(row.bands).toEqual([0, 0, 2, 1, 0, 1]);
    expect(row.rotationMembers).toBe(2);
    expect(row.rotationWithFrontline).toBe(1);
    expect(row.frontlinePercent).toBe(50);
    expect(row.rotationDue).toBe(1);
    expect(row.meanYears).toBe(round1((2 + 2 + 3 + 10) / 4));
  });

  it('has no share for a unit without ① members', () => {
    const only = cityCareerMap({ date: '2025-10-01', versions, events, people: [people[2]!], assignments: [assignments[3]!], settings });
    expect(rowOf(only, 30)!.frontlinePercent).toBeNull();
    expect(rowOf(only, 30)!.rotationMembers).toBe(0);
  });

  it('groups rows by 部 in code order, with totals per 部 and for the city', () => {
    expect(map.departments.map((d) => d.name)).toEqual(['総務部', '市民部']);
    expect(map.departments[0]!.rows.map((r) => r.unitId)).toEqual([30]);
    expect(map.departments[1]!.rows.map((r) => r.path)).toEqual(['市民部 › 市民課 › 窓口係']);
    expect(map.totals.members).toBe(5);
    expect(map.totals.rotationMembers).toBe(3);
    expect(map.totals.frontlinePercent).toBe(round1((100 * 2) / 3));
    expect(map.departments[1]!.totals.frontlinePercent).toBe(100);
  });
});

const round1 = (n: number) => Math.round(n * 10) / 10;

describe('heat scales', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [10, 3],
    [11, 4],
  ])('count %i → level %i', (n, level) => expect(heatLevel(n, countScale)).toBe(level));
  it.each([
    [0, 0],
    [0.9, 0],
    [1, 1],
    [2.9, 2],
    [3, 3],
    [4.9, 3],
    [5, 4],
  ])('mean years %d → level %i', (n, level) => expect(heatLevel(n, meanYearsScale)).toBe(level));
  it.each([
    [0, 4],
    [24.9, 4],
    [25, 3],
    [50, 2],
    [75, 1],
    [99.9, 1],
    [100, 0],
  ])('coverage %d%% → level %i (darker = fewer have been at the counter)', (p, level) => expect(coverageLevel(p)).toBe(level));
  it('bands: 0–4 then 5+', () => expect([0, 1, 4, 5, 12, -1].map(tenureBandOf)).toEqual([0, 1, 4, 5, 5, 0]));
});

describe('abbreviateUnitPath', () => {
  it.each([
    ['市民部 › 市民課 › 窓口係', '市民・窓口'],
    ['総務部 › 企画課', '企画'],
    ['総務部', '総務'],
    ['保健福祉部 › 子ども未来課 › 保育係', '子ども未来・保育'],
    ['総務部 › 職員課 › 係', '職員・係'],
    ['総務部 › 秘書室 › 広報担当', '秘書・広報'],
  ])('%s → %s', (path, short) => expect(abbreviateUnitPath(path)).toBe(short));
});

describe('careerMatrixRow', () => {
  const index = indexOrg(versions, events);
  it('shows the unit of each 年度 with the name of the time, marking arrivals but not renames or mergers', () => {
    const own = [a(1, 200, '2019-04-01', '2022-03-31'), a(1, 101, '2022-04-01', '2024-03-31'), a(1, 100, '2024-04-01', null)];
    const cells = careerMatrixRow(own, index, '2025-10-01', fiscalYearColumns('2025-10-01', 8));
    expect(cells.map((c) => c.fiscalYear)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(cells.map((c) => c.label)).toEqual(['', '市民・窓口', '市民・窓口', '市民・窓口', '職員・給与', '人事・給与', '人事・人事', '人事・人事']);
    expect(cells.map((c) => c.changed)).toEqual([false, true, false, false, true, false, false, false]);
    expect(cells.map((c) => c.isFrontline)).toEqual([false, true, true, true, false, false, false, false]);
    // 給与係 was merged into today's 人事係: the same unit as today's.
    expect(cells.map((c) => c.isCurrentUnit)).toEqual([false, false, false, false, true, true, true, true]);
    expect(cells[0]!.kind).toBe('none');
    expect(cells[4]!.fullName).toBe('総務部 › 職員課 › 給与係');
  });

  it('shows a dispatch by its destination, and a mid-year move as an arrival with both units', () => {
    const own = [
      a(2, 30, '2020-04-01', null),
      a(2, 30, '2021-04-01', '2022-03-31', 'dispatch', '群馬県'),
      a(3, 0, '2000-01-01', '2000-01-01'),
    ].filter((x) => x.staffId === 2);
    const cells = careerMatrixRow(own, index, '2023-10-01', [2020, 2021, 2022]);
    expect(cells.map((c) => c.kind)).toEqual(['regular', 'dispatch', 'regular']);
    expect(cells[1]!.label).toBe('派遣 群馬県');
    expect(cells.map((c) => c.changed)).toEqual([true, true, true]);

    const moved = [a(4, 30, '2020-04-01', '2021-09-30'), a(4, 200, '2021-10-01', null)];
    const row = careerMatrixRow(moved, index, '2022-10-01', [2020, 2021, 2022]);
    expect(row.map((c) => c.label)).toEqual(['企画', '市民・窓口', '市民・窓口']);
    expect(row[1]!.changed).toBe(true);
    expect(row[1]!.unitsInYear).toEqual(['総務部 › 企画課', '市民部 › 市民課 › 窓口係']);
    expect(row[2]!.changed).toBe(false);
  });

  it('covers the current 年度 only up to the date', () => {
    const own = [a(5, 30, '2020-04-01', '2025-03-31'), a(5, 200, '2025-04-01', null)];
    const cells = careerMatrixRow(own, index, '2025-03-31', fiscalYearColumns('2025-03-31', 2));
    expect(cells.map((c) => [c.fiscalYear, c.label])).toEqual([
      [2023, '企画'],
      [2024, '企画'],
    ]);
  });
});

describe('unitCareerMatrix', () => {
  it('gives each member phase, reason, tenure and frontline experience, most senior first', () => {
    const index = indexOrg(versions, events);
    const assignments = [a(1, 200, '2020-04-01', '2023-03-31'), a(1, 30, '2023-04-01', null), a(2, 30, '2024-04-01', null)];
    const member = (staffId: number, rank: number, kana: string, hireDate: string) => ({
      ...person(staffId, hireDate),
      employeeNumber: `E${staffId}`,
      name: `職員${staffId}`,
      kana,
      unitId: 30,
      unitName: '企画課',
      positionName: rank === 6 ? '係長' : '主事',
      positionRank: rank,
    });
    const rows = unitCareerMatrix({
      date: '2026-04-01',
      years: fiscalYearColumns('2026-04-01', 3),
      members: [member(1, 8, 'ア', '2020-04-01'), member(2, 6, 'イ', '2000-04-01'), member(1, 8, 'ア', '2020-04-01')],
      assignmentsByStaff: groupAssignments(assignments),
      index,
      settings,
    });
    expect(rows.map((r) => r.staffId)).toEqual([2, 1]);
    const junior = rows[1]!;
    expect(junior.phase).toBe('rotation');
    expect(junior.phaseReason).toContain('入庁6年');
    expect(junior.yearsInUnit).toBe(3);
    expect(junior.isRotationDue).toBe(true);
    expect(junior.hasFrontlineExperience).toBe(true);
    expect(junior.cells.map((c) => c.label)).toEqual(['企画', '企画', '企画']);
    expect(rows[0]!.phase).toBe('expert');
    expect(rows[0]!.isRotationDue).toBe(false);
  });
});
