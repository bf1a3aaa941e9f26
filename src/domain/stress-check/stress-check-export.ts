/**
 * The tables of the stress-check exports (facts.md: the MHLW program offers Excel/CSV export), as pure functions of
 * what the screens already show. The group table is built from the computed, suppressed analysis the group screen
 * reads (never from raw entries), so a hidden group is hidden in the file exactly as on screen: its row says why
 * and carries no figure. The implementer's results table lists one row per examinee. Cells are plain strings; the
 * CSV and Excel writers neutralise formula prefixes (security.md 9).
 */
import { stressScales } from './questionnaire.js';
import type { SuppressionReason } from './group-suppression.js';
import type { StressScore } from './stress-scoring.js';
import {
  interviewRequestStatusLabels,
  type ConsentDecision,
  type GroupAnalysis,
  type GroupFigure,
  type InterviewRequestStatus,
} from './stress-check-api.js';

/** The screen's words for a group's state (campaign page and exports alike). */
export function groupStatusLabel(status: 'shown' | SuppressionReason, minGroupSize: number): string {
  switch (status) {
    case 'shown':
      return '表示';
    case 'small':
      return `非表示(${minGroupSize}人未満、上位に合算)`;
    case 'differencing':
      return '非表示(差し引きで小集団が分かるため)';
  }
}

export const groupExportHeader: readonly string[] = [
  '集団',
  '階層',
  '上位の集団',
  '表示',
  '人数',
  '仕事のストレス要因(A)平均',
  '心身のストレス反応(B)平均',
  '周囲のサポート(C)平均',
  '量的負担',
  'コントロール',
  '上司の支援',
  '同僚の支援',
  '健康リスクA',
  '健康リスクB',
  '総合健康リスク',
  '前年の人数',
  '前年の総合健康リスク',
  ...stressScales.map((s) => `${s.label}(1問あたり平均)`),
];

const fixed = (x: number, digits: number) => x.toFixed(digits);

/** The figure's cells (all empty for a hidden group). */
function figureCells(figure: GroupFigure | null, previous: GroupFigure | null): string[] {
  if (!figure) return Array<string>(groupExportHeader.length - 4).fill('');
  return [
    String(figure.respondents),
    fixed(figure.areaMeans.A, 1),
    fixed(figure.areaMeans.B, 1),
    fixed(figure.areaMeans.C, 1),
    fixed(figure.judgement.quantitativeLoad, 1),
    fixed(figure.judgement.control, 1),
    fixed(figure.judgement.supervisorSupport, 1),
    fixed(figure.judgement.coworkerSupport, 1),
    figure.risk ? String(figure.risk.riskA) : '',
    figure.risk ? String(figure.risk.riskB) : '',
    figure.risk ? String(figure.risk.total) : '',
    previous ? String(previous.respondents) : '',
    previous?.risk ? String(previous.risk.total) : '',
    ...stressScales.map((s) => {
      const mean = figure.scaleMeans.find((m) => m.key === s.key)?.mean;
      return mean === undefined ? '' : fixed(mean, 2);
    }),
  ];
}

/**
 * 全体 first (when it is shown), then every unit in the screen's order with its depth and parent; hidden units keep
 * their row with the reason and no figure, as on screen.
 */
export function groupAnalysisTable(analysis: GroupAnalysis): string[][] {
  const names = new Map(analysis.units.map((u) => [u.unitId, u.unitName]));
  const rows: string[][] = [];
  rows.push(['全体', '0', '', analysis.total ? '表示' : `非表示(${analysis.minGroupSize}人未満)`, ...figureCells(analysis.total, analysis.total ? analysis.previousTotal : null)]);
  for (const u of analysis.units) {
    const figure = u.status === 'shown' ? u.figure : null;
    rows.push([
      u.unitName,
      String(u.depth + 1),
      u.parentUnitId === null ? '全体' : (names.get(u.parentUnitId) ?? ''),
      groupStatusLabel(figure ? 'shown' : u.status === 'shown' ? 'small' : u.status, analysis.minGroupSize),
      ...figureCells(figure, figure ? u.previous : null),
    ]);
  }
  return rows;
}

const consentLabels: Record<ConsentDecision, string> = { given: '同意', refused: '不同意' };
const reasonLabels: Record<NonNullable<StressScore['highStressReason']>, string> = {
  'b-total': '心身のストレス反応(B)の合計が基準以上',
  'ac-and-b': 'A+Cの合計が基準以上かつBが基準以上',
};

export const resultsExportHeader: readonly string[] = [
  '職員番号',
  '氏名',
  '所属',
  '提出日',
  '高ストレス',
  '該当の理由',
  '仕事のストレス要因(A)合計',
  '心身のストレス反応(B)合計',
  '周囲のサポート(C)合計',
  '満足度(D)合計',
  ...stressScales.map((s) => `${s.label}(点数)`),
  '結果の通知日',
  '面接指導の申出',
  '事業者への提供の同意',
];

/** One examinee as the implementer exports it; dates are already the Japanese calendar day (YYYY-MM-DD). */
export type ResultExportItem = {
  employeeNumber: string;
  name: string;
  unitName: string | null;
  submittedOn: string;
  shownOn: string | null;
  score: StressScore;
  consent: ConsentDecision | null;
  interviewRequestStatus: InterviewRequestStatus | null;
};

export function resultsTable(items: readonly ResultExportItem[]): string[][] {
  return items.map((r) => [
    r.employeeNumber,
    r.name,
    r.unitName ?? '',
    r.submittedOn,
    r.score.isHighStress ? '該当' : '非該当',
    r.score.highStressReason ? reasonLabels[r.score.highStressReason] : '',
    String(r.score.areaTotals.A),
    String(r.score.areaTotals.B),
    String(r.score.areaTotals.C),
    String(r.score.areaTotals.D),
    ...stressScales.map((s) => {
      const scale = r.score.scales.find((x) => x.key === s.key);
      return scale ? String(scale.score) : '';
    }),
    r.shownOn ?? '未通知',
    r.interviewRequestStatus ? interviewRequestStatusLabels[r.interviewRequestStatus] : 'なし',
    r.consent ? consentLabels[r.consent] : '未回答',
  ]);
}
