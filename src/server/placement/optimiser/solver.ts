/**
 * Solves the optimiser's model (src/domain/placement/optimiser-model.ts) with HiGHS (WASM, `highs` package):
 *
 * 1. モデル作成: the model is built and written in CPLEX LP format (stable names x<staffId>_<unitId>, p…, c…, k…, e…).
 * 2. LP緩和: the LP relaxation is solved. When not every allowed arc is in the model (large instances), arcs are
 *    priced with the row duals — reduced cost = objective − dual(person row) − dual(capacity row) — and every arc
 *    with a positive reduced cost is added (delayed column generation, warm-started) until none is left: the LP
 *    optimum is then the LP optimum over all arcs, a valid bound for the whole problem.
 * 3. 分枝限定: only when that LP solution is fractional (the continuity rows can make it so) the arc variables
 *    become binaries and HiGHS's MIP solver branches. Its dual bound is the bound when the model has every arc;
 *    otherwise the LP bound over all arcs is kept (the smaller of the two is valid).
 * 4. 結果の検証: one arc per person is read back, every hard row is re-checked on the integral solution.
 *
 * Pure computation, no I/O besides the solver: the worker (worker.ts) runs it off the request thread; tests and the
 * bench call it directly.
 */
import highsLoader from 'highs';
import type { OptimiserResult } from '../../../domain/placement/optimiser-api.js';
import type { PlacementFacts, PlanConstraint, PlannedMove } from '../../../domain/placement/placement-model.js';
import {
  arcOf,
  buildOptimiserModel,
  pricedDestinations,
  objectiveParts,
  proposedMovesOf,
  toLpText,
  type BuildOptions,
  type ModelArc,
  type OptimiserModel,
} from '../../../domain/placement/optimiser-model.js';

type HighsRuntime = Awaited<ReturnType<typeof highsLoader>>;
let runtime: Promise<HighsRuntime> | undefined;
/** One WASM runtime per thread, compiled once. */
export const loadHighs = (): Promise<HighsRuntime> => (runtime ??= highsLoader());

export const optimiserPhases = ['モデル作成', 'LP緩和', '分枝限定', '結果の検証'] as const;
export type OptimiserPhase = (typeof optimiserPhases)[number];
export type ProgressListener = (phase: OptimiserPhase, progress: number) => void;

export type OptimiserInput = { facts: PlacementFacts; constraints: readonly PlanConstraint[]; manualMoves: readonly PlannedMove[] };

export type { OptimiserResult } from '../../../domain/placement/optimiser-api.js';

export class OptimiserInfeasibleError extends Error {}

