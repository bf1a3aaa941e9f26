import { describe, expect, it } from 'vitest';
import type { UnitVersion } from '../org/org-model.js';
import { defaultFellowSettings, type FellowSettings } from './fellow-model.js';
import { checkPairs, isJunior, listStandingPairProblems, lowCommitmentOf, proposeFellows, type FellowMatchingInput, type MatchPerson, type PoolFellow } from './fellow-matching.js';

const date = '2025-10-01';
const unit = (unitId: number, name: string, kind: UnitVersion['kind'], parentUnitId: number | null): UnitVersion => ({
  unitId,
  code: String(unitId).padStart(4, '0'),
  name,
  kind,
  parentUnitId,
  isFrontline: false,
  expertiseField: null,
  authorisedHeadcount: null,
  startsOn: '2020-04-01',
  endsOn: null,
});
// 総務部(1) › 職員課(11) › 人事係(111), 総務部 › 財政課(12); 市民部(2) › 市民課(21) › 窓口係(211), 市民部 › 保険課(22); 福祉部(3) › 福祉課(31)
const versions = [
  unit(1, '総務部', 'department', null),
  unit(11, '職員課', 'division', 1),
  unit(111, '人事係', 'section', 11),
  unit(12, '財政課', 'division', 1),
  unit(2, '市民部', 'department', null),
  unit(21, '市民課', 'division', 2),
  unit(211, '窓口係', 'section', 21),
  unit(22, '保険課', 'division', 2),
  unit(3, '福祉部', 'department', null),
  unit(31, '福祉課', 'division', 3),
];

const person = (staffId: number, unitId: number | null, over: Partial<MatchPerson> = {}): MatchPerson => ({
  staffId,
  hireDate: '2005-04-01',
  birthDate: '1980-05-05',
  employmentType: 'regular',
  unitId,
  isSeparated: false,
  ...over,
});
const junior = (staffId: number, unitId: number | null, over: Partial<MatchPerson> = {}) => person(staffId, unitId, { hireDate: '2024-04-01', birthDate: '2001-06-01', ...over });
const fellow = (staffId: number, over: Partial<PoolFellow> = {}): PoolFellow => ({ staffId, capacity: 2, startsOn: '2025-04-01', endsOn: null, lowCommitment: [], ...over });

function input(over: Omit<Partial<FellowMatchingInput>, 'settings'> & { settings?: Partial<FellowSettings> }): FellowMatchingInput {
  return {
    date,
    people: [],
    fellows: [],
    activePairs: [],
    versions,
    relations: [],
    unitHeadPosts: [],
    ...over,
    settings: { ...defaultFellowSettings, ...over.settings },
  };
}

describe('who is a junior', () => {
  it.each([
    ['hired this April', { hireDate: '2025-04-01' }, {}, true],
    ['hired 2 years ago less a day', { hireDate: '2023-10-02' }, {}, true],
    ['hired exactly 2 years ago', { hireDate: '2023-10-01' }, {}, false],
    ['not yet hired', { hireDate: '2025-10-02' }, {}, false],
    ['fiscal-year appointee', { hireDate: '2025-04-01', employmentType: 'fiscal_full' as const }, {}, false],
    ['separated', { hireDate: '2025-04-01', isSeparated: true }, {}, false],
    ['older hire but under the age setting', { hireDate: '2019-04-01', birthDate: '2000-01-01' }, { juniorUnderAge: 30 }, true],
    ['older hire, over the age setting', { hireDate: '2019-04-01', birthDate: '1990-01-01' }, { juniorUnderAge: 30 }, false],
    ['within 1 year setting', { hireDate: '2024-04-01' }, { juniorHiredWithinYears: 1 }, false],
  ])('%s', (_, over, settings, expected) => {
    expect(isJunior(person(1, 211, over), date, { ...defaultFellowSettings, ...settings })).toBe(expected);
  });
});

