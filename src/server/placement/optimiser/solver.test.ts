/**
 * The optimiser proves its plan: on generated instances its objective equals the optimum of the full MIP (every
 * person × every unit, all rules as constraints, written independently here and solved directly by HiGHS); no hard
 * rule is ever broken and pins are honoured (fast-check); the same input — in any order — gives the same plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionLevels, type PositionLevel } from '../../../domain/org/org-model.js';
import type { PlacementFacts, PlannedMove } from '../../../domain/placement/placement-model.js';
import { continuityLimit, evaluatePlan } from '../../../domain/placement/plan-evaluation.js';
import { isDueForExpertMove, isPastRotation, isProtectedFromMove, isRotationCandidate, matchesExpertise, needsFrontline } from '../../../domain/placement/rules.js';
import { buildOptimiserModel, tieBreakEpsilon } from '../../../domain/placement/optimiser-model.js';
import { createPrng } from '../../db/seeds/prng.js';
import { generateConstraints, generateFacts } from './generated-instances.js';
import { loadHighs, solvePlacement, type OptimiserInput } from './solver.js';

function manualMovesFor(facts: PlacementFacts, seed: number, count: number): PlannedMove[] {
  const rng = createPrng(seed);
  const out = new Map<number, PlannedMove>();
  for (let i = 0; i < count; i++) {
    const p = rng.pick(facts.people);
    const u = rng.pick(facts.units);
    if (u.unitId === p.currentUnitId || p.isDispatched) continue;
    out.set(p.staffId, { staffId: p.staffId, toUnitId: u.unitId, toPositionId: null, specialReason: rng.chance(0.5) ? '介護のため' : null, source: 'manual' });
  }
  return [...out.values()];
}

function instance(seed: number, people: number, units: number, withExtras: boolean): OptimiserInput {
  const rng = createPrng(seed * 7919);
  const facts = generateFacts({
    seed,
    staff: people,
    units,
    moverRich: true,
    vacancyShare: rng.next(),
    continuity: { share: 0.2 + rng.next() * 0.5, count: rng.int(1, 3), penalty: rng.pick([0, 15, 40]) },
  });
  return {
    facts,
    constraints: withExtras ? generateConstraints(facts, seed + 1, rng.int(0, 6)) : [],
    manualMoves: withExtras ? manualMovesFor(facts, seed + 2, rng.int(0, 3)) : [],
  };
}

/**
 * The full MIP, independently: y<p>_<u> binary for every (non-dispatched) person and every unit; who may move and
 * where follows the documented rules; capacity per unit × level; continuity with excess; the same objective.
 */
