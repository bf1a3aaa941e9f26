/**
 * The optimiser's model (issue 5, ADR 0014 「最適化」): from the placement facts, the plan's constraints (pin, forbid,
 * stay) and the plan's manual moves (kept as they are) it builds a transportation problem with side rules, pure and
 * deterministic — people and units are taken in id order, so the same input gives the same model text whatever the
 * order of the input arrays. The solver (src/server/placement/optimiser/) solves it with HiGHS.
 *
 * Who the optimiser may move ("movable"): a person who is not on dispatch, has a career phase, has no manual move in
 * the plan, is not told to stay, and is not protected by R3 (past ① with fewer than expertCycleYears in the unit) —
 * and who is one of: an R1 candidate, an R2 person (① without frontline experience), a person with a wish for another
 * unit, a person past ① due for a move (R5: expertCycleYears or more in the unit), or a person with a valid pin.
 * Everyone else stays where the plan puts them and only counts against the 定数.
 *
 * Arcs: each movable person has a stay arc (own unit) and a move arc to every leaf unit u ≠ own where the person's
 * position level has room to be counted (a capacity row exists), minus forbidden units, and only frontline units for
 * R2 people; a pinned person has the pinned arc only. Exactly one arc per person (row p…). Small models get every
 * arc at once; large ones (40,000 staff: ~3 million allowed arcs) start with stay + wished units + a few units of
 * each destination class and the solver prices the rest with the LP duals (`pricedDestinations`, exact).
 *
 * Capacity (row c…, per unit × position level): stayers + arrivals + the people the optimiser does not move ≤
 * max(定数, headcount before) — with no 定数 for the level, the headcount before (the optimiser never grows a level
 * HR has not given a 定数; the evaluation would allow it). When the people it does not move already exceed that,
 * their number is the limit (manual moves are the user's; the evaluation flags them).
 *
 * Continuity (row k…, per unit, only when the penalty is positive and the unit could exceed it): people leaving ≤
 * continuityLimit(members) + excess_u, with excess_u ≥ 0 costing `continuityPenalty` each.
 *
 * Objective (maximise): per move, wish1/wish2/wish3 when the unit is the person's 1st/2nd/3rd wish, expertiseFit
 * when the person is past ① and the unit's field is one of theirs, rotationCandidateMoved for an R1 candidate;
 * minus continuityPenalty × excess; minus a tie-break cost ε·(1 + rank/n) per move (rank = the person's place by
 * staff id among the n movable people, ε = 0.001 × the smallest positive weight), so nobody moves for nothing.
 *
 * Without the continuity rows the constraint matrix is the incidence matrix of a bipartite graph (people × unit
 * levels), totally unimodular: the LP optimum is integral. The continuity rows can make it fractional; then the
 * solver branches (HiGHS MIP on the arc variables).
 */
import { positionLevelLabels, type PositionLevel } from '../org/org-model.js';
import type { PlacementFacts, PlacementPerson, PlacementUnit, PlanConstraint, PlannedMove, WishRank } from './placement-model.js';
import { continuityLimit } from './plan-evaluation.js';
import { isDueForExpertMove, isPastRotation, isProtectedFromMove, isRotationCandidate, matchesExpertise, needsFrontline } from './rules.js';

/** Why a person is in the movable set (for explanations and the ADR). */
export type MovableReason = 'R1' | 'R2' | 'wish' | 'R5' | 'pin';

export type ModelPerson = {
  staffId: number;
  name: string;
  ownUnitId: number;
  level: PositionLevel;
  yearsInUnit: number;
  reasons: MovableReason[];
  /** a valid pin: the only arc */
  pinnedUnitId: number | null;
  isR1: boolean;
  isR2: boolean;
  isPastRotation: boolean;
  /** tie-break cost of moving this person */
  moveCost: number;
};

