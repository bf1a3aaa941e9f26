/**
 * The fields of something granted for a period with a reason — a role grant on the account screen, a manual
 * evaluator or confirmer on the relations screen: 開始日, 終了日 (blank = open-ended), 理由.
 */
import { useId } from 'react';

/** 開始日 and 終了日 as two fields of the surrounding form grid. */
export function PeriodFields({
  startsOn,
  endsOn,
  onStartsOnChange,
  onEndsOnChange,
  isStartRequired = false,
}: {
  startsOn: string;
  endsOn: string;
  onStartsOnChange: (value: string) => void;
  onEndsOnChange: (value: string) => void;
  isStartRequired?: boolean;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-starts`}>開始日</label>
        <input id={`${id}-starts`} type="date" value={startsOn} onChange={(e) => onStartsOnChange(e.target.value)} required={isStartRequired} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-ends`}>終了日(空欄は期限なし)</label>
        <input id={`${id}-ends`} type="date" value={endsOn} onChange={(e) => onEndsOnChange(e.target.value)} />
      </div>
    </>
  );
}

/** 理由, up to 400 characters. */
export function ReasonField({ value, onChange, isRequired = false }: { value: string; onChange: (value: string) => void; isRequired?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-reason`}>理由</label>
      <textarea id={`${id}-reason`} rows={2} maxLength={400} value={value} onChange={(e) => onChange(e.target.value)} required={isRequired} />
    </div>
  );
}
