import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseStatuses, categoriesOf, desks, type CaseStatus } from './desk-rules.js';
import { suppressDeskStatistics, type CountRow, type DeskTable } from './desk-statistics.js';

const rows = (list: Array<[CountRow['category'], CaseStatus, number]>): CountRow[] =>
  list.map(([category, status, count]) => ({ desk: category === 'whistleblowing' ? 'whistleblowing' : 'harassment', category, status, count }));

/** Every additive relation of a desk's table: the part cells and their total. */
function relationsOf(t: DeskTable) {
  const rel: Array<Array<number | null>> = [];
  for (const r of t.rows) rel.push([...caseStatuses.map((s) => r.cells[s]), r.total]);
  for (const s of caseStatuses) rel.push([...t.rows.map((r) => r.cells[s]), t.statusTotals[s]]);
  rel.push([...t.rows.map((r) => r.total), t.total]);
  rel.push([...caseStatuses.map((s) => t.statusTotals[s]), t.total]);
  return rel;
}

describe('desk statistics suppression', () => {
  it('publishes cells at or above the threshold and zeros', () => {
    const out = suppressDeskStatistics(rows([['power', 'received', 7], ['power', 'closed', 5]]), 5);
    const power = out.desks[0]!.rows.find((r) => r.category === 'power')!;
    expect(power.cells.received).toBe(7);
    expect(power.cells.closed).toBe(5);
    expect(power.cells.investigating).toBe(0);
    expect(power.total).toBe(12);
  });

  it('never goes below 3 whatever the setting says', () => {
    expect(suppressDeskStatistics([], 1).threshold).toBe(3);
  });

  it('defeats the differencing attempt: total minus the published cells does not give a small cell', () => {
    // power: 9 received, 2 investigating (small) — without complementary suppression, total 11 − 9 = 2 gives it away.
    const out = suppressDeskStatistics(rows([['power', 'received', 9], ['power', 'investigating', 2], ['sexual', 'received', 6]]), 5);
    const t = out.desks.find((d) => d.desk === 'harassment')!;
    const power = t.rows.find((r) => r.category === 'power')!;
    expect(power.cells.investigating).toBeNull();
    const published = caseStatuses.map((s) => power.cells[s]).filter((v): v is number => v !== null);
    const attempt = power.total === null ? null : power.total - published.reduce((a, b) => a + b, 0);
    // Either the total is hidden, or at least two cells hide behind the difference.
    expect(attempt === null || caseStatuses.filter((s) => power.cells[s] === null).length >= 2).toBe(true);
    // The column of 'investigating' likewise: its total must not reveal the 2.
    const col = t.rows.map((r) => r.cells.investigating);
    expect(col.filter((v) => v === null).length + (t.statusTotals.investigating === null ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });

  it('a whistleblowing desk with one small cell hides its totals too', () => {
    const out = suppressDeskStatistics(rows([['whistleblowing', 'received', 1]]), 5);
    const wb = out.desks.find((d) => d.desk === 'whistleblowing')!;
    expect(wb.rows[0]!.cells.received).toBeNull();
    expect(wb.rows[0]!.total).toBeNull();
    expect(wb.total).toBeNull();
  });

  it('property: no small count is published, and every relation has 0 or ≥ 2 hidden cells', () => {
    const cellArb = fc.record({
      category: fc.constantFrom(...categoriesOf('harassment'), 'whistleblowing' as const),
      status: fc.constantFrom(...caseStatuses),
      count: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 30 }), fc.integer({ min: 3, max: 10 }), (cells, k) => {
        const out = suppressDeskStatistics(rows(cells.map((c) => [c.category, c.status, c.count])), k);
        for (const t of out.desks) {
          const all = [...t.rows.flatMap((r) => [...caseStatuses.map((s) => r.cells[s]), r.total]), ...caseStatuses.map((s) => t.statusTotals[s]), t.total];
          for (const v of all) if (v !== null) expect(v === 0 || v >= out.threshold).toBe(true);
          for (const rel of relationsOf(t)) {
            const hidden = rel.filter((v) => v === null).length;
            expect(hidden === 0 || hidden >= 2).toBe(true);
          }
        }
        expect(out.desks.map((d) => d.desk)).toEqual([...desks]);
      }),
      { numRuns: 300 },
    );
  });
});
