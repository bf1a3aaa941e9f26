/**
 * 評価の分析 /evaluation/analysis (HR, issue 3 item 10): the distribution of a cycle's confirmed grades by unit,
 * position or evaluator with a bar per row, rater leniency (評価者ごとの甘辛), the payroll CSV of a 年度 (勤勉手当・昇給)
 * and a unit's sheets as Excel. The cycle and the grouping are in the address (?cycle=12&by=position) so a reload
 * or a shared link shows the same table. Bars are SVG drawn with attributes and classes (the CSP allows no inline
 * style); the numbers are in the table for everyone.
 */
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { CsvEncodingChoice, ShiftJisCheckButton, ShiftJisCheckOutcome, ShiftJisSubstitutionConfirm, useShiftJisCheck } from '../../components/shift-jis-check.js';
import { formatFiscalYear, type DateStyle } from '../../../domain/common/wareki.js';
import type { CycleSummary } from '../../../domain/evaluation/evaluation-api.js';
import {
  analysisGroupingLabels,
  analysisGroupingNouns,
  analysisGroupings,
  percentOf,
  type AnalysisGrouping,
  type GradeAnalysis,
  type GradeCounts,
} from '../../../domain/evaluation/grade-analysis.js';
import { checkGradesExport, gradesExportUrl, unitSheetsExportUrl, useGradeAnalysis, type CsvEncoding } from './analysis.queries.js';
import { useCycles, useUnitsAsOf } from './evaluation-lists.queries.js';
import './analysis.css';

const title = '評価の分析';

/** How many colours the bars cycle through (analysis.css); longer point scales repeat them. */
const paletteSize = 6;

const isGrouping = (value: string | null): value is AnalysisGrouping => value !== null && (analysisGroupings as readonly string[]).includes(value);

const cycleLabel = (cycle: Pick<CycleSummary, 'fiscalYear' | 'periodLabel'>, style: DateStyle) => `${formatFiscalYear(cycle.fiscalYear, style)} ${cycle.periodLabel}`;

const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const signed = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`);
const tendency = (value: number | null) => (value === null ? '' : value >= 0.005 ? '甘め' : value <= -0.005 ? '辛め' : '平均並み');

export function AnalysisPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title={title} />;
  return <AnalysisView />;
}

function AnalysisView() {
  const session = useSession();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const cycles = useCycles();
  const list = cycles.data?.cycles ?? [];
  const requested = Number(params.get('cycle'));
  const cycle = list.find((c) => c.id === requested) ?? list[0];
  const by: AnalysisGrouping = isGrouping(params.get('by')) ? (params.get('by') as AnalysisGrouping) : 'unit';
  const analysis = useGradeAnalysis(cycle?.id ?? null, by);
  const choose = (next: { cycle?: number; by?: AnalysisGrouping }) =>
    setParams({ cycle: String(next.cycle ?? cycle?.id ?? ''), by: next.by ?? by }, { replace: true });

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        評価期間ごとに、確定した評語(確認者の調整・苦情処理を経た最終評語)の分布を所属・職位・評価者別に示します。評価者ごとの甘辛は、評価者自身が付けた総合評価で比べます。少人数の集団もそのまま表示するため、取扱いに注意してください。
      </p>
      <ErrorAlert error={cycles.error} title="評価期間を読み込めませんでした。" />
      {cycles.isPending ? <Loading /> : null}
      {cycles.data && list.length === 0 ? <p>評価期間がまだ開始されていません。</p> : null}
      {cycle ? (
        <div className="toolbar analysis-controls">
          <div className="field field--inline">
            <label htmlFor={`${id}-cycle`}>評価期間</label>
            <select id={`${id}-cycle`} value={cycle.id} onChange={(e) => choose({ cycle: Number(e.target.value) })}>
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {cycleLabel(c, session.dateStyle)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor={`${id}-by`}>集計の単位</label>
            <select id={`${id}-by`} value={by} onChange={(e) => choose({ by: e.target.value as AnalysisGrouping })}>
              {analysisGroupings.map((g) => (
                <option key={g} value={g}>
                  {analysisGroupingLabels[g]}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <ErrorAlert error={analysis.error} title="分析を読み込めませんでした。" />
      {cycle && analysis.isPending ? <Loading /> : null}
      {analysis.data ? (
        <div className={analysis.isPlaceholderData ? 'is-stale' : undefined}>
          <Distribution analysis={analysis.data} style={session.dateStyle} />
          <Leniency analysis={analysis.data} style={session.dateStyle} />
        </div>
      ) : null}
      {cycle ? <PayrollExport cycles={list} initialYear={cycle.fiscalYear} style={session.dateStyle} /> : null}
      {cycle ? <UnitSheetsExport cycle={cycle} style={session.dateStyle} /> : null}
    </>
  );
}

/* ---------- distribution ---------- */

function Distribution({ analysis, style }: { analysis: GradeAnalysis; style: DateStyle }) {
  const id = useId();
  const levels = analysis.scale.levels;
  const noun = analysisGroupingNouns[analysis.by];
  const heading = `${cycleLabel(analysis.cycle, style)}の評語の分布(${analysisGroupingLabels[analysis.by]})`;
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>評語の分布</h2>
      <p>
        確定 {analysis.overall.total.toLocaleString('ja-JP')} 件(平均点 {points(analysis.overall.meanPoints)})
        {analysis.unconfirmedCount > 0 ? `。未確定 ${analysis.unconfirmedCount.toLocaleString('ja-JP')} 件は含みません。` : '。'}
      </p>
      <Legend analysis={analysis} />
      {analysis.overall.total === 0 ? (
        <p>この評価期間には、まだ確定した評語がありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${heading}の表`)}>
          <table className="analysis-table">
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{noun}</th>
                {levels.map((level) => (
                  <th key={level.code} scope="col" className="analysis-table__number">
                    {level.code}
                    {level.label ? <span className="visually-hidden">({level.label})</span> : null}
                  </th>
                ))}
                <th scope="col" className="analysis-table__number">
                  計
                </th>
                <th scope="col" className="analysis-table__number">
                  平均点
                </th>
                <th scope="col" className="analysis-table__bar">
                  分布
                </th>
              </tr>
            </thead>
            <tbody>
              {analysis.groups.map((group) => (
                <DistributionRow key={group.key} label={group.label} counts={group} analysis={analysis} />
              ))}
            </tbody>
            <tfoot>
              <DistributionRow label="全体" counts={analysis.overall} analysis={analysis} />
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function DistributionRow({ label, counts, analysis }: { label: string; counts: GradeCounts; analysis: GradeAnalysis }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {analysis.scale.levels.map((level) => {
        const n = counts.counts[level.code] ?? 0;
        return (
          <td key={level.code} className="analysis-table__number">
            {n.toLocaleString('ja-JP')}
            <span className="analysis-table__percent">({percentOf(n, counts.total).toFixed(1)}%)</span>
          </td>
        );
      })}
      <td className="analysis-table__number">{counts.total.toLocaleString('ja-JP')}</td>
      <td className="analysis-table__number">{points(counts.meanPoints)}</td>
      <td className="analysis-table__bar">
        <GradeBar label={label} counts={counts} analysis={analysis} />
      </td>
    </tr>
  );
}

