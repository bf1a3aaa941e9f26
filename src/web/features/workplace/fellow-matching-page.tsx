/**
 * 組合せの提案 /workplace/fellows/matching (HR): the matching as of a date — for each new or young staff member a
 * fellow of another 部 outside their evaluation chain, with the reason; those without a possible fellow and why. HR
 * confirms all or some; both people are notified in-app.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fellowSeparationLabels, lowCommitmentSourceLabels, lowCommitmentSources } from '../../../domain/workplace/fellow-model.js';
import type { MatchingView } from '../../../domain/workplace/fellow-api.js';
import { useConfirmPairs, useFellowMatching } from './fellow.queries.js';
import { FellowPerson } from './fellow-person.js';
import './fellow.css';

const title = '組合せの提案';
const keyOf = (p: { junior: { staffId: number }; fellow: { staffId: number } }) => `${p.junior.staffId}:${p.fellow.staffId}`;

export function FellowMatchingPage() {
  const id = useId();
  const [date, setDate] = useState(todayInJapan());
  const [asked, setAsked] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const matching = useFellowMatching(asked);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        基準日の新規採用職員・若手職員ごとに、業務上直接の利害関係がないフェロー(別の部・課、評価者・確認者・所属長以外、受入れ枠の範囲)を提案します。確定するまで何も保存されません。フェローは <Link to="/workplace/fellows">フェローのプール</Link> で登録します。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage('');
          setAsked(date);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-date`}>基準日</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary">
            提案を表示
          </button>
        </div>
      </form>
      <ErrorAlert error={matching.error} title="提案を作れませんでした。" />
      {asked !== null && matching.isPending ? <Loading /> : null}
      {matching.data ? <Proposals key={matching.dataUpdatedAt} data={matching.data} onMessage={setMessage} /> : null}
    </>
  );
}

function Proposals({ data, onMessage }: { data: MatchingView; onMessage: (m: string) => void }) {
  const dates = useDates();
  const confirm = useConfirmPairs();
  const [chosen, setChosen] = useState<Set<string>>(new Set(data.proposals.map(keyOf)));
  const caption = `${dates.date(data.date)}の提案 ${data.proposals.length} 組`;
  const picked = data.proposals.filter((p) => chosen.has(keyOf(p)));
  return (
    <>
      <section className="panel" aria-labelledby="fellow-proposals">
        <h2 id="fellow-proposals">提案</h2>
        <p>
          対象職員 {data.juniorCount} 人(フェローがいる {data.alreadyPairedCount} 人)、受入れ枠のあるフェロー {data.fellowsWithRoom} 人。フェローは対象職員と{fellowSeparationLabels[data.settings.separation]}から選びます。
        </p>
        {data.lowCommitmentExcluded.total > 0 ? (
          <p>
            組織コミットメントが著しく低いとして候補から除いたフェロー {data.lowCommitmentExcluded.total} 人(
            {lowCommitmentSources
              .filter((s) => data.lowCommitmentExcluded.bySource[s] > 0)
              .map((s) => `${lowCommitmentSourceLabels[s]} ${data.lowCommitmentExcluded.bySource[s]} 人`)
              .join('、')}
            )。
          </p>
        ) : null}
        <ErrorAlert error={confirm.error} title="確定できませんでした。" />
        {data.proposals.length === 0 ? (
          <p>提案できる組合せはありません。</p>
        ) : (
          <>
            <div className="table-wrap" {...scrollRegion(caption)}>
              <table>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">確定</th>
                    <th scope="col">対象職員</th>
                    <th scope="col">フェロー</th>
                    <th scope="col">理由</th>
                  </tr>
                </thead>
                <tbody>
                  {data.proposals.map((p) => {
                    const key = keyOf(p);
                    return (
                      <tr key={key}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`${p.junior.name}(${p.junior.employeeNumber})とフェロー${p.fellow.name}の組合せを確定する`}
                            checked={chosen.has(key)}
                            onChange={(e) => {
                              const next = new Set(chosen);
                              if (e.target.checked) next.add(key);
                              else next.delete(key);
                              setChosen(next);
                            }}
                          />
                        </td>
                        <th scope="row">
                          <FellowPerson person={p.junior} />
                        </th>
                        <td>
                          <FellowPerson person={p.fellow} />
                        </td>
                        <td>{p.reason}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="button--primary"
                disabled={confirm.isPending || picked.length === 0}
                onClick={() =>
                  confirm.mutate(
                    { date: data.date, pairs: picked.map((p) => ({ fellowStaffId: p.fellow.staffId, juniorStaffId: p.junior.staffId })) },
                    { onSuccess: (r) => onMessage(`${r.pairIds.length} 組の組合せを確定し、双方に通知しました。`) },
                  )
                }
              >
                選んだ {picked.length} 組を確定する
              </button>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="fellow-unmatched">
        <h2 id="fellow-unmatched">フェローを提案できない対象職員</h2>
        {data.unmatched.length === 0 ? (
          <p>ありません。</p>
        ) : (
          <div className="table-wrap" {...scrollRegion(`フェローを提案できない対象職員 ${data.unmatched.length} 人`)}>
            <table>
              <caption>フェローを提案できない対象職員 {data.unmatched.length} 人</caption>
              <thead>
                <tr>
                  <th scope="col">対象職員</th>
                  <th scope="col">理由</th>
                </tr>
              </thead>
              <tbody>
                {data.unmatched.map((u) => (
                  <tr key={u.junior.staffId}>
                    <th scope="row">
                      <FellowPerson person={u.junior} />
                    </th>
                    <td>{u.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
