import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';

const draw = (seed: number | string) => {
  const r = createPrng(seed);
  return [
    r.next(),
    r.int(1, 6),
    r.chance(0.5),
    r.pick(['a', 'b', 'c']),
    r.weighted([
      ['x', 1],
      ['y', 3],
    ] as const),
    r.shuffle([1, 2, 3, 4, 5]),
    r.fork('child').next(),
  ];
};

describe('createPrng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw('annaka')).toEqual(draw('annaka'));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int within bounds, inclusive, and hits both ends', () => {
    const r = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 2);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(2);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  it('follows the weights roughly and never picks a zero weight', () => {
    const r = createPrng(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
  });

  it('shuffles without losing or changing the input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createPrng(3).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
  });

  it('forks streams that do not depend on how much the parent has drawn', () => {
    const a = createPrng(9);
    const b = createPrng(9);
    b.next();
    b.next();
    expect(a.fork('demo').next()).toBe(b.fork('demo').next());
    expect(a.fork('demo').next()).not.toBe(a.fork('other').next());
  });

  it('refuses impossible requests', () => {
    const r = createPrng(0);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.int(2, 1)).toThrow(RangeError);
    expect(() => r.weighted([['a', 0]] as const)).toThrow(RangeError);
  });
});
