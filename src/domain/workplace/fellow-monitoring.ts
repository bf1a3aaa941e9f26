/**
 * Monitoring of the fellow programme (policy III-4-(3)⑤: meetings can become a formality or be crowded out by
 * daily work, so the programme is watched and both sides are asked how it went): pairs without a held meeting for N
 * weeks, and the programme's health in figures — never an individual comment.
 */
import { addDays, daysInMonth, toIsoDate } from '../common/fiscal-year.js';
import { isInForce } from '../org/org-model.js';
import type { FellowSide, MeetingFeedback, MeetingStatus, PairStatus } from './fellow-model.js';

export type MonitorPair = { pairId: number; status: PairStatus; startsOn: string; endsOn: string | null };
export type MonitorMeeting = {
  pairId: number;
  status: MeetingStatus;
  plannedOn: string;
  heldOn: string | null;
  fellowFeedback: MeetingFeedback | null;
  juniorFeedback: MeetingFeedback | null;
};

/** Is the pair going on today (confirmed and within its period)? */
export function isPairActive(pair: MonitorPair, today: string): boolean {
  return pair.status === 'confirmed' && isInForce(pair, today);
}

export type StalePair = { pairId: number; lastHeldOn: string | null; /** the last held meeting, or the pair's start without one */ since: string; weeksSince: number };

/**
 * Active pairs whose last held meeting (or, without one, the pair's start) is more than `weeks` weeks ago: a pair
 * started last week is not behind yet. Oldest first.
 */
export function listStalePairs(pairs: readonly MonitorPair[], meetings: readonly MonitorMeeting[], today: string, weeks: number): StalePair[] {
  const lastHeld = new Map<number, string>();
  for (const m of meetings) {
    if (m.status !== 'held' || m.heldOn === null || m.heldOn > today) continue;
    const seen = lastHeld.get(m.pairId);
    if (seen === undefined || m.heldOn > seen) lastHeld.set(m.pairId, m.heldOn);
  }
  const limit = addDays(today, -weeks * 7);
  const result: StalePair[] = [];
  for (const pair of pairs) {
    if (!isPairActive(pair, today)) continue;
    const held = lastHeld.get(pair.pairId) ?? null;
    const since = held ?? pair.startsOn;
    if (since >= limit) continue;
    result.push({ pairId: pair.pairId, lastHeldOn: held, since, weeksSince: Math.floor(daysBetween(since, today) / 7) });
  }
  return result.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.pairId - b.pairId));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same day `months` calendar months earlier (the 31st becomes the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

export type FeedbackMeans = { answers: number; meanUsefulness: number | null; meanEaseOfTalking: number | null };

export type ProgrammeHealth = {
  today: string;
  /** start of the window: three calendar months before today */
  windowStartsOn: string;
  activePairs: number;
  endedPairs: number;
  /** held meetings of the window (any pair) */
  meetingsHeld: number;
  /** held meetings of the window per active pair (null without pairs) */
  meetingsPerActivePair: number | null;
  /** active pairs with at least one held meeting in the window */
  activePairsWithMeeting: number;
  plannedMeetings: number;
  feedback: Record<FellowSide, FeedbackMeans>;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function means(answers: readonly MeetingFeedback[]): FeedbackMeans {
  if (answers.length === 0) return { answers: 0, meanUsefulness: null, meanEaseOfTalking: null };
  const sum = (f: (a: MeetingFeedback) => number) => answers.reduce((n, a) => n + f(a), 0);
  return { answers: answers.length, meanUsefulness: round1(sum((a) => a.usefulness) / answers.length), meanEaseOfTalking: round1(sum((a) => a.easeOfTalking) / answers.length) };
}

/** The programme's health over the last three months: counts and mean scores only (no comments, no names). */
export function programmeHealth(pairs: readonly MonitorPair[], meetings: readonly MonitorMeeting[], today: string): ProgrammeHealth {
  const windowStartsOn = monthsBefore(today, 3);
  const active = new Set(pairs.filter((p) => isPairActive(p, today)).map((p) => p.pairId));
  const held = meetings.filter((m) => m.status === 'held' && m.heldOn !== null && m.heldOn >= windowStartsOn && m.heldOn <= today);
  const withMeeting = new Set(held.filter((m) => active.has(m.pairId)).map((m) => m.pairId));
  return {
    today,
    windowStartsOn,
    activePairs: active.size,
    endedPairs: pairs.filter((p) => !isPairActive(p, today) && (p.status === 'ended' || (p.endsOn !== null && p.endsOn < today))).length,
    meetingsHeld: held.length,
    meetingsPerActivePair: active.size === 0 ? null : round1(held.filter((m) => active.has(m.pairId)).length / active.size),
    activePairsWithMeeting: withMeeting.size,
    plannedMeetings: meetings.filter((m) => m.status === 'planned' && active.has(m.pairId)).length,
    feedback: {
      fellow: means(held.flatMap((m) => (m.fellowFeedback === null ? [] : [m.fellowFeedback]))),
      junior: means(held.flatMap((m) => (m.juniorFeedback === null ? [] : [m.juniorFeedback]))),
    },
  };
}
