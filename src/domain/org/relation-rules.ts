/**
 * Evaluator and confirmer relations (評価者・確認者) and unit heads (所属長) derived from the organisation
 * in force on a date and the regular assignments, with manual relations taking precedence.
 */
import { addDays } from '../common/fiscal-year.js';
import {
  isInForce,
  positionLevelLabels,
  relationKinds,
  type AssignmentKind,
  type PositionLevel,
  type RelationKind,
  type StaffRelation,
  type UnitVersion,
} from './org-model.js';
import { relationScopeLabels, type RelationCandidate, type RelationRules, type RelationScope } from './org-settings.js';
import { departmentOf, descendantsOf, divisionOf, orgAsOf, type OrgSnapshot } from './org-tree.js';

/** A person's post as the relation rules see it. Without a period the row is taken to be in force. */
export type PostAssignment = {
  staffId: number;
  unitId: number;
  positionLevel: PositionLevel;
  /** the position's rank (1 = most senior) */
  positionRank: number;
  kind: AssignmentKind;
  startsOn?: string;
  endsOn?: string | null;
};

export type DerivedRelation = StaffRelation & {
  source: 'rule';
  /** which rule matched: the holder's level and the unit they were found in */
  basis: { level: PositionLevel; scope: RelationScope; unitId: number };
};

export type UnresolvedRelation = {
  subjectStaffId: number;
  kind: RelationKind;
  /** no-rule: the settings give no candidates (set by hand); no-candidate: nobody holds a matching post; unit-not-in-force: the subject's unit does not exist on the date */
  reason: 'no-rule' | 'no-candidate' | 'unit-not-in-force';
  /** Japanese, for HR's worklist */
  message: string;
};

export type DeriveRelationsInput = {
  date: string;
  versions: readonly UnitVersion[];
  assignments: readonly PostAssignment[];
  rules: RelationRules;
};

const relationKindLabels: Record<RelationKind, string> = { evaluator: '評価者', confirmer: '確認者' };

function regularPostsOn(assignments: readonly PostAssignment[], date: string): PostAssignment[] {
  return assignments.filter(
    (a) => a.kind === 'regular' && (a.startsOn === undefined || isInForce({ startsOn: a.startsOn, endsOn: a.endsOn ?? null }, date)),
  );
}

/** Most senior first, then lowest staff id, so the same data always gives the same holder. */
function bySeniority(a: PostAssignment, b: PostAssignment): number {
  return a.positionRank - b.positionRank || a.staffId - b.staffId || a.unitId - b.unitId;
}

function scopeUnitId(unitId: number, scope: RelationScope, snapshot: OrgSnapshot): number | null {
  if (scope === 'same-unit') return snapshot.nodes.has(unitId) ? unitId : null;
  if (scope === 'division') return divisionOf(unitId, snapshot)?.unitId ?? null;
  return departmentOf(unitId, snapshot)?.unitId ?? null;
}

function describeCandidates(candidates: readonly RelationCandidate[]): string {
  return candidates.map((c) => `${relationScopeLabels[c.scope]}の${positionLevelLabels[c.level]}`).join('、');
}

/**
 * Evaluator and confirmer of every person with a regular post on `date`, by the rules of their position
 * level (first candidate that someone holds wins; among several holders the most senior, then the lowest
 * staff id). Nobody evaluates or confirms themselves, and the confirmer is never the evaluator. Relations
 * the rules cannot settle are returned in `unresolved` for HR to set by hand.
 */
export function deriveRelations(input: DeriveRelationsInput): { relations: DerivedRelation[]; unresolved: UnresolvedRelation[] } {
  const snapshot = orgAsOf(input.versions, input.date);
  const posts = regularPostsOn(input.assignments, input.date);
  // One post per person: with overlapping rows (bad data) the most senior one speaks for them.
  const subjects = new Map<number, PostAssignment>();
  for (const post of [...posts].sort(bySeniority)) if (!subjects.has(post.staffId)) subjects.set(post.staffId, post);

  const relations: DerivedRelation[] = [];
  const unresolved: UnresolvedRelation[] = [];
  const subjectIds = [...subjects.keys()].sort((a, b) => a - b);
  for (const subjectStaffId of subjectIds) {
    const subject = subjects.get(subjectStaffId);
    if (subject === undefined) continue;
    const rule = input.rules[subject.positionLevel];
    let evaluatorId: number | null = null;
    for (const kind of relationKinds) {
      const candidates = rule[kind];
      if (candidates.length === 0) {
        unresolved.push({
          subjectStaffId,
          kind,
          reason: 'no-rule',
          message: `${positionLevelLabels[subject.positionLevel]}の${relationKindLabels[kind]}は規則で定めていません。手動で設定してください。`,
        });
        continue;
      }
      if (!snapshot.nodes.has(subject.unitId)) {
        unresolved.push({
          subjectStaffId,
          kind,
          reason: 'unit-not-in-force',
          message: `所属(#${subject.unitId})が${input.date}時点の組織にありません。`,
        });
        continue;
      }
      let found: DerivedRelation | null = null;
      for (const candidate of candidates) {
        const unitId = scopeUnitId(subject.unitId, candidate.scope, snapshot);
        if (unitId === null) continue;
        const holder = posts
          .filter(
            (p) =>
              p.unitId === unitId &&
              p.positionLevel === candidate.level &&
              p.staffId !== subjectStaffId &&
              (kind !== 'confirmer' || p.staffId !== evaluatorId),
          )
          .sort(bySeniority)[0];
        if (holder === undefined) continue;
        found = {
          kind,
          subjectStaffId,
          holderStaffId: holder.staffId,
          source: 'rule',
          // In force from the date it was derived for; the service closes it when it derives again.
          startsOn: input.date,
          endsOn: null,
          basis: { level: candidate.level, scope: candidate.scope, unitId },
        };
        break;
      }
      if (found === null) {
        unresolved.push({
          subjectStaffId,
          kind,
          reason: 'no-candidate',
          message: `${relationKindLabels[kind]}の候補(${describeCandidates(candidates)})に該当する職員がいません。`,
        });
        continue;
      }
      if (kind === 'evaluator') evaluatorId = found.holderStaffId;
      relations.push(found);
    }
  }
  return { relations, unresolved };
}

