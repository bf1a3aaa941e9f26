import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createBatcher', () => {
  it('answers a lone call from a batch of one', async () => {
    const batches: number[][] = [];
    const double = createBatcher(async (xs: readonly number[]) => {
      batches.push([...xs]);
      return xs.map((x) => x * 2);
    });
    expect(await double(21)).toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('coalesces calls made in the same turn, and those made while a batch is in flight, each answered with its own output', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    let first = true;
    const square = createBatcher(async (xs: readonly number[]) => {
      batches.push([...xs]);
      if (first) {
        first = false;
        await new Promise<void>((r) => (release = r));
      }
      return xs.map((x) => x * x);
    });
    const a = [1, 2, 3].map(square);
    await tick();
    expect(batches).toEqual([[1, 2, 3]]); // in flight, held
    const b = [4, 5].map(square);
    await tick();
    expect(batches).toHaveLength(1); // one flush at a time: 4 and 5 wait
    release();
    expect(await Promise.all([...a, ...b])).toEqual([1, 4, 9, 16, 25]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects every call of a failed batch with its error, and goes on with the next batch', async () => {
    let calls = 0;
    const f = createBatcher(async (xs: readonly string[]) => {
      calls++;
      if (xs.includes('bad')) throw new Error('boom');
      return xs.map((x) => x.toUpperCase());
    });
    const failed = Promise.allSettled([f('ok'), f('bad')]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await f('later')).toBe('LATER');
    expect(calls).toBe(2);
  });

  it('refuses a flush that answers the wrong number of items', async () => {
    const f = createBatcher(async () => [] as string[]);
    await expect(f('x')).rejects.toThrow(/0 results for 1 items/);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const f = createBatcher(
      async (xs: readonly number[]) => {
        sizes.push(xs.length);
        return xs;
      },
      { maxBatch: 4 },
    );
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => f(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });
});