/**
 * A 100% stacked bar of one row. Segment widths are SVG attributes in a 0–100 viewBox (not style), colours come
 * from classes; the bar is an image named with the same shares the cells show.
 */
function GradeBar({ label, counts, analysis }: { label: string; counts: GradeCounts; analysis: GradeAnalysis }) {
  const levels = analysis.scale.levels;
  let x = 0;
  const segments = levels.map((level, index) => {
    const width = counts.total === 0 ? 0 : ((counts.counts[level.code] ?? 0) / counts.total) * 100;
    const segment = { code: level.code, index, x, width };
    x += width;
    return segment;
  });
  const description = levels
    .map((level) => `${level.code} ${percentOf(counts.counts[level.code] ?? 0, counts.total).toFixed(1)}%`)
    .join('、');
  return (
    <svg className="analysis-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${label}の分布: ${description}`}>
      <rect className="analysis-bar__track" x="0" y="0" width="100" height="10" />
      {segments
        .filter((segment) => segment.width > 0)
        .map((segment) => (
          <rect
            key={segment.code}
            className={`analysis-bar__segment analysis-swatch--${segment.index % paletteSize}`}
            x={segment.x}
            y="0"
            width={segment.width}
            height="10"
          />
        ))}
    </svg>
  );
}

function Legend({ analysis }: { analysis: GradeAnalysis }) {
  return (
    <ul className="analysis-legend" aria-label="棒グラフの色と評語">
      {analysis.scale.levels.map((level, index) => (
        <li key={level.code}>
          <svg className="analysis-legend__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <rect className={`analysis-swatch--${index % paletteSize}`} x="0" y="0" width="10" height="10" />
          </svg>
          {level.code}
          {level.label ? `(${level.label})` : ''}
        </li>
      ))}
    </ul>
  );
}

/* ---------- leniency ---------- */