function fullMipText(input: OptimiserInput): string {
  const { facts } = input;
  const w = facts.settings.weights;
  const people = facts.people.filter((p) => !p.isDispatched).sort((a, b) => a.staffId - b.staffId);
  const units = [...facts.units].sort((a, b) => a.unitId - b.unitId);
  const unitById = new Map(units.map((u) => [u.unitId, u]));
  const manual = new Map(input.manualMoves.map((m) => [m.staffId, m]));
  const stays = new Set(input.constraints.filter((c) => c.kind === 'stay').map((c) => c.staffId));
  const pinsOf = new Map<number, number[]>();
  const forbids = new Map<number, Set<number>>();
  for (const c of input.constraints) {
    if (c.kind === 'pin') pinsOf.set(c.staffId, [...(pinsOf.get(c.staffId) ?? []), c.unitId]);
    if (c.kind === 'forbid') forbids.set(c.staffId, new Set([...(forbids.get(c.staffId) ?? []), c.unitId]));
  }
  const fixed = (p: (typeof people)[number]) => p.phase === null || manual.has(p.staffId) || stays.has(p.staffId) || isProtectedFromMove(p, facts);
  // the first pin in (unit id) order is the one used, if valid
  const pinOf = (p: (typeof people)[number]): number | null => {
    const list = [...(pinsOf.get(p.staffId) ?? [])].sort((a, b) => a - b);
    const u = list[0];
    if (u === undefined || fixed(p) || u === p.currentUnitId || !unitById.has(u)) return null;
    if (needsFrontline(p) && !unitById.get(u)!.isFrontline) return null;
    return u;
  };
  const pinnedToOwn = (p: (typeof people)[number]) => [...(pinsOf.get(p.staffId) ?? [])].sort((a, b) => a - b)[0] === p.currentUnitId;
  const isMovable = (p: (typeof people)[number]) =>
    !fixed(p) &&
    !pinnedToOwn(p) &&
    (isRotationCandidate(p, facts) ||
      needsFrontline(p) ||
      p.wishes.some((x) => x.unitId !== p.currentUnitId && unitById.has(x.unitId)) ||
      isDueForExpertMove(p, facts) ||
      pinOf(p) !== null);
  const movable = people.filter(isMovable);
  const eps = tieBreakEpsilon(w);
  const cost = new Map(movable.map((p, rank) => [p.staffId, eps * (1 + rank / Math.max(1, movable.length))]));
  const movableLevels = new Set(movable.map((p) => p.currentPositionLevel));

  const obj: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const load = new Map<string, string[]>();
  const fixedLoad = new Map<string, number>();
  const beforeLoad = new Map<string, number>();
  const leavers = new Map<number, string[]>();
  const fixedLeavers = new Map<number, number>();
  for (const p of people) beforeLoad.set(`${p.currentUnitId}:${p.currentPositionLevel}`, (beforeLoad.get(`${p.currentUnitId}:${p.currentPositionLevel}`) ?? 0) + 1);
  for (const p of people) {
    const vars: string[] = [];
    for (const u of units) {
      const v = `y${p.staffId}_${u.unitId}`;
      vars.push(v);
      binaries.push(v);
      const key = `${u.unitId}:${p.currentPositionLevel}`;
      load.set(key, [...(load.get(key) ?? []), v]);
    }
    rows.push(` a${p.staffId}: ${vars.join(' + ')} = 1`);
    const own = p.currentUnitId;
    if (!movable.includes(p)) {
      const target = manual.get(p.staffId)?.toUnitId ?? own;
      rows.push(` f${p.staffId}: y${p.staffId}_${target} = 1`);
      const key = `${target}:${p.currentPositionLevel}`;
      fixedLoad.set(key, (fixedLoad.get(key) ?? 0) + 1);
      if (target !== own) fixedLeavers.set(own, (fixedLeavers.get(own) ?? 0) + 1);
      continue;
    }
    const pin = pinOf(p);
    if (pin !== null) {
      rows.push(` f${p.staffId}: y${p.staffId}_${pin} = 1`);
      fixedLeavers.set(own, (fixedLeavers.get(own) ?? 0) + 1);
    }
    leavers.set(own, [...(leavers.get(own) ?? []), p.staffId.toString()]);
    for (const u of units) {
      const v = `y${p.staffId}_${u.unitId}`;
      if (u.unitId === own) continue;
      const banned = (needsFrontline(p) && !u.isFrontline) || (pin === null && forbids.get(p.staffId)?.has(u.unitId));
      if (banned) {
        rows.push(` b${p.staffId}_${u.unitId}: ${v} = 0`);
        continue;
      }
      const rank = p.wishes.find((x) => x.unitId === u.unitId)?.rank;
      let c = -cost.get(p.staffId)!;
      if (rank === 1) c += w.wish1;
      if (rank === 2) c += w.wish2;
      if (rank === 3) c += w.wish3;
      if (isPastRotation(p) && matchesExpertise(p, u)) c += w.expertiseFit;
      if (isRotationCandidate(p, facts)) c += w.rotationCandidateMoved;
      obj.push(`${c >= 0 ? '+' : '-'} ${Math.abs(c).toFixed(12)} ${v}`);
    }
  }
  for (const u of units) {
    for (const level of positionLevels) {
      const key = `${u.unitId}:${level}`;
      const vars = load.get(key);
      if (!vars || !movableLevels.has(level as PositionLevel)) continue;
      const before = u.headcount[level] ?? 0;
      const quota = u.quotas[level];
      const limit = quota !== undefined ? Math.max(quota, before) : Math.max(before, beforeLoad.get(key) ?? 0);
      rows.push(` q${u.unitId}_${level}: ${vars.join(' + ')} <= ${Math.max(limit, fixedLoad.get(key) ?? 0)}`);
    }
    if (w.continuityPenalty > 0) {
      const members = Object.values(u.headcount).reduce<number>((s, v) => s + (v ?? 0), 0);
      const limit = continuityLimit(members, facts.settings);
      const mine = leavers.get(u.unitId) ?? [];
      // leaving = fixed leavers (manual moves out) + movable people not staying (pinned ones included)
      const fixedOut = (fixedLeavers.get(u.unitId) ?? 0) - movable.filter((p) => p.currentUnitId === u.unitId && pinOf(p) !== null).length;
      if (mine.length === 0) continue;
      // Σ_mine (1 − y_own) + fixedOut ≤ limit + e  ⇔  Σ_mine y_own + e ≥ |mine| + fixedOut − limit
      rows.push(` k${u.unitId}: ${mine.map((s) => `y${s}_${u.unitId}`).join(' + ')} + e${u.unitId} >= ${mine.length + fixedOut - limit}`);
      obj.push(`- ${w.continuityPenalty} e${u.unitId}`);
    }
  }
  return ['Maximize', ` obj: ${obj.length ? obj.join(' ') : '0 ' + binaries[0]}`, 'Subject To', ...rows, 'Binary', ...binaries.map((b) => ` ${b}`), 'End', ''].join('\n');
}

