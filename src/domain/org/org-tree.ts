/**
 * The organisation as a tree on a given date, built from unit versions (units are reorganised on
 * April 1 and keep their id through renames and moves), plus each unit's life story and the lineage
 * that says which units count as "the same unit" for tenure.
 */
import { addDays } from '../common/fiscal-year.js';
import { isInForce, unitKindLabels, type UnitEvent, type UnitEventKind, type UnitKind, type UnitVersion } from './org-model.js';

export type OrgNode = UnitVersion & { children: OrgNode[] };

export type OrgSnapshot = {
  date: string;
  /** departments (部), sorted by code — plus any unit whose parent is not in force, so nothing disappears */
  roots: OrgNode[];
  nodes: ReadonlyMap<number, OrgNode>;
  /** units in force whose parent is missing on the date (or that sit in a parent cycle): a data problem to show HR */
  orphanUnitIds: number[];
};

const pathSeparator = ' › ';

function byCode(a: { code: string; unitId: number }, b: { code: string; unitId: number }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.unitId - b.unitId;
}

/** The version of `unitId` in force on `date`; if periods overlap by mistake, the one that started last. */
export function versionOn(versions: readonly UnitVersion[], unitId: number, date: string): UnitVersion | null {
  let found: UnitVersion | null = null;
  for (const v of versions) {
    if (v.unitId === unitId && isInForce(v, date) && (found === null || v.startsOn > found.startsOn)) found = v;
  }
  return found;
}

/** The unit's name on `date`, or null when it did not exist then. */
export function nameOfUnitOn(versions: readonly UnitVersion[], unitId: number, date: string): string | null {
  return versionOn(versions, unitId, date)?.name ?? null;
}

/** The tree in force on `date`: roots are departments, children sorted by code. */
export function orgAsOf(versions: readonly UnitVersion[], date: string): OrgSnapshot {
  const nodes = new Map<number, OrgNode>();
  for (const v of versions) {
    if (!isInForce(v, date)) continue;
    const existing = nodes.get(v.unitId);
    if (existing === undefined || v.startsOn > existing.startsOn) nodes.set(v.unitId, { ...v, children: [] });
  }
  const roots: OrgNode[] = [];
  const orphanUnitIds: number[] = [];
  for (const node of nodes.values()) {
    if (node.parentUnitId === null) {
      roots.push(node);
      continue;
    }
    if (reachesRoot(node, nodes)) {
      nodes.get(node.parentUnitId)?.children.push(node);
    } else {
      roots.push(node);
      orphanUnitIds.push(node.unitId);
    }
  }
  for (const node of nodes.values()) node.children.sort(byCode);
  roots.sort(byCode);
  orphanUnitIds.sort((a, b) => a - b);
  return { date, roots, nodes, orphanUnitIds };
}

/** Walking up from `node` reaches a unit without a parent (no missing parent, no cycle). */
function reachesRoot(node: OrgNode, nodes: ReadonlyMap<number, OrgNode>): boolean {
  const seen = new Set<number>();
  let current: OrgNode | undefined = node;
  while (current !== undefined) {
    if (current.parentUnitId === null) return true;
    if (seen.has(current.unitId)) return false;
    seen.add(current.unitId);
    current = nodes.get(current.parentUnitId);
  }
  return false;
}

/** The unit and its ancestors, root first; empty when the unit is not in force on the snapshot's date. */
export function ancestorsOf(unitId: number, snapshot: OrgSnapshot): OrgNode[] {
  const chain: OrgNode[] = [];
  const seen = new Set<number>();
  let current = snapshot.nodes.get(unitId);
  while (current !== undefined && !seen.has(current.unitId)) {
    seen.add(current.unitId);
    chain.unshift(current);
    // An orphan is shown as a root, so its path stops at itself.
    if (current.parentUnitId === null || snapshot.orphanUnitIds.includes(current.unitId)) break;
    current = snapshot.nodes.get(current.parentUnitId);
  }
  return chain;
}

