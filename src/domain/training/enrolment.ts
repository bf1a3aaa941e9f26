/**
 * 受講 (issue 4 item 3, policy III-1-(2)): how a person comes onto a session (automatic target, 所属推薦, 指定, 希望,
 * a supervisor's push), the status machine from application to completion, and the capacity rule with its
 * waiting list. Pure functions: the service loads the facts, asks here, and writes what the answer says.
 */
import { z } from 'zod';
import type { CourseProvider, SelectionMethod } from './training-model.js';

export const enrolmentRoutes = ['automatic', 'unit-recommendation', 'designation', 'application', 'push'] as const;
export type EnrolmentRoute = (typeof enrolmentRoutes)[number];
export const enrolmentRouteLabels: Record<EnrolmentRoute, string> = {
  automatic: '対象者(職位・在籍年数)',
  'unit-recommendation': '所属推薦',
  designation: '指定',
  application: '希望',
  push: '受講勧奨',
};

export const enrolmentStatuses = ['applied', 'enrolled', 'waitlisted', 'rejected', 'cancelled', 'attended', 'completed', 'absent'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, string> = {
  applied: '承認待ち',
  enrolled: '受講決定',
  waitlisted: 'キャンセル待ち',
  rejected: '不承認',
  cancelled: '取消',
  attended: '出席',
  completed: '修了',
  absent: '欠席',
};

/** Statuses that hold a seat of the session: once decided, a seat stays taken whether the person came or not. */
export const seatHoldingStatuses: readonly EnrolmentStatus[] = ['enrolled', 'attended', 'completed', 'absent'];
/** Statuses after which the person may enter again (a new application, recommendation or designation). */
export const closedStatuses: readonly EnrolmentStatus[] = ['rejected', 'cancelled'];
/** Statuses in which the attendee writes the 受講報告 and the survey. */
export const reportableStatuses: readonly EnrolmentStatus[] = ['attended', 'completed'];

export const isSeatHolding = (status: EnrolmentStatus) => seatHoldingStatuses.includes(status);

/**
 * Whether a person may come onto a session of a course by this route. 指定 is HR's call and works for every
 * course; 受講勧奨 comes from the ability → training loop and works for every course too; the others need the
 * course's selection methods to include them.
 */
export function isRouteAllowed(route: EnrolmentRoute, selectionMethods: readonly SelectionMethod[]): boolean {
  if (route === 'designation' || route === 'push') return true;
  return selectionMethods.includes(route);
}

export type EnrolmentAction = 'approve' | 'reject' | 'cancel' | 'mark-attended' | 'mark-completed' | 'mark-absent';
export const attendanceStatuses = ['attended', 'completed', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceAction: Record<AttendanceStatus, EnrolmentAction> = {
  attended: 'mark-attended',
  completed: 'mark-completed',
  absent: 'mark-absent',
};

/**
 * Where an action leads. `approve` leads to 'placed': enrolled or waitlisted as the capacity rule says. Attendance
 * may be corrected among attended, completed and absent (a typo on the roster is fixed, not locked in).
 */
export type TransitionTarget = EnrolmentStatus | 'placed';
const transitions: Record<EnrolmentAction, Partial<Record<EnrolmentStatus, TransitionTarget>>> = {
  approve: { applied: 'placed' },
  reject: { applied: 'rejected' },
  cancel: { applied: 'cancelled', enrolled: 'cancelled', waitlisted: 'cancelled' },
  'mark-attended': { enrolled: 'attended', attended: 'attended', completed: 'attended', absent: 'attended' },
  'mark-completed': { enrolled: 'completed', attended: 'completed', completed: 'completed', absent: 'completed' },
  'mark-absent': { enrolled: 'absent', attended: 'absent', completed: 'absent', absent: 'absent' },
};

export type TransitionResult = { ok: true; to: TransitionTarget } | { ok: false };

export function transition(from: EnrolmentStatus, action: EnrolmentAction): TransitionResult {
  const to = transitions[action][from];
  return to === undefined ? { ok: false } : { ok: true, to };
}

/** The seats of a session as the capacity rule reads them. `capacity` null: no limit. */
export type SeatCount = { capacity: number | null; seatsTaken: number; waitlistLength: number };

export type Placement = { status: 'enrolled'; waitlistPosition: null } | { status: 'waitlisted'; waitlistPosition: number };

/**
 * Where a newly decided person goes: a free seat if there is one and nobody waits before them, else the end of
 * the waiting list (first come, first served).
 */
export function place(seats: SeatCount): Placement {
  const hasSeat = seats.capacity === null || seats.seatsTaken < seats.capacity;
  if (hasSeat && seats.waitlistLength === 0) return { status: 'enrolled', waitlistPosition: null };
  return { status: 'waitlisted', waitlistPosition: seats.waitlistLength + 1 };
}

export type Waiting = { id: number; waitlistPosition: number };
export type WaitlistChange = { promote: number[]; renumber: Waiting[] };

/**
 * After a seat frees (a cancellation, a larger capacity) or someone leaves the waiting list: the first waiting
 * people take the free seats, the rest close up to positions 1, 2, … in their order.
 */
export function fillFreeSeats(capacity: number | null, seatsTaken: number, waiting: readonly Waiting[]): WaitlistChange {
  const ordered = [...waiting].sort((a, b) => a.waitlistPosition - b.waitlistPosition || a.id - b.id);
  const free = capacity === null ? ordered.length : Math.max(0, capacity - seatsTaken);
  const promote = ordered.slice(0, free).map((w) => w.id);
  const renumber = ordered
    .slice(free)
    .map((w, i) => ({ id: w.id, waitlistPosition: i + 1 }))
    .filter((w, i) => ordered[free + i]!.waitlistPosition !== w.waitlistPosition);
  return { promote, renumber };
}

export const surveySchema = z.object({
  satisfaction: z.int('満足度を選んでください').min(1, '満足度は1〜5で選んでください').max(5, '満足度は1〜5で選んでください'),
  usefulness: z.int('業務への役立ち度を選んでください').min(1, '役立ち度は1〜5で選んでください').max(5, '役立ち度は1〜5で選んでください'),
  comment: z.string().trim().max(1000, '感想は1000文字以内で入力してください'),
});
/** The short feedback survey: 満足度 and 業務への役立ち度 on 1–5, and a free comment. */
export type Survey = z.infer<typeof surveySchema>;

export const reportInputSchema = z.object({
  report: z.string().trim().min(1, '受講報告を入力してください').max(4000, '受講報告は4000文字以内で入力してください'),
  survey: surveySchema,
  /** external trainings only: what the certificate says (issuer, number, date) */
  certificate: z.string().trim().max(500, '修了証の内容は500文字以内で入力してください').nullable(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export type ReportDecision = { ok: true } | { ok: false; reason: 'not-attended' | 'certificate-internal' };

/**
 * The attendee reports once they attended or completed; a certificate is kept only for trainings held outside
 * the city (an internal course issues none).
 */
export function canReport(status: EnrolmentStatus, isExternal: boolean, hasCertificate: boolean): ReportDecision {
  if (!reportableStatuses.includes(status)) return { ok: false, reason: 'not-attended' };
  if (hasCertificate && !isExternal) return { ok: false, reason: 'certificate-internal' };
  return { ok: true };
}

/** A person is on a session once; after a rejection or a cancellation they may come on again (the row is reused). */
export function isReentry(existing: EnrolmentStatus | undefined): 'new' | 'reopen' | 'already-on' {
  if (existing === undefined) return 'new';
  return closedStatuses.includes(existing) ? 'reopen' : 'already-on';
}

/** Applications (希望) close when the session starts: the supervisor needs the time to decide. */
export const isApplicationOpen = (startsOn: string, today: string) => today < startsOn;

/** The Japanese name of the selection method a route stands for (in refusals). */
export const selectionLabelOf = (route: EnrolmentRoute): string => enrolmentRouteLabels[route];

/**
 * A course held outside the city (the prefecture's centre, 自治大学校, the academies, correspondence …) issues a
 * certificate worth keeping; the city's own courses, external lecturer or not, do not.
 */
export const isHeldOutside = (provider: CourseProvider): boolean => provider !== 'internal' && provider !== 'external-lecturer';
