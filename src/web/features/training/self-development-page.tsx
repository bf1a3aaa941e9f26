/**
 * 自己啓発 /training/self-development: one's own records (e-ラーニング・通信教育・その他) with the form to add or change
 * them until confirmed, and for supervisors and HR the records waiting for their confirmation (確認待ち).
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import {
  isEditableByOwner,
  selfDevelopmentKindLabels,
  selfDevelopmentStatusLabels,
  type SelfDevelopmentKind,
  type SelfDevelopmentRecord,
} from '../../../domain/training/self-development.js';
import { useDeleteSelfDevelopment, useMySelfDevelopment, usePendingSelfDevelopment, useReviewSelfDevelopment, useSaveSelfDevelopment } from './self-development.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '自己啓発';
// A study group's records are made from the group's activities (自主研修グループ の画面).
const formKinds: SelfDevelopmentKind[] = ['e-learning', 'correspondence', 'other'];

function Period({ record }: { record: Pick<SelfDevelopmentRecord, 'startedOn' | 'endedOn'> }) {
  const dates = useDates();
  return (
    <>
      {dates.date(record.startedOn)}
      {record.endedOn && record.endedOn !== record.startedOn ? ` 〜 ${dates.date(record.endedOn)}` : ''}
    </>
  );
}

export function SelfDevelopmentPage() {
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<SelfDevelopmentRecord | null>(null);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">e-ラーニング・通信教育などの自己啓発を記録します。上司(評価者)が確認した記録は、その期間の業績評価シートの「研修・自己啓発」に表示されます。</p>
      <StatusMessage>{message}</StatusMessage>
      <RecordForm key={editing?.id ?? 'new'} editing={editing} onDone={(m) => { setEditing(null); setMessage(m); }} />
      <MyRecords onEdit={setEditing} onMessage={setMessage} />
      <PendingReviews onMessage={setMessage} />
    </>
  );
}

function RecordForm({ editing, onDone }: { editing: SelfDevelopmentRecord | null; onDone: (message: string) => void }) {
  const id = useId();
  const save = useSaveSelfDevelopment();
  const reload = useReloadTraining();
  const [kind, setKind] = useState<SelfDevelopmentKind>(editing?.kind ?? 'e-learning');
  const [name, setName] = useState(editing?.title ?? '');
  const [startedOn, setStartedOn] = useState(editing?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(editing?.endedOn ?? '');
  const [hours, setHours] = useState(editing?.hours === null || editing === null ? '' : String(editing.hours));
  const [note, setNote] = useState(editing?.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: editing?.id ?? null,
        version: editing?.version ?? 0,
        kind,
        title: name,
        startedOn,
        endedOn: endedOn === '' ? null : endedOn,
        hours: hours === '' ? null : Number(hours),
        note,
      },
      { onSuccess: (r) => onDone(editing ? `「${r.title}」を変更しました。` : `「${r.title}」を記録しました。上司の確認を待っています。`) },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? `「${editing.title}」を変更` : '自己啓発を記録'}</h2>
      {isStaleSave(save.error) ? <ConflictAlert subject="自己啓発の記録" onReload={reload} /> : <ErrorAlert error={save.error} title="保存できませんでした。" />}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>種類</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SelfDevelopmentKind)}>
              {(editing?.kind === 'study-group' ? [...formKinds, 'study-group' as const] : formKinds).map((k) => (
                <option key={k} value={k}>
                  {selfDevelopmentKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-title-input`}>名称</label>
            <input id={`${id}-title-input`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-started`}>開始日</label>
            <input id={`${id}-started`} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ended`}>終了日</label>
            <input id={`${id}-ended`} type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-hours`}>時間数</label>
            <input id={`${id}-hours`} type="number" min={0} max={2000} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-note`}>備考</label>
            <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            {editing ? '変更を保存' : '記録する'}
          </button>
          {editing ? (
            <button type="button" onClick={() => onDone('変更をやめました。')}>
              やめる
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function MyRecords({ onEdit, onMessage }: { onEdit: (r: SelfDevelopmentRecord) => void; onMessage: (m: string) => void }) {
  const mine = useMySelfDevelopment();
  const remove = useDeleteSelfDevelopment();
  const reload = useReloadTraining();
  const items = mine.data?.items ?? [];
  const caption = `自分の自己啓発の記録 ${items.length} 件`;
  return (
    <section className="panel" aria-labelledby="self-development-mine">
      <h2 id="self-development-mine">自分の記録</h2>
      <ErrorAlert error={mine.error} title="記録を読み込めませんでした。" />
      {isStaleSave(remove.error) ? <ConflictAlert subject="自己啓発の記録" onReload={reload} /> : <ErrorAlert error={remove.error} title="削除できませんでした。" />}
      {mine.isPending ? <Loading /> : null}
      {mine.data && items.length === 0 ? <p>自己啓発の記録はありません。</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">種類</th>
                <th scope="col">名称</th>
                <th scope="col">期間</th>
                <th scope="col">時間数</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{selfDevelopmentKindLabels[r.kind]}</td>
                  <th scope="row">{r.title}</th>
                  <td>
                    <Period record={r} />
                  </td>
                  <td>{r.hours === null ? '—' : `${r.hours}時間`}</td>
                  <td>
                    {selfDevelopmentStatusLabels[r.status]}
                    {r.status === 'confirmed' && r.confirmedByName ? `(${r.confirmedByName})` : ''}
                    {r.reviewComment !== '' ? <span className="training-review-comment">上司のコメント: {r.reviewComment}</span> : null}
                  </td>
                  <td className="training-actions">
                    {isEditableByOwner(r.status) ? (
                      <>
                        <button type="button" className="button--small" onClick={() => onEdit(r)}>
                          変更<span className="visually-hidden">({r.title})</span>
                        </button>
                        <button
                          type="button"
                          className="button--danger button--small"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ id: r.id, version: r.version }, { onSuccess: () => onMessage(`「${r.title}」を削除しました。`) })}
                        >
                          削除<span className="visually-hidden">({r.title})</span>
                        </button>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function PendingReviews({ onMessage }: { onMessage: (m: string) => void }) {
  const id = useId();
  const pending = usePendingSelfDevelopment();
  const decide = useReviewSelfDevelopment();
  const reload = useReloadTraining();
  const [comment, setComment] = useState<Record<number, string>>({});
  const items = pending.data?.items ?? [];
  // Only supervisors and HR have anything here; others do not see the section at all.
  if (!pending.isPending && !pending.error && items.length === 0) return null;
  const caption = `確認待ちの記録 ${items.length} 件`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>確認待ち</h2>
      <p className="hint">評価者として担当する職員の自己啓発の記録です。差し戻すときは、コメントが本人に通知されます。</p>
      <ErrorAlert error={pending.error} title="確認待ちの記録を読み込めませんでした。" />
      {isStaleSave(decide.error) ? <ConflictAlert subject="自己啓発の記録" onReload={reload} /> : <ErrorAlert error={decide.error} title="処理できませんでした。" />}
      {pending.isPending ? <Loading /> : null}
      {items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">職員番号</th>
                <th scope="col">氏名</th>
                <th scope="col">種類</th>
                <th scope="col">名称</th>
                <th scope="col">期間</th>
                <th scope="col">時間数</th>
                <th scope="col">コメント</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const label = `${r.name}の「${r.title}」`;
                const run = (action: 'confirm' | 'return') =>
                  decide.mutate(
                    { staffId: r.staffId, id: r.id, action, version: r.version, comment: comment[r.id] ?? '' },
                    { onSuccess: () => onMessage(action === 'confirm' ? `${label}を確認しました。` : `${label}を差し戻しました。`) },
                  );
                return (
                  <tr key={r.id}>
                    <td>{r.employeeNumber}</td>
                    <th scope="row">{r.name}</th>
                    <td>{selfDevelopmentKindLabels[r.kind]}</td>
                    <td>{r.title}</td>
                    <td>
                      <Period record={r} />
                    </td>
                    <td>{r.hours === null ? '—' : `${r.hours}時間`}</td>
                    <td>
                      <input aria-label={`${label}へのコメント`} value={comment[r.id] ?? ''} onChange={(e) => setComment({ ...comment, [r.id]: e.target.value })} maxLength={1000} />
                    </td>
                    <td className="training-actions">
                      <button type="button" className="button--primary button--small" disabled={decide.isPending} onClick={() => run('confirm')}>
                        確認<span className="visually-hidden">({label})</span>
                      </button>
                      <button type="button" className="button--danger button--small" disabled={decide.isPending} onClick={() => run('return')}>
                        差戻し<span className="visually-hidden">({label})</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
