/**
 * 受講履歴 /training/my: the sessions a person may apply for (希望, their evaluator approves), their enrolments
 * with the status and waiting-list position, and — once attended — the 受講報告 with the short survey (and an
 * outside course's certificate).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { enrolmentRouteLabels, enrolmentStatusLabels, reportableStatuses } from '../../../domain/training/enrolment.js';
import type { EnrolmentWithSession } from '../../../domain/training/enrolment-api.js';
import type { PlanSession } from '../../../domain/training/training-api.js';
import { useApply, useCancel, useMyEnrolments, usePendingApprovals, useSaveReport } from './enrolment.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '受講履歴';

export function EnrolmentMyPage() {
  const mine = useMyEnrolments();
  const approvals = usePendingApprovals();
  const [message, setMessage] = useState('');
  const [reporting, setReporting] = useState<number | null>(null);
  const selected = mine.data?.items.find((e) => e.id === reporting) ?? null;
  const pending = approvals.data?.items.length ?? 0;
  return (
    <>
      <PageHeading title={title} />
      <StatusMessage>{message}</StatusMessage>
      {pending > 0 ? (
        <p>
          <Link to="/training/approvals">承認を待つ研修の申込みが {pending} 件あります</Link>
        </p>
      ) : null}
      <ErrorAlert error={mine.error} title="受講履歴を読み込めませんでした。" />
      {mine.isPending ? <Loading /> : null}
      {mine.data ? (
        <>
          <OpenSessions sessions={mine.data.openForApplication} onMessage={setMessage} />
          <History items={mine.data.items} selectedId={reporting} onSelect={setReporting} onMessage={setMessage} />
          {selected ? (
            <ReportForm
              key={selected.id}
              enrolment={selected}
              onDone={(m) => {
                setMessage(m);
                setReporting(null);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function OpenSessions({ sessions, onMessage }: { sessions: PlanSession[]; onMessage: (m: string) => void }) {
  const dates = useDates();
  const applyTo = useApply();
  const caption = `申し込める研修 ${sessions.length} 件`;
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">申し込める研修</h2>
      <p className="hint">申し込むと、評価者(上司)の承認を経て受講が決まります。定員を超えるとキャンセル待ちになります。</p>
      <ErrorAlert error={applyTo.error} title="申し込めませんでした。" />
      {sessions.length === 0 ? (
        <p>いま申し込める研修はありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">研修</th>
                <th scope="col">日程</th>
                <th scope="col">会場</th>
                <th scope="col">定員</th>
                <th scope="col">申込み</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.course.title}</th>
                  <td>{s.startsOn === s.endsOn ? dates.date(s.startsOn) : `${dates.date(s.startsOn)} 〜 ${dates.date(s.endsOn)}`}</td>
                  <td>{s.place || '—'}</td>
                  <td>{s.capacity === null ? '制限なし' : `${s.capacity} 人`}</td>
                  <td className="training-actions">
                    <button
                      type="button"
                      className="button--primary button--small"
                      disabled={applyTo.isPending}
                      onClick={() => applyTo.mutate({ sessionId: s.id, note: '' }, { onSuccess: () => onMessage(`${s.course.title}に申し込みました。評価者の承認を待っています。`) })}
                    >
                      申し込む<span className="visually-hidden">({s.course.title} {dates.date(s.startsOn)})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function History({
  items,
  selectedId,
  onSelect,
  onMessage,
}: {
  items: EnrolmentWithSession[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onMessage: (m: string) => void;
}) {
  const dates = useDates();
  const decide = useCancel();
  const reload = useReloadTraining();
  const caption = `受講履歴 ${items.length} 件(開始日の新しい順)`;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">受講した・申し込んだ研修</h2>
      {isStaleSave(decide.error) ? <ConflictAlert subject="受講履歴" onReload={reload} /> : <ErrorAlert error={decide.error} title="取り消せませんでした。" />}
      {items.length === 0 ? (
        <p>受講の記録はありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">研修</th>
                <th scope="col">日程</th>
                <th scope="col">決め方</th>
                <th scope="col">状況</th>
                <th scope="col">受講報告</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const name = `${e.session.course.title} ${dates.date(e.session.startsOn)}`;
                return (
                  <tr key={e.id} className={e.id === selectedId ? 'is-selected' : undefined}>
                    <th scope="row">{e.session.course.title}</th>
                    <td>{dates.date(e.session.startsOn)}</td>
                    <td>{enrolmentRouteLabels[e.route]}</td>
                    <td>
                      {enrolmentStatusLabels[e.status]}
                      {e.waitlistPosition !== null ? `(${e.waitlistPosition}番目)` : ''}
                    </td>
                    <td>{e.report ? '提出済み' : reportableStatuses.includes(e.status) ? '未提出' : '—'}</td>
                    <td className="training-actions">
                      {reportableStatuses.includes(e.status) ? (
                        <button type="button" className="button--secondary button--small" aria-pressed={e.id === selectedId} onClick={() => onSelect(e.id)}>
                          {e.report ? '受講報告を直す' : '受講報告を書く'}
                          <span className="visually-hidden">({name})</span>
                        </button>
                      ) : null}
                      {e.status === 'applied' || e.status === 'enrolled' || e.status === 'waitlisted' ? (
                        <button
                          type="button"
                          className="button--danger button--small"
                          disabled={decide.isPending}
                          onClick={() => {
                            if (!window.confirm(`${name}の受講を取り消しますか？`)) return;
                            decide.mutate({ id: e.id, version: e.version, note: e.note }, { onSuccess: () => onMessage(`${name}の受講を取り消しました。`) });
                          }}
                        >
                          取消<span className="visually-hidden">({name})</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const reportFieldLabels: Record<string, string> = {
  report: '受講報告',
  'survey.satisfaction': '満足度',
  'survey.usefulness': '業務への役立ち度',
  'survey.comment': '感想',
  certificate: '修了証',
};
const scale = [1, 2, 3, 4, 5] as const;

function ReportForm({ enrolment, onDone }: { enrolment: EnrolmentWithSession; onDone: (m: string) => void }) {
  const id = useId();
  const save = useSaveReport();
  const reload = useReloadTraining();
  const [report, setReport] = useState(enrolment.report ?? '');
  const [satisfaction, setSatisfaction] = useState(enrolment.survey?.satisfaction ?? 0);
  const [usefulness, setUsefulness] = useState(enrolment.survey?.usefulness ?? 0);
  const [comment, setComment] = useState(enrolment.survey?.comment ?? '');
  const [certificate, setCertificate] = useState(enrolment.certificate ?? '');
  const [localErrors, setLocalErrors] = useState<{ path: string; message: string }[]>([]);
  const errors = localErrors.length > 0 ? localErrors : fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (!report.trim()) local.push({ path: 'report', message: '受講報告を入力してください' });
    if (satisfaction === 0) local.push({ path: 'survey.satisfaction', message: '満足度を選んでください' });
    if (usefulness === 0) local.push({ path: 'survey.usefulness', message: '業務への役立ち度を選んでください' });
    setLocalErrors(local);
    if (local.length > 0) return;
    save.mutate(
      {
        id: enrolment.id,
        version: enrolment.version,
        report,
        survey: { satisfaction, usefulness, comment },
        certificate: enrolment.isExternal && certificate.trim() ? certificate.trim() : null,
      },
      { onSuccess: () => onDone(`${enrolment.session.course.title}の受講報告を保存しました。`) },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{enrolment.session.course.title}の受講報告</h2>
      {isStaleSave(save.error) ? <ConflictAlert subject="受講報告" onReload={reload} /> : null}
      <form onSubmit={submit} noValidate>
        <FieldErrorSummary errors={errors} labelOf={(p) => reportFieldLabels[p] ?? p} />
        {errors.length === 0 && !isStaleSave(save.error) ? <ErrorAlert error={save.error} title="保存できませんでした。" /> : null}
        <div className="field">
          <label htmlFor={`${id}-report`}>受講報告(学んだこと、業務に活かすこと)</label>
          <textarea id={`${id}-report`} rows={6} maxLength={4000} value={report} onChange={(e) => setReport(e.target.value)} />
        </div>
        <fieldset className="training-checkboxes">
          <legend>満足度(1: 不満 〜 5: 満足)</legend>
          {scale.map((n) => (
            <label key={n} className="training-scale">
              <input type="radio" name={`${id}-satisfaction`} value={n} checked={satisfaction === n} onChange={() => setSatisfaction(n)} /> {n}
            </label>
          ))}
        </fieldset>
        <fieldset className="training-checkboxes">
          <legend>業務への役立ち度(1: 役立たない 〜 5: 役立つ)</legend>
          {scale.map((n) => (
            <label key={n} className="training-scale">
              <input type="radio" name={`${id}-usefulness`} value={n} checked={usefulness === n} onChange={() => setUsefulness(n)} /> {n}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-comment`}>感想・要望</label>
          <textarea id={`${id}-comment`} rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {enrolment.isExternal ? (
          <div className="field">
            <label htmlFor={`${id}-cert`}>修了証の内容(発行者・番号・日付)</label>
            <input id={`${id}-cert`} maxLength={500} value={certificate} onChange={(e) => setCertificate(e.target.value)} />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            受講報告を保存
          </button>
        </div>
      </form>
    </section>
  );
}
