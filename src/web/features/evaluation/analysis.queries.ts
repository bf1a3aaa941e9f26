/**
 * Server state of the evaluation analysis screen: a cycle's grade analysis, and the download addresses of the
 * payroll CSV and a unit's Excel workbook. Cycles, units and sheets come from evaluation-lists.queries.ts and
 * sheets.queries.ts.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { AnalysisGrouping, GradeAnalysis } from '../../../domain/evaluation/grade-analysis.js';
import type { UnencodableReport } from '../../../domain/org/org-api.js';

export type CsvEncoding = 'utf-8-bom' | 'cp932';

export const analysisKeys = {
  analysis: (cycleId: number, by: AnalysisGrouping) => ['evaluation', 'analysis', cycleId, by] as const,
};

/** GET /api/evaluation/cycles/:id/analysis?by= (HR) */
export function useGradeAnalysis(cycleId: number | null, by: AnalysisGrouping) {
  return useQuery({
    queryKey: analysisKeys.analysis(cycleId ?? 0, by),
    queryFn: ({ signal }) => api.get<GradeAnalysis>(withQuery(`/api/evaluation/cycles/${cycleId}/analysis`, { by }), { signal }),
    enabled: cycleId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The payroll CSV of a 年度 (給与システム向け). */
export function gradesExportUrl(fiscalYear: number, encoding: CsvEncoding, replaceUnencodable: boolean): string {
  return withQuery('/api/evaluation/exports/grades', {
    fiscalYear,
    encoding,
    replaceUnencodable: encoding === 'cp932' && replaceUnencodable ? 'true' : undefined,
  });
}

/** What a Shift_JIS payroll CSV of the 年度 could not hold. */
export function checkGradesExport(fiscalYear: number): Promise<UnencodableReport> {
  return api.get<UnencodableReport>(withQuery('/api/evaluation/exports/grades/check', { fiscalYear, encoding: 'cp932' }));
}

/** A unit's sheets of a cycle as an Excel workbook (HR or the unit's head). */
export function unitSheetsExportUrl(cycleId: number, unitId: number, includeSubunits: boolean): string {
  return withQuery(`/api/evaluation/cycles/${cycleId}/units/${unitId}/sheets.xlsx`, { includeSubunits: String(includeSubunits) });
}