export type UnitHeadInput = {
  date: string;
  versions: readonly UnitVersion[];
  assignments: readonly PostAssignment[];
  unitHeadLevels: readonly PositionLevel[];
};

export type UnitHead = { staffId: number; /** the unit where they hold the head post */ unitId: number };

function headPosts(input: UnitHeadInput): PostAssignment[] {
  return regularPostsOn(input.assignments, input.date).filter((p) => input.unitHeadLevels.includes(p.positionLevel));
}

/**
 * The heads (所属長) of a unit on `date`: holders of a head-level post in the unit or any unit above it,
 * nearest first (the 課長 before the 部長), then most senior, then lowest staff id.
 */
export function unitHeadsOf(unitId: number, input: UnitHeadInput): UnitHead[] {
  const snapshot = orgAsOf(input.versions, input.date);
  const chain: number[] = [];
  const seen = new Set<number>();
  let current = snapshot.nodes.get(unitId);
  while (current !== undefined && !seen.has(current.unitId)) {
    seen.add(current.unitId);
    chain.push(current.unitId);
    current = current.parentUnitId === null ? undefined : snapshot.nodes.get(current.parentUnitId);
  }
  const posts = headPosts(input);
  const heads: UnitHead[] = [];
  for (const id of chain) {
    for (const p of posts.filter((post) => post.unitId === id).sort(bySeniority)) {
      if (!heads.some((h) => h.staffId === p.staffId)) heads.push({ staffId: p.staffId, unitId: id });
    }
  }
  return heads;
}

/** The units a person heads on `date`: where they hold a head-level post, and every unit below. */
export function unitsHeadedBy(staffId: number, input: UnitHeadInput): number[] {
  const snapshot = orgAsOf(input.versions, input.date);
  const result: number[] = [];
  const own = headPosts(input)
    .filter((p) => p.staffId === staffId && snapshot.nodes.has(p.unitId))
    .map((p) => p.unitId)
    .sort((a, b) => a - b);
  for (const unitId of own) {
    for (const id of [unitId, ...descendantsOf(unitId, snapshot)]) if (!result.includes(id)) result.push(id);
  }
  return result;
}

type Period = { startsOn: string; endsOn: string | null };

/** `period` minus `cut`: zero, one or two pieces. */
function subtractPeriod(period: Period, cut: Period): Period[] {
  const overlaps = (cut.endsOn === null || cut.endsOn >= period.startsOn) && (period.endsOn === null || period.endsOn >= cut.startsOn);
  if (!overlaps) return [period];
  const pieces: Period[] = [];
  if (cut.startsOn > period.startsOn) pieces.push({ startsOn: period.startsOn, endsOn: addDays(cut.startsOn, -1) });
  if (cut.endsOn !== null && (period.endsOn === null || cut.endsOn < period.endsOn)) {
    pieces.push({ startsOn: addDays(cut.endsOn, 1), endsOn: period.endsOn });
  }
  return pieces;
}

/**
 * Manual relations win: where a manual relation for the same subject and kind is in force, the derived
 * one is cut out (it resumes after the manual period ends). HR sets a relation by hand precisely when the
 * organisation gives the wrong answer — an absent 係長, a deputy mayor, a special assignment.
 */
export function mergeWithManual(derived: readonly StaffRelation[], manual: readonly StaffRelation[]): StaffRelation[] {
  const result: StaffRelation[] = manual.map((m) => ({ ...m, source: 'manual' as const }));
  for (const d of derived) {
    const cuts = manual.filter((m) => m.subjectStaffId === d.subjectStaffId && m.kind === d.kind);
    let pieces: Period[] = [{ startsOn: d.startsOn, endsOn: d.endsOn }];
    for (const cut of cuts) pieces = pieces.flatMap((p) => subtractPeriod(p, cut));
    for (const p of pieces) {
      result.push({
        kind: d.kind,
        subjectStaffId: d.subjectStaffId,
        holderStaffId: d.holderStaffId,
        source: d.source,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      });
    }
  }
  return result.sort(
    (a, b) =>
      a.subjectStaffId - b.subjectStaffId ||
      relationKinds.indexOf(a.kind) - relationKinds.indexOf(b.kind) ||
      (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0) ||
      (a.source === b.source ? 0 : a.source === 'manual' ? -1 : 1),
  );
}
