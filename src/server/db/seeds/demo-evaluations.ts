/**
 * The demo city's evaluation year: the cycles of the current 年度 that have begun, opened by the demo HR admin,
 * and every sheet moved on through the real workflow (`applyTransition`) to a step that fits the date — so the
 * progress dashboard, queues and analyses have something true to show. Deterministic for a seed and a date;
 * every text is obviously fictitious.
 */
import { addDays, clampDate, fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { resolveCalendar, type EvaluationPeriod } from '../../../domain/evaluation/evaluation-calendar.js';
import { overallGrade, type GradeScale } from '../../../domain/evaluation/grading.js';
import {
  applyTransition,
  type EvaluationSheet,
  type Goal,
  type SheetAction,
  type SheetRelation,
  type SheetState,
} from '../../../domain/evaluation/sheet-workflow.js';
import type { Database } from '../client.js';
import type { Config } from '../../config.js';
import type { ServiceContext } from '../../http/context.js';
import { openCycle } from '../../evaluation/cycles.service.js';
import { getCalendarSettings } from '../../evaluation/calendar.service.js';
import { columnsOf, toDomainSheet } from '../../evaluation/sheet-documents.js';
import { findCycle, listSheetsOfCycle, updateSheetsInBulk } from '../../evaluation/sheets.repository.js';
import { findDemoActor } from './demo-actor.repository.js';
import { createPrng, type Prng } from './prng.js';

const goalPool: ReadonlyArray<readonly [string, string]> = [
  ['窓口の平均待ち時間を短くする', '平均待ち時間15分以内(みどり野市デモ)'],
  ['申請書の記入例を整える', '記入例を5種類作成し窓口に備える'],
  ['業務マニュアルを更新する', '担当業務3件の手順書を改訂'],
  ['電子申請の利用を広げる', '対象手続の電子申請率30%'],
  ['係内の情報共有を進める', '週1回の打合せ記録を共有フォルダに掲載'],
  ['事業の進捗を管理する', '四半期ごとに進捗表を更新し課長へ報告'],
  ['研修で学んだことを係で共有する', '受講後1か月以内に係内で報告'],
];

const gradeWeights: ReadonlyArray<readonly [string, number]> = [
  ['S', 4],
  ['A', 24],
  ['B', 56],
  ['C', 13],
  ['D', 3],
];

function pickGrade(rng: Prng, scale: GradeScale): string {
  const codes = new Set(scale.levels.map((l) => l.code));
  const grade = rng.weighted(gradeWeights);
  return codes.has(grade) ? grade : scale.standardCode;
}

type Step = { relation: SheetRelation; action: SheetAction; on?: string };

/** The scripted steps of a performance sheet, in order, each ending in the state named beside it. */
function performanceSteps(sheet: EvaluationSheet & { kind: 'performance' }, rng: Prng, dates: Record<string, string>): Array<[Step[], SheetState]> {
  const goalCount = rng.int(2, 3);
  const weights = goalCount === 2 ? [60, 40] : [40, 30, 30];
  const goals: Goal[] = rng.shuffle(goalPool).slice(0, goalCount).map(([title, target], i) => ({
    id: `demo-${i + 1}`,
    teamGoalId: null,
    title,
    target,
    dueOn: sheet.periodEndsOn,
    weight: weights[i]!,
    difficulty: rng.weighted([['standard', 6], ['high', 2], ['low', 1]] as const),
  }));
  const self = Object.fromEntries(goals.map((g) => [g.id, { grade: pickGrade(rng, sheet.settings.scale), comment: '' }]));
  const rated = Object.fromEntries(goals.map((g) => [g.id, { grade: pickGrade(rng, sheet.settings.scale), comment: '' }]));
  const overall = overallGrade(goals.map((g) => ({ grade: rated[g.id]!.grade, weight: g.weight })), sheet.settings.scale, sheet.settings.overallRule);
  const overallCode = overall.ok ? overall.grade : sheet.settings.scale.standardCode;
  const interview = (on: string, notes: string) => ({ heldOn: on, notes });
  return [
    [[{ relation: 'evaluatee', action: { type: 'save-goals', goals } }], 'draft'],
    [[{ relation: 'evaluatee', action: { type: 'submit-goals' } }], 'goals-submitted'],
    [
      [
        { relation: 'evaluator', action: { type: 'record-opening-interview', interview: interview(dates.opening!, '目標の水準と期限を確認した(デモ)') } },
        { relation: 'evaluator', action: { type: 'agree-goals', comment: '目標に合意します(デモ)' } },
      ],
      'goals-agreed',
    ],
    [
      [
        { relation: 'evaluatee', action: { type: 'save-self-evaluation', assessment: { entries: self, overallGrade: null, comment: '概ね目標どおり進めた(デモ)' } } },
        { relation: 'evaluatee', action: { type: 'submit-self-evaluation' } },
      ],
      'self-evaluated',
    ],
    [
      [
        { relation: 'evaluator', action: { type: 'record-closing-interview', interview: interview(dates.closing!, '成果と課題を振り返った(デモ)') } },
        { relation: 'evaluator', action: { type: 'save-rating', assessment: { entries: rated, overallGrade: overallCode, comment: '着実に取り組んだ(デモ)' } } },
        { relation: 'evaluator', action: { type: 'submit-rating' } },
      ],
      'evaluator-rated',
    ],
    [[{ relation: 'confirmer', action: { type: 'confirm' } }], 'confirmer-confirmed'],
    [[{ relation: 'evaluator', action: { type: 'record-feedback', interview: interview(dates.feedback!, '結果を伝え次期の目標を話し合った(デモ)') } }], 'feedback-given'],
    [[{ relation: 'hr', action: { type: 'disclose-result' }, on: dates.feedback! }], 'result-disclosed'],
    [[{ relation: 'hr', action: { type: 'close' } }], 'closed'],
  ];
}

function abilitySteps(sheet: EvaluationSheet & { kind: 'ability' }, rng: Prng, dates: Record<string, string>): Array<[Step[], SheetState]> {
  const self = Object.fromEntries(sheet.items.map((item) => [item.id, { grade: pickGrade(rng, sheet.settings.scale), comment: '' }]));
  const rated = Object.fromEntries(sheet.items.map((item) => [item.id, { grade: pickGrade(rng, sheet.settings.scale), comment: '' }]));
  const overall = overallGrade(sheet.items.map((item) => ({ grade: rated[item.id]!.grade })), sheet.settings.scale, { ...sheet.settings.overallRule, weighting: 'equal' });
  const overallCode = overall.ok ? overall.grade : sheet.settings.scale.standardCode;
  return [
    [
      [
        { relation: 'evaluatee', action: { type: 'save-self-evaluation', assessment: { entries: self, overallGrade: null, comment: '(デモ)' } } },
        { relation: 'evaluatee', action: { type: 'submit-self-evaluation' } },
      ],
      'self-rated',
    ],
    [
      [
        { relation: 'evaluator', action: { type: 'save-rating', assessment: { entries: rated, overallGrade: overallCode, comment: '職位に求められる能力を概ね発揮している(デモ)' } } },
        { relation: 'evaluator', action: { type: 'submit-rating' } },
      ],
      'evaluator-rated',
    ],
    [[{ relation: 'confirmer', action: { type: 'confirm' } }], 'confirmer-confirmed'],
    [[{ relation: 'evaluator', action: { type: 'record-feedback', interview: { heldOn: dates.feedback!, notes: '(デモ)' } } }], 'feedback-given'],
    [[{ relation: 'hr', action: { type: 'close' } }], 'closed'],
  ];
}

/** How far sheets have come on `today`, as weights over the states reachable by then (a plausible spread). */
function targetWeights(period: EvaluationPeriod, today: string, due: (step: string) => string): ReadonlyArray<readonly [SheetState, number]> {
  const after = (step: string) => today > due(step);
  if (period === 'year') {
    if (after('feedback')) return [['closed', 90], ['feedback-given', 10]];
    if (after('confirmation')) return [['confirmer-confirmed', 30], ['feedback-given', 60], ['evaluator-rated', 10]];
    return [['draft', 1]];
  }
  if (after('feedback')) return [['closed', 80], ['result-disclosed', 12], ['feedback-given', 8]];
  if (after('confirmation')) return [['feedback-given', 50], ['confirmer-confirmed', 35], ['evaluator-rated', 15]];
  if (after('opening-interview')) return [['goals-agreed', 85], ['goals-submitted', 10], ['draft', 5]];
  if (after('goal-submission')) return [['goals-agreed', 45], ['goals-submitted', 40], ['draft', 15]];
  return [['goals-submitted', 35], ['draft', 65]];
}


/**
 * Opens the 年度's cycles that have begun by `today` and moves their sheets on. Nothing happens if any cycle
 * already exists (the demo is built once). Answers the number of sheets per period.
 */
export async function seedDemoEvaluations(database: Database, opts: { today: string; seed: number; config: Config }): Promise<Record<string, number> | null> {
  const actor = await findDemoActor(database.db);
  if (!actor) return null;
  const now = new Date(`${opts.today}T09:00:00+09:00`);
  const ctx: ServiceContext = { database, actor, now, today: opts.today, requestId: 'demo-seed', config: opts.config };
  const fiscalYear = fiscalYearOf(opts.today);
  const calendar = resolveCalendar(await getCalendarSettings(database.db, actor.municipalityId), fiscalYear);
  const counts: Record<string, number> = {};
  const periods: EvaluationPeriod[] = ['first-half', 'second-half', 'year'];
  for (const period of periods) {
    const resolved = calendar.periods[period];
    if (opts.today < resolved.startsOn) continue;
    const relationsAsOf = clampDate(opts.today, resolved.startsOn, resolved.endsOn);
    let opened;
    try {
      opened = await openCycle(ctx, { fiscalYear, period, relationsAsOf });
    } catch {
      return null;
    }
    const due = (step: string) => resolved.milestones.find((m) => m.step === step)?.dueOn ?? resolved.endsOn;
    const dates = {
      opening: clampDate(addDays(resolved.startsOn, 20), resolved.startsOn, opts.today),
      closing: clampDate(due('closing-interview'), resolved.startsOn, opts.today),
      feedback: clampDate(due('feedback'), resolved.startsOn, opts.today),
    };
    const cycle = (await findCycle(database.db, actor.municipalityId, opened.cycle.id))!;
    const rows = await listSheetsOfCycle(database.db, cycle.id);
    const rng = createPrng(opts.seed).fork(`evaluations-${fiscalYear}-${period}`);
    const weights = targetWeights(period, opts.today, due);
    const updates = [];
    for (const row of rows) {
      const sheetRng = rng.fork(row.staffId);
      const target = sheetRng.weighted(weights);
      if (target === 'draft' && !sheetRng.chance(0.5)) continue;
      let sheet: EvaluationSheet = toDomainSheet(row, cycle);
      const steps = sheet.kind === 'performance' ? performanceSteps(sheet, sheetRng, dates) : abilitySteps(sheet, sheetRng, dates);
      // An ability sheet in draft has nothing done yet.
      if (!steps.some(([, reached]) => reached === target)) continue;
      for (const [group, reached] of steps) {
        let failed = false;
        for (const step of group) {
          const at = step.on ?? opts.today;
          const relation: SheetRelation = step.relation === 'evaluatee' && sheet.isHrProxy ? 'hr' : step.relation;
          const result = applyTransition(sheet, step.action, { relation, staffId: null }, { at: `${at}T09:00:00+09:00`, today: at });
          if (!result.ok) {
            failed = true;
            break;
          }
          sheet = result.sheet;
        }
        if (failed || reached === target) break;
      }
      updates.push({ id: row.id, ...columnsOf(sheet) });
    }
    await updateSheetsInBulk(database.db, updates);
    counts[period] = rows.length;
  }
  return counts;
}
