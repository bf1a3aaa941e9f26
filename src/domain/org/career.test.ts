import { describe, expect, it } from 'vitest';
import {
  buildCareerTimeline,
  currentAssignment,
  currentUnitTenure,
  hasFrontlineExperience,
  unitKeysExperienced,
  unitsExperienced,
  yearsInCurrentUnit,
} from './career.js';
import type { Assignment, AssignmentKind, Position, UnitEvent, UnitKind, UnitVersion } from './org-model.js';
import { unitLineage } from './org-tree.js';

function v(
  unitId: number,
  name: string,
  kind: UnitKind,
  parentUnitId: number | null,
  startsOn: string,
  endsOn: string | null = null,
  isFrontline = false,
): UnitVersion {
  return { unitId, code: String(unitId), name, kind, parentUnitId, isFrontline, expertiseField: null, authorisedHeadcount: null, startsOn, endsOn };
}

// 職員課 is renamed 人事課 on 2023-04-01; 給与係 merges into 人事係 on 2024-04-01; 税務課 counts as frontline
// only from 2021-04-01; 市民課 is frontline throughout.
const versions: UnitVersion[] = [
  v(1, '総務部', 'department', null, '2000-04-01'),
  v(2, '市民部', 'department', null, '2000-04-01'),
  v(10, '職員課', 'division', 1, '2000-04-01', '2023-03-31'),
  v(10, '人事課', 'division', 1, '2023-04-01'),
  v(100, '人事係', 'section', 10, '2000-04-01'),
  v(101, '給与係', 'section', 10, '2000-04-01', '2024-03-31'),
  v(20, '市民課', 'division', 2, '2000-04-01', null, true),
  v(21, '税務課', 'division', 2, '2000-04-01', '2021-03-31'),
  v(21, '税務課', 'division', 2, '2021-04-01', null, true),
  v(30, '企画課', 'division', 1, '2000-04-01'),
];
const events: UnitEvent[] = [{ unitId: 101, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: 100, note: null }];
const lineage = unitLineage(versions, events);

const positions: Position[] = [
  { id: 6, code: 'kakaricho', name: '係長', rank: 6, level: 'supervisor', isManagerial: false },
  { id: 7, code: 'shunin', name: '主任', rank: 7, level: 'staff', isManagerial: false },
  { id: 8, code: 'shuji', name: '主事', rank: 8, level: 'staff', isManagerial: false },
];

let nextId = 1;
function a(unitId: number, startsOn: string, endsOn: string | null, kind: AssignmentKind = 'regular', positionId = 8, dispatchTo: string | null = null): Assignment {
  return { id: nextId++, staffId: 1, unitId, positionId, kind, dispatchTo, startsOn, endsOn };
}