/** One possible placement of a movable person. */
export type ModelArc = {
  /** stable LP name: x<staffId>_<unitId> */
  name: string;
  person: number;
  unitId: number;
  isStay: boolean;
  /** objective coefficient (0 for a stay) */
  objective: number;
  /** index into `capacity`, or -1 when the unit is not a placeable unit (a stay where the facts have no unit) */
  capacityRow: number;
  wishRank: WishRank | null;
  /** the matching expertise field, when expertiseFit is earned */
  expertiseField: string | null;
  rotationMoved: boolean;
};

export type CapacityRow = { name: string; unitId: number; level: PositionLevel; limit: number; fixedLoad: number; rhs: number };
/** Σ stay arcs of the unit's movable members + excess ≥ rhs (rhs = movable members + fixed leavers − limit). */
export type ContinuityRow = { name: string; excessName: string; unitId: number; limit: number; fixedLeaving: number; stayArcs: number[]; rhs: number };

export type OptimiserModel = {
  effectiveDate: string;
  weights: PlacementFacts['settings']['weights'];
  epsilon: number;
  people: ModelPerson[];
  capacity: CapacityRow[];
  continuity: ContinuityRow[];
  /** arcs given to the solver at the start (all arcs when `arcCount` is small, else stay + special + a few) */
  arcs: ModelArc[];
  /** every allowed arc of the problem (for pricing); the first arcs of each person are those in `arcs` */
  arcCount: number;
  isComplete: boolean;
  /** the manual moves of the plan, kept (the proposal does not contain them) */
  manualMoves: PlannedMove[];
  /** pins/forbids/stays that could not be honoured, in Japanese */
  warnings: string[];
  /** unit names for explanations */
  unitNames: Record<number, string>;
};

export type BuildOptions = {
  /** when the allowed arcs are at most this many, all of them are in the first LP (default 2,000) */
  completeArcLimit?: number;
  /** otherwise: stay + wished units + this many units of each destination class per person (default 2); pricing adds the rest */
  seedPlainArcs?: number;
};

type UnitInfo = PlacementUnit & { rank: number };

const byNumber = (a: number, b: number) => a - b;

/** The smallest positive weight × 0.001 (0.001 when every weight is 0). */
export function tieBreakEpsilon(weights: PlacementFacts['settings']['weights']): number {
  const positive = Object.values(weights).filter((w) => w > 0);
  return (positive.length === 0 ? 1 : Math.min(...positive)) * 1e-3;
}

export type Destination = { unitId: number; capacityRow: number; objective: number; wishRank: WishRank | null; expertiseField: string | null; rotationMoved: boolean; isSpecial: boolean };

type Prepared = {
  facts: PlacementFacts;
  units: Map<number, UnitInfo>;
  /** capacity rows per level, in unit id order */
  rowsByLevel: Map<PositionLevel, number[]>;
  /** capacity rows per level and unit expertise field */
  rowsByLevelField: Map<string, number[]>;
  rowIndex: Map<string, number>;
  capacity: CapacityRow[];
  forbidden: Map<number, Set<number>>;
  people: ModelPerson[];
  persons: PlacementPerson[];
};

const rowKey = (unitId: number, level: PositionLevel) => `${unitId}:${level}`;

/** The destination of person i in capacity row r, or null when the rules do not allow it. */
export function destinationAt(prep: Prepared, personIndex: number, row: number): Destination | null {
  const mp = prep.people[personIndex]!;
  const c = prep.capacity[row]!;
  if (c.unitId === mp.ownUnitId || c.level !== mp.level) return null;
  if (mp.pinnedUnitId !== null && c.unitId !== mp.pinnedUnitId) return null;
  if (mp.pinnedUnitId === null && prep.forbidden.get(mp.staffId)?.has(c.unitId)) return null;
  const unit = prep.units.get(c.unitId)!;
  if (mp.isR2 && !unit.isFrontline) return null;
  const p = prep.persons[personIndex]!;
  const w = prep.facts.settings.weights;
  const wishRank = p.wishes.find((x) => x.unitId === c.unitId)?.rank ?? null;
  const expertiseField = mp.isPastRotation && matchesExpertise(p, unit) ? unit.expertiseField : null;
  let objective = -mp.moveCost;
  if (wishRank !== null) objective += wishRank === 1 ? w.wish1 : wishRank === 2 ? w.wish2 : w.wish3;
  if (expertiseField !== null) objective += w.expertiseFit;
  if (mp.isR1) objective += w.rotationCandidateMoved;
  return {
    unitId: c.unitId,
    capacityRow: row,
    objective,
    wishRank,
    expertiseField,
    rotationMoved: mp.isR1,
    isSpecial: wishRank !== null || mp.pinnedUnitId !== null,
  };
}

