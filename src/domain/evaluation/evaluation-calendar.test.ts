import { describe, expect, it } from 'vitest';
import { formatDate } from '../common/wareki.js';
import {
  calendarSettingsSchema,
  complaintDeadline,
  defaultCalendarSettings,
  isWithinComplaintPeriod,
  nextDue,
  overdueMilestones,
  resolveCalendar,
  resolveDay,
  type CalendarSettings,
  type EvaluationPeriod,
  type MilestoneStep,
} from './evaluation-calendar.js';

function datesOf(fiscalYear: number, period: EvaluationPeriod): [MilestoneStep, string, string][] {
  return resolveCalendar(defaultCalendarSettings, fiscalYear).periods[period].milestones.map((m) => [m.step, m.opensOn, m.dueOn]);
}

describe('defaultCalendarSettings', () => {
  it('validates against its own schema', () => {
    expect(calendarSettingsSchema.safeParse(defaultCalendarSettings).success).toBe(true);
  });

  it('has a complaint period of 7 days', () => {
    expect(defaultCalendarSettings.complaintPeriodDays).toBe(7);
  });
});

describe('resolveCalendar: the policy schedule for FY2025', () => {
  const calendar = resolveCalendar(defaultCalendarSettings, 2025);

  it('has the three periods with their spans', () => {
    expect(Object.values(calendar.periods).map((p) => [p.period, p.startsOn, p.endsOn])).toEqual([
      ['first-half', '2025-04-01', '2025-09-30'],
      ['second-half', '2025-10-01', '2026-03-31'],
      ['year', '2025-04-01', '2026-03-31'],
    ]);
    expect(calendar.fiscalYear).toBe(2025);
    expect(calendar.complaintPeriodDays).toBe(7);
  });

  it('dates the first half', () => {
    expect(datesOf(2025, 'first-half')).toEqual([
      ['goal-submission', '2025-04-01', '2025-05-10'],
      ['opening-interview', '2025-04-01', '2025-05-31'],
      ['self-evaluation', '2025-09-01', '2025-09-30'],
      ['closing-interview', '2025-09-01', '2025-09-30'],
      ['evaluator-rating', '2025-09-01', '2025-09-30'],
      ['confirmation', '2025-09-01', '2025-09-30'],
      ['feedback', '2025-10-01', '2025-10-31'],
    ]);
  });

  it('dates the second half, January–March in the next calendar year', () => {
    expect(datesOf(2025, 'second-half')).toEqual([
      ['goal-submission', '2025-10-01', '2025-11-10'],
      ['opening-interview', '2025-10-01', '2025-11-30'],
      ['self-evaluation', '2026-02-01', '2026-02-20'],
      ['closing-interview', '2026-02-01', '2026-02-28'],
      ['evaluator-rating', '2026-02-01', '2026-02-28'],
      ['confirmation', '2026-02-01', '2026-02-28'],
      ['feedback', '2026-03-01', '2026-03-31'],
      ['submission', '2026-03-01', '2026-03-31'],
    ]);
  });

  it('dates the ability evaluation', () => {
    expect(datesOf(2025, 'year')).toEqual([
      ['self-evaluation', '2026-02-01', '2026-02-20'],
      ['evaluator-rating', '2026-02-01', '2026-02-28'],
      ['confirmation', '2026-02-01', '2026-02-28'],
      ['feedback', '2026-03-01', '2026-03-31'],
      ['submission', '2026-03-01', '2026-03-31'],
    ]);
  });

  it('labels and owns each milestone', () => {
    const closing = calendar.periods['second-half'].milestones.find((m) => m.step === 'closing-interview');
    expect(closing).toMatchObject({ label: '後期業績評価の期末面談', owner: 'evaluator' });
    const submission = calendar.periods.year.milestones.find((m) => m.step === 'submission');
    expect(submission).toMatchObject({ label: '能力評価の職員課への提出', owner: 'confirmer' });
    expect(calendar.periods['first-half'].milestones[0]).toMatchObject({ label: '前期業績評価の目標の提出', owner: 'evaluatee' });
  });
});

describe('resolveDay: end of February across leap years', () => {
  it.each([
    [2023, '2024-02-29'],
    [2024, '2025-02-28'],
    [2027, '2028-02-29'],
    [2028, '2029-02-28'],
    [2099, '2100-02-28'],
    [2399, '2400-02-29'],
  ])('FY%i → %s', (fiscalYear, expected) => {
    expect(resolveDay({ month: 2, day: 'last' }, fiscalYear)).toBe(expected);
  });

  it.each([
    [{ month: 4, day: 1 }, 2025, '2025-04-01'],
    [{ month: 12, day: 31 }, 2025, '2025-12-31'],
    [{ month: 1, day: 1 }, 2025, '2026-01-01'],
    [{ month: 3, day: 31 }, 2025, '2026-03-31'],
    [{ month: 3, day: 'last' }, 2025, '2026-03-31'],
    [{ month: 4, day: 'last' }, 2025, '2025-04-30'],
  ] as const)('%o in FY%i → %s', (spec, fiscalYear, expected) => {
    expect(resolveDay(spec, fiscalYear)).toBe(expected);
  });

  it('puts the FY2027 closing interview on 2028-02-29, and it is overdue only from 3/1', () => {
    const calendar = resolveCalendar(defaultCalendarSettings, 2027);
    const progress = { period: 'second-half' as const, completed: ['goal-submission', 'opening-interview', 'self-evaluation'] as const };
    expect(calendar.periods['second-half'].milestones.find((m) => m.step === 'closing-interview')?.dueOn).toBe('2028-02-29');
    expect(overdueMilestones(calendar, progress, '2028-02-29')).toEqual([]);
    expect(overdueMilestones(calendar, progress, '2028-03-01').map((m) => [m.step, m.daysOverdue])).toEqual([
      ['closing-interview', 1],
      ['evaluator-rating', 1],
      ['confirmation', 1],
    ]);
    expect(nextDue(calendar, progress, '2028-02-28')).toMatchObject({ status: 'open', daysLeft: 1 });
  });
});