describe('yearsInCurrentUnit', () => {
  const cases: [string, Assignment[], string, number | null][] = [
    ['hired mid-year: day before the 3rd anniversary', [a(100, '2020-10-01', null)], '2023-09-30', 2],
    ['hired mid-year: on the 3rd anniversary', [a(100, '2020-10-01', null)], '2023-10-01', 3],
    ['started Feb 29: Feb 28 of a common year', [a(100, '2020-02-29', null)], '2023-02-28', 2],
    ['started Feb 29: Mar 1 of a common year', [a(100, '2020-02-29', null)], '2023-03-01', 3],
    ['started Feb 29: Feb 29 of the next leap year', [a(100, '2020-02-29', null)], '2024-02-29', 4],
    ['March 31 after a move on April 1', [a(30, '2019-04-01', '2022-03-31'), a(100, '2022-04-01', null)], '2025-03-31', 2],
    ['April 1 after a move on April 1', [a(30, '2019-04-01', '2022-03-31'), a(100, '2022-04-01', null)], '2025-04-01', 3],
    ['the last day before the move counts the old unit', [a(30, '2019-04-01', '2022-03-31'), a(100, '2022-04-01', null)], '2022-03-31', 2],
    ['the day of the move starts again at 0', [a(30, '2019-04-01', '2022-03-31'), a(100, '2022-04-01', null)], '2022-04-01', 0],
    ['a rename mid-assignment does not reset', [a(10, '2021-04-01', null)], '2024-04-01', 3],
    ['a rename with the row split does not reset', [a(10, '2021-04-01', '2023-03-31'), a(10, '2023-04-01', null)], '2024-04-01', 3],
    ['a promotion within the unit does not reset', [a(100, '2018-04-01', '2021-03-31', 'regular', 8), a(100, '2021-04-01', null, 'regular', 7)], '2024-04-01', 6],
    ['a merger carries tenure into the surviving unit', [a(101, '2020-04-01', '2024-03-31'), a(100, '2024-04-01', null)], '2025-04-01', 5],
    ['a move between the units before their merger is a move', [a(101, '2018-04-01', '2020-03-31'), a(100, '2020-04-01', null)], '2025-04-01', 5],
    ['a dispatch kept beside the home post resets on return', [a(100, '2015-04-01', null), a(100, '2019-04-01', '2021-03-31', 'dispatch', 8, '群馬県')], '2024-04-01', 3],
    ['a dispatch between split rows resets', [a(100, '2015-04-01', '2019-03-31'), a(100, '2019-04-01', '2021-03-31', 'dispatch', 8, '群馬県'), a(100, '2021-04-01', null)], '2024-04-01', 3],
    ['away on dispatch: not applicable', [a(100, '2015-04-01', null), a(100, '2019-04-01', '2021-03-31', 'dispatch', 8, '群馬県')], '2020-01-01', null],
    ['a day without a post breaks the stay', [a(100, '2015-04-01', '2018-03-31'), a(100, '2018-04-02', null)], '2021-04-01', 2],
    ['a 兼務 does not count as the unit', [a(30, '2015-04-01', null), a(100, '2015-04-01', null, 'concurrent')], '2020-04-01', 5],
    ['no assignment yet', [a(100, '2026-04-01', null)], '2025-04-01', null],
    ['no assignment at all', [], '2025-04-01', null],
    ['retired: the last assignment ended', [a(100, '2015-04-01', '2025-03-31')], '2025-04-01', null],
  ];
  it.each(cases)('%s', (_name, assignments, date, years) => {
    expect(yearsInCurrentUnit(assignments, lineage, date)).toBe(years);
  });

  it('reports when the stay began and in which canonical unit', () => {
    expect(currentUnitTenure([a(101, '2020-04-01', '2024-03-31'), a(100, '2024-04-01', null)], lineage, '2025-04-01')).toEqual({
      unitId: 100,
      unitKey: 100,
      since: '2020-04-01',
      years: 5,
    });
  });
});

describe('currentAssignment', () => {
  it('separates the regular post, 兼務 and 派遣', () => {
    const regular = a(100, '2024-04-01', null);
    const concurrent = a(20, '2024-04-01', '2025-03-31', 'concurrent');
    const dispatch = a(100, '2025-01-01', '2025-03-31', 'dispatch', 8, '群馬県');
    const past = a(30, '2020-04-01', '2024-03-31');
    expect(currentAssignment([past, regular, concurrent, dispatch], '2025-03-31')).toEqual({ regular, concurrent: [concurrent], dispatch });
    expect(currentAssignment([past, regular, concurrent, dispatch], '2025-04-01')).toEqual({ regular, concurrent: [], dispatch: null });
    expect(currentAssignment([past, regular, concurrent, dispatch], '2024-03-31')).toEqual({ regular: past, concurrent: [], dispatch: null });
  });

  it('picks the latest-starting row when regular rows overlap by mistake', () => {
    const older = a(30, '2020-04-01', null);
    const newer = a(100, '2024-04-01', null);
    expect(currentAssignment([newer, older], '2024-06-01').regular).toBe(newer);
  });
});

describe('hasFrontlineExperience', () => {
  const cases: [string, Assignment[], string, boolean][] = [
    ['never in a frontline unit', [a(30, '2015-04-01', null)], '2025-04-01', false],
    ['市民課 in the past', [a(20, '2015-04-01', '2018-03-31'), a(30, '2018-04-01', null)], '2025-04-01', true],
    ['税務課 before it counted as frontline', [a(21, '2018-04-01', '2021-03-31'), a(30, '2021-04-01', null)], '2025-04-01', false],
    ['税務課 across the day it became frontline', [a(21, '2020-04-01', '2022-03-31')], '2022-06-01', true],
    ['税務課 before that day arrived', [a(21, '2020-04-01', null)], '2021-03-31', false],
    ['税務課 on that day', [a(21, '2020-04-01', null)], '2021-04-01', true],
    ['a current frontline post from today', [a(30, '2015-04-01', '2025-03-31'), a(20, '2025-04-01', null)], '2025-04-01', true],
    ['a frontline post only planned', [a(30, '2015-04-01', '2025-03-31'), a(20, '2025-04-01', null)], '2025-03-31', false],
    ['only as 兼務', [a(30, '2015-04-01', null), a(20, '2016-04-01', null, 'concurrent')], '2025-04-01', false],
    ['only on dispatch', [a(20, '2016-04-01', '2017-03-31', 'dispatch', 8, '群馬県')], '2025-04-01', false],
  ];
  it.each(cases)('%s', (_name, assignments, date, expected) => {
    expect(hasFrontlineExperience(assignments, versions, date)).toBe(expected);
  });
});

