/**
 * 選考状況 /recruitment/pipeline[/:campaignId] (採用担当): the campaigns, then per campaign the applicants per stage
 * and outcome, a paged list with filters and search by receipt number or reading, exports and links to the stages.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, usePageTitle } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { SearchFormActions } from '../../components/search-form.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { campaignCategoryLabels } from '../../../domain/recruitment/recruitment-model.js';
import { applicantStatusLabels, applicantStatuses, stageOutcomeLabels, stageOutcomes } from '../../../domain/recruitment/stages.js';
import { exportPath, isRecruitmentStaff, usePipeline, usePipelineCampaigns } from './pipeline.queries.js';
import { PipelineSettingsPanel } from './pipeline-settings-panel.js';
import './pipeline.css';

const title = '選考状況';

export function PipelinePage() {
  const session = useSession();
  const { campaignId } = useParams();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title={title} />;
  return campaignId ? <CampaignPipeline campaignId={Number(campaignId)} /> : <CampaignList />;
}

function CampaignList() {
  const dates = useDates();
  const campaigns = usePipelineCampaigns();
  return (
    <>
      <PageHeading title={title} />
      <ErrorAlert error={campaigns.error} title="採用試験を読み込めませんでした。" />
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.data && campaigns.data.length === 0 ? <p>採用試験はまだありません。</p> : null}
      {campaigns.data && campaigns.data.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('採用試験の一覧')}>
          <table>
            <caption>採用試験の一覧</caption>
            <thead>
              <tr>
                <th scope="col">採用試験</th>
                <th scope="col">年度</th>
                <th scope="col">区分</th>
                <th scope="col">応募者数</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/recruitment/pipeline/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{dates.fiscalYear(c.fiscalYear)}</td>
                  <td>{campaignCategoryLabels[c.category]}</td>
                  <td className="pipeline-number">{c.applicants.toLocaleString('ja-JP')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PipelineSettingsPanel />
    </>
  );
}

type Filter = { stageIndex: string; outcome: string; status: string; q: string };
const emptyFilter: Filter = { stageIndex: '', outcome: '', status: '', q: '' };

function CampaignPipeline({ campaignId }: { campaignId: number }) {
  const id = useId();
  const dates = useDates();
  const [draft, setDraft] = useState<Filter>(emptyFilter);
  const [filter, setFilter] = useState<Filter>(emptyFilter);
  const [page, setPage] = useState(1);
  const query = { ...filter, page, pageSize: 50 };
  const view = usePipeline(campaignId, query);
  const c = view.data?.campaign;
  usePageTitle(c ? `${title}: ${c.title}` : title);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const stageName = (i: number) => c?.stages[i]?.name ?? '全試験合格';
  return (
    <>
      <PageHeading title={c ? `${title}: ${c.title}` : title}>
        <Link to="/recruitment/pipeline">採用試験の一覧へ</Link>
      </PageHeading>
      <ErrorAlert error={view.error} title="選考状況を読み込めませんでした。" />
      {view.isPending ? <Loading /> : null}
      {c ? (
        <section className="panel" aria-labelledby={`${id}-stages`}>
          <h2 id={`${id}-stages`}>段階ごとの人数</h2>
          <div className="table-wrap" {...scrollRegion('段階ごとの人数')}>
            <table>
              <caption>段階ごとの人数(採用予定 {c.postsToFill} 人)</caption>
              <thead>
                <tr>
                  <th scope="col">試験</th>
                  <th scope="col">選考待ち</th>
                  <th scope="col">合格</th>
                  <th scope="col">不合格</th>
                  <th scope="col">欠席</th>
                  <th scope="col">辞退</th>
                </tr>
              </thead>
              <tbody>
                {c.stages.map((s) => (
                  <tr key={s.index}>
                    <th scope="row">
                      <Link to={`/recruitment/pipeline/${campaignId}/stages/${s.index}`}>
                        {s.index + 1}. {s.name}
                      </Link>
                    </th>
                    <td className="pipeline-number">{s.counts.waiting}</td>
                    <td className="pipeline-number">{s.counts.passed}</td>
                    <td className="pipeline-number">{s.counts.failed}</td>
                    <td className="pipeline-number">{s.counts.absent}</td>
                    <td className="pipeline-number">{s.counts.withdrawn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{applicantStatuses.map((st) => `${applicantStatusLabels[st]} ${c.statusCounts[st] ?? 0} 人`).join('・')}</p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>応募者</h2>
        <form className="pipeline-filters" role="search" aria-label="応募者の検索" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-q`}>受付番号・フリガナ</label>
            <input id={`${id}-q`} value={draft.q} maxLength={60} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-stage`}>試験</label>
            <select id={`${id}-stage`} value={draft.stageIndex} onChange={(e) => setDraft({ ...draft, stageIndex: e.target.value })}>
              <option value="">すべて</option>
              {c?.stages.map((s) => (
                <option key={s.index} value={s.index}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>結果</label>
            <select id={`${id}-outcome`} value={draft.outcome} onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}>
              <option value="">すべて</option>
              {stageOutcomes.map((o) => (
                <option key={o} value={o}>
                  {stageOutcomeLabels[o]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>状態</label>
            <select id={`${id}-status`} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
              <option value="">すべて</option>
              {applicantStatuses.map((s) => (
                <option key={s} value={s}>
                  {applicantStatusLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <SearchFormActions
            onClear={() => {
              setDraft(emptyFilter);
              setFilter(emptyFilter);
              setPage(1);
            }}
          />
        </form>
        <div className="pipeline-actions">
          <a className="button--secondary" href={exportPath(campaignId, { ...filter, q: undefined, status: undefined, format: 'xlsx' })} download>
            この条件で Excel 出力
          </a>
          <a className="button--secondary" href={exportPath(campaignId, { ...filter, q: undefined, status: undefined, format: 'csv' })} download>
            この条件で CSV 出力
          </a>
        </div>
        <ResultCount total={view.data?.total} isFetching={view.isFetching} />
        {view.data && view.data.items.length > 0 ? (
          <div className="table-wrap" {...scrollRegion('応募者の一覧')}>
            <table>
              <caption>応募者の一覧</caption>
              <thead>
                <tr>
                  <th scope="col">受付番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">フリガナ</th>
                  <th scope="col">状態</th>
                  <th scope="col">試験</th>
                  <th scope="col">結果</th>
                  <th scope="col">受付日時</th>
                </tr>
              </thead>
              <tbody>
                {view.data.items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/recruitment/applicants/${a.id}`}>{a.receiptNumber}</Link>
                    </th>
                    <td>{a.name}</td>
                    <td>{a.kana}</td>
                    <td>{applicantStatusLabels[a.status]}</td>
                    <td>{stageName(a.stageIndex)}</td>
                    <td>{stageOutcomeLabels[a.stageOutcome]}</td>
                    <td>{dates.timestamp(a.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : view.data ? (
          <p>該当する応募者はいません。</p>
        ) : null}
        {view.data ? <Pagination page={page} pageSize={50} total={view.data.total} onChange={setPage} label="応募者のページ" /> : null}
        {c ? (
          <p>
            <Link to="/recruitment/analytics">採用の分析(ファネル・年齢分布)を見る</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
