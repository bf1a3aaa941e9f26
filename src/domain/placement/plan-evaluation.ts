/**
 * A transfer plan (異動案) checked against the rules with its moves applied (issue 5): per-move flags, each unit's
 * headcount against 定数 per position level before and after, who leaves and arrives and the continuity warning,
 * wishes met, and counts. Pure and linear in people + moves + units, so the plan editor can re-evaluate live.
 *
 * Hard rules (violations — the plan cannot be approved): an invalid move; R3 (a person past the rotation period with
 * fewer than expertCycleYears in the unit) moved without a special reason; a unit over max(定数, headcount before)
 * at a level after the plan; an R2 person (① without frontline experience) moved to a non-frontline unit.
 * Soft rules (warnings): an R1 candidate not moved; an R2 person not moved; R4 (no wishes at the end of ①);
 * R5 (a move past ① to a unit whose field does not match the person's expertise); continuity (more of a unit's
 * members leave at once than the settings allow).
 */
import { positionLevelLabels, positionLevels, type PositionLevel } from '../org/org-model.js';
import type { PlacementFacts, PlacementPerson, PlacementSettings, PlannedMove, RuleFlag, RuleId, WishRank } from './placement-model.js';
import {
  isAtRotationEnd,
  isDueForExpertMove,
  isPastRotation,
  isProtectedFromMove,
  isRotationCandidate,
  matchesExpertise,
  needsFrontline,
  r1Flag,
  r2Flag,
  r3Flag,
  r4Flag,
  r5Flag,
  unitIndexOf,
  unitLabel,
} from './rules.js';

/** Checks of a plan beyond R1–R5: an invalid move, a unit over its 定数, too many people leaving one unit. */
export const planCheckIds = ['MOVE', 'QUOTA', 'CONTINUITY'] as const;
export type PlanCheckId = (typeof planCheckIds)[number];
export const planCheckLabels: Record<PlanCheckId, string> = {
  MOVE: '異動の内容が正しくない',
  QUOTA: '定数超過',
  CONTINUITY: '業務の継続性(一度に多くの職員が異動)',
};

/**
 * A finding about a plan: a rule flag about a person (rule R1–R5, or MOVE about one move) or about a unit (QUOTA,
 * CONTINUITY: staffId null, unitId set).
 */
export type PlanFlag = Omit<RuleFlag, 'rule' | 'staffId'> & {
  rule: RuleId | PlanCheckId;
  staffId: number | null;
  unitId: number | null;
};

/** One position level of a unit: members before and after the plan against the 定数 (null = no limit). */
export type LevelBalance = {
  level: PositionLevel;
  before: number;
  after: number;
  quota: number | null;
  /** after > quota (shown); a violation only when also after > before (see `isViolation`) */
  isOver: boolean;
  /** after > max(quota, before): the plan makes the unit (more) over its 定数 */
  isViolation: boolean;
};

export type UnitBalance = {
  unitId: number;
  name: string;
  /** levels with a member before or after, or with a 定数 */
  levels: LevelBalance[];
  /** members (not on dispatch) on the eve of the effective date */
  membersBefore: number;
  membersAfter: number;
  leaving: number;
  arriving: number;
  /** the most people who may leave at once (continuityLimit) */
  leavingLimit: number;
  continuityWarning: boolean;
};

export type EvaluatedMove = {
  staffId: number;
  fromUnitId: number | null;
  toUnitId: number;
  fromLevel: PositionLevel | null;
  toLevel: PositionLevel | null;
  /** the rank of the wish this move meets, if any */
  wishRank: WishRank | null;
  isValid: boolean;
  flags: PlanFlag[];
};

export type WishesMet = {
  /** people with at least one wish for the 年度 */
  withWishes: number;
  first: number;
  second: number;
  third: number;
  notMet: number;
};

export type PlanEvaluation = {
  effectiveDate: string;
  moves: EvaluatedMove[];
  /** flags about people not moved (R1, R2, R4 warnings) and about units (QUOTA, CONTINUITY); move flags are in `moves` */
  flags: PlanFlag[];
  units: UnitBalance[];
  wishes: WishesMet;
  counts: { moves: number; violations: number; warnings: number; infos: number };
  /** the settings the evaluation used */
  settings: PlacementFacts['settings'];
};

/**
 * The most of a unit's members that may leave in one plan: `continuityMaxLeavingShare` of its members (rounded down)
 * but no more than `continuityMaxLeavingCount` — and always at least one, so a one-person unit can still rotate.
 */
export function continuityLimit(members: number, settings: Pick<PlacementSettings, 'continuityMaxLeavingShare' | 'continuityMaxLeavingCount'>): number {
  return Math.max(1, Math.min(settings.continuityMaxLeavingCount, Math.floor(settings.continuityMaxLeavingShare * members)));
}

const toPlanFlag = (f: RuleFlag, unitId: number | null): PlanFlag => ({ ...f, unitId });