describe('unitsExperienced', () => {
  const history = [
    a(30, '2012-10-01', '2015-03-31'),
    a(101, '2015-04-01', '2018-03-31'),
    a(100, '2018-04-01', '2019-03-31'),
    a(21, '2019-04-01', '2020-03-31', 'dispatch', 8, '群馬県'),
    a(21, '2020-04-01', '2023-03-31'),
    a(20, '2020-04-01', '2023-03-31', 'concurrent'),
    a(10, '2023-04-01', null),
    a(20, '2026-04-01', null),
  ];
  it.each([
    ['2012-09-30', 0, []],
    ['2012-10-01', 1, [30]],
    ['2018-04-01', 2, [30, 100]],
    ['2020-04-01', 3, [30, 100, 21]],
    ['2025-04-01', 4, [30, 100, 21, 10]],
  ])('on %s: %i', (date, count, keys) => {
    expect(unitsExperienced(history, lineage, date)).toBe(count);
    expect(unitKeysExperienced(history, lineage, date)).toEqual(keys);
  });
});

describe('buildCareerTimeline', () => {
  const hired = a(30, '2016-10-01', '2019-03-31', 'regular', 8);
  const renamedMid = a(10, '2019-04-01', '2024-03-31', 'regular', 7);
  const dispatch = a(100, '2024-04-01', '2025-03-31', 'dispatch', 7, '群馬県総務部');
  const current = a(101, '2021-04-01', null, 'concurrent', 7);
  const frontline = a(21, '2025-04-01', null, 'regular', 6);
  const planned = a(20, '2027-04-01', null, 'regular', 6);
  const timeline = buildCareerTimeline([planned, frontline, current, dispatch, renamedMid, hired], versions, positions, '2025-06-01');

  it('is ordered by start', () => {
    expect(timeline.map((e) => e.assignmentId)).toEqual([hired.id, renamedMid.id, current.id, dispatch.id, frontline.id, planned.id]);
  });

  it('shows a mid-year hire with its fiscal years and path of the time', () => {
    expect(timeline[0]).toEqual({
      assignmentId: hired.id,
      kind: 'regular',
      unitId: 30,
      unitName: '企画課',
      unitNames: ['企画課'],
      unitPath: '総務部 › 企画課',
      positionId: 8,
      positionName: '主事',
      positionLevel: 'staff',
      dispatchTo: null,
      startsOn: '2016-10-01',
      endsOn: '2019-03-31',
      status: 'past',
      isFrontline: false,
      fiscalYears: [2016, 2017, 2018],
    });
  });

  it('shows the name as it was and the rename during the assignment', () => {
    expect(timeline[1]).toMatchObject({ unitName: '職員課', unitNames: ['職員課', '人事課'], unitPath: '総務部 › 職員課', fiscalYears: [2019, 2020, 2021, 2022, 2023] });
  });

  it('shows a merged-away unit under its own name', () => {
    expect(timeline[2]).toMatchObject({ kind: 'concurrent', unitName: '給与係', unitNames: ['給与係'], status: 'current', unitPath: '総務部 › 職員課 › 給与係' });
  });

  it('shows a dispatch with where to, and never as frontline', () => {
    expect(timeline[3]).toMatchObject({ kind: 'dispatch', dispatchTo: '群馬県総務部', isFrontline: false, status: 'past', fiscalYears: [2024] });
  });

  it('cuts a current assignment at the date and plans stay in the future', () => {
    expect(timeline[4]).toMatchObject({ status: 'current', isFrontline: true, positionName: '係長', fiscalYears: [2025] });
    expect(timeline[5]).toMatchObject({ status: 'future', isFrontline: true, fiscalYears: [2027] });
  });

  it('copes with a unit or position it does not know', () => {
    const [entry] = buildCareerTimeline([a(999, '2020-04-01', null, 'regular', 99)], versions, positions, '2025-04-01');
    expect(entry).toMatchObject({ unitName: null, unitNames: [], unitPath: null, positionName: null, positionLevel: null, isFrontline: false });
  });

  it('takes the path when the unit first existed within the assignment', () => {
    const lateUnit = [...versions, v(40, 'DX推進室', 'division', 1, '2022-04-01')];
    const [entry] = buildCareerTimeline([a(40, '2021-04-01', null)], lateUnit, positions, '2025-04-01');
    expect(entry).toMatchObject({ unitName: 'DX推進室', unitPath: '総務部 › DX推進室' });
  });
});
