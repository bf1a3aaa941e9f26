/**
 * フェロー制度の状況 /workplace/fellows/pairs (HR): the programme's health (pairs, meetings in the last three months,
 * mean feedback scores — no comments), the pairs without a meeting for N weeks, and every pair, which HR can end.
 */
import { useId, useState } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fellowSideLabels, fellowSides, meetingStatusLabels, pairStatusLabels } from '../../../domain/workplace/fellow-model.js';
import type { FellowMonitoring, PairSummary } from '../../../domain/workplace/fellow-api.js';
import { useEndPair, useFellowMonitoring, useFellowPair, useFellowPairs } from './fellow.queries.js';
import { FellowPerson } from './fellow-person.js';
import './fellow.css';

const title = 'フェロー制度の状況';
const score = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export function FellowPairsPage() {
  const monitoring = useFellowMonitoring();
  const pairs = useFellowPairs();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">形式的な面談や、目の前の業務に追われて面談が行われないことがないよう、状況を確認します(人材育成・確保基本方針 III-4-(3)⑤)。感想は平均だけを示します(個別のひとことはこの画面に出しません)。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={monitoring.error} title="状況を読み込めませんでした。" />
      {monitoring.isPending ? <Loading /> : null}
      {monitoring.data ? (
        <>
          <Health data={monitoring.data} />
          <StalePairs data={monitoring.data} />
          <PairsAgainstRules data={monitoring.data} />
        </>
      ) : null}
      <ErrorAlert error={pairs.error} title="組合せを読み込めませんでした。" />
      {pairs.data ? <AllPairs items={pairs.data.items} onMessage={setMessage} /> : null}
    </>
  );
}

