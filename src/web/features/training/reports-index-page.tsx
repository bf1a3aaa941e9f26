/**
 * 研修の報告・統計 /training/reports (issue 4 item 8): the reports of the training area in one place — completion by
 * course and position level, hours per person, the ability → training loop and a person's history — with their
 * Excel/CSV downloads, the standard hours per day that sessions without their own hours count and the months after a
 * return from 休業・休職 during which a person counts as 「休業からの復帰」. Staff without
 * HR roles are sent to their own history (the only report about them).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { ApiError } from '../../app/api-client.js';
import { maxReturnWindowMonths, type TrainingReportSettingsView } from '../../../domain/training/reports.js';
import { completionExportUrl, hoursExportUrl, loopExportUrl, useReportSettings, useSaveReportSettings } from './reports.queries.js';
import { currentFiscalYear, DownloadLinks, ReportYearSelect } from './reports-year-select.js';
import './training.css';
import './reports.css';

const title = '研修の報告・統計';

export function ReportsIndexPage() {
  const session = useSession();
  const isReportReader = session.isHr || session.roles.includes('training_officer');
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear());
  const settings = useReportSettings(isReportReader);
  const dates = useDates();
  if (!isReportReader) return <Navigate to="/training/reports/history" replace />;
  return (
    <>
      <PageHeading title={title} />
      <section className="panel" aria-labelledby="reports-list-title">
        <h2 id="reports-list-title">報告・統計の一覧</h2>
        <ul className="reports-list">
          <li>
            <Link to="/training/reports/completion">職位別・研修別の修了状況</Link>
            <p>研修ごと・職位ごとの受講対象者(研修計画と同じ計算)、受講者、修了者と修了率。</p>
          </li>
          <li>
            <Link to="/training/reports/hours">年間研修時間</Link>
            <p>職員ごとの研修時間(出席・修了した研修)と確認済みの自己啓発の時間。所属別・職位別の平均・中央値・0時間の割合。</p>
          </li>
          <li>
            <Link to="/training/loop">能力と研修の循環</Link>
            <p>職位・評価項目ごとに能力評価で標準を下回った人数と、その後に研修を修了した人数。</p>
          </li>
          <li>
            <Link to="/training/reports/history">研修受講履歴</Link>
            <p>職員ひとりの研修の受講履歴・自己啓発・修了証。A4 で印刷できます。</p>
          </li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="reports-downloads-title">
        <h2 id="reports-downloads-title">Excel・CSV での出力</h2>
        <p className="hint">職員の氏名を含む出力は監査ログに記録されます。</p>
        <div className="reports-toolbar">
          <ReportYearSelect label="出力する年度" value={fiscalYear} onChange={setFiscalYear} />
        </div>
        <table className="reports-table">
          <caption className="visually-hidden">{dates.fiscalYear(fiscalYear)}の報告・統計の出力</caption>
          <tbody>
            <tr>
              <th scope="row">職位別・研修別の修了状況</th>
              <td>
                <DownloadLinks subject="修了状況" urlOf={(f) => completionExportUrl(fiscalYear, f)} />
              </td>
            </tr>
            <tr>
              <th scope="row">年間研修時間(職員ごと)</th>
              <td>
                <DownloadLinks subject="年間研修時間" urlOf={(f) => hoursExportUrl(fiscalYear, null, f)} />
              </td>
            </tr>
            <tr>
              <th scope="row">能力と研修の循環</th>
              <td>
                <DownloadLinks subject="能力と研修の循環" urlOf={(f) => loopExportUrl(fiscalYear, f)} />
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <ErrorAlert error={settings.error} title="集計の設定を読み込めませんでした。" />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? <HoursSettingsForm key={settings.data.updatedAt ?? 'default'} view={settings.data} /> : null}
    </>
  );
}

function HoursSettingsForm({ view }: { view: TrainingReportSettingsView }) {
  const id = useId();
  const save = useSaveReportSettings();
  const [hours, setHours] = useState(String(view.settings.hoursPerDay));
  const [months, setMonths] = useState(String(view.settings.returnWindowMonths));
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<{ hours?: string; months?: string }>({});
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const hoursPerDay = Number(hours);
    const returnWindowMonths = Number(months);
    const found: { hours?: string; months?: string } = {};
    if (hours.trim() === '' || !Number.isFinite(hoursPerDay)) found.hours = '1日の標準研修時間を数値で入力してください';
    if (months.trim() === '' || !Number.isInteger(returnWindowMonths)) found.months = '休業からの復帰の対象期間を月数(整数)で入力してください';
    setErrors(found);
    if (found.hours || found.months) return;
    save.mutate({ updatedAt: view.updatedAt, settings: { hoursPerDay, returnWindowMonths } }, { onSuccess: () => setMessage('研修の集計の設定を保存しました。') });
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>研修時間の数え方と受講対象者</h2>
      <p>
        研修の日程に研修時間が入力されていないときは、日数 × 1日の標準研修時間で数えます(現在 {view.settings.hoursPerDay} 時間。既定は {view.defaults.hoursPerDay}{' '}
        時間 = 7時間45分)。
      </p>
      <p>
        受講対象が「休業からの復帰」の研修は、休業・休職から復帰して {view.settings.returnWindowMonths} か月以内の職員を対象者とします(既定は{' '}
        {view.defaults.returnWindowMonths} か月)。
      </p>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {conflict ? <ConflictAlert subject="研修の集計の設定" onReload={() => window.location.reload()} /> : <ErrorAlert error={save.error} title="保存できませんでした。" />}
      {view.canManage ? (
        <form onSubmit={submit} noValidate>
          <div className="field field--inline">
            <label htmlFor={`${id}-hours`}>1日の標準研修時間(時間)</label>
            <input
              id={`${id}-hours`}
              type="number"
              min={0.25}
              max={24}
              step={0.25}
              inputMode="decimal"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              aria-invalid={errors.hours ? true : undefined}
              aria-describedby={errors.hours ? `${id}-hours-error` : undefined}
            />
            {errors.hours ? (
              <span id={`${id}-hours-error`} className="training-field-error">
                {errors.hours}
              </span>
            ) : null}
          </div>
          <div className="field field--inline">
            <label htmlFor={`${id}-months`}>休業からの復帰の対象期間(復帰後の月数)</label>
            <input
              id={`${id}-months`}
              type="number"
              min={1}
              max={maxReturnWindowMonths}
              step={1}
              inputMode="numeric"
              value={months}
              onChange={(e) => setMonths(e.target.value)}
              aria-invalid={errors.months ? true : undefined}
              aria-describedby={errors.months ? `${id}-months-error` : undefined}
            />
            {errors.months ? (
              <span id={`${id}-months-error`} className="training-field-error">
                {errors.months}
              </span>
            ) : null}
          </div>
          <button type="submit" className="button--primary" disabled={save.isPending}>
            保存
          </button>
        </form>
      ) : null}
    </section>
  );
}
