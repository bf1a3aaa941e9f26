/**
 * The org area's response shapes (UnitNode, CareerEntry, career phase; see org-api.ts) built from the domain's pure functions,
 * shared by the unit page, the directory and the profile so the three show the same facts the same way.
 */
import { deriveCareerPhase, type CareerPhaseResult, type OrgSettings } from '../../domain/org/org-settings.js';
import {
  careerPhases,
  type Assignment,
  type CareerPhase,
  type EmploymentType,
  type Position,
  type UnitEvent,
  type UnitVersion,
} from '../../domain/org/org-model.js';
import type { CareerEntry, UnitNode } from '../../domain/org/org-api.js';
import { nameOfUnitOn, unitLineage, unitPath, type OrgNode, type OrgSnapshot, type UnitLineage } from '../../domain/org/org-tree.js';
import { buildCareerTimeline, unitsExperienced } from '../../domain/org/career.js';

/** What every org read needs, loaded once per request. */
export type OrgFacts = {
  versions: UnitVersion[];
  events: UnitEvent[];
  positions: Position[];
  positionById: ReadonlyMap<number, Position>;
  lineage: UnitLineage;
};

export function buildOrgFacts(versions: UnitVersion[], events: UnitEvent[], positions: Position[]): OrgFacts {
  return { versions, events, positions, positionById: new Map(positions.map((p) => [p.id, p])), lineage: unitLineage(versions, events) };
}

/**
 * The facts one person's career needs: the versions of the units they were assigned to and of every unit above
 * those (the lineage is kept whole). The domain's career functions scan the versions they are given, so a unit
 * page with hundreds of members stays linear instead of members × units.
 */
export function factsForPerson(facts: OrgFacts, assignments: readonly Assignment[], versionsByUnit: ReadonlyMap<number, UnitVersion[]>): OrgFacts {
  const wanted = new Set<number>();
  const queue = assignments.map((a) => a.unitId);
  while (queue.length > 0) {
    const unitId = queue.pop()!;
    if (wanted.has(unitId)) continue;
    wanted.add(unitId);
    for (const v of versionsByUnit.get(unitId) ?? []) if (v.parentUnitId !== null && !wanted.has(v.parentUnitId)) queue.push(v.parentUnitId);
  }
  const versions = [...wanted].flatMap((id) => versionsByUnit.get(id) ?? []);
  return { ...facts, versions };
}

export function indexVersionsByUnit(versions: readonly UnitVersion[]): Map<number, UnitVersion[]> {
  const map = new Map<number, UnitVersion[]>();
  for (const v of versions) {
    const list = map.get(v.unitId);
    if (list === undefined) map.set(v.unitId, [v]);
    else list.push(v);
  }
  return map;
}

export function toUnitNode(node: OrgNode, snapshot: OrgSnapshot, memberCount: number): UnitNode {
  const isOrphan = snapshot.orphanUnitIds.includes(node.unitId);
  return {
    id: node.unitId,
    code: node.code,
    name: node.name,
    kind: node.kind,
    // An orphan (its parent is not in force) is shown as a root so that nothing disappears from the tree.
    parentId: isOrphan ? null : node.parentUnitId,
    path: unitPath(node.unitId, snapshot) ?? node.name,
    isFrontline: node.isFrontline,
    expertiseField: node.expertiseField,
    authorisedHeadcount: node.authorisedHeadcount,
    memberCount,
  };
}

/** The tree depth-first in code order (部 → its 課 → their 係 …). */
export function flattenTree(snapshot: OrgSnapshot, memberCounts: ReadonlyMap<number, number>): UnitNode[] {
  const result: UnitNode[] = [];
  const visit = (node: OrgNode): void => {
    result.push(toUnitNode(node, snapshot, memberCounts.get(node.unitId) ?? 0));
    for (const child of node.children) visit(child);
  };
  for (const root of snapshot.roots) visit(root);
  return result;
}

/** A unit's name for display when it has no version covering the date (bad data): its latest name, or its id. */
function fallbackUnitName(versions: readonly UnitVersion[], unitId: number): string {
  let latest: UnitVersion | undefined;
  for (const v of versions) if (v.unitId === unitId && (latest === undefined || v.startsOn > latest.startsOn)) latest = v;
  return latest?.name ?? `#${unitId}`;
}

/**
 * One person's career as lived, newest first, with unit names of the time. Assignments that begin after
 * `date` are left out: a transfer not yet in force (内示) is not part of the career shown.
 */
export function toCareerEntries(assignments: readonly Assignment[], facts: OrgFacts, date: string): CareerEntry[] {
  return buildCareerTimeline(assignments, facts.versions, facts.positions, date)
    .filter((e) => e.status !== 'future')
    .map((e) => {
      const unitName = e.unitName ?? fallbackUnitName(facts.versions, e.unitId);
      const first = e.fiscalYears[0];
      const last = e.fiscalYears[e.fiscalYears.length - 1];
      return {
        unitId: e.unitId,
        unitName,
        unitNames: e.unitNames.length > 0 ? e.unitNames : [unitName],
        unitPath: e.unitPath ?? unitName,
        positionName: e.positionName,
        kind: e.kind,
        dispatchTo: e.dispatchTo,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        isFrontline: e.isFrontline,
        fiscalYears: first === undefined ? '' : first === last ? String(first) : `${first}–${last}`,
      };
    })
    .reverse();
}

/** The name of a unit on a date, else the day before (an event on the day a unit ends), else its latest name. */
export function unitNameAround(versions: readonly UnitVersion[], unitId: number, date: string, dayBefore: string): string {
  return nameOfUnitOn(versions, unitId, date) ?? nameOfUnitOn(versions, unitId, dayBefore) ?? fallbackUnitName(versions, unitId);
}

export type PhaseSubject = {
  employmentType: EmploymentType;
  hireDate: string;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
};

/** A stored override outside the known phases is ignored (the column is free text in the schema). */
export function storedOverride(value: string | null): CareerPhase | null {
  return careerPhases.find((p) => p === value) ?? null;
}

/** The career phase (policy III-2-(1)) on `date` by the domain rule, from the person's own assignments. */
export function careerPhaseOf(
  person: PhaseSubject,
  assignments: readonly Assignment[],
  facts: OrgFacts,
  settings: OrgSettings,
  date: string,
): CareerPhaseResult {
  return deriveCareerPhase(
    {
      employmentType: person.employmentType,
      hireDate: person.hireDate,
      date,
      unitsExperienced: unitsExperienced(assignments, facts.lineage, date),
      override: storedOverride(person.careerPhaseOverride),
      overrideReason: person.careerPhaseOverrideReason,
    },
    settings,
  );
}

export function fullName(familyName: string, givenName: string): string {
  return `${familyName} ${givenName}`;
}

/** Groups rows by staff id (for results of one query over many people). */
export function groupByStaff<T extends { staffId: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.staffId);
    if (list === undefined) map.set(row.staffId, [row]);
    else list.push(row);
  }
  return map;
}
