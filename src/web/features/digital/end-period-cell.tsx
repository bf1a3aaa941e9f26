/** The 操作 cell of a membership or leadership row: an end date and 終了 while the period is open, — afterwards. */
import { useState } from 'react';

export function EndPeriodCell({
  label,
  isOpen,
  isPending,
  onEnd,
}: {
  /** whose period, e.g. 「田中 一郎(市民課)」; used in the accessible names */
  label: string;
  isOpen: boolean;
  isPending: boolean;
  onEnd: (endsOn: string) => void;
}) {
  const [endsOn, setEndsOn] = useState('');
  return (
    <td className="digital-actions">
      {isOpen ? (
        <>
          <input type="date" aria-label={`${label}の終了日`} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />{' '}
          <button type="button" className="button--small" disabled={isPending || endsOn === ''} onClick={() => onEnd(endsOn)}>
            終了<span className="visually-hidden">({label})</span>
          </button>
        </>
      ) : (
        '—'
      )}
    </td>
  );
}
