/**
 * 採用の分析 /recruitment/analytics (採用担当): the funnel per campaign (applicants → each stage passed → offers →
 * acceptances), the age distribution in 5-year bands to compare campaigns of one category across years (the effect
 * of raising or removing the age limit, policy III-3-(1)), and where applicants came from.
 */
import { useId, useState } from 'react';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { campaignCategories, campaignCategoryLabels } from '../../../domain/recruitment/recruitment-model.js';
import { applicantSourceLabels } from '../../../domain/recruitment/intake.js';
import { isRecruitmentStaff, useFunnel } from './pipeline.queries.js';
import './pipeline.css';

const title = '採用の分析';
const sourceLabels: Record<string, string> = applicantSourceLabels;
const channelLabels: Record<string, string> = { online: 'オンライン申込み', csv: '電子申請(CSV)' };

export function AnalyticsPage() {
  const session = useSession();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title={title} />;
  return <Analytics />;
}

function Analytics() {
  const id = useId();
  const dates = useDates();
  const [category, setCategory] = useState('');
  const funnel = useFunnel({ category: category || undefined });
  const f = funnel.data;
  const name = (r: { title: string; fiscalYear: number }) => `${dates.fiscalYear(r.fiscalYear)} ${r.title}`;
  const sources = [...new Set(f?.rows.flatMap((r) => Object.keys(r.sources)) ?? [])].sort();
  return (
    <>
      <PageHeading title={title} />
      <div className="field">
        <label htmlFor={`${id}-category`}>試験区分</label>
        <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">すべて</option>
          {campaignCategories.map((c) => (
            <option key={c} value={c}>
              {campaignCategoryLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={funnel.error} title="分析を読み込めませんでした。" />
      {funnel.isPending ? <Loading /> : null}
      {f && f.rows.length === 0 ? <p>採用試験はまだありません。</p> : null}
      {f && f.rows.length > 0 ? (
        <>
          <section className="panel" aria-labelledby={`${id}-funnel`}>
            <h2 id={`${id}-funnel`}>採用ファネル</h2>
            {f.rows.map((r) => (
              <div className="table-wrap" key={r.campaignId} {...scrollRegion(`${name(r)}のファネル`)}>
                <table>
                  <caption>
                    {name(r)}({campaignCategoryLabels[r.category]})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">応募</th>
                      {r.stagesPassed.map((s, i) => (
                        <th key={i} scope="col">
                          {s.name} 合格
                        </th>
                      ))}
                      <th scope="col">内定</th>
                      <th scope="col">承諾</th>
                      <th scope="col">選考中の辞退</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td className="pipeline-number">{r.applicants}</td>
                      {r.stagesPassed.map((s, i) => (
                        <td key={i} className="pipeline-number">
                          {s.passed}
                        </td>
                      ))}
                      <td className="pipeline-number">{r.offers}</td>
                      <td className="pipeline-number">{r.acceptances}</td>
                      <td className="pipeline-number">{r.withdrawn}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            ))}
          </section>
          <section className="panel" aria-labelledby={`${id}-ages`}>
            <h2 id={`${id}-ages`}>応募者の年齢分布(5歳刻み)</h2>
            <p className="hint">年齢は各試験の基準日で数えます。同じ区分の年度ごとの違いで、年齢上限の引上げ・撤廃の効果を確かめられます。</p>
            <div className="table-wrap" {...scrollRegion('応募者の年齢分布')}>
              <table>
                <caption>試験ごとの応募者の年齢分布(人)</caption>
                <thead>
                  <tr>
                    <th scope="col">採用試験</th>
                    {f.ageBandLabels.map((l) => (
                      <th key={l} scope="col">
                        {l === '不明' ? l : `${l}歳`}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {f.rows.map((r) => (
                    <tr key={r.campaignId}>
                      <th scope="row">{name(r)}</th>
                      {f.ageBandLabels.map((l) => (
                        <td key={l} className="pipeline-number">
                          {r.ageBands[l] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel" aria-labelledby={`${id}-sources`}>
            <h2 id={`${id}-sources`}>応募のきっかけと受付方法</h2>
            <div className="table-wrap" {...scrollRegion('応募のきっかけと受付方法')}>
              <table>
                <caption>試験ごとの応募のきっかけと受付方法(人)</caption>
                <thead>
                  <tr>
                    <th scope="col">採用試験</th>
                    {sources.map((s) => (
                      <th key={s} scope="col">
                        {sourceLabels[s] ?? s}
                      </th>
                    ))}
                    {Object.keys(channelLabels).map((c) => (
                      <th key={c} scope="col">
                        {channelLabels[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {f.rows.map((r) => (
                    <tr key={r.campaignId}>
                      <th scope="row">{name(r)}</th>
                      {sources.map((s) => (
                        <td key={s} className="pipeline-number">
                          {r.sources[s] ?? 0}
                        </td>
                      ))}
                      {Object.keys(channelLabels).map((c) => (
                        <td key={c} className="pipeline-number">
                          {r.channels[c] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
