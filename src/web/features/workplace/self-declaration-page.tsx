/**
 * 自己申告 /workplace/self-declaration: this 年度's self-declaration to fill in, past years to read, and — for an
 * evaluator or unit head — the declarations of the people they stand over (only the fields the form allows them).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import type { CampaignSummary } from '../../../domain/workplace/self-declaration-api.js';
import { useCampaigns, useTeam } from './self-declaration.queries.js';
import { statusLabels } from './self-declaration-answers.js';
import './self-declaration.css';

const title = '自己申告';

export function SelfDeclarationPage() {
  const campaigns = useCampaigns();
  const session = useSession();
  const dates = useDates();
  const [teamCampaignId, setTeamCampaignId] = useState<number | undefined>(undefined);
  if (campaigns.isPending) return <><PageHeading title={title} /><Loading /></>;
  if (campaigns.error) return <><PageHeading title={title} /><ErrorAlert error={campaigns.error} title="自己申告を読み込めませんでした。" /></>;
  const list = campaigns.data.campaigns;
  const teamCampaign = list.find((c) => c.id === teamCampaignId) ?? list[0];
  return (
    <>
      <PageHeading title={title}>
        {campaigns.data.canManage ? (
          <Link to="/workplace/self-declaration/admin" className="button--secondary">
            自己申告の管理
          </Link>
        ) : null}
      </PageHeading>
      <p className="hint">
        自己申告書は、仕事への満足度・キャリアの志向・異動の希望などを人事担当に伝えるものです。上司(評価者・所属長)には、様式で定めた項目だけが表示されます。健康に関する記入は上司には表示されません。
      </p>
      <section aria-labelledby="sd-mine">
        <h2 id="sd-mine">自分の自己申告書</h2>
        {list.length === 0 ? (
          <p>まだ自己申告は始まっていません。</p>
        ) : session.staffId === null ? (
          <p>職員として登録されたアカウントではないため、自己申告書はありません。</p>
        ) : (
          <ul>
            {list.map((c) => (
              <li key={c.id}>
                <Link to={`/workplace/self-declaration/${c.id}`}>{c.title}</Link>{' '}
                <CampaignPeriod campaign={c} dates={dates} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {teamCampaign ? (
        <>
          {list.length > 1 ? (
            <div className="sd-filters">
              <label>
                担当する職員の自己申告書を表示する自己申告
                <select value={teamCampaign.id} onChange={(e) => setTeamCampaignId(Number(e.target.value))}>
                  {list.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          <TeamSection key={teamCampaign.id} campaign={teamCampaign} />
        </>
      ) : null}
    </>
  );
}

function CampaignPeriod({ campaign, dates }: { campaign: CampaignSummary; dates: ReturnType<typeof useDates> }) {
  return (
    <span className="hint">
      ({dates.date(campaign.opensOn)}〜{dates.date(campaign.closesOn)}、{campaign.isAccepting ? '受付中' : campaign.status === 'closed' ? '締切済み' : '受付期間外'})
    </span>
  );
}

function TeamSection({ campaign }: { campaign: CampaignSummary }) {
  const team = useTeam(campaign.id);
  const dates = useDates();
  if (team.isPending) return <Loading />;
  if (team.error) return <ErrorAlert error={team.error} title="担当する職員の自己申告書を読み込めませんでした。" />;
  if (team.data.items.length === 0) return null;
  const showWish = team.data.items.some((i) => i.transferWish !== null);
  return (
    <section aria-labelledby="sd-team">
      <h2 id="sd-team">担当する職員の自己申告書({campaign.title})</h2>
      <p className="hint">評価者・所属長として担当する職員です。表示されるのは、様式で上司に見せると定めた項目だけです。</p>
      <table className="data-table">
        <caption>担当する職員 {team.data.total}人</caption>
        <thead>
          <tr>
            <th scope="col">職員番号</th>
            <th scope="col">氏名</th>
            <th scope="col">所属</th>
            <th scope="col">状況</th>
            {showWish ? <th scope="col">異動希望</th> : null}
            <th scope="col">提出日</th>
          </tr>
        </thead>
        <tbody>
          {team.data.items.map((i) => (
            <tr key={i.staffId}>
              <td>{i.employeeNumber}</td>
              <th scope="row">
                {i.status === 'submitted' ? <Link to={`/workplace/self-declaration/${campaign.id}/staff/${i.staffId}`}>{i.name}</Link> : i.name}
              </th>
              <td>{i.unitName ?? '—'}</td>
              <td>{statusLabels[i.status]}</td>
              {showWish ? <td>{i.transferWish === 'yes' ? 'あり' : i.transferWish === 'no' ? 'なし' : '—'}</td> : null}
              <td>{i.submittedAt ? dates.timestamp(i.submittedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
