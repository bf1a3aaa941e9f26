/**
 * A unit's evaluation sheets of a cycle as one Excel workbook (issue 3 item 11): one row per sheet with the goals
 * (or ability items), self-evaluation, rating, adjustment and final grade, as far as the reader may see them. HR
 * (by role) sees what HR sees; a unit head sees what a confirmer sees, without the confirmer's internal notes and
 * without complaints (those stay between the evaluatee, the confirmer named on the sheet and HR). The export is
 * audited by the access guard (evaluation.unit-sheets.export) and here with the cycle and the number of sheets.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit } from '../access/audit.service.js';
import { buildXlsx } from '../common/excel-export.js';
import type { ExportFile } from '../common/csv-download.js';
import { accessMatrix } from '../../domain/access/access-matrix.js';
import { formatDate, formatFiscalYear, type DateStyle } from '../../domain/common/wareki.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import {
  abilityStateLabels,
  goalDifficultyLabels,
  performanceStateLabels,
  visibleFields,
  type Adjustment,
  type Assessment,
  type ComplaintOutcome,
  type EvaluationSheet,
  type Interview,
  type SheetField,
} from '../../domain/evaluation/sheet-workflow.js';
import { loadCycleForAnalysis } from './analysis.service.js';
import { cycleSettingsOf, type CycleSettings } from './sheet-documents.js';
import { findUnitName, listUnitSheets, type UnitSheetRow } from './analysis.repository.js';

export type UnitSheetsExportInput = { cycleId: number; unitId: number; includeSubunits: boolean };

/** exceljs builds the workbook in memory; a unit (even a whole department) stays far below this. */
const maxSheets = 5_000;

const complaintOutcomeLabels: Record<ComplaintOutcome, string> = {
  'no-change': '説明により解決(評価は維持)',
  'grade-revised': '評価を修正',
  withdrawn: '取下げ',
};

type Column = { label: string; value: (sheet: EvaluationSheet, visible: ReadonlySet<SheetField>, row: UnitSheetRow) => string };

function dateText(date: string | null | undefined, style: DateStyle): string {
  return date && isValidIsoDate(date) ? formatDate(date, style) : '';
}

function interviewText(interview: Interview | null | undefined, style: DateStyle): string {
  if (!interview) return '';
  return [dateText(interview.heldOn, style), interview.notes].filter((part) => part !== '').join('\n');
}

/** Per goal or item, then 総合 and the comment: "1. 窓口の待ち時間短縮: A　コメント". */
function assessmentText(assessment: Assessment | undefined, entries: ReadonlyArray<{ id: string; label: string }>): string {
  if (!assessment) return '';
  const lines = entries.map((entry, index) => {
    const given = assessment.entries[entry.id];
    const parts = [given?.grade ?? '—', given?.comment ?? ''].filter((part) => part !== '');
    return `${index + 1}. ${entry.label}: ${parts.join('　')}`;
  });
  if (assessment.overallGrade !== null) lines.push(`総合: ${assessment.overallGrade}`);
  if (assessment.comment.trim() !== '') lines.push(`コメント: ${assessment.comment}`);
  return lines.join('\n');
}

function entriesOf(sheet: EvaluationSheet): Array<{ id: string; label: string }> {
  return sheet.kind === 'performance'
    ? (sheet.goals ?? []).map((goal) => ({ id: goal.id, label: goal.title }))
    : (sheet.items ?? []).map((item) => ({ id: item.id, label: item.label }));
}

function goalsText(sheet: EvaluationSheet, style: DateStyle): string {
  if (sheet.kind === 'ability') return (sheet.items ?? []).map((item, index) => `${index + 1}. ${item.label}`).join('\n');
  return (sheet.goals ?? [])
    .map((goal, index) => {
      const facts = [
        goal.dueOn ? `期限: ${dateText(goal.dueOn, style)}` : '',
        goal.weight === null ? '' : `ウエイト: ${goal.weight}%`,
        `難易度: ${goalDifficultyLabels[goal.difficulty] ?? goal.difficulty}`,
      ].filter((part) => part !== '');
      return [`${index + 1}. ${goal.title}`, `目標水準・指標: ${goal.target}`, facts.join('　')].join('\n');
    })
    .join('\n');
}

