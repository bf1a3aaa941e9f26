/**
 * DX推進アドバイザー /digital/advisors (policy IV-1 高度専門人材): the register of external experts advising the DX推進本部
 * with their contract periods — current contracts first, then upcoming and past. HR registers and changes them and
 * alone sees contact details.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { advisorStatusLabels } from '../../../domain/digital/dx-structure.js';
import type { DxAdvisor } from '../../../domain/digital/digital-api.js';
import { useDxAdvisors, useSaveDxAdvisor } from './digital.queries.js';
import './digital.css';

const title = 'DX推進アドバイザー';

export function AdvisorsPage() {
  const dates = useDates();
  const advisors = useDxAdvisors();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<DxAdvisor | null>(null);
  const data = advisors.data;
  const caption = `DX推進アドバイザー ${data?.items.length ?? 0} 人(${data ? dates.date(data.asOf) : ''}時点の契約状況)`;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">DX推進本部に助言を行う外部の専門家(高度専門人材)です。契約中・契約予定・契約終了の順に表示します。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={advisors.error} title="名簿を読み込めませんでした。" />
      {advisors.isPending ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>アドバイザーはまだ登録されていません。</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="digital-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">所属</th>
                <th scope="col">専門分野</th>
                <th scope="col">契約期間</th>
                <th scope="col">状況</th>
                {data.canManage ? <th scope="col">連絡先・備考</th> : null}
                {data.canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.organisation || '—'}</td>
                  <td>{a.expertise || '—'}</td>
                  <td>{dates.period(a.contractStartsOn, a.contractEndsOn)}</td>
                  <td>{advisorStatusLabels[a.status]}</td>
                  {data.canManage ? (
                    <td>
                      {a.contact || '—'}
                      {a.note ? <span className="digital-description">{a.note}</span> : null}
                    </td>
                  ) : null}
                  {data.canManage ? (
                    <td>
                      <button type="button" className="button--small" onClick={() => setEditing(a)}>
                        変更<span className="visually-hidden">({a.name})</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.canManage ? <AdvisorForm key={editing?.id ?? 'new'} editing={editing} onDone={(m) => { setEditing(null); setMessage(m); }} /> : null}
    </>
  );
}

function AdvisorForm({ editing, onDone }: { editing: DxAdvisor | null; onDone: (m: string) => void }) {
  const id = useId();
  const save = useSaveDxAdvisor();
  const [v, setV] = useState({
    name: editing?.name ?? '',
    organisation: editing?.organisation ?? '',
    expertise: editing?.expertise ?? '',
    contractStartsOn: editing?.contractStartsOn ?? '',
    contractEndsOn: editing?.contractEndsOn ?? '',
    contact: editing?.contact ?? '',
    note: editing?.note ?? '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: editing?.id ?? null, version: editing?.version ?? 0, ...v, contractEndsOn: v.contractEndsOn === '' ? null : v.contractEndsOn },
      { onSuccess: () => onDone(editing ? `${v.name}さんの記録を変更しました。` : `${v.name}さんを登録しました。`) },
    );
  };
  const fields: Array<[keyof typeof v, string, string]> = [
    ['name', '氏名', 'text'],
    ['organisation', '所属', 'text'],
    ['expertise', '専門分野', 'text'],
    ['contractStartsOn', '契約開始日', 'date'],
    ['contractEndsOn', '契約終了日', 'date'],
    ['contact', '連絡先', 'text'],
    ['note', '備考', 'text'],
  ];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? `${editing.name}さんの記録の変更` : 'アドバイザーの登録'}</h2>
      <ErrorAlert error={save.error} title="保存できませんでした。" />
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {fields.map(([key, label, type]) => (
            <div key={key} className={type === 'date' ? 'field' : 'field field--grow'}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <input id={`${id}-${key}`} type={type} value={v[key]} onChange={set(key)} />
            </div>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            {editing ? '変更を保存' : '登録する'}
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