describe('proposeFellows', () => {
  it('proposes a fellow of another 部 with a Japanese reason', () => {
    const result = proposeFellows(input({ people: [junior(10, 211), person(20, 21), person(30, 111)], fellows: [fellow(20), fellow(30)] }));
    expect(result.proposals).toEqual([
      { juniorStaffId: 10, fellowStaffId: 30, reason: '部が異なります(フェロー: 総務部 / 対象職員: 市民部)。評価者・確認者・所属長ではありません。受入れ 2人のうち1人目です。' },
    ]);
    expect(result).toMatchObject({ juniorCount: 1, alreadyPairedCount: 0, fellowsWithRoom: 2, unmatched: [] });
  });

  it('never proposes someone of the same 部; with the 課 setting another 課 of the same 部 will do', () => {
    const people = [junior(10, 211), person(20, 22)];
    const byDepartment = proposeFellows(input({ people, fellows: [fellow(20)] }));
    expect(byDepartment.proposals).toEqual([]);
    expect(byDepartment.unmatched).toEqual([{ juniorStaffId: 10, reason: 'no-candidate', message: '条件を満たすフェローがいません(同じ部 1人)。' }]);
    const byDivision = proposeFellows(input({ people, fellows: [fellow(20)], settings: { separation: 'division' } }));
    expect(byDivision.proposals.map((p) => p.fellowStaffId)).toEqual([20]);
    expect(byDivision.proposals[0]!.reason).toContain('課が異なります(フェロー: 保険課 / 対象職員: 市民課)');
  });

  it('never proposes the evaluator, the confirmer or a unit head, whatever the 部', () => {
    const people = [junior(10, 211), person(20, 31), person(21, 12), person(22, 2), person(23, 111)];
    const fellows = [fellow(20), fellow(21), fellow(22), fellow(23)];
    const relations = [
      { subjectStaffId: 10, holderStaffId: 20 }, // evaluator set by hand across 部
      { subjectStaffId: 10, holderStaffId: 21 }, // confirmer
    ];
    // 22 heads 市民部 (the junior's 部 head): excluded even with the 課 setting, where 市民部 itself is another group
    const result = proposeFellows(input({ people, fellows, relations, unitHeadPosts: [{ staffId: 22, unitId: 2 }], settings: { separation: 'division' } }));
    expect(result.proposals.map((p) => p.fellowStaffId)).toEqual([23]);
    const none = proposeFellows(input({ people, fellows: fellows.slice(0, 3), relations, unitHeadPosts: [{ staffId: 22, unitId: 2 }], settings: { separation: 'division' } }));
    expect(none.unmatched[0]!.message).toBe('条件を満たすフェローがいません(評価者・確認者・所属長 3人)。');
  });

  describe('low commitment: HR flag and the self-declaration indicator, by the sources the setting lists', () => {
    // 20: HR's flag; 21: the self-declaration's indicator; 22: both; 23: neither
    const people = [junior(10, 211), person(20, 31), person(21, 12), person(22, 111), person(23, 31)];
    const fellows = [
      fellow(20, { lowCommitment: ['hr-flag'] }),
      fellow(21, { lowCommitment: ['self-declaration'] }),
      fellow(22, { lowCommitment: ['self-declaration', 'hr-flag'] }),
      fellow(23),
    ];
    const candidatesOf = (excludeLowCommitmentFrom: FellowSettings['excludeLowCommitmentFrom']) => {
      const data = input({ people, fellows, settings: { excludeLowCommitmentFrom } });
      return fellows.map((f) => f.staffId).filter((id) => checkPairs(data, [{ fellowStaffId: id, juniorStaffId: 10 }]).ok);
    };

    it.each([
      ['the default (HR flag only): the self-declaration alone does not exclude', ['hr-flag'] as const, [21, 23]],
      ['the self-declaration only', ['self-declaration'] as const, [20, 23]],
      ['both sources', ['hr-flag', 'self-declaration'] as const, [23]],
      ['neither source (setting off)', [] as const, [20, 21, 22, 23]],
    ])('%s', (_, sources, candidates) => {
      expect(candidatesOf([...sources])).toEqual(candidates);
    });

    it('says which source excluded, per fellow, and counts the excluded fellows per source', () => {
      const both = proposeFellows(input({ people, fellows: fellows.slice(0, 3), settings: { excludeLowCommitmentFrom: ['hr-flag', 'self-declaration'] } }));
      expect(both.unmatched[0]!.message).toBe(
        '条件を満たすフェローがいません(組織コミットメントが著しく低い(人事の判断) 1人、組織コミットメントが著しく低い(自己申告書の指標) 1人、組織コミットメントが著しく低い(人事の判断・自己申告書の指標) 1人)。',
      );
      expect(both.lowCommitmentExcluded).toEqual({ total: 3, bySource: { 'hr-flag': 2, 'self-declaration': 2 } });
      expect(both.fellowsWithRoom).toBe(0);
      const declarationOnly = proposeFellows(input({ people, fellows: fellows.slice(0, 3), settings: { excludeLowCommitmentFrom: ['self-declaration'] } }));
      expect(declarationOnly.proposals.map((p) => p.fellowStaffId)).toEqual([20]);
      expect(declarationOnly.lowCommitmentExcluded).toEqual({ total: 2, bySource: { 'hr-flag': 0, 'self-declaration': 2 } });
      const off = proposeFellows(input({ people, fellows, settings: { excludeLowCommitmentFrom: [] } }));
      expect(off.lowCommitmentExcluded).toEqual({ total: 0, bySource: { 'hr-flag': 0, 'self-declaration': 0 } });
      // with no source excluding, the lower staff id with the same room wins
      expect(off.proposals.map((p) => p.fellowStaffId)).toEqual([20]);
    });

    it.each([
      ['neither', false, undefined, []],
      ['HR flag only', true, { state: 'not-low' as const }, ['hr-flag']],
      ['the self-declaration only', false, { state: 'very-low' as const }, ['self-declaration']],
      ['both', true, { state: 'very-low' as const }, ['hr-flag', 'self-declaration']],
      ['an unanswered question is not low', false, { state: 'unanswered' as const }, []],
      ['a form without an indicator is not low', false, { state: 'no-indicator' as const }, []],
    ])('the sources of a pool entry: %s', (_, isLowCommitment, reading, sources) => {
      expect(lowCommitmentOf({ isLowCommitment }, reading)).toEqual(sources);
    });

    it('HR confirmation names the source', () => {
      const data = input({ people, fellows, settings: { excludeLowCommitmentFrom: ['hr-flag', 'self-declaration'] } });
      expect(checkPairs(data, [{ fellowStaffId: 21, juniorStaffId: 10 }])).toEqual({
        ok: false,
        problems: [{ index: 0, message: '組織コミットメントが著しく低い(自己申告書の指標)とされたフェローは候補に含めません。' }],
      });
    });
  });

  it('respects capacity, counting pairs already in force', () => {
    const people = [junior(10, 211), junior(11, 211), junior(12, 211, { hireDate: '2025-04-01' }), junior(13, 22), person(20, 31)];
    const result = proposeFellows(input({ people, fellows: [fellow(20, { capacity: 2 })], activePairs: [{ fellowStaffId: 20, juniorStaffId: 13 }] }));
    // one place left: the most recently hired junior gets it (the three have the same single candidate)
    expect(result.proposals.map((p) => [p.juniorStaffId, p.fellowStaffId])).toEqual([[12, 20]]);
    expect(result.proposals[0]!.reason).toContain('受入れ 2人のうち2人目');
    expect(result.unmatched.map((u) => [u.juniorStaffId, u.reason])).toEqual([
      [10, 'capacity'],
      [11, 'capacity'],
    ]);
    expect(result).toMatchObject({ juniorCount: 4, alreadyPairedCount: 1 });
    const full = proposeFellows(input({ people, fellows: [fellow(20, { capacity: 1 })], activePairs: [{ fellowStaffId: 20, juniorStaffId: 13 }] }));
    expect(full.unmatched[0]!.message).toBe('条件を満たすフェローがいません(受入れ枠が満杯 1人)。');
  });

  it('finds the assignment that serves everyone when a greedy choice would block someone', () => {
    // 10 can take 20 or 21; 11 only 20 (21 is 11's evaluator). Both get a fellow.
    const people = [junior(10, 211), junior(11, 111), person(20, 31), person(21, 12, {})];
    const fellows = [fellow(20, { capacity: 1 }), fellow(21, { capacity: 1 })];
    const result = proposeFellows(input({ people, fellows, relations: [{ subjectStaffId: 11, holderStaffId: 21 }] }));
    expect(result.proposals.map((p) => [p.juniorStaffId, p.fellowStaffId])).toEqual([
      [10, 21],
      [11, 20],
    ]);
  });

  it('reaches the maximum number of pairs on random instances (checked by brute force)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const units = [111, 12, 211, 22, 31];
    for (let round = 0; round < 40; round++) {
      const juniors = Array.from({ length: 5 }, (_, i) => junior(100 + i, units[Math.floor(rand() * units.length)]!));
      const seniors = Array.from({ length: 3 }, (_, i) => person(200 + i, units[Math.floor(rand() * units.length)]!));
      const fellows = seniors.map((s) => fellow(s.staffId, { capacity: 1 + Math.floor(rand() * 2) }));
      const relations = juniors.flatMap((j) => (rand() < 0.3 ? [{ subjectStaffId: j.staffId, holderStaffId: seniors[Math.floor(rand() * 3)]!.staffId }] : []));
      const data = input({ people: [...juniors, ...seniors], fellows, relations });
      const result = proposeFellows(data);
      // brute force: every junior takes a candidate or none
      const ok = (j: MatchPerson, f: PoolFellow) => checkPairs(data, [{ fellowStaffId: f.staffId, juniorStaffId: j.staffId }]).ok;
      let best = 0;
      const walk = (i: number, used: Map<number, number>, n: number) => {
        if (i === juniors.length) return void (best = Math.max(best, n));
        walk(i + 1, used, n);
        for (const f of fellows) {
          if ((used.get(f.staffId) ?? 0) >= f.capacity || !ok(juniors[i]!, f)) continue;
          used.set(f.staffId, (used.get(f.staffId) ?? 0) + 1);
          walk(i + 1, used, n + 1);
          used.set(f.staffId, used.get(f.staffId)! - 1);
        }
      };
      walk(0, new Map(), 0);
      expect(result.proposals.length, `round ${round}`).toBe(best);
      expect(checkPairs(data, result.proposals).ok).toBe(true);
    }
  });

  it('is deterministic: the same input in any order gives the same proposal', () => {
    const people = [junior(10, 211), junior(11, 211), junior(12, 111), junior(13, 31), person(20, 31), person(21, 12), person(22, 22), person(23, 111)];
    const fellows = [fellow(20), fellow(21, { capacity: 1 }), fellow(22), fellow(23, { capacity: 1 })];
    const first = proposeFellows(input({ people, fellows }));
    const shuffled = proposeFellows(input({ people: [...people].reverse(), fellows: [...fellows].reverse() }));
    expect(shuffled).toEqual(first);
    expect(first.proposals).toHaveLength(4);
  });

  it('lists juniors without a post, and says so when the pool is empty', () => {
    const result = proposeFellows(input({ people: [junior(10, null), junior(11, 211)] }));
    expect(result.unmatched).toEqual([
      { juniorStaffId: 10, reason: 'no-post', message: '基準日に所属(通常の配属)がないため、部・課を判定できません。' },
      { juniorStaffId: 11, reason: 'no-candidate', message: 'フェローのプールに、基準日に受け入れられるフェローがいません。' },
    ]);
  });

  it('ignores pool entries out of their period, and skips juniors who already have a fellow', () => {
    const people = [junior(10, 211), junior(11, 211), person(20, 31), person(21, 12)];
    const fellows = [fellow(20, { endsOn: '2025-09-30' }), fellow(21, { startsOn: '2025-10-01' })];
    const result = proposeFellows(input({ people, fellows, activePairs: [{ fellowStaffId: 21, juniorStaffId: 11 }] }));
    expect(result.proposals.map((p) => [p.juniorStaffId, p.fellowStaffId])).toEqual([[10, 21]]);
    expect(result.alreadyPairedCount).toBe(1);
  });
});

