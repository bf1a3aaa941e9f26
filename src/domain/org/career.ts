/**
 * One person's career (経歴) read from their assignments: the timeline as it was lived (unit names of the
 * time), the current assignment, tenure in the current unit, frontline experience and units experienced —
 * the facts the placement rules of policy III-2-(1) are checked against. All functions take the
 * assignments of a single person.
 */
import { addDays, completedYearsBetween, fiscalYearOf } from '../common/fiscal-year.js';
import { isInForce, type Assignment, type AssignmentKind, type Position, type PositionLevel, type UnitVersion } from './org-model.js';
import { sameUnitKey, unitPathOn, type UnitLineage } from './org-tree.js';

export type CareerEntryStatus = 'past' | 'current' | 'future';

export type CareerTimelineEntry = {
  assignmentId: number;
  kind: AssignmentKind;
  unitId: number;
  /** the unit's name when the assignment began (or when the unit first existed within it) */
  unitName: string | null;
  /** every name the unit bore during the assignment, oldest first (a rename mid-assignment shows two) */
  unitNames: string[];
  /** e.g. "総務部 › 職員課 › 人事係", as the organisation stood when the assignment began */
  unitPath: string | null;
  positionId: number;
  positionName: string | null;
  positionLevel: PositionLevel | null;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
  status: CareerEntryStatus;
  /** the unit was a frontline unit (住民との直接的な折衝を伴う現場) at some time during the assignment */
  isFrontline: boolean;
  /** fiscal years (年度) the assignment spans, up to the date for a current one */
  fiscalYears: number[];
};

const kindOrder: Record<AssignmentKind, number> = { regular: 0, concurrent: 1, dispatch: 2 };

function byStart(a: Assignment, b: Assignment): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
  return kindOrder[a.kind] - kindOrder[b.kind] || a.id - b.id;
}

function statusOn(a: Assignment, date: string): CareerEntryStatus {
  if (a.startsOn > date) return 'future';
  return isInForce(a, date) ? 'current' : 'past';
}

/** The last day of the assignment that counts "as lived" on `date`: a current one is cut at the date. */
function livedUntil(a: Assignment, date: string): string {
  const status = statusOn(a, date);
  if (status === 'current') return date;
  return a.endsOn ?? a.startsOn;
}

