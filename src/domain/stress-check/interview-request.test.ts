import { describe, expect, it } from 'vitest';
import { decideRequest, decideWithdrawal } from './interview-request.js';

describe('withdrawing an interview request', () => {
  it.each([
    [null, { ok: false, reason: 'none' }],
    ['requested', { ok: true, isChange: true }],
    ['withdrawn', { ok: true, isChange: false }],
    ['held', { ok: false, reason: 'held' }],
  ] as const)('from %s', (status, expected) => {
    expect(decideWithdrawal(status)).toEqual(expected);
  });
});

describe('requesting (again)', () => {
  it.each([
    [null, 'create'],
    ['withdrawn', 'reopen'],
    ['requested', 'unchanged'],
    ['held', 'unchanged'],
  ] as const)('from %s', (status, expected) => {
    expect(decideRequest(status)).toBe(expected);
  });
});
