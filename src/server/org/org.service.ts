/**
 * Reading the organisation: units as of a date, reorganisation events, positions, and a unit's page with its
 * members' careers — policy III-2-(1) "各課の在籍職員の経歴の見える化" (make visible the careers of each
 * division's staff) as the first step of managing the role model.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { addDays, completedYearsBetween, isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { employmentTypeLabels, isInForce, positionLevelLabels, type Assignment } from '../../domain/org/org-model.js';
import { descendantsOf, nameOfUnitOn, orgAsOf } from '../../domain/org/org-tree.js';
import { currentUnitTenure, hasFrontlineExperience } from '../../domain/org/career.js';
import type { PositionItem, UnitEventItem, UnitList, UnitPage } from '../../domain/org/org-api.js';
import { getOrgSettings } from './settings.service.js';
import {
  countRegularMembersByUnit,
  listAssignmentsOfStaff,
  listPositions,
  listRegularMembersOfUnits,
  listUnitEvents,
  listUnitIdsBelow,
  listUnitVersions,
  listUnitVersionsAround,
} from './org.repository.js';
import {
  buildOrgFacts,
  careerPhaseOf,
  factsForPerson,
  flattenTree,
  fullName,
  groupByStaff,
  indexVersionsByUnit,
  toCareerEntries,
  toUnitNode,
  unitNameAround,
  type OrgFacts,
} from './org-views.js';

/**
 * Versions (limited to what a few people's careers need, see listUnitVersionsAround), events (for mergers) and
 * positions: a directory page or a profile then costs the same whether the city has 40 units or 2,000.
 */
export async function loadOrgFactsAround(exec: Executor, municipalityId: number, unitIds: readonly number[]): Promise<OrgFacts> {
  const [versions, events, positions] = await Promise.all([
    listUnitVersionsAround(exec, municipalityId, unitIds),
    listUnitEvents(exec, municipalityId),
    listPositions(exec, municipalityId),
  ]);
  return buildOrgFacts(versions, events, positions);
}

/** A date from the query string, or today; a date that is not a real calendar date is refused. */
export function dateOrToday(ctx: ServiceContext, date: string | undefined): string {
  if (date === undefined) return ctx.today;
  if (!isValidIsoDate(date)) throw new AppError('org.invalid-date', `日付「${date}」を読み取れません。YYYY-MM-DD で指定してください。`);
  return date;
}

/** GET /api/org/units: the organisation in force on a date, depth-first by code, with member counts. */
export async function listUnitsAsOf(ctx: ServiceContext, input: { asOf?: string }): Promise<UnitList> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const [versions, counts] = await Promise.all([
    listUnitVersions(exec, ctx.actor.municipalityId),
    countRegularMembersByUnit(exec, ctx.actor.municipalityId, asOf),
  ]);
  return { asOf, units: flattenTree(orgAsOf(versions, asOf), counts) };
}

/** GET /api/org/events: the reorganisation history, newest first, with the names the units bore at the event. */
export async function listOrgEvents(ctx: ServiceContext, input: { from?: string; to?: string }): Promise<{ events: UnitEventItem[] }> {
  const from = input.from === undefined ? undefined : dateOrToday(ctx, input.from);
  const to = input.to === undefined ? undefined : dateOrToday(ctx, input.to);
  const exec = ctx.database.db;
  const [versions, events] = await Promise.all([
    listUnitVersions(exec, ctx.actor.municipalityId),
    listUnitEvents(exec, ctx.actor.municipalityId, { from, to }),
  ]);
  return {
    events: events.map((e) => {
      // An abolition or merger is recorded on the first day without the unit: its name is the day before's.
      const dayBefore = addDays(e.occurredOn, -1);
      return {
        unitId: e.unitId,
        unitCode: e.unitCode,
        unitName: unitNameAround(versions, e.unitId, e.occurredOn, dayBefore),
        kind: e.kind,
        occurredOn: e.occurredOn,
        relatedUnitId: e.relatedUnitId,
        relatedUnitName: e.relatedUnitId === null ? null : unitNameAround(versions, e.relatedUnitId, e.occurredOn, dayBefore),
        note: e.note,
      };
    }),
  };
}

/** GET /api/org/positions: positions, most senior first. */
export async function listPositionsOfMunicipality(ctx: ServiceContext): Promise<{ positions: PositionItem[] }> {
  const positions = await listPositions(ctx.database.db, ctx.actor.municipalityId);
  return {
    positions: positions.map((p) => ({ id: p.id, code: p.code, name: p.name, rank: p.rank, level: p.level, levelLabel: positionLevelLabels[p.level] })),
  };
}

