import { describe, expect, it } from 'vitest';
import type { PositionLevel, StaffRelation, UnitKind, UnitVersion } from './org-model.js';
import { defaultRelationRules, type RelationRules } from './org-settings.js';
import { deriveRelations, mergeWithManual, unitHeadsOf, unitsHeadedBy, type PostAssignment } from './relation-rules.js';

function v(unitId: number, code: string, name: string, kind: UnitKind, parentUnitId: number | null): UnitVersion {
  return { unitId, code, name, kind, parentUnitId, isFrontline: false, expertiseField: null, authorisedHeadcount: null, startsOn: '2020-04-01', endsOn: null };
}

const versions: UnitVersion[] = [
  v(1, '01', '総務部', 'department', null),
  v(10, '0101', '職員課', 'division', 1),
  v(100, '010101', '人事係', 'section', 10),
  v(101, '010102', '給与係', 'section', 10),
  v(11, '0102', '総務課', 'division', 1),
  v(2, '02', '市民部', 'department', null),
  v(20, '0201', '市民課', 'division', 2),
];

const rankOf: Record<string, [PositionLevel, number]> = {
  部長: ['director', 1],
  参事: ['manager', 2],
  課長: ['manager', 3],
  主幹: ['chief', 4],
  課長補佐: ['supervisor', 5],
  係長: ['supervisor', 6],
  主任: ['staff', 7],
  主事: ['staff', 8],
};
function post(staffId: number, unitId: number, position: keyof typeof rankOf, extra: Partial<PostAssignment> = {}): PostAssignment {
  const [positionLevel, positionRank] = rankOf[position] ?? ['staff', 99];
  return { staffId, unitId, positionLevel, positionRank, kind: 'regular', ...extra };
}

const assignments: PostAssignment[] = [
  post(1, 1, '部長'),
  post(2, 10, '課長'),
  post(3, 10, '課長補佐'),
  post(4, 100, '係長'),
  post(5, 100, '主事'),
  post(6, 100, '主任'),
  post(7, 101, '主事'),
  post(8, 11, '課長'),
  post(9, 11, '主事'),
  post(10, 11, '主幹'),
  post(11, 20, '課長'),
  post(12, 20, '参事'),
  post(13, 20, '主事'),
  post(14, 101, '係長', { kind: 'concurrent' }),
  post(15, 999, '主事'),
  post(16, 101, '係長', { startsOn: '2020-04-01', endsOn: '2025-03-31' }),
  post(17, 101, '主事', { startsOn: '2025-04-01', endsOn: null }),
];

const date = '2025-04-01';
const result = deriveRelations({ date, versions, assignments, rules: defaultRelationRules });
const holderOf = (subject: number, kind: 'evaluator' | 'confirmer'): number | undefined =>
  result.relations.find((r) => r.subjectStaffId === subject && r.kind === kind)?.holderStaffId;
const unresolvedOf = (subject: number, kind: 'evaluator' | 'confirmer') =>
  result.unresolved.find((u) => u.subjectStaffId === subject && u.kind === kind)?.reason;

