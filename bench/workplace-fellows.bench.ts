/**
 * Fellow matching (フェロー制度, issue 6 item 4) at N staff (default 40,000): a city of 12 部 × 8 課 × 4 係, every
 * junior (hired within 2 years, regular) with an evaluator, a confirmer and unit heads, a pool of fellows across the
 * city, some flagged by HR for very low commitment, some already paired, and two 年度 of self-declarations whose
 * commitment indicator flags some fellows (「働き続けたくない」, ADR 0019/0021 amendments). Prints the proposal time
 * (p50/p95/max over rounds), proposals and unmatched, for an ample pool and a scarce one (where the augmenting paths
 * do the work), with both low-commitment sources excluding; and the pure reading of the indicator over the whole
 * city's declarations. Target: a whole city's proposal ≤ 2 s.
 *
 * The set-based load of the indicator (two statements for the whole pool: the window's campaigns, then every pool
 * member's latest submitted declaration) runs on a fresh database too: PGlite by default, `--engine postgres` for
 * PostgreSQL, `--engine none` to skip (run-all runs this bench once, on PGlite).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/fiscal-year.js';
import type { EmploymentType, UnitVersion } from '../src/domain/org/org-model.js';
import { defaultFellowSettings } from '../src/domain/workplace/fellow-model.js';
import { proposeFellows, type FellowMatchingInput, type MatchPerson, type PoolFellow } from '../src/domain/workplace/fellow-matching.js';
import { commitmentWindowOn, readCommitments, type CampaignFormFact, type SubmittedDeclarationFact } from '../src/domain/workplace/self-declaration-commitment.js';
import { defaultSelfDeclarationForm } from '../src/domain/workplace/self-declaration-form.js';
import { analyzeDatabase, queryRows } from '../src/server/db/client.js';
import { createPrng } from '../src/server/db/seeds/prng.js';
import { loadCommitmentReadings } from '../src/server/workplace/self-declaration-commitment.service.js';
import { freshDatabase, rssMb, stopThrowaway, summarise, type Engine } from './bench-support.js';

const date = '2025-10-01';
/** Two 年度 of campaigns: last 年度's (closed) and this 年度's (open since mid-September). */
const campaigns: CampaignFormFact[] = [
  { campaignId: 1, fiscalYear: 2024, title: '令和6年度 自己申告', form: defaultSelfDeclarationForm },
  { campaignId: 2, fiscalYear: 2025, title: '令和7年度 自己申告', form: defaultSelfDeclarationForm },
];
const opensOn: Record<number, string> = { 1: '2024-10-01', 2: '2025-09-15' };
/** Submitted declarations: about 60% per 年度; the commitment answer spread with ~4% 「働き続けたくない」. */
const continueWorkingOf = (bucket: number): string | null => (bucket < 4 ? 'no' : bucket < 14 ? 'ratherNo' : bucket < 55 ? 'ratherYes' : bucket < 90 ? 'yes' : null);

function buildDeclarations(staffCount: number, seed = 20251001): SubmittedDeclarationFact[] {
  const rng = createPrng(seed).fork('declarations');
  const out: SubmittedDeclarationFact[] = [];
  for (let staffId = 1; staffId <= staffCount; staffId++) {
    for (const c of campaigns) {
      if (!rng.chance(0.6)) continue;
      out.push({ staffId, campaignId: c.campaignId, fiscalYear: c.fiscalYear, opensOn: opensOn[c.campaignId]!, answer: continueWorkingOf(rng.int(0, 99)) });
    }
  }
  return out;
}

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
  const declarations = buildDeclarations(opts.staffCount);
  const window = commitmentWindowOn(date);
  const readingTimes: number[] = [];
  let readings = readCommitments(declarations, campaigns, window);
  for (let round = 0; round < opts.rounds; round++) {
    const started = performance.now();
    readings = readCommitments(declarations, campaigns, window);
    readingTimes.push(performance.now() - started);
  }
  const veryLow = new Set([...readings].filter(([, r]) => r.state === 'very-low').map(([id]) => id));
  console.log(`\n[workplace fellows] self-declaration indicator: ${declarations.length} submitted declarations over 2 年度, ${readings.size} people with a reading, ${veryLow.size} very low`);
  summarise('indicator for the whole city (pure)', readingTimes);
  for (const [label, share] of [['ample pool', 0.12], ['scarce pool', 0.03]] as const) {
    const city = buildCity(opts.staffCount, share);
    const fellows = city.fellows.map((f) => ({ ...f, lowCommitment: veryLow.has(f.staffId) ? [...f.lowCommitment, 'self-declaration' as const] : f.lowCommitment }));
    const input: FellowMatchingInput = { ...city, fellows, settings: { ...city.settings, excludeLowCommitmentFrom: ['hr-flag', 'self-declaration'] } };
    const flagged = (src: 'hr-flag' | 'self-declaration') => fellows.filter((f) => f.lowCommitment.includes(src)).length;
    console.log(
      `\n[workplace fellows] ${opts.staffCount} staff, ${label}: ${input.fellows.length} fellows (capacity ${input.fellows.reduce((n, f) => n + f.capacity, 0)}; flagged by HR ${flagged('hr-flag')}, by the self-declaration ${flagged('self-declaration')}), ${input.activePairs.length} pairs in force`,
    );
    const times: number[] = [];
    let last = proposeFellows(input);
    for (let round = 0; round < opts.rounds; round++) {
      const started = performance.now();
      last = proposeFellows(input);
      times.push(performance.now() - started);
    }
    const byReason = last.unmatched.reduce<Record<string, number>>((m, u) => ({ ...m, [u.reason]: (m[u.reason] ?? 0) + 1 }), {});
    console.log(`  juniors ${last.juniorCount} (already paired ${last.alreadyPairedCount}), proposals ${last.proposals.length}, unmatched ${JSON.stringify(byReason)}`);
    console.log(`  fellows left out for very low commitment: ${last.lowCommitmentExcluded.total} ${JSON.stringify(last.lowCommitmentExcluded.bySource)}`);
    summarise('proposal for the city', times);
    const worst = Math.max(...times);
    console.log(`  peak RSS ${rssMb()} MB; target ≤ 2000 ms: ${worst <= 2000 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} ms)`);
  }
}