/** Every allowed destination of a movable person other than the own unit, in unit id order. */
export function destinationsOf(prep: Prepared, personIndex: number): Destination[] {
  const mp = prep.people[personIndex]!;
  const rows = mp.pinnedUnitId !== null ? [prep.rowIndex.get(rowKey(mp.pinnedUnitId, mp.level))].filter((r): r is number => r !== undefined) : (prep.rowsByLevel.get(mp.level) ?? []);
  const out: Destination[] = [];
  for (const r of rows) {
    const d = destinationAt(prep, personIndex, r);
    if (d) out.push(d);
  }
  return out;
}

/**
 * The classes of a person's destinations whose objective is the same within the class: all units at the level
 * (plain) and, past ①, the units of each of the person's expertise fields. Wished units are explicit arcs.
 */
export function destinationClasses(prep: Prepared, personIndex: number): number[][] {
  const mp = prep.people[personIndex]!;
  if (mp.pinnedUnitId !== null) return [];
  const classes = [prep.rowsByLevel.get(mp.level) ?? []];
  if (mp.isPastRotation) for (const f of prep.persons[personIndex]!.expertiseFields) classes.push(prep.rowsByLevelField.get(`${mp.level}|${f}`) ?? []);
  return classes;
}

/** Wished units and the pin: few explicit arcs. */
export function explicitDestinations(prep: Prepared, personIndex: number): Destination[] {
  const mp = prep.people[personIndex]!;
  const rows: number[] = [];
  if (mp.pinnedUnitId !== null) rows.push(prep.rowIndex.get(rowKey(mp.pinnedUnitId, mp.level)) ?? -1);
  else for (const w of prep.persons[personIndex]!.wishes) rows.push(prep.rowIndex.get(rowKey(w.unitId, mp.level)) ?? -1);
  return rows.filter((r) => r >= 0).map((r) => destinationAt(prep, personIndex, r)).filter((d): d is Destination => d !== null);
}

/**
 * Pricing (delayed column generation): the destinations of person i whose reduced cost objective − y_i − π_r is
 * positive, given the row duals — the explicit ones and, per class, the allowed row with the smallest dual
 * (`sortedByDual` holds each class's rows sorted by dual, ascending). Exact: within a class the objective differs
 * only by a wish, and wished rows are explicit.
 */
export function pricedDestinations(
  prep: Prepared,
  personIndex: number,
  personDual: number,
  rowDual: (row: number) => number | null,
  sortedByDual: (rows: number[]) => number[],
  tolerance = 1e-7,
  perClass = 3,
): Destination[] {
  const out: Destination[] = [];
  for (const d of explicitDestinations(prep, personIndex)) {
    const pi = rowDual(d.capacityRow);
    if (pi !== null && d.objective - personDual - pi > tolerance) out.push(d);
  }
  for (const cls of destinationClasses(prep, personIndex)) {
    // the best row of the class decides; up to `perClass` rows with a positive reduced cost are added at once
    let taken = 0;
    for (const r of sortedByDual(cls)) {
      const pi = rowDual(r);
      if (pi === null) continue;
      const d = destinationAt(prep, personIndex, r);
      if (!d) continue;
      if (d.objective - personDual - pi <= tolerance || ++taken > perClass) break;
      out.push(d);
    }
  }
  return out;
}

const arcName = (staffId: number, unitId: number) => `x${staffId}_${unitId}`;

