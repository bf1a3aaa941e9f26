/**
 * 和暦 (Japanese era) parsing and formatting for dates typed by people and shown to them.
 *
 * Pure string arithmetic on purpose: `Intl.DateTimeFormat('ja-JP-u-ca-japanese')` changes its output
 * with the option set (元年 or 1) and the process time zone, and numbers must never be parsed back out
 * of formatted strings (facts.md, "Dates and text").
 */
import { fiscalYearOf, isValidIsoDate, toIsoDate, type IsoDate } from './fiscal-year.js';

export type EraName = '昭和' | '平成' | '令和';

type Era = {
  name: EraName;
  /** Latin initial used in short forms such as R7.4.1. */
  initial: 'S' | 'H' | 'R';
  /** Calendar year of era year 0: era year N is Gregorian year offset + N. */
  offset: number;
  startsOn: IsoDate;
  /** Inclusive; null while the era is current. */
  endsOn: IsoDate | null;
};

/**
 * Only the eras in which anyone on a current payroll can have been born or hired. 大正 and earlier
 * are reported as a format error rather than guessed.
 */
export const eras: readonly Era[] = [
  { name: '昭和', initial: 'S', offset: 1925, startsOn: '1926-12-25', endsOn: '1989-01-07' },
  { name: '平成', initial: 'H', offset: 1988, startsOn: '1989-01-08', endsOn: '2019-04-30' },
  { name: '令和', initial: 'R', offset: 2018, startsOn: '2019-05-01', endsOn: null },
];

export type ParseJapaneseDateResult =
  | { ok: true; date: IsoDate }
  | { ok: false; reason: 'empty' | 'format' | 'era-range' | 'invalid-date' };

const eraByToken = new Map<string, Era>();
for (const era of eras) {
  eraByToken.set(era.name, era);
  eraByToken.set(era.name.charAt(0), era);
  eraByToken.set(era.initial, era);
  eraByToken.set(era.initial.toLowerCase(), era);
}

// After NFKC: ㋿ → 令和, ㍻ → 平成, ㍼ → 昭和, full-width digits and punctuation → ASCII.
const seirekiSeparated = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const seirekiCompact = /^(\d{4})(\d{2})(\d{2})$/;
const seirekiKanji = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const warekiSeparated = /^(昭和|平成|令和|昭|平|令|[SHRshr])(\d{1,2}|元)([-/.])(\d{1,2})\3(\d{1,2})$/;
const warekiKanji = /^(昭和|平成|令和|昭|平|令|[SHRshr])(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$/;

function calendarDate(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1 || year > 9999) return undefined;
  const date = toIsoDate(year, month, day);
  return month >= 1 && month <= 12 && day >= 1 && isValidIsoDate(date) ? date : undefined;
}

function isWithinEra(era: Era, date: IsoDate): boolean {
  return date >= era.startsOn && (era.endsOn === null || date <= era.endsOn);
}

/**
 * Reads a date as people type it: 2025-04-01, 2025/4/1, 2025.4.1, 20250401, 2025年4月1日,
 * R7.4.1, r7/4/1, 令7.4.1, 令和7年4月1日, 令和元年5月1日, H31.4.30, S64.1.7, with full-width
 * digits, spaces or era ligatures (㋿ ㍻ ㍼). An era date outside its era (H31.5.1, R1.4.30) is
 * 'era-range', not silently moved into the next era: it usually means a typo in the year.
 */
export function parseJapaneseDate(input: string): ParseJapaneseDateResult {
  const text = input.normalize('NFKC').replace(/\s+/gu, '');
  if (text === '') return { ok: false, reason: 'empty' };

  const seireki = seirekiSeparated.exec(text);
  if (seireki) return gregorian(seireki[1], seireki[3], seireki[4]);
  const compact = seirekiCompact.exec(text);
  if (compact) return gregorian(compact[1], compact[2], compact[3]);
  const seirekiWithKanji = seirekiKanji.exec(text);
  if (seirekiWithKanji) return gregorian(seirekiWithKanji[1], seirekiWithKanji[2], seirekiWithKanji[3]);

  const separated = warekiSeparated.exec(text);
  if (separated) return japanese(separated[1], separated[2], separated[4], separated[5]);
  const withKanji = warekiKanji.exec(text);
  if (withKanji) return japanese(withKanji[1], withKanji[2], withKanji[3], withKanji[4]);

  return { ok: false, reason: 'format' };
}

