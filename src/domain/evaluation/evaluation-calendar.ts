/**
 * The evaluation calendar of a fiscal year (人事評価実施スケジュール, 実施規程第6条 — policy III-2-(2)) as data.
 *
 * Every deadline is a setting written as month/day (or "last day of the month") relative to the fiscal year,
 * so one document of settings resolves to ISO dates for any 年度: April–December fall in the year the 年度
 * starts in, January–March in the next. A February deadline is either a fixed day up to the 28th or
 * 'last', which is the 29th in leap years.
 */
import { z } from 'zod';
import { addDays, daysInMonth, fiscalYearRange, toIsoDate, type IsoDate } from '../common/fiscal-year.js';

export const evaluationPeriods = ['first-half', 'second-half', 'year'] as const;
/**
 * 前期 (4/1–9/30) and 後期 (10/1–3/31) of performance evaluation (業績評価), and the whole 年度 of ability
 * evaluation (能力評価, completed in February).
 */
export type EvaluationPeriod = (typeof evaluationPeriods)[number];
export const evaluationPeriodLabels: Record<EvaluationPeriod, string> = {
  'first-half': '前期業績評価',
  'second-half': '後期業績評価',
  year: '能力評価',
};

export const milestoneSteps = [
  'goal-submission',
  'opening-interview',
  'self-evaluation',
  'closing-interview',
  'evaluator-rating',
  'confirmation',
  'feedback',
  'submission',
] as const;
/** The deadlines of the schedule, in the order a sheet passes them. */
export type MilestoneStep = (typeof milestoneSteps)[number];
export const milestoneStepLabels: Record<MilestoneStep, string> = {
  'goal-submission': '目標の提出',
  'opening-interview': '期首面談',
  'self-evaluation': '自己評価',
  'closing-interview': '期末面談',
  'evaluator-rating': '評価者による評価',
  confirmation: '確認者による調整・確認',
  feedback: 'フィードバック',
  submission: '職員課への提出',
};

/** Who must act for a milestone (the columns 被評価者 / 評価者 / 確認者 of the schedule). */
export type MilestoneOwner = 'evaluatee' | 'evaluator' | 'confirmer';
export const milestoneOwners: Record<MilestoneStep, MilestoneOwner> = {
  'goal-submission': 'evaluatee',
  'opening-interview': 'evaluator',
  'self-evaluation': 'evaluatee',
  'closing-interview': 'evaluator',
  'evaluator-rating': 'evaluator',
  confirmation: 'confirmer',
  feedback: 'evaluator',
  submission: 'confirmer',
};

/**
 * The milestones of each period. The first half has no submission: the schedule sends only the 後期業績評価
 * シート and the 能力評価シート to 職員課 (in March). Ability evaluation has no goals and shares the 期末面談
 * recorded on the second-half sheet.
 */
export const periodMilestoneSteps = {
  'first-half': ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback'],
  'second-half': ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback', 'submission'],
  year: ['self-evaluation', 'evaluator-rating', 'confirmation', 'feedback', 'submission'],
} as const satisfies Record<EvaluationPeriod, readonly MilestoneStep[]>;

const periodStartMonth: Record<EvaluationPeriod, number> = { 'first-half': 4, 'second-half': 10, year: 4 };

export const daySpecSchema = z
  .object({
    month: z.int().min(1, '月は1〜12で入力してください').max(12, '月は1〜12で入力してください'),
    /** a day of the month, or 'last' for the last day (28 or 29 in February) */
    day: z.union([z.int().min(1, '日は1以上で入力してください').max(31, '日は31以下で入力してください'), z.literal('last')]),
  })
  .superRefine((spec, ctx) => {
    if (spec.day === 'last') return;
    if (spec.month === 2 && spec.day === 29) {
      ctx.addIssue({ code: 'custom', path: ['day'], message: '2月29日はうるう年にしかありません。2月の月末は「末日」を指定してください' });
      return;
    }
    // 2001 is a common year: February has 28 days, the other months their usual length.
    if (spec.day > daysInMonth(2001, spec.month)) {
      ctx.addIssue({ code: 'custom', path: ['day'], message: `${spec.month}月${spec.day}日は存在しません` });
    }
  });