describe('era boundary: FY2019 (平成31年4月 → 令和元年5月)', () => {
  const calendar = resolveCalendar(defaultCalendarSettings, 2019);
  const goals = calendar.periods['first-half'].milestones[0];

  it('opens in 平成 and is due in 令和 without any shift', () => {
    expect(goals).toMatchObject({ step: 'goal-submission', opensOn: '2019-04-01', dueOn: '2019-05-10' });
    expect(formatDate(goals?.opensOn ?? '', 'wareki')).toBe('平成31年4月1日');
    expect(formatDate(goals?.dueOn ?? '', 'wareki')).toBe('令和元年5月10日');
  });

  it.each([
    ['2019-04-30', 'open', 10, 0],
    ['2019-05-01', 'open', 9, 0],
    ['2019-05-10', 'open', 0, 0],
    ['2019-05-11', 'overdue', -1, 1],
  ] as const)('on %s the goals are %s (%i days left, %i overdue)', (date, status, daysLeft, overdueCount) => {
    const progress = { period: 'first-half' as const, completed: [] };
    expect(nextDue(calendar, progress, date)).toMatchObject({ milestone: { step: 'goal-submission' }, status, daysLeft });
    expect(overdueMilestones(calendar, progress, date)).toHaveLength(overdueCount);
  });
});

describe('fiscal-year edges', () => {
  const calendar = resolveCalendar(defaultCalendarSettings, 2025);
  const beforeSubmission = {
    period: 'second-half' as const,
    completed: ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback'] as const,
  };

  it.each([
    ['2026-03-30', 'open', 1, []],
    ['2026-03-31', 'open', 0, []],
    ['2026-04-01', 'overdue', -1, [['submission', 1]]],
    ['2026-04-30', 'overdue', -30, [['submission', 30]]],
  ] as const)('submission of FY2025 on %s: %s', (date, status, daysLeft, overdue) => {
    expect(nextDue(calendar, beforeSubmission, date)).toMatchObject({ milestone: { step: 'submission', dueOn: '2026-03-31' }, status, daysLeft });
    expect(overdueMilestones(calendar, beforeSubmission, date).map((m) => [m.step, m.daysOverdue])).toEqual(overdue);
  });

  it('FY2025 first-half goals are not yet open on 2025-03-31 and open on 2025-04-01', () => {
    const progress = { period: 'first-half' as const, completed: [] };
    expect(nextDue(calendar, progress, '2025-03-31')).toMatchObject({ status: 'not-yet-open', daysLeft: 40 });
    expect(nextDue(calendar, progress, '2025-04-01')).toMatchObject({ status: 'open', daysLeft: 39 });
  });

  it('the second half does not open before 10/1', () => {
    const progress = { period: 'second-half' as const, completed: [] };
    expect(nextDue(calendar, progress, '2025-09-30')?.status).toBe('not-yet-open');
    expect(nextDue(calendar, progress, '2025-10-01')?.status).toBe('open');
  });

  it('the same settings give FY2026 dates one year later', () => {
    expect(datesOf(2026, 'year').at(-1)).toEqual(['submission', '2027-03-01', '2027-03-31']);
  });
});

describe('overdueMilestones and nextDue', () => {
  const calendar = resolveCalendar(defaultCalendarSettings, 2025);

  it('lists every incomplete milestone past its deadline, in schedule order', () => {
    const overdue = overdueMilestones(calendar, { period: 'first-half', completed: ['goal-submission'] }, '2025-10-02');
    expect(overdue.map((m) => [m.step, m.daysOverdue])).toEqual([
      ['opening-interview', 124],
      ['self-evaluation', 2],
      ['closing-interview', 2],
      ['evaluator-rating', 2],
      ['confirmation', 2],
    ]);
  });

  it('ignores completed milestones whatever their date', () => {
    expect(overdueMilestones(calendar, { period: 'first-half', completed: ['goal-submission', 'opening-interview'] }, '2025-06-15')).toEqual([]);
  });

  it('names the first incomplete milestone even when a later one is done', () => {
    expect(nextDue(calendar, { period: 'second-half', completed: ['opening-interview'] }, '2025-10-15')?.milestone.step).toBe('goal-submission');
  });

  it('is undefined once everything is done', () => {
    expect(nextDue(calendar, { period: 'year', completed: ['self-evaluation', 'evaluator-rating', 'confirmation', 'feedback', 'submission'] }, '2026-03-15')).toBeUndefined();
  });

  it('overdue ability evaluation after the February deadline', () => {
    expect(overdueMilestones(calendar, { period: 'year', completed: [] }, '2026-03-01').map((m) => m.step)).toEqual([
      'self-evaluation',
      'evaluator-rating',
      'confirmation',
    ]);
  });
});

