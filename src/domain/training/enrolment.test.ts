import { describe, expect, it } from 'vitest';
import {
  canReport,
  enrolmentStatuses,
  fillFreeSeats,
  isApplicationOpen,
  isHeldOutside,
  isReentry,
  isRouteAllowed,
  place,
  reportInputSchema,
  transition,
  type EnrolmentAction,
  type EnrolmentStatus,
  type TransitionTarget,
} from './enrolment.js';

describe('transition: every status × every action', () => {
  const expected: Record<EnrolmentAction, Partial<Record<EnrolmentStatus, TransitionTarget>>> = {
    approve: { applied: 'placed' },
    reject: { applied: 'rejected' },
    cancel: { applied: 'cancelled', enrolled: 'cancelled', waitlisted: 'cancelled' },
    'mark-attended': { enrolled: 'attended', attended: 'attended', completed: 'attended', absent: 'attended' },
    'mark-completed': { enrolled: 'completed', attended: 'completed', completed: 'completed', absent: 'completed' },
    'mark-absent': { enrolled: 'absent', attended: 'absent', completed: 'absent', absent: 'absent' },
  };
  const cases = (Object.keys(expected) as EnrolmentAction[]).flatMap((action) =>
    enrolmentStatuses.map((from) => ({ action, from, to: expected[action][from] })),
  );
  it.each(cases)('$action from $from → $to', ({ action, from, to }) => {
    expect(transition(from, action)).toEqual(to === undefined ? { ok: false } : { ok: true, to });
  });
});

describe('place: the capacity rule', () => {
  it.each([
    { capacity: null, seatsTaken: 500, waitlistLength: 0, expected: { status: 'enrolled', waitlistPosition: null } },
    { capacity: 1, seatsTaken: 0, waitlistLength: 0, expected: { status: 'enrolled', waitlistPosition: null } },
    { capacity: 1, seatsTaken: 1, waitlistLength: 0, expected: { status: 'waitlisted', waitlistPosition: 1 } },
    { capacity: 3, seatsTaken: 3, waitlistLength: 2, expected: { status: 'waitlisted', waitlistPosition: 3 } },
    // a free seat but people already waiting (e.g. the seat is being filled): nobody jumps the queue
    { capacity: 3, seatsTaken: 2, waitlistLength: 1, expected: { status: 'waitlisted', waitlistPosition: 2 } },
    // capacity lowered below the seats taken
    { capacity: 2, seatsTaken: 4, waitlistLength: 0, expected: { status: 'waitlisted', waitlistPosition: 1 } },
  ])('capacity $capacity, taken $seatsTaken, waiting $waitlistLength', ({ expected, ...seats }) => {
    expect(place(seats)).toEqual(expected);
  });
});

describe('fillFreeSeats: the waiting list after a seat frees', () => {
  it.each([
    { name: 'nobody waits', capacity: 2, taken: 1, waiting: [], promote: [], renumber: [] },
    { name: 'one seat, first in', capacity: 2, taken: 1, waiting: [{ id: 7, waitlistPosition: 2 }, { id: 5, waitlistPosition: 1 }], promote: [5], renumber: [{ id: 7, waitlistPosition: 1 }] },
    { name: 'no seat, a gap closes', capacity: 2, taken: 2, waiting: [{ id: 5, waitlistPosition: 2 }, { id: 7, waitlistPosition: 3 }], promote: [], renumber: [{ id: 5, waitlistPosition: 1 }, { id: 7, waitlistPosition: 2 }] },
    { name: 'no seat, no gap', capacity: 2, taken: 2, waiting: [{ id: 5, waitlistPosition: 1 }, { id: 7, waitlistPosition: 2 }], promote: [], renumber: [] },
    { name: 'two seats (capacity raised)', capacity: 4, taken: 2, waiting: [{ id: 1, waitlistPosition: 1 }, { id: 2, waitlistPosition: 2 }, { id: 3, waitlistPosition: 3 }], promote: [1, 2], renumber: [{ id: 3, waitlistPosition: 1 }] },
    { name: 'no limit any more', capacity: null, taken: 9, waiting: [{ id: 1, waitlistPosition: 1 }, { id: 2, waitlistPosition: 2 }], promote: [1, 2], renumber: [] },
    { name: 'over capacity', capacity: 1, taken: 3, waiting: [{ id: 1, waitlistPosition: 1 }], promote: [], renumber: [] },
  ])('$name', ({ capacity, taken, waiting, promote, renumber }) => {
    expect(fillFreeSeats(capacity, taken, waiting)).toEqual({ promote, renumber });
  });
});

