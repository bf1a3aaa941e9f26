/**
 * DX推進リーダー /digital/leaders (policy IV-1): on a chosen date, every 課 with its leader or the gap (no leader, or
 * the leader has been transferred out); HR appoints a leader for a 課 (one at a time) and ends an appointment.
 */
import { useId, useState, type FormEvent } from 'react';
import { EndPeriodCell } from './end-period-cell.js';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { coverageStatusLabels, type CoverageRow } from '../../../domain/digital/dx-structure.js';
import type { DxLeaderCoverage } from '../../../domain/digital/digital-api.js';
import { useAppointDxLeader, useDxLeaders, useEndDxLeader } from './digital.queries.js';
import './digital.css';

const title = 'DX推進リーダー';

export function LeadersPage() {
  const id = useId();
  const [asOf, setAsOf] = useState(todayInJapan());
  const [message, setMessage] = useState('');
  const [chosenUnit, setChosenUnit] = useState<number | null>(null);
  const coverage = useDxLeaders(asOf);
  const data = coverage.data;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        DX推進リーダーは各課に1人、所属のDXの取組をリードし、DX推進本部やベンダーと業務担当の職員との橋渡しをします(人材育成・確保基本方針 IV-1)。基準日の課ごとの配置状況です。リーダーが異動して課を離れた場合も「リーダーが異動」として未配置に数えます。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <div className="digital-toolbar">
        <div className="field field--inline">
          <label htmlFor={`${id}-asof`}>基準日</label>
          <input id={`${id}-asof`} type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </div>
      </div>
      <ErrorAlert error={coverage.error} title="配置状況を読み込めませんでした。" />
      {coverage.isPending ? <Loading /> : null}
      {data ? (
        <>
          <CoverageTable data={data} onAppoint={data.canManage ? setChosenUnit : null} />
          {data.canManage ? <AppointForm key={chosenUnit ?? 'none'} data={data} unitId={chosenUnit} onDone={(m) => { setMessage(m); setChosenUnit(null); }} /> : null}
          <AppointmentList data={data} onMessage={setMessage} />
        </>
      ) : null}
    </>
  );
}

function CoverageTable({ data, onAppoint }: { data: DxLeaderCoverage; onAppoint: ((unitId: number) => void) | null }) {
  const dates = useDates();
  const caption = `${dates.date(data.asOf)}時点の課ごとのDX推進リーダー(未配置 ${data.gapCount} 課 / ${data.rows.length} 課)`;
  return (
    <section className="panel" aria-labelledby="digital-coverage">
      <h2 id="digital-coverage">配置状況</h2>
      <p>
        {data.gapCount === 0 ? 'すべての課にDX推進リーダーがいます。' : `DX推進リーダーのいない課が ${data.gapCount} 課あります。`}
      </p>
      <div className="table-wrap" {...scrollRegion(caption)}>
        <table className="digital-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">課</th>
              <th scope="col">状況</th>
              <th scope="col">DX推進リーダー</th>
              <th scope="col">期間</th>
              {onAppoint ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row: CoverageRow) => (
              <tr key={row.unitId} className={row.status === 'covered' ? undefined : 'digital-gap'}>
                <th scope="row">
                  {row.unitName}
                  <span className="digital-description">{row.unitPath}</span>
                </th>
                <td className={`digital-status--${row.status}`}>{coverageStatusLabels[row.status]}</td>
                <td>
                  {row.leader ? row.leader.name : '—'}
                  {row.status === 'leader-moved' && row.leader ? <span className="digital-description">現在の所属: {row.leader.currentUnitName ?? '所属なし'}</span> : null}
                </td>
                <td>{row.leader ? dates.period(row.leader.startsOn, row.leader.endsOn) : '—'}</td>
                {onAppoint ? (
                  <td>
                    {row.status === 'covered' ? (
                      '—'
                    ) : (
                      <button type="button" className="button--small" onClick={() => onAppoint(row.unitId)}>
                        リーダーを指名<span className="visually-hidden">({row.unitName})</span>
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AppointForm({ data, unitId, onDone }: { data: DxLeaderCoverage; unitId: number | null; onDone: (m: string) => void }) {
  const id = useId();
  const appoint = useAppointDxLeader();
  const [unit, setUnit] = useState<string>(unitId === null ? '' : String(unitId));
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [startsOn, setStartsOn] = useState(data.asOf);
  const [endsOn, setEndsOn] = useState('');
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unit === '' || person === null) {
      setProblem('課と職員を選んでください。');
      return;
    }
    setProblem('');
    const unitName = data.rows.find((r) => r.unitId === Number(unit))?.unitName ?? '';
    appoint.mutate(
      { unitId: Number(unit), staffId: person.id, startsOn, endsOn: endsOn === '' ? null : endsOn },
      { onSuccess: () => onDone(`${unitName}のDX推進リーダーに${person.name}さんを指名しました。`) },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>DX推進リーダーの指名</h2>
      {problem ? (
        <div role="alert" className="alert alert--error">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorAlert error={appoint.error} title="指名できませんでした。" />
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-unit`}>課</label>
            <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
              <option value="">選んでください</option>
              {data.rows.map((r) => (
                <option key={r.unitId} value={r.unitId}>
                  {r.unitName}
                  {r.status === 'covered' ? '' : '(未配置)'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>開始日</label>
            <input id={`${id}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>終了日</label>
            <input id={`${id}-ends`} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </div>
        </div>
        <StaffPicker label="リーダーにする職員" value={person} onChange={setPerson} />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={appoint.isPending}>
            指名する
          </button>
        </div>
      </form>
    </section>
  );
}

function AppointmentList({ data, onMessage }: { data: DxLeaderCoverage; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const end = useEndDxLeader();
  if (data.leaders.length === 0) return null;
  const caption = `DX推進リーダーの指名の記録 ${data.leaders.length} 件`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>指名の記録</h2>
      <ErrorAlert error={end.error} title="終了日を登録できませんでした。" />
      <div className="table-wrap" {...scrollRegion(caption)}>
        <table className="digital-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">課</th>
              <th scope="col">職員</th>
              <th scope="col">期間</th>
              {data.canManage ? <th scope="col">終了日の登録</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.leaders.map((l) => {
              const label = `${l.unitName}の${l.name}`;
              return (
                <tr key={l.id}>
                  <td>{l.unitName}</td>
                  <th scope="row">
                    {l.name}
                    <span className="digital-description">{l.employeeNumber}</span>
                  </th>
                  <td>{dates.period(l.startsOn, l.endsOn)}</td>
                  {data.canManage ? (
                    <EndPeriodCell label={label} isOpen={l.endsOn === null} isPending={end.isPending} onEnd={(endsOn) => end.mutate({ id: l.id, endsOn }, { onSuccess: () => onMessage(`${label}の終了日を登録しました。`) })} />
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