export function arcOf(prep: Prepared, personIndex: number, d: Destination): ModelArc {
  const mp = prep.people[personIndex]!;
  return {
    name: arcName(mp.staffId, d.unitId),
    person: personIndex,
    unitId: d.unitId,
    isStay: false,
    objective: d.objective,
    capacityRow: d.capacityRow,
    wishRank: d.wishRank,
    expertiseField: d.expertiseField,
    rotationMoved: d.rotationMoved,
  };
}

/** The model and what pricing needs to find arcs not yet in it. */
export type PreparedModel = { model: OptimiserModel; prep: Prepared };

/** Builds the model (see the file comment). Deterministic: same facts, constraints and moves → same model. */
export function buildOptimiserModel(
  facts: PlacementFacts,
  constraints: readonly PlanConstraint[],
  manualMovesIn: readonly PlannedMove[],
  options: BuildOptions = {},
): PreparedModel {
  const warnings: string[] = [];
  const sortedUnits = [...facts.units].sort((a, b) => a.unitId - b.unitId);
  const units = new Map<number, UnitInfo>(sortedUnits.map((u, rank) => [u.unitId, { ...u, rank }]));
  const unitName = (id: number) => units.get(id)?.name ?? `所属#${id}`;
  const personList = [...facts.people].sort((a, b) => a.staffId - b.staffId);
  const personById = new Map(personList.map((p) => [p.staffId, p]));
  const levelOfPosition = new Map((facts.positions ?? []).map((p) => [p.positionId, p.level]));

  // Manual moves: kept, first one per person (the evaluation flags a second).
  const manual = new Map<number, PlannedMove>();
  for (const m of [...manualMovesIn].sort((a, b) => a.staffId - b.staffId || a.toUnitId - b.toUnitId)) {
    if (!manual.has(m.staffId)) manual.set(m.staffId, { ...m, source: 'manual' });
  }

  // Constraints, canonical order; a stay wins over a pin, a pin over a forbid of the same unit.
  const sortedConstraints = [...constraints].sort(
    (a, b) => a.staffId - b.staffId || a.kind.localeCompare(b.kind) || ('unitId' in a ? a.unitId : 0) - ('unitId' in b ? b.unitId : 0),
  );
  const stays = new Set<number>();
  const pins = new Map<number, number>();
  const forbidden = new Map<number, Set<number>>();
  for (const c of sortedConstraints) {
    const p = personById.get(c.staffId);
    const who = p ? `${p.name}さん` : `職員#${c.staffId}`;
    if (!p) {
      warnings.push(`${who}は発令日に異動の対象ではないため、条件を無視しました。`);
      continue;
    }
    if (c.kind === 'stay') stays.add(c.staffId);
    else if (c.kind === 'forbid') {
      const set = forbidden.get(c.staffId) ?? new Set<number>();
      set.add(c.unitId);
      forbidden.set(c.staffId, set);
    } else {
      if (pins.has(c.staffId) && pins.get(c.staffId) !== c.unitId) {
        warnings.push(`${who}に複数の固定があるため、${unitName(pins.get(c.staffId)!)}への固定だけを使いました。`);
        continue;
      }
      pins.set(c.staffId, c.unitId);
    }
  }

  const isFixed = (p: PlacementPerson) => p.isDispatched || p.phase === null || manual.has(p.staffId) || stays.has(p.staffId) || isProtectedFromMove(p, facts);
  for (const [staffId, unitId] of [...pins]) {
    const p = personById.get(staffId)!;
    const who = `${p.name}さん`;
    let problem: string | null = null;
    const m = manual.get(staffId);
    if (m) problem = m.toUnitId === unitId ? null : `手動の異動(${unitName(m.toUnitId)})があるため、${unitName(unitId)}への固定は使いません。`;
    else if (stays.has(staffId)) problem = `留任の指定があるため、${unitName(unitId)}への固定は使いません。`;
    else if (p.isDispatched) problem = '派遣中のため異動できず、固定は使いません。';
    else if (p.phase === null) problem = 'キャリア段階の対象外のため、固定は使いません。';
    else if (isProtectedFromMove(p, facts)) problem = `ローテーション期間後で在課${facts.settings.expertCycleYears}年未満のため(R3)、特別な理由を記録した手動の異動にしてください。固定は使いません。`;
    else if (!units.has(unitId)) problem = `${unitName(unitId)}は発令日に配置できる所属ではないため、固定は使いません。`;
    else if (unitId === p.currentUnitId) {
      stays.add(staffId);
      pins.delete(staffId);
      continue;
    } else if (needsFrontline(p) && !units.get(unitId)!.isFrontline) problem = `窓口未経験のため(R2)、窓口部署でない${unitName(unitId)}への固定は使いません。`;
    else if (forbidden.get(staffId)?.has(unitId)) warnings.push(`${who}の${unitName(unitId)}は固定と禁止の両方があるため、固定を優先しました。`);
    if (problem !== null) {
      if (!m || m.toUnitId !== unitId) warnings.push(`${who}: ${problem}`);
      pins.delete(staffId);
    }
  }

  // The movable people, by staff id.
  const movable: Array<{ p: PlacementPerson; reasons: MovableReason[] }> = [];
  for (const p of personList) {
    if (isFixed(p)) continue;
    const reasons: MovableReason[] = [];
    if (isRotationCandidate(p, facts)) reasons.push('R1');
    if (needsFrontline(p)) reasons.push('R2');
    if (p.wishes.some((w) => w.unitId !== p.currentUnitId && units.has(w.unitId))) reasons.push('wish');
    if (isDueForExpertMove(p, facts)) reasons.push('R5');
    if (pins.has(p.staffId)) reasons.push('pin');
    if (reasons.length > 0) movable.push({ p, reasons });
  }
  const epsilon = tieBreakEpsilon(facts.settings.weights);
  const n = Math.max(1, movable.length);
  const people: ModelPerson[] = movable.map(({ p, reasons }, rank) => ({
    staffId: p.staffId,
    name: p.name,
    ownUnitId: p.currentUnitId,
    level: p.currentPositionLevel,
    yearsInUnit: p.yearsInUnit,
    reasons,
    pinnedUnitId: pins.get(p.staffId) ?? null,
    isR1: reasons.includes('R1'),
    isR2: reasons.includes('R2'),
    isPastRotation: isPastRotation(p),
    moveCost: epsilon * (1 + rank / n),
  }));
  const movableIds = new Set(people.map((p) => p.staffId));

  // Load of the people the optimiser does not move, per unit × level (as plan-evaluation counts it).
  const fixedLoad = new Map<string, number>();
  const beforeLoad = new Map<string, number>();
  const fixedLeaving = new Map<number, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const p of personList) {
    if (p.isDispatched) continue;
    add(beforeLoad, rowKey(p.currentUnitId, p.currentPositionLevel));
    if (movableIds.has(p.staffId)) continue;
    const m = manual.get(p.staffId);
    if (m) {
      const level = m.toPositionId !== null ? (levelOfPosition.get(m.toPositionId) ?? p.currentPositionLevel) : p.currentPositionLevel;
      add(fixedLoad, rowKey(m.toUnitId, level));
      if (m.toUnitId !== p.currentUnitId) fixedLeaving.set(p.currentUnitId, (fixedLeaving.get(p.currentUnitId) ?? 0) + 1);
    } else add(fixedLoad, rowKey(p.currentUnitId, p.currentPositionLevel));
  }

  // Capacity rows: every placeable unit × every level of a movable person, unit id order within level order.
  const levels = [...new Set(people.map((p) => p.level))].sort();
  const capacity: CapacityRow[] = [];
  const rowIndex = new Map<string, number>();
  const rowsByLevel = new Map<PositionLevel, number[]>();
  for (const unit of sortedUnits) {
    for (const level of levels) {
      const key = rowKey(unit.unitId, level);
      const before = unit.headcount[level] ?? 0;
      const quota = unit.quotas[level];
      const limit = quota !== undefined ? Math.max(quota, before) : Math.max(before, beforeLoad.get(key) ?? 0);
      const fixed = fixedLoad.get(key) ?? 0;
      rowIndex.set(key, capacity.length);
      const list = rowsByLevel.get(level) ?? [];
      list.push(capacity.length);
      rowsByLevel.set(level, list);
      capacity.push({ name: `c${unit.unitId}_${level}`, unitId: unit.unitId, level, limit, fixedLoad: fixed, rhs: Math.max(limit, fixed) - fixed });
    }
  }

  const rowsByLevelField = new Map<string, number[]>();
  capacity.forEach((c, r) => {
    const field = units.get(c.unitId)!.expertiseField;
    if (field === null) return;
    const key = `${c.level}|${field}`;
    rowsByLevelField.set(key, [...(rowsByLevelField.get(key) ?? []), r]);
  });
  const prep: Prepared = { facts, units, rowsByLevel, rowsByLevelField, rowIndex, capacity, forbidden, people, persons: movable.map((m) => m.p) };

  // Arcs: stay first, then every destination (complete) or the explicit ones plus a few per class (seed).
  const arcCount = people.reduce((n, mp) => n + (mp.pinnedUnitId !== null ? 1 : (rowsByLevel.get(mp.level)?.length ?? 0)), 0);
  const isComplete = arcCount <= (options.completeArcLimit ?? 2_000);
  const seed = options.seedPlainArcs ?? 2;
  const arcs: ModelArc[] = [];
  const seededRows = new Set<number>();
  people.forEach((mp, i) => {
    if (mp.pinnedUnitId === null) {
      arcs.push({
        name: arcName(mp.staffId, mp.ownUnitId),
        person: i,
        unitId: mp.ownUnitId,
        isStay: true,
        objective: 0,
        capacityRow: rowIndex.get(rowKey(mp.ownUnitId, mp.level)) ?? -1,
        wishRank: null,
        expertiseField: null,
        rotationMoved: false,
      });
    }
    if (isComplete) {
      for (const d of destinationsOf(prep, i)) arcs.push(arcOf(prep, i, d));
      return;
    }
    const chosen = new Map<number, Destination>();
    for (const d of explicitDestinations(prep, i)) chosen.set(d.capacityRow, d);
    // a few rows of each class, spread over the units by the person's rank (pricing adds the rest)
    for (const cls of destinationClasses(prep, i)) {
      let taken = 0;
      for (let k = 0; k < cls.length && taken < seed; k++) {
        const r = cls[(i * 7 + k * Math.max(1, Math.floor(cls.length / (seed + 1)))) % cls.length]!;
        if (chosen.has(r)) continue;
        const d = destinationAt(prep, i, r);
        if (!d) continue;
        chosen.set(r, d);
        taken += 1;
      }
    }
    for (const d of [...chosen.values()].sort((a, b) => a.unitId - b.unitId)) {
      arcs.push(arcOf(prep, i, d));
      seededRows.add(d.capacityRow);
    }
  });
  if (!isComplete) {
    // Every capacity row someone may enter gets one arc, so that pricing can add more to an existing row.
    for (const [level, rows] of rowsByLevel) {
      const candidates = people.map((mp, i) => (mp.level === level && mp.pinnedUnitId === null ? i : -1)).filter((i) => i >= 0);
      for (const r of rows) {
        if (seededRows.has(r)) continue;
        for (const i of candidates) {
          const d = destinationAt(prep, i, r);
          if (!d) continue;
          arcs.push(arcOf(prep, i, d));
          seededRows.add(r);
          break;
        }
      }
    }
  }
  arcs.sort((a, b) => a.person - b.person || Number(b.isStay) - Number(a.isStay) || a.unitId - b.unitId);

  // Continuity rows.
  const continuity: ContinuityRow[] = [];
  if (facts.settings.weights.continuityPenalty > 0) {
    const stayArcsOf = new Map<number, number[]>();
    arcs.forEach((a, idx) => {
      if (a.isStay) stayArcsOf.set(a.unitId, [...(stayArcsOf.get(a.unitId) ?? []), idx]);
    });
    const pinnedOut = new Map<number, number>();
    for (const mp of people) if (mp.pinnedUnitId !== null) pinnedOut.set(mp.ownUnitId, (pinnedOut.get(mp.ownUnitId) ?? 0) + 1);
    const unitIds = [...new Set([...stayArcsOf.keys(), ...pinnedOut.keys()])].sort(byNumber);
    for (const unitId of unitIds) {
      const unit = units.get(unitId);
      const members = unit ? Object.values(unit.headcount).reduce<number>((s, v) => s + (v ?? 0), 0) : 0;
      const limit = continuityLimit(members, facts.settings);
      const stayArcs = stayArcsOf.get(unitId) ?? [];
      const fixedOut = (fixedLeaving.get(unitId) ?? 0) + (pinnedOut.get(unitId) ?? 0);
      const rhs = stayArcs.length + fixedOut - limit;
      if (rhs <= 0) continue;
      continuity.push({ name: `k${unitId}`, excessName: `e${unitId}`, unitId, limit, fixedLeaving: fixedOut, stayArcs, rhs });
    }
  }

  const unitNames: Record<number, string> = {};
  for (const u of sortedUnits) unitNames[u.unitId] = u.name;
  const model: OptimiserModel = {
    effectiveDate: facts.effectiveDate,
    weights: facts.settings.weights,
    epsilon,
    people,
    capacity,
    continuity,
    arcs,
    arcCount,
    isComplete,
    manualMoves: [...manual.values()],
    warnings,
    unitNames,
  };
  return { model, prep };
}

