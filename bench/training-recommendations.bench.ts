/**
 * Push-type recommendations at N staff (default 40,000): for everyone, the items of their ability evaluation rated
 * below standard among those of their level, and the active courses of the policy catalog developing them, minus
 * courses completed since; then the loop report over the same people. Pure — over generated data, no database (the
 * server reads one person at a time, or one cycle's item grades for the loop). Target (issue 4): ≤ 2 s.
 */
import { parseArgs } from 'node:util';
import { positionLevels, type PositionLevel } from '../src/domain/org/org-model.js';
import { createPrng } from '../src/server/db/seeds/prng.js';
import { defaultFramework, itemsForLevel } from '../src/domain/competency/ability-items.js';
import { defaultGradeScale } from '../src/domain/evaluation/grading.js';
import { policyCatalog } from '../src/domain/training/policy-catalog.js';
import {
  indexCoursesByItem,
  rateItems,
  recommendCourses,
  trainingLoop,
  type CompletedTraining,
  type ItemGrades,
  type RecommendableCourse,
} from '../src/domain/training/recommendations.js';
import { rssMb, summarise } from './bench-support.js';

type Person = { staffId: number; positionLevel: PositionLevel; grades: ItemGrades; confirmedOn: string; completed: CompletedTraining[] };

const framework = defaultFramework(2025);
const itemsByLevel = positionLevels.map((positionLevel) => ({ positionLevel, items: itemsForLevel(framework, positionLevel) }));
const courses: RecommendableCourse[] = policyCatalog.map((c, i) => ({ id: i + 1, title: c.title, category: c.category, abilityItemIds: c.abilityItemIds, isActive: c.isActive }));

function buildPeople(count: number, seed = 20260210): Person[] {
  const rng = createPrng(seed);
  const people: Person[] = [];
  for (let staffId = 1; staffId <= count; staffId++) {
    const positionLevel = rng.weighted<PositionLevel>([['staff', 60], ['supervisor', 25], ['chief', 8], ['manager', 6], ['director', 1]]);
    const items = itemsByLevel.find((l) => l.positionLevel === positionLevel)!.items;
    const grades: Record<string, { grade: string }> = {};
    for (const item of items) grades[item.id] = { grade: rng.weighted<string>([['S', 3], ['A', 20], ['B', 62], ['C', 13], ['D', 2]]) };
    const completed: CompletedTraining[] = [];
    for (let n = rng.int(0, 3); n > 0; n--) completed.push({ courseId: rng.int(1, courses.length), startsOn: rng.chance(0.5) ? '2026-05-20' : '2025-06-10' });
    people.push({ staffId, positionLevel, grades, confirmedOn: '2026-02-10', completed });
  }
  return people;
}

export function runTrainingRecommendationsBench(opts: { staffCount: number; rounds: number }) {
  console.log(`\n[training recommendations] ${opts.staffCount} staff, ${courses.length} courses (policy catalog), pure over generated data`);
  const people = buildPeople(opts.staffCount);
  const totals: number[] = [];
  const loops: number[] = [];
  let recommended = 0;
  let withAny = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const started = performance.now();
    const index = indexCoursesByItem(courses);
    recommended = 0;
    withAny = 0;
    for (const person of people) {
      const items = itemsByLevel.find((l) => l.positionLevel === person.positionLevel)!.items;
      const result = recommendCourses({ ratedItems: rateItems(items, person.grades, defaultGradeScale), courses: index, completed: person.completed, confirmedOn: person.confirmedOn });
      recommended += result.length;
      if (result.length > 0) withAny += 1;
    }
    totals.push(performance.now() - started);
    const loopStarted = performance.now();
    trainingLoop({
      itemsByLevel,
      evaluations: people.map((p) => ({ staffId: p.staffId, positionLevel: p.positionLevel, grades: p.grades, scale: defaultGradeScale, confirmedOn: p.confirmedOn })),
      trainings: people.flatMap((p) => p.completed.map((c) => ({ staffId: p.staffId, abilityItemIds: courses[c.courseId - 1]!.abilityItemIds, startsOn: c.startsOn }))),
    });
    loops.push(performance.now() - loopStarted);
  }
  summarise('recommendations for everyone', totals);
  summarise('loop report (all levels)', loops);
  const worst = Math.max(...totals);
  console.log(`  ${withAny} people with a recommendation, ${recommended} recommended courses in all, peak RSS ${rssMb()} MB`);
  console.log(`  target ≤ 2000 ms: ${worst <= 2000 ? 'met' : 'NOT met'} (worst round ${worst.toFixed(1)} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --engine is accepted and ignored: run-all passes it to every bench; this one needs no database.
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
  runTrainingRecommendationsBench({ staffCount: Number(values.staff), rounds: Number(values.rounds) });
}