describe('routes, re-entry, applications and reports', () => {
  it.each([
    { route: 'application', methods: ['application'], ok: true },
    { route: 'application', methods: ['unit-recommendation', 'designation'], ok: false },
    { route: 'unit-recommendation', methods: ['unit-recommendation'], ok: true },
    { route: 'unit-recommendation', methods: ['automatic'], ok: false },
    { route: 'automatic', methods: ['automatic'], ok: true },
    { route: 'automatic', methods: ['application'], ok: false },
    { route: 'designation', methods: ['application'], ok: true },
    { route: 'push', methods: ['automatic'], ok: true },
  ] as const)('$route on a course by $methods → $ok', ({ route, methods, ok }) => {
    expect(isRouteAllowed(route, methods)).toBe(ok);
  });

  it.each([
    { existing: undefined, expected: 'new' },
    { existing: 'rejected', expected: 'reopen' },
    { existing: 'cancelled', expected: 'reopen' },
    ...(['applied', 'enrolled', 'waitlisted', 'attended', 'completed', 'absent'] as const).map((existing) => ({ existing, expected: 'already-on' })),
  ] as const)('re-entry from $existing → $expected', ({ existing, expected }) => {
    expect(isReentry(existing)).toBe(expected);
  });

  it.each([
    { startsOn: '2025-10-20', today: '2025-10-19', open: true },
    { startsOn: '2025-10-20', today: '2025-10-20', open: false },
    { startsOn: '2025-10-20', today: '2025-10-21', open: false },
  ])('application for $startsOn on $today → $open', ({ startsOn, today, open }) => {
    expect(isApplicationOpen(startsOn, today)).toBe(open);
  });

  it.each(
    enrolmentStatuses.flatMap((status) => [
      { status, isExternal: true, hasCertificate: true },
      { status, isExternal: false, hasCertificate: true },
      { status, isExternal: false, hasCertificate: false },
    ]),
  )('report in $status, external $isExternal, certificate $hasCertificate', ({ status, isExternal, hasCertificate }) => {
    const attended = status === 'attended' || status === 'completed';
    const expected = !attended ? { ok: false, reason: 'not-attended' } : hasCertificate && !isExternal ? { ok: false, reason: 'certificate-internal' } : { ok: true };
    expect(canReport(status, isExternal, hasCertificate)).toEqual(expected);
  });

  it('validates the report and survey with Japanese messages', () => {
    const bad = reportInputSchema.safeParse({ report: ' ', survey: { satisfaction: 6, usefulness: 0, comment: '' }, certificate: null });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['受講報告を入力してください', '満足度は1〜5で選んでください', '役立ち度は1〜5で選んでください']);
    expect(reportInputSchema.safeParse({ report: '学んだこと', survey: { satisfaction: 5, usefulness: 4, comment: '' }, certificate: null }).success).toBe(true);
  });
});

describe('isHeldOutside', () => {
  it.each([
    ['internal', false],
    ['external-lecturer', false],
    ['prefecture-centre', true],
    ['jichi-daigakko', true],
    ['other', true],
  ] as const)('%s → %s', (provider, expected) => {
    expect(isHeldOutside(provider)).toBe(expected);
  });
});
