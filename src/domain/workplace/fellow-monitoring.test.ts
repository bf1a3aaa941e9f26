import { describe, expect, it } from 'vitest';
import { listStalePairs, monthsBefore, programmeHealth, type MonitorMeeting, type MonitorPair } from './fellow-monitoring.js';

const today = '2025-10-01';
const pair = (pairId: number, over: Partial<MonitorPair> = {}): MonitorPair => ({ pairId, status: 'confirmed', startsOn: '2025-04-01', endsOn: null, ...over });
const held = (pairId: number, heldOn: string, over: Partial<MonitorMeeting> = {}): MonitorMeeting => ({
  pairId,
  status: 'held',
  plannedOn: heldOn,
  heldOn,
  fellowFeedback: null,
  juniorFeedback: null,
  ...over,
});

describe('listStalePairs', () => {
  it.each([
    ['held exactly 8 weeks ago', [held(1, '2025-08-06')], pair(1), false],
    ['held 8 weeks and a day ago', [held(1, '2025-08-05')], pair(1), true],
    ['never held, started 2 weeks ago', [], pair(1, { startsOn: '2025-09-17' }), false],
    ['never held, started in April', [], pair(1), true],
    ['only a planned meeting', [{ ...held(1, '2025-09-20'), status: 'planned' as const, heldOn: null }], pair(1), true],
    ['ended pair', [], pair(1, { status: 'ended', endsOn: '2025-09-30' }), false],
  ])('%s', (_, meetings, p, stale) => {
    expect(listStalePairs([p], meetings, today, 8).length).toBe(stale ? 1 : 0);
  });

  it('says since when and how many weeks, oldest first', () => {
    const result = listStalePairs([pair(1), pair(2, { startsOn: '2025-06-01' })], [held(1, '2025-07-01'), held(1, '2025-05-01')], today, 8);
    expect(result).toEqual([
      { pairId: 2, lastHeldOn: null, since: '2025-06-01', weeksSince: 17 },
      { pairId: 1, lastHeldOn: '2025-07-01', since: '2025-07-01', weeksSince: 13 },
    ]);
  });
});

describe('programmeHealth', () => {
  it('counts the last three months and averages the scores per side', () => {
    const fb = (usefulness: number, easeOfTalking: number) => ({ usefulness, easeOfTalking, comment: 'ひみつ' });
    const meetings = [
      held(1, '2025-09-01', { fellowFeedback: fb(4, 5), juniorFeedback: fb(5, 4) }),
      held(1, '2025-07-15', { juniorFeedback: fb(3, 3) }),
      held(2, '2025-06-30', { juniorFeedback: fb(1, 1) }), // before the window
      { ...held(2, '2025-10-15'), status: 'planned' as const, heldOn: null },
    ];
    const health = programmeHealth([pair(1), pair(2), pair(3, { status: 'ended', endsOn: '2025-08-31' })], meetings, today);
    expect(health).toEqual({
      today,
      windowStartsOn: '2025-07-01',
      activePairs: 2,
      endedPairs: 1,
      meetingsHeld: 2,
      meetingsPerActivePair: 1,
      activePairsWithMeeting: 1,
      plannedMeetings: 1,
      feedback: { fellow: { answers: 1, meanUsefulness: 4, meanEaseOfTalking: 5 }, junior: { answers: 2, meanUsefulness: 4, meanEaseOfTalking: 3.5 } },
    });
    expect(JSON.stringify(health)).not.toContain('ひみつ');
  });

  it.each([
    ['2025-10-01', '2025-07-01'],
    ['2025-05-31', '2025-02-28'],
    ['2024-05-31', '2024-02-29'],
    ['2025-02-15', '2024-11-15'],
  ])('monthsBefore(%s, 3) = %s', (d, expected) => expect(monthsBefore(d, 3)).toBe(expected));
});
