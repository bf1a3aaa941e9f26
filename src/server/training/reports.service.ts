/**
 * 研修の報告・統計 (issue 4 item 8): a person's training history (研修受講履歴), completion by course and position level
 * (職位別・研修別の修了状況), the hours per person of a 年度 (年間研修時間), the ability → training loop as a file,
 * and their Excel/CSV downloads. Every report is a few set-based queries and pure aggregation (domain reports.ts), so
 * it costs the same at 40,000 staff as at 120. Downloads that name people are audited here with what was exported,
 * on top of the guard's audited read.
 *
 * The standard hours per day (a session without its own hours counts its days × this) and the 「休業からの復帰」 window
 * of the must-attend lists are a settings document of the municipality (`training-report-settings`,
 * report-settings.service.ts), stored and changed like the tenure bands.
 */
import type { ServiceContext } from '../http/context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { audit } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { validationError } from '../http/validation-messages.js';
import { buildXlsx } from '../common/excel-export.js';
import { csvDownload, type ExportFile } from '../common/csv-download.js';
import { saveSettingsDocument } from '../common/settings-document.service.js';
import { loadReportSettingsDocument, reportSettingsDocument } from './report-settings.service.js';
import { listUnitIdsBelow } from '../org/org.repository.js';
import { clampDate, fiscalYearRange } from '../../domain/common/fiscal-year.js';
import { positionLevelLabels, positionLevels, type PositionLevel } from '../../domain/org/org-model.js';
import { courseCategoryLabels, courseProviderLabels } from '../../domain/training/training-model.js';
import { enrolmentStatusLabels } from '../../domain/training/enrolment.js';
import { selfDevelopmentKindLabels, type SelfDevelopmentKind } from '../../domain/training/self-development.js';
import { hasAutomaticTargets } from '../../domain/training/training-targets.js';
import {
  completionByCourse,
  completionColumns,
  hoursCountingStatuses,
  roundHours,
  sessionHours,
  summariseHours,
  summariseHoursBy,
  trainingHoursOf,
  type CompletionCell,
  type CompletionColumn,
  type CompletionReport,
  type CourseEnrolment,
  type CourseTarget,
  type HoursPerson,
  type HoursReport,
  type TrainingHistory,
  type TrainingReportSettingsInput,
  type TrainingReportSettingsView,
} from '../../domain/training/reports.js';
import { listSessionsOfYear, listTargetPeople, type StaffWithPosts } from './plan.repository.js';
import { mustAttendOfSessions } from './plan.service.js';
import { readTrainingLoop } from './recommendations.service.js';
import { auditSource } from './catalog.service.js';
import {
  findUnitNameOn,
  listConfirmedSelfDevelopment,
  listEnrolmentsOfStaff,
  listHoursOfYear,
  listSeatEnrolmentsOfYear,
  listStaffNamesOn,
  listUnitNamesOn,
} from './reports.repository.js';

export const hoursPageSize = 50;
export type ExportFormat = 'xlsx' | 'csv';

// ---------------------------------------------------------------------------------------------------------
// Settings: the standard hours per day and the 「休業からの復帰」 window (report-settings.service.ts)

async function loadSettings(exec: Executor, municipalityId: number): Promise<Omit<TrainingReportSettingsView, 'canManage'>> {
  const { value, ...rest } = await loadReportSettingsDocument(exec, municipalityId);
  return { settings: value, ...rest };
}

async function hoursPerDayOf(exec: Executor, municipalityId: number): Promise<number> {
  return (await loadSettings(exec, municipalityId)).settings.hoursPerDay;
}

/** GET /api/training/reports/settings */
export async function readReportSettings(ctx: ServiceContext): Promise<TrainingReportSettingsView> {
  const [view, manage] = await Promise.all([
    loadSettings(ctx.database.db, ctx.actor.municipalityId),
    can(ctx.database, ctx.actor, 'training.catalog.manage', {}, ctx.today),
  ]);
  return { ...view, canManage: manage.allowed };
}

/** PUT /api/training/reports/settings: the settings with the token read (null: the defaults stand); 409 when stale. */
export async function updateReportSettings(ctx: ServiceContext, input: { updatedAt: string | null; settings: TrainingReportSettingsInput }): Promise<TrainingReportSettingsView> {
  const { value, ...rest } = await saveSettingsDocument(ctx, reportSettingsDocument, { field: 'settings', value: input.settings, updatedAt: input.updatedAt });
  return { settings: value, ...rest, canManage: true };
}

