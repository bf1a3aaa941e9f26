/**
 * Fellow matching (フェロー制度, issue 6 item 4) at N staff (default 40,000): a city of 12 部 × 8 課 × 4 係, every
 * junior (hired within 2 years, regular) with an evaluator, a confirmer and unit heads, a pool of fellows across the
 * city, some flagged for very low commitment, some already paired. Pure — no database, so run-all runs it once.
 * Prints the proposal time (p50/p95/max over rounds), proposals and unmatched, for an ample pool and a scarce one
 * (where the augmenting paths do the work). Target: a whole city's proposal ≤ 2 s.
 */
import { parseArgs } from 'node:util';
import { addDays } from '../src/domain/common/fiscal-year.js';
import type { EmploymentType, UnitVersion } from '../src/domain/org/org-model.js';
import { defaultFellowSettings } from '../src/domain/workplace/fellow-model.js';
import { proposeFellows, type FellowMatchingInput, type MatchPerson, type PoolFellow } from '../src/domain/workplace/fellow-matching.js';
import { createPrng } from '../src/server/db/seeds/prng.js';
import { rssMb, summarise } from './bench-support.js';

const date = '2025-10-01';

function buildCity(staffCount: number, poolShare: number, seed = 20251001): FellowMatchingInput {
  const rng = createPrng(seed);
  const versions: UnitVersion[] = [];
  const sections: number[] = [];
  const unitOf = (unitId: number, name: string, kind: UnitVersion['kind'], parentUnitId: number | null): UnitVersion => ({
    unitId, code: String(unitId), name, kind, parentUnitId, isFrontline: false, expertiseField: null, authorisedHeadcount: null, startsOn: '2000-04-01', endsOn: null,
  });
  let next = 1;
  const heads: { staffId: number; unitId: number }[] = [];
  const divisionOfSection = new Map<number, number>();
  for (let d = 0; d < 12; d++) {
    const dept = next++;
    versions.push(unitOf(dept, `第${d + 1}部`, 'department', null));
    for (let k = 0; k < 8; k++) {
      const div = next++;
      versions.push(unitOf(div, `第${d + 1}部第${k + 1}課`, 'division', dept));
      for (let s = 0; s < 4; s++) {
        const sec = next++;
        versions.push(unitOf(sec, `係${sec}`, 'section', div));
        sections.push(sec);
        divisionOfSection.set(sec, div);
      }
    }
  }
  const people: MatchPerson[] = [];
  for (let staffId = 1; staffId <= staffCount; staffId++) {
    const employmentType = rng.weighted<EmploymentType>([['regular', 75], ['fiscal_full', 10], ['fiscal_part', 12], ['reappointed', 3]]);
    const years = employmentType === 'regular' ? rng.int(0, 38) : rng.int(0, 5);
    people.push({ staffId, hireDate: addDays(date, -years * 365 - rng.int(0, 364)), birthDate: addDays(date, -(22 + years) * 365 - rng.int(0, 3000)), employmentType, unitId: rng.pick(sections), isSeparated: false });
  }
  // Unit heads: the first senior of each 課 and each 部 heads it (posted at that unit).
  const seniors = people.filter((p) => p.employmentType === 'regular' && p.hireDate < addDays(date, -20 * 365));
  let h = 0;
  for (const v of versions) if (v.kind !== 'section' && h < seniors.length) heads.push({ staffId: seniors[h++]!.staffId, unitId: v.unitId });
  for (const head of heads) people[head.staffId - 1]!.unitId = head.unitId;
  const juniors = people.filter((p) => p.employmentType === 'regular' && p.hireDate > addDays(date, -730));
  const sectionPeople = new Map<number, number[]>();
  for (const p of people) if (p.unitId !== null) sectionPeople.set(p.unitId, [...(sectionPeople.get(p.unitId) ?? []), p.staffId]);
  const relations = juniors.flatMap((j) => {
    const mates = sectionPeople.get(j.unitId!) ?? [];
    const evaluator = mates.find((id) => id !== j.staffId) ?? 1;
    const divisionHead = heads.find((x) => x.unitId === divisionOfSection.get(j.unitId!))?.staffId ?? 1;
    return [{ subjectStaffId: j.staffId, holderStaffId: evaluator }, { subjectStaffId: j.staffId, holderStaffId: divisionHead }];
  });
  const pool = rng.fork('pool');
  const fellows: PoolFellow[] = seniors
    .filter(() => pool.chance(poolShare))
    .map((p) => ({ staffId: p.staffId, capacity: pool.int(1, 3), startsOn: '2025-04-01', endsOn: null, lowCommitment: pool.chance(0.05) ? ['hr-flag' as const] : [] }));
  const activePairs = juniors.slice(0, Math.floor(juniors.length / 5)).map((j, i) => ({ juniorStaffId: j.staffId, fellowStaffId: fellows[i % fellows.length]!.staffId }));
  return { date, settings: defaultFellowSettings, people, fellows, activePairs, versions, relations, unitHeadPosts: heads };
}

export function runFellowsBench(opts: { staffCount: number; rounds: number }) {
  for (const [label, share] of [['ample pool', 0.12], ['scarce pool', 0.03]] as const) {
    const input = buildCity(opts.staffCount, share);
    console.log(`\n[workplace fellows] ${opts.staffCount} staff, ${label}: ${input.fellows.length} fellows (capacity ${input.fellows.reduce((n, f) => n + f.capacity, 0)}), ${input.activePairs.length} pairs in force`);
    const times: number[] = [];
    let last = proposeFellows(input);
    for (let round = 0; round < opts.rounds; round++) {
      const started = performance.now();
      last = proposeFellows(input);
      times.push(performance.now() - started);
    }
    const byReason = last.unmatched.reduce<Record<string, number>>((m, u) => ({ ...m, [u.reason]: (m[u.reason] ?? 0) + 1 }), {});
    console.log(`  juniors ${last.juniorCount} (already paired ${last.alreadyPairedCount}), proposals ${last.proposals.length}, unmatched ${JSON.stringify(byReason)}`);
    summarise('proposal for the city', times);
    const worst = Math.max(...times);
    console.log(`  peak RSS ${rssMb()} MB; target ≤ 2000 ms: ${worst <= 2000 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} ms)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --engine is accepted and ignored: run-all passes it to every bench; this one needs no database.
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
  runFellowsBench({ staffCount: Number(values.staff), rounds: Number(values.rounds) });
}
