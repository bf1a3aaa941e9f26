/**
 * Builds the placement facts (placement-model.ts) from the stored organisation, pure: the server loads the rows in a
 * few set-based queries (src/server/placement/facts.repository.ts) and this turns them into one PlacementPerson per
 * movable person and one PlacementUnit per placeable unit, reusing the career rules of career.ts per person.
 *
 * The status quo is the organisation on the eve of the effective date (the day before): who holds which regular
 * post there. Years are counted at the effective date itself (completed years, like birthdays), so a person who
 * arrived on 2023-04-01 has 3 years in the unit at 2026-04-01.
 */
import { addDays, completedYearsBetween, fiscalYearOf } from '../common/fiscal-year.js';
import {
  careerPhases,
  isInForce,
  type Assignment,
  type CareerPhase,
  type EmploymentType,
  type Position,
  type PositionLevel,
  type UnitEvent,
  type UnitVersion,
} from '../org/org-model.js';
import { deriveCareerPhase, type OrgSettings } from '../org/org-settings.js';
import { ancestorsOf, orgAsOf, sameUnitKey, unitLineage, type OrgNode, type UnitLineage } from '../org/org-tree.js';
import { currentAssignment, currentUnitTenure, hasFrontlineExperience, unitsExperienced } from '../org/career.js';
import type { PlacementFacts, PlacementPerson, PlacementSettings, PlacementUnit, WishRank } from './placement-model.js';

/** Who a transfer plan moves: regular staff and 定年延長 staff (the others are hired for a post). */
export const movableEmploymentTypes: readonly EmploymentType[] = ['regular', 'extended'];

export type PlacementStaffInput = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  hireDate: string;
  employmentType: EmploymentType;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
};

export type PlacementFactsInput = {
  effectiveDate: string;
  orgSettings: Pick<OrgSettings, 'careerPhaseRules' | 'rotationYearsPerUnit' | 'expertCycleYears'>;
  placementSettings: PlacementSettings;
  versions: readonly UnitVersion[];
  events: readonly UnitEvent[];
  positions: readonly Position[];
  staff: readonly PlacementStaffInput[];
  /** every assignment of those people (any order) */
  assignments: readonly Assignment[];
  expertise: ReadonlyArray<{ staffId: number; field: string }>;
  /** wishes of the 年度 of the effective date */
  wishes: ReadonlyArray<{ staffId: number; rank: number; unitId: number }>;
  /** 定数 in force for that 年度 */
  quotas: ReadonlyArray<{ unitId: number; positionLevel: PositionLevel; headcount: number }>;
};

const pathSeparator = ' › ';

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

const storedPhase = (value: string | null): CareerPhase | null => careerPhases.find((p) => p === value) ?? null;

/**
 * Date arithmetic memoised for one build of the facts: a city's assignment dates repeat (April 1, March 31) tens of
 * thousands of times, and parsing them again per person was most of the build's time at 40,000 staff.
 */
type DateMemo = { dayBefore(date: string): string; dayAfter(date: string): string; completedYears(from: string, to: string): number };

function dateMemo(): DateMemo {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const years = new Map<string, Map<string, number>>();
  return {
    dayBefore(date) {
      let d = before.get(date);
      if (d === undefined) before.set(date, (d = addDays(date, -1)));
      return d;
    },
    dayAfter(date) {
      let d = after.get(date);
      if (d === undefined) after.set(date, (d = addDays(date, 1)));
      return d;
    },
    completedYears(from, to) {
      let byTo = years.get(from);
      if (byTo === undefined) years.set(from, (byTo = new Map()));
      let n = byTo.get(to);
      if (n === undefined) byTo.set(to, (n = completedYearsBetween(from, to)));
      return n;
    },
  };
}

/** The units that bore an expertise field in some version. */
function fieldedUnits(versions: readonly UnitVersion[]): Set<number> {
  const fielded = new Set<number>();
  for (const v of versions) if (v.expertiseField !== null && v.expertiseField !== '') fielded.add(v.unitId);
  return fielded;
}

/**
 * The expertise fields a person earned by serving: for each unbroken stay of regular posts in one unit (renames and
 * mergers followed like tenure), when it lasted `minYears` completed years or more, every expertise field the unit
 * bore during the stay. Stays are cut at `until` (the eve of the effective date); the count runs to the day after.
 */
export function servedExpertiseFields(
  assignments: readonly Assignment[],
  versions: readonly UnitVersion[],
  lineage: UnitLineage,
  until: string,
  minYears: number,
): string[] {
  return servedFields(assignments, versions, fieldedUnits(versions), lineage, until, minYears, dateMemo());
}

