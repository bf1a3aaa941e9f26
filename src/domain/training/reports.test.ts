import { describe, expect, it } from 'vitest';
import {
  completionByCourse,
  defaultHoursPerDay,
  sessionDays,
  sessionHours,
  summariseHours,
  summariseHoursBy,
  trainingHoursOf,
  trainingReportSettingsSchema,
  type CourseEnrolment,
  type CourseTarget,
} from './reports.js';

describe('session hours', () => {
  it.each([
    ['2025-10-20', '2025-10-20', 1],
    ['2025-10-20', '2025-10-21', 2],
    ['2026-02-27', '2026-03-02', 4], // across the end of February (not a leap year)
    ['2024-02-28', '2024-03-01', 3], // leap year
    ['2025-10-21', '2025-10-20', 0], // broken period counts nothing
  ])('%s 〜 %s spans %i days', (from, to, days) => {
    expect(sessionDays(from, to)).toBe(days);
  });

  it('uses the hours entered on the session when there are some', () => {
    expect(sessionHours({ hours: 3.5, startsOn: '2025-10-20', endsOn: '2025-10-21' }, defaultHoursPerDay)).toBe(3.5);
    expect(sessionHours({ hours: 0, startsOn: '2025-10-20', endsOn: '2025-10-20' }, defaultHoursPerDay)).toBe(0);
  });

  it('else counts the days × the standard day (7時間45分 by default)', () => {
    expect(defaultHoursPerDay).toBe(7.75);
    expect(sessionHours({ hours: null, startsOn: '2025-10-20', endsOn: '2025-10-20' }, defaultHoursPerDay)).toBe(7.75);
    expect(sessionHours({ hours: null, startsOn: '2025-10-20', endsOn: '2025-10-22' }, defaultHoursPerDay)).toBe(23.25);
    expect(sessionHours({ hours: null, startsOn: '2025-10-20', endsOn: '2025-10-21' }, 7)).toBe(14);
  });

  it('adds entered hours and the days without hours of a person', () => {
    expect(trainingHoursOf({ enteredHours: 3.5, daysWithoutHours: 3 }, 7.75)).toBe(26.75);
    expect(trainingHoursOf({ enteredHours: 0.1, daysWithoutHours: 0 }, 7.75)).toBe(0.1);
    expect(trainingHoursOf({ enteredHours: 0, daysWithoutHours: 0 }, 7.75)).toBe(0);
  });

  it('validates the setting', () => {
    expect(trainingReportSettingsSchema.safeParse({ hoursPerDay: 7.75 }).success).toBe(true);
    expect(trainingReportSettingsSchema.safeParse({ hoursPerDay: 0 }).success).toBe(false);
    expect(trainingReportSettingsSchema.safeParse({ hoursPerDay: 25 }).success).toBe(false);
    expect(trainingReportSettingsSchema.safeParse({ hoursPerDay: '7' }).success).toBe(false);
  });

  it('has the 「休業からの復帰」 window: 12 months unless set (also for a document stored before it existed), 1–60 whole months', () => {
    expect(trainingReportSettingsSchema.parse({ hoursPerDay: 7.75 })).toEqual({ hoursPerDay: 7.75, returnWindowMonths: 12 });
    expect(trainingReportSettingsSchema.parse({ hoursPerDay: 7.75, returnWindowMonths: 6 }).returnWindowMonths).toBe(6);
    for (const bad of [0, 61, 1.5, '6']) expect(trainingReportSettingsSchema.safeParse({ hoursPerDay: 7.75, returnWindowMonths: bad }).success).toBe(false);
  });
});

describe('hours distribution', () => {
  it('is all zeros for nobody', () => {
    expect(summariseHours([])).toEqual({ people: 0, mean: 0, median: 0, zeroShare: 0, total: 0 });
  });

  it('gives the mean, the median (odd and even) and the share at zero', () => {
    expect(summariseHours([0, 7.75, 15.5])).toEqual({ people: 3, mean: 7.75, median: 7.75, zeroShare: 1 / 3, total: 23.25 });
    expect(summariseHours([10, 0, 0, 2])).toEqual({ people: 4, mean: 3, median: 1, zeroShare: 0.5, total: 12 });
    expect(summariseHours([5])).toMatchObject({ median: 5, zeroShare: 0 });
  });

  it('groups in the order of the keys, leaving out groups nobody is in', () => {
    const people = [{ totalHours: 0 }, { totalHours: 4 }, { totalHours: 8 }];
    const keys = ['a', 'b', 'a'];
    const groups = summariseHoursBy(people, (i) => keys[i]!, ['b', 'c', 'a']);
    expect(groups.map((g) => g.key)).toEqual(['b', 'a']);
    expect(groups[1]!.summary).toMatchObject({ people: 2, mean: 4, zeroShare: 0.5 });
  });
});

