/**
 * The staff directory, the staff profile (assignment, career, tenure, frontline experience and career phase of
 * policy III-2-(1)) and the versioned edit of a staff record. Protected fields (birth date, sex) are shown only
 * to whom the access matrix allows, and each such read is audited before it is returned (security.md 5).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { can } from '../access/access.service.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { addDays, completedYearsBetween } from '../../domain/common/fiscal-year.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import { employmentTypeLabels, type Assignment, type CareerPhase, type EmploymentType } from '../../domain/org/org-model.js';
import { orgAsOf, sameUnitKey, unitPath, type OrgSnapshot } from '../../domain/org/org-tree.js';
import { currentAssignment, hasFrontlineExperience, yearsInCurrentUnit } from '../../domain/org/career.js';
import type { OrgSettings } from '../../domain/org/org-settings.js';
import type { AssignmentSummary, StaffListItem, StaffProfile, StaffUpdateInput } from '../../domain/org/org-api.js';
import type { Paged } from '../../domain/common/paged.js';
import { getOrgSettings } from './settings.service.js';
import { dateOrToday, loadOrgFactsAround } from './org.service.js';
import { effectiveRelationsOf } from './relations.service.js';
import { listAssignmentsOfStaff, listUnitIdsBelow, listUnitIdsHeadedBy } from './org.repository.js';
import { listRelationsOfSubjectsOn } from './relations.repository.js';
import {
  findStaffRecord,
  listQualificationsOfStaff,
  searchDirectory,
  updateStaffRecord,
  type CareerPhaseSql,
  type StaffChanges,
} from './staff.repository.js';
import { careerPhaseOf, fullName, groupByStaff, toCareerEntries, type OrgFacts } from './org-views.js';
import { listLeavesOfStaff } from './leaves.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

/** The characters String.prototype.trim() removes; the SQL phase filter must ignore the same ones. */
const trimmedWhitespace =
  '\u0009\u000A\u000B\u000C\u000D\u0020\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

/** The latest hire date by which `years` whole years are completed on `date` (by the domain's own year count). */
function latestHireDateCompleting(years: number, date: string): string {
  let candidate = addDays(date, -Math.round(years * 365.2425));
  while (completedYearsBetween(addDays(candidate, 1), date) >= years) candidate = addDays(candidate, 1);
  while (completedYearsBetween(candidate, date) < years) candidate = addDays(candidate, -1);
  return candidate;
}

/**
 * The directory's career-phase filter as SQL parameters. The phase is computed in SQL rather than stored:
 * it changes by itself as years pass and with every transfer, import, merger and settings change, so a stored
 * value would go stale. The rule is deriveCareerPhase's (org-settings.ts), fed with the same year thresholds
 * and merger lineage; the page's own phases are then computed by deriveCareerPhase itself.
 */
function careerPhaseSql(phase: CareerPhase, asOf: string, settings: OrgSettings, facts: OrgFacts): CareerPhaseSql {
  const rules = settings.careerPhaseRules;
  const unitKeys = new Map<number, number>();
  for (const unitId of facts.lineage.successors.keys()) {
    const key = sameUnitKey(unitId, facts.lineage);
    if (key !== unitId) unitKeys.set(unitId, key);
  }
  return {
    phase,
    coreHiredOnOrBefore: latestHireDateCompleting(rules.coreYears, asOf),
    rotationHiredAfter: latestHireDateCompleting(rules.rotationYears, asOf),
    rotationUnits: rules.rotationUnits,
    phasedEmploymentTypes: rules.phasedEmploymentTypes,
    unitKeys,
    whitespace: trimmedWhitespace,
  };
}

/** Units whose members the actor may list: all (null) by role, else the units they head today and those below. */
async function directoryScope(ctx: ServiceContext, settings: OrgSettings): Promise<readonly number[] | null> {
  const decision = await can(ctx.database, ctx.actor, 'org.staff.list', {}, ctx.today);
  if (!decision.allowed) throw new AppError('access.denied', 'この操作を行う権限がありません。');
  if (decision.via.startsWith('role:')) return null;
  const staffId = ctx.actor.staffId;
  if (staffId === null) return [];
  return listUnitIdsHeadedBy(ctx.database.db, ctx.actor.municipalityId, staffId, ctx.today, settings.unitHeadLevels);
}

