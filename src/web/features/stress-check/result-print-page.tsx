/**
 * 個人結果票 (the MHLW program's individual result sheet) on one A4 page: the campaign, the person, the determination
 * with the method and thresholds, the area totals, the scale scores (radar chart and table) and the advice, with
 * how to ask for a physician interview. The person prints their own (/stress-check/:id/result/print); the
 * implementer prints anyone's (/stress-check/campaigns/:id/results/:staffId/print). Each reading of it is an
 * audited read on the server. The app's chrome is hidden in print by app.css; result-print.css sets the A4 page.
 */
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, usePageTitle } from '../../components/page.js';
import { areaLabels, stressAreas, type StressArea } from '../../../domain/stress-check/questionnaire.js';
import type { ResultSheet } from '../../../domain/stress-check/stress-check-api.js';
import { RadarChart } from './radar-chart.js';
import { useResultSheet } from './stress-check.queries.js';
import './stress-check.css';
import './result-print.css';

const title = 'ストレスチェック 個人結果票';
/** Each area's possible range of the simple sum (stress direction). */
const areaRanges: Record<StressArea, string> = { A: '17〜68点', B: '29〜116点', C: '9〜36点', D: '2〜8点' };

/** The person's own sheet. */
export function MyResultPrintPage() {
  const id = Number(useParams().id);
  return <ResultPrint campaignId={id} staffId={null} back={{ to: `/stress-check/${id}/result`, label: '結果の画面に戻る' }} />;
}

/** The implementer's print of someone's sheet. */
export function ResultPrintPage() {
  const params = useParams();
  const id = Number(params.id);
  const staffId = Number(params.staffId);
  return <ResultPrint campaignId={id} staffId={staffId} back={{ to: `/stress-check/campaigns/${id}`, label: '実施の画面に戻る' }} />;
}

function ResultPrint({ campaignId, staffId, back }: { campaignId: number; staffId: number | null; back: { to: string; label: string } }) {
  const sheet = useResultSheet(campaignId, staffId);
  usePageTitle(sheet.data ? `${title}(${sheet.data.person.name})` : title);
  return (
    <div className="sc-print">
      <div className="sc-print__tools no-print">
        <Link to={back.to}>{back.label}</Link>
        <button type="button" className="button--primary" onClick={() => window.print()} disabled={!sheet.data}>
          印刷
        </button>
      </div>
      {sheet.isPending ? <Loading /> : null}
      {sheet.error ? (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <ErrorAlert error={sheet.error} title="個人結果票を読み込めませんでした。" />
        </>
      ) : null}
      {sheet.data ? <Sheet sheet={sheet.data} /> : null}
    </div>
  );
}

function Sheet({ sheet }: { sheet: ResultSheet }) {
  const dates = useDates();
  const chartId = useId();
  const { campaign, person, result } = sheet;
  const { score, thresholds } = result;
  const axes = score.scales.filter((s) => s.area !== 'D').map((s) => ({ key: s.key, label: s.label, value: s.perItem }));
  const highest = [...axes].sort((a, b) => b.value - a.value).slice(0, 3).map((a) => a.label);
  return (
    <article className="sc-sheet" aria-labelledby="sc-sheet-title">
      <h1 id="sc-sheet-title" tabIndex={-1} className="sc-sheet__title">
        {title}
      </h1>
      <p className="sc-sheet__campaign">
        {campaign.name}(実施期間 {dates.period(campaign.opensOn, campaign.closesOn)})
      </p>

      <table className="sc-sheet__grid sc-sheet__person">
        <caption className="visually-hidden">受検者</caption>
        <tbody>
          <tr>
            <th scope="row">職員番号</th>
            <td>{person.employeeNumber}</td>
            <th scope="row">氏名</th>
            <td>{person.name}</td>
          </tr>
          <tr>
            <th scope="row">所属</th>
            <td>{person.unitName ?? '—'}</td>
            <th scope="row">受検日時</th>
            <td>{dates.timestamp(result.computedAt)}</td>
          </tr>
        </tbody>
      </table>

      <section aria-labelledby="sc-sheet-determination" className={score.isHighStress ? 'sc-sheet__box sc-sheet__box--high' : 'sc-sheet__box'}>
        <h2 id="sc-sheet-determination">判定</h2>
        <p className="sc-sheet__verdict">{score.isHighStress ? '高ストレス者に該当します。' : '高ストレス者に該当しません。'}</p>
        <p className="sc-sheet__note">
          判定方法: 合計点数を使う方法。心身のストレス反応(B)の合計が {thresholds.bTotalAtLeast} 点以上、または仕事のストレス要因(A)と周囲のサポート(C)の合計が{' '}
          {thresholds.acTotalAtLeast} 点以上かつ B の合計が {thresholds.bWithAcAtLeast} 点以上のとき、高ストレス者に該当します。
        </p>
      </section>

      <table className="sc-sheet__grid sc-sheet__areas">
        <caption>領域ごとの合計点(点数が高いほどストレスが高い方向)</caption>
        <thead>
          <tr>
            {stressAreas.map((a) => (
              <th key={a} scope="col">
                {a} {areaLabels[a]}
              </th>
            ))}
            <th scope="col">A+C</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {stressAreas.map((a) => (
              <td key={a} className="num">
                {score.areaTotals[a]} 点<span className="sc-sheet__range">({areaRanges[a]})</span>
              </td>
            ))}
            <td className="num">{score.areaTotals.A + score.areaTotals.C} 点</td>
          </tr>
        </tbody>
      </table>

      <div className="sc-sheet__scales">
        <RadarChart axes={axes} titleId={chartId} title="ストレスプロフィール" description={`外側ほどストレスが高い方向です。特に高いのは ${highest.join('、')} です。`} />
        <table className="sc-sheet__grid">
          <caption>尺度ごとの点数(1問あたりは1〜4、高いほどストレス)</caption>
          <thead>
            <tr>
              <th scope="col">領域</th>
              <th scope="col">尺度</th>
              <th scope="col" className="num">点数</th>
              <th scope="col" className="num">1問あたり</th>
            </tr>
          </thead>
          <tbody>
            {score.scales.map((s) => (
              <tr key={s.key}>
                <td>{s.area}</td>
                <th scope="row">{s.label}</th>
                <td className="num">{s.score}</td>
                <td className="num">{s.perItem.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="sc-sheet-advice" className="sc-sheet__advice">
        <h2 id="sc-sheet-advice">アドバイス</h2>
        <ul>
          {result.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p className="sc-sheet__note">
          医師による面接指導を希望する場合は、ストレスチェックの結果の画面から申し出てください。申出は実施者(保健師・医師)に届き、申し出たことを理由に不利益な取扱いを受けることはありません。
        </p>
      </section>
      <p className="sc-sheet__footer">
        この結果票は本人に通知するものです。本人の同意なく事業者(人事)に提供されることはありません。{result.shownAt ? `結果の通知日時: ${dates.timestamp(result.shownAt)}` : ''}
      </p>
    </article>
  );
}
