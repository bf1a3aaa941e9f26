/**
 * 研修受講履歴 /training/reports/history[/:staffId] (issue 4 item 8): one person's trainings of a 年度 range — each
 * session with its dates, course, category, provider, status, hours and the certificate of external courses — and
 * their confirmed self-development, on one A4 form in the house print layout (sheet-print-page.tsx): on screen a
 * preview of the paper, in print the app's chrome hidden by app.css and a named page from reports.css. Readable by
 * the person, their evaluator, confirmer and unit head, HR and the training officer (the server decides).
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, usePageTitle } from '../../components/page.js';
import { StaffPicker } from '../../components/staff-picker.js';
import type { TrainingHistory } from '../../../domain/training/reports.js';
import { historyExportUrl, useTrainingHistory } from './reports.queries.js';
import { currentFiscalYear, DownloadLinks, ReportYearSelect } from './reports-year-select.js';
import './reports.css';

const pickTitle = '研修受講履歴';

/** /training/reports/history: one's own history, or (HR, unit heads) a person chosen by name or number. */
export function ReportsHistoryPickPage() {
  const session = useSession();
  const navigate = useNavigate();
  const canPick = session.isHr || session.roles.includes('training_officer') || session.headsUnits;
  return (
    <>
      <PageHeading title={pickTitle} />
      {session.staffId !== null ? (
        <p>
          <Link to={`/training/reports/history/${session.staffId}`}>自分の研修受講履歴を見る</Link>
        </p>
      ) : null}
      {canPick ? (
        <section className="panel" aria-labelledby="history-pick-title">
          <h2 id="history-pick-title">職員の研修受講履歴</h2>
          <StaffPicker label="職員" value={null} onChange={(picked) => (picked ? void navigate(`/training/reports/history/${picked.id}`) : undefined)} />
        </section>
      ) : null}
    </>
  );
}

/** Years offered for the range: ten back to one ahead. */
function yearChoices(): number[] {
  const current = currentFiscalYear();
  return Array.from({ length: 12 }, (_, i) => current - 10 + i);
}

export function ReportsHistoryPage() {
  const { staffId: raw } = useParams();
  const staffId = Number(raw);
  const valid = Number.isSafeInteger(staffId) && staffId > 0;
  const current = currentFiscalYear();
  const [from, setFrom] = useState(current - 2);
  const [to, setTo] = useState(current);
  const history = useTrainingHistory(valid ? staffId : null, Math.min(from, to), Math.max(from, to));
  const dates = useDates();
  usePageTitle(history.data ? `研修受講履歴 ${history.data.staff.name}(印刷)` : '研修受講履歴');
  const years = yearChoices();

  return (
    <div className="history-print">
      <div className="history-print__tools no-print">
        <Link to="/training/reports/history">研修受講履歴の選択に戻る</Link>
        <ReportYearSelect label="開始年度" value={from} onChange={setFrom} years={years} />
        <ReportYearSelect label="終了年度" value={to} onChange={setTo} years={years} />
        {valid && history.data ? (
          <DownloadLinks subject="研修受講履歴" urlOf={(f) => historyExportUrl(staffId, Math.min(from, to), Math.max(from, to), f)} />
        ) : null}
        <button type="button" className="button--primary" onClick={() => window.print()} disabled={!history.data}>
          印刷
        </button>
      </div>
      {!valid ? (
        <>
          <h1 tabIndex={-1}>研修受講履歴</h1>
          <p role="alert" className="alert alert--error">
            職員が見つかりません。
          </p>
        </>
      ) : null}
      {history.isPending && valid ? <Loading /> : null}
      {history.error ? (
        <>
          <h1 tabIndex={-1}>研修受講履歴</h1>
          <ErrorAlert error={history.error} title="研修受講履歴を読み込めませんでした。" />
        </>
      ) : null}
      {history.data ? <HistorySheet view={history.data} rangeText={rangeOf(history.data, dates.fiscalYear)} /> : null}
    </div>
  );
}

