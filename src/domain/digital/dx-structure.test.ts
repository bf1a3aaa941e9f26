import { describe, expect, it } from 'vitest';
import {
  advisorStatus,
  dxBodyInputSchema,
  dxCoverage,
  exchangeInputSchema,
  overlappingChief,
  overlappingLeader,
  periodsOverlap,
  roleFitsBody,
} from './dx-structure.js';

describe('periods', () => {
  it.each([
    [{ startsOn: '2025-04-01', endsOn: '2026-03-31' }, { startsOn: '2026-03-31', endsOn: null }, true],
    [{ startsOn: '2025-04-01', endsOn: '2026-03-31' }, { startsOn: '2026-04-01', endsOn: null }, false],
    [{ startsOn: '2025-04-01', endsOn: null }, { startsOn: '2030-01-01', endsOn: '2030-01-01' }, true],
    [{ startsOn: '2025-04-01', endsOn: null }, { startsOn: '2024-04-01', endsOn: '2025-03-31' }, false],
    [{ startsOn: '2025-04-01', endsOn: null }, { startsOn: '2024-04-01', endsOn: null }, true],
  ])('%o and %o overlap: %s', (a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });
});

describe('one DX推進リーダー per unit', () => {
  const leaders = [
    { id: 1, unitId: 10, startsOn: '2024-04-01', endsOn: '2025-03-31' },
    { id: 2, unitId: 10, startsOn: '2025-04-01', endsOn: null },
    { id: 3, unitId: 20, startsOn: '2025-04-01', endsOn: null },
  ];
  it('finds the current leader when a second one would overlap, not a past one, and not another unit', () => {
    expect(overlappingLeader(leaders, { unitId: 10, startsOn: '2025-10-01', endsOn: null })?.id).toBe(2);
    expect(overlappingLeader(leaders, { unitId: 10, startsOn: '2023-04-01', endsOn: '2024-03-31' })).toBeUndefined();
    expect(overlappingLeader(leaders, { unitId: 30, startsOn: '2025-10-01', endsOn: null })).toBeUndefined();
    expect(overlappingLeader(leaders, { unitId: 10, startsOn: '2025-10-01', endsOn: null }, 2)).toBeUndefined();
  });
});

describe('DX推進本部', () => {
  it('fits roles to bodies and allows one 本部長 at a time', () => {
    expect(roleFitsBody('hq', 'chief')).toBe(true);
    expect(roleFitsBody('hq', 'leader')).toBe(false);
    expect(roleFitsBody('working_group', 'leader')).toBe(true);
    expect(roleFitsBody('working_group', 'deputy')).toBe(false);
    const members = [{ role: 'chief', startsOn: '2024-04-01', endsOn: null }];
    expect(overlappingChief(members, { role: 'chief', startsOn: '2025-04-01', endsOn: null })).toBe(members[0]);
    expect(overlappingChief(members, { role: 'deputy', startsOn: '2025-04-01', endsOn: null })).toBeUndefined();
  });

  it('needs the HQ for a working group and an end after the start', () => {
    const wg = { kind: 'working_group', parentBodyId: null, name: 'WG', theme: '', startsOn: '2025-04-01', endsOn: '2025-03-01' };
    const result = dxBodyInputSchema.safeParse(wg);
    expect(result.success ? [] : result.error.issues.map((i) => i.message).sort()).toEqual(['ワーキンググループの推進本部を選んでください', '終了日は開始日以降にしてください']);
  });
});

describe('coverage', () => {
  const units = [
    { unitId: 1, name: '総務部', path: '総務部', parentId: null, kind: 'department' },
    { unitId: 10, name: '職員課', path: '総務部 › 職員課', parentId: 1, kind: 'division' },
    { unitId: 11, name: '人事係', path: '総務部 › 職員課 › 人事係', parentId: 10, kind: 'section' },
    { unitId: 20, name: '情報政策課', path: '総務部 › 情報政策課', parentId: 1, kind: 'division' },
    { unitId: 30, name: '市民課', path: '総務部 › 市民課', parentId: 1, kind: 'division' },
  ];
  const leaders = [
    { id: 1, unitId: 10, staffId: 100, name: 'デモ 一郎', startsOn: '2025-04-01', endsOn: null },
    { id: 2, unitId: 20, staffId: 200, name: 'デモ 二郎', startsOn: '2025-04-01', endsOn: null },
    { id: 3, unitId: 30, staffId: 300, name: 'デモ 三郎', startsOn: '2024-04-01', endsOn: '2025-03-31' },
  ];
  it('covers a division whose leader sits in one of its sections, flags a leader transferred out, and lists a division without one', () => {
    const posts = new Map([
      [100, 11],
      [200, 30],
    ]);
    const rows = dxCoverage('2025-10-01', units, leaders, posts);
    expect(rows.map((r) => [r.unitName, r.status, r.leader?.name ?? null])).toEqual([
      ['職員課', 'covered', 'デモ 一郎'],
      ['情報政策課', 'leader-moved', 'デモ 二郎'],
      ['市民課', 'missing', null],
    ]);
    expect(rows[1]!.leader!.currentUnitName).toBe('総務部 › 市民課');
  });

  it('a leader with no post on the date (retired) leaves a gap too', () => {
    expect(dxCoverage('2025-10-01', units, leaders, new Map()).filter((r) => r.status === 'covered')).toEqual([]);
  });
});

describe('advisors and exchanges', () => {
  it.each([
    ['2025-10-01', { contractStartsOn: '2025-04-01', contractEndsOn: '2026-03-31' }, 'current'],
    ['2025-10-01', { contractStartsOn: '2023-04-01', contractEndsOn: '2025-03-31' }, 'past'],
    ['2025-10-01', { contractStartsOn: '2026-04-01', contractEndsOn: null }, 'upcoming'],
    ['2025-10-01', { contractStartsOn: '2025-10-01', contractEndsOn: null }, 'current'],
  ])('on %s a contract %o is %s', (date, contract, status) => {
    expect(advisorStatus(contract, date)).toBe(status);
  });

  it('an exchange participant is either our staff or a named visitor, never both or neither', () => {
    const base = { partnerMunicipality: 'デモ町', title: '交流', direction: 'mutual', startsOn: '2025-08-01', endsOn: '2025-08-02' };
    expect(exchangeInputSchema.safeParse({ ...base, participants: [{ staffId: 5, externalName: null }, { staffId: null, externalName: 'デモ 花子' }] }).success).toBe(true);
    expect(exchangeInputSchema.safeParse({ ...base, participants: [{ staffId: 5, externalName: 'デモ 花子' }] }).success).toBe(false);
    expect(exchangeInputSchema.safeParse({ ...base, participants: [{ staffId: null, externalName: '' }] }).success).toBe(false);
    expect(exchangeInputSchema.safeParse({ ...base, endsOn: '2025-07-31', participants: [] }).success).toBe(false);
  });
});