// ---------------------------------------------------------------------------------------------------------
// Completion by course and position level

/** The regular post's level of a person on `date` (posts come newest first). A loop: it runs per enrolment. */
function levelOn(person: StaffWithPosts | undefined, date: string): PositionLevel | null {
  if (person === undefined) return null;
  for (const a of person.posts) if (a.startsOn <= date && (a.endsOn === null || a.endsOn >= date)) return a.level;
  return null;
}

/** Japanese order of names (one collator: `localeCompare(…, 'ja')` sets one up per comparison). */
const japanese = new Intl.Collator('ja');

const columnLabel = (c: CompletionColumn) => (c === 'none' ? '職位なし' : positionLevelLabels[c]);

/**
 * GET /api/training/reports/completion?fiscalYear=: per course with sessions in the 年度 and per position level, the
 * must-attend people (computed as the plan computes them), the enrolled and the completed, and the completion rate.
 */
export async function readCompletionReport(ctx: ServiceContext, input: { fiscalYear: number }): Promise<CompletionReport> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const rows = await listSessionsOfYear(exec, municipalityId, input.fiscalYear);
  const columns = completionColumns.map((key) => ({ key, label: columnLabel(key) }));
  if (rows.length === 0) return { fiscalYear: input.fiscalYear, columns, rows: [] };
  const startDates = rows.map((r) => r.session.startsOn).sort();
  const [{ targets, people }, enrolmentRows] = await Promise.all([
    mustAttendOfSessions(exec, municipalityId, rows, { from: startDates[0]!, to: startDates[startDates.length - 1]! }),
    listSeatEnrolmentsOfYear(exec, municipalityId, input.fiscalYear),
  ]);
  const personOf = new Map(people.map((p) => [p.staffId, p]));
  // Sessions by start date, so that a person's column is their level at the first session of the course.
  const courseTargets: CourseTarget[] = [];
  for (const { session } of rows) {
    for (const t of targets.get(session.id) ?? []) courseTargets.push({ courseId: session.courseId, staffId: t.staffId, positionLevel: t.positionLevel });
  }
  const enrolments: CourseEnrolment[] = [];
  for (const session of enrolmentRows) {
    session.staffIds.forEach((staffId, i) => {
      enrolments.push({ courseId: session.courseId, staffId, status: session.statuses[i]!, positionLevel: levelOn(personOf.get(staffId), session.startsOn) });
    });
  }

  const courses = new Map<number, { course: (typeof rows)[number]['course']; sessions: number }>();
  for (const { course } of rows) {
    const entry = courses.get(course.id);
    if (entry) entry.sessions += 1;
    else courses.set(course.id, { course, sessions: 1 });
  }
  const ordered = [...courses.values()].sort((a, b) => japanese.compare(a.course.code, b.course.code));
  const completion = completionByCourse({
    courses: ordered.map(({ course }) => ({ id: course.id, hasAutomaticTargets: hasAutomaticTargets({ selectionMethods: course.selectionMethods as never }) })),
    targets: courseTargets,
    enrolments,
  });
  return {
    fiscalYear: input.fiscalYear,
    columns,
    rows: completion.map((row, i) => {
      const { course, sessions } = ordered[i]!;
      const category = course.category as CompletionReport['rows'][number]['category'];
      return { ...row, code: course.code, title: course.title, category, categoryLabel: courseCategoryLabels[category] ?? course.category, sessions };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Hours per person

/** A person's hours before their name is read (names are read only for the rows shown or downloaded). */
type HoursNumbers = Omit<HoursPerson, 'employeeNumber' | 'name' | 'positionName'>;
type HoursData = { report: Omit<HoursReport, 'people' | 'total' | 'page' | 'pageSize'>; people: HoursNumbers[] };

/** Everyone employed on the reference day with the year's hours, filtered to the unit and those below it. */
async function loadHours(ctx: ServiceContext, input: { fiscalYear: number; unitId?: number }): Promise<HoursData> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const range = fiscalYearRange(input.fiscalYear);
  const asOf = clampDate(ctx.today, range.startsOn, range.endsOn);
  let unit: HoursReport['unit'] = null;
  let unitIds: Set<number> | null = null;
  if (input.unitId !== undefined) {
    const name = await findUnitNameOn(exec, municipalityId, input.unitId, asOf);
    if (name === undefined) throw new AppError('org.unit-not-found', '所属が見つかりません。');
    unit = { id: input.unitId, name };
    unitIds = new Set(await listUnitIdsBelow(exec, municipalityId, input.unitId, asOf));
  }
  const [rows, unitNames, hoursPerDay] = await Promise.all([
    listHoursOfYear(exec, municipalityId, { fiscalYear: input.fiscalYear, from: range.startsOn, to: range.endsOn, asOf }),
    listUnitNamesOn(exec, municipalityId, asOf),
    hoursPerDayOf(exec, municipalityId),
  ]);
  const people: HoursNumbers[] = [];
  const staffedUnits = new Set<number>();
  for (const r of rows) {
    if (r.unitId !== null) staffedUnits.add(r.unitId);
    if (unitIds !== null && (r.unitId === null || !unitIds.has(r.unitId))) continue;
    const trainingHours = trainingHoursOf(r, hoursPerDay);
    people.push({
      staffId: r.staffId,
      unitId: r.unitId,
      unitName: r.unitId === null ? null : (unitNames.get(r.unitId) ?? null),
      positionLevel: r.positionLevel,
      sessions: r.sessions,
      trainingHours,
      selfDevelopmentHours: roundHours(r.selfDevelopmentHours),
      totalHours: roundHours(trainingHours + r.selfDevelopmentHours),
    });
  }
  const byName = (a: number, b: number) => japanese.compare(unitNames.get(a) ?? '', unitNames.get(b) ?? '') || a - b;
  const unitKeys = [...new Set(people.map((p) => p.unitId).filter((id): id is number => id !== null))].sort(byName);
  const byUnit = summariseHoursBy(people, (i) => people[i]!.unitId ?? -1, [...unitKeys, -1]).map((g) => ({
    key: String(g.key),
    label: g.key === -1 ? '所属なし' : (unitNames.get(g.key) ?? ''),
    summary: g.summary,
  }));
  const levelKeys: (PositionLevel | 'none')[] = [...positionLevels, 'none'];
  const byLevel = summariseHoursBy(people, (i) => people[i]!.positionLevel ?? 'none', levelKeys).map((g) => ({
    key: g.key,
    label: g.key === 'none' ? '職位なし' : positionLevelLabels[g.key],
    summary: g.summary,
  }));
  return {
    report: {
      fiscalYear: input.fiscalYear,
      asOf,
      hoursPerDay,
      unit,
      units: [...staffedUnits].sort(byName).map((id) => ({ id, name: unitNames.get(id) ?? '' })),
      overall: summariseHours(people.map((p) => p.totalHours)),
      byUnit,
      byLevel,
    },
    people,
  };
}

/** GET /api/training/reports/hours?fiscalYear=&unitId=&page=: the distribution and one page of people, least hours first. */
export async function readHoursReport(ctx: ServiceContext, input: { fiscalYear: number; unitId?: number; page: number }): Promise<HoursReport> {
  const { report, people } = await loadHours(ctx, input);
  const pageItems = people
    .sort((a, b) => a.totalHours - b.totalHours || a.staffId - b.staffId)
    .slice((input.page - 1) * hoursPageSize, input.page * hoursPageSize);
  const names = new Map((await listStaffNamesOn(ctx.database.db, ctx.actor.municipalityId, report.asOf, pageItems.map((p) => p.staffId))).map((n) => [n.staffId, n]));
  return {
    ...report,
    people: pageItems.map((p) => {
      const n = names.get(p.staffId);
      return { ...p, employeeNumber: n?.employeeNumber ?? '', name: n ? `${n.familyName} ${n.givenName}` : '', positionName: n?.positionName ?? null };
    }),
    total: people.length,
    page: input.page,
    pageSize: hoursPageSize,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A person's history

const historyNotFound = () => new AppError('org.staff-not-found', '職員が見つかりません。');

/** GET /api/training/reports/history/{staffId}?from=&to=: enrolments and confirmed self-development of the 年度 range. */
export async function readTrainingHistory(ctx: ServiceContext, input: { staffId: number; fromFiscalYear: number; toFiscalYear: number }): Promise<TrainingHistory> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  if (input.fromFiscalYear > input.toFiscalYear) {
    throw validationError([{ path: 'from', code: 'after-to', message: '開始年度は終了年度以前にしてください' }]);
  }
  const [person] = await listTargetPeople(exec, municipalityId, [input.staffId], ctx.today);
  if (!person) throw historyNotFound();
  const from = fiscalYearRange(input.fromFiscalYear).startsOn;
  const to = fiscalYearRange(input.toFiscalYear).endsOn;
  const [enrolments, selfDevelopment, hoursPerDay] = await Promise.all([
    listEnrolmentsOfStaff(exec, municipalityId, input.staffId, input.fromFiscalYear, input.toFiscalYear),
    listConfirmedSelfDevelopment(exec, municipalityId, input.staffId, from, to),
    hoursPerDayOf(exec, municipalityId),
  ]);
  const items = enrolments.map((e) => ({
    enrolmentId: e.enrolmentId,
    sessionId: e.sessionId,
    fiscalYear: e.fiscalYear,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    courseCode: e.courseCode,
    courseTitle: e.courseTitle,
    category: e.category,
    categoryLabel: courseCategoryLabels[e.category] ?? e.category,
    providerLabel: courseProviderLabels[e.provider] ?? e.provider,
    status: e.status,
    statusLabel: enrolmentStatusLabels[e.status] ?? e.status,
    hours: hoursCountingStatuses.includes(e.status) ? sessionHours(e, hoursPerDay) : null,
    certificate: e.certificate,
  }));
  const self = selfDevelopment.map((r) => ({ ...r, kindLabel: selfDevelopmentKindLabels[r.kind as SelfDevelopmentKind] ?? r.kind }));
  return {
    staff: {
      staffId: person.staffId,
      employeeNumber: person.employeeNumber,
      name: `${person.familyName} ${person.givenName}`,
      unitName: person.unitName,
      positionName: person.positionName,
    },
    fromFiscalYear: input.fromFiscalYear,
    toFiscalYear: input.toFiscalYear,
    hoursPerDay,
    enrolments: items,
    selfDevelopment: self,
    totals: {
      trainingHours: roundHours(items.reduce((sum, e) => sum + (e.hours ?? 0), 0)),
      selfDevelopmentHours: roundHours(self.reduce((sum, r) => sum + (r.hours ?? 0), 0)),
      completedSessions: items.filter((e) => e.hours !== null).length,
    },
    canExport: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Downloads

const hoursText = (h: number | null) => (h === null ? '' : String(roundHours(h)));
const rateText = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 1000) / 10}%`);

async function fileOf(
  format: ExportFormat,
  sheetName: string,
  header: string[],
  rows: string[][],
  names: { ascii: string; japanese: string },
): Promise<ExportFile> {
  if (format === 'csv') {
    return csvDownload(header, rows, { encoding: 'utf-8-bom', replaceUnencodable: false, asciiFileName: `${names.ascii}.csv`, fileName: `${names.japanese}.csv` });
  }
  return {
    bytes: await buildXlsx(sheetName, header, rows),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    asciiFileName: `${names.ascii}.xlsx`,
    fileName: `${names.japanese}.xlsx`,
    unencodableCount: 0,
  };
}

async function auditExport(ctx: ServiceContext, report: string, objectType: string, objectId: number, details: Record<string, unknown>): Promise<void> {
  await audit(ctx.database, auditSource(ctx), { action: 'training.report-exported', outcome: 'succeeded', objectType, objectId, details: { report, ...details } });
}

const cellHeaders = (label: string) => [`${label} 対象者`, `${label} 受講者`, `${label} 修了者`, `${label} 修了率`];
const cellTexts = (cell: CompletionCell) => [String(cell.targets), String(cell.enrolled), String(cell.completed), rateText(cell.rate)];

/** GET /api/training/reports/completion/export?fiscalYear=&format= */
export async function exportCompletionReport(ctx: ServiceContext, input: { fiscalYear: number; format: ExportFormat }): Promise<ExportFile> {
  const report = await readCompletionReport(ctx, input);
  const header = ['研修コード', '研修', '区分', '日程数', ...report.columns.flatMap((c) => cellHeaders(c.label)), ...cellHeaders('合計')];
  const rows = report.rows.map((r) => [r.code, r.title, r.categoryLabel, String(r.sessions), ...report.columns.flatMap((c) => cellTexts(r.cells[c.key])), ...cellTexts(r.total)]);
  const file = await fileOf(input.format, `${input.fiscalYear}年度 修了状況`, header, rows, {
    ascii: `training-completion-${input.fiscalYear}-${ctx.today}`,
    japanese: `職位別研修別修了状況_${input.fiscalYear}年度_${ctx.today}`,
  });
  await auditExport(ctx, 'completion', 'fiscal_year', input.fiscalYear, { rows: rows.length, format: input.format });
  return file;
}

/** GET /api/training/reports/hours/export?fiscalYear=&unitId=&format=: every person, by 職員番号 (personal data: audited). */
export async function exportHoursReport(ctx: ServiceContext, input: { fiscalYear: number; unitId?: number; format: ExportFormat }): Promise<ExportFile> {
  const { people, report } = await loadHours(ctx, input);
  const hoursOf = new Map(people.map((p) => [p.staffId, p]));
  const header = ['職員番号', '氏名', '所属', '職位', '受講数', '研修時間', '自己啓発時間', '合計時間'];
  const named = (await listStaffNamesOn(ctx.database.db, ctx.actor.municipalityId, report.asOf, null)).filter((n) => hoursOf.has(n.staffId));
  const rows = named.map((n) => [n, hoursOf.get(n.staffId)!] as const).map(([n, p]) => [
    n.employeeNumber,
    `${n.familyName} ${n.givenName}`,
    p.unitName ?? '',
    n.positionName ?? '',
    String(p.sessions),
    hoursText(p.trainingHours),
    hoursText(p.selfDevelopmentHours),
    hoursText(p.totalHours),
  ]);
  const suffix = report.unit ? `_${report.unit.name}` : '';
  const file = await fileOf(input.format, `${input.fiscalYear}年度 研修時間`, header, rows, {
    ascii: `training-hours-${input.fiscalYear}-${ctx.today}`,
    japanese: `年間研修時間_${input.fiscalYear}年度${suffix}_${ctx.today}`,
  });
  await auditExport(ctx, 'hours', 'fiscal_year', input.fiscalYear, { rows: rows.length, unitId: input.unitId ?? null, format: input.format });
  return file;
}

/** GET /api/training/reports/loop/export?fiscalYear=&format=: the loop report (/training/loop) as a file. */
export async function exportLoopReport(ctx: ServiceContext, input: { fiscalYear: number; format: ExportFormat }): Promise<ExportFile> {
  const view = await readTrainingLoop(ctx, { fiscalYear: input.fiscalYear });
  const header = ['職位', '評価項目', '確認済みの能力評価(人)', '標準を下回った人数', 'うち研修を修了した人数', '修了の割合'];
  const rows = view.levels.flatMap((level) =>
    level.items.map((item) => [
      level.positionLevelLabel,
      item.itemName,
      String(level.evaluated),
      String(item.ratedBelow),
      String(item.trainedSince),
      rateText(item.ratedBelow === 0 ? null : item.trainedSince / item.ratedBelow),
    ]),
  );
  const file = await fileOf(input.format, `${input.fiscalYear}年度 能力と研修の循環`, header, rows, {
    ascii: `training-loop-${input.fiscalYear}-${ctx.today}`,
    japanese: `能力と研修の循環_${input.fiscalYear}年度_${ctx.today}`,
  });
  await auditExport(ctx, 'loop', 'fiscal_year', input.fiscalYear, { rows: rows.length, format: input.format });
  return file;
}

/** GET /api/training/reports/history/{staffId}/export?from=&to=&format=: one person's history (personal data: audited). */
export async function exportTrainingHistory(
  ctx: ServiceContext,
  input: { staffId: number; fromFiscalYear: number; toFiscalYear: number; format: ExportFormat },
): Promise<ExportFile> {
  const history = await readTrainingHistory(ctx, input);
  const header = ['種別', '年度', '開始日', '終了日', '名称', '区分', '実施機関', '状況', '時間', '修了証'];
  const rows = [
    ...history.enrolments.map((e) => ['研修', String(e.fiscalYear), e.startsOn, e.endsOn, e.courseTitle, e.categoryLabel, e.providerLabel, e.statusLabel, hoursText(e.hours), e.certificate ?? '']),
    ...history.selfDevelopment.map((r) => ['自己啓発', '', r.startedOn, r.endedOn ?? '', r.title, r.kindLabel, '', '確認済み', hoursText(r.hours), '']),
  ];
  const years = input.fromFiscalYear === input.toFiscalYear ? `${input.fromFiscalYear}年度` : `${input.fromFiscalYear}-${input.toFiscalYear}年度`;
  const file = await fileOf(input.format, `研修受講履歴 ${history.staff.employeeNumber}`, header, rows, {
    ascii: `training-history-${history.staff.employeeNumber.replace(/[^A-Za-z0-9-]/gu, '_')}-${ctx.today}`,
    japanese: `研修受講履歴_${history.staff.employeeNumber}_${years}_${ctx.today}`,
  });
  await auditExport(ctx, 'history', 'staff', input.staffId, { rows: rows.length, from: input.fromFiscalYear, to: input.toFiscalYear, format: input.format });
  return file;
}
