/**
 * The optimiser on the plan editor: start a run (it works off the request thread), follow its progress (polled every
 * ~700 ms), read the objective, the bound and the gap — so HR sees the proposal is optimal or by how much it might
 * not be — and each proposed move with its reasons; adopt the proposal, or pin/forbid moves and re-solve.
 */
import { useId, useState } from 'react';
import type { PlanDetail } from '../../../domain/placement/plans-api.js';
import { ErrorAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { startOptimiserRun, useAdoptRun, useOptimiserRun } from './plans.queries.js';

const formatNumber = (n: number) => n.toLocaleString('ja-JP', { maximumFractionDigits: 2 });
const formatGap = (gap: number) => `${(gap * 100).toLocaleString('ja-JP', { maximumFractionDigits: 2 })}%`;

export function OptimiserPanel({ detail, unitNames, names }: { detail: PlanDetail; unitNames: Record<number, string>; names: Record<number, string> }) {
  const id = useId();
  const [runId, setRunId] = useState<number | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState('');
  const run = useOptimiserRun(runId);
  const adopt = useAdoptRun();
  const view = run.data?.run;
  const isBusy = starting || view?.status === 'queued' || view?.status === 'running';
  const isDraft = detail.plan.status === 'draft';

  const start = async () => {
    setStartError(null);
    setMessage('');
    setStarting(true);
    try {
      const { run: started } = await startOptimiserRun(detail.plan.id);
      setRunId(started.id);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  const onAdopt = () => {
    if (!view || !window.confirm('最適化の提案をこの案に採用しますか？最適化で追加した異動は提案で置き換わります(手で追加した異動と固定は残ります)。')) return;
    adopt.mutate({ runId: view.id, planVersion: detail.plan.version }, { onSuccess: () => setMessage('最適化の提案をこの案に採用しました。') });
  };

  const result = view?.status === 'done' ? view.result : null;
  return (
    <section aria-labelledby={`${id}-h`} className="plans-section plans-optimiser">
      <h2 id={`${id}-h`}>最適化</h2>
      <p className="hint">
        ルール(特別な理由のないR3の異動をしない・定数・R2の窓口配置)と固定・禁止・留任を守り、希望・専門性・異動候補の異動・業務の継続性を最もよく満たす案を計算します。
      </p>
      <div className="form-actions">
        <button type="button" className="button--primary" onClick={() => void start()} disabled={!isDraft || isBusy}>
          {result ? '再計算' : '最適化を実行'}
        </button>
      </div>
      <ErrorAlert error={startError} title="最適化を開始できませんでした。" />
      <ErrorAlert error={run.error} title="最適化の状況を取得できませんでした。" />
      {view ? (
        <div className="plans-optimiser__status">
          <label htmlFor={`${id}-progress`}>
            進捗: {view.phase || '待機中'}({view.progress}%)
          </label>
          <progress id={`${id}-progress`} max={100} value={view.progress}>
            {view.progress}%
          </progress>
        </div>
      ) : null}
      <p role="status" className="status-message">
        {view?.status === 'done' ? '最適化が完了しました。' : view?.status === 'failed' ? '最適化に失敗しました。' : ''}
      </p>
      {view?.status === 'failed' ? (
        <div role="alert" className="alert alert--error">
          <p>{view.error ?? '最適化に失敗しました。'}</p>
        </div>
      ) : null}
      {result ? (
        <>
          <dl className="plans-wishes" aria-label="最適化の結果">
            <div>
              <dt>目的関数値</dt>
              <dd>{formatNumber(result.objective)}</dd>
            </div>
            <div>
              <dt>上界</dt>
              <dd>{formatNumber(result.bound)}</dd>
            </div>
            <div>
              <dt>ギャップ</dt>
              <dd>{formatGap(result.gap)}</dd>
            </div>
            <div>
              <dt>最適性</dt>
              <dd>{result.isOptimal ? '最適解(証明済み)' : `最適解との差は最大 ${formatGap(result.gap)}`}</dd>
            </div>
            <div>
              <dt>計算時間</dt>
              <dd>{formatNumber(result.seconds)}秒</dd>
            </div>
          </dl>
          <p className="hint">
            対象 {result.sizes.people}人・{result.sizes.units}所属、変数 {result.sizes.variables}・制約 {result.sizes.constraints}。
            {result.lpWasIntegral ? '線形緩和の解がそのまま整数解でした。' : `分枝限定法で ${result.branchNodes} ノードを探索しました。`}
            {result.verification.violations === 0 ? '提案を配置ルールで確かめ、違反はありません。' : `提案を配置ルールで確かめたところ、違反が ${result.verification.violations} 件あります。`}
          </p>
          <p className="hint">
            内訳: 異動希望 {formatNumber(result.objectiveParts.wishes)}、専門性 {formatNumber(result.objectiveParts.expertise)}、ローテーション候補の異動{' '}
            {formatNumber(result.objectiveParts.rotation)}、業務の継続性 {formatNumber(result.objectiveParts.continuity)}
          </p>
          {result.warnings.length > 0 ? (
            <div className="alert alert--warning">
              <p className="alert__title">守れなかった指定({result.warnings.length}件)</p>
              <ul>
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.proposedMoves.length === 0 ? (
            <p>提案する異動はありません。</p>
          ) : (
            <div className="table-wrap" {...scrollRegion('最適化が提案する異動の表')}>
              <table>
                <caption>最適化が提案する異動({result.proposedMoves.length}人)</caption>
                <thead>
                  <tr>
                    <th scope="col">氏名</th>
                    <th scope="col">異動先</th>
                    <th scope="col">理由</th>
                  </tr>
                </thead>
                <tbody>
                  {result.proposedMoves.map((move) => (
                    <tr key={move.staffId}>
                      <th scope="row">{names[move.staffId] ?? `職員#${move.staffId}`}</th>
                      <td>{unitNames[move.toUnitId] ?? `所属#${move.toUnitId}`}</td>
                      <td>
                        <ul className="plans-explanation">
                          {move.explanation.map((line, index) => (
                            <li key={index}>{line}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button--primary" onClick={onAdopt} disabled={!isDraft || adopt.isPending}>
              この案を採用
            </button>
          </div>
        </>
      ) : null}
      <ErrorAlert error={adopt.error} title="採用できませんでした。" />
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
