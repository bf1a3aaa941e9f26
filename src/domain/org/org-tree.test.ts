import { describe, expect, it } from 'vitest';
import type { UnitEvent, UnitKind, UnitVersion } from './org-model.js';
import {
  ancestorsOf,
  departmentOf,
  descendantsOf,
  divisionOf,
  nameOfUnitOn,
  orgAsOf,
  sameUnitKey,
  unitHistory,
  unitLineage,
  unitPath,
  unitPathOn,
  versionOn,
} from './org-tree.js';

function v(
  unitId: number,
  code: string,
  name: string,
  kind: UnitKind,
  parentUnitId: number | null,
  startsOn: string,
  endsOn: string | null = null,
  extra: Partial<UnitVersion> = {},
): UnitVersion {
  return { unitId, code, name, kind, parentUnitId, isFrontline: false, expertiseField: null, authorisedHeadcount: null, startsOn, endsOn, ...extra };
}

// A fictitious city: 総務部 with 職員課 (renamed 人事課 in 2023) and its 係, 給与係 merged into 人事係 in 2024,
// 税務課 moved from 総務部 to 市民部 in 2022.
const versions: UnitVersion[] = [
  v(2, '02', '市民部', 'department', null, '2010-04-01'),
  v(1, '01', '総務部', 'department', null, '2010-04-01'),
  v(10, '0101', '職員課', 'division', 1, '2010-04-01', '2023-03-31'),
  v(10, '0101', '人事課', 'division', 1, '2023-04-01'),
  v(11, '0100', '総務課', 'division', 1, '2010-04-01'),
  v(100, '010101', '人事係', 'section', 10, '2010-04-01'),
  v(101, '010102', '給与係', 'section', 10, '2010-04-01', '2024-03-31'),
  v(21, '0102', '税務課', 'division', 1, '2010-04-01', '2022-03-31', { isFrontline: true }),
  v(21, '0202', '税務課', 'division', 2, '2022-04-01', null, { isFrontline: true, authorisedHeadcount: 12 }),
  v(210, '020201', '市民税係', 'section', 21, '2010-04-01'),
  v(30, '09', '企画課', 'division', 99, '2020-04-01'),
];

const events: UnitEvent[] = [
  { unitId: 10, kind: 'renamed', occurredOn: '2023-04-01', relatedUnitId: null, note: '機構改革' },
  { unitId: 101, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: 100, note: null },
  { unitId: 21, kind: 'moved', occurredOn: '2022-04-01', relatedUnitId: 2, note: null },
];

describe('orgAsOf', () => {
  it('builds the tree in force, roots and children sorted by code, orphans kept as roots', () => {
    const snap = orgAsOf(versions, '2023-04-01');
    expect(snap.roots.map((n) => n.name)).toEqual(['総務部', '市民部', '企画課']);
    expect(snap.roots[0]?.children.map((n) => n.name)).toEqual(['総務課', '人事課']);
    expect(snap.roots[1]?.children.map((n) => n.name)).toEqual(['税務課']);
    expect(snap.orphanUnitIds).toEqual([30]);
  });

  it.each([
    ['2022-03-31', ['総務課', '職員課', '税務課']],
    ['2022-04-01', ['総務課', '職員課']],
    ['2023-03-31', ['総務課', '職員課']],
    ['2023-04-01', ['総務課', '人事課']],
  ])('on %s 総務部 holds %j (April 1 reorganisations, inclusive ends)', (date, names) => {
    expect(orgAsOf(versions, date).roots[0]?.children.map((n) => n.name)).toEqual(names);
  });

  it('leaves out units not yet created or already ended', () => {
    expect(orgAsOf(versions, '2024-04-01').nodes.has(101)).toBe(false);
    expect(orgAsOf(versions, '2024-03-31').nodes.has(101)).toBe(true);
    expect(orgAsOf(versions, '2009-03-31').roots).toEqual([]);
  });

  it('does not loop on a parent cycle', () => {
    const cyclic = [v(1, 'a', 'A', 'division', 2, '2020-04-01'), v(2, 'b', 'B', 'division', 1, '2020-04-01')];
    const snap = orgAsOf(cyclic, '2021-01-01');
    expect(snap.orphanUnitIds).toEqual([1, 2]);
    expect(unitPath(1, snap)).toBe('A');
    expect(descendantsOf(1, snap)).toEqual([]);
  });
});

describe('paths and ancestors', () => {
  const snap = orgAsOf(versions, '2023-06-01');
  it.each([
    [100, '総務部 › 人事課 › 人事係'],
    [10, '総務部 › 人事課'],
    [1, '総務部'],
    [210, '市民部 › 税務課 › 市民税係'],
    [30, '企画課'],
    [999, null],
  ])('unitPath(%i)', (unitId, path) => {
    expect(unitPath(unitId, snap)).toBe(path);
  });

  it('unitPathOn uses the names and parents of the date', () => {
    expect(unitPathOn(versions, 100, '2022-06-01')).toBe('総務部 › 職員課 › 人事係');
    expect(unitPathOn(versions, 210, '2021-06-01')).toBe('総務部 › 税務課 › 市民税係');
    expect(unitPathOn(versions, 210, '2022-04-01')).toBe('市民部 › 税務課 › 市民税係');
    expect(unitPathOn(versions, 101, '2024-04-01')).toBeNull();
  });

  it('ancestorsOf is root first', () => {
    expect(ancestorsOf(100, snap).map((n) => n.unitId)).toEqual([1, 10, 100]);
  });

  it('descendantsOf lists everything below, depth first', () => {
    expect(descendantsOf(1, snap)).toEqual([11, 10, 100, 101]);
    expect(descendantsOf(100, snap)).toEqual([]);
    expect(descendantsOf(999, snap)).toEqual([]);
  });

  it.each([
    [100, 10, 1],
    [10, 10, 1],
    [1, null, 1],
    [30, 30, null],
    [999, null, null],
  ])('divisionOf/departmentOf(%i)', (unitId, division, department) => {
    expect(divisionOf(unitId, snap)?.unitId ?? null).toBe(division);
    expect(departmentOf(unitId, snap)?.unitId ?? null).toBe(department);
  });
});