describe('deriveRelations with the Annaka defaults', () => {
  it.each([
    ['係員 with a 係長 in the 係', 5, 4, 2],
    ['another 係員 of the same 係', 6, 4, 2],
    ['係員 of a 係 without 係長 (the concurrent and the ended 係長 do not count)', 7, 3, 2],
    ['係員 whose period starts on the date', 17, 3, 2],
    ['係員 of a 課 without 係長 or 補佐: 課長 evaluates, so 部長 confirms', 9, 8, 1],
    ['主幹', 10, 8, 1],
    ['係長', 4, 2, 1],
    ['課長補佐', 3, 2, 1],
    ['課長', 2, 1, undefined],
    ['係員 with a 参事 and a 課長 in the 課: the most senior evaluates, the next confirms', 13, 12, 11],
  ])('%s', (_name, subject, evaluator, confirmer) => {
    expect(holderOf(subject, 'evaluator')).toBe(evaluator);
    expect(holderOf(subject, 'confirmer')).toBe(confirmer);
  });

  it.each([
    [2, 'confirmer', 'no-rule'],
    [1, 'evaluator', 'no-rule'],
    [1, 'confirmer', 'no-rule'],
    [11, 'evaluator', 'no-candidate'],
    [12, 'evaluator', 'no-candidate'],
    [15, 'evaluator', 'unit-not-in-force'],
    [15, 'confirmer', 'unit-not-in-force'],
  ] as const)('staff %i: %s unresolved as %s', (subject, kind, reason) => {
    expect(unresolvedOf(subject, kind)).toBe(reason);
    expect(holderOf(subject, kind)).toBeUndefined();
  });

  it('explains the unresolved in Japanese', () => {
    expect(result.unresolved.find((u) => u.subjectStaffId === 11 && u.kind === 'evaluator')?.message).toBe(
      '評価者の候補(部の部長級)に該当する職員がいません。',
    );
    expect(result.unresolved.find((u) => u.subjectStaffId === 2 && u.kind === 'confirmer')?.message).toBe(
      '参事・課長級の確認者は規則で定めていません。手動で設定してください。',
    );
  });

  it('leaves out the concurrent and ended posts as subjects', () => {
    const subjects = new Set([...result.relations, ...result.unresolved].map((r) => r.subjectStaffId));
    expect(subjects.has(14)).toBe(false);
    expect(subjects.has(16)).toBe(false);
  });

  it('records the rule that matched and the date', () => {
    expect(result.relations.find((r) => r.subjectStaffId === 7 && r.kind === 'evaluator')).toEqual({
      kind: 'evaluator',
      subjectStaffId: 7,
      holderStaffId: 3,
      source: 'rule',
      startsOn: date,
      endsOn: null,
      basis: { level: 'supervisor', scope: 'division', unitId: 10 },
    });
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = [...assignments].reverse();
    expect(deriveRelations({ date, versions, assignments: shuffled, rules: defaultRelationRules })).toEqual(result);
  });

  it('breaks a tie of equal rank by the lowest staff id', () => {
    const tie = deriveRelations({ date, versions, assignments: [post(31, 20, '課長'), post(30, 20, '課長'), post(32, 20, '主事')], rules: defaultRelationRules });
    expect(tie.relations.filter((r) => r.subjectStaffId === 32).map((r) => [r.kind, r.holderStaffId])).toEqual([
      ['evaluator', 30],
      ['confirmer', 31],
    ]);
  });

  it('never makes someone their own evaluator', () => {
    const peerRules: RelationRules = { ...defaultRelationRules, supervisor: { evaluator: [{ level: 'supervisor', scope: 'same-unit' }], confirmer: [] } };
    const alone = deriveRelations({ date, versions, assignments: [post(4, 100, '係長')], rules: peerRules });
    expect(alone.relations).toEqual([]);
    expect(alone.unresolved.map((u) => [u.kind, u.reason])).toEqual([
      ['evaluator', 'no-candidate'],
      ['confirmer', 'no-rule'],
    ]);
    const pair = deriveRelations({ date, versions, assignments: [post(4, 100, '係長'), post(40, 100, '係長')], rules: peerRules });
    expect(pair.relations.map((r) => [r.subjectStaffId, r.holderStaffId])).toEqual([
      [4, 40],
      [40, 4],
    ]);
  });

  it('uses the organisation in force on the date', () => {
    const moved = [
      ...versions.filter((x) => x.unitId !== 101),
      { ...v(101, '010102', '給与係', 'section', 10), endsOn: '2025-03-31' },
      { ...v(101, '020101', '給与係', 'section', 20), startsOn: '2025-04-01' },
    ];
    const before = deriveRelations({ date: '2025-03-31', versions: moved, assignments: [post(2, 10, '課長'), post(11, 20, '課長'), post(7, 101, '主事')], rules: defaultRelationRules });
    const after = deriveRelations({ date: '2025-04-01', versions: moved, assignments: [post(2, 10, '課長'), post(11, 20, '課長'), post(7, 101, '主事')], rules: defaultRelationRules });
    expect(before.relations.find((r) => r.subjectStaffId === 7)?.holderStaffId).toBe(2);
    expect(after.relations.find((r) => r.subjectStaffId === 7)?.holderStaffId).toBe(11);
  });
});

