import { describe, expect, it } from 'vitest';
import { policyCatalog } from './policy-catalog.js';
import { tenureBandSettingsSchema, targetRuleSchema } from './training-model.js';
import { defaultTenureBands } from './training-targets.js';

describe('tenureBandSettingsSchema', () => {
  it('accepts the defaults and overlapping bands', () => {
    expect(tenureBandSettingsSchema.safeParse(defaultTenureBands).success).toBe(true);
    expect(tenureBandSettingsSchema.safeParse({ ...defaultTenureBands, intermediate: { fromYear: 5, toYear: 12 } }).success).toBe(true);
  });

  it.each([
    ['an inverted band', { ...defaultTenureBands, junior: { fromYear: 6, toYear: 3 } }, ['junior', 'toYear'], '初級職員の終了年目は開始年目以降にしてください'],
    ['年目 0', { ...defaultTenureBands, 'new-hire': { fromYear: 0, toYear: 1 } }, ['new-hire', 'fromYear'], undefined],
    ['a missing band', { 'new-hire': { fromYear: 1, toYear: 1 } }, ['second-year'], undefined],
  ])('rejects %s', (_label, input, path, message) => {
    const issues = tenureBandSettingsSchema.safeParse(input).error?.issues ?? [];
    expect(issues.map((i) => i.path)).toContainEqual(path);
    if (message) expect(issues.map((i) => i.message)).toContain(message);
  });
});

describe('targetRuleSchema', () => {
  it('accepts every rule of the policy catalog and rejects unknown values', () => {
    for (const course of policyCatalog) expect(targetRuleSchema.safeParse(course.targetRule).success).toBe(true);
    expect(targetRuleSchema.safeParse({ positionLevels: ['shogun'], tenureBands: [], employmentTypes: [], situations: [] }).success).toBe(false);
  });
});