describe('complaint period', () => {
  it.each([
    ['2026-03-20', 7, '2026-03-27'],
    ['2026-03-28', 7, '2026-04-04'],
    ['2028-02-25', 7, '2028-03-03'],
    ['2027-02-25', 7, '2027-03-04'],
    ['2025-10-31', 14, '2025-11-14'],
  ])('disclosed %s, %i days → until %s', (disclosedOn, days, until) => {
    expect(complaintDeadline(disclosedOn, days)).toBe(until);
  });

  it.each([
    ['2026-03-19', false],
    ['2026-03-20', true],
    ['2026-03-27', true],
    ['2026-03-28', false],
  ])('on %s within: %s', (date, within) => {
    expect(isWithinComplaintPeriod('2026-03-20', 7, date)).toBe(within);
  });
});

describe('calendarSettingsSchema refuses', () => {
  type Mutation = (s: CalendarSettings) => unknown;
  const withSecondHalf = (patch: Partial<CalendarSettings['periods']['second-half']>): Mutation => (s) => ({
    ...s,
    periods: { ...s.periods, 'second-half': { ...s.periods['second-half'], ...patch } },
  });
  const cases: [string, Mutation, string][] = [
    [
      'a fixed February 29',
      withSecondHalf({ 'closing-interview': { opens: { month: 2, day: 1 }, due: { month: 2, day: 29 } } }),
      '2月29日はうるう年にしかありません。2月の月末は「末日」を指定してください',
    ],
    ['April 31', (s) => ({ ...s, periods: { ...s.periods, 'first-half': { ...s.periods['first-half'], 'goal-submission': { opens: { month: 4, day: 1 }, due: { month: 4, day: 31 } } } } }), '4月31日は存在しません'],
    ['month 13', withSecondHalf({ feedback: { opens: { month: 3, day: 1 }, due: { month: 13, day: 1 } } }), '月は1〜12で入力してください'],
    ['day 0', withSecondHalf({ feedback: { opens: { month: 3, day: 0 }, due: { month: 3, day: 31 } } }), '日は1以上で入力してください'],
    [
      'a deadline before its opening',
      withSecondHalf({ 'self-evaluation': { opens: { month: 2, day: 21 }, due: { month: 2, day: 20 } } }),
      '後期業績評価の自己評価の期限(2月20日)が開始日より前です',
    ],
    [
      'a deadline before the previous one',
      withSecondHalf({ 'opening-interview': { opens: { month: 10, day: 1 }, due: { month: 11, day: 5 } } }),
      '後期業績評価の期首面談の期限(11月5日)が目標の提出の期限(11月10日)より前です',
    ],
    [
      'a second-half step opening in September',
      withSecondHalf({ 'goal-submission': { opens: { month: 9, day: 20 }, due: { month: 11, day: 10 } } }),
      '後期業績評価の目標の提出の開始日(9月20日)が評価期間の開始(10月1日)より前です',
    ],
    [
      'a fixed 2/28 after 2月末日 (末日 counts as the end of the month)',
      withSecondHalf({ feedback: { opens: { month: 2, day: 1 }, due: { month: 2, day: 28 } } }),
      '後期業績評価のフィードバックの期限(2月28日)が確認者による調整・確認の期限(2月末日)より前です',
    ],
    ['a missing milestone', (s) => ({ ...s, periods: { ...s.periods, year: { ...s.periods.year, submission: undefined } } }), ''],
    ['a complaint period of 0 days', (s) => ({ ...s, complaintPeriodDays: 0 }), '苦情相談の期間は1日以上にしてください'],
    ['a fractional complaint period', (s) => ({ ...s, complaintPeriodDays: 1.5 }), '苦情相談の期間は日数(整数)で入力してください'],
  ];
  it.each(cases)('%s', (_name, mutate, message) => {
    const result = calendarSettingsSchema.safeParse(mutate(defaultCalendarSettings));
    expect(result.success).toBe(false);
    if (message !== '' && !result.success) expect(result.error.issues.map((i) => i.message)).toContain(message);
  });

  it('accepts a city that moves goals to April 30 and feedback of the first half into September', () => {
    const settings = structuredClone(defaultCalendarSettings);
    settings.periods['first-half']['goal-submission'].due = { month: 4, day: 30 };
    settings.periods['first-half'].feedback = { opens: { month: 9, day: 1 }, due: { month: 9, day: 30 } };
    expect(calendarSettingsSchema.safeParse(settings).success).toBe(true);
    expect(resolveCalendar(settings, 2025).periods['first-half'].milestones[0]?.dueOn).toBe('2025-04-30');
  });
});