describe('completion by course and position level', () => {
  const courses = [
    { id: 1, hasAutomaticTargets: true },
    { id: 2, hasAutomaticTargets: false },
    { id: 3, hasAutomaticTargets: true },
  ];

  it('counts targets, enrolled, completed and the rate over targets for a course with a must-attend list', () => {
    const targets: CourseTarget[] = [
      { courseId: 1, staffId: 10, positionLevel: 'staff' },
      { courseId: 1, staffId: 11, positionLevel: 'staff' },
      { courseId: 1, staffId: 12, positionLevel: 'supervisor' },
      // the same person on the list of a second session of the course counts once
      { courseId: 1, staffId: 10, positionLevel: 'staff' },
    ];
    const enrolments: CourseEnrolment[] = [
      { courseId: 1, staffId: 10, positionLevel: 'staff', status: 'completed' },
      { courseId: 1, staffId: 11, positionLevel: 'staff', status: 'absent' },
      // designated although not a target: enrolled and completed, but not in the rate
      { courseId: 1, staffId: 13, positionLevel: 'staff', status: 'attended' },
    ];
    const [row] = completionByCourse({ courses: courses.slice(0, 1), targets, enrolments });
    expect(row!.cells.staff).toEqual({ targets: 2, enrolled: 3, completed: 2, targetsCompleted: 1, rate: 0.5 });
    expect(row!.cells.supervisor).toEqual({ targets: 1, enrolled: 0, completed: 0, targetsCompleted: 0, rate: 0 });
    expect(row!.cells.director).toEqual({ targets: 0, enrolled: 0, completed: 0, targetsCompleted: 0, rate: null });
    expect(row!.total).toEqual({ targets: 3, enrolled: 3, completed: 2, targetsCompleted: 1, rate: 1 / 3 });
  });

  it('rates a course filled by application or recommendation over those enrolled', () => {
    const enrolments: CourseEnrolment[] = [
      { courseId: 2, staffId: 20, positionLevel: 'chief', status: 'completed' },
      { courseId: 2, staffId: 21, positionLevel: 'chief', status: 'enrolled' },
      { courseId: 2, staffId: 22, positionLevel: null, status: 'attended' },
      // waiting, applied, cancelled or rejected people are not enrolled
      { courseId: 2, staffId: 23, positionLevel: 'chief', status: 'waitlisted' },
      { courseId: 2, staffId: 24, positionLevel: 'chief', status: 'cancelled' },
    ];
    const [, row] = completionByCourse({ courses, targets: [], enrolments });
    expect(row!.cells.chief).toEqual({ targets: 0, enrolled: 2, completed: 1, targetsCompleted: 0, rate: 0.5 });
    expect(row!.cells.none).toMatchObject({ enrolled: 1, completed: 1, rate: 1 });
    expect(row!.total).toMatchObject({ enrolled: 3, completed: 2 });
  });

  it('counts a person once per course in the column of their first appearance, whatever the sessions', () => {
    const targets: CourseTarget[] = [
      { courseId: 3, staffId: 30, positionLevel: 'staff' },
      { courseId: 3, staffId: 30, positionLevel: 'supervisor' }, // promoted before the second session
    ];
    const enrolments: CourseEnrolment[] = [
      { courseId: 3, staffId: 30, positionLevel: 'supervisor', status: 'absent' },
      { courseId: 3, staffId: 30, positionLevel: 'supervisor', status: 'completed' },
    ];
    const [, , row] = completionByCourse({ courses, targets, enrolments });
    expect(row!.cells.staff).toEqual({ targets: 1, enrolled: 1, completed: 1, targetsCompleted: 1, rate: 1 });
    expect(row!.cells.supervisor.targets).toBe(0);
    expect(row!.total.targets).toBe(1);
  });

  it('gives every course a row, empty ones included, in the given order', () => {
    const rows = completionByCourse({ courses, targets: [], enrolments: [] });
    expect(rows.map((r) => r.courseId)).toEqual([1, 2, 3]);
    expect(rows[0]!.total).toEqual({ targets: 0, enrolled: 0, completed: 0, targetsCompleted: 0, rate: null });
  });
});
