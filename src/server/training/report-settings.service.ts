/**
 * The training settings document of the municipality (`training-report-settings`): the standard hours per day the
 * reports count a session without its own hours with, and the months after a return from 休業・休職 during which a
 * person counts as 「休業からの復帰」 for the must-attend lists (default 12). Read by the reports, the annual plan and
 * the enrolments; shown and changed on the reports page (reports.service.ts).
 */
import type { Executor } from '../db/client.js';
import { loadSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';
import { defaultTrainingReportSettings, trainingReportSettingsSchema, type TrainingReportSettings } from '../../domain/training/reports.js';

export const reportSettingsDocument: SettingsDocumentSpec<TrainingReportSettings> = {
  key: 'training-report-settings',
  // apart from the other settings documents (7320–7323, 7330)
  lockClass: 7324,
  schema: trainingReportSettingsSchema,
  defaults: defaultTrainingReportSettings,
  subject: '研修の集計の設定',
  auditAction: 'training.report-settings-saved',
};

/** The stored document with its defaults and concurrency token. */
export async function loadReportSettingsDocument(exec: Executor, municipalityId: number): Promise<StoredSettingsDocument<TrainingReportSettings>> {
  return loadSettingsDocument(exec, municipalityId, reportSettingsDocument);
}

/** The settings in force. */
export async function getTrainingReportSettings(exec: Executor, municipalityId: number): Promise<TrainingReportSettings> {
  return (await loadReportSettingsDocument(exec, municipalityId)).value;
}