const num = (v: number) => {
  // Fixed notation, no exponent (the LP reader takes both, but fixed keeps the text stable and readable).
  const s = v.toFixed(9).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};
const term = (coef: number, name: string, first: boolean) => {
  if (coef === 0) return '';
  const abs = Math.abs(coef);
  const body = `${abs === 1 ? '' : `${num(abs)} `}${name}`;
  if (first) return `${coef < 0 ? '- ' : ''}${body}`;
  return ` ${coef < 0 ? '-' : '+'} ${body}`;
};

/**
 * The model in CPLEX LP format (variables x<staffId>_<unitId> for arcs, e<unitId> for continuity excess; rows
 * p<staffId>, c<unitId>_<level>, k<unitId>). Continuous unless `integer`: then the arc variables are binaries.
 * Rows appear in this order: people, capacity rows that have arcs, continuity.
 */
export function toLpText(model: OptimiserModel, arcs: readonly ModelArc[] = model.arcs, opts: { integer?: boolean } = {}): { text: string; capacityRowsUsed: number[] } {
  const lines: string[] = ['\\ Jinzai placement optimiser', 'Maximize'];
  const obj: string[] = [];
  for (const a of arcs) if (a.objective !== 0) obj.push(term(a.objective, a.name, obj.length === 0));
  for (const k of model.continuity) obj.push(term(-model.weights.continuityPenalty, k.excessName, obj.length === 0));
  lines.push(` obj: ${obj.length === 0 ? '0 ' + (arcs[0]?.name ?? 'dummy') : obj.join('')}`);
  lines.push('Subject To');
  const byPerson = new Map<number, ModelArc[]>();
  const byRow = new Map<number, ModelArc[]>();
  for (const a of arcs) {
    byPerson.set(a.person, [...(byPerson.get(a.person) ?? []), a]);
    if (a.capacityRow >= 0) {
      const l = byRow.get(a.capacityRow);
      if (l) l.push(a);
      else byRow.set(a.capacityRow, [a]);
    }
  }
  model.people.forEach((mp, i) => {
    const list = byPerson.get(i) ?? [];
    lines.push(` p${mp.staffId}: ${list.map((a, j) => term(1, a.name, j === 0)).join('')} = 1`);
  });
  const capacityRowsUsed = [...byRow.keys()].sort(byNumber);
  for (const r of capacityRowsUsed) {
    const c = model.capacity[r]!;
    lines.push(` ${c.name}: ${byRow.get(r)!.map((a, j) => term(1, a.name, j === 0)).join('')} <= ${c.rhs}`);
  }
  for (const k of model.continuity) {
    const names = [...k.stayArcs.map((idx) => model.arcs[idx]!.name), k.excessName];
    lines.push(` ${k.name}: ${names.map((name, j) => term(1, name, j === 0)).join('')} >= ${k.rhs}`);
  }
  lines.push('Bounds');
  for (const a of arcs) lines.push(` 0 <= ${a.name} <= 1`);
  for (const k of model.continuity) lines.push(` ${k.excessName} >= 0`);
  if (opts.integer && arcs.length > 0) {
    lines.push('Binary');
    for (const a of arcs) lines.push(` ${a.name}`);
  }
  lines.push('End', '');
  return { text: lines.join('\n'), capacityRowsUsed };
}