function Health({ data }: { data: FellowMonitoring }) {
  const dates = useDates();
  const h = data.health;
  return (
    <section className="panel" aria-labelledby="fellow-health">
      <h2 id="fellow-health">制度の状況</h2>
      <p>
        直近3か月({dates.period(h.windowStartsOn, h.today)})の集計です。
      </p>
      <ul className="fellow-figures">
        <li>
          実施中の組合せ<strong>{h.activePairs} 組</strong>
        </li>
        <li>
          実施した面談<strong>{h.meetingsHeld} 回</strong>
        </li>
        <li>
          組合せあたりの面談<strong>{h.meetingsPerActivePair === null ? '—' : `${h.meetingsPerActivePair.toFixed(1)} 回`}</strong>
        </li>
        <li>
          面談のあった組合せ<strong>{h.activePairsWithMeeting} 組</strong>
        </li>
        <li>
          予定中の面談<strong>{h.plannedMeetings} 回</strong>
        </li>
      </ul>
      <table>
        <caption>面談の感想の平均(1〜5)</caption>
        <thead>
          <tr>
            <th scope="col">回答者</th>
            <th scope="col">回答数</th>
            <th scope="col">役に立った</th>
            <th scope="col">話しやすさ</th>
          </tr>
        </thead>
        <tbody>
          {fellowSides.map((side) => (
            <tr key={side}>
              <th scope="row">{fellowSideLabels[side]}</th>
              <td>{h.feedback[side].answers}</td>
              <td>{score(h.feedback[side].meanUsefulness)}</td>
              <td>{score(h.feedback[side].meanEaseOfTalking)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StalePairs({ data }: { data: FellowMonitoring }) {
  const dates = useDates();
  const caption = `${data.staleAfterWeeks}週間以上面談のない組合せ ${data.stalePairs.length} 組`;
  return (
    <section className="panel" aria-labelledby="fellow-stale">
      <h2 id="fellow-stale">面談のない組合せ</h2>
      {data.stalePairs.length === 0 ? (
        <p>{data.staleAfterWeeks}週間以上面談のない組合せはありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">対象職員</th>
                <th scope="col">フェロー</th>
                <th scope="col">最後の面談</th>
                <th scope="col">経過</th>
                <th scope="col">次の予定</th>
              </tr>
            </thead>
            <tbody>
              {data.stalePairs.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <FellowPerson person={p.junior} withNumber={false} />
                  </th>
                  <td>
                    <FellowPerson person={p.fellow} withNumber={false} />
                  </td>
                  <td>{p.lastHeldOn ? dates.date(p.lastHeldOn) : `なし(開始 ${dates.date(p.startsOn)})`}</td>
                  <td>{p.weeksSince} 週間</td>
                  <td>{p.nextPlannedOn ? dates.date(p.nextPlannedOn) : 'なし'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PairsAgainstRules({ data }: { data: FellowMonitoring }) {
  if (data.pairsAgainstRules.length === 0) return null;
  const caption = `規則に合わなくなった組合せ ${data.pairsAgainstRules.length} 組`;
  return (
    <section className="panel" aria-labelledby="fellow-against-rules">
      <h2 id="fellow-against-rules">規則に合わなくなった組合せ</h2>
      <p>異動・評価者の変更・フラグにより、今日の時点で業務上の関係がある組合せです。続けるか終了するかを判断してください。</p>
      <div className="table-wrap" {...scrollRegion(caption)}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">対象職員</th>
              <th scope="col">フェロー</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {data.pairsAgainstRules.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <FellowPerson person={p.junior} withNumber={false} />
                </th>
                <td>
                  <FellowPerson person={p.fellow} withNumber={false} />
                </td>
                <td>{p.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AllPairs({ items, onMessage }: { items: PairSummary[]; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const end = useEndPair();
  const [endsOn, setEndsOn] = useState<Record<number, string>>({});
  const [shown, setShown] = useState<number | null>(null);
  const caption = `組合せ ${items.length} 組`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>組合せの一覧</h2>
      <ErrorAlert error={end.error} title="終了できませんでした。" />
      {items.length === 0 ? (
        <p>まだ組合せはありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">対象職員</th>
                <th scope="col">フェロー</th>
                <th scope="col">状態・期間</th>
                <th scope="col">面談</th>
                <th scope="col">理由</th>
                <th scope="col">終了</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const label = `${p.junior.name}とフェロー${p.fellow.name}の組合せ`;
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      <FellowPerson person={p.junior} />
                    </th>
                    <td>
                      <FellowPerson person={p.fellow} />
                    </td>
                    <td>
                      {p.isActive ? pairStatusLabels.confirmed : pairStatusLabels.ended}
                      <span className="fellow-description">{dates.period(p.startsOn, p.endsOn)}</span>
                    </td>
                    <td>
                      実施 {p.meetingsHeld} 回
                      <span className="fellow-description">最後: {p.lastHeldOn ? dates.date(p.lastHeldOn) : 'なし'}</span>
                      <button type="button" className="button--small" aria-expanded={shown === p.id} onClick={() => setShown(shown === p.id ? null : p.id)}>
                        面談の記録<span className="visually-hidden">({label})</span>
                      </button>
                    </td>
                    <td>{p.reason}</td>
                    <td className="fellow-actions">
                      {p.status === 'confirmed' ? (
                        <>
                          <input type="date" aria-label={`${label}の終了日`} value={endsOn[p.id] ?? todayInJapan()} onChange={(e) => setEndsOn({ ...endsOn, [p.id]: e.target.value })} />
                          <button
                            type="button"
                            className="button--small"
                            disabled={end.isPending}
                            onClick={() => end.mutate({ id: p.id, endsOn: endsOn[p.id] ?? todayInJapan() }, { onSuccess: () => onMessage(`${label}を終了しました。`) })}
                          >
                            終了<span className="visually-hidden">({label})</span>
                          </button>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown !== null ? <PairMeetings key={shown} pairId={shown} /> : null}
    </section>
  );
}

/** HR's view of one pair's meetings with both sides' feedback (comments included: HR sees everything). */
function PairMeetings({ pairId }: { pairId: number }) {
  const dates = useDates();
  const pair = useFellowPair(pairId);
  if (pair.error) return <ErrorAlert error={pair.error} title="面談の記録を読み込めませんでした。" />;
  if (!pair.data) return <Loading />;
  const p = pair.data;
  const caption = `${p.junior.name}とフェロー${p.fellow.name}の面談 ${p.meetings.length} 件`;
  const answer = (f: (typeof p.meetings)[number]['feedback']['fellow']) =>
    f.answer ? `役に立った ${f.answer.usefulness} ・ 話しやすさ ${f.answer.easeOfTalking}${f.answer.comment ? ` 「${f.answer.comment}」` : ''}` : '未回答';
  return (
    <div className="table-wrap" {...scrollRegion(caption)}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">予定日</th>
            <th scope="col">状態</th>
            {fellowSides.map((side) => (
              <th key={side} scope="col">
                {fellowSideLabels[side]}の感想
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.meetings.map((m) => (
            <tr key={m.id}>
              <th scope="row">{dates.date(m.plannedOn)}</th>
              <td>
                {meetingStatusLabels[m.status]}
                {m.heldOn ? <span className="fellow-description">実施日 {dates.date(m.heldOn)}</span> : null}
              </td>
              {fellowSides.map((side) => (
                <td key={side}>{m.status === 'held' ? answer(m.feedback[side]) : '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
