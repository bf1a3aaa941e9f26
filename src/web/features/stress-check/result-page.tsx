/**
 * ストレスチェックの結果 /stress-check/:id/result: the person's scale scores (table and radar chart), the high-stress
 * determination with the campaign's method and thresholds, advice, the 面接指導 request, and then — only now that
 * the result has been shown — the question whether to pass it to the employer: no option chosen beforehand, and
 * 「同意しない」 is as easy as 「同意する」.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { areaLabels, type StressArea } from '../../../domain/stress-check/questionnaire.js';
import { interviewRequestStatusLabels, type ConsentDecision, type StressResult } from '../../../domain/stress-check/stress-check-api.js';
import { RadarChart } from './radar-chart.js';
import { useDecideConsent, useMyResult, useRequestInterview, useWithdrawInterviewRequest } from './stress-check.queries.js';
import './stress-check.css';

const title = 'ストレスチェックの結果';

export function ResultPage() {
  const id = Number(useParams().id);
  const result = useMyResult(id);
  return (
    <>
      <PageHeading title={title} />
      <p className="sc-links">
        <Link to="/stress-check">ストレスチェックの一覧へ</Link>
        {result.data ? <Link to={`/stress-check/${id}/result/print`}>個人結果票を印刷する</Link> : null}
      </p>
      {result.isPending ? <Loading /> : null}
      <ErrorAlert error={result.error} title="結果を読み込めませんでした。" />
      {result.data ? <ResultView campaignId={id} result={result.data} /> : null}
    </>
  );
}

export function ScaleTable({ result, caption }: { result: StressResult; caption: string }) {
  return (
    <table className="data-table sc-scales">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">領域</th>
          <th scope="col">尺度</th>
          <th scope="col" className="num">点数</th>
          <th scope="col" className="num">1問あたり(1〜4、高いほどストレス)</th>
        </tr>
      </thead>
      <tbody>
        {result.score.scales.map((s) => (
          <tr key={s.key}>
            <td>{areaLabels[s.area as StressArea]}</td>
            <th scope="row">{s.label}</th>
            <td className="num">{s.score}</td>
            <td className="num">{s.perItem.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResultView({ campaignId, result }: { campaignId: number; result: StressResult }) {
  const dates = useDates();
  return (
    <>
      <ResultScores result={result} subject="あなた" headingLevel={2} />

      <section aria-labelledby="sc-advice">
        <h2 id="sc-advice">アドバイス</h2>
        <ul>
          {result.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>

      <InterviewRequest campaignId={campaignId} result={result} />
      <ConsentQuestion campaignId={campaignId} result={result} />
      {result.shownAt ? <p className="hint">結果の通知日時: {dates.timestamp(result.shownAt)}</p> : null}
    </>
  );
}

/**
 * The determination and the scale scores (radar chart and table) of one result — on the person's own page, and for
 * the implementer or for HR with the person's consent on the campaign page.
 */
export function ResultScores({ result, subject, headingLevel }: { result: StressResult; subject: string; headingLevel: 2 | 3 }) {
  const chartId = useId();
  const ids = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const { score, thresholds } = result;
  const axes = score.scales.filter((s) => s.area !== 'D').map((s) => ({ key: s.key, label: s.label, value: s.perItem }));
  const highest = [...axes].sort((a, b) => b.value - a.value).slice(0, 3).map((a) => a.label);
  return (
    <>
      <section aria-labelledby={`${ids}-determination`} className={score.isHighStress ? 'sc-determination sc-determination--high' : 'sc-determination'}>
        <H id={`${ids}-determination`}>判定</H>
        <p className="sc-determination__main">{score.isHighStress ? `${subject}は高ストレス者に該当します。` : `${subject}は高ストレス者に該当しません。`}</p>
        <p className="hint">
          判定方法: 合計点数を使う方法。心身のストレス反応(B)の合計 {score.areaTotals.B} 点(基準 {thresholds.bTotalAtLeast} 点以上)、仕事のストレス要因(A)と周囲のサポート(C)の合計{' '}
          {score.areaTotals.A + score.areaTotals.C} 点(基準 {thresholds.acTotalAtLeast} 点以上、かつ B が {thresholds.bWithAcAtLeast} 点以上)。
        </p>
      </section>

      <section aria-labelledby={`${ids}-scales`}>
        <H id={`${ids}-scales`}>尺度ごとの点数</H>
        <div className="sc-result-grid">
          <RadarChart
            axes={axes}
            titleId={chartId}
            title="ストレスプロフィール(レーダーチャート)"
            description={`外側ほどストレスが高い方向です。特に高いのは ${highest.join('、')} です。各尺度の値は表のとおりです。`}
          />
          <ScaleTable result={result} caption="尺度ごとの点数(レーダーチャートの値)" />
        </div>
      </section>
    </>
  );
}