/** A proposed move with its Japanese reasons. */
export type ProposedMove = PlannedMove & { explanation: string[] };

/** The moves of a solution (one chosen arc per person), each with its reasons, by staff id. */
export function proposedMovesOf(model: OptimiserModel, chosen: readonly ModelArc[]): ProposedMove[] {
  const out: ProposedMove[] = [];
  for (const a of [...chosen].sort((x, y) => model.people[x.person]!.staffId - model.people[y.person]!.staffId)) {
    if (a.isStay) continue;
    const mp = model.people[a.person]!;
    const to = model.unitNames[a.unitId] ?? `所属#${a.unitId}`;
    const explanation: string[] = [];
    if (mp.pinnedUnitId !== null) explanation.push(`${to}への異動が固定(ピン留め)されています`);
    if (a.wishRank !== null) explanation.push(`第${a.wishRank}希望の${to}です`);
    if (mp.isR1) explanation.push(`在課${mp.yearsInUnit}年のジョブローテーション候補です`);
    if (mp.isR2) explanation.push(`窓口未経験のため、窓口部署の${to}へ異動します`);
    if (a.expertiseField !== null) explanation.push(`専門分野(${a.expertiseField})が一致します`);
    if (mp.reasons.includes('R5') && a.expertiseField === null) explanation.push(`在課${mp.yearsInUnit}年で、異動のサイクルに達しています`);
    if (explanation.length === 0) explanation.push(`他の職員の配置を実現するための異動です(${positionLevelLabels[mp.level]}の定数の範囲内)`);
    out.push({ staffId: mp.staffId, toUnitId: a.unitId, toPositionId: null, specialReason: null, source: 'optimiser', explanation });
  }
  return out;
}

