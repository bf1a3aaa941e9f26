/**
 * 休業・休職 on the profile (inside the protected panel: a sickness period is sensitive): the periods, and for HR a
 * form to add one, record its end, or remove one entered by mistake.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, StatusMessage } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { leaveKindLabels, leaveKinds, type LeaveKind, type StaffLeave } from '../../../domain/org/leaves.js';
import { useRemoveLeave, useSaveLeave } from './org.queries.js';

const fieldLabels: Record<string, string> = { kind: '種類', startsOn: '開始日', endsOn: '終了日', note: '備考' };

export function StaffLeaves({ staffId, leaves, canEdit }: { staffId: number; leaves: readonly StaffLeave[]; canEdit: boolean }) {
  const dates = useDates();
  const htmlId = useId();
  const save = useSaveLeave(staffId);
  const remove = useRemoveLeave(staffId);
  const [editing, setEditing] = useState<StaffLeave | 'new' | null>(null);
  const [message, setMessage] = useState('');
  return (
    <div className="staff-leaves">
      <h3 id={`${htmlId}-title`}>休業・休職</h3>
      <StatusMessage>{message}</StatusMessage>
      {leaves.length === 0 ? (
        <p>記録はありません。</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">休業・休職の期間</caption>
          <thead>
            <tr>
              <th scope="col">種類</th>
              <th scope="col">期間</th>
              <th scope="col">備考</th>
              {canEdit ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {leaves.map((l) => (
              <tr key={l.id}>
                <th scope="row">{leaveKindLabels[l.kind]}</th>
                <td>
                  {dates.date(l.startsOn)}〜{l.endsOn ? dates.date(l.endsOn) : '(休業中)'}
                </td>
                <td>{l.note || '—'}</td>
                {canEdit ? (
                  <td>
                    <button type="button" className="button--small" onClick={() => setEditing(l)}>
                      訂正<span className="visually-hidden">({leaveKindLabels[l.kind]} {l.startsOn})</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button--danger button--small"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (!window.confirm('この期間を削除しますか。')) return;
                        remove.mutate(l.id, { onSuccess: () => setMessage('削除しました。') });
                      }}
                    >
                      削除<span className="visually-hidden">({leaveKindLabels[l.kind]} {l.startsOn})</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.isError ? <ErrorAlert error={remove.error} title="削除できませんでした。" /> : null}
      {canEdit && editing === null ? (
        <button type="button" className="button--secondary" onClick={() => { setMessage(''); setEditing('new'); }}>
          休業・休職を登録
        </button>
      ) : null}
      {canEdit && editing !== null ? (
        <LeaveForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          pending={save.isPending}
          error={save.error}
          onCancel={() => { save.reset(); setEditing(null); }}
          onSubmit={(leave) =>
            save.mutate(
              { id: editing === 'new' ? null : editing.id, leave },
              { onSuccess: () => { setEditing(null); setMessage(editing === 'new' ? '登録しました。' : '訂正しました。'); } },
            )
          }
        />
      ) : null}
    </div>
  );
}

function LeaveForm({
  initial,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  initial: StaffLeave | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (leave: { kind: LeaveKind; startsOn: string; endsOn: string | null; note: string }) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<LeaveKind>(initial?.kind ?? 'childcare');
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const errors = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind, startsOn, endsOn: endsOn === '' ? null : endsOn, note });
  };
  const described = (field: string) => (messagesAt(errors, field).length > 0 ? `${id}-${field}-error` : undefined);
  const fieldError = (field: string) =>
    messagesAt(errors, field).length > 0 ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {messagesAt(errors, field).join(' ')}
      </span>
    ) : null;
  return (
    <form className="panel" onSubmit={submit} aria-label={initial ? '休業・休職の訂正' : '休業・休職の登録'}>
      <FieldErrorSummary errors={errors} labelOf={(path) => fieldLabels[path] ?? ''} />
      {error && errors.length === 0 ? <ErrorAlert error={error} title="保存できませんでした。" /> : null}
      <div className="field">
        <label htmlFor={`${id}-kind`}>種類</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as LeaveKind)}>
          {leaveKinds.map((k) => (
            <option key={k} value={k}>
              {leaveKindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-startsOn`}>開始日</label>
        <input id={`${id}-startsOn`} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} aria-describedby={described('startsOn')} />
        {fieldError('startsOn')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-endsOn`}>終了日(最終日。休業中は空欄)</label>
        <input id={`${id}-endsOn`} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} aria-describedby={described('endsOn')} />
        {fieldError('endsOn')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>備考</label>
        <input id={`${id}-note`} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {initial ? '訂正する' : '登録する'}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          取り消す
        </button>
      </div>
    </form>
  );
}
