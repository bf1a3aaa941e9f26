/**
 * 面接指導の申出 and its withdrawal (取り下げ) by the person: a request may be withdrawn while it waits for the
 * interview, never once the interview was held (the record of the physician's opinion stays with its request); a
 * withdrawn request may be made again, which reopens the same row (one request per result) with a new date.
 */
import type { InterviewRequestStatus } from './stress-check-api.js';

export type WithdrawalDecision = { ok: true; isChange: boolean } | { ok: false; reason: 'none' | 'held' };

/** Whether the person may withdraw a request in this status; withdrawing twice changes nothing. */
export function decideWithdrawal(status: InterviewRequestStatus | null): WithdrawalDecision {
  switch (status) {
    case null:
      return { ok: false, reason: 'none' };
    case 'requested':
      return { ok: true, isChange: true };
    case 'withdrawn':
      return { ok: true, isChange: false };
    case 'held':
      return { ok: false, reason: 'held' };
  }
}

/** What a (repeated) request does: create the row, reopen a withdrawn one, or nothing (idempotent). */
export function decideRequest(status: InterviewRequestStatus | null): 'create' | 'reopen' | 'unchanged' {
  if (status === null) return 'create';
  return status === 'withdrawn' ? 'reopen' : 'unchanged';
}
