import { describe, expect, it } from 'vitest';
import { describeItems, toAnswerMap, unknownItemKeys } from './paper-entry.js';
import { missingItems } from './stress-scoring.js';

describe('paper entry checks', () => {
  it('accepts exactly the running numbers 1–57', () => {
    const all = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [String(i + 1), 1]));
    expect(unknownItemKeys(all)).toEqual([]);
    expect(unknownItemKeys({ '0': 1, '58': 1, '01': 1, '1.0': 1, x: 1, '57': 1 })).toEqual(['0', '58', '01', '1.0', 'x']);
  });

  it('keys the answers by number, so the online completeness check applies unchanged', () => {
    const map = toAnswerMap({ '1': 4, '57': 2 });
    expect(map[1]).toBe(4);
    expect(map[57]).toBe(2);
    expect(missingItems(map)).toHaveLength(55);
  });

  it('names items as on the paper form', () => {
    expect(describeItems([3, 18, 47, 56])).toBe('3(A3)、18(B1)、47(C1)、56(D1)');
  });
});
