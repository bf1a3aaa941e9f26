/**
 * 研修の報告・統計 (issue 4 item 8): the rules behind the training reports — how many hours a session counts for, the
 * completion of each course by position level against its must-attend list, and the distribution of the year's
 * training hours — and the JSON the reports answer with. Pure: every row is passed in.
 */
import { z } from 'zod';
import { positionLevels, type PositionLevel } from '../org/org-model.js';
import { defaultReturnWindowMonths } from '../org/leaves.js';
import type { CourseCategory } from './training-model.js';
import type { EnrolmentStatus } from './enrolment.js';

// ---------------------------------------------------------------------------------------------------------
// Hours

/**
 * 1日の標準研修時間: a session without its own hours counts this many per day. 7.75 h (7時間45分) is the working day
 * of most municipalities (勤務時間条例: 週38時間45分 ÷ 5日); each municipality changes it in the training settings.
 */
export const defaultHoursPerDay = 7.75;

/** The longest 「休業からの復帰」 window a municipality may set (five years). */
export const maxReturnWindowMonths = 60;

/**
 * The training settings of the municipality: the standard hours per day, and for how many months after coming back
 * from 休業・休職 a person counts as 「休業からの復帰」 for the courses meant for that situation (default 12). A
 * document stored before the window existed reads with the default.
 */
export const trainingReportSettingsSchema = z.object({
  hoursPerDay: z
    .number({ error: '1日の標準研修時間を数値で入力してください' })
    .min(0.25, '1日の標準研修時間は0.25時間以上にしてください')
    .max(24, '1日の標準研修時間は24時間以下にしてください'),
  returnWindowMonths: z
    .int({ error: '休業からの復帰の対象期間を月数(整数)で入力してください' })
    .min(1, '休業からの復帰の対象期間は1か月以上にしてください')
    .max(maxReturnWindowMonths, `休業からの復帰の対象期間は${maxReturnWindowMonths}か月以下にしてください`)
    .default(defaultReturnWindowMonths),
});
export type TrainingReportSettings = z.infer<typeof trainingReportSettingsSchema>;
/** What a PUT may send: the window may be left out (it then takes the default). */
export type TrainingReportSettingsInput = z.input<typeof trainingReportSettingsSchema>;
export const defaultTrainingReportSettings: TrainingReportSettings = { hoursPerDay: defaultHoursPerDay, returnWindowMonths: defaultReturnWindowMonths };

/** Enrolments that count for hours and for 修了: the person was there (出席) or completed (修了). */
export const hoursCountingStatuses: readonly EnrolmentStatus[] = ['attended', 'completed'];

/** Calendar days from the first to the last day of a session, both included (a one-day session is 1). */
export function sessionDays(startsOn: string, endsOn: string): number {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return 0;
  return Math.round((end - start) / 86_400_000) + 1;
}

/** Hours rounded to hundredths, so that sums of quarters and 7.75 never show floating-point dust. */
export const roundHours = (hours: number): number => Math.round(hours * 100) / 100;

/**
 * 研修時間 of a session: its own hours when HR entered them, else the days it spans × the standard hours per day.
 * A session held on two consecutive days therefore counts 15.5 h by default.
 */
export function sessionHours(session: { hours: number | null; startsOn: string; endsOn: string }, hoursPerDay: number): number {
  if (session.hours !== null) return session.hours;
  return roundHours(sessionDays(session.startsOn, session.endsOn) * hoursPerDay);
}

/**
 * A person's training hours of a 年度 from the sums the database gives: the hours entered on their sessions plus the
 * days of their sessions without hours × the standard day.
 */
export function trainingHoursOf(sums: { enteredHours: number; daysWithoutHours: number }, hoursPerDay: number): number {
  return roundHours(sums.enteredHours + sums.daysWithoutHours * hoursPerDay);
}

export type HoursSummary = {
  people: number;
  mean: number;
  median: number;
  /** people with 0 hours ÷ people (0 when nobody) */
  zeroShare: number;
  total: number;
};

