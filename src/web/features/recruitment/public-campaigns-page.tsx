/** /careers: the open recruitment campaigns of the city, with conditions, schedule and FAQ (公開, no sign-in). */
import { Link } from 'react-router';
import { ErrorAlert, Loading, usePageTitle } from '../../components/page.js';
import { campaignCategoryLabels } from '../../../domain/recruitment/recruitment-model.js';
import type { PublicCampaign } from '../../../domain/recruitment/intake-api.js';
import { PublicLayout } from './public-layout.js';
import { birthBoundsText, bothCalendars } from './public-dates.js';
import { usePublicCampaigns } from './public.queries.js';

export function PublicCampaignsPage() {
  usePageTitle('職員採用情報');
  const campaigns = usePublicCampaigns();
  return (
    <PublicLayout municipalityName={campaigns.data?.municipalityName}>
      <h1>職員採用試験のご案内</h1>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorAlert error={campaigns.error} title="採用情報を読み込めませんでした。" />
      {campaigns.data && campaigns.data.campaigns.length === 0 ? <p>現在、受付中の採用試験はありません。</p> : null}
      {campaigns.data?.campaigns.map((c) => <CampaignSummary key={c.id} campaign={c} />)}
      <section className="public-card" aria-labelledby="internship-heading">
        <h2 id="internship-heading">インターンシップ・職場体験</h2>
        <p>市内の学校に在学している方、市内に住んでいる方、市の出身の学生の方を受け入れています。</p>
        <p>
          <Link to="/careers/internship">インターンシップ・職場体験を申し込む</Link>
        </p>
      </section>
    </PublicLayout>
  );
}

export function CampaignConditions({ campaign: c }: { campaign: PublicCampaign }) {
  return (
    <dl>
      <dt>試験区分</dt>
      <dd>
        {campaignCategoryLabels[c.category]}
        {c.profession ? `(${c.profession})` : ''}
      </dd>
      <dt>採用予定人数</dt>
      <dd>{c.postsToFill}人程度</dd>
      <dt>受験資格(年齢)</dt>
      <dd>{birthBoundsText(c.birthDateBounds)}</dd>
      {c.eligibility.requiredQualifications.length > 0 ? (
        <>
          <dt>必要な資格</dt>
          <dd>
            {c.eligibility.requiredQualifications.join('、')}
            {c.eligibility.acceptsExpectedQualification ? '(採用日までに取得見込みの方も受験できます)' : ''}
          </dd>
        </>
      ) : null}
      {c.eligibility.minWorkExperienceYears !== null ? (
        <>
          <dt>職務経験</dt>
          <dd>民間企業等での職務経験が{c.eligibility.minWorkExperienceYears}年以上</dd>
        </>
      ) : null}
      <dt>受付期間</dt>
      <dd>
        {bothCalendars(c.applicationOpensOn)} 〜 {bothCalendars(c.applicationClosesOn)}
      </dd>
      <dt>試験の内容</dt>
      <dd>
        <ol>
          {c.stages.map((s, i) => (
            <li key={i}>{s.name}</li>
          ))}
        </ol>
      </dd>
    </dl>
  );
}

function CampaignSummary({ campaign: c }: { campaign: PublicCampaign }) {
  return (
    <section className="public-card" aria-labelledby={`campaign-${c.id}`}>
      <h2 id={`campaign-${c.id}`}>{c.title}</h2>
      <CampaignConditions campaign={c} />
      {c.schedule.length > 0 ? (
        <>
          <h3>日程</h3>
          <ul>
            {c.schedule.map((s, i) => (
              <li key={i}>
                {s.label}: {bothCalendars(s.date)}
                {s.note ? `(${s.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.faq.length > 0 ? (
        <>
          <h3>よくある質問</h3>
          <dl className="recruitment-faq">
            {c.faq.map((f, i) => (
              <div key={i}>
                <dt>{f.question}</dt>
                <dd>{f.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <p>
        <Link to={`/careers/${c.id}`}>{c.isAccepting ? `${c.title}の詳細・申込み` : `${c.title}の詳細`}</Link>
      </p>
    </section>
  );
}
