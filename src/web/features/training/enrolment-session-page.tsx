/**
 * 研修の受講者 /training/sessions/:id: a session's roster (受講者名簿) with seats and the waiting list. HR and the
 * training officer designate people (指定), enrol the must-attend list, record attendance (出席・修了・欠席, with an
 * outside course's certificate) and cancel; a unit head recommends members of their units (所属推薦) and sees them.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { attendanceStatuses, enrolmentRouteLabels, enrolmentStatusLabels, type AttendanceStatus } from '../../../domain/training/enrolment.js';
import type { EnrolmentView, SessionRoster } from '../../../domain/training/enrolment-api.js';
import { useCancel, useEnrolTargets, useNominate, useRecordAttendance, useRoster } from './enrolment.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '研修の受講者';

export function EnrolmentSessionPage() {
  const params = useParams();
  const sessionId = Number(params.id);
  const roster = useRoster(sessionId);
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to="/training/plan">研修計画に戻る</Link>
        {roster.data?.canManage ? (
          <>
            {' ・ '}
            <Link to={`/training/sessions/${sessionId}/joint`}>合同研修の参加者(他自治体)</Link>
          </>
        ) : null}
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={roster.error} title="受講者名簿を読み込めませんでした。" />
      {roster.isPending ? <Loading /> : null}
      {roster.data ? <SessionRosterView roster={roster.data} onMessage={setMessage} /> : null}
    </>
  );
}

function SessionRosterView({ roster, onMessage }: { roster: SessionRoster; onMessage: (m: string) => void }) {
  const dates = useDates();
  const s = roster.session;
  return (
    <>
      <section className="panel" aria-labelledby="session-summary">
        <h2 id="session-summary">{s.course.title}</h2>
        <dl className="training-facts">
          <dt>日程</dt>
          <dd>{s.startsOn === s.endsOn ? dates.date(s.startsOn) : `${dates.date(s.startsOn)} 〜 ${dates.date(s.endsOn)}`}</dd>
          <dt>会場</dt>
          <dd>{s.place || '—'}</dd>
          <dt>定員</dt>
          <dd>{s.capacity === null ? '制限なし' : `${s.capacity} 人`}</dd>
          <dt>受講決定</dt>
          <dd>{roster.seatsTaken} 人</dd>
          <dt>キャンセル待ち</dt>
          <dd>{roster.waitlistLength} 人</dd>
        </dl>
      </section>
      {roster.canManage || roster.canRecommend ? <NominationForm roster={roster} onMessage={onMessage} /> : null}
      <RosterTable roster={roster} onMessage={onMessage} />
    </>
  );
}

function NominationForm({ roster, onMessage }: { roster: SessionRoster; onMessage: (m: string) => void }) {
  const id = useId();
  const nominate = useNominate(roster.session.id);
  const enrolTargets = useEnrolTargets(roster.session.id);
  const [picked, setPicked] = useState<PickedStaff | null>(null);
  const [route, setRoute] = useState<'designation' | 'unit-recommendation'>(roster.canManage ? 'designation' : 'unit-recommendation');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    nominate.mutate(
      { route, staffIds: [picked.id], note },
      {
        onSuccess: (r) => {
          onMessage(r.added.length > 0 ? `${picked.name}を${enrolmentRouteLabels[route]}で追加しました(${enrolmentStatusLabels[r.added[0]!.status]})。` : `${picked.name}は既に名簿にいます。`);
          setPicked(null);
          setNote('');
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>受講者を追加</h2>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={nominate.error} title="追加できませんでした。" />
        {roster.canManage && roster.canRecommend ? (
          <fieldset className="training-checkboxes">
            <legend>決め方</legend>
            <label>
              <input type="radio" name={`${id}-route`} checked={route === 'designation'} onChange={() => setRoute('designation')} /> 指定
            </label>{' '}
            <label>
              <input type="radio" name={`${id}-route`} checked={route === 'unit-recommendation'} onChange={() => setRoute('unit-recommendation')} /> 所属推薦
            </label>
          </fieldset>
        ) : (
          <p className="hint">{roster.canManage ? '人事が受講者を指定します。' : '所属の職員を推薦します。'}</p>
        )}
        <StaffPicker label="職員" value={picked} onChange={setPicked} />
        <div className="field">
          <label htmlFor={`${id}-note`}>理由・備考</label>
          <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={!picked || nominate.isPending}>
            {route === 'designation' ? '指定する' : '推薦する'}
          </button>
        </div>
      </form>
      {roster.canManage && roster.session.hasAutomaticTargets ? (
        <div className="form-actions">
          <ErrorAlert error={enrolTargets.error} title="登録できませんでした。" />
          <button
            type="button"
            className="button--secondary"
            disabled={enrolTargets.isPending}
            onClick={() =>
              enrolTargets.mutate(undefined, {
                onSuccess: (r) => onMessage(`受講対象者 ${r.added.length} 人を登録しました(既に名簿にいた ${r.alreadyOn.length} 人を除く)。`),
              })
            }
          >
            受講対象者をまとめて登録
          </button>
        </div>
      ) : null}
    </section>
  );
}

function RosterTable({ roster, onMessage }: { roster: SessionRoster; onMessage: (m: string) => void }) {
  const reload = useReloadTraining();
  const decide = useCancel();
  const attendance = useRecordAttendance();
  const stale = isStaleSave(decide.error) || isStaleSave(attendance.error);
  const caption = `${roster.session.course.title}の受講者 ${roster.items.length} 人`;
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">受講者名簿</h2>
      {stale ? (
        <ConflictAlert subject="受講者名簿" onReload={reload} />
      ) : (
        <>
          <ErrorAlert error={decide.error} title="変更できませんでした。" />
          <ErrorAlert error={attendance.error} title="記録できませんでした。" />
        </>
      )}
      {roster.items.length === 0 ? (
        <p>受講者はまだいません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">職員番号</th>
                <th scope="col">氏名</th>
                <th scope="col">所属</th>
                <th scope="col">決め方</th>
                <th scope="col">状況</th>
                <th scope="col">理由・備考</th>
                {roster.canManage ? <th scope="col">出欠・操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {roster.items.map((e) => (
                <tr key={e.id}>
                  <td>{e.employeeNumber}</td>
                  <th scope="row">{e.name}</th>
                  <td>{e.unitName ?? '—'}</td>
                  <td>{enrolmentRouteLabels[e.route]}</td>
                  <td>
                    {enrolmentStatusLabels[e.status]}
                    {e.waitlistPosition !== null ? `(${e.waitlistPosition}番目)` : ''}
                  </td>
                  <td className="training-reason">{e.note || '—'}</td>
                  {roster.canManage ? (
                    <td className="training-actions">
                      <AttendanceControl
                        enrolment={e}
                        isExternal={roster.isExternal}
                        pending={attendance.isPending}
                        onRecord={(status, certificate) =>
                          attendance.mutate(
                            { id: e.id, version: e.version, status, certificate },
                            { onSuccess: () => onMessage(`${e.name}を「${enrolmentStatusLabels[status]}」にしました。`) },
                          )
                        }
                      />
                      {e.status === 'applied' || e.status === 'enrolled' || e.status === 'waitlisted' ? (
                        <button
                          type="button"
                          className="button--danger button--small"
                          disabled={decide.isPending}
                          onClick={() => {
                            if (!window.confirm(`${e.name}の受講を取り消しますか？`)) return;
                            decide.mutate({ id: e.id, version: e.version, note: e.note }, { onSuccess: () => onMessage(`${e.name}の受講を取り消しました。`) });
                          }}
                        >
                          取消<span className="visually-hidden">({e.name})</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const canRecordAttendance = (e: EnrolmentView) => e.status === 'enrolled' || e.status === 'attended' || e.status === 'completed' || e.status === 'absent';

function AttendanceControl({
  enrolment,
  isExternal,
  pending,
  onRecord,
}: {
  enrolment: EnrolmentView;
  isExternal: boolean;
  pending: boolean;
  onRecord: (status: AttendanceStatus, certificate: string | null) => void;
}) {
  const id = useId();
  const initial = attendanceStatuses.find((s) => s === enrolment.status) ?? 'attended';
  const [status, setStatus] = useState<AttendanceStatus>(initial);
  const [certificate, setCertificate] = useState(enrolment.certificate ?? '');
  if (!canRecordAttendance(enrolment)) return null;
  return (
    <span className="training-attendance">
      <label className="visually-hidden" htmlFor={`${id}-status`}>
        {enrolment.name}の出欠
      </label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as AttendanceStatus)}>
        {attendanceStatuses.map((s) => (
          <option key={s} value={s}>
            {enrolmentStatusLabels[s]}
          </option>
        ))}
      </select>
      {isExternal ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-cert`}>
            {enrolment.name}の修了証
          </label>
          <input id={`${id}-cert`} placeholder="修了証の内容" value={certificate} maxLength={500} onChange={(e) => setCertificate(e.target.value)} />
        </>
      ) : null}
      <button type="button" className="button--secondary button--small" disabled={pending} onClick={() => onRecord(status, isExternal && certificate.trim() ? certificate.trim() : null)}>
        記録<span className="visually-hidden">({enrolment.name}の出欠)</span>
      </button>
    </span>
  );
}
