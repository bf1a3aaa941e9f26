/**
 * A small seeded pseudo-random generator (mulberry32) for the demo city: the same seed gives the same city,
 * byte for byte, on every machine. Not for anything secret.
 */

export type Prng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one's seed and a label, so adding draws here does not move it. */
  fork(label: string | number): Prng;
};

/** 32-bit FNV-1a of a string, used to turn labels into seeds. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createPrng(seed: number | string): Prng {
  const initial = typeof seed === 'number' ? seed >>> 0 : hashLabel(seed);
  let state = initial;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
    return min + Math.floor(next() * (max - min + 1));
  };

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
      let total = 0;
      for (const [, w] of choices) total += w;
      if (!(total > 0)) throw new RangeError('weighted: no positive weight');
      let r = next() * total;
      for (const [value, w] of choices) {
        r -= w;
        if (r < 0) return value;
      }
      // Floating-point leftovers land on the last positive choice.
      for (let i = choices.length - 1; i >= 0; i--) if ((choices[i] as readonly [T, number])[1] > 0) return (choices[i] as readonly [T, number])[0];
      throw new RangeError('weighted: unreachable');
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    fork: (label) => createPrng((hashLabel(`${initial}:${label}`) ^ Math.imul(initial, 0x9e3779b1)) >>> 0),
  };
}