/** e.g. "総務部 › 職員課 › 人事係"; null when the unit is not in force on the snapshot's date. */
export function unitPath(unitId: number, snapshot: OrgSnapshot): string | null {
  const chain = ancestorsOf(unitId, snapshot);
  return chain.length === 0 ? null : chain.map((n) => n.name).join(pathSeparator);
}

/** The same path built from versions on any date (used for careers, where each assignment has its own date). */
export function unitPathOn(versions: readonly UnitVersion[], unitId: number, date: string): string | null {
  const names: string[] = [];
  const seen = new Set<number>();
  let current = versionOn(versions, unitId, date);
  while (current !== null && !seen.has(current.unitId)) {
    seen.add(current.unitId);
    names.unshift(current.name);
    current = current.parentUnitId === null ? null : versionOn(versions, current.parentUnitId, date);
  }
  return names.length === 0 ? null : names.join(pathSeparator);
}

/** Ids of the units below `unitId` (not itself), depth first in code order. */
export function descendantsOf(unitId: number, snapshot: OrgSnapshot): number[] {
  const result: number[] = [];
  const visit = (node: OrgNode): void => {
    for (const child of node.children) {
      result.push(child.unitId);
      visit(child);
    }
  };
  const start = snapshot.nodes.get(unitId);
  if (start !== undefined) visit(start);
  return result;
}

function nearestOfKind(unitId: number, snapshot: OrgSnapshot, kind: UnitKind): OrgNode | null {
  const chain = ancestorsOf(unitId, snapshot);
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const node = chain[i];
    if (node !== undefined && node.kind === kind) return node;
  }
  return null;
}

/** The 課 that is or contains the unit, or null (a 部 itself, or a unit not in force). */
export function divisionOf(unitId: number, snapshot: OrgSnapshot): OrgNode | null {
  return nearestOfKind(unitId, snapshot, 'division');
}

/** The 部 that is or contains the unit, or null. */
export function departmentOf(unitId: number, snapshot: OrgSnapshot): OrgNode | null {
  return nearestOfKind(unitId, snapshot, 'department');
}

// ---------------------------------------------------------------------------------------------
// Lineage: which unit ids count as one unit for tenure.

export type UnitLineage = {
  /** absorbed unit → the unit it was merged into, and when */
  successors: ReadonlyMap<number, { successorUnitId: number; mergedOn: string }>;
};

/**
 * Renames and moves keep the unitId, so they need nothing here. A merger is recorded as a 'merged'
 * event on the absorbed unit with `relatedUnitId` = the surviving unit; the rule is "the absorbed unit's
 * tenure continues in the surviving unit" (a reorganisation is not a transfer of the person). Versions
 * are used to ignore mergers into units that never existed.
 */
export function unitLineage(versions: readonly UnitVersion[], events: readonly UnitEvent[]): UnitLineage {
  const known = new Set(versions.map((v) => v.unitId));
  const successors = new Map<number, { successorUnitId: number; mergedOn: string }>();
  const merges = events
    .filter((e) => e.kind === 'merged' && e.relatedUnitId !== null && e.relatedUnitId !== e.unitId)
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.unitId - b.unitId));
  for (const e of merges) {
    if (e.relatedUnitId === null || !known.has(e.relatedUnitId)) continue;
    // A unit is absorbed once; a second record for it is a correction of the first only if later.
    successors.set(e.unitId, { successorUnitId: e.relatedUnitId, mergedOn: e.occurredOn });
  }
  return { successors };
}

/** The canonical id used to count tenure: follow mergers to the last surviving unit. */
export function sameUnitKey(unitId: number, lineage: UnitLineage): number {
  const seen = new Set<number>([unitId]);
  let current = unitId;
  for (;;) {
    const next = lineage.successors.get(current);
    // A cycle of mergers is bad data; stop where it would repeat so the answer stays deterministic.
    if (next === undefined || seen.has(next.successorUnitId)) return current;
    seen.add(next.successorUnitId);
    current = next.successorUnitId;
  }
}

