/** Dates as the signed-in user chose to read them (和暦 or 西暦), through the shared wareki rules. */
import { useMemo } from 'react';
import { fiscalYearOf } from '../../domain/common/fiscal-year.js';
import { formatDate, formatDateShort, formatFiscalYear, type DateStyle } from '../../domain/common/wareki.js';
import { useSession } from './session.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Japan as YYYY-MM-DD, whatever the PC's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type DateFormatter = {
  style: DateStyle;
  /** 令和7年4月1日 / 2025年4月1日 */
  date: (date: string | null | undefined) => string;
  /** R7.4.1 / 2025/04/01 */
  short: (date: string | null | undefined) => string;
  /** 令和7年度 / 2025年度 */
  fiscalYear: (fiscalYear: number) => string;
  /** 令和7年度 for a date */
  fiscalYearOf: (date: string) => string;
  /** 令和3年4月1日 〜 令和6年3月31日 (or 〜 現在) */
  period: (startsOn: string, endsOn: string | null) => string;
  /** 令和3年度〜令和5年度, the fiscal years a period spans (現在 for an open end) */
  fiscalYears: (startsOn: string, endsOn: string | null) => string;
  /** 令和3〜5年度 / 2021〜2023年度: compact, for timelines */
  fiscalYearsCompact: (startsOn: string, endsOn: string | null) => string;
  /** 2025-10-01T03:04:05Z → 令和7年10月1日 12:04:05 (Japan time) */
  timestamp: (iso: string) => string;
};

export function dateFormatter(style: DateStyle): DateFormatter {
  const date = (d: string | null | undefined) => (d && isoDate.test(d) ? formatDate(d, style) : '');
  const short = (d: string | null | undefined) => (d && isoDate.test(d) ? formatDateShort(d, style) : '');
  const fiscalYear = (fy: number) => formatFiscalYear(fy, style);
  const fyOf = (d: string) => (isoDate.test(d) ? formatFiscalYear(fiscalYearOf(d), style) : '');
  return {
    style,
    date,
    short,
    fiscalYear,
    fiscalYearOf: fyOf,
    period: (startsOn, endsOn) => `${date(startsOn)} 〜 ${endsOn ? date(endsOn) : '現在'}`,
    fiscalYears: (startsOn, endsOn) => {
      const from = fyOf(startsOn);
      if (endsOn === null) return `${from}〜現在`;
      const to = fyOf(endsOn);
      return from === to ? from : `${from}〜${to}`;
    },
    fiscalYearsCompact: (startsOn, endsOn) => {
      if (!isoDate.test(startsOn)) return '';
      const from = formatFiscalYear(fiscalYearOf(startsOn), style);
      if (endsOn === null) return `${from}〜`;
      if (!isoDate.test(endsOn)) return from;
      const to = formatFiscalYear(fiscalYearOf(endsOn), style);
      if (from === to) return from;
      // Both are our own "<era><n>年度" strings: drop the repeated era and 年度 from the first one.
      const a = /^(\D*)(\d+|元)年度$/.exec(from);
      const b = /^(\D*)(\d+|元)年度$/.exec(to);
      if (a && b && a[1] === b[1]) return `${a[1]}${a[2]}〜${b[2]}年度`;
      return `${from.replace(/年度$/, '')}〜${to}`;
    },
    timestamp: (iso) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      const text = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Tokyo',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).format(at);
      const [day = '', time = ''] = text.split(' ');
      return `${date(day)} ${time}`;
    },
  };
}

/** The formatter for the signed-in user's choice. */
export function useDates(): DateFormatter {
  const { dateStyle } = useSession();
  return useMemo(() => dateFormatter(dateStyle), [dateStyle]);
}