/** Unit versions overlapping [from, to], oldest first. */
function versionsDuring(versions: readonly UnitVersion[], unitId: number, from: string, to: string): UnitVersion[] {
  return versions
    .filter((v) => v.unitId === unitId && v.startsOn <= to && (v.endsOn === null || v.endsOn >= from))
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

/** The career as it was lived: one entry per assignment, oldest first, with unit names of the time. */
export function buildCareerTimeline(
  assignments: readonly Assignment[],
  versions: readonly UnitVersion[],
  positions: readonly Position[],
  date: string,
): CareerTimelineEntry[] {
  const positionById = new Map(positions.map((p) => [p.id, p]));
  return [...assignments].sort(byStart).map((a) => {
    const until = livedUntil(a, date);
    const during = versionsDuring(versions, a.unitId, a.startsOn, until);
    const firstVersion = during[0];
    // The path is taken on the day the unit first existed within the assignment (normally its first day).
    const pathDate = firstVersion === undefined || firstVersion.startsOn <= a.startsOn ? a.startsOn : firstVersion.startsOn;
    const unitNames: string[] = [];
    for (const v of during) if (unitNames[unitNames.length - 1] !== v.name) unitNames.push(v.name);
    const position = positionById.get(a.positionId);
    const fiscalYears: number[] = [];
    for (let fy = fiscalYearOf(a.startsOn); fy <= fiscalYearOf(until); fy += 1) fiscalYears.push(fy);
    return {
      assignmentId: a.id,
      kind: a.kind,
      unitId: a.unitId,
      unitName: firstVersion?.name ?? null,
      unitNames,
      unitPath: unitPathOn(versions, a.unitId, pathDate),
      positionId: a.positionId,
      positionName: position?.name ?? null,
      positionLevel: position?.level ?? null,
      dispatchTo: a.dispatchTo,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      status: statusOn(a, date),
      // A dispatch is recorded against a home unit in the city; the work was elsewhere, so its unit's
      // frontline flag says nothing about the person.
      isFrontline: a.kind !== 'dispatch' && during.some((v) => v.isFrontline),
      fiscalYears,
    };
  });
}

export type CurrentAssignment = {
  /** the regular assignment in force (兼務 and 派遣 are listed apart) */
  regular: Assignment | null;
  concurrent: Assignment[];
  dispatch: Assignment | null;
};

/** Pick one of several overlapping rows deterministically: the latest start, then the highest id. */
function latest(list: readonly Assignment[]): Assignment | null {
  let found: Assignment | null = null;
  for (const a of list) {
    if (found === null || a.startsOn > found.startsOn || (a.startsOn === found.startsOn && a.id > found.id)) found = a;
  }
  return found;
}

/** The assignments in force on `date`. */
export function currentAssignment(assignments: readonly Assignment[], date: string): CurrentAssignment {
  const live = assignments.filter((a) => isInForce(a, date));
  return {
    regular: latest(live.filter((a) => a.kind === 'regular')),
    concurrent: live.filter((a) => a.kind === 'concurrent').sort(byStart),
    dispatch: latest(live.filter((a) => a.kind === 'dispatch')),
  };
}

export type UnitTenure = {
  unitId: number;
  /** the canonical unit (after mergers) the tenure is counted in */
  unitKey: number;
  /** first day of the unbroken stay */
  since: string;
  /** whole years completed at the date */
  years: number;
};

/**
 * Does a stay in `earlier.unitId` continue into `later.unitId`? The same unit id always does (a rename or
 * a move of the unit keeps it). Different ids do only when the earlier unit was merged into the later one
 * and the person crossed over at the merger — a transfer between the two before the merger was a move.
 */
function continuesInto(earlier: Assignment, later: Assignment, lineage: UnitLineage): boolean {
  if (earlier.unitId === later.unitId) return true;
  const merge = lineage.successors.get(earlier.unitId);
  if (merge === undefined || later.startsOn < merge.mergedOn) return false;
  return sameUnitKey(earlier.unitId, lineage) === sameUnitKey(later.unitId, lineage);
}

/**
 * The unbroken stay in the current unit on `date`. Continuous regular assignments in the same unit
 * count together (a change of position, a rename, a merger do not reset tenure: policy III-2-(1)
 * counts years "in a unit", not in a post); a gap or a dispatch does. Null when the person has no
 * regular assignment on the date or is away on dispatch.
 */
export function currentUnitTenure(assignments: readonly Assignment[], lineage: UnitLineage, date: string): UnitTenure | null {
  const { regular, dispatch } = currentAssignment(assignments, date);
  if (regular === null || dispatch !== null) return null;
  const regulars = assignments.filter((a) => a.kind === 'regular' && a.startsOn <= date);
  let head = regular;
  const used = new Set<number>([regular.id]);
  for (;;) {
    const dayBefore = addDays(head.startsOn, -1);
    // The predecessor ends the day before (or overlaps the start) and is in the same unit.
    const previous = regulars
      .filter((p) => !used.has(p.id) && p.startsOn < head.startsOn && p.endsOn !== null && p.endsOn >= dayBefore)
      .filter((p) => continuesInto(p, head, lineage))
      .sort(byStart)[0];
    if (previous === undefined) break;
    used.add(previous.id);
    head = previous;
  }
  let since = head.startsOn;
  // A dispatch during the stay (with the regular row kept as the home post) starts the count again on return.
  for (const d of assignments) {
    if (d.kind !== 'dispatch' || d.endsOn === null || d.endsOn >= date) continue;
    if (d.endsOn >= since) {
      const returned = addDays(d.endsOn, 1);
      if (returned > since) since = returned;
    }
  }
  return {
    unitId: regular.unitId,
    unitKey: sameUnitKey(regular.unitId, lineage),
    since,
    years: Math.max(0, completedYearsBetween(since, date)),
  };
}

/** Whole years in the current unit at `date` (see `currentUnitTenure`), or null if not applicable. */
export function yearsInCurrentUnit(assignments: readonly Assignment[], lineage: UnitLineage, date: string): number | null {
  return currentUnitTenure(assignments, lineage, date)?.years ?? null;
}

/**
 * Policy III-2-(1) ①: has the person worked in a frontline unit? Any regular assignment begun by `date`
 * counts if its unit was flagged frontline at some time between its start and `date` (or its end).
 * 兼務 and 派遣 do not count: the policy wants the main job to have been at the counter.
 */
export function hasFrontlineExperience(assignments: readonly Assignment[], versions: readonly UnitVersion[], date: string): boolean {
  return assignments.some((a) => {
    if (a.kind !== 'regular' || a.startsOn > date) return false;
    const until = a.endsOn !== null && a.endsOn < date ? a.endsOn : date;
    return versionsDuring(versions, a.unitId, a.startsOn, until).some((v) => v.isFrontline);
  });
}

/**
 * The distinct canonical units (mergers followed, renames are the same unit) of the regular assignments
 * begun by `date`, in order of first arrival. 派遣 is time away from the city's units and 兼務 is a
 * second hat, so neither widens the person's rotation.
 */
export function unitKeysExperienced(assignments: readonly Assignment[], lineage: UnitLineage, date: string): number[] {
  const keys: number[] = [];
  for (const a of [...assignments].sort(byStart)) {
    if (a.kind !== 'regular' || a.startsOn > date) continue;
    const key = sameUnitKey(a.unitId, lineage);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** How many distinct units the person has experienced by `date` (see `unitKeysExperienced`). */
export function unitsExperienced(assignments: readonly Assignment[], lineage: UnitLineage, date: string): number {
  return unitKeysExperienced(assignments, lineage, date).length;
}