describe('checkPairs (HR confirms)', () => {
  const people = [junior(10, 211), junior(11, 211), person(20, 31), person(21, 22)];
  it.each([
    ['another 部', [{ fellowStaffId: 20, juniorStaffId: 10 }], null],
    ['same 部', [{ fellowStaffId: 21, juniorStaffId: 10 }], 'フェローと対象職員が同じ部です。'],
    ['not a junior', [{ fellowStaffId: 20, juniorStaffId: 21 }], '対象職員の条件(採用からの年数・年齢・任用形態)に当たりません。'],
    ['not in the pool', [{ fellowStaffId: 11, juniorStaffId: 10 }], 'フェローのプールに、基準日に受け入れられるフェローとして登録されていません。'],
    ['capacity within the batch', [{ fellowStaffId: 20, juniorStaffId: 10 }, { fellowStaffId: 20, juniorStaffId: 11 }], 'フェローの受入れ枠(1人)が埋まっています。'],
    ['the same junior twice', [{ fellowStaffId: 20, juniorStaffId: 10 }, { fellowStaffId: 20, juniorStaffId: 10 }], 'この対象職員には既にフェローがいます。'],
  ])('%s', (_, pairs, problem) => {
    const result = checkPairs(input({ people, fellows: [fellow(20, { capacity: 1 }), fellow(21)] }), pairs);
    if (problem === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, problems: [{ message: problem }] });
  });

  it('refuses the evaluation chain', () => {
    const result = checkPairs(input({ people, fellows: [fellow(20)], relations: [{ subjectStaffId: 10, holderStaffId: 20 }] }), [{ fellowStaffId: 20, juniorStaffId: 10 }]);
    expect(result).toEqual({ ok: false, problems: [{ index: 0, message: 'フェローが対象職員の評価者・確認者・所属長です。' }] });
  });
});