function moveFlag(staffId: number | null, unitId: number | null, message: string, clearedBy: string, facts: PlanFlag['facts']): PlanFlag {
  return { rule: 'MOVE', staffId, unitId, severity: 'violation', message, facts, clearedBy };
}

/** The plan's moves applied to the facts (see the file comment). Moves are taken in order; a second move of a person is invalid. */
export function evaluatePlan(facts: PlacementFacts, moves: readonly PlannedMove[]): PlanEvaluation {
  const units = unitIndexOf(facts);
  const people = new Map<number, PlacementPerson>(facts.people.map((p) => [p.staffId, p]));
  const positionLevelById = facts.positions === undefined ? null : new Map(facts.positions.map((p) => [p.positionId, p.level]));
  const moved = new Map<number, { toUnitId: number; toLevel: PositionLevel }>();
  const evaluated: EvaluatedMove[] = [];

  for (const move of moves) {
    const person = people.get(move.staffId);
    const flags: PlanFlag[] = [];
    const target = units.get(move.toUnitId);
    let toLevel: PositionLevel | null = person?.currentPositionLevel ?? null;
    if (move.toPositionId !== null && positionLevelById !== null) toLevel = positionLevelById.get(move.toPositionId) ?? null;
    const base = { staffId: move.staffId, toUnitId: move.toUnitId, toPositionId: move.toPositionId };
    if (person === undefined) {
      flags.push(moveFlag(move.staffId, move.toUnitId, `職員#${move.staffId}は発令日の前日に通常の所属がないため、異動できません。`, 'この異動を取り消してください。', base));
    } else if (moved.has(person.staffId)) {
      flags.push(moveFlag(person.staffId, move.toUnitId, `${person.name}さんの異動が二重に登録されています。`, 'どちらかの異動を取り消してください。', base));
    } else if (person.isDispatched) {
      flags.push(moveFlag(person.staffId, move.toUnitId, `${person.name}さんは発令日に派遣中のため、異動案では異動できません。`, 'この異動を取り消してください。', base));
    } else if (target === undefined) {
      flags.push(moveFlag(person.staffId, move.toUnitId, `異動先(所属#${move.toUnitId})は発令日に配置できる所属ではありません。`, '発令日に存在する所属を異動先に選んでください。', base));
    } else if (toLevel === null) {
      flags.push(moveFlag(person.staffId, move.toUnitId, `新職位(職位#${move.toPositionId ?? ''})が見つかりません。`, '登録されている職位を選んでください。', base));
    } else if (move.toUnitId === person.currentUnitId && (move.toPositionId === null || move.toPositionId === person.currentPositionId)) {
      flags.push(moveFlag(person.staffId, move.toUnitId, `${person.name}さんの異動先が現在の所属(${target.name})と同じです。`, '異動先を変えるか、この異動を取り消してください。', base));
    }
    const isValid = flags.length === 0 && person !== undefined && target !== undefined && toLevel !== null;
    let wishRank: WishRank | null = null;
    if (isValid && toLevel !== null) {
      moved.set(person.staffId, { toUnitId: move.toUnitId, toLevel });
      wishRank = person.wishes.find((w) => w.unitId === move.toUnitId)?.rank ?? null;
      const changesUnit = move.toUnitId !== person.currentUnitId;
      if (changesUnit && isProtectedFromMove(person, facts)) {
        const excused = move.specialReason !== null && move.specialReason.trim() !== '';
        flags.push(toPlanFlag(r3Flag(person, facts, excused ? 'info' : 'violation', { toUnitId: move.toUnitId, specialReason: move.specialReason }), move.toUnitId));
      }
      if (changesUnit && needsFrontline(person) && !target.isFrontline) {
        flags.push(toPlanFlag(r2Flag(person, facts, 'violation', move.toUnitId), move.toUnitId));
      }
      if (changesUnit && isPastRotation(person) && !matchesExpertise(person, target)) {
        flags.push(toPlanFlag(r5Flag(person, facts, 'warning', move.toUnitId), move.toUnitId));
      }
    }
    evaluated.push({
      staffId: move.staffId,
      fromUnitId: person?.currentUnitId ?? null,
      toUnitId: move.toUnitId,
      fromLevel: person?.currentPositionLevel ?? null,
      toLevel,
      wishRank,
      isValid,
      flags,
    });
  }

  // People the plan leaves where they are (or moves only to a new position in the same unit).
  const flags: PlanFlag[] = [];
  for (const p of facts.people) {
    const m = moved.get(p.staffId);
    const staysInUnit = m === undefined || m.toUnitId === p.currentUnitId;
    if (staysInUnit && isRotationCandidate(p, facts)) flags.push(toPlanFlag(r1Flag(p, facts, 'warning'), p.currentUnitId));
    if (staysInUnit && needsFrontline(p)) flags.push(toPlanFlag(r2Flag(p, facts, 'warning'), p.currentUnitId));
    if (isAtRotationEnd(p, facts) && p.wishes.length === 0) flags.push(toPlanFlag(r4Flag(p, facts, 'warning'), p.currentUnitId));
  }

  // Headcount per unit and level, before (members not on dispatch on the eve) and after the moves.
  const after = new Map<number, Partial<Record<PositionLevel, number>>>();
  const bump = (unitId: number, level: PositionLevel, by: number): void => {
    const counts = after.get(unitId) ?? {};
    counts[level] = (counts[level] ?? 0) + by;
    after.set(unitId, counts);
  };
  const leaving = new Map<number, number>();
  const arriving = new Map<number, number>();
  for (const p of facts.people) {
    if (p.isDispatched) continue;
    const m = moved.get(p.staffId);
    if (m === undefined) {
      bump(p.currentUnitId, p.currentPositionLevel, 1);
      continue;
    }
    bump(m.toUnitId, m.toLevel, 1);
    if (m.toUnitId !== p.currentUnitId) {
      leaving.set(p.currentUnitId, (leaving.get(p.currentUnitId) ?? 0) + 1);
      arriving.set(m.toUnitId, (arriving.get(m.toUnitId) ?? 0) + 1);
    }
  }
  const balances: UnitBalance[] = [];
  for (const unit of facts.units) {
    const afterCounts = after.get(unit.unitId) ?? {};
    const levels: LevelBalance[] = [];
    let membersBefore = 0;
    let membersAfter = 0;
    for (const level of positionLevels) {
      const before = unit.headcount[level] ?? 0;
      const now = afterCounts[level] ?? 0;
      const quota = unit.quotas[level] ?? null;
      membersBefore += before;
      membersAfter += now;
      if (before === 0 && now === 0 && quota === null) continue;
      const isViolation = quota !== null && now > Math.max(quota, before);
      levels.push({ level, before, after: now, quota, isOver: quota !== null && now > quota, isViolation });
      if (isViolation) {
        flags.push({
          rule: 'QUOTA',
          staffId: null,
          unitId: unit.unitId,
          severity: 'violation',
          message: `${unit.name}の${positionLevelLabels[level]}は異動後${now}人で、定数${quota}人を超えます(異動前${before}人)。`,
          facts: { unitId: unit.unitId, unitName: unit.name, level, before, after: now, quota },
          clearedBy: `${unit.name}の${positionLevelLabels[level]}への異動を減らすか、定数を見直すと解消します(異動前の人数までは認めます)。`,
        });
      }
    }
    const out = leaving.get(unit.unitId) ?? 0;
    const limit = continuityLimit(membersBefore, facts.settings);
    const continuityWarning = out > limit;
    if (continuityWarning) {
      flags.push({
        rule: 'CONTINUITY',
        staffId: null,
        unitId: unit.unitId,
        severity: 'warning',
        message: `${unit.name}から在籍${membersBefore}人のうち${out}人が一度に異動します(上限${limit}人)。業務の継続性に注意してください。`,
        facts: {
          unitId: unit.unitId,
          unitName: unit.name,
          membersBefore,
          leaving: out,
          limit,
          maxShare: facts.settings.continuityMaxLeavingShare,
          maxCount: facts.settings.continuityMaxLeavingCount,
        },
        clearedBy: `${unit.name}からの異動を${limit}人以下にすると解消します。`,
      });
    }
    balances.push({
      unitId: unit.unitId,
      name: unit.name,
      levels,
      membersBefore,
      membersAfter,
      leaving: out,
      arriving: arriving.get(unit.unitId) ?? 0,
      leavingLimit: limit,
      continuityWarning,
    });
  }

  const wishes: WishesMet = { withWishes: 0, first: 0, second: 0, third: 0, notMet: 0 };
  for (const p of facts.people) {
    if (p.wishes.length === 0) continue;
    wishes.withWishes += 1;
    const unitAfter = moved.get(p.staffId)?.toUnitId ?? p.currentUnitId;
    const rank = p.wishes.find((w) => w.unitId === unitAfter)?.rank;
    if (rank === 1) wishes.first += 1;
    else if (rank === 2) wishes.second += 1;
    else if (rank === 3) wishes.third += 1;
    else wishes.notMet += 1;
  }

  const counts = { moves: evaluated.length, violations: 0, warnings: 0, infos: 0 };
  for (const f of [...evaluated.flatMap((m) => m.flags), ...flags]) {
    if (f.severity === 'violation') counts.violations += 1;
    else if (f.severity === 'warning') counts.warnings += 1;
    else counts.infos += 1;
  }
  return { effectiveDate: facts.effectiveDate, moves: evaluated, flags, units: balances, wishes, counts, settings: facts.settings };
}

/** Every violation of an evaluation, moves first (for the refusal to approve or apply). */
export function violationsOf(evaluation: PlanEvaluation): PlanFlag[] {
  return [...evaluation.moves.flatMap((m) => m.flags), ...evaluation.flags].filter((f) => f.severity === 'violation');
}

/** Used in explanations: is this person an R5 case (past ①, due for a move)? Re-exported for the optimiser. */
export { isDueForExpertMove, isRotationCandidate, needsFrontline, isProtectedFromMove, matchesExpertise, unitLabel };
