/**
 * 集団分析: the figures of each unit (over its whole subtree) and of the municipality, shown only where the
 * suppression plan allows (group-suppression.ts), with the 判定図 point and 健康リスク. Pure: the service passes
 * the organisation on the campaign's closing day and the group entries (which carry no identity).
 */
import { stressScales } from './questionnaire.js';
import { groupJudgement, type Sex } from './health-risk.js';
import { planSuppression, type SuppressionPlan } from './group-suppression.js';
import type { StressScore } from './stress-scoring.js';
import type { GroupFigure, GroupUnitRow } from './stress-check-api.js';

/** What a submission leaves for group analysis (stored without the person). */
export type GroupEntryScores = Pick<StressScore, 'areaTotals' | 'judgement'> & {
  scales: Record<string, number>;
  /**
   * The unit and its ancestors (unit first) as the organisation stood when the campaign closed — frozen then, so a
   * later change to the organisation's history cannot re-cut the groups and open a differencing channel.
   */
  unitPath?: number[];
};
export type GroupEntry = { unitId: number | null; sex: Sex | null; scores: GroupEntryScores };

export function groupEntryScoresOf(score: StressScore): GroupEntryScores {
  return { areaTotals: score.areaTotals, judgement: score.judgement, scales: Object.fromEntries(score.scales.map((s) => [s.key, s.perItem])) };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The figure of a set of entries (callers make sure it is a shown set). */
export function figureOf(entries: readonly GroupEntry[]): GroupFigure {
  const n = entries.length;
  const mean = (f: (e: GroupEntry) => number) => round(entries.reduce((s, e) => s + f(e), 0) / n);
  const j = groupJudgement(entries.map((e) => ({ sex: e.sex, judgement: e.scores.judgement })));
  return {
    respondents: n,
    areaMeans: { A: mean((e) => e.scores.areaTotals.A), B: mean((e) => e.scores.areaTotals.B), C: mean((e) => e.scores.areaTotals.C) },
    scaleMeans: stressScales.map((s) => ({ key: s.key, label: s.label, mean: round(entries.reduce((sum, e) => sum + (e.scores.scales[s.key] ?? 0), 0) / n, 2) })),
    judgement: {
      quantitativeLoad: round(j.means!.quantitativeLoad),
      control: round(j.means!.control),
      supervisorSupport: round(j.means!.supervisorSupport),
      coworkerSupport: round(j.means!.coworkerSupport),
    },
    risk: j.risk ? { riskA: Math.round(j.risk.riskA), riskB: Math.round(j.risk.riskB), total: Math.round(j.risk.total) } : null,
  };
}

export type AnalysisUnit = { unitId: number; parentUnitId: number | null; name: string };

export type GroupAnalysisResult = {
  plan: SuppressionPlan;
  total: GroupFigure | null;
  units: Array<Omit<GroupUnitRow, 'previous'>>;
};

/** Figures per unit (depth-first, as in the tree) and for the whole municipality, suppressed where they must be. */
export function analyseGroups(units: readonly AnalysisUnit[], entries: readonly GroupEntry[], minGroupSize: number): GroupAnalysisResult {
  const known = new Map(units.map((u) => [u.unitId, u]));
  const direct = new Map<number, GroupEntry[]>();
  let unplaced = 0;
  for (const e of entries) {
    if (e.unitId === null || !known.has(e.unitId)) {
      unplaced += 1;
      continue;
    }
    const list = direct.get(e.unitId);
    if (list) list.push(e);
    else direct.set(e.unitId, [e]);
  }
  const plan = planSuppression(
    units.map((u) => ({ unitId: u.unitId, parentUnitId: u.parentUnitId !== null && known.has(u.parentUnitId) ? u.parentUnitId : null })),
    new Map([...direct.entries()].map(([u, list]) => [u, list.length])),
    minGroupSize,
    unplaced,
  );
  const children = new Map<number | null, AnalysisUnit[]>();
  for (const u of units) {
    const parent = u.parentUnitId !== null && known.has(u.parentUnitId) ? u.parentUnitId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const rows: GroupAnalysisResult['units'] = [];
  const walk = (parent: number | null, depth: number): GroupEntry[] => {
    const all: GroupEntry[] = [];
    for (const u of children.get(parent) ?? []) {
      const index = rows.length;
      rows.push({ unitId: u.unitId, unitName: u.name, parentUnitId: parent, depth, status: 'shown', figure: null });
      const subtree = (direct.get(u.unitId) ?? []).concat(walk(u.unitId, depth + 1));
      for (const e of subtree) all.push(e);
      const row = rows[index]!;
      if (plan.published.has(u.unitId)) row.figure = figureOf(subtree);
      else row.status = plan.suppressed.get(u.unitId) ?? 'small';
    }
    return all;
  };
  walk(null, 0);
  return { plan, total: plan.isTotalPublished && entries.length > 0 ? figureOf(entries) : null, units: rows };
}

/** Each unit's ancestor chain (unit first) in a tree; units whose chain leaves the tree or loops stop there. */
export function unitPaths(units: readonly Pick<AnalysisUnit, 'unitId' | 'parentUnitId'>[], unitIds: Iterable<number>): Map<number, number[]> {
  const parent = new Map(units.map((u) => [u.unitId, u.parentUnitId]));
  const out = new Map<number, number[]>();
  for (const id of unitIds) {
    if (!parent.has(id)) continue;
    const path = [id];
    let p = parent.get(id) ?? null;
    while (p !== null && parent.has(p) && !path.includes(p)) {
      path.push(p);
      p = parent.get(p) ?? null;
    }
    out.set(id, path);
  }
  return out;
}

/**
 * The tree of a closed campaign rebuilt from the paths frozen in its entries (names and order from `names`, a
 * neutral label for units that no longer exist). Entries without a frozen path count as unplaced.
 */
export function frozenTree(entries: readonly GroupEntry[], names: ReadonlyMap<number, string>): AnalysisUnit[] {
  const parents = new Map<number, number | null>();
  for (const e of entries) {
    const path = e.scores.unitPath;
    if (!path || path.length === 0) continue;
    path.forEach((u, i) => {
      if (!parents.has(u)) parents.set(u, path[i + 1] ?? null);
    });
  }
  const order = new Map([...names.keys()].map((id, i) => [id, i]));
  const rank = (id: number) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...parents.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a - b)
    .map(([unitId, parentUnitId]) => ({ unitId, parentUnitId, name: names.get(unitId) ?? `(現在はない所属 ${unitId})` }));
}

/** Whether every placed entry carries a frozen path (campaigns closed by this version do). */
export const hasFrozenTree = (entries: readonly GroupEntry[]) => entries.length > 0 && entries.every((e) => e.unitId === null || (e.scores.unitPath?.length ?? 0) > 0);
