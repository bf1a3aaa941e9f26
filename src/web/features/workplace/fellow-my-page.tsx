/**
 * フェロー面談 /workplace/fellows/my: a person's own pairs — as junior (対象職員) or as fellow. Either side plans a
 * meeting, marks it held or cancelled, and after a held meeting answers short feedback for their own side (the other
 * side sees only that it was given; HR sees the figures).
 */
import { useId, useState } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { fellowSideLabels, meetingStatusLabels, type FellowSide } from '../../../domain/workplace/fellow-model.js';
import type { MeetingView, PairDetail } from '../../../domain/workplace/fellow-api.js';
import { useAnswerFeedback, useCancelMeeting, useHoldMeeting, useMyFellowPairs, usePlanMeeting } from './fellow.queries.js';
import './fellow.css';

const title = 'フェロー面談';

export function FellowMyPage() {
  const mine = useMyFellowPairs();
  const [message, setMessage] = useState('');
  const pairs = mine.data ? [...mine.data.asJunior, ...mine.data.asFellow] : [];
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">フェロー制度は、業務上直接の利害関係がない先輩(フェロー)が、新規採用職員・若手職員の相談に乗る制度です。面談の予定と実施を記録し、実施した面談には短い感想を答えてください。感想の内容は相手には見えません。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={mine.error} title="組合せを読み込めませんでした。" />
      {mine.isPending ? <Loading /> : null}
      {mine.data && pairs.length === 0 ? <p>フェロー制度の組合せはありません。</p> : null}
      {pairs.map((p) => (
        <Pair key={p.id} pair={p} onMessage={setMessage} />
      ))}
    </>
  );
}

function Pair({ pair, onMessage }: { pair: PairDetail; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const plan = usePlanMeeting();
  const [plannedOn, setPlannedOn] = useState(todayInJapan());
  const other = pair.mySide === 'junior' ? pair.fellow : pair.junior;
  const otherSide: FellowSide = pair.mySide === 'junior' ? 'fellow' : 'junior';
  const heading = `${fellowSideLabels[otherSide]}: ${other.name}`;
  return (
    <section className="panel fellow-pair" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{heading}</h2>
      <p>
        {other.unitName ?? ''} ・ {dates.period(pair.startsOn, pair.endsOn)}
        {pair.isActive ? '' : '(終了)'}
      </p>
      <MeetingsTable pair={pair} onMessage={onMessage} />
      {pair.isActive ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            plan.mutate({ pairId: pair.id, plannedOn }, { onSuccess: () => onMessage(`${dates.date(plannedOn)}に面談を予定しました。`) });
          }}
          noValidate
        >
          <ErrorAlert error={plan.error} title="予定できませんでした。" />
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-planned`}>面談の予定日</label>
              <input id={`${id}-planned`} type="date" value={plannedOn} onChange={(e) => setPlannedOn(e.target.value)} />
            </div>
            <div className="form-actions">
              <button type="submit" className="button--primary" disabled={plan.isPending}>
                面談を予定する
              </button>
            </div>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function MeetingsTable({ pair, onMessage }: { pair: PairDetail; onMessage: (m: string) => void }) {
  const dates = useDates();
  const hold = useHoldMeeting();
  const cancel = useCancelMeeting();
  const [heldOn, setHeldOn] = useState<Record<number, string>>({});
  if (pair.meetings.length === 0) return <p>まだ面談の記録はありません。</p>;
  const caption = `${pair.mySide === 'junior' ? pair.fellow.name : pair.junior.name}さんとの面談 ${pair.meetings.length} 件`;
  return (
    <>
      <ErrorAlert error={hold.error ?? cancel.error} title="記録できませんでした。" />
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">予定日</th>
            <th scope="col">状態</th>
            <th scope="col">記録</th>
          </tr>
        </thead>
        <tbody>
          {pair.meetings.map((m) => {
            const label = `${dates.date(m.plannedOn)}の面談`;
            return (
              <tr key={m.id}>
                <th scope="row">{dates.date(m.plannedOn)}</th>
                <td>
                  {meetingStatusLabels[m.status]}
                  {m.heldOn ? <span className="fellow-description">実施日 {dates.date(m.heldOn)}</span> : null}
                </td>
                <td>
                  {m.status === 'planned' ? (
                    <span className="fellow-actions">
                      <input type="date" aria-label={`${label}の実施日`} value={heldOn[m.id] ?? (m.plannedOn <= todayInJapan() ? m.plannedOn : todayInJapan())} onChange={(e) => setHeldOn({ ...heldOn, [m.id]: e.target.value })} />
                      <button
                        type="button"
                        className="button--small"
                        disabled={hold.isPending}
                        onClick={() => hold.mutate({ id: m.id, heldOn: heldOn[m.id] ?? (m.plannedOn <= todayInJapan() ? m.plannedOn : todayInJapan()) }, { onSuccess: () => onMessage(`${label}を実施済みにしました。感想を答えてください。`) })}
                      >
                        実施した<span className="visually-hidden">({label})</span>
                      </button>
                      <button type="button" className="button--small" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: m.id }, { onSuccess: () => onMessage(`${label}を中止にしました。`) })}>
                        中止<span className="visually-hidden">({label})</span>
                      </button>
                    </span>
                  ) : m.status === 'held' && pair.mySide !== null ? (
                    <Feedback meeting={m} side={pair.mySide} label={label} onMessage={onMessage} />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Feedback({ meeting, side, label, onMessage }: { meeting: MeetingView; side: FellowSide; label: string; onMessage: (m: string) => void }) {
  const id = useId();
  const answer = useAnswerFeedback();
  const mine = meeting.feedback[side].answer;
  const other = meeting.feedback[side === 'junior' ? 'fellow' : 'junior'];
  const [usefulness, setUsefulness] = useState(mine?.usefulness ?? 0);
  const [ease, setEase] = useState(mine?.easeOfTalking ?? 0);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [problem, setProblem] = useState('');
  const scale = [1, 2, 3, 4, 5];
  return (
    <form
      className="fellow-feedback"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (usefulness === 0 || ease === 0) {
          setProblem('2つの問いに1〜5で答えてください。');
          return;
        }
        setProblem('');
        answer.mutate({ id: meeting.id, usefulness, easeOfTalking: ease, comment }, { onSuccess: () => onMessage(`${label}の感想を送りました。`) });
      }}
      noValidate
    >
      <p id={`${id}-title`}>
        {label}の感想{mine ? '(回答済み・修正できます)' : ''}
        <span className="fellow-description">相手の感想: {other.isAnswered ? '回答済み' : '未回答'}</span>
      </p>
      {problem ? (
        <div role="alert" className="alert alert--error">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorAlert error={answer.error} title="感想を送れませんでした。" />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-use`}>役に立った(1〜5)</label>
          <select id={`${id}-use`} value={usefulness} onChange={(e) => setUsefulness(Number(e.target.value))}>
            <option value={0}>選んでください</option>
            {scale.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-ease`}>話しやすさ(1〜5)</label>
          <select id={`${id}-ease`} value={ease} onChange={(e) => setEase(Number(e.target.value))}>
            <option value={0}>選んでください</option>
            {scale.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-comment`}>ひとこと(任意)</label>
        <textarea id={`${id}-comment`} rows={2} maxLength={400} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button--small" disabled={answer.isPending}>
          感想を送る<span className="visually-hidden">({label})</span>
        </button>
      </div>
    </form>
  );
}
