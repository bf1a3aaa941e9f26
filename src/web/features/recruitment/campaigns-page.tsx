/** /recruitment/campaigns: the campaigns (採用試験) of a 年度 with their status and applicants, and a new campaign. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session.js';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { campaignCategories, campaignCategoryLabels, type CampaignCategory } from '../../../domain/recruitment/recruitment-model.js';
import { campaignStatusLabels } from '../../../domain/recruitment/intake.js';
import { fetchCampaignDefaults, useCampaigns, useCreateCampaign } from './campaigns.queries.js';
import { RecruitmentSettingsSection } from './campaigns-settings.js';
import './recruitment-intake.css';

const title = '採用試験';

export function isRecruitmentStaff(roles: readonly string[]): boolean {
  return roles.includes('hr_admin') || roles.includes('hr_officer') || roles.includes('recruiter');
}

export function CampaignsPage() {
  const session = useSession();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title={title} />;
  return <CampaignsView dateStyle={session.dateStyle} />;
}

function CampaignsView({ dateStyle }: { dateStyle: 'wareki' | 'seireki' }) {
  const dates = useDates();
  const current = fiscalYearOf(todayInJapan());
  const [fiscalYear, setFiscalYear] = useState(current);
  const campaigns = useCampaigns(fiscalYear);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        年度ごとの採用試験(区分・受験資格・試験の段階・日程・よくある質問)を作り、受付を開始すると公開の採用ページ(
        <a href="/careers">/careers</a>)に載ります。
      </p>
      <div className="toolbar">
        <FiscalYearSelect current={current} shown={fiscalYear} dateStyle={dateStyle} className="campaign-fy" onChange={(v) => setFiscalYear(Number(v))} />
      </div>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorAlert error={campaigns.error} title="採用試験を読み込めませんでした。" />
      {campaigns.data ? (
        campaigns.data.campaigns.length === 0 ? (
          <p>この年度の採用試験はまだありません。</p>
        ) : (
          <table className="data-table">
            <caption>{dates.fiscalYear(fiscalYear)}の採用試験</caption>
            <thead>
              <tr>
                <th scope="col">試験名</th>
                <th scope="col">区分</th>
                <th scope="col">採用予定</th>
                <th scope="col">受付期間</th>
                <th scope="col">状態</th>
                <th scope="col">応募者</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/recruitment/campaigns/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>
                    {campaignCategoryLabels[c.category]}
                    {c.profession ? `(${c.profession})` : ''}
                  </td>
                  <td>{c.postsToFill}人</td>
                  <td>{dates.period(c.applicationOpensOn, c.applicationClosesOn)}</td>
                  <td>{campaignStatusLabels[c.status]}</td>
                  <td>{c.applicantCount}人</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <NewCampaign fiscalYear={fiscalYear} />
      <RecruitmentSettingsSection />
    </>
  );
}

function NewCampaign({ fiscalYear }: { fiscalYear: number }) {
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [category, setCategory] = useState<CampaignCategory>('general-admin');
  const [name, setName] = useState('');
  const [profession, setProfession] = useState('');
  const [posts, setPosts] = useState('5');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const postsToFill = Math.max(1, Number(posts) || 1);
      const defaults = await fetchCampaignDefaults({ category, fiscalYear, postsToFill });
      const today = todayInJapan();
      const row = await create.mutateAsync({
        fiscalYear,
        category,
        profession,
        title: name || `${fiscalYear}年度 ${campaignCategoryLabels[category]}${profession ? `(${profession})` : ''}`,
        postsToFill,
        eligibility: defaults.eligibility,
        stages: defaults.stages,
        applicationOpensOn: today,
        applicationClosesOn: today,
      });
      navigate(`/recruitment/campaigns/${row.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="new-campaign">
      <h2 id="new-campaign">新しい採用試験</h2>
      <p className="hint">区分の初期値(受験資格・試験の段階・評定項目)で作成します。作成後に内容を編集してください。</p>
      <ErrorAlert error={error} title="作成できませんでした。" />
      <form onSubmit={submit} className="form-grid">
        <div className="field">
          <label htmlFor="nc-category">区分</label>
          <select id="nc-category" value={category} onChange={(e) => setCategory(e.target.value as CampaignCategory)}>
            {campaignCategories.map((c) => (
              <option key={c} value={c}>
                {campaignCategoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nc-profession">職種(資格職: 保健師・土木技師・保育士など)</label>
          <input id="nc-profession" value={profession} onChange={(e) => setProfession(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nc-title">試験名(空欄なら自動)</label>
          <input id="nc-title" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nc-posts">採用予定人数</label>
          <input id="nc-posts" inputMode="numeric" value={posts} onChange={(e) => setPosts(e.target.value)} />
        </div>
        <button type="submit" className="button--primary" disabled={create.isPending}>
          作成する
        </button>
      </form>
    </section>
  );
}
