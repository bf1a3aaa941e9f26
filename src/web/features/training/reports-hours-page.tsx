/**
 * 年間研修時間 /training/reports/hours: per person, the hours of the 年度's sessions they attended or completed (a
 * session without its own hours counts its days × the standard hours per day) plus their confirmed self-development
 * hours; the mean, median and share at zero overall, by position level and by unit; a filter by unit (with the units
 * below it); everyone as Excel or CSV.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { Pagination } from '../../components/pagination.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { HoursGroup, HoursReport, HoursSummary } from '../../../domain/training/reports.js';
import { hoursExportUrl, useHoursReport } from './reports.queries.js';
import { currentFiscalYear, DownloadLinks, ReportYearSelect } from './reports-year-select.js';
import './reports.css';

const title = '年間研修時間';

const hoursText = (h: number) => `${h.toLocaleString('ja-JP', { maximumFractionDigits: 2 })} 時間`;
const shareText = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function ReportsHoursPage() {
  const unitSelectId = useId();
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear());
  const [unitId, setUnitId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const report = useHoursReport(fiscalYear, unitId, page);
  // The unit choices come from the whole city's report, so that they stay while a unit is chosen.
  const all = useHoursReport(fiscalYear, null, 1);
  const units = all.data?.units ?? [];
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to="/training/reports">研修の報告・統計に戻る</Link>
      </p>
      <p className="hint">
        研修時間は、その年度の研修のうち出席または修了した日程の時間です。日程に研修時間が入力されていないときは日数 × 1日の標準研修時間
        {report.data ? `(${report.data.hoursPerDay} 時間)` : ''}で数えます。自己啓発は上司が確認した記録のうち、その年度に始めたものです。
      </p>
      <div className="reports-toolbar">
        <ReportYearSelect
          value={fiscalYear}
          onChange={(fy) => {
            setFiscalYear(fy);
            setPage(1);
          }}
        />
        <div className="field field--inline">
          <label htmlFor={unitSelectId}>所属</label>
          <select
            id={unitSelectId}
            value={unitId ?? ''}
            onChange={(e) => {
              setUnitId(e.target.value === '' ? null : Number(e.target.value));
              setPage(1);
            }}
          >
            <option value="">すべての所属</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <DownloadLinks subject="年間研修時間" urlOf={(f) => hoursExportUrl(fiscalYear, unitId, f)} />
      </div>
      <ErrorAlert error={report.error} title="年間研修時間を読み込めませんでした。" />
      {report.isPending ? <Loading /> : null}
      {report.data ? <HoursView report={report.data} onPage={setPage} /> : null}
    </>
  );
}

function Summary({ summary }: { summary: HoursSummary }) {
  return (
    <dl className="reports-summary">
      <div>
        <dt>人数</dt>
        <dd>{summary.people.toLocaleString('ja-JP')} 人</dd>
      </div>
      <div>
        <dt>平均</dt>
        <dd>{hoursText(summary.mean)}</dd>
      </div>
      <div>
        <dt>中央値</dt>
        <dd>{hoursText(summary.median)}</dd>
      </div>
      <div>
        <dt>0時間の割合</dt>
        <dd>{shareText(summary.zeroShare)}</dd>
      </div>
    </dl>
  );
}

function GroupTable({ caption, head, groups }: { caption: string; head: string; groups: HoursGroup[] }) {
  return (
    <div className="table-wrap" {...scrollRegion(`${caption}の表`)}>
      <table className="reports-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">人数</th>
            <th scope="col">平均</th>
            <th scope="col">中央値</th>
            <th scope="col">0時間の割合</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              <td className="reports-number">{g.summary.people.toLocaleString('ja-JP')} 人</td>
              <td className="reports-number">{hoursText(g.summary.mean)}</td>
              <td className="reports-number">{hoursText(g.summary.median)}</td>
              <td className="reports-number">{shareText(g.summary.zeroShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HoursView({ report, onPage }: { report: HoursReport; onPage: (page: number) => void }) {
  const dates = useDates();
  const scope = `${dates.fiscalYear(report.fiscalYear)}${report.unit ? ` ${report.unit.name}` : ''}`;
  return (
    <>
      <section className="panel" aria-labelledby="hours-overall">
        <h2 id="hours-overall">全体</h2>
        <p className="hint">{dates.date(report.asOf)}に在職する職員(所属・職位はその日のもの)。</p>
        <Summary summary={report.overall} />
      </section>
      <section className="panel" aria-labelledby="hours-by-level">
        <h2 id="hours-by-level">職位別</h2>
        <GroupTable caption={`${scope}の職位別の研修時間`} head="職位" groups={report.byLevel} />
      </section>
      <section className="panel" aria-labelledby="hours-by-unit">
        <h2 id="hours-by-unit">所属別</h2>
        <GroupTable caption={`${scope}の所属別の研修時間`} head="所属" groups={report.byUnit} />
      </section>
      <section className="panel" aria-labelledby="hours-people">
        <h2 id="hours-people">職員ごと(研修時間の少ない順)</h2>
        <div className="table-wrap" {...scrollRegion('職員ごとの研修時間の表')}>
          <table className="reports-table">
            <caption>
              {scope}の職員ごとの研修時間 {report.total.toLocaleString('ja-JP')} 人
            </caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">職員番号</th>
                <th scope="col">所属</th>
                <th scope="col">職位</th>
                <th scope="col">受講数</th>
                <th scope="col">研修時間</th>
                <th scope="col">自己啓発</th>
                <th scope="col">合計</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((p) => (
                <tr key={p.staffId}>
                  <th scope="row">
                    <Link to={`/training/reports/history/${p.staffId}`}>{p.name}</Link>
                  </th>
                  <td>{p.employeeNumber}</td>
                  <td>{p.unitName ?? '—'}</td>
                  <td>{p.positionName ?? '—'}</td>
                  <td className="reports-number">{p.sessions}</td>
                  <td className="reports-number">{hoursText(p.trainingHours)}</td>
                  <td className="reports-number">{hoursText(p.selfDevelopmentHours)}</td>
                  <td className="reports-number">{hoursText(p.totalHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={report.page} pageSize={report.pageSize} total={report.total} onChange={onPage} label="職員ごとの研修時間のページ" />
      </section>
    </>
  );
}