/** A day of the fiscal year: `{ month: 5, day: 10 }` = 5月10日; `{ month: 2, day: 'last' }` = 2月末日. */
export type DaySpec = z.infer<typeof daySpecSchema>;

export const milestoneSettingSchema = z.object({ opens: daySpecSchema, due: daySpecSchema });
/** When the step can be done from (opens) and by when (due, inclusive). */
export type MilestoneSetting = z.infer<typeof milestoneSettingSchema>;

const firstHalfSchema = z.object({
  'goal-submission': milestoneSettingSchema,
  'opening-interview': milestoneSettingSchema,
  'self-evaluation': milestoneSettingSchema,
  'closing-interview': milestoneSettingSchema,
  'evaluator-rating': milestoneSettingSchema,
  confirmation: milestoneSettingSchema,
  feedback: milestoneSettingSchema,
});
const secondHalfSchema = firstHalfSchema.extend({ submission: milestoneSettingSchema });
const yearSchema = z.object({
  'self-evaluation': milestoneSettingSchema,
  'evaluator-rating': milestoneSettingSchema,
  confirmation: milestoneSettingSchema,
  feedback: milestoneSettingSchema,
  submission: milestoneSettingSchema,
});

/** Position of a day inside the fiscal year, for ordering settings (April = 0 … March = 11; 'last' = 31). */
function fiscalOrdinal(spec: DaySpec): number {
  return ((spec.month + 8) % 12) * 32 + (spec.day === 'last' ? 31 : spec.day);
}

function formatDaySpec(spec: DaySpec): string {
  return spec.day === 'last' ? `${spec.month}月末日` : `${spec.month}月${spec.day}日`;
}

export const calendarSettingsSchema = z
  .object({
    periods: z.object({ 'first-half': firstHalfSchema, 'second-half': secondHalfSchema, year: yearSchema }),
    /** days after disclosure of the result during which a complaint (苦情相談) may be made (facts.md: e.g. 1 week) */
    complaintPeriodDays: z.int('苦情相談の期間は日数(整数)で入力してください').min(1, '苦情相談の期間は1日以上にしてください').max(90, '苦情相談の期間は90日以内にしてください'),
  })
  .superRefine((settings, ctx) => {
    for (const period of evaluationPeriods) {
      const settingsOfPeriod: Partial<Record<MilestoneStep, MilestoneSetting>> = settings.periods[period];
      const periodStart = fiscalOrdinal({ month: periodStartMonth[period], day: 1 });
      let previous: { step: MilestoneStep; due: DaySpec } | undefined;
      for (const step of periodMilestoneSteps[period]) {
        const setting = settingsOfPeriod[step];
        if (!setting) continue;
        const label = `${evaluationPeriodLabels[period]}の${milestoneStepLabels[step]}`;
        if (fiscalOrdinal(setting.opens) < periodStart) {
          ctx.addIssue({
            code: 'custom',
            path: ['periods', period, step, 'opens'],
            message: `${label}の開始日(${formatDaySpec(setting.opens)})が評価期間の開始(${periodStartMonth[period]}月1日)より前です`,
          });
        }
        if (fiscalOrdinal(setting.opens) > fiscalOrdinal(setting.due)) {
          ctx.addIssue({ code: 'custom', path: ['periods', period, step, 'due'], message: `${label}の期限(${formatDaySpec(setting.due)})が開始日より前です` });
        }
        if (previous && fiscalOrdinal(setting.due) < fiscalOrdinal(previous.due)) {
          ctx.addIssue({
            code: 'custom',
            path: ['periods', period, step, 'due'],
            message: `${label}の期限(${formatDaySpec(setting.due)})が${milestoneStepLabels[previous.step]}の期限(${formatDaySpec(previous.due)})より前です`,
          });
        }
        previous = { step, due: setting.due };
      }
    }
  });
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

