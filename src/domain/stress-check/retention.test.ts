import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention.js';

describe('retentionCutoff', () => {
  it.each([
    ['2025-10-01', 5, '2020-10-01'],
    ['2025-04-01', 5, '2020-04-01'],
    ['2028-02-29', 5, '2023-02-28'], // 2023 has no 29 February
    ['2029-02-28', 5, '2024-02-28'],
    ['2025-10-01', 7, '2018-10-01'], // kept longer by setting
    ['2025-10-01', 3, '2020-10-01'], // never shorter than the legal 5 years
  ] as const)('%s, %i years → %s', (today, years, cutoff) => {
    expect(retentionCutoff(today, years)).toBe(cutoff);
  });
});
