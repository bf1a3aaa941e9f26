/** The 年度 chooser of the per-year settings pages: last, this and next 年度 (and the one shown), labelled as such. */
import { useId } from 'react';
import { formatFiscalYear, type DateStyle } from '../../domain/common/wareki.js';

const yearSuffix: Record<number, string> = { [-1]: '(前年度)', 0: '(今年度)', 1: '(来年度)' };

export function FiscalYearSelect(props: { current: number; shown: number; dateStyle: DateStyle; className: string; onChange: (fiscalYear: string) => void }) {
  const id = useId();
  const { current, shown } = props;
  return (
    <div className={`field field--inline ${props.className}`}>
      <label htmlFor={id}>年度</label>
      <select id={id} value={shown} onChange={(e) => props.onChange(e.target.value)}>
        {[...new Set([current - 1, current, current + 1, shown])].sort((x, y) => x - y).map((fy) => (
          <option key={fy} value={fy}>
            {formatFiscalYear(fy, props.dateStyle)}
            {yearSuffix[fy - current] ?? ''}
          </option>
        ))}
      </select>
    </div>
  );
}