const last = 'last' as const;
const day = (month: number, dayOfMonth: number | typeof last): DaySpec => ({ month, day: dayOfMonth });
const span = (opens: DaySpec, due: DaySpec): MilestoneSetting => ({ opens, due });

/**
 * The policy's schedule with "early May" etc. made concrete. Goals by early May / early November → the 10th;
 * 期首面談 by the end of May / November; 前期 self-evaluation in September; 後期 and ability self-evaluation
 * in February (by the 20th, leaving time for the 期末面談 "by the end of February"); evaluation by the
 * evaluator and adjustment by the confirmer in the month of 評価完了 (September / February); feedback and
 * submission to 職員課 in March. The schedule gives the 前期 feedback no month; III-2-(2) asks for it once
 * the 前期 evaluation is complete, so it defaults to October, as the 後期 feedback follows in the month after
 * 評価完了.
 */
export const defaultCalendarSettings: CalendarSettings = {
  periods: {
    'first-half': {
      'goal-submission': span(day(4, 1), day(5, 10)),
      'opening-interview': span(day(4, 1), day(5, 31)),
      'self-evaluation': span(day(9, 1), day(9, 30)),
      'closing-interview': span(day(9, 1), day(9, 30)),
      'evaluator-rating': span(day(9, 1), day(9, 30)),
      confirmation: span(day(9, 1), day(9, 30)),
      feedback: span(day(10, 1), day(10, 31)),
    },
    'second-half': {
      'goal-submission': span(day(10, 1), day(11, 10)),
      'opening-interview': span(day(10, 1), day(11, 30)),
      'self-evaluation': span(day(2, 1), day(2, 20)),
      'closing-interview': span(day(2, 1), day(2, last)),
      'evaluator-rating': span(day(2, 1), day(2, last)),
      confirmation: span(day(2, 1), day(2, last)),
      feedback: span(day(3, 1), day(3, 31)),
      submission: span(day(3, 1), day(3, 31)),
    },
    year: {
      'self-evaluation': span(day(2, 1), day(2, 20)),
      'evaluator-rating': span(day(2, 1), day(2, last)),
      confirmation: span(day(2, 1), day(2, last)),
      feedback: span(day(3, 1), day(3, 31)),
      submission: span(day(3, 1), day(3, 31)),
    },
  },
  complaintPeriodDays: 7,
};

export type Milestone = {
  period: EvaluationPeriod;
  step: MilestoneStep;
  /** Japanese, e.g. 後期業績評価の期末面談 */
  label: string;
  owner: MilestoneOwner;
  opensOn: IsoDate;
  /** inclusive: overdue from the next day */
  dueOn: IsoDate;
};

export type ResolvedPeriod = { period: EvaluationPeriod; startsOn: IsoDate; endsOn: IsoDate; milestones: Milestone[] };

export type EvaluationCalendar = {
  fiscalYear: number;
  periods: Record<EvaluationPeriod, ResolvedPeriod>;
  complaintPeriodDays: number;
};

/** The date of a day of fiscal year `fiscalYear`. */
export function resolveDay(spec: DaySpec, fiscalYear: number): IsoDate {
  const year = spec.month >= 4 ? fiscalYear : fiscalYear + 1;
  return toIsoDate(year, spec.month, spec.day === 'last' ? daysInMonth(year, spec.month) : spec.day);
}