// ---------------------------------------------------------------------------------------------
// History: each unit's life, for the reorganisation history view.

export type UnitHistoryEntryKind = UnitEventKind | 'absorbed' | 'changed';

export type UnitHistoryEntry = {
  occurredOn: string;
  kind: UnitHistoryEntryKind;
  /** Japanese, e.g. "名称変更: 職員課 → 人事課" */
  description: string;
  relatedUnitId: number | null;
  note: string | null;
  /** true when an org_unit_events row says so; false when inferred from the versions alone */
  isRecorded: boolean;
};

export type UnitLife = {
  unitId: number;
  /** code and name of the latest version */
  code: string;
  name: string;
  kind: UnitKind;
  startsOn: string;
  endsOn: string | null;
  /** the names it has borne, oldest first */
  names: string[];
  versions: UnitVersion[];
  entries: UnitHistoryEntry[];
  successorUnitId: number | null;
};

const entryOrder: Record<UnitHistoryEntryKind, number> = {
  created: 0,
  absorbed: 1,
  renamed: 2,
  moved: 3,
  changed: 4,
  merged: 5,
  abolished: 6,
};

const eventKindLabels: Record<UnitEventKind, string> = {
  created: '新設',
  renamed: '名称変更',
  moved: '所管替え',
  merged: '統合',
  abolished: '廃止',
};

function describeParent(versions: readonly UnitVersion[], parentUnitId: number | null, date: string): string {
  if (parentUnitId === null) return 'なし';
  return nameOfUnitOn(versions, parentUnitId, date) ?? `#${parentUnitId}`;
}

function attributeChanges(before: UnitVersion, after: UnitVersion): string[] {
  const changes: string[] = [];
  const yesNo = (b: boolean): string => (b ? 'あり' : 'なし');
  if (before.kind !== after.kind) changes.push(`区分 ${unitKindLabels[before.kind]} → ${unitKindLabels[after.kind]}`);
  if (before.code !== after.code) changes.push(`コード ${before.code} → ${after.code}`);
  if (before.isFrontline !== after.isFrontline) {
    changes.push(`住民との折衝を伴う現場 ${yesNo(before.isFrontline)} → ${yesNo(after.isFrontline)}`);
  }
  if (before.expertiseField !== after.expertiseField) {
    changes.push(`分野 ${before.expertiseField ?? 'なし'} → ${after.expertiseField ?? 'なし'}`);
  }
  if (before.authorisedHeadcount !== after.authorisedHeadcount) {
    changes.push(`定数 ${before.authorisedHeadcount ?? '未設定'} → ${after.authorisedHeadcount ?? '未設定'}`);
  }
  return changes;
}

/**
 * Each unit's life: created, renamed, moved, attributes changed, units absorbed, merged away or abolished.
 * Changes are inferred from consecutive versions and enriched by recorded events (their notes); a
 * recorded event with no matching change is listed as it is.
 */