function adjustmentText(adjustment: Adjustment | null | undefined): string {
  if (!adjustment) return '';
  const grade = adjustment.overallGrade === null ? '調整なし' : `調整後: ${adjustment.overallGrade}`;
  return adjustment.reason.trim() === '' ? grade : `${grade}\n理由: ${adjustment.reason}`;
}

function complaintText(sheet: EvaluationSheet, style: DateStyle): string {
  if (sheet.kind !== 'performance' || !sheet.complaint) return '';
  const { complaint } = sheet;
  const lines = [`相談日: ${dateText(complaint.consultedOn, style)}`, complaint.text];
  if (complaint.handling) {
    lines.push(`処理日: ${dateText(complaint.handling.handledOn, style)}　結果: ${complaintOutcomeLabels[complaint.handling.outcome] ?? complaint.handling.outcome}`);
    if (complaint.handling.revisedGrade !== null) lines.push(`修正前: ${complaint.handling.previousGrade ?? '—'} → 修正後: ${complaint.handling.revisedGrade}`);
    lines.push(complaint.handling.notes);
  }
  return lines.join('\n');
}

/** Shows `text` only when the reader may see `field`. */
const when = (visible: ReadonlySet<SheetField>, field: SheetField, text: () => string) => (visible.has(field) ? text() : '');

function columnsFor(kind: 'performance' | 'ability', isHr: boolean, style: DateStyle): Column[] {
  const columns: Column[] = [
    { label: '職員番号', value: (_s, _v, row) => row.employeeNumber },
    { label: '氏名', value: (_s, _v, row) => row.evaluateeName },
    { label: '所属', value: (_s, _v, row) => row.unitName ?? '' },
    { label: '職位', value: (_s, _v, row) => row.positionName ?? '' },
    { label: '評価者', value: (_s, _v, row) => row.evaluatorName ?? '' },
    { label: '確認者', value: (_s, _v, row) => row.confirmerName ?? '' },
    {
      label: '状態',
      value: (s) => (s.kind === 'performance' ? performanceStateLabels[s.state] : abilityStateLabels[s.state]) ?? s.state,
    },
  ];
  if (kind === 'performance') {
    columns.push(
      { label: '目標', value: (s, v) => when(v, 'goals', () => goalsText(s, style)) },
      { label: '期首面談', value: (s, v) => when(v, 'openingInterview', () => (s.kind === 'performance' ? interviewText(s.openingInterview, style) : '')) },
      { label: '自己評価', value: (s, v) => when(v, 'selfEvaluation', () => assessmentText(s.selfEvaluation, entriesOf(s))) },
      { label: '期末面談', value: (s, v) => when(v, 'closingInterview', () => (s.kind === 'performance' ? interviewText(s.closingInterview, style) : '')) },
    );
  } else {
    columns.push(
      { label: '評価項目', value: (s, v) => when(v, 'items', () => goalsText(s, style)) },
      { label: '自己評価', value: (s, v) => when(v, 'selfEvaluation', () => assessmentText(s.selfEvaluation, entriesOf(s))) },
    );
  }
  columns.push(
    { label: '評価者の評価', value: (s, v) => when(v, 'rating', () => assessmentText(s.rating, entriesOf(s))) },
    { label: '確認者の調整', value: (s, v) => when(v, 'adjustment', () => adjustmentText(s.adjustment)) },
    { label: '最終評語', value: (s, v) => when(v, 'finalGrade', () => s.finalGrade ?? '') },
    { label: 'フィードバック面談', value: (s, v) => when(v, 'feedbackInterview', () => interviewText(s.feedbackInterview, style)) },
  );
  if (isHr) {
    columns.push({ label: '確認者メモ', value: (s, v) => when(v, 'confirmerNotes', () => s.confirmerNotes ?? '') });
    if (kind === 'performance') columns.push({ label: '苦情相談・処理', value: (s, v) => when(v, 'complaint', () => complaintText(s, style)) });
  }
  return columns;
}