export type DirectoryInput = {
  q?: string;
  unitId?: number;
  includeSubunits: boolean;
  positionId?: number;
  employmentType?: EmploymentType;
  careerPhase?: CareerPhase;
  asOf?: string;
  page: number;
  pageSize: number;
};

function placeName(snapshot: OrgSnapshot, unitId: number | null) {
  if (unitId === null) return { unitName: null, unitPath: null };
  const node = snapshot.nodes.get(unitId);
  return { unitName: node?.name ?? null, unitPath: unitPath(unitId, snapshot) ?? node?.name ?? null };
}

/**
 * GET /api/staff: people in employment on `asOf`, searched by name, kana (hiragana or katakana) or employee
 * number, filtered by unit (with the units below), position, employment type and career phase, sorted by kana
 * and paged — all in SQL. HR sees everyone; a unit head only the members of the units they head.
 */
export async function searchStaffDirectory(ctx: ServiceContext, input: DirectoryInput): Promise<Paged<StaffListItem>> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const settings = await getOrgSettings(exec, municipalityId);
  const [scope, chosen, mergers] = await Promise.all([
    directoryScope(ctx, settings),
    input.unitId === undefined
      ? Promise.resolve(undefined)
      : input.includeSubunits
        ? listUnitIdsBelow(exec, municipalityId, input.unitId, asOf)
        : Promise.resolve([input.unitId]),
    input.careerPhase === undefined ? Promise.resolve(undefined) : loadOrgFactsAround(exec, municipalityId, []),
  ]);
  let unitIds: readonly number[] | undefined = scope ?? undefined;
  if (chosen !== undefined) unitIds = unitIds === undefined ? chosen : chosen.filter((id) => unitIds!.includes(id));
  const search = input.q === undefined ? undefined : normalizeForSearch(input.q);
  const { total, rows } = await searchDirectory(exec, {
    municipalityId,
    asOf,
    search: search === '' ? undefined : search,
    unitIds,
    positionId: input.positionId,
    employmentType: input.employmentType,
    careerPhase: input.careerPhase === undefined || mergers === undefined ? undefined : careerPhaseSql(input.careerPhase, asOf, settings, mergers),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const pageAssignments = await listAssignmentsOfStaff(exec, municipalityId, rows.map((r) => r.id));
  const facts = await loadOrgFactsAround(exec, municipalityId, rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])));
  const snapshot = orgAsOf(facts.versions, asOf);
  const assignmentsByStaff = groupByStaff(pageAssignments);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      employeeNumber: r.employeeNumber,
      name: fullName(r.familyName, r.givenName),
      kana: fullName(r.familyNameKana, r.givenNameKana),
      unitId: r.unitId,
      ...placeName(snapshot, r.unitId),
      positionName: r.positionId === null ? null : (facts.positionById.get(r.positionId)?.name ?? null),
      employmentType: r.employmentType,
      employmentTypeLabel: employmentTypeLabels[r.employmentType],
      careerPhase: careerPhaseOf(r, assignmentsByStaff.get(r.id) ?? [], facts, settings, asOf).phase,
    })),
  };
}

/**
 * GET /api/staff/:id: the profile on today's date. The route guard has checked org.staff.read (HR, self, unit
 * head, evaluator, confirmer); the protected fields need org.staff.read-protected, and reading them is audited
 * first — if the audit row cannot be written the whole read is refused.
 */
