/**
 * The evaluation calendar (人事評価実施スケジュール, policy III-2-(2), ADR 0009) as a setting of the municipality:
 * one document of month/day deadlines, the policy's schedule as default, resolved to dates for any 年度.
 * Everyone signed in reads it (staff need their deadlines); hr_admin changes or resets it.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
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
import {
  deleteSetting,
  deleteSettingIfUnchanged,
  findSetting,
  insertSettingIfAbsent,
  lockSettingsOfKind,
  updateSettingIfUnchanged,
} from '../common/settings-documents.repository.js';

/** Calendar writes of a municipality take turns; apart from the organisation settings' lock class (7320). */
const calendarLockClass = 7321;

export const calendarSettingsKey = 'evaluation-calendar';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const staleCalendar = () =>
  new AppError('common.conflict', '他の人が先に評価スケジュールを更新しました。最新の内容を読み込んでから、もう一度変更してください。');

type Loaded = { settings: CalendarSettings; isStored: boolean; updatedAt: string | null };

async function loadCalendar(exec: Executor, municipalityId: number): Promise<Loaded> {
  const row = await findSetting(exec, municipalityId, calendarSettingsKey);
  if (row === undefined) return { settings: defaultCalendarSettings, isStored: false, updatedAt: null };
  const parsed = calendarSettingsSchema.safeParse(row.value);
  if (!parsed.success) {
    // A document that no longer validates (e.g. after an upgrade) gives way to the defaults rather than hiding
    // everyone's deadlines; it is logged so that someone fixes it on the schedule screen.
    console.warn('evaluation calendar settings do not validate; using the defaults', {
      municipalityId,
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return { settings: parsed.success ? parsed.data : defaultCalendarSettings, isStored: true, updatedAt: row.updatedAt };
}

function viewOf(loaded: Loaded, fiscalYear: number, currentFiscalYear: number): CalendarView {
  const calendar = resolveCalendar(loaded.settings, fiscalYear);
  return {
    settings: loaded.settings,
    defaults: defaultCalendarSettings,
    isDefault: !loaded.isStored,
    updatedAt: loaded.updatedAt,
    fiscalYear,
    currentFiscalYear,
    milestones: evaluationPeriods.flatMap((period) => calendar.periods[period].milestones),
  };
}

/** The calendar settings in force for the municipality (for the other evaluation services). */
export async function getCalendarSettings(exec: Executor, municipalityId: number): Promise<CalendarSettings> {
  return (await loadCalendar(exec, municipalityId)).settings;
}

/** GET /api/evaluation/calendar?fiscalYear= (default: this 年度). */
export async function readCalendar(ctx: ServiceContext, input: { fiscalYear?: number }): Promise<CalendarView> {
  const current = fiscalYearOf(ctx.today);
  return viewOf(await loadCalendar(ctx.database.db, ctx.actor.municipalityId), input.fiscalYear ?? current, current);
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
  const municipalityId = ctx.actor.municipalityId;
  const { updatedAt, fiscalYear, ...wanted } = input;
  const current = fiscalYearOf(ctx.today);
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, calendarLockClass, municipalityId);
    const loaded = await loadCalendar(tx, municipalityId);
    if (loaded.isStored !== (updatedAt !== null)) throw staleCalendar();
    const parsed = calendarSettingsSchema.safeParse(wanted, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
    // The token is sent back as read; the write below compares it again as a timestamp.
    if (updatedAt !== null && updatedAt !== loaded.updatedAt) throw staleCalendar();
    const changed = changedKeys(loaded.settings, parsed.data);
    if (changed.length === 0 && loaded.isStored) return viewOf(loaded, fiscalYear ?? current, current);
    const written =
      updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, calendarSettingsKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, calendarSettingsKey, parsed.data, updatedAt);
    if (written === undefined) throw staleCalendar();
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.calendar-saved',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: calendarSettingsKey,
      details: { changed },
    });
    return viewOf(await loadCalendar(tx, municipalityId), fiscalYear ?? current, current);
  });
}

/**
 * POST /api/evaluation/calendar/reset: back to the policy's schedule by removing the stored document. With
 * `updatedAt` the reset is refused (409) if the calendar changed since it was read.
 */
export async function resetCalendar(ctx: ServiceContext, input: { updatedAt?: string | null }): Promise<CalendarView> {
  const municipalityId = ctx.actor.municipalityId;
  const current = fiscalYearOf(ctx.today);
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, calendarLockClass, municipalityId);
    const loaded = await loadCalendar(tx, municipalityId);
    if (!loaded.isStored) {
      if (input.updatedAt !== undefined && input.updatedAt !== null) throw staleCalendar();
      return viewOf(loaded, current, current);
    }
    if (input.updatedAt === null) throw staleCalendar();
    if (input.updatedAt === undefined) await deleteSetting(tx, municipalityId, calendarSettingsKey);
    else if (!(await deleteSettingIfUnchanged(tx, municipalityId, calendarSettingsKey, input.updatedAt))) throw staleCalendar();
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.calendar-reset',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: calendarSettingsKey,
      details: { changed: changedKeys(loaded.settings, defaultCalendarSettings) },
    });
    return viewOf(await loadCalendar(tx, municipalityId), current, current);
  });
}
