/** Seats of a session, shared by the enrolment and plan services (no import cycle between them). */
import type { Tx } from '../db/client.js';
import { fillFreeSeats } from '../../domain/training/enrolment.js';
import { readSeats, updateWaitlist } from './enrolment.repository.js';

/**
 * After a session's capacity was raised (or removed), the first waiting people move into the free seats and the
 * rest close up — called by the plan service in the same transaction as the change.
 */
export async function refillSeats(tx: Tx, sessionId: number, capacity: number | null): Promise<number[]> {
  const seats = await readSeats(tx, sessionId);
  const change = fillFreeSeats(capacity, seats.seatsTaken, seats.waiting);
  await updateWaitlist(tx, change.promote, change.renumber);
  return change.promote;
}
