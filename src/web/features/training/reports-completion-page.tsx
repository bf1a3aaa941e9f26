/**
 * 職位別・研修別の修了状況 /training/reports/completion: for each course with sessions in the 年度 (rows) and each
 * position level (columns), the people who must attend (as the plan computes them), those enrolled, those who
 * completed, and the completion rate — over the must-attend list for courses that have one, else over the enrolled.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { CompletionCell, CompletionReport } from '../../../domain/training/reports.js';
import { completionExportUrl, useCompletionReport } from './reports.queries.js';
import { currentFiscalYear, DownloadLinks, ReportYearSelect } from './reports-year-select.js';
import './training.css';
import './reports.css';

const title = '職位別・研修別の修了状況';

const rateText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export function ReportsCompletionPage() {
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear());
  const report = useCompletionReport(fiscalYear);
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to="/training/reports">研修の報告・統計に戻る</Link>
      </p>
      <p className="hint">
        受講対象者は研修計画と同じく、自動で対象者を決める研修について日程の開始日の職員に対象者の決め方を当てはめた人数です(同じ研修の複数の日程に当たる人は1人)。修了は出席または修了の記録です。修了率は受講対象者のうち修了した人の割合(対象者を決めない研修は受講者のうち修了した人の割合)です。
      </p>
      <div className="reports-toolbar">
        <ReportYearSelect value={fiscalYear} onChange={setFiscalYear} />
        <DownloadLinks subject="修了状況" urlOf={(f) => completionExportUrl(fiscalYear, f)} />
      </div>
      <ErrorAlert error={report.error} title="修了状況を読み込めませんでした。" />
      {report.isPending ? <Loading /> : null}
      {report.data ? <CompletionTable report={report.data} /> : null}
    </>
  );
}

function Cell({ cell }: { cell: CompletionCell }) {
  if (cell.targets === 0 && cell.enrolled === 0) return <td>—</td>;
  return (
    <td>
      <span className="reports-rate">{rateText(cell.rate)}</span>
      <span className="reports-cell">対象 {cell.targets.toLocaleString('ja-JP')}</span>
      <span className="reports-cell">受講 {cell.enrolled.toLocaleString('ja-JP')}</span>
      <span className="reports-cell">修了 {cell.completed.toLocaleString('ja-JP')}</span>
    </td>
  );
}

function CompletionTable({ report }: { report: CompletionReport }) {
  const dates = useDates();
  if (report.rows.length === 0) return <p>{dates.fiscalYear(report.fiscalYear)}の研修の日程はありません。</p>;
  return (
    <div className="table-wrap" {...scrollRegion('職位別・研修別の修了状況の表')}>
      <table className="reports-table">
        <caption>
          {dates.fiscalYear(report.fiscalYear)}の職位別・研修別の修了状況(研修 {report.rows.length} 件。各欄は修了率・対象者・受講者・修了者)
        </caption>
        <thead>
          <tr>
            <th scope="col">研修</th>
            <th scope="col">区分</th>
            <th scope="col">日程数</th>
            {report.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">合計</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.courseId}>
              <th scope="row">
                {row.title}
                <span className="training-code">{row.code}</span>
              </th>
              <td>{row.categoryLabel}</td>
              <td className="reports-number">{row.sessions}</td>
              {report.columns.map((c) => (
                <Cell key={c.key} cell={row.cells[c.key]} />
              ))}
              <Cell cell={row.total} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
