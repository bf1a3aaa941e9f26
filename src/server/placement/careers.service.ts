/**
 * 経歴の見える化 (policy III-2-(1)): the city's tenure and frontline coverage per unit, and one unit's members'
 * careers by 年度. Loads in a few set-based queries and hands the arrays to the pure functions of
 * src/domain/placement/career-map.ts.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { can } from '../access/access.service.js';
import { descendantsOf, orgAsOf } from '../../domain/org/org-tree.js';
import { isInForce, type Assignment } from '../../domain/org/org-model.js';
import { cityCareerMap, fiscalYearColumns, groupAssignments, indexOrg, unitCareerMatrix, type UnitMatrixMember } from '../../domain/placement/career-map.js';
import type { CareerUnitList, CityCareerView, UnitCareerView } from '../../domain/placement/careers-api.js';
import { getOrgSettings } from '../org/settings.service.js';
import { dateOrToday, listUnitsAsOf, loadOrgFactsAround } from '../org/org.service.js';
import {
  listAssignmentsOfStaff,
  listRegularMembersOfUnits,
  listUnitEvents,
  listUnitIdsBelow,
  listUnitIdsHeadedBy,
  listUnitVersions,
} from '../org/org.repository.js';
import { fullName, toUnitNode } from '../org/org-views.js';
import { listAssignmentsOfPeoplePostedOn, listPeoplePostedOn } from './careers.repository.js';

export const defaultCareerYears = 10;
export const maxCareerYears = 30;

function yearsOrDefault(years: number | undefined): number {
  if (years === undefined) return defaultCareerYears;
  if (!Number.isInteger(years) || years < 1 || years > maxCareerYears) {
    throw new AppError('common.validation', `表示する年数は1〜${maxCareerYears}で指定してください。`);
  }
  return years;
}

/**
 * GET /api/placement/careers/units: the units whose careers the reader may open on the date — every unit for HR
 * (by role), the units a unit head heads today and those below them otherwise (the relation of org.units.careers).
 */
export async function listCareerUnits(ctx: ServiceContext, input: { asOf?: string }): Promise<CareerUnitList> {
  const asOf = dateOrToday(ctx, input.asOf);
  const [decision, city, all] = await Promise.all([
    can(ctx.database, ctx.actor, 'org.units.careers', {}, ctx.today),
    can(ctx.database, ctx.actor, 'placement.careers.city', {}, ctx.today),
    listUnitsAsOf(ctx, { asOf }),
  ]);
  if (!decision.allowed) throw new AppError('access.denied', 'この操作を行う権限がありません。');
  if (decision.via.startsWith('role:')) return { asOf, units: all.units, canSeeCity: city.allowed };
  const staffId = ctx.actor.staffId;
  const settings = await getOrgSettings(ctx.database.db, ctx.actor.municipalityId);
  const headed = new Set(staffId === null ? [] : await listUnitIdsHeadedBy(ctx.database.db, ctx.actor.municipalityId, staffId, ctx.today, settings.unitHeadLevels));
  return { asOf, units: all.units.filter((u) => headed.has(u.id)), canSeeCity: city.allowed };
}

/** The regular post that makes a person a member of `unitId` on `date` (the latest if rows overlap). */
function postIn(own: readonly Assignment[], unitId: number, date: string): Assignment | undefined {
  let found: Assignment | undefined;
  for (const a of own) {
    if (a.kind !== 'regular' || a.unitId !== unitId || !isInForce(a, date)) continue;
    if (found === undefined || a.startsOn > found.startsOn || (a.startsOn === found.startsOn && a.id > found.id)) found = a;
  }
  return found;
}

/**
 * GET /api/placement/careers/units/:id: the members on the date (with those of the units below unless asked not to)
 * as rows of a matrix of the last `years` 年度. Members and their whole histories come in two queries; the access
 * guard has checked org.units.careers on the unit (HR, or its head).
 */
export async function getUnitCareers(ctx: ServiceContext, input: { unitId: number; asOf?: string; years?: number; includeSubunits?: boolean }): Promise<UnitCareerView> {
  const asOf = dateOrToday(ctx, input.asOf);
  const years = yearsOrDefault(input.years);
  const includeSubunits = input.includeSubunits ?? true;
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const [settings, unitIds] = await Promise.all([
    getOrgSettings(exec, municipalityId),
    includeSubunits ? listUnitIdsBelow(exec, municipalityId, input.unitId, asOf) : Promise.resolve([input.unitId]),
  ]);
  const rows = await listRegularMembersOfUnits(exec, municipalityId, unitIds.length > 0 ? unitIds : [input.unitId], asOf);
  const history = await listAssignmentsOfStaff(exec, municipalityId, [...new Set(rows.map((r) => r.staffId))]);
  const facts = await loadOrgFactsAround(exec, municipalityId, [input.unitId, ...unitIds, ...history.map((a) => a.unitId)]);
  const snapshot = orgAsOf(facts.versions, asOf);
  const node = snapshot.nodes.get(input.unitId);
  if (node === undefined) throw new AppError('org.unit-not-found', `${asOf}時点でこの所属は存在しません。`);
  const byStaff = groupAssignments(history);

  // Someone with posts in two of the units is listed under the higher one (tree order).
  const order = new Map([input.unitId, ...descendantsOf(input.unitId, snapshot)].map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.unitId) ?? order.size) - (order.get(b.unitId) ?? order.size));
  const members: UnitMatrixMember[] = rows.map((r) => {
    const post = postIn(byStaff.get(r.staffId) ?? [], r.unitId, asOf);
    const position = post === undefined ? undefined : facts.positionById.get(post.positionId);
    return {
      staffId: r.staffId,
      employmentType: r.employmentType,
      hireDate: r.hireDate,
      careerPhaseOverride: r.careerPhaseOverride,
      careerPhaseOverrideReason: r.careerPhaseOverrideReason,
      employeeNumber: r.employeeNumber,
      name: fullName(r.familyName, r.givenName),
      kana: fullName(r.familyNameKana, r.givenNameKana),
      unitId: r.unitId,
      unitName: snapshot.nodes.get(r.unitId)?.name ?? node.name,
      positionName: position?.name ?? null,
      positionRank: position?.rank ?? Number.MAX_SAFE_INTEGER,
    };
  });
  const fiscalYears = fiscalYearColumns(asOf, years);
  const ownMembers = new Set(rows.filter((r) => r.unitId === input.unitId).map((r) => r.staffId)).size;
  return {
    asOf,
    fiscalYears,
    rotationYearsPerUnit: settings.rotationYearsPerUnit,
    unit: toUnitNode(node, snapshot, ownMembers),
    includeSubunits,
    members: unitCareerMatrix({ date: asOf, years: fiscalYears, members, assignmentsByStaff: byStaff, index: indexOrg(facts.versions, facts.events), settings }),
  };
}

/**
 * GET /api/placement/careers/city: per unit, members per band of years in the unit, ① members due for a move,
 * frontline coverage of ① members and the mean years — four queries for the whole city, then one pass in memory.
 */
export async function getCityCareers(ctx: ServiceContext, input: { asOf?: string }): Promise<CityCareerView> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const [settings, versions, events, people, assignments] = await Promise.all([
    getOrgSettings(exec, municipalityId),
    listUnitVersions(exec, municipalityId),
    listUnitEvents(exec, municipalityId),
    listPeoplePostedOn(exec, municipalityId, asOf),
    listAssignmentsOfPeoplePostedOn(exec, municipalityId, asOf),
  ]);
  return cityCareerMap({ date: asOf, versions, events, people, assignments, settings });
}