function Leniency({ analysis, style }: { analysis: GradeAnalysis; style: DateStyle }) {
  const id = useId();
  const heading = `${cycleLabel(analysis.cycle, style)}の評価者ごとの甘辛`;
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>評価者ごとの甘辛</h2>
      <p className="hint">
        「平均」は評価者が付けた総合評価(確認者の調整の前)の平均点、「全体平均」はこの評価期間のすべての総合評価の平均点、「差」はその差です。プラスは甘め、マイナスは辛めの傾向を示します。件数が少ない評価者の差は偶然に左右されやすいため、参考として読んでください。点数は
        {analysis.scale.levels.map((level, index) => `${index === 0 ? '' : '、'}${level.code}=${pointsText(analysis, level.code)}`).join('')}
        です。
      </p>
      {analysis.leniency.length === 0 ? (
        <p>評価者による評価がまだありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${heading}の表`)}>
          <table className="analysis-table">
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">評価者</th>
                <th scope="col" className="analysis-table__number">
                  件数
                </th>
                <th scope="col" className="analysis-table__number">
                  平均
                </th>
                <th scope="col" className="analysis-table__number">
                  全体平均
                </th>
                <th scope="col" className="analysis-table__number">
                  差
                </th>
              </tr>
            </thead>
            <tbody>
              {analysis.leniency.map((row) => (
                <tr key={row.evaluatorStaffId}>
                  <th scope="row">{row.name}</th>
                  <td className="analysis-table__number">{row.count.toLocaleString('ja-JP')}</td>
                  <td className="analysis-table__number">{points(row.mean)}</td>
                  <td className="analysis-table__number">{points(row.pooledMean)}</td>
                  <td className="analysis-table__number">
                    {signed(row.difference)}
                    {tendency(row.difference) ? <span className="analysis-table__percent">({tendency(row.difference)})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function pointsText(analysis: GradeAnalysis, code: string): string {
  const index = analysis.scale.levels.findIndex((level) => level.code === code);
  const level = analysis.scale.levels[index];
  return String(level?.points ?? analysis.scale.levels.length - index);
}

/* ---------- payroll CSV ---------- */

function PayrollExport({ cycles, initialYear, style }: { cycles: readonly CycleSummary[]; initialYear: number; style: DateStyle }) {
  const id = useId();
  const years = [...new Set(cycles.map((c) => c.fiscalYear))].sort((a, b) => b - a);
  const [fiscalYear, setFiscalYear] = useState(initialYear);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8-bom');
  const sjis = useShiftJisCheck(encoding === 'cp932', () => checkGradesExport(fiscalYear));
  const yearLabel = formatFiscalYear(fiscalYear, style);

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>給与システム向けの評語(CSV)</h2>
      <p className="hint">
        年度の評価期間ごとに1人1行(職員番号・氏名・所属・職位・年度・評価期間・最終評語・点数・確定日・状態)で出力します。未確定のシートは評語が空欄です。個人情報を含むため庁内の規程に従って取り扱ってください。出力は監査ログに記録されます。
      </p>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={`${id}-year`}>年度</label>
          <select
            id={`${id}-year`}
            value={fiscalYear}
            onChange={(e) => {
              setFiscalYear(Number(e.target.value));
              sjis.reset();
            }}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {formatFiscalYear(year, style)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CsvEncodingChoice value={encoding} onChange={setEncoding} sjis={sjis} />
      <ShiftJisCheckButton sjis={sjis} variant="secondary" />
      <ShiftJisCheckOutcome sjis={sjis} />
      <ShiftJisSubstitutionConfirm sjis={sjis} describe={(u) => `${u.employeeNumber} ${u.columnLabel}「${u.char}」`} />
      {sjis.canDownload ? (
        <p className="form-actions">
          <a className="button button--primary" href={gradesExportUrl(fiscalYear, encoding, sjis.replacesUnencodable)} download>
            {yearLabel}の評語をCSVでダウンロード
          </a>
        </p>
      ) : null}
    </section>
  );
}

/* ---------- a unit's sheets (Excel) ---------- */

function UnitSheetsExport({ cycle, style }: { cycle: CycleSummary; style: DateStyle }) {
  const id = useId();
  const units = useUnitsAsOf(cycle.endsOn);
  const [chosen, setChosen] = useState<number | null>(null);
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const list = units.data?.units ?? [];
  const unitId = chosen !== null && list.some((u) => u.id === chosen) ? chosen : (list[0]?.id ?? null);
  const unit = list.find((u) => u.id === unitId);
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>所属の評価シート(Excel)</h2>
      <p className="hint">
        {cycleLabel(cycle, style)}の評価シートを所属ごとに1行1シートで出力します(目標・自己評価・評価・調整・最終評語・確認者メモ・苦情)。出力は監査ログに記録されます。
      </p>
      <ErrorAlert error={units.error} title="所属を読み込めませんでした。" />
      {units.isPending ? <Loading /> : null}
      {list.length > 0 ? (
        <>
          <div className="toolbar">
            <div className="field field--inline">
              <label htmlFor={`${id}-unit`}>所属</label>
              <select id={`${id}-unit`} value={unitId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
                {list.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.path}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={includeSubunits} onChange={(e) => setIncludeSubunits(e.target.checked)} />
              下位の所属を含める
            </label>
          </div>
          {unit ? (
            <p className="form-actions">
              <a className="button button--secondary" href={unitSheetsExportUrl(cycle.id, unit.id, includeSubunits)} download>
                {unit.name}の評価シートをExcelでダウンロード
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