/** The regular assignment that places the person in `unitId` on `date` (the latest one if rows overlap). */
function postInUnit(assignments: readonly Assignment[], unitId: number, date: string): Assignment | undefined {
  let found: Assignment | undefined;
  for (const a of assignments) {
    if (a.kind !== 'regular' || a.unitId !== unitId || !isInForce(a, date)) continue;
    if (found === undefined || a.startsOn > found.startsOn || (a.startsOn === found.startsOn && a.id > found.id)) found = a;
  }
  return found;
}

const byKana = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * GET /api/org/units/:id: the unit on a date with its history, and its members (regular assignments in force,
 * optionally those of the units below too) with careers, tenure, frontline experience and career phase.
 * All members' assignments come in one query; the careers are computed by the domain functions.
 */
export async function getUnitPage(ctx: ServiceContext, input: { unitId: number; asOf?: string; includeSubunits?: boolean }): Promise<UnitPage> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const [settings, unitIds] = await Promise.all([
    getOrgSettings(exec, municipalityId),
    input.includeSubunits ? listUnitIdsBelow(exec, municipalityId, input.unitId, asOf) : Promise.resolve([input.unitId]),
  ]);
  const rows = await listRegularMembersOfUnits(exec, municipalityId, unitIds, asOf);
  const memberAssignments = await listAssignmentsOfStaff(exec, municipalityId, [...new Set(rows.map((r) => r.staffId))]);
  const facts = await loadOrgFactsAround(exec, municipalityId, [...unitIds, ...memberAssignments.map((a) => a.unitId)]);
  const snapshot = orgAsOf(facts.versions, asOf);
  const node = snapshot.nodes.get(input.unitId);
  if (node === undefined) throw new AppError('org.unit-not-found', `${asOf}時点でこの所属は存在しません。`);

  const history = facts.versions
    .filter((v) => v.unitId === input.unitId)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
    .map((v) => ({
      name: v.name,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      parentName: v.parentUnitId === null ? null : nameOfUnitOn(facts.versions, v.parentUnitId, v.startsOn),
    }));

  // Depth-first order of the tree, so that someone with posts in two of the units is listed under the higher one.
  const order = [input.unitId, ...descendantsOf(input.unitId, snapshot)];
  const unitOrder = new Map(order.map((id, i) => [id, i]));
  rows.sort((a, b) => (unitOrder.get(a.unitId) ?? order.length) - (unitOrder.get(b.unitId) ?? order.length));
  const seen = new Set<number>();
  const people = rows.filter((r) => (seen.has(r.staffId) ? false : (seen.add(r.staffId), true)));
  const assignmentsByStaff = groupByStaff(memberAssignments);
  const memberCount = new Set(rows.filter((r) => r.unitId === input.unitId).map((r) => r.staffId)).size;

  const versionsByUnit = indexVersionsByUnit(facts.versions);
  const members = people.map((person) => {
    const own = assignmentsByStaff.get(person.staffId) ?? [];
    const personal = factsForPerson(facts, own, versionsByUnit);
    const post = postInUnit(own, person.unitId, asOf);
    const position = post === undefined ? undefined : facts.positionById.get(post.positionId);
    const tenure = currentUnitTenure(own, personal.lineage, asOf);
    const isTenureHere = tenure !== null && tenure.unitId === person.unitId;
    const startsOn = isTenureHere ? tenure.since : (post?.startsOn ?? asOf);
    const phase = careerPhaseOf(person, own, personal, settings, asOf);
    return {
      staffId: person.staffId,
      employeeNumber: person.employeeNumber,
      name: fullName(person.familyName, person.givenName),
      kana: fullName(person.familyNameKana, person.givenNameKana),
      unitId: person.unitId,
      unitName: snapshot.nodes.get(person.unitId)?.name ?? node.name,
      positionName: position?.name ?? null,
      employmentType: person.employmentType,
      employmentTypeLabel: employmentTypeLabels[person.employmentType],
      startsOn,
      yearsInUnit: isTenureHere ? tenure.years : Math.max(0, completedYearsBetween(startsOn, asOf)),
      hasFrontlineExperience: hasFrontlineExperience(own, personal.versions, asOf),
      careerPhase: phase.phase,
      careerPhaseReason: phase.reason,
      career: toCareerEntries(own, personal, asOf),
      positionRank: position?.rank ?? Number.MAX_SAFE_INTEGER,
    };
  });
  members.sort((a, b) => a.positionRank - b.positionRank || byKana(a.kana, b.kana) || byKana(a.employeeNumber, b.employeeNumber));

  return {
    asOf,
    unit: { ...toUnitNode(node, snapshot, memberCount), history },
    members: members.map(({ positionRank: _rank, ...m }) => m),
  };
}
