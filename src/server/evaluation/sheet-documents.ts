/**
 * How a sheet's domain object is stored: the document without the ability items (kept once per cycle and
 * position level in the cycle's settings, so 40,000 ability sheets do not carry 40,000 copies), and the columns
 * copied beside it for dashboards, queues and analyses.
 */
import type { AbilityItem } from '../../domain/competency/ability-items.js';
import type { PositionLevel } from '../../domain/org/org-model.js';
import type { EvaluationPeriod } from '../../domain/evaluation/evaluation-calendar.js';
import { evaluationPeriodLabels } from '../../domain/evaluation/evaluation-calendar.js';
import { sheetProgress, type EvaluationSheet, type SheetSettings } from '../../domain/evaluation/sheet-workflow.js';
import type { CycleSummary } from '../../domain/evaluation/evaluation-api.js';
import type { CycleRow, SheetChanges, SheetRow } from './sheets.repository.js';

/** What `evaluation_cycles.settings` holds. */
export type CycleSettings = {
  sheet: SheetSettings;
  /** ability cycles: the items per position level, from the framework of the cycle's 年度 */
  itemsByLevel?: Partial<Record<PositionLevel, AbilityItem[]>>;
  frameworkFiscalYear?: number;
};

export const cycleSettingsOf = (cycle: CycleRow): CycleSettings => cycle.settings as CycleSettings;

export function kindOfPeriod(period: EvaluationPeriod): 'performance' | 'ability' {
  return period === 'year' ? 'ability' : 'performance';
}

export function cycleSummary(cycle: CycleRow, sheetCount: number): CycleSummary {
  const period = cycle.period as EvaluationPeriod;
  return {
    id: cycle.id,
    fiscalYear: cycle.fiscalYear,
    period,
    periodLabel: evaluationPeriodLabels[period],
    kind: kindOfPeriod(period),
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    relationsAsOf: cycle.relationsAsOf,
    includesFiscalYearStaff: cycle.includesFiscalYearStaff,
    openedAt: cycle.openedAt,
    sheetCount,
  };
}

/** The stored document of a sheet. */
export function toStoredDocument(sheet: EvaluationSheet): unknown {
  if (sheet.kind === 'ability') {
    const { items: _items, ...rest } = sheet;
    return rest;
  }
  return sheet;
}

/** The domain sheet of a row. */
export function toDomainSheet(row: SheetRow, cycle: CycleRow): EvaluationSheet {
  const document = row.document as EvaluationSheet;
  if (document.kind === 'ability') {
    const items = cycleSettingsOf(cycle).itemsByLevel?.[document.positionLevel] ?? [];
    return { ...document, items: items.map((item) => ({ ...item })) };
  }
  return document;
}

/** The columns kept in step with the document. */
export function columnsOf(sheet: EvaluationSheet): SheetChanges {
  const isRated = sheet.history.some((entry) => entry.action === 'submit-rating') && sheet.state !== 'self-evaluated' && sheet.state !== 'self-rated';
  return {
    state: sheet.state,
    completedSteps: [...sheetProgress(sheet).completed],
    ratedGrade: isRated ? sheet.rating.overallGrade : null,
    finalGrade: sheet.finalGrade,
    document: toStoredDocument(sheet),
  };
}
