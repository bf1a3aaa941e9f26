/**
 * Desk statistics for HR and management (ADR 0020): case counts per desk × category × status of one 年度, with no
 * identity. A cell with 1 … threshold−1 cases is suppressed (primary), and so is a complementary cell wherever a
 * published total would otherwise give a suppressed cell away: every additive relation of the table (a row with its
 * total, a status column of a desk with its total, the desk's grand total) holds either no suppressed cell or at
 * least two. The whole table is suppressed once; any filter only selects parts of it, so no combination of queries
 * yields a differently suppressed table to difference against.
 */
import { caseStatuses, categoriesOf, desks, type CaseStatus, type Desk, type DeskCategory } from './desk-rules.js';

/** The lowest threshold allowed (a setting may only raise it); ADR 0020 chooses 5 as the default. */
export const minimumSuppressionThreshold = 3;
export const defaultSuppressionThreshold = 5;

export type CountRow = { desk: Desk; category: DeskCategory; status: CaseStatus; count: number };
/** null = suppressed (shown as 「5未満」 or 「—」); zero is published: it names nobody. */
export type Cell = number | null;
export type DeskTable = {
  desk: Desk;
  rows: Array<{ category: DeskCategory; cells: Record<CaseStatus, Cell>; total: Cell }>;
  statusTotals: Record<CaseStatus, Cell>;
  total: Cell;
};
export type DeskStatistics = { threshold: number; desks: DeskTable[] };

type Slot = { value: number; isSuppressed: boolean; isTotal: boolean };

/** Complementary suppression over additive relations: each relation ends with 0 or ≥ 2 suppressed slots. */
export function protectRelations(relations: readonly Slot[][]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const hidden = relation.filter((s) => s.isSuppressed).length;
      if (hidden !== 1) continue;
      // Hide the smallest published non-zero part (members before totals, which the reader needs most).
      const candidates = relation.filter((s) => !s.isSuppressed && s.value > 0).sort((a, b) => Number(a.isTotal) - Number(b.isTotal) || a.value - b.value);
      const pick = candidates[0];
      if (!pick) continue; // the only hidden slot equals the others' (zero) sum and all are zero: nothing to hide
      pick.isSuppressed = true;
      changed = true;
    }
  }
}

export function suppressDeskStatistics(counts: readonly CountRow[], threshold: number): DeskStatistics {
  const k = Math.max(threshold, minimumSuppressionThreshold);
  const isSmall = (n: number) => n > 0 && n < k;
  const slot = (value: number, isTotal: boolean): Slot => ({ value, isSuppressed: isSmall(value), isTotal });
  const built = desks.map((desk) => {
    const cats = categoriesOf(desk);
    const grid = cats.map((category) =>
      caseStatuses.map((status) => slot(counts.filter((c) => c.desk === desk && c.category === category && c.status === status).reduce((n, c) => n + c.count, 0), false)),
    );
    const rowTotals = grid.map((row) => slot(row.reduce((n, s) => n + s.value, 0), true));
    const colTotals = caseStatuses.map((_, j) => slot(grid.reduce((n, row) => n + row[j]!.value, 0), true));
    const total = slot(rowTotals.reduce((n, s) => n + s.value, 0), true);
    const relations: Slot[][] = [
      ...grid.map((row, i) => [...row, rowTotals[i]!]),
      ...caseStatuses.map((_, j) => [...grid.map((row) => row[j]!), colTotals[j]!]),
      [...rowTotals, total],
      [...colTotals, total],
    ];
    protectRelations(relations);
    return { desk, cats, grid, rowTotals, colTotals, total };
  });
  const out = (s: Slot): Cell => (s.isSuppressed ? null : s.value);
  const byStatus = (slots: readonly Slot[]) => Object.fromEntries(caseStatuses.map((st, j) => [st, out(slots[j]!)])) as Record<CaseStatus, Cell>;
  return {
    threshold: k,
    desks: built.map((b) => ({
      desk: b.desk,
      rows: b.cats.map((category, i) => ({ category, cells: byStatus(b.grid[i]!), total: out(b.rowTotals[i]!) })),
      statusTotals: byStatus(b.colTotals),
      total: out(b.total),
    })),
  };
}