/** The objective of a set of chosen arcs by part (the solver's objective is their sum). */
export function objectiveParts(model: OptimiserModel, chosen: readonly ModelArc[]) {
  const w = model.weights;
  const parts = { wishes: 0, expertise: 0, rotation: 0, continuity: 0, tieBreak: 0 };
  const leaving = new Map<number, number>();
  for (const a of chosen) {
    if (a.isStay) continue;
    const mp = model.people[a.person]!;
    if (a.wishRank !== null) parts.wishes += a.wishRank === 1 ? w.wish1 : a.wishRank === 2 ? w.wish2 : w.wish3;
    if (a.expertiseField !== null) parts.expertise += w.expertiseFit;
    if (a.rotationMoved) parts.rotation += w.rotationCandidateMoved;
    parts.tieBreak -= mp.moveCost;
    // pinned people are counted in the row's fixedLeaving already
    if (mp.pinnedUnitId === null) leaving.set(mp.ownUnitId, (leaving.get(mp.ownUnitId) ?? 0) + 1);
  }
  for (const k of model.continuity) parts.continuity -= w.continuityPenalty * Math.max(0, (leaving.get(k.unitId) ?? 0) + k.fixedLeaving - k.limit);
  const total = parts.wishes + parts.expertise + parts.rotation + parts.continuity + parts.tieBreak;
  return { ...parts, total };
}

export { arcName, rowKey };
