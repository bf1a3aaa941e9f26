/**
 * Calendar arithmetic on plain 'YYYY-MM-DD' strings and the Japanese fiscal year (年度, April–March).
 *
 * Dates are never turned into `Date` objects in local time: a municipality's server may run in UTC
 * while its users live in Asia/Tokyo, and a date that shifts by one day at midnight breaks
 * retirement and fiscal-year rules. All arithmetic goes through a day count computed with
 * `Date.UTC`, which has no time zone.
 */

export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

type DateParts = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function splitIsoDate(date: string): DateParts | undefined {
  const match = isoDatePattern.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Year 0000 does not exist in ISO 8601 calendar usage and would make Date.UTC ambiguous.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

function partsOf(date: string): DateParts {
  const parts = splitIsoDate(date);
  if (!parts) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Builds 'YYYY-MM-DD' from numbers; the caller guarantees they form a real date. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function dayNumber({ year, month, day }: DateParts): number {
  // Date.UTC maps years 0–99 to 1900–1999; setting the year explicitly avoids that trap.
  const instant = new Date(Date.UTC(2000, month - 1, day));
  instant.setUTCFullYear(year);
  return Math.round(instant.getTime() / millisecondsPerDay);
}

function fromDayNumber(days: number): IsoDate {
  const instant = new Date(days * millisecondsPerDay);
  return toIsoDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (years 0001–9999). */
export function isValidIsoDate(date: string): boolean {
  return splitIsoDate(date) !== undefined;
}

/** -1, 0 or 1, for sorting. Both arguments must be valid dates. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  partsOf(a);
  partsOf(b);
  // Zero-padded ISO dates sort lexicographically in calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` days later (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  const result = fromDayNumber(dayNumber(partsOf(date)) + days);
  if (!isValidIsoDate(result)) throw new RangeError(`date out of range: ${date} + ${days}`);
  return result;
}

/** Fiscal year (年度) of a date: April 1 to March 31, named after the calendar year it starts in. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = partsOf(date);
  return month >= 4 ? year : year - 1;
}

/** First and last day (both inclusive) of fiscal year `fiscalYear`. */
export function fiscalYearRange(fiscalYear: number): { startsOn: IsoDate; endsOn: IsoDate } {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) {
    throw new RangeError(`fiscal year out of range: ${fiscalYear}`);
  }
  return { startsOn: toIsoDate(fiscalYear, 4, 1), endsOn: toIsoDate(fiscalYear + 1, 3, 31) };
}

/** April 1 of the fiscal year that contains `date`. */
export function fiscalYearStart(date: IsoDate): IsoDate {
  return fiscalYearRange(fiscalYearOf(date)).startsOn;
}

/**
 * The first April 1 strictly after `date` — when reporting lines, unit structures and
 * 役職定年 take effect. On April 1 itself the answer is the following year's April 1; a caller that
 * wants "on or after" passes `addDays(date, -1)`.
 */
export function nextAprilFirst(date: IsoDate): IsoDate {
  return toIsoDate(fiscalYearOf(date) + 1, 4, 1);
}

/**
 * Whole years completed between `from` and `to`, counted like a birthday: the count goes up on the
 * same month and day as `from` (a 29 February start completes its years on 1 March in common years).
 * This is the everyday age. The legal age of 年齢計算ニ関スル法律 (reached at the end of the day
 * before the birthday) differs only on the birthday itself; retirement rules must apply that on top.
 * Negative when `to` is before `from`.
 */
export function completedYearsBetween(from: IsoDate, to: IsoDate): number {
  const start = partsOf(from);
  const end = partsOf(to);
  let years = end.year - start.year;
  const endBeforeAnniversary =
    end.month < start.month || (end.month === start.month && end.day < start.day);
  const startAfterAnniversary =
    end.month > start.month || (end.month === start.month && end.day > start.day);
  if (years > 0 && endBeforeAnniversary) years -= 1;
  if (years < 0 && startAfterAnniversary) years += 1;
  return years;
}

/** The date moved into [from, to] (ISO dates compare as text). */
export function clampDate(date: IsoDate, from: IsoDate, to: IsoDate): IsoDate {
  return date < from ? from : date > to ? to : date;
}
