import { describe, expect, it } from 'vitest';
import { leaveInputSchema, leaveOn, overlappingLeave, recentReturn, type StaffLeave } from './leaves.js';

const leave = (id: number, startsOn: string, endsOn: string | null): StaffLeave => ({ id, staffId: 1, kind: 'childcare', startsOn, endsOn, note: '' });

describe('periods away', () => {
  const leaves = [leave(1, '2023-06-01', '2024-03-31'), leave(2, '2025-01-10', '2025-09-30')];

  it('knows who is away on a date, both ends included', () => {
    expect(leaveOn(leaves, '2025-01-10')?.id).toBe(2);
    expect(leaveOn(leaves, '2025-09-30')?.id).toBe(2);
    expect(leaveOn(leaves, '2025-10-01')).toBeUndefined();
    expect(leaveOn([leave(3, '2025-04-01', null)], '2030-01-01')?.id).toBe(3);
  });

  it.each([
    ['the day of return', '2025-10-01', 12, 2],
    ['eleven months later', '2026-09-01', 12, 2],
    ['the last day of the window: returned 2025-10-01, date 2026-10-01', '2026-10-01', 12, 2],
    ['the day after the window', '2026-10-02', 12, undefined],
    ['a shorter window', '2026-01-02', 3, undefined],
    ['still away: no return', '2025-05-01', 12, undefined],
  ])('%s', (_, date, months, expected) => {
    expect(recentReturn(leaves, date, months)?.id).toBe(expected);
  });

  it('counts a month-end window on the last day of a shorter month', () => {
    // returned on 2025-03-31 (away until 03-30); one month before 2025-04-30 is 2025-03-30 → inside
    expect(recentReturn([leave(1, '2025-01-01', '2025-03-30')], '2025-04-30', 1)?.id).toBe(1);
    expect(recentReturn([leave(1, '2025-01-01', '2025-03-28')], '2025-04-30', 1)).toBeUndefined();
  });

  it('refuses overlapping periods but not the one being edited, and an end before the start', () => {
    expect(overlappingLeave(leaves, { startsOn: '2024-03-31', endsOn: '2024-04-30' }, null)?.id).toBe(1);
    expect(overlappingLeave(leaves, { startsOn: '2024-04-01', endsOn: '2025-01-09' }, null)).toBeUndefined();
    expect(overlappingLeave(leaves, { startsOn: '2023-05-01', endsOn: '2024-04-30' }, 1)).toBeUndefined();
    expect(overlappingLeave(leaves, { startsOn: '2026-01-01', endsOn: null }, null)).toBeUndefined();
    expect(overlappingLeave([leave(3, '2025-12-01', null)], { startsOn: '2026-01-01', endsOn: null }, null)?.id).toBe(3);
    expect(leaveInputSchema.safeParse({ kind: 'childcare', startsOn: '2025-04-01', endsOn: '2025-03-31' }).success).toBe(false);
    expect(leaveInputSchema.safeParse({ kind: 'childcare', startsOn: '2025-04-01', endsOn: null, status: 'x' }).success).toBe(false);
  });
});