/**
 * The indicator's set-based load on a database: N staff, the two campaigns, ~60% submitted per 年度 plus drafts (never
 * read), and a pool of every 8th person; times loadCommitmentReadings for the whole pool (the two statements the
 * matching, the confirmation, the monitoring and the pool page run).
 */
export async function runIndicatorLoadBench(opts: { staffCount: number; engine: Engine; rounds: number }) {
  console.log(`\n[workplace fellows] self-declaration indicator load, ${opts.staffCount} staff on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    const exec = database.db;
    let t = performance.now();
    const [m] = await queryRows<{ id: number }>(exec, sql`insert into municipalities (code, name) values ('999999', 'ベンチ市') returning id`);
    const municipalityId = Number(m!.id);
    await queryRows(
      exec,
      sql`insert into staff (municipality_id, employee_number, family_name, given_name, family_name_kana, given_name_kana, search_key, birth_date, hire_date, employment_type)
          select ${municipalityId}, 'B' || lpad(g::text, 6, '0'), '架空', '職員' || g, 'カクウ', 'ショクイン', 'b' || g, '1980-04-01', '2005-04-01', 'regular'
          from generate_series(1, ${opts.staffCount}) g`,
    );
    const form = JSON.stringify(defaultSelfDeclarationForm);
    const ids: number[] = [];
    for (const c of campaigns) {
      const [row] = await queryRows<{ id: number }>(
        exec,
        sql`insert into self_declaration_campaigns (municipality_id, fiscal_year, title, opens_on, closes_on, form, status)
            values (${municipalityId}, ${c.fiscalYear}, ${c.title}, ${opensOn[c.campaignId]!}, ${c.fiscalYear === 2024 ? '2024-10-31' : '2025-10-31'}, ${form}::jsonb, ${c.fiscalYear === 2024 ? 'closed' : 'open'})
            returning id`,
      );
      ids.push(Number(row!.id));
    }
    // ~60% submitted per 年度, ~10% drafts (a draft's "no" must never count); answers as the demo's, bucketed by id.
    for (const [i, campaignId] of ids.entries()) {
      const bucket = sql.raw(`((s.id * ${31 + i * 6} + ${7 + i * 13}) % 100)`);
      const answer = sql.raw(`((s.id * ${17 + i * 4} + ${3 + i}) % 100)`);
      await queryRows(
        exec,
        sql`insert into self_declarations (municipality_id, campaign_id, staff_id, answers, status, submitted_at)
            select s.municipality_id, ${campaignId}, s.id,
                   jsonb_build_object('workSatisfaction', 3, 'workload', 3, 'careerIntention', 'generalist', 'careerNote', '(ベンチ)架空のメモ',
                     'transferWish', jsonb_build_object('wish', 'no', 'units', '[]'::jsonb),
                     'continueWorking', case when ${answer} < 4 then 'no' when ${answer} < 14 then 'ratherNo' when ${answer} < 55 then 'ratherYes' when ${answer} < 90 then 'yes' end),
                   case when ${bucket} < 60 then 'submitted' else 'draft' end,
                   case when ${bucket} < 60 then now() end
            from staff s where s.municipality_id = ${municipalityId} and ${bucket} < 70`,
      );
    }
    await analyzeDatabase(exec);
    const [counts] = await queryRows<{ submitted: number; drafts: number }>(
      exec,
      sql`select count(*) filter (where status = 'submitted')::int as submitted, count(*) filter (where status = 'draft')::int as drafts from self_declarations`,
    );
    const pool = (await queryRows<{ id: number }>(exec, sql`select id from staff where municipality_id = ${municipalityId} and id % 8 = 0 order by id`)).map((r) => Number(r.id));
    console.log(`  seeded ${opts.staffCount} staff, ${counts!.submitted} submitted + ${counts!.drafts} draft declarations over 2 年度 in ${((performance.now() - t) / 1000).toFixed(1)} s; pool ${pool.length}`);
    let readings = await loadCommitmentReadings(exec, municipalityId, pool, date); // warm-up
    const times: number[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      t = performance.now();
      readings = await loadCommitmentReadings(exec, municipalityId, pool, date);
      times.push(performance.now() - t);
    }
    const byState = [...readings.values()].reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {});
    console.log(`  readings ${readings.size} of ${pool.length} pool members ${JSON.stringify(byState)}`);
    summarise('indicator load for the pool (SQL)', times);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // run-all passes only --staff; --engine picks the database of the indicator-load run (default pglite; none skips).
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string', default: 'pglite' }, rounds: { type: 'string', default: '5' } } });
  runFellowsBench({ staffCount: Number(values.staff), rounds: Number(values.rounds) });
  try {
    if (values.engine === 'pglite' || values.engine === 'postgres') await runIndicatorLoadBench({ staffCount: Number(values.staff), engine: values.engine, rounds: Number(values.rounds) });
  } finally {
    await stopThrowaway();
  }
}