/** `servedExpertiseFields` with what one build shares: the units with a field and the date memo. */
function servedFields(
  assignments: readonly Assignment[],
  versions: readonly UnitVersion[],
  fielded: ReadonlySet<number>,
  lineage: UnitLineage,
  until: string,
  minYears: number,
  dates: DateMemo,
): string[] {
  // Nothing to earn when none of the person's units ever had a field: skip the work.
  if (!assignments.some((a) => fielded.has(a.unitId))) return [];
  const regulars = assignments
    .filter((a) => a.kind === 'regular' && a.startsOn <= until)
    .map((a) => ({ unitId: a.unitId, key: sameUnitKey(a.unitId, lineage), from: a.startsOn, to: a.endsOn === null || a.endsOn > until ? until : a.endsOn }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  type Stay = { key: number; from: string; to: string; unitIds: Set<number> };
  const stays: Stay[] = [];
  for (const r of regulars) {
    // An unbroken stay: the same canonical unit, starting by the day after the previous row of that unit ends.
    const open = stays.find((s) => s.key === r.key && s.from <= r.from && (s.to >= r.from || s.to === dates.dayBefore(r.from)));
    if (open !== undefined) {
      if (r.to > open.to) open.to = r.to;
      open.unitIds.add(r.unitId);
    } else {
      stays.push({ key: r.key, from: r.from, to: r.to, unitIds: new Set([r.unitId]) });
    }
  }
  const fields = new Set<string>();
  for (const s of stays) {
    if (![...s.unitIds].some((id) => fielded.has(id))) continue;
    // At most (year of the day after `to`) − (year of `from`) completed years: skip short stays without parsing.
    if (Number(s.to.slice(0, 4)) + 1 - Number(s.from.slice(0, 4)) < minYears) continue;
    if (dates.completedYears(s.from, dates.dayAfter(s.to)) < minYears) continue;
    for (const v of versions) {
      if (!s.unitIds.has(v.unitId) || v.expertiseField === null || v.expertiseField === '') continue;
      if (v.startsOn <= s.to && (v.endsOn === null || v.endsOn >= s.from)) fields.add(v.expertiseField);
    }
  }
  return [...fields];
}

/** The placement facts as of `effectiveDate` (see the file comment). People and units are sorted for determinism. */
export function buildPlacementFacts(input: PlacementFactsInput): PlacementFacts {
  const { effectiveDate, orgSettings, placementSettings } = input;
  const eve = addDays(effectiveDate, -1);
  const lineage = unitLineage(input.versions, input.events);
  const versionsByUnit = groupBy(input.versions, (v) => v.unitId);
  const positionById = new Map(input.positions.map((p) => [p.id, p]));
  const assignmentsByStaff = groupBy(input.assignments, (a) => a.staffId);
  const expertiseByStaff = groupBy(input.expertise, (e) => e.staffId);
  const wishesByStaff = groupBy(input.wishes, (w) => w.staffId);
  const snapshot = orgAsOf(input.versions, effectiveDate);
  const fielded = fieldedUnits(input.versions);
  const dates = dateMemo();

  const people: PlacementPerson[] = [];
  for (const s of [...input.staff].sort((a, b) => (a.employeeNumber < b.employeeNumber ? -1 : a.employeeNumber > b.employeeNumber ? 1 : a.staffId - b.staffId))) {
    const own = assignmentsByStaff.get(s.staffId) ?? [];
    const onEve = currentAssignment(own, eve);
    const regular = onEve.regular;
    if (regular === null) continue;
    const position = positionById.get(regular.positionId);
    if (position === undefined) continue;
    // Only the versions of this person's own units: the career functions scan what they are given.
    const unitIds = new Set<number>();
    for (const a of own) unitIds.add(a.unitId);
    const ownVersions: UnitVersion[] = [];
    for (const id of unitIds) for (const v of versionsByUnit.get(id) ?? []) ownVersions.push(v);
    const isDispatched = own.some((a) => a.kind === 'dispatch' && isInForce(a, effectiveDate));
    const tenure = currentUnitTenure(own, lineage, eve);
    let inUnitSince: string;
    if (tenure !== null) inUnitSince = tenure.since;
    else if (isDispatched) inUnitSince = regular.startsOn;
    else inUnitSince = effectiveDate; // back from a dispatch on the effective date: the count starts again
    const phase = deriveCareerPhase(
      {
        employmentType: s.employmentType,
        hireDate: s.hireDate,
        date: effectiveDate,
        unitsExperienced: unitsExperienced(own, lineage, eve),
        override: storedPhase(s.careerPhaseOverride),
        overrideReason: s.careerPhaseOverrideReason,
      },
      orgSettings,
    );
    const recorded = (expertiseByStaff.get(s.staffId) ?? []).map((e) => e.field);
    const served = servedFields(own, ownVersions, fielded, lineage, eve, orgSettings.rotationYearsPerUnit, dates);
    const wishes = (wishesByStaff.get(s.staffId) ?? [])
      .filter((w) => w.rank >= 1 && w.rank <= 3)
      .sort((a, b) => a.rank - b.rank)
      .map((w) => ({ rank: w.rank as WishRank, unitId: w.unitId }));
    people.push({
      staffId: s.staffId,
      employeeNumber: s.employeeNumber,
      name: `${s.familyName} ${s.givenName}`,
      hireDate: s.hireDate,
      phase: phase.phase,
      phaseReason: phase.reason,
      yearsSinceHire: phase.yearsSinceHire,
      rotationEndsAtYears: orgSettings.careerPhaseRules.rotationYears,
      currentUnitId: regular.unitId,
      currentPositionId: regular.positionId,
      currentPositionLevel: position.level,
      inUnitSince,
      yearsInUnit: Math.max(0, dates.completedYears(inUnitSince, effectiveDate)),
      hasFrontlineExperience: hasFrontlineExperience(own, ownVersions, eve),
      expertiseFields: [...new Set([...recorded, ...served])].sort(),
      wishes,
      isDispatched,
    });
  }

  // Placeable units: the leaves of the organisation on the effective date, plus any unit people hold a post in
  // directly on the eve (a 課長 assigned to a 課 that has 係), so that everyone's current unit is in the list.
  const occupied = new Set(people.map((p) => p.currentUnitId));
  const headcount = new Map<number, Partial<Record<PositionLevel, number>>>();
  for (const p of people) {
    if (p.isDispatched) continue; // away on the date: not counted against the unit's 定数
    const counts = headcount.get(p.currentUnitId) ?? {};
    counts[p.currentPositionLevel] = (counts[p.currentPositionLevel] ?? 0) + 1;
    headcount.set(p.currentUnitId, counts);
  }
  const quotas = new Map<number, Partial<Record<PositionLevel, number>>>();
  for (const q of input.quotas) {
    const map = quotas.get(q.unitId) ?? {};
    map[q.positionLevel] = q.headcount;
    quotas.set(q.unitId, map);
  }
  const units: PlacementUnit[] = [];
  // Tree order (部, then its 課 and 係 by code), as the organisation chart lists them.
  const nodes: OrgNode[] = [];
  const visit = (node: OrgNode): void => {
    nodes.push(node);
    for (const child of node.children) visit(child);
  };
  for (const root of snapshot.roots) visit(root);
  for (const node of nodes) {
    if (node.children.length > 0 && !occupied.has(node.unitId)) continue;
    const above = ancestorsOf(node.unitId, snapshot).slice(0, -1);
    units.push({
      unitId: node.unitId,
      name: node.name,
      path: above.map((n) => n.name).join(pathSeparator),
      isFrontline: node.isFrontline,
      expertiseField: node.expertiseField,
      quotas: quotas.get(node.unitId) ?? {},
      headcount: headcount.get(node.unitId) ?? {},
    });
  }

  return {
    effectiveDate,
    settings: { ...placementSettings, rotationYearsPerUnit: orgSettings.rotationYearsPerUnit, expertCycleYears: orgSettings.expertCycleYears },
    people,
    units,
    positions: input.positions.map((p) => ({ positionId: p.id, name: p.name, level: p.level })),
  };
}

/** The leaf units (係, or a 課/部 without units below) in force on `date`, in tree order, with the path above them. */
export function leafUnitsOn(versions: readonly UnitVersion[], date: string): Array<{ unitId: number; name: string; path: string }> {
  const snapshot = orgAsOf(versions, date);
  const result: Array<{ unitId: number; name: string; path: string }> = [];
  const visit = (node: OrgNode, above: string[]): void => {
    if (node.children.length === 0) result.push({ unitId: node.unitId, name: node.name, path: above.join(pathSeparator) });
    for (const child of node.children) visit(child, [...above, node.name]);
  };
  for (const root of snapshot.roots) visit(root, []);
  return result;
}

/** The 年度 whose wishes and 定数 apply to a plan effective on `effectiveDate`. */
export const placementFiscalYear = (effectiveDate: string): number => fiscalYearOf(effectiveDate);