async function highsStatus(text: string): Promise<string> {
  const highs = (highsRuntime ??= await loadHighs());
  return highs.solve(text, { output_flag: false } as never).Status;
}
let highsRuntime: Awaited<ReturnType<typeof loadHighs>> | undefined;

async function fullMipOptimum(input: OptimiserInput): Promise<number> {
  const highs = (highsRuntime ??= await loadHighs());
  const solution = highs.solve(fullMipText(input), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 } as never);
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

/** The hard rules, checked on the proposal with the plan's manual moves applied. */
function expectNoHardRuleBroken(input: OptimiserInput, proposal: readonly PlannedMove[]) {
  const { facts } = input;
  const people = new Map(facts.people.map((p) => [p.staffId, p]));
  const units = new Map(facts.units.map((u) => [u.unitId, u]));
  const manualIds = new Set(input.manualMoves.map((m) => m.staffId));
  const stays = new Set(input.constraints.filter((c) => c.kind === 'stay').map((c) => c.staffId));
  const seen = new Set<number>();
  for (const m of proposal) {
    const p = people.get(m.staffId)!;
    expect(seen.has(m.staffId)).toBe(false);
    seen.add(m.staffId);
    expect(p, 'a known person').toBeDefined();
    expect(units.has(m.toUnitId), 'a placeable unit').toBe(true);
    expect(m.toUnitId).not.toBe(p.currentUnitId);
    expect(p.isDispatched, 'nobody on dispatch').toBe(false);
    expect(p.phase, 'nobody without a phase').not.toBeNull();
    expect(manualIds.has(p.staffId), 'manual moves are kept, not replaced').toBe(false);
    expect(stays.has(p.staffId), 'stay').toBe(false);
    expect(isProtectedFromMove(p, facts), 'R3').toBe(false);
    if (needsFrontline(p)) expect(units.get(m.toUnitId)!.isFrontline, 'R2: frontline only').toBe(true);
    const pinned = input.constraints.some((c) => c.kind === 'pin' && c.staffId === p.staffId && c.unitId === m.toUnitId);
    if (!pinned) expect(input.constraints.some((c) => c.kind === 'forbid' && c.staffId === p.staffId && c.unitId === m.toUnitId), 'forbid').toBe(false);
  }
  // 定数: no unit × level is over max(定数, before) unless the manual moves alone put it there.
  const manualOnly = evaluatePlan(facts, input.manualMoves).units;
  const after = evaluatePlan(facts, [...input.manualMoves, ...proposal]).units;
  for (const u of after) {
    for (const l of u.levels) {
      if (!l.isViolation) continue;
      const m = manualOnly.find((x) => x.unitId === u.unitId)!.levels.find((x) => x.level === l.level);
      expect(m?.after ?? 0, `定数 ${u.unitId} ${l.level}`).toBeGreaterThanOrEqual(l.after);
    }
  }
}

describe('optimiser vs the full MIP', () => {
  it('reaches the full MIP optimum on 20 generated instances (10–40 people, 4–8 units; infeasible pins agree too)', async () => {
    let branched = 0;
    let withPricing = 0;
    let infeasible = 0;
    let movers = 0;
    let compared = 0;
    for (let seed = 1; compared < 20 && seed <= 60; seed++) {
      const rng = createPrng(seed);
      const input = instance(seed, rng.int(10, 40), rng.int(4, 8), seed % 2 === 0);
      let modelFailure: string | null = null;
      await solvePlacement(input).catch((e: Error) => (modelFailure = e.message));
      if (modelFailure !== null) {
        // a pin into a full unit: the model says so, and the full MIP agrees there is no solution
        expect(await highsStatus(fullMipText(input))).toBe('Infeasible');
        infeasible += 1;
        continue;
      }
      const full = await fullMipOptimum(input);
      // half of them with column generation forced (few arcs at the start), half with every arc
      const result = await solvePlacement(input, { build: seed % 3 === 0 ? { completeArcLimit: 0, seedPlainArcs: 1 } : {} });
      compared += 1;
      expect(result.objective, `seed ${seed}`).toBeCloseTo(full, 5);
      expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
      expect(result.isOptimal).toBe(true);
      expect(result.gap).toBe(0);
      if (!result.lpWasIntegral) branched += 1;
      if (result.details.pricingRounds > 0) withPricing += 1;
      movers += result.details.movablePeople;
      expectNoHardRuleBroken(input, result.proposedMoves);
    }
    console.log(`full MIP comparison: ${compared} compared (${movers} movers in all), ${infeasible} infeasible (pins), ${branched} branched, ${withPricing} priced`);
    expect(movers).toBeGreaterThan(150);
    expect(compared).toBe(20);
  });

  it('branches only when the LP is fractional, and then still proves the MIP optimum', async () => {
    // Fractional LPs are rare (the continuity rows are the only side rows): seed 695 of this recipe gives one (of 6,000).
    const recipe = (seed: number): OptimiserInput => {
      const r = createPrng(seed);
      const facts = generateFacts({ seed, staff: r.int(10, 40), units: r.int(2, 5), vacancyShare: r.next(), continuity: { share: r.next() * 0.6, count: r.int(1, 3), penalty: r.pick([1, 3, 7, 12, 22, 27, 33]) } });
      facts.settings.weights = { ...facts.settings.weights, wish1: r.int(1, 40), wish2: r.int(1, 30), wish3: r.int(1, 20), expertiseFit: r.int(1, 30), rotationCandidateMoved: r.int(1, 30) };
      return { facts, constraints: [], manualMoves: [] };
    };
    for (const seed of [695, 1, 2]) {
      const input = recipe(seed);
      const result = await solvePlacement(input);
      const isFractionalSeed = seed > 100;
      expect(result.lpWasIntegral, `seed ${seed}`).toBe(!isFractionalSeed);
      if (result.lpWasIntegral) expect(result.branchNodes).toBe(0);
      else expect(result.details.lpObjective).toBeGreaterThan(result.objective);
      expect(result.objective).toBeCloseTo(await fullMipOptimum(input), 5);
      expect(result.isOptimal).toBe(true);
      expect(result.gap).toBe(0);
      expectNoHardRuleBroken(input, result.proposedMoves);
    }
  });
});