function InterviewRequest({ campaignId, result }: { campaignId: number; result: StressResult }) {
  const request = useRequestInterview(campaignId);
  const withdraw = useWithdrawInterviewRequest(campaignId);
  const [message, setMessage] = useState('');
  const dates = useDates();
  const current = result.interviewRequest;
  const isOpen = current === null || current.status === 'withdrawn';
  return (
    <section aria-labelledby="sc-interview">
      <h2 id="sc-interview">医師による面接指導</h2>
      <StatusMessage>{message}</StatusMessage>
      {current?.status === 'requested' ? (
        <>
          <p>
            面接指導を申し出ました({dates.timestamp(current.requestedAt)}、{interviewRequestStatusLabels[current.status]})。実施者から日程の連絡があります。
          </p>
          <p className="hint">面接指導を受ける前であれば、申出を取り下げることができます。取り下げた後も、もう一度申し出ることができます。</p>
          <ErrorAlert error={withdraw.error} title="取り下げできませんでした。" />
          <button type="button" className="button--secondary" onClick={() => withdraw.mutate(undefined, { onSuccess: () => setMessage('面接指導の申出を取り下げました。') })} disabled={withdraw.isPending}>
            面接指導の申出を取り下げる
          </button>
        </>
      ) : null}
      {current?.status === 'held' ? <p>面接指導を受けました(申出 {dates.timestamp(current.requestedAt)})。</p> : null}
      {isOpen ? (
        <>
          {current?.status === 'withdrawn' ? <p>面接指導の申出を取り下げています。希望する場合は、もう一度申し出てください。</p> : null}
          <p className="hint">面接指導を希望する場合は申し出てください。申出は実施者(保健師・医師)に届きます。申し出たことを理由に不利益な取扱いを受けることはありません。</p>
          <ErrorAlert error={request.error} title="申し出できませんでした。" />
          <button type="button" className="button--primary" onClick={() => request.mutate(undefined, { onSuccess: () => setMessage('面接指導の申出を受け付けました。') })} disabled={request.isPending}>
            {current?.status === 'withdrawn' ? 'もう一度面接指導を申し出る' : '面接指導を申し出る'}
          </button>
        </>
      ) : null}
    </section>
  );
}

function ConsentQuestion({ campaignId, result }: { campaignId: number; result: StressResult }) {
  const [choice, setChoice] = useState<ConsentDecision | null>(null);
  const [problem, setProblem] = useState('');
  const decide = useDecideConsent(campaignId);
  const dates = useDates();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setProblem('「同意する」か「同意しない」を選んでください。');
      return;
    }
    setProblem('');
    decide.mutate(choice);
  };
  const current = result.consent;
  return (
    <section aria-labelledby="sc-consent">
      <h2 id="sc-consent">結果の提供についての同意</h2>
      <StatusMessage>
        {current ? `${current.decision === 'given' ? '同意する' : '同意しない'}と回答しました(${dates.timestamp(current.decidedAt)})。` : ''}
      </StatusMessage>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="sc-consent">
          <legend>この結果を事業者(人事担当)に提供することに同意しますか。</legend>
          <p className="hint">同意しなくても、不利益な取扱いを受けることはありません。回答はあとから変更できます。</p>
          {(['given', 'refused'] as const).map((d) => (
            <span key={d} className="sc-option">
              <input type="radio" id={`consent-${d}`} name="consent" value={d} checked={choice === d} onChange={() => setChoice(d)} />
              <label htmlFor={`consent-${d}`}>{d === 'given' ? '同意する' : '同意しない'}</label>
            </span>
          ))}
        </fieldset>
        <ProblemAlert message={problem} />
        <ErrorAlert error={decide.error} title="回答を記録できませんでした。" />
        <button type="submit" disabled={decide.isPending}>
          同意について回答する
        </button>
      </form>
    </section>
  );
}
