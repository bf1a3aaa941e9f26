import { describe, expect, it } from 'vitest';
import {
  isEditableByOwner,
  isStartedWithin,
  recordOfActivity,
  review,
  selfDevelopmentInputSchema,
  selfDevelopmentStatuses,
  type ReviewAction,
  type SelfDevelopmentStatus,
} from './self-development.js';

describe('review (the supervisor confirms or returns)', () => {
  const cases: Array<[SelfDevelopmentStatus, ReviewAction, ReturnType<typeof review>]> = [
    ['recorded', 'confirm', { ok: true, to: 'confirmed' }],
    ['recorded', 'return', { ok: true, to: 'returned' }],
    ['confirmed', 'confirm', { ok: false, reason: 'not-awaiting' }],
    ['confirmed', 'return', { ok: false, reason: 'not-awaiting' }],
    ['returned', 'confirm', { ok: false, reason: 'not-awaiting' }],
    ['returned', 'return', { ok: false, reason: 'not-awaiting' }],
  ];
  it.each(cases)('%s + %s', (status, action, expected) => {
    expect(review({ status, ownerStaffId: 1, reviewerStaffId: 2, action })).toEqual(expected);
  });
  it('nobody reviews their own record', () => {
    expect(review({ status: 'recorded', ownerStaffId: 1, reviewerStaffId: 1, action: 'confirm' })).toEqual({ ok: false, reason: 'own-record' });
  });
  it('HR without a staff record may review', () => {
    expect(review({ status: 'recorded', ownerStaffId: 1, reviewerStaffId: null, action: 'confirm' })).toEqual({ ok: true, to: 'confirmed' });
  });
});

describe('isEditableByOwner', () => {
  it.each(selfDevelopmentStatuses.map((s) => [s, s !== 'confirmed'] as const))('%s → %s', (status, expected) => {
    expect(isEditableByOwner(status)).toBe(expected);
  });
});

describe('isStartedWithin (a sheet period, both ends inclusive)', () => {
  const period = { startsOn: '2025-10-01', endsOn: '2026-03-31' };
  it.each([
    ['2025-09-30', false],
    ['2025-10-01', true],
    ['2026-03-31', true],
    ['2026-04-01', false],
  ] as const)('%s → %s', (startedOn, expected) => {
    expect(isStartedWithin(startedOn, period)).toBe(expected);
  });
});

describe('selfDevelopmentInputSchema', () => {
  const base = { kind: 'e-learning', title: ' 情報セキュリティ基礎 ', startedOn: '2025-10-10' };
  it('trims and fills defaults', () => {
    expect(selfDevelopmentInputSchema.parse(base)).toEqual({ ...base, title: '情報セキュリティ基礎', endedOn: null, hours: null, note: '' });
  });
  it('refuses an end before the start, an unknown kind and an empty title', () => {
    expect(selfDevelopmentInputSchema.safeParse({ ...base, endedOn: '2025-10-09' }).error?.issues[0]?.message).toBe('終了日は開始日以降にしてください');
    expect(selfDevelopmentInputSchema.safeParse({ ...base, kind: 'novel' }).success).toBe(false);
    expect(selfDevelopmentInputSchema.safeParse({ ...base, title: '  ' }).success).toBe(false);
    expect(selfDevelopmentInputSchema.safeParse({ ...base, hours: -1 }).success).toBe(false);
  });
});

describe('recordOfActivity', () => {
  it('makes a study-group record of one day named after the group', () => {
    expect(recordOfActivity({ name: 'DX勉強会' }, { heldOn: '2025-11-05', title: 'RPA入門', hours: 2, note: '' })).toEqual({
      kind: 'study-group',
      title: 'DX勉強会: RPA入門',
      startedOn: '2025-11-05',
      endedOn: '2025-11-05',
      hours: 2,
      note: '',
    });
  });
});