export function unitHistory(versions: readonly UnitVersion[], events: readonly UnitEvent[]): UnitLife[] {
  const byUnit = new Map<number, UnitVersion[]>();
  for (const v of versions) {
    const list = byUnit.get(v.unitId) ?? [];
    list.push(v);
    byUnit.set(v.unitId, list);
  }
  const nameAt = (unitId: number, date: string): string =>
    nameOfUnitOn(versions, unitId, date) ?? nameOfUnitOn(versions, unitId, addDays(date, -1)) ?? `#${unitId}`;

  const lives: UnitLife[] = [];
  for (const [unitId, list] of byUnit) {
    list.sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
    const first = list[0];
    const last = list[list.length - 1];
    if (first === undefined || last === undefined) continue;
    const ownEvents = events.filter((e) => e.unitId === unitId);
    const mergedAway = ownEvents.find((e) => e.kind === 'merged' && e.relatedUnitId !== null);
    const derived: UnitHistoryEntry[] = [];
    const add = (occurredOn: string, kind: UnitHistoryEntryKind, description: string, relatedUnitId: number | null = null): void => {
      derived.push({ occurredOn, kind, description, relatedUnitId, note: null, isRecorded: false });
    };

    add(first.startsOn, 'created', `新設: ${first.name}(上位組織: ${describeParent(versions, first.parentUnitId, first.startsOn)})`);
    for (let i = 1; i < list.length; i += 1) {
      const before = list[i - 1];
      const after = list[i];
      if (before === undefined || after === undefined) continue;
      if (before.endsOn !== null && addDays(before.endsOn, 1) < after.startsOn) {
        // A gap between versions: the unit was abolished and later set up again under the same id.
        add(addDays(before.endsOn, 1), 'abolished', `廃止: ${before.name}`);
        add(after.startsOn, 'created', `再設置: ${after.name}(上位組織: ${describeParent(versions, after.parentUnitId, after.startsOn)})`);
        continue;
      }
      if (before.name !== after.name) add(after.startsOn, 'renamed', `名称変更: ${before.name} → ${after.name}`);
      if (before.parentUnitId !== after.parentUnitId) {
        add(
          after.startsOn,
          'moved',
          `所管替え: ${describeParent(versions, before.parentUnitId, before.startsOn)} → ${describeParent(versions, after.parentUnitId, after.startsOn)}`,
          after.parentUnitId,
        );
      }
      const changes = attributeChanges(before, after);
      if (changes.length > 0) add(after.startsOn, 'changed', `変更: ${changes.join('、')}`);
    }
    if (last.endsOn !== null) {
      const endedOn = addDays(last.endsOn, 1);
      if (mergedAway?.relatedUnitId != null) {
        add(mergedAway.occurredOn, 'merged', `統合: ${nameAt(mergedAway.relatedUnitId, mergedAway.occurredOn)}に統合`, mergedAway.relatedUnitId);
      } else {
        add(endedOn, 'abolished', `廃止: ${last.name}`);
      }
    }
    // The surviving side of a merger.
    for (const e of events) {
      if (e.kind === 'merged' && e.relatedUnitId === unitId && e.unitId !== unitId) {
        derived.push({
          occurredOn: e.occurredOn,
          kind: 'absorbed',
          description: `統合: ${nameAt(e.unitId, e.occurredOn)}を統合`,
          relatedUnitId: e.unitId,
          note: e.note,
          isRecorded: true,
        });
      }
    }
    for (const e of ownEvents) {
      const match = derived.find((d) => d.kind === e.kind && d.occurredOn === e.occurredOn && !d.isRecorded);
      if (match) {
        match.isRecorded = true;
        match.note = e.note;
        if (match.relatedUnitId === null) match.relatedUnitId = e.relatedUnitId;
      } else {
        derived.push({
          occurredOn: e.occurredOn,
          kind: e.kind,
          description: `${eventKindLabels[e.kind]}(記録のみ)`,
          relatedUnitId: e.relatedUnitId,
          note: e.note,
          isRecorded: true,
        });
      }
    }
    derived.sort((a, b) =>
      a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : entryOrder[a.kind] - entryOrder[b.kind],
    );
    const names: string[] = [];
    for (const v of list) if (names[names.length - 1] !== v.name) names.push(v.name);
    lives.push({
      unitId,
      code: last.code,
      name: last.name,
      kind: last.kind,
      startsOn: first.startsOn,
      endsOn: last.endsOn,
      names,
      versions: list,
      entries: derived,
      successorUnitId: last.endsOn !== null && mergedAway ? mergedAway.relatedUnitId : null,
    });
  }
  return lives.sort(byCode);
}
