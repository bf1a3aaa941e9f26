/** ストレスチェック /stress-check: the campaigns a person can answer now, with their progress and result links. */
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { useMyCampaigns } from './stress-check.queries.js';
import './stress-check.css';

const title = 'ストレスチェック';

export function MyStressCheckPage() {
  const dates = useDates();
  const mine = useMyCampaigns();
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        職業性ストレス簡易調査票(57問)に回答すると、その場で結果(ストレスの状態と、高ストレス者に該当するかどうか)が表示されます。結果はあなたに通知され、
        あなたの同意がない限り人事(職員課)に提供されることはありません。受検しないこと、面接指導を申し出ること、同意しないことを理由に不利益な取扱いを受けることはありません。
      </p>
      {mine.isPending ? <Loading /> : null}
      <ErrorAlert error={mine.error} title="ストレスチェックを読み込めませんでした。" />
      {mine.data && mine.data.items.length === 0 ? <p>現在、回答できるストレスチェックはありません。</p> : null}
      {mine.data && mine.data.items.length > 0 ? (
        <table className="data-table">
          <caption>あなたのストレスチェック</caption>
          <thead>
            <tr>
              <th scope="col">実施</th>
              <th scope="col">期間</th>
              <th scope="col">状況</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.items.map(({ campaign, answeredCount, submittedAt }) => (
              <tr key={campaign.id}>
                <th scope="row">{campaign.name}</th>
                <td>{dates.period(campaign.opensOn, campaign.closesOn)}</td>
                <td>{submittedAt ? `提出済み(${dates.timestamp(submittedAt)})` : answeredCount > 0 ? `回答中(${answeredCount} / 57 問)` : '未回答'}</td>
                <td>
                  {submittedAt ? (
                    <Link to={`/stress-check/${campaign.id}/result`}>{campaign.name}の結果を見る</Link>
                  ) : (
                    <Link to={`/stress-check/${campaign.id}/answer`}>{answeredCount > 0 ? `${campaign.name}の回答を続ける` : `${campaign.name}に回答する`}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