/** Mean, median and the share at zero of a list of hours (empty → all zeros). */
export function summariseHours(values: readonly number[]): HoursSummary {
  const n = values.length;
  if (n === 0) return { people: 0, mean: 0, median: 0, zeroShare: 0, total: 0 };
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let zeros = 0;
  for (const v of sorted) {
    total += v;
    if (v === 0) zeros += 1;
  }
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { people: n, mean: roundHours(total / n), median: roundHours(median), zeroShare: zeros / n, total: roundHours(total) };
}

/** The summary per group (unit, position level …), groups in the order `keys` gives; groups nobody is in are left out. */
export function summariseHoursBy<K>(
  people: readonly { totalHours: number }[],
  keyOf: (index: number) => K,
  keys: readonly K[],
): { key: K; summary: HoursSummary }[] {
  const byKey = new Map<K, number[]>();
  people.forEach((p, i) => {
    const key = keyOf(i);
    const list = byKey.get(key);
    if (list) list.push(p.totalHours);
    else byKey.set(key, [p.totalHours]);
  });
  return keys.filter((k) => byKey.has(k)).map((key) => ({ key, summary: summariseHours(byKey.get(key)!) }));
}

// ---------------------------------------------------------------------------------------------------------
// Completion by course and position level

/** A person on the must-attend list of a session of the course, with their level on the session's start date. */
export type CourseTarget = { courseId: number; staffId: number; positionLevel: PositionLevel | null };
/** An enrolment of the 年度 that holds (or held) a seat, with the person's level on the session's start date. */
export type CourseEnrolment = { courseId: number; staffId: number; positionLevel: PositionLevel | null; status: EnrolmentStatus };

/** A column of the report: a position level, or people without a regular post (会計年度任用職員 and the like). */
export type CompletionColumn = PositionLevel | 'none';
export const completionColumns: readonly CompletionColumn[] = [...positionLevels, 'none'];

export type CompletionCell = {
  /** 受講対象者: distinct people the course's target rule selects on a session's start date */
  targets: number;
  /** 受講者: distinct people enrolled on a session of the course (enrolled, attended, completed or absent) */
  enrolled: number;
  /** 修了者: distinct people who attended or completed a session of the course */
  completed: number;
  /** of the targets, those who attended or completed */
  targetsCompleted: number;
  /** 修了率: targetsCompleted ÷ targets when the course has a must-attend list, else completed ÷ enrolled; null with nobody to divide by */
  rate: number | null;
};

export type CompletionRow = {
  courseId: number;
  hasAutomaticTargets: boolean;
  cells: Record<CompletionColumn, CompletionCell>;
  total: CompletionCell;
};

const emptyCell = (): CompletionCell => ({ targets: 0, enrolled: 0, completed: 0, targetsCompleted: 0, rate: null });

function withRate(cell: CompletionCell, hasAutomaticTargets: boolean): CompletionCell {
  const rate = hasAutomaticTargets ? (cell.targets === 0 ? null : cell.targetsCompleted / cell.targets) : cell.enrolled === 0 ? null : cell.completed / cell.enrolled;
  return { ...cell, rate };
}

/**
 * 職位別・研修別の修了状況: per course (in the order given) and position level, the people who must attend, who were
 * enrolled and who completed. A person counts once per course whatever the number of sessions; their column is the
 * level at their first target (or enrolment) of the course, so a promotion during the year does not count them twice.
 */
