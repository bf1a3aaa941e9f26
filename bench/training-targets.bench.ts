/**
 * The year's training plan at N staff (default 40,000): the people each session must have, for one session of
 * every course of the policy catalog, computed from the course's target rule with its reasons. Pure — no database,
 * so run-all runs it once, not per engine. Prints the total, per-session p50/p95/max and memory. Target (issue 4):
 * the targets of every session of a year ≤ 2 s.
 */
import { parseArgs } from 'node:util';
import { positionLevels, type EmploymentType, type PositionLevel } from '../src/domain/org/org-model.js';
import { createPrng } from '../src/server/db/seeds/prng.js';
import { daysInMonth, toIsoDate } from '../src/domain/common/fiscal-year.js';
import { policyCatalog } from '../src/domain/training/policy-catalog.js';
import type { StaffFacts } from '../src/domain/training/training-model.js';
import { defaultTenureBands, prepareFacts, targetsFor, type Target } from '../src/domain/training/training-targets.js';
import { rssMb, summarise } from './bench-support.js';

const fiscalYear = 2025;

/** A city's staff as the rules see them: ~70 % career staff on the ladder, ~22 % 会計年度任用, the rest re-employed. */
export function buildStaffFacts(count: number, seed = 20250401): StaffFacts[] {
  const rng = createPrng(seed);
  const people: StaffFacts[] = [];
  for (let staffId = 1; staffId <= count; staffId++) {
    const employmentType = rng.weighted<EmploymentType>([
      ['regular', 70],
      ['fiscal_full', 9],
      ['fiscal_part', 13],
      ['reappointed', 4],
      ['extended', 2],
      ['fixed_term', 2],
    ]);
    const isFiscal = employmentType === 'fiscal_full' || employmentType === 'fiscal_part';
    const years = isFiscal ? rng.int(0, 5) : employmentType === 'regular' || employmentType === 'fixed_term' ? rng.int(0, 38) : rng.int(36, 42);
    const hireYear = fiscalYear - years;
    // most are hired on April 1; some mid-year (中途採用)
    const month = rng.chance(0.85) ? 4 : rng.int(1, 12);
    const calendarYear = month >= 4 ? hireYear : hireYear + 1;
    const day = month === 4 && rng.chance(0.9) ? 1 : rng.int(1, daysInMonth(calendarYear, month));
    const ladder: PositionLevel = years < 12 ? 'staff' : years < 20 ? rng.pick<PositionLevel>(['staff', 'supervisor']) : rng.weighted<PositionLevel>([['staff', 3], ['supervisor', 6], ['chief', 2], ['manager', 1.5], ['director', 0.4]]);
    const positionLevel: PositionLevel | null = rng.chance(0.01) ? null : isFiscal || employmentType === 'reappointed' ? 'staff' : employmentType === 'extended' ? 'chief' : ladder;
    people.push({
      staffId,
      hireDate: toIsoDate(calendarYear, month, day),
      employmentType,
      positionLevel,
      situations: rng.chance(0.03) ? ['returning-from-leave'] : [],
    });
  }
  return people;
}

export function runTrainingTargetsBench(opts: { staffCount: number; rounds: number }) {
  console.log(`\n[training targets] ${opts.staffCount} staff, ${policyCatalog.length} sessions (one per catalog course), 年度 ${fiscalYear}`);
  const people = buildStaffFacts(opts.staffCount);
  const byLevel = Object.fromEntries(positionLevels.map((l) => [l, people.filter((p) => p.positionLevel === l).length]));
  console.log(`  built staff facts: ${JSON.stringify(byLevel)}`);
  const heapBefore = process.memoryUsage().heapUsed;
  const perSession: number[] = [];
  const totals: number[] = [];
  let targetCount = 0;
  let kept: Target[][] = [];
  for (let round = 0; round < opts.rounds; round++) {
    const started = performance.now();
    const prepared = prepareFacts(people);
    const prepareMs = performance.now() - started;
    const results: Target[][] = [];
    for (const course of policyCatalog) {
      const t = performance.now();
      results.push(targetsFor(course.targetRule, prepared, fiscalYear, defaultTenureBands));
      perSession.push(performance.now() - t);
    }
    const total = performance.now() - started;
    totals.push(total);
    targetCount = results.reduce((n, r) => n + r.length, 0);
    if (round === 0) {
      console.log(`  round 1 (cold): prepare ${prepareMs.toFixed(1)} ms, all sessions ${total.toFixed(1)} ms, ${targetCount} targets`);
      const biggest = policyCatalog.map((c, i) => [c.code, results[i]!.length] as const).filter(([, n]) => n > 0);
      console.log(`  targets per course: ${biggest.map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
    kept = results;
  }
  const heapAfter = process.memoryUsage().heapUsed;
  summarise('total per year (prepare + sessions)', totals);
  summarise('per session', perSession);
  const worst = Math.max(...totals);
  console.log(`  ${targetCount} targets kept, heap +${((heapAfter - heapBefore) / 1048576).toFixed(0)} MB, peak RSS ${rssMb()} MB`);
  console.log(`  target ≤ 2000 ms for the year: ${worst <= 2000 ? 'met' : 'NOT met'} (worst round ${worst.toFixed(1)} ms)`);
  return kept.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --engine is accepted and ignored: run-all passes it to every bench; this one needs no database.
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
  runTrainingTargetsBench({ staffCount: Number(values.staff), rounds: Number(values.rounds) });
}
