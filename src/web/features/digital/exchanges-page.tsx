/**
 * 自治体間のデジタル人材の交流 /digital/exchanges (policy IV-2-(10)): programmes with other municipalities — partner,
 * direction, dates, summary, outcome — and who took part (our staff, or visitors by name). HR records them.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { exchangeDirectionLabels, exchangeDirections, type ExchangeDirection } from '../../../domain/digital/dx-structure.js';
import type { ExchangeProgramme } from '../../../domain/digital/digital-api.js';
import { useExchanges, useSaveExchange } from './digital.queries.js';
import './digital.css';

const title = '自治体間のデジタル人材の交流';

type DraftParticipant = { key: string; staffId: number | null; name: string; externalName: string | null; note: string };

export function ExchangesPage() {
  const dates = useDates();
  const exchanges = useExchanges();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<ExchangeProgramme | null>(null);
  const data = exchanges.data;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">他の地方自治体と連携したデジタル人材の交流プログラムの記録です(人材育成・確保基本方針 IV-2-(10))。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={exchanges.error} title="交流プログラムを読み込めませんでした。" />
      {exchanges.isPending ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>交流プログラムの記録はまだありません。</p> : null}
      {data?.items.map((p) => (
        <section key={p.id} className="panel digital-body" aria-labelledby={`exchange-${p.id}`}>
          <h2 id={`exchange-${p.id}`}>{p.title}</h2>
          <dl className="digital-facts">
            <dt>相手の自治体</dt>
            <dd>{p.partnerMunicipality}</dd>
            <dt>交流の形</dt>
            <dd>{exchangeDirectionLabels[p.direction]}</dd>
            <dt>期間</dt>
            <dd>{dates.period(p.startsOn, p.endsOn)}</dd>
            <dt>概要</dt>
            <dd>{p.summary || '—'}</dd>
            <dt>成果</dt>
            <dd>{p.outcome || '—'}</dd>
            <dt>参加者</dt>
            <dd>
              {p.participants.length === 0 ? (
                '—'
              ) : (
                <ul className="digital-list">
                  {p.participants.map((x) => (
                    <li key={x.id}>
                      {x.name}
                      {x.isOurStaff ? `(当市・${x.employeeNumber ?? ''})` : '(相手方)'}
                      {x.note ? ` ${x.note}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {data.canManage ? (
            <button type="button" className="button--small" onClick={() => setEditing(p)}>
              変更<span className="visually-hidden">({p.title})</span>
            </button>
          ) : null}
        </section>
      ))}
      {data?.canManage ? <ExchangeForm key={editing?.id ?? 'new'} editing={editing} onDone={(m) => { setEditing(null); setMessage(m); }} /> : null}
    </>
  );
}

function ExchangeForm({ editing, onDone }: { editing: ExchangeProgramme | null; onDone: (m: string) => void }) {
  const id = useId();
  const save = useSaveExchange();
  const [v, setV] = useState({
    partnerMunicipality: editing?.partnerMunicipality ?? '',
    title: editing?.title ?? '',
    startsOn: editing?.startsOn ?? '',
    endsOn: editing?.endsOn ?? '',
    summary: editing?.summary ?? '',
    outcome: editing?.outcome ?? '',
  });
  const [direction, setDirection] = useState<ExchangeDirection>(editing?.direction ?? 'outgoing');
  const [participants, setParticipants] = useState<DraftParticipant[]>(
    (editing?.participants ?? []).map((p) => ({ key: `p${p.id}`, staffId: p.staffId, name: p.name, externalName: p.isOurStaff ? null : p.name, note: p.note })),
  );
  const [picked, setPicked] = useState<PickedStaff | null>(null);
  const [visitor, setVisitor] = useState('');
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: editing?.id ?? null,
        version: editing?.version ?? 0,
        ...v,
        direction,
        participants: participants.map((p) => ({ staffId: p.staffId, externalName: p.staffId === null ? p.externalName : null, note: p.note })),
      },
      { onSuccess: () => onDone(editing ? `「${v.title}」を変更しました。` : `「${v.title}」を記録しました。`) },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? `「${editing.title}」の変更` : '交流プログラムの記録'}</h2>
      <ErrorAlert error={save.error} title="保存できませんでした。" />
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field field--grow">
            <label htmlFor={`${id}-partner`}>相手の自治体</label>
            <input id={`${id}-partner`} value={v.partnerMunicipality} maxLength={100} onChange={set('partnerMunicipality')} />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-title-input`}>名称</label>
            <input id={`${id}-title-input`} value={v.title} maxLength={200} onChange={set('title')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-direction`}>交流の形</label>
            <select id={`${id}-direction`} value={direction} onChange={(e) => setDirection(e.target.value as ExchangeDirection)}>
              {exchangeDirections.map((d) => (
                <option key={d} value={d}>
                  {exchangeDirectionLabels[d]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>開始日</label>
            <input id={`${id}-starts`} type="date" value={v.startsOn} onChange={set('startsOn')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>終了日</label>
            <input id={`${id}-ends`} type="date" value={v.endsOn} onChange={set('endsOn')} />
          </div>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-summary`}>概要</label>
          <textarea id={`${id}-summary`} rows={3} value={v.summary} maxLength={4000} onChange={set('summary')} />
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-outcome`}>成果</label>
          <textarea id={`${id}-outcome`} rows={3} value={v.outcome} maxLength={4000} onChange={set('outcome')} />
        </div>
        <fieldset>
          <legend>参加者</legend>
          {participants.length > 0 ? (
            <ul className="digital-list">
              {participants.map((p) => (
                <li key={p.key}>
                  {p.name}
                  {p.staffId === null ? '(相手方)' : '(当市)'}{' '}
                  <button type="button" className="button--small" onClick={() => setParticipants(participants.filter((x) => x.key !== p.key))}>
                    外す<span className="visually-hidden">({p.name})</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>参加者はまだいません。</p>
          )}
          <StaffPicker label="参加した当市の職員" value={picked} onChange={setPicked} />
          <button
            type="button"
            className="button--secondary"
            disabled={!picked || participants.some((p) => p.staffId === picked.id)}
            onClick={() => {
              if (!picked) return;
              setParticipants([...participants, { key: `s${picked.id}`, staffId: picked.id, name: picked.name, externalName: null, note: '' }]);
              setPicked(null);
            }}
          >
            職員を参加者に加える
          </button>
          <div className="field">
            <label htmlFor={`${id}-visitor`}>相手方の参加者の氏名</label>
            <input id={`${id}-visitor`} value={visitor} maxLength={100} onChange={(e) => setVisitor(e.target.value)} />
          </div>
          <button
            type="button"
            className="button--secondary"
            disabled={visitor.trim() === ''}
            onClick={() => {
              setParticipants([...participants, { key: `v${Date.now()}`, staffId: null, name: visitor.trim(), externalName: visitor.trim(), note: '' }]);
              setVisitor('');
            }}
          >
            相手方の参加者を加える
          </button>
        </fieldset>
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
