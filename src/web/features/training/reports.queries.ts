/**
 * 研修の報告・統計 (/api/training/reports): the reports read by the pages, the settings of the hours, and the URLs of
 * the downloads (plain links: the browser saves the file, the server audits it).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { CompletionReport, HoursReport, TrainingHistory, TrainingReportSettings, TrainingReportSettingsView } from '../../../domain/training/reports.js';

export type ExportFormat = 'xlsx' | 'csv';

export const reportKeys = {
  all: ['training', 'reports'] as const,
  completion: (fiscalYear: number) => ['training', 'reports', 'completion', fiscalYear] as const,
  hours: (fiscalYear: number, unitId: number | null, page: number) => ['training', 'reports', 'hours', fiscalYear, unitId, page] as const,
  history: (staffId: number, from: number, to: number) => ['training', 'reports', 'history', staffId, from, to] as const,
  settings: ['training', 'reports', 'settings'] as const,
};

export function useCompletionReport(fiscalYear: number) {
  return useQuery({
    queryKey: reportKeys.completion(fiscalYear),
    queryFn: ({ signal }) => api.get<CompletionReport>(withQuery('/api/training/reports/completion', { fiscalYear }), { signal }),
  });
}

export function useHoursReport(fiscalYear: number, unitId: number | null, page: number) {
  return useQuery({
    queryKey: reportKeys.hours(fiscalYear, unitId, page),
    queryFn: ({ signal }) => api.get<HoursReport>(withQuery('/api/training/reports/hours', { fiscalYear, unitId, page }), { signal }),
  });
}

export function useTrainingHistory(staffId: number | null, from: number, to: number) {
  return useQuery({
    queryKey: reportKeys.history(staffId ?? 0, from, to),
    queryFn: ({ signal }) => api.get<TrainingHistory>(withQuery(`/api/training/reports/history/${staffId}`, { from, to }), { signal }),
    enabled: staffId !== null,
  });
}

export function useReportSettings(enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.settings,
    queryFn: ({ signal }) => api.get<TrainingReportSettingsView>('/api/training/reports/settings', { signal }),
    enabled,
  });
}

export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { updatedAt: string | null; settings: TrainingReportSettings }) => api.put<TrainingReportSettingsView>('/api/training/reports/settings', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export const completionExportUrl = (fiscalYear: number, format: ExportFormat) => withQuery('/api/training/reports/completion/export', { fiscalYear, format });
export const hoursExportUrl = (fiscalYear: number, unitId: number | null, format: ExportFormat) =>
  withQuery('/api/training/reports/hours/export', { fiscalYear, unitId, format });
export const loopExportUrl = (fiscalYear: number, format: ExportFormat) => withQuery('/api/training/reports/loop/export', { fiscalYear, format });
export const historyExportUrl = (staffId: number, from: number, to: number, format: ExportFormat) =>
  withQuery(`/api/training/reports/history/${staffId}/export`, { from, to, format });