export function completionByCourse(input: {
  courses: readonly { id: number; hasAutomaticTargets: boolean }[];
  targets: readonly CourseTarget[];
  enrolments: readonly CourseEnrolment[];
}): CompletionRow[] {
  type Person = { column: CompletionColumn; isTarget: boolean; isEnrolled: boolean; isCompleted: boolean };
  const perCourse = new Map<number, Map<number, Person>>();
  const personOf = (courseId: number, staffId: number, level: PositionLevel | null): Person => {
    let people = perCourse.get(courseId);
    if (!people) perCourse.set(courseId, (people = new Map()));
    let person = people.get(staffId);
    if (!person) people.set(staffId, (person = { column: level ?? 'none', isTarget: false, isEnrolled: false, isCompleted: false }));
    return person;
  };
  for (const t of input.targets) personOf(t.courseId, t.staffId, t.positionLevel).isTarget = true;
  for (const e of input.enrolments) {
    const person = personOf(e.courseId, e.staffId, e.positionLevel);
    if (e.status === 'enrolled' || e.status === 'absent' || hoursCountingStatuses.includes(e.status)) person.isEnrolled = true;
    if (hoursCountingStatuses.includes(e.status)) person.isCompleted = true;
  }
  return input.courses.map((course) => {
    const cells = Object.fromEntries(completionColumns.map((c) => [c, emptyCell()])) as Record<CompletionColumn, CompletionCell>;
    const total = emptyCell();
    for (const person of perCourse.get(course.id)?.values() ?? []) {
      for (const cell of [cells[person.column], total]) {
        if (person.isTarget) cell.targets += 1;
        if (person.isEnrolled) cell.enrolled += 1;
        if (person.isCompleted) cell.completed += 1;
        if (person.isTarget && person.isCompleted) cell.targetsCompleted += 1;
      }
    }
    for (const c of completionColumns) cells[c] = withRate(cells[c], course.hasAutomaticTargets);
    return { courseId: course.id, hasAutomaticTargets: course.hasAutomaticTargets, cells, total: withRate(total, course.hasAutomaticTargets) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// API shapes (server and web)

/** GET /api/training/reports/completion?fiscalYear= */
export type CompletionReport = {
  fiscalYear: number;
  columns: { key: CompletionColumn; label: string }[];
  rows: (CompletionRow & { code: string; title: string; category: CourseCategory; categoryLabel: string; sessions: number })[];
};

export type HoursPerson = {
  staffId: number;
  employeeNumber: string;
  name: string;
  unitId: number | null;
  unitName: string | null;
  positionLevel: PositionLevel | null;
  positionName: string | null;
  /** sessions attended or completed in the 年度 */
  sessions: number;
  trainingHours: number;
  selfDevelopmentHours: number;
  totalHours: number;
};

export type HoursGroup = { key: string; label: string; summary: HoursSummary };

/** GET /api/training/reports/hours?fiscalYear=&unitId=&page= */
export type HoursReport = {
  fiscalYear: number;
  /** the day whose staff, units and posts are counted: the 年度's last day, or today while it runs */
  asOf: string;
  hoursPerDay: number;
  unit: { id: number; name: string } | null;
  /** every unit with staff on that day (the filter's choices), by name */
  units: { id: number; name: string }[];
  overall: HoursSummary;
  byUnit: HoursGroup[];
  byLevel: HoursGroup[];
  /** one page of the people, least hours first */
  people: HoursPerson[];
  total: number;
  page: number;
  pageSize: number;
};

export type HistoryEnrolment = {
  enrolmentId: number;
  sessionId: number;
  fiscalYear: number;
  startsOn: string;
  endsOn: string;
  courseCode: string;
  courseTitle: string;
  category: CourseCategory;
  categoryLabel: string;
  providerLabel: string;
  status: EnrolmentStatus;
  statusLabel: string;
  /** hours counted: the session's hours when attended or completed, else null */
  hours: number | null;
  certificate: string | null;
};

export type HistorySelfDevelopment = {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
  hours: number | null;
};

/** GET /api/training/reports/history/{staffId}?from=&to= (研修受講履歴) */
export type TrainingHistory = {
  staff: { staffId: number; employeeNumber: string; name: string; unitName: string | null; positionName: string | null };
  fromFiscalYear: number;
  toFiscalYear: number;
  hoursPerDay: number;
  enrolments: HistoryEnrolment[];
  selfDevelopment: HistorySelfDevelopment[];
  totals: { trainingHours: number; selfDevelopmentHours: number; completedSessions: number };
  /** the reader may download it (the same people who may read it) */
  canExport: boolean;
};

/** GET/PUT /api/training/reports/settings */
export type TrainingReportSettingsView = {
  settings: TrainingReportSettings;
  defaults: TrainingReportSettings;
  isDefault: boolean;
  /** the concurrency token; null while the defaults stand */
  updatedAt: string | null;
  canManage: boolean;
};
