/**
 * The evaluation calendar (人事評価実施スケジュール, policy III-2-(2), ADR 0009) as a setting of the municipality:
 * one document of month/day deadlines, the policy's schedule as default, resolved to dates for any 年度.
 * Everyone signed in reads it (staff need their deadlines); hr_admin changes or resets it.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { fiscalYearOf } from '../../domain/common/fiscal-year.js';
import {
  calendarSettingsSchema,
  defaultCalendarSettings,
  evaluationPeriods,
  resolveCalendar,
  type CalendarSettings,
  type MilestoneSetting,
  type MilestoneStep,
} from '../../domain/evaluation/evaluation-calendar.js';
import type { CalendarUpdate, CalendarView } from '../../domain/evaluation/evaluation-api.js';
import { loadSettingsDocument, resetSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

export const calendarSettingsKey = 'evaluation-calendar';

/** Only the changed keys go to the audit log; a save that changes nothing of a stored calendar writes nothing. */
const document: SettingsDocumentSpec<CalendarSettings> & { resetAuditAction: string } = {
  key: calendarSettingsKey,
  // apart from the organisation settings (7320)
  lockClass: 7321,
  schema: calendarSettingsSchema,
  defaults: defaultCalendarSettings,
  subject: '評価スケジュール',
  auditAction: 'evaluation.calendar-saved',
  resetAuditAction: 'evaluation.calendar-reset',
  auditDetails: (value, before) => ({ changed: changedKeys(before, value) }),
  unchanged: (before, after) => changedKeys(before, after).length === 0,
};

function viewOf(stored: StoredSettingsDocument<CalendarSettings>, fiscalYear: number, currentFiscalYear: number): CalendarView {
  const calendar = resolveCalendar(stored.value, fiscalYear);
  return {
    settings: stored.value,
    defaults: stored.defaults,
    isDefault: stored.isDefault,
    updatedAt: stored.updatedAt,
    fiscalYear,
    currentFiscalYear,
    milestones: evaluationPeriods.flatMap((period) => calendar.periods[period].milestones),
  };
}

/** The calendar settings in force for the municipality (for the other evaluation services). */
export async function getCalendarSettings(exec: Executor, municipalityId: number): Promise<CalendarSettings> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** GET /api/evaluation/calendar?fiscalYear= (default: this 年度). */
export async function readCalendar(ctx: ServiceContext, input: { fiscalYear?: number }): Promise<CalendarView> {
  const current = fiscalYearOf(ctx.today);
  return viewOf(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document), input.fiscalYear ?? current, current);
}

const sameDay = (a: MilestoneSetting, b: MilestoneSetting | undefined) =>
  b !== undefined && a.opens.month === b.opens.month && a.opens.day === b.opens.day && a.due.month === b.due.month && a.due.day === b.due.day;

/** The settings that differ, named like `first-half.goal-submission` and `complaintPeriodDays`. */
function changedKeys(before: CalendarSettings, after: CalendarSettings): string[] {
  const changed: string[] = [];
  for (const period of evaluationPeriods) {
    const was: Partial<Record<MilestoneStep, MilestoneSetting>> = before.periods[period];
    const now: Partial<Record<MilestoneStep, MilestoneSetting>> = after.periods[period];
    for (const [step, setting] of Object.entries(now) as [MilestoneStep, MilestoneSetting][]) {
      if (!sameDay(setting, was[step])) changed.push(`${period}.${step}`);
    }
  }
  if (before.complaintPeriodDays !== after.complaintPeriodDays) changed.push('complaintPeriodDays');
  return changed;
}

/**
 * PUT /api/evaluation/calendar: replaces the stored document (validated by `calendarSettingsSchema`, messages in
 * Japanese); 409 if someone changed or reset the calendar since it was read. The changed keys go to the audit log.
 */
export async function updateCalendar(ctx: ServiceContext, input: CalendarUpdate & { fiscalYear?: number }): Promise<CalendarView> {
  const { updatedAt, fiscalYear, ...value } = input;
  const current = fiscalYearOf(ctx.today);
  return viewOf(await saveSettingsDocument(ctx, document, { value, updatedAt }), fiscalYear ?? current, current);
}

/**
 * POST /api/evaluation/calendar/reset: back to the policy's schedule by removing the stored document. With
 * `updatedAt` the reset is refused (409) if the calendar changed since it was read.
 */
export async function resetCalendar(ctx: ServiceContext, input: { updatedAt?: string | null }): Promise<CalendarView> {
  const current = fiscalYearOf(ctx.today);
  return viewOf(await resetSettingsDocument(ctx, document, input), current, current);
}