export async function getStaffProfile(ctx: ServiceContext, input: { staffId: number }): Promise<StaffProfile> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const today = ctx.today;
  const person = await findStaffRecord(exec, municipalityId, input.staffId);
  if (person === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  const own = await listAssignmentsOfStaff(exec, municipalityId, [person.id]);
  const [facts, settings, qualifications, relationRows, protectedDecision, leaves] = await Promise.all([
    loadOrgFactsAround(exec, municipalityId, own.map((a) => a.unitId)),
    getOrgSettings(exec, municipalityId),
    listQualificationsOfStaff(exec, municipalityId, person.id),
    listRelationsOfSubjectsOn(exec, municipalityId, [person.id], today),
    can(ctx.database, ctx.actor, 'org.staff.read-protected', { staffId: person.id }, today),
    listLeavesOfStaff(exec, municipalityId, [person.id]),
  ]);
  if (protectedDecision.allowed) {
    await audit(ctx.database, auditSource(ctx), {
      action: 'org.staff.read-protected',
      outcome: 'allowed',
      objectType: 'staff',
      objectId: person.id,
      details: { via: protectedDecision.via },
    });
  }
  const snapshot = orgAsOf(facts.versions, today);
  const place = (a: Assignment): AssignmentSummary => {
    const node = snapshot.nodes.get(a.unitId);
    const names = placeName(snapshot, a.unitId);
    return {
      unitId: a.unitId,
      unitName: names.unitName ?? `#${a.unitId}`,
      unitPath: names.unitPath ?? `#${a.unitId}`,
      positionName: facts.positionById.get(a.positionId)?.name ?? null,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      isFrontline: node?.isFrontline ?? false,
    };
  };
  const now = currentAssignment(own, today);
  const phase = careerPhaseOf(person, own, facts, settings, today);
  return {
    staff: {
      id: person.id,
      employeeNumber: person.employeeNumber,
      familyName: person.familyName,
      givenName: person.givenName,
      familyNameKana: person.familyNameKana,
      givenNameKana: person.givenNameKana,
      hireDate: person.hireDate,
      employmentType: person.employmentType,
      employmentTypeLabel: employmentTypeLabels[person.employmentType],
      jobCategory: person.jobCategory,
      separatedOn: person.separatedOn,
      version: person.version,
      careerPhase: phase.phase,
      careerPhaseReason: phase.reason,
      careerPhaseSource: phase.source,
    },
    protected: protectedDecision.allowed ? { birthDate: person.birthDate, sex: person.sex, leaves } : null,
    current: now.regular === null ? null : place(now.regular),
    concurrent: now.concurrent.map(place),
    dispatch: now.dispatch === null ? null : { ...place(now.dispatch), dispatchTo: now.dispatch.dispatchTo },
    yearsInCurrentUnit: yearsInCurrentUnit(own, facts.lineage, today),
    hasFrontlineExperience: hasFrontlineExperience(own, facts.versions, today),
    qualifications,
    career: toCareerEntries(own, facts, today),
    relations: await effectiveRelationsOf(ctx, relationRows),
  };
}

/**
 * PATCH /api/staff/:id: edit a staff record with optimistic locking. A save from a version that is no longer
 * current is refused with common.conflict (security.md 8: no lost updates); the UI offers a reload.
 */
export async function updateStaff(ctx: ServiceContext, input: { staffId: number; changes: StaffUpdateInput }): Promise<StaffProfile> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const { version, ...fields } = input.changes;
  const conflict = () => new AppError('common.conflict', '他の人が先にこの職員情報を更新しました。再読み込みしてから編集してください。');
  const current = await findStaffRecord(exec, municipalityId, input.staffId);
  if (current === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  if (current.version !== version) throw conflict();
  const next = { ...current, ...fields };
  if (next.separatedOn !== null && next.separatedOn < next.hireDate) {
    throw new AppError('common.validation', '入力内容に誤りがあります。', [
      { path: 'separatedOn', code: 'custom', message: '退職日が採用日より前です。' },
    ]);
  }
  const changes: StaffChanges = {
    ...fields,
    searchKey: normalizeForSearch(next.familyName + next.givenName + next.familyNameKana + next.givenNameKana + next.employeeNumber),
  };
  const changedFields = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== current[k]);
  await exec.transaction(async (tx) => {
    // The version in the WHERE clause decides between two saves racing from the same version.
    if (!(await updateStaffRecord(tx, municipalityId, input.staffId, version, changes))) throw conflict();
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.staff.updated',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: input.staffId,
      details: { fields: changedFields, version: version + 1 },
    });
  });
  return getStaffProfile(ctx, { staffId: input.staffId });
}