describe('unit heads', () => {
  const input = { date, versions, assignments, unitHeadLevels: ['director', 'manager'] as PositionLevel[] };

  it.each([
    [100, [{ staffId: 2, unitId: 10 }, { staffId: 1, unitId: 1 }]],
    [10, [{ staffId: 2, unitId: 10 }, { staffId: 1, unitId: 1 }]],
    [1, [{ staffId: 1, unitId: 1 }]],
    [20, [{ staffId: 12, unitId: 20 }, { staffId: 11, unitId: 20 }]],
    [2, []],
    [999, []],
  ])('unitHeadsOf(%i)', (unitId, heads) => {
    expect(unitHeadsOf(unitId, input)).toEqual(heads);
  });

  it.each([
    [1, [1, 10, 100, 101, 11]],
    [2, [10, 100, 101]],
    [12, [20]],
    [3, []],
    [5, []],
  ])('unitsHeadedBy(%i)', (staffId, units) => {
    expect(unitsHeadedBy(staffId, input)).toEqual(units);
  });

  it('follows the configured head levels', () => {
    expect(unitHeadsOf(100, { ...input, unitHeadLevels: ['supervisor'] })).toEqual([
      { staffId: 4, unitId: 100 },
      { staffId: 3, unitId: 10 },
    ]);
  });
});

describe('mergeWithManual', () => {
  const rule = (kind: 'evaluator' | 'confirmer', subjectStaffId: number, holderStaffId: number, startsOn = '2025-04-01', endsOn: string | null = null): StaffRelation => ({
    kind,
    subjectStaffId,
    holderStaffId,
    source: 'rule',
    startsOn,
    endsOn,
  });
  const manual = (kind: 'evaluator' | 'confirmer', subjectStaffId: number, holderStaffId: number, startsOn: string, endsOn: string | null): StaffRelation => ({
    kind,
    subjectStaffId,
    holderStaffId,
    source: 'manual',
    startsOn,
    endsOn,
  });
  const short = (list: StaffRelation[]) => list.map((r) => `${r.subjectStaffId} ${r.kind} ${r.holderStaffId} ${r.source} ${r.startsOn}..${r.endsOn ?? ''}`);

  it.each([
    ['no manual: derived kept', [rule('evaluator', 5, 4)], [], ['5 evaluator 4 rule 2025-04-01..']],
    [
      'a manual from the same day replaces it',
      [rule('evaluator', 5, 4)],
      [manual('evaluator', 5, 3, '2025-04-01', null)],
      ['5 evaluator 3 manual 2025-04-01..'],
    ],
    [
      'a manual for part of the period cuts a hole',
      [rule('evaluator', 5, 4)],
      [manual('evaluator', 5, 3, '2025-06-01', '2025-09-30')],
      ['5 evaluator 4 rule 2025-04-01..2025-05-31', '5 evaluator 3 manual 2025-06-01..2025-09-30', '5 evaluator 4 rule 2025-10-01..'],
    ],
    [
      'a manual that ended before does not touch it',
      [rule('evaluator', 5, 4)],
      [manual('evaluator', 5, 3, '2024-04-01', '2025-03-31')],
      ['5 evaluator 3 manual 2024-04-01..2025-03-31', '5 evaluator 4 rule 2025-04-01..'],
    ],
    [
      'a manual ending on the first day trims one day',
      [rule('evaluator', 5, 4)],
      [manual('evaluator', 5, 3, '2024-04-01', '2025-04-01')],
      ['5 evaluator 3 manual 2024-04-01..2025-04-01', '5 evaluator 4 rule 2025-04-02..'],
    ],
    [
      'another kind or another subject is untouched',
      [rule('evaluator', 5, 4), rule('confirmer', 5, 2), rule('evaluator', 6, 4)],
      [manual('confirmer', 5, 1, '2025-04-01', null)],
      ['5 evaluator 4 rule 2025-04-01..', '5 confirmer 1 manual 2025-04-01..', '6 evaluator 4 rule 2025-04-01..'],
    ],
    [
      'a manual where the rules found nobody is kept',
      [],
      [manual('confirmer', 2, 900, '2025-04-01', null)],
      ['2 confirmer 900 manual 2025-04-01..'],
    ],
  ] as [string, StaffRelation[], StaffRelation[], string[]][])('%s', (_name, derived, manuals, expected) => {
    expect(short(mergeWithManual(derived, manuals))).toEqual(expected);
  });
});