const tol = 1e-6;
const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function solvePlacement(
  input: OptimiserInput,
  opts: { onProgress?: ProgressListener; timeLimitSeconds?: number; build?: BuildOptions } = {},
): Promise<OptimiserResult> {
  const started = performance.now();
  const progress: ProgressListener = opts.onProgress ?? (() => {});
  progress('モデル作成', 5);
  const highs = await loadHighs();
  const { model, prep } = buildOptimiserModel(input.facts, input.constraints, input.manualMoves, opts.build);
  const arcs: ModelArc[] = [...model.arcs];
  const inModel = new Set(arcs.map((a) => a.name));
  const { text, capacityRowsUsed } = toLpText(model, arcs);
  const buildMs = performance.now() - started;
  progress('LP緩和', 20);

  const lpStarted = performance.now();
  const solver = highs.createModel();
  try {
    solver.options.set({ output_flag: false, time_limit: opts.timeLimitSeconds ?? 120, random_seed: 0 });
    if (model.people.length === 0) return emptyResult(model, started, buildMs, prep.facts.units.length);
    const t0 = performance.now();
    solver.readModel({ format: 'lp', data: text });
    const t1 = performance.now();
    solver.run();
    const readMs = t1 - t0;
    const firstLpMs = performance.now() - t1;
    assertSolved(solver.getModelStatus(), model);
    const personRow = model.people.map((p) => solver.getRowByName(`p${p.staffId}`));
    const used = new Set(capacityRowsUsed);
    const capacityRow = model.capacity.map((c, r) => (used.has(r) ? solver.getRowByName(c.name) : -1));

    // Column of each arc: by name for the LP text's columns, by position for those added later.
    const columns = arcs.map((a) => solver.getColByName(a.name));
    // Delayed column generation over the arcs not in the model.
    let pricingRounds = 0;
    if (!model.isComplete) {
      for (; pricingRounds < 100; pricingRounds++) {
        const { rowDual } = solver.getSolution();
        const dualOf = (r: number) => (capacityRow[r]! < 0 ? null : rowDual[capacityRow[r]!]!);
        const sorted = new Map<number[], number[]>();
        const sortedByDual = (rows: number[]) => {
          let list = sorted.get(rows);
          if (!list) {
            list = rows.filter((r) => capacityRow[r]! >= 0).sort((a, b) => dualOf(a)! - dualOf(b)! || a - b);
            sorted.set(rows, list);
          }
          return list;
        };
        const fresh: ModelArc[] = [];
        model.people.forEach((_, i) => {
          for (const d of pricedDestinations(prep, i, rowDual[personRow[i]!]!, dualOf, sortedByDual)) {
            const arc = arcOf(prep, i, d);
            if (!inModel.has(arc.name)) {
              inModel.add(arc.name);
              fresh.push(arc);
            }
          }
        });
        if (fresh.length === 0) break;
        const numRows = solver.getDimensions().numRows;
        const starts = new Int32Array(fresh.length + 1);
        const indices = new Int32Array(fresh.length * 2);
        const values = new Float64Array(fresh.length * 2).fill(1);
        fresh.forEach((a, j) => {
          const rows = [personRow[a.person]!, capacityRow[a.capacityRow]!].sort((x, y) => x - y);
          indices[2 * j] = rows[0]!;
          indices[2 * j + 1] = rows[1]!;
          starts[j + 1] = 2 * (j + 1);
        });
        const first = solver.getDimensions().numCols;
        solver.addCols({
          cost: Float64Array.from(fresh, (a) => a.objective),
          lower: new Float64Array(fresh.length),
          upper: new Float64Array(fresh.length).fill(1),
          matrix: { format: 'csc', numRows, numCols: fresh.length, starts, indices, values } as never,
        });
        fresh.forEach((a, j) => {
          solver.passColName(first + j, a.name);
          arcs.push(a);
          columns.push(first + j);
        });
        solver.run();
        assertSolved(solver.getModelStatus(), model);
        progress('LP緩和', Math.min(60, 25 + pricingRounds * 3));
      }
    }
    const lpObjective = solver.getObjectiveValue();
    const lpMs = performance.now() - lpStarted;
    let values = solver.getSolution().colValue;
    const lpWasIntegral = columns.every((c) => {
      const v = values[c]!;
      return Math.abs(v) <= tol || Math.abs(v - 1) <= tol;
    });

    let objective = lpObjective;
    let bound = lpObjective;
    let branchNodes = 0;
    let mipMs = 0;
    let isOptimal = true;
    if (!lpWasIntegral) {
      progress('分枝限定', 65);
      const mipStarted = performance.now();
      const sorted = [...columns].sort((x, y) => x - y);
      solver.changeColsIntegrality({ kind: 'set', indices: Int32Array.from(sorted) }, new Int32Array(sorted.length).fill(1));
      // The tie-break costs are tiny: close the gap completely rather than to HiGHS's default 0.01 %.
      solver.options.set({ mip_rel_gap: 0, mip_abs_gap: 1e-9 });
      solver.run();
      const status = solver.getModelStatus();
      assertSolved(status, model, true);
      values = solver.getSolution().colValue;
      objective = solver.getObjectiveValue();
      const dual = Number(solver.info.get('mip_dual_bound'));
      branchNodes = Number(solver.info.get('mip_node_count'));
      // The MIP dual bound holds for the arcs in the model; over every arc only when the model has them all.
      bound = model.isComplete ? Math.min(dual, lpObjective) : lpObjective;
      isOptimal = status === 7 && model.isComplete;
      mipMs = performance.now() - mipStarted;
    }
    progress('結果の検証', 90);

    // One arc per person; re-check every hard row on the integral solution.
    const chosen: ModelArc[] = [];
    const perPerson = new Array<number>(model.people.length).fill(0);
    arcs.forEach((a, j) => {
      if (values[columns[j]!]! > 0.5) {
        chosen.push(a);
        perPerson[a.person]! += 1;
      }
    });
    if (perPerson.some((n) => n !== 1)) throw new Error('optimiser: a person has no or several placements in the solution');
    const load = new Map<number, number>();
    for (const a of chosen) if (a.capacityRow >= 0) load.set(a.capacityRow, (load.get(a.capacityRow) ?? 0) + 1);
    for (const [r, n] of load) if (n > model.capacity[r]!.rhs) throw new Error(`optimiser: capacity row ${model.capacity[r]!.name} exceeded`);
    const parts = objectiveParts(model, chosen);
    objective = parts.total;
    const gap = Math.max(0, Math.min(1, (bound - objective) / Math.max(1, Math.abs(bound))));
    if (gap > 1e-7) isOptimal = false;
    else if (lpWasIntegral) isOptimal = true;
    const dims = solver.getDimensions();
    const result: OptimiserResult = {
      objective: round(objective),
      bound: round(Math.max(bound, objective)),
      gap: gap <= 1e-9 ? 0 : round(gap, 9),
      isOptimal,
      lpWasIntegral,
      branchNodes,
      seconds: round((performance.now() - started) / 1000, 3),
      sizes: { people: model.people.length, units: prep.facts.units.length, variables: dims.numCols, constraints: dims.numRows },
      proposedMoves: proposedMovesOf(model, chosen),
      objectiveParts: { ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)])) } as OptimiserResult['objectiveParts'],
      warnings: model.warnings,
      details: {
        movablePeople: model.people.length,
        allowedArcs: model.arcCount,
        arcsInModel: arcs.length,
        pricingRounds,
        buildMs: Math.round(buildMs),
        readMs: Math.round(readMs),
        firstLpMs: Math.round(firstLpMs),
        lpMs: Math.round(lpMs),
        mipMs: Math.round(mipMs),
        lpObjective: round(lpObjective),
      },
    };
    progress('結果の検証', 100);
    return result;
  } finally {
    solver.dispose();
  }
}