function gregorian(year = '', month = '', day = ''): ParseJapaneseDateResult {
  const date = calendarDate(Number(year), Number(month), Number(day));
  return date ? { ok: true, date } : { ok: false, reason: 'invalid-date' };
}

function japanese(token = '', eraYear = '', month = '', day = ''): ParseJapaneseDateResult {
  const era = eraByToken.get(token);
  if (!era) return { ok: false, reason: 'format' };
  const yearInEra = eraYear === '元' ? 1 : Number(eraYear);
  if (yearInEra < 1) return { ok: false, reason: 'era-range' };
  const date = calendarDate(era.offset + yearInEra, Number(month), Number(day));
  if (!date) return { ok: false, reason: 'invalid-date' };
  return isWithinEra(era, date) ? { ok: true, date } : { ok: false, reason: 'era-range' };
}

export type DateStyle = 'wareki' | 'seireki';

export type FormatDateOptions = {
  /** Write 元年 for the first year of an era (default true, as official documents do). */
  gannen?: boolean;
};

function eraOfDate(date: IsoDate): Era | undefined {
  return eras.find((era) => isWithinEra(era, date));
}

function splitDate(date: IsoDate): { year: number; month: number; day: number } {
  if (!isValidIsoDate(date)) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function eraYearText(yearInEra: number, gannen: boolean): string {
  return yearInEra === 1 && gannen ? '元' : String(yearInEra);
}

/**
 * '令和7年4月1日' or '2025年4月1日'. Dates before 昭和 fall back to 西暦, since we do not carry
 * older eras and a wrong era name is worse than a different calendar.
 */
export function formatDate(date: IsoDate, style: DateStyle, options: FormatDateOptions = {}): string {
  const { year, month, day } = splitDate(date);
  const era = style === 'wareki' ? eraOfDate(date) : undefined;
  if (!era) return `${year}年${month}月${day}日`;
  return `${era.name}${eraYearText(year - era.offset, options.gannen ?? true)}年${month}月${day}日`;
}

/** 'R7.4.1' or '2025/04/01' — for tables and narrow columns. */
export function formatDateShort(date: IsoDate, style: DateStyle): string {
  const { year, month, day } = splitDate(date);
  const era = style === 'wareki' ? eraOfDate(date) : undefined;
  if (!era) return date.replaceAll('-', '/');
  return `${era.initial}${year - era.offset}.${month}.${day}`;
}

/**
 * '令和7年度' or '2025年度'. A fiscal year takes the era in force at the end of the calendar year it
 * starts in: FY2019 is 令和元年度 (the government renamed 平成31年度 after the accession) while FY1988
 * stays 昭和63年度 because 平成 began only in January 1989.
 */
export function formatFiscalYear(fiscalYear: number, style: DateStyle, options: FormatDateOptions = {}): string {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) {
    throw new RangeError(`fiscal year out of range: ${fiscalYear}`);
  }
  const era = style === 'wareki' ? eraOfDate(toIsoDate(fiscalYear, 12, 31)) : undefined;
  if (!era) return `${fiscalYear}年度`;
  return `${era.name}${eraYearText(fiscalYear - era.offset, options.gannen ?? true)}年度`;
}

/** The fiscal year of a date, formatted; a convenience for headings such as 「令和7年度 人事評価」. */
export function formatFiscalYearOf(date: IsoDate, style: DateStyle, options: FormatDateOptions = {}): string {
  return formatFiscalYear(fiscalYearOf(date), style, options);
}
