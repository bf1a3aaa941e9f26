/**
 * Pick one staff member by name, kana or employee number (GET /api/staff, first 10 matches).
 * Shared by the account and relation screens, which both start from "which person?".
 */
import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../app/api-client.js';
import { useDebounced } from '../app/use-debounced.js';
import { ErrorAlert } from './page.js';

export type PickedStaff = { id: number; employeeNumber: string; name: string; unitName: string | null };

type StaffLookupItem = { id: number; employeeNumber: string; name: string; kana: string; unitName: string | null; positionName: string | null };
type StaffLookupPage = { total: number; items: StaffLookupItem[] };

export function StaffPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: PickedStaff | null;
  onChange: (staff: PickedStaff | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const lookup = useQuery({
    queryKey: ['staff-picker', q],
    queryFn: ({ signal }) => api.get<StaffLookupPage>(withQuery('/api/staff', { q, pageSize: 10, page: 1 }), { signal }),
    enabled: q.length > 0 && value === null,
    placeholderData: keepPreviousData,
  });

  if (value) {
    return (
      <div className="picker picker--chosen">
        <span className="picker__label" id={`${id}-label`}>
          {label}
        </span>
        <p aria-labelledby={`${id}-label`} className="picker__value">
          {value.name}(職員番号 {value.employeeNumber}
          {value.unitName ? `・${value.unitName}` : ''})
        </p>
        <button type="button" className="button--secondary" onClick={() => onChange(null)}>
          {label}を選び直す
        </button>
      </div>
    );
  }

  const items = q.length > 0 ? (lookup.data?.items ?? []) : [];
  return (
    <div className="picker">
      <label htmlFor={`${id}-q`}>{label}(氏名・カナ・職員番号で検索)</label>
      <input id={`${id}-q`} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      <ErrorAlert error={lookup.error} />
      <p className="visually-hidden" aria-live="polite">
        {q.length > 0 && lookup.data ? `候補 ${lookup.data.total} 件` : ''}
      </p>
      {items.length > 0 ? (
        <ul className="picker__results" aria-label={`${label}の候補`}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="button--link"
                onClick={() => {
                  onChange({ id: item.id, employeeNumber: item.employeeNumber, name: item.name, unitName: item.unitName });
                  setText('');
                }}
              >
                {item.name}({item.kana})職員番号 {item.employeeNumber}
                {item.unitName ? `・${item.unitName}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : q.length > 0 && lookup.data && !lookup.isFetching ? (
        <p className="hint">該当する職員はいません。</p>
      ) : null}
    </div>
  );
}
