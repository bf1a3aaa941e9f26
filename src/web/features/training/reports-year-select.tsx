/** The 年度 choice of the training reports: two years back to one ahead, in the user's date style. */
import { useId } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';

const yearSuffix: Record<number, string> = { [-1]: '(前年度)', 0: '(今年度)', 1: '(来年度)' };

export const currentFiscalYear = () => fiscalYearOf(todayInJapan());

export function ReportYearSelect({ label = '年度', value, onChange, years }: { label?: string; value: number; onChange: (fy: number) => void; years?: number[] }) {
  const id = useId();
  const dates = useDates();
  const current = currentFiscalYear();
  const choices = years ?? [current - 2, current - 1, current, current + 1];
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((fy) => (
          <option key={fy} value={fy}>
            {dates.fiscalYear(fy)}
            {yearSuffix[fy - current] ?? ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Excel and CSV links of one download; the label names what is downloaded for screen readers. */
export function DownloadLinks({ subject, urlOf }: { subject: string; urlOf: (format: 'xlsx' | 'csv') => string }) {
  return (
    <span className="reports-downloads">
      <a className="button button--primary" href={urlOf('xlsx')} download>
        Excel<span className="visually-hidden">({subject})</span>で出力
      </a>
      <a className="button button--secondary" href={urlOf('csv')} download>
        CSV<span className="visually-hidden">({subject})</span>で出力
      </a>
    </span>
  );
}