function rangeOf(view: TrainingHistory, fiscalYear: (fy: number) => string): string {
  return view.fromFiscalYear === view.toFiscalYear ? fiscalYear(view.fromFiscalYear) : `${fiscalYear(view.fromFiscalYear)} 〜 ${fiscalYear(view.toFiscalYear)}`;
}

const hoursText = (h: number | null) => (h === null ? '—' : `${h.toLocaleString('ja-JP', { maximumFractionDigits: 2 })}`);

function HistorySheet({ view, rangeText }: { view: TrainingHistory; rangeText: string }) {
  const dates = useDates();
  const period = (from: string, to: string | null) => (to === null || to === from ? dates.date(from) : `${dates.date(from)} 〜 ${dates.date(to)}`);
  return (
    <article className="history-sheet" aria-labelledby="history-sheet-title">
      <h1 id="history-sheet-title" tabIndex={-1} className="history-sheet__title">
        研修受講履歴
      </h1>
      <p className="history-sheet__period">{rangeText}</p>

      <table className="history-sheet__grid">
        <caption className="visually-hidden">職員</caption>
        <tbody>
          <tr>
            <th scope="row">職員番号</th>
            <td>{view.staff.employeeNumber}</td>
            <th scope="row">氏名</th>
            <td>{view.staff.name}</td>
          </tr>
          <tr>
            <th scope="row">所属</th>
            <td>{view.staff.unitName ?? '—'}</td>
            <th scope="row">職名</th>
            <td>{view.staff.positionName ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">研修時間</th>
            <td>{hoursText(view.totals.trainingHours)} 時間({view.totals.completedSessions} 件)</td>
            <th scope="row">自己啓発</th>
            <td>{hoursText(view.totals.selfDevelopmentHours)} 時間</td>
          </tr>
        </tbody>
      </table>

      <table className="history-sheet__grid">
        <caption>研修({view.enrolments.length} 件)</caption>
        <thead>
          <tr>
            <th scope="col">日程</th>
            <th scope="col">研修</th>
            <th scope="col">区分・実施機関</th>
            <th scope="col">状況</th>
            <th scope="col">時間</th>
            <th scope="col">修了証</th>
          </tr>
        </thead>
        <tbody>
          {view.enrolments.length === 0 ? (
            <tr>
              <td colSpan={6}>この期間の研修はありません。</td>
            </tr>
          ) : (
            view.enrolments.map((e) => (
              <tr key={e.enrolmentId}>
                <td className="history-sheet__date">{period(e.startsOn, e.endsOn)}</td>
                <td>{e.courseTitle}</td>
                <td>
                  {e.categoryLabel}
                  <span className="history-sheet__note">({e.providerLabel})</span>
                </td>
                <td>{e.statusLabel}</td>
                <td className="history-sheet__hours">{hoursText(e.hours)}</td>
                <td>{e.certificate ?? ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table className="history-sheet__grid">
        <caption>自己啓発(上司の確認済み、{view.selfDevelopment.length} 件)</caption>
        <thead>
          <tr>
            <th scope="col">期間</th>
            <th scope="col">内容</th>
            <th scope="col">種類</th>
            <th scope="col">時間</th>
          </tr>
        </thead>
        <tbody>
          {view.selfDevelopment.length === 0 ? (
            <tr>
              <td colSpan={4}>この期間の自己啓発の記録はありません。</td>
            </tr>
          ) : (
            view.selfDevelopment.map((r) => (
              <tr key={r.id}>
                <td className="history-sheet__date">{period(r.startedOn, r.endedOn)}</td>
                <td>{r.title}</td>
                <td>{r.kindLabel}</td>
                <td className="history-sheet__hours">{hoursText(r.hours)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="history-sheet__note">
        時間は出席・修了した研修について数えます。研修時間が入力されていない日程は日数 × {view.hoursPerDay} 時間です。
      </p>
    </article>
  );
}