/** The dated calendar of fiscal year `fiscalYear` (settings as validated by `calendarSettingsSchema`). */
export function resolveCalendar(settings: CalendarSettings, fiscalYear: number): EvaluationCalendar {
  const range = fiscalYearRange(fiscalYear);
  const periodRanges: Record<EvaluationPeriod, { startsOn: IsoDate; endsOn: IsoDate }> = {
    'first-half': { startsOn: range.startsOn, endsOn: toIsoDate(fiscalYear, 9, 30) },
    'second-half': { startsOn: toIsoDate(fiscalYear, 10, 1), endsOn: range.endsOn },
    year: range,
  };
  const resolvePeriod = (period: EvaluationPeriod): ResolvedPeriod => {
    const settingsOfPeriod: Partial<Record<MilestoneStep, MilestoneSetting>> = settings.periods[period];
    const milestones: Milestone[] = [];
    for (const step of periodMilestoneSteps[period]) {
      const setting = settingsOfPeriod[step];
      if (!setting) continue;
      milestones.push({
        period,
        step,
        label: `${evaluationPeriodLabels[period]}の${milestoneStepLabels[step]}`,
        owner: milestoneOwners[step],
        opensOn: resolveDay(setting.opens, fiscalYear),
        dueOn: resolveDay(setting.due, fiscalYear),
      });
    }
    return { period, ...periodRanges[period], milestones };
  };
  return {
    fiscalYear,
    periods: { 'first-half': resolvePeriod('first-half'), 'second-half': resolvePeriod('second-half'), year: resolvePeriod('year') },
    complaintPeriodDays: settings.complaintPeriodDays,
  };
}

/**
 * Where a sheet stands as the calendar sees it: its period and the milestones it has completed (see
 * `sheetProgress` in sheet-workflow.ts, which derives this from a sheet).
 */
export type SheetProgress = { period: EvaluationPeriod; completed: readonly MilestoneStep[] };

function daysBetween(from: IsoDate, to: IsoDate): number {
  const toUtc = (date: IsoDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

export type OverdueMilestone = Milestone & { daysOverdue: number };

/**
 * The milestones of the sheet's period that are due before `date` and not completed, in schedule order.
 * A deadline is inclusive: on the due day itself nothing is overdue yet.
 */
export function overdueMilestones(calendar: EvaluationCalendar, progress: SheetProgress, date: IsoDate): OverdueMilestone[] {
  const completed = new Set(progress.completed);
  return calendar.periods[progress.period].milestones
    .filter((milestone) => !completed.has(milestone.step) && milestone.dueOn < date)
    .map((milestone) => ({ ...milestone, daysOverdue: daysBetween(milestone.dueOn, date) }));
}

export type NextDue = {
  milestone: Milestone;
  /** not-yet-open: before opensOn; open: between opensOn and dueOn; overdue: after dueOn */
  status: 'not-yet-open' | 'open' | 'overdue';
  /** days from `date` to the deadline; negative when overdue, 0 on the due day */
  daysLeft: number;
};

/**
 * What the sheet must do next: the first milestone of its period, in schedule order, that it has not
 * completed — an overdue one included, since that is the most urgent. Undefined once all are done.
 */
export function nextDue(calendar: EvaluationCalendar, progress: SheetProgress, date: IsoDate): NextDue | undefined {
  const completed = new Set(progress.completed);
  const milestone = calendar.periods[progress.period].milestones.find((m) => !completed.has(m.step));
  if (!milestone) return undefined;
  const status = date < milestone.opensOn ? 'not-yet-open' : date > milestone.dueOn ? 'overdue' : 'open';
  return { milestone, status, daysLeft: daysBetween(date, milestone.dueOn) };
}

/**
 * Last day on which a complaint about a result disclosed on `disclosedOn` may be made. The day of disclosure
 * is not counted (初日不算入, 民法第140条): disclosed on 3/20 with 7 days → until 3/27 inclusive.
 */
export function complaintDeadline(disclosedOn: IsoDate, complaintPeriodDays: number): IsoDate {
  return addDays(disclosedOn, complaintPeriodDays);
}

/** Is `date` within the complaint period of a result disclosed on `disclosedOn`? */
export function isWithinComplaintPeriod(disclosedOn: IsoDate, complaintPeriodDays: number, date: IsoDate): boolean {
  return date >= disclosedOn && date <= complaintDeadline(disclosedOn, complaintPeriodDays);
}