describe('listStandingPairProblems', () => {
  it('lists pairs that a transfer, a new relation or a flag has put against the rules', () => {
    const people = [junior(10, 211), junior(11, 211), junior(12, 211), junior(13, 211), person(20, 31), person(21, 22), person(22, 12), person(23, 111)];
    const fellows = [fellow(20), fellow(21), fellow(22, { lowCommitment: ['hr-flag'] })];
    const activePairs = [
      { fellowStaffId: 20, juniorStaffId: 10 }, // fine
      { fellowStaffId: 21, juniorStaffId: 11 }, // the fellow moved into 市民部
      { fellowStaffId: 22, juniorStaffId: 12 }, // flagged since
      { fellowStaffId: 20, juniorStaffId: 13 }, // became the evaluator
    ];
    const problems = listStandingPairProblems(input({ people, fellows, activePairs, relations: [{ subjectStaffId: 13, holderStaffId: 20 }] }));
    expect(problems).toEqual([
      { fellowStaffId: 21, juniorStaffId: 11, message: 'フェローと対象職員が同じ部になっています。' },
      { fellowStaffId: 22, juniorStaffId: 12, message: 'フェローが組織コミットメントが著しく低い(人事の判断)とされています。' },
      { fellowStaffId: 20, juniorStaffId: 13, message: 'フェローが対象職員の評価者・確認者・所属長になっています。' },
    ]);
  });
});
