import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planSuppression, type OrgNode } from './group-suppression.js';

const node = (unitId: number, parentUnitId: number | null): OrgNode => ({ unitId, parentUnitId });
const counts = (o: Record<number, number>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]));
const sorted = (s: ReadonlySet<number>) => [...s].sort((a, b) => a - b);

describe('planSuppression (hand-worked trees)', () => {
  // R(1) ─ a(2), b(3), c(4), d(5)
  const flat = [node(1, null), node(2, 1), node(3, 1), node(4, 1), node(5, 1)];

  it.each([
    ['all children ≥ 10', { 2: 12, 3: 15 }, [1, 2, 3], {}],
    // b (4) rolls up into R; R's pool (4) is too small, so it merges into the smallest child block a:
    // R stays shown, a is hidden (else R − a = b)
    ['one small child: a second one is hidden', { 2: 12, 3: 4 }, [1], { 2: 'differencing', 3: 'small' }],
    ['one small child among three', { 2: 12, 3: 15, 4: 4 }, [1, 3], { 2: 'differencing', 4: 'small' }],
    // c + d = 11 ≥ 10: R's own pool is a block, so R − a − b = 11 people
    ['two small children together ≥ 10', { 2: 12, 3: 15, 4: 4, 5: 7 }, [1, 2, 3], { 4: 'small', 5: 'small' }],
    ['everything small', { 2: 3, 3: 4 }, [], { 1: 'small', 2: 'small', 3: 'small' }],
  ] as const)('%s', (_, direct, shown, hidden) => {
    const plan = planSuppression(flat, counts(direct), 10);
    expect(sorted(plan.published)).toEqual(shown);
    expect(Object.fromEntries(plan.suppressed)).toEqual(Object.fromEntries(Object.entries(hidden).map(([k, v]) => [Number(k), v])));
  });

  it('a department whose only direct member is the 部長 does not reveal them by difference', () => {
    // D(1) 部長 1; X(2) ─ s1(3) 12, s2(4) 3; Y(5) ─ s3(6) 20
    const tree = [node(1, null), node(2, 1), node(3, 2), node(4, 2), node(5, 1), node(6, 5)];
    const plan = planSuppression(tree, counts({ 1: 1, 3: 12, 4: 3, 6: 20 }), 10);
    // s2 rolls into X and merges into s1's block; D's one person reaches the top and merges into the smallest block
    expect(sorted(plan.published)).toEqual([1, 5, 6]);
    expect(plan.suppressed.get(4)).toBe('small');
    expect(plan.suppressed.get(2)).toBe('differencing');
    expect(plan.isTotalPublished).toBe(true);
    // D − Y = X + 部長 = 16 people, never one
    expect(plan.blocks.map((b) => sorted(b))).toEqual(expect.arrayContaining([[1, 3, 4], [6]]));
  });

  it('the threshold can only be raised: 5 is taken as 10, 15 is kept', () => {
    expect(planSuppression(flat, counts({ 2: 12, 3: 15 }), 5).minGroupSize).toBe(10);
    const strict = planSuppression(flat, counts({ 2: 12, 3: 15 }), 15);
    expect(strict.minGroupSize).toBe(15);
    // a (12 < 15) rolls up into R and merges into b's block: R alone is shown
    expect(sorted(strict.published)).toEqual([1]);
  });
});

/**
 * Property: whatever the tree and counts, the sets an observer can isolate by combining shown figures (the atoms
 * of the Boolean algebra the shown sets generate) hold 0 or at least minGroupSize respondents; no shown unit has
 * fewer than minGroupSize respondents.
 */
describe('planSuppression (property: no combination isolates fewer than k)', () => {
  const treeArb = fc
    .integer({ min: 1, max: 14 })
    .chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 1, max: i }), { nil: null, freq: 6 })))),
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: n, maxLength: n }),
        fc.constantFrom(10, 12, 20),
        fc.integer({ min: 0, max: 3 }),
      ),
    );

  it('holds for random trees', () => {
    fc.assert(
      fc.property(treeArb, ([parents, ns, k, unplaced]) => {
        const nodes = parents.map((p, i) => node(i + 1, p));
        const direct = new Map(ns.map((n, i) => [i + 1, n]));
        const plan = planSuppression(nodes, direct, k, unplaced);
        const children = new Map<number, number[]>();
        for (const nd of nodes) if (nd.parentUnitId !== null) children.set(nd.parentUnitId, [...(children.get(nd.parentUnitId) ?? []), nd.unitId]);
        const subtree = (u: number): number[] => [u, ...(children.get(u) ?? []).flatMap(subtree)];
        const shownSets = [...plan.published].map((u) => new Set(subtree(u)));
        for (const u of plan.published) expect(subtree(u).reduce((s, x) => s + (direct.get(x) ?? 0), 0)).toBeGreaterThanOrEqual(k);
        // Atoms: respondents grouped by which shown sets (and the total, if shown) contain their unit.
        const atoms = new Map<string, number>();
        const add = (signature: string, n: number) => atoms.set(signature, (atoms.get(signature) ?? 0) + n);
        for (const nd of nodes) {
          const n = direct.get(nd.unitId) ?? 0;
          if (n === 0) continue;
          const sig = shownSets.map((s) => (s.has(nd.unitId) ? '1' : '0')).join('') + (plan.isTotalPublished ? 'T' : '');
          if (sig.includes('1') || sig.includes('T')) add(sig, n);
        }
        if (plan.isTotalPublished && unplaced > 0) add(shownSets.map(() => '0').join('') + 'T', unplaced);
        for (const [, n] of atoms) expect(n).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 500 },
    );
  });
});
