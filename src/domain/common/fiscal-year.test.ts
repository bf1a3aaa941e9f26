import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  completedYearsBetween,
  daysInMonth,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearStart,
  isValidIsoDate,
  nextAprilFirst,
  toIsoDate,
} from './fiscal-year.js';

describe('isValidIsoDate', () => {
  it.each([
    ['2025-04-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2025-4-1', false],
    ['2025/04/01', false],
    [' 2025-04-01', false],
    ['2025-04-01T00:00:00Z', false],
    ['２０２５-04-01', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isValidIsoDate(input)).toBe(expected);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2025-04-01', 2025],
    ['2025-03-31', 2024],
    ['2025-12-31', 2025],
    ['2026-01-01', 2025],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
    ['2000-02-29', 1999],
  ])('%s is in FY %i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('rejects malformed dates loudly (a programming error, not user input)', () => {
    expect(() => fiscalYearOf('2025-02-30')).toThrow(RangeError);
    expect(() => fiscalYearOf('R7.4.1')).toThrow(RangeError);
  });
});

describe('fiscalYearRange and fiscalYearStart', () => {
  it('spans April 1 to March 31 inclusive', () => {
    expect(fiscalYearRange(2025)).toEqual({ startsOn: '2025-04-01', endsOn: '2026-03-31' });
  });
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2026-03-31', '2025-04-01'],
    ['2025-03-31', '2024-04-01'],
  ])('start of the FY of %s is %s', (date, start) => {
    expect(fiscalYearStart(date)).toBe(start);
  });
  it('rejects non-integer years', () => {
    expect(() => fiscalYearRange(2025.5)).toThrow(RangeError);
  });
});

describe('nextAprilFirst', () => {
  it.each([
    ['2025-03-31', '2025-04-01'],
    ['2025-04-01', '2026-04-01'],
    ['2025-04-02', '2026-04-01'],
    ['2025-12-31', '2026-04-01'],
    ['2024-02-29', '2024-04-01'],
  ])('%s → %s', (date, expected) => {
    expect(nextAprilFirst(date)).toBe(expected);
  });
});

describe('completedYearsBetween', () => {
  it.each([
    ['1965-04-01', '2025-03-31', 59],
    ['1965-04-01', '2025-04-01', 60],
    ['1965-04-02', '2025-04-01', 59],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2025-04-01', '2025-04-01', 0],
    ['2025-04-01', '2025-12-31', 0],
    ['2000-05-01', '1999-06-01', 0],
    ['2000-05-01', '1999-05-01', -1],
    ['2000-05-01', '1999-04-01', -1],
  ])('%s → %s = %i', (from, to, years) => {
    expect(completedYearsBetween(from, to)).toBe(years);
  });
});

describe('addDays and compareDates', () => {
  it.each([
    ['2025-03-31', 1, '2025-04-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-04-01', 365, '2026-04-01'],
    ['0099-12-31', 1, '0100-01-01'],
    ['2025-04-01', 0, '2025-04-01'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses to leave the four-digit year range', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    // DST transitions in local time used to turn a +1 day into +0 or +2 days.
    expect(addDays('2025-03-08', 1)).toBe('2025-03-09');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
  });

  it.each([
    ['2025-04-01', '2025-04-02', -1],
    ['2025-04-02', '2025-04-01', 1],
    ['2025-04-01', '2025-04-01', 0],
  ] as const)('compare %s %s = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  const arbitraryDate = fc
    .record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => toIsoDate(year, month, Math.min(day, daysInMonth(year, month))));

  it('addDays round-trips and agrees with compareDates', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isValidIsoDate(moved)).toBe(true);
        expect(addDays(moved, -days)).toBe(date);
        expect(compareDates(moved, date)).toBe(Math.sign(days));
      }),
    );
  });

  it('every date lies inside its fiscal year', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        const { startsOn, endsOn } = fiscalYearRange(fiscalYearOf(date));
        expect(compareDates(startsOn, date)).toBeLessThanOrEqual(0);
        expect(compareDates(date, endsOn)).toBeLessThanOrEqual(0);
        expect(compareDates(date, nextAprilFirst(date))).toBe(-1);
      }),
    );
  });
});
