import { describe, expect, it } from 'vitest';
import { defaultSkillFramework } from './skill-framework.js';
import { assessmentStatuses, checkLevels, isEditableByOwner, review, summarise, type AssessmentLevels, type AssessmentStatus } from './skill-assessment.js';

const all = (level: number): AssessmentLevels => Object.fromEntries(defaultSkillFramework.areas.map((a) => [a.id, { level, note: '' }]));

describe('checkLevels', () => {
  it('accepts a partial draft and a complete submission', () => {
    expect(checkLevels(defaultSkillFramework, { 'data-literacy': { level: 2, note: '' } }, { isSubmission: false })).toEqual([]);
    expect(checkLevels(defaultSkillFramework, all(3), { isSubmission: true })).toEqual([]);
  });

  it('requires every area on submission, naming the missing one', () => {
    const { 'ai-ethics': _, ...rest } = all(2);
    expect(checkLevels(defaultSkillFramework, rest, { isSubmission: true })).toEqual([{ path: 'levels.ai-ethics', message: '「AIの活用と倫理」の段階を選んでください' }]);
  });

  it.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
  ])('level %i is on the default four-level scale: %s', (level, ok) => {
    expect(checkLevels(defaultSkillFramework, { 'data-literacy': { level, note: '' } }, { isSubmission: false }).length === 0).toBe(ok);
  });

  it('refuses an area that is not in the framework', () => {
    expect(checkLevels(defaultSkillFramework, { cobol: { level: 2, note: '' } }, { isSubmission: false })).toEqual([{ path: 'levels.cobol', message: '分野「cobol」は枠組みにありません' }]);
  });
});

describe('workflow', () => {
  it.each(assessmentStatuses.map((s) => [s, s === 'draft' || s === 'returned'] as const))('the owner may edit a %s assessment: %s', (status, editable) => {
    expect(isEditableByOwner(status)).toBe(editable);
  });

  const base = { status: 'submitted' as AssessmentStatus, ownerStaffId: 5, reviewerStaffId: 4, action: 'confirm' as const, comment: '' };
  it.each([
    ['confirm a submitted one', base, { ok: true, to: 'confirmed' }],
    ['return with a comment', { ...base, action: 'return' as const, comment: 'RPAは3では?' }, { ok: true, to: 'returned' }],
    ['return without a comment', { ...base, action: 'return' as const, comment: ' ' }, { ok: false, reason: 'comment-required' }],
    ['confirm one\'s own', { ...base, reviewerStaffId: 5 }, { ok: false, reason: 'own-assessment' }],
    ['confirm a draft', { ...base, status: 'draft' as const }, { ok: false, reason: 'not-submitted' }],
    ['confirm twice', { ...base, status: 'confirmed' as const }, { ok: false, reason: 'not-submitted' }],
    ['confirm a returned one', { ...base, status: 'returned' as const }, { ok: false, reason: 'not-submitted' }],
    ['HR without a staff record confirms', { ...base, reviewerStaffId: null }, { ok: true, to: 'confirmed' }],
  ])('%s', (_name, input, expected) => {
    expect(review(input)).toEqual(expected);
  });
});

describe('summarise', () => {
  it('counts levels of confirmed assessments per area and statuses per unit, in the given unit order', () => {
    const rows = [
      { status: 'confirmed' as const, levels: all(2), unitId: 20, unitName: '市民課' },
      { status: 'confirmed' as const, levels: { ...all(4), 'data-literacy': { level: 3, note: '' } }, unitId: 10, unitName: '職員課' },
      { status: 'submitted' as const, levels: all(1), unitId: 10, unitName: '職員課' },
      { status: 'draft' as const, levels: {}, unitId: null, unitName: null },
    ];
    const s = summarise(2025, defaultSkillFramework, rows, [10, 20]);
    expect(s.statusCounts).toEqual({ draft: 1, submitted: 1, confirmed: 2, returned: 0 });
    expect(s.areas[0]).toEqual({ areaId: 'data-literacy', label: 'データリテラシー', counts: { '1': 0, '2': 1, '3': 1, '4': 0 }, average: 2.5 });
    expect(s.areas[1]!.counts).toEqual({ '1': 0, '2': 1, '3': 0, '4': 1 });
    expect(s.units.map((u) => [u.unitName, u.statusCounts.confirmed, u.statusCounts.submitted, u.averages['ai-ethics']])).toEqual([
      ['職員課', 1, 1, 4],
      ['市民課', 1, 0, 2],
      ['所属なし', 0, 0, null],
    ]);
  });
});
