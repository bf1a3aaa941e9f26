import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './fiscal-year.js';
import {
  formatDate,
  formatDateShort,
  formatFiscalYear,
  formatFiscalYearOf,
  parseJapaneseDate,
  type ParseJapaneseDateResult,
} from './wareki.js';

const ok = (date: string): ParseJapaneseDateResult => ({ ok: true, date });
const no = (reason: 'empty' | 'format' | 'era-range' | 'invalid-date'): ParseJapaneseDateResult => ({ ok: false, reason });

describe('parseJapaneseDate', () => {
  it.each<[string, ParseJapaneseDateResult]>([
    // 西暦
    ['2025-04-01', ok('2025-04-01')],
    ['2025/4/1', ok('2025-04-01')],
    ['2025/04/01', ok('2025-04-01')],
    ['2025.4.1', ok('2025-04-01')],
    ['2025-4-1', ok('2025-04-01')],
    ['20250401', ok('2025-04-01')],
    ['2025年4月1日', ok('2025-04-01')],
    ['2025年04月01日', ok('2025-04-01')],
    ['  2025-04-01  ', ok('2025-04-01')],
    ['２０２５／４／１', ok('2025-04-01')],
    ['２０２５年４月１日', ok('2025-04-01')],
    ['２０２５０４０１', ok('2025-04-01')],
    ['2025 年 4 月 1 日', ok('2025-04-01')],
    ['2024/2/29', ok('2024-02-29')],
    ['2000-02-29', ok('2000-02-29')],
    // 令和
    ['R7.4.1', ok('2025-04-01')],
    ['r7/4/1', ok('2025-04-01')],
    ['R7-4-1', ok('2025-04-01')],
    ['R07.04.01', ok('2025-04-01')],
    ['Ｒ７．４．１', ok('2025-04-01')],
    ['令7.4.1', ok('2025-04-01')],
    ['令和7年4月1日', ok('2025-04-01')],
    ['令和７年４月１日', ok('2025-04-01')],
    ['令和 7年 4月 1日', ok('2025-04-01')],
    ['令和　７年　４月　１日', ok('2025-04-01')],
    ['R7年4月1日', ok('2025-04-01')],
    ['㋿7.4.1', ok('2025-04-01')],
    ['㋿7年4月1日', ok('2025-04-01')],
    ['令和元年5月1日', ok('2019-05-01')],
    ['令和元.5.1', ok('2019-05-01')],
    ['R1.5.1', ok('2019-05-01')],
    ['R6.2.29', ok('2024-02-29')],
    // 平成
    ['H31.4.30', ok('2019-04-30')],
    ['h31.4.30', ok('2019-04-30')],
    ['平成31年4月30日', ok('2019-04-30')],
    ['㍻31年4月30日', ok('2019-04-30')],
    ['平31.4.30', ok('2019-04-30')],
    ['平成元年1月8日', ok('1989-01-08')],
    ['H1.1.8', ok('1989-01-08')],
    ['H12.2.29', ok('2000-02-29')],
    // 昭和
    ['S64.1.7', ok('1989-01-07')],
    ['s64/1/7', ok('1989-01-07')],
    ['昭和64年1月7日', ok('1989-01-07')],
    ['㍼40年4月2日', ok('1965-04-02')],
    ['昭40.4.2', ok('1965-04-02')],
    ['昭和元年12月25日', ok('1926-12-25')],
    ['S63.2.29', ok('1988-02-29')],
    // era boundaries
    ['H31.5.1', no('era-range')],
    ['平成31年5月1日', no('era-range')],
    ['H32.1.1', no('era-range')],
    ['R1.4.30', no('era-range')],
    ['令和元年4月30日', no('era-range')],
    ['S64.1.8', no('era-range')],
    ['H1.1.7', no('era-range')],
    ['平成元年1月7日', no('era-range')],
    ['S1.12.24', no('era-range')],
    ['R0.5.1', no('era-range')],
    ['S65.1.1', no('era-range')],
    // impossible calendar dates
    ['R7.13.1', no('invalid-date')],
    ['R7.2.29', no('invalid-date')],
    ['H31.2.29', no('invalid-date')],
    ['R7.4.31', no('invalid-date')],
    ['R7.0.1', no('invalid-date')],
    ['R7.4.0', no('invalid-date')],
    ['2025-02-29', no('invalid-date')],
    ['1900-02-29', no('invalid-date')],
    ['20251301', no('invalid-date')],
    ['0000-01-01', no('invalid-date')],
    ['2025年2月30日', no('invalid-date')],
    // not a date at all
    ['', no('empty')],
    ['   ', no('empty')],
    ['　', no('empty')],
    ['R7', no('format')],
    ['R7.4', no('format')],
    ['R7.4.1.1', no('format')],
    ['R7/4.1', no('format')],
    ['2025/4-1', no('format')],
    ['25/4/1', no('format')],
    ['2025-04-01T00:00:00', no('format')],
    ['T15.1.1', no('format')],
    ['大正15年1月1日', no('format')],
    ['㍽15年1月1日', no('format')],
    ['M45.7.30', no('format')],
    ['X7.4.1', no('format')],
    ['令和7年4月1', no('format')],
    ['R100.1.1', no('format')],
    ['R-1.4.1', no('format')],
    ['2025４月１日', no('format')],
    ['<script>', no('format')],
    ['=1+1', no('format')],
    ['2025\u00004\u00001', no('format')],
  ])('%j → %j', (input, expected) => {
    expect(parseJapaneseDate(input)).toEqual(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-04-01', 'wareki', '令和7年4月1日'],
    ['2019-05-01', 'wareki', '令和元年5月1日'],
    ['2019-04-30', 'wareki', '平成31年4月30日'],
    ['1989-01-08', 'wareki', '平成元年1月8日'],
    ['1989-01-07', 'wareki', '昭和64年1月7日'],
    ['1926-12-25', 'wareki', '昭和元年12月25日'],
    ['1926-12-24', 'wareki', '1926年12月24日'],
    ['2025-04-01', 'seireki', '2025年4月1日'],
    ['2019-05-01', 'seireki', '2019年5月1日'],
  ] as const)('%s as %s → %s', (date, style, expected) => {
    expect(formatDate(date, style)).toBe(expected);
  });

  it('can write 1年 instead of 元年', () => {
    expect(formatDate('2019-05-01', 'wareki', { gannen: false })).toBe('令和1年5月1日');
  });

  it('rejects a malformed date', () => {
    expect(() => formatDate('R7.4.1', 'wareki')).toThrow(RangeError);
  });
});

describe('formatDateShort', () => {
  it.each([
    ['2025-04-01', 'wareki', 'R7.4.1'],
    ['2019-05-01', 'wareki', 'R1.5.1'],
    ['2019-04-30', 'wareki', 'H31.4.30'],
    ['1989-01-07', 'wareki', 'S64.1.7'],
    ['1900-01-01', 'wareki', '1900/01/01'],
    ['2025-04-01', 'seireki', '2025/04/01'],
  ] as const)('%s as %s → %s', (date, style, expected) => {
    expect(formatDateShort(date, style)).toBe(expected);
  });
});

describe('formatFiscalYear', () => {
  it.each([
    [2025, 'wareki', '令和7年度'],
    [2019, 'wareki', '令和元年度'],
    [2018, 'wareki', '平成30年度'],
    [1989, 'wareki', '平成元年度'],
    [1988, 'wareki', '昭和63年度'],
    [2025, 'seireki', '2025年度'],
  ] as const)('%i as %s → %s', (fy, style, expected) => {
    expect(formatFiscalYear(fy, style)).toBe(expected);
  });

  it('formats the fiscal year of a date', () => {
    expect(formatFiscalYearOf('2026-03-31', 'wareki')).toBe('令和7年度');
    expect(formatFiscalYear(2019, 'wareki', { gannen: false })).toBe('令和1年度');
  });
});

describe('round trips', () => {
  const arbitraryDate = fc
    .integer({ min: 0, max: 40_000 })
    .map((offset) => addDays('1926-12-25', offset));

  it('every formatted date parses back to itself, in every style', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        expect(parseJapaneseDate(formatDate(date, 'wareki'))).toEqual(ok(date));
        expect(parseJapaneseDate(formatDate(date, 'wareki', { gannen: false }))).toEqual(ok(date));
        expect(parseJapaneseDate(formatDate(date, 'seireki'))).toEqual(ok(date));
        expect(parseJapaneseDate(formatDateShort(date, 'wareki'))).toEqual(ok(date));
        expect(parseJapaneseDate(formatDateShort(date, 'seireki'))).toEqual(ok(date));
        expect(parseJapaneseDate(date)).toEqual(ok(date));
      }),
    );
  });
});