describe('hard rules (property)', () => {
  it('never breaks a hard rule and honours every valid pin', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 5, max: 45 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 10 }), async (seed, people, units, extras) => {
        const facts = generateFacts({ seed, staff: people, units, moverRich: seed % 2 === 0 });
        const input: OptimiserInput = { facts, constraints: generateConstraints(facts, seed + 1, extras), manualMoves: manualMovesFor(facts, seed + 2, extras % 4) };
        let result;
        try {
          result = await solvePlacement(input);
        } catch (err) {
          // a pin into a full unit can make the problem infeasible: then the run fails with an explanation
          expect((err as Error).message).toContain('すべての条件を満たす配置がありません');
          return;
        }
        expectNoHardRuleBroken(input, result.proposedMoves);
        const { model } = buildOptimiserModel(input.facts, input.constraints, input.manualMoves);
        for (const p of model.people) {
          if (p.pinnedUnitId === null) continue;
          expect(result.proposedMoves.find((m) => m.staffId === p.staffId)?.toUnitId, `pin of ${p.staffId}`).toBe(p.pinnedUnitId);
        }
        for (const m of result.proposedMoves) expect(m.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: 100, seed: 20260401 },
    );
  });
});

describe('determinism', () => {
  it('gives byte-identical plans for the same input, in any order', async () => {
    const input = instance(7, 120, 12, true);
    const a = await solvePlacement(input);
    const b = await solvePlacement(input);
    const rng = createPrng(99);
    const shuffled: OptimiserInput = {
      facts: { ...input.facts, people: rng.shuffle(input.facts.people).map((p) => ({ ...p, wishes: [...p.wishes].reverse() })), units: rng.shuffle(input.facts.units) },
      constraints: rng.shuffle(input.constraints),
      manualMoves: rng.shuffle(input.manualMoves),
    };
    const c = await solvePlacement(shuffled);
    expect(JSON.stringify(b.proposedMoves)).toBe(JSON.stringify(a.proposedMoves));
    expect(JSON.stringify(c.proposedMoves)).toBe(JSON.stringify(a.proposedMoves));
    expect(c.objective).toBe(a.objective);
    expect(a.proposedMoves.length).toBeGreaterThan(0);
  });

  it('explains moves in Japanese and moves nobody for nothing', async () => {
    const facts = generateFacts({ seed: 3, staff: 60, units: 6 });
    const result = await solvePlacement({ facts, constraints: [], manualMoves: [] });
    const text = result.proposedMoves.flatMap((m) => m.explanation).join('\n');
    expect(text).toMatch(/第[123]希望の.+です|ジョブローテーション候補です|専門分野\(.+\)が一致します/);
    // with every weight 0 the tie-break cost alone decides: nobody moves
    const still = await solvePlacement({
      facts: { ...facts, settings: { ...facts.settings, weights: { wish1: 0, wish2: 0, wish3: 0, expertiseFit: 0, rotationCandidateMoved: 0, continuityPenalty: 0 } } },
      constraints: [],
      manualMoves: [],
    });
    expect(still.proposedMoves).toEqual([]);
  });
});