/**
 * What the reader may see of a sheet: their own sheet as its evaluatee (nobody reads their own rating before
 * disclosure through an export), otherwise HR's view, or a confirmer's without internal notes and complaints.
 */
function visibleTo(sheet: EvaluationSheet, reader: { isHr: boolean; isOwn: boolean }): Set<SheetField> {
  if (reader.isOwn) return new Set(visibleFields(sheet, 'evaluatee'));
  const visible = new Set(visibleFields(sheet, reader.isHr ? 'hr' : 'confirmer'));
  if (!reader.isHr) {
    visible.delete('confirmerNotes');
    visible.delete('complaint');
  }
  return visible;
}

/** The stored document as the domain sheet: ability sheets get their items back from the cycle (sheet-documents.ts keeps them there). */
function domainSheetOf(document: unknown, itemsByLevel: NonNullable<CycleSettings['itemsByLevel']>): EvaluationSheet {
  const sheet = document as EvaluationSheet;
  return sheet.kind === 'ability' ? { ...sheet, items: itemsByLevel[sheet.positionLevel] ?? [] } : sheet;
}

/** GET /api/evaluation/cycles/:id/units/:unitId/sheets.xlsx */
export async function exportUnitSheets(ctx: ServiceContext, input: UnitSheetsExportInput): Promise<ExportFile> {
  const cycle = await loadCycleForAnalysis(ctx, input.cycleId);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const unitsAsOf = cycle.row.endsOn;
  const unitName = await findUnitName(exec, municipalityId, input.unitId, unitsAsOf);
  if (unitName === undefined) throw new AppError('org.unit-not-found', '所属が見つかりません。');
  // HR holds the permission by role; anyone else got here as the unit's head (the access guard decided).
  const isHr = accessMatrix['evaluation.unit-sheets.export'].roles.some((role) => ctx.actor.roles.includes(role));
  // The units below as the organisation stands now for a running cycle, or as it stood at the end of a past one.
  const orgAsOf = ctx.today < cycle.row.endsOn ? ctx.today : cycle.row.endsOn;
  const rows = await listUnitSheets(exec, { municipalityId, cycleId: cycle.row.id, unitId: input.unitId, includeSubunits: input.includeSubunits, orgAsOf, unitsAsOf });
  if (rows.length > maxSheets) {
    throw new AppError('org.export-too-large', `Excel で出力できるのは${maxSheets.toLocaleString('ja-JP')}件までです(${rows.length.toLocaleString('ja-JP')}件)。所属を分けて出力してください。`);
  }
  const style = ctx.actor.dateStyle;
  const itemsByLevel = cycleSettingsOf(cycle.row).itemsByLevel ?? {};
  const columns = columnsFor(cycle.summary.kind, isHr, style);
  const cells = rows.map((row) => {
    const sheet = domainSheetOf(row.document, itemsByLevel);
    const visible = visibleTo(sheet, { isHr, isOwn: row.staffId === ctx.actor.staffId });
    return columns.map((column) => column.value(sheet, visible, row));
  });
  await audit(
    ctx.database,
    { municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now },
    {
      action: 'evaluation.unit-sheets-exported',
      outcome: 'succeeded',
      objectType: 'org_unit',
      objectId: input.unitId,
      details: { cycleId: cycle.row.id, includeSubunits: input.includeSubunits, sheets: rows.length, view: isHr ? 'hr' : 'unit-head' },
    },
  );
  const title = `${formatFiscalYear(cycle.row.fiscalYear, style)}${cycle.summary.periodLabel}`;
  return {
    bytes: await buildXlsx(title, columns.map((column) => column.label), cells),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    asciiFileName: `evaluation-sheets-${cycle.row.fiscalYear}-${cycle.row.period}-unit${input.unitId}.xlsx`,
    fileName: `評価シート_${unitName}_${title}.xlsx`,
    unencodableCount: 0,
  };
}
