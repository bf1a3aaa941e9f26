/**
 * The 研修時間 of a session in the plan's table: the hours HR entered, or 「標準」 (days × the standard hours per day of
 * the report settings); those who manage the plan change them in place (PUT /api/training/sessions/{id} with the
 * session as read, so a stale version is refused).
 */
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import { messageOf } from '../../components/page.js';
import type { PlanSession } from '../../../domain/training/training-api.js';

function useSaveSessionHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ session, hours }: { session: PlanSession; hours: number | null }) =>
      api.put<PlanSession>(`/api/training/sessions/${session.id}`, {
        courseId: session.course.id,
        fiscalYear: session.fiscalYear,
        startsOn: session.startsOn,
        endsOn: session.endsOn,
        place: session.place,
        capacity: session.capacity,
        lecturer: session.lecturer,
        note: session.note,
        hours,
        version: session.version,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}

const hoursLabel = (hours: number | null | undefined) => (hours === null || hours === undefined ? '標準' : `${hours} 時間`);

export function SessionHoursCell({ session, canManage, name, onMessage }: { session: PlanSession; canManage: boolean; name: string; onMessage: (m: string) => void }) {
  const id = useId();
  const save = useSaveSessionHours();
  const [isEditing, setEditing] = useState(false);
  const [value, setValue] = useState(session.hours === null || session.hours === undefined ? '' : String(session.hours));
  const [error, setError] = useState('');
  if (!canManage || !isEditing) {
    return (
      <td>
        {hoursLabel(session.hours)}
        {canManage ? (
          <button type="button" className="button--secondary button--small" onClick={() => setEditing(true)}>
            変更<span className="visually-hidden">({name}の研修時間)</span>
          </button>
        ) : null}
      </td>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hours = value.trim() === '' ? null : Number(value);
    if (hours !== null && (!Number.isFinite(hours) || hours < 0)) {
      setError('研修時間は0以上の数値で入力してください');
      return;
    }
    setError('');
    save.mutate(
      { session, hours },
      {
        onSuccess: () => {
          setEditing(false);
          onMessage(`${name}の研修時間を${hoursLabel(hours)}にしました。`);
        },
      },
    );
  };
  return (
    <td>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-hours`} className="visually-hidden">
          {name}の研修時間(時間。空欄は標準)
        </label>
        <input
          id={`${id}-hours`}
          type="number"
          min={0}
          step={0.25}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={error || save.error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button--primary button--small" disabled={save.isPending}>
          保存<span className="visually-hidden">({name}の研修時間)</span>
        </button>
        <button type="button" className="button--secondary button--small" onClick={() => setEditing(false)}>
          取消し<span className="visually-hidden">({name}の研修時間の変更)</span>
        </button>
        {error || save.error ? (
          <span id={`${id}-error`} className="training-field-error" role="alert">
            {error || messageOf(save.error)}
          </span>
        ) : null}
      </form>
    </td>
  );
}