describe('nameOfUnitOn / versionOn', () => {
  it.each([
    [10, '2023-03-31', '職員課'],
    [10, '2023-04-01', '人事課'],
    [101, '2024-03-31', '給与係'],
    [101, '2024-04-01', null],
    [10, '2009-12-31', null],
  ])('unit %i on %s', (unitId, date, name) => {
    expect(nameOfUnitOn(versions, unitId, date)).toBe(name);
  });

  it('takes the latest-starting version when periods overlap by mistake', () => {
    const overlapping = [v(5, 'x', '旧', 'division', null, '2020-04-01'), v(5, 'x', '新', 'division', null, '2021-04-01')];
    expect(versionOn(overlapping, 5, '2022-01-01')?.name).toBe('新');
  });
});

describe('unitLineage / sameUnitKey', () => {
  const lineage = unitLineage(versions, events);
  it.each([
    [101, 100],
    [100, 100],
    [10, 10],
    [21, 21],
    [777, 777],
  ])('sameUnitKey(%i) = %i', (unitId, key) => {
    expect(sameUnitKey(unitId, lineage)).toBe(key);
  });

  it('follows chains of mergers and survives cycles', () => {
    const vs = [1, 2, 3].map((id) => v(id, String(id), `U${id}`, 'section', null, '2010-04-01'));
    const chain = unitLineage(vs, [
      { unitId: 1, kind: 'merged', occurredOn: '2020-04-01', relatedUnitId: 2, note: null },
      { unitId: 2, kind: 'merged', occurredOn: '2022-04-01', relatedUnitId: 3, note: null },
    ]);
    expect(sameUnitKey(1, chain)).toBe(3);
    const cycle = unitLineage(vs, [
      { unitId: 1, kind: 'merged', occurredOn: '2020-04-01', relatedUnitId: 2, note: null },
      { unitId: 2, kind: 'merged', occurredOn: '2022-04-01', relatedUnitId: 1, note: null },
    ]);
    expect(sameUnitKey(1, cycle)).toBe(2);
    expect(sameUnitKey(2, cycle)).toBe(1);
  });

  it('ignores mergers into nothing or into unknown units', () => {
    const lin = unitLineage(versions, [
      { unitId: 100, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: null, note: null },
      { unitId: 11, kind: 'merged', occurredOn: '2024-04-01', relatedUnitId: 4242, note: null },
    ]);
    expect(lin.successors.size).toBe(0);
  });
});

describe('unitHistory', () => {
  const lives = unitHistory(versions, events);
  const life = (unitId: number) => lives.find((l) => l.unitId === unitId);

  it('tells a rename with the recorded note', () => {
    expect(life(10)?.names).toEqual(['職員課', '人事課']);
    expect(life(10)?.entries.map((e) => [e.occurredOn, e.kind, e.description, e.note, e.isRecorded])).toEqual([
      ['2010-04-01', 'created', '新設: 職員課(上位組織: 総務部)', null, false],
      ['2023-04-01', 'renamed', '名称変更: 職員課 → 人事課', '機構改革', true],
    ]);
  });

  it('tells a move and the attribute changes that came with it', () => {
    expect(life(21)?.entries.map((e) => [e.occurredOn, e.kind, e.description])).toEqual([
      ['2010-04-01', 'created', '新設: 税務課(上位組織: 総務部)'],
      ['2022-04-01', 'moved', '所管替え: 総務部 → 市民部'],
      ['2022-04-01', 'changed', '変更: コード 0102 → 0202、定数 未設定 → 12'],
    ]);
  });

  it('tells both sides of a merger', () => {
    expect(life(101)?.entries.at(-1)).toMatchObject({ occurredOn: '2024-04-01', kind: 'merged', description: '統合: 人事係に統合', isRecorded: true });
    expect(life(101)?.successorUnitId).toBe(100);
    expect(life(101)?.endsOn).toBe('2024-03-31');
    expect(life(100)?.entries.at(-1)).toMatchObject({ occurredOn: '2024-04-01', kind: 'absorbed', description: '統合: 給与係を統合', relatedUnitId: 101 });
  });

  it('infers an abolition and a re-establishment from gaps', () => {
    const vs = [v(7, '7', '防災係', 'section', null, '2010-04-01', '2015-03-31'), v(7, '7', '防災係', 'section', null, '2018-04-01', '2020-03-31')];
    expect(unitHistory(vs, [])[0]?.entries.map((e) => [e.occurredOn, e.kind])).toEqual([
      ['2010-04-01', 'created'],
      ['2015-04-01', 'abolished'],
      ['2018-04-01', 'created'],
      ['2020-04-01', 'abolished'],
    ]);
  });

  it('lists a recorded event that the versions do not show', () => {
    const lone = unitHistory([v(8, '8', '秘書係', 'section', null, '2010-04-01')], [
      { unitId: 8, kind: 'renamed', occurredOn: '2012-04-01', relatedUnitId: null, note: '表記のみ' },
    ]);
    expect(lone[0]?.entries.at(-1)).toMatchObject({ kind: 'renamed', description: '名称変更(記録のみ)', note: '表記のみ', isRecorded: true });
  });

  it('sorts lives by code', () => {
    expect(lives.map((l) => l.code)).toEqual(['01', '0100', '0101', '010101', '010102', '02', '0202', '020201', '09']);
  });
});