function assertSolved(status: number, model: OptimiserModel, isMip = false): void {
  if (status === 7) return;
  if (isMip && (status === 13 || status === 14) ) return; // limit reached with an incumbent: the gap says how good
  if (status === 8 || status === 9) throw new OptimiserInfeasibleError(infeasibleMessage(model));
  if (status === 13) throw new Error('最適化が制限時間内に終わりませんでした。');
  throw new Error(`最適化ソルバーが解を返しませんでした(状態${status})。`);
}

/** Which 定数 the pins and the people the optimiser does not move already fill (the likely cause). */
function infeasibleMessage(model: OptimiserModel): string {
  const pinned = new Map<number, number>();
  for (const a of model.arcs) {
    const p = model.people[a.person]!;
    if (p.pinnedUnitId !== null && a.capacityRow >= 0) pinned.set(a.capacityRow, (pinned.get(a.capacityRow) ?? 0) + 1);
  }
  const full = [...pinned]
    .filter(([r, n]) => n > model.capacity[r]!.rhs)
    .map(([r]) => model.unitNames[model.capacity[r]!.unitId] ?? `所属#${model.capacity[r]!.unitId}`);
  const where = full.length > 0 ? `定数を超える固定があります: ${full.join('、')}。` : '';
  return `すべての条件を満たす配置がありません。${where}固定(ピン留め)・禁止・手動の異動と定数を見直してください。`;
}

function emptyResult(model: OptimiserModel, started: number, buildMs: number, units: number): OptimiserResult {
  return {
    objective: 0,
    bound: 0,
    gap: 0,
    isOptimal: true,
    lpWasIntegral: true,
    branchNodes: 0,
    seconds: round((performance.now() - started) / 1000, 3),
    sizes: { people: 0, units, variables: 0, constraints: 0 },
    proposedMoves: [],
    objectiveParts: { wishes: 0, expertise: 0, rotation: 0, continuity: 0, tieBreak: 0, total: 0 },
    warnings: model.warnings,
    details: { movablePeople: 0, allowedArcs: 0, arcsInModel: 0, pricingRounds: 0, buildMs: Math.round(buildMs), readMs: 0, firstLpMs: 0, lpMs: 0, mipMs: 0, lpObjective: 0 },
  };
}
