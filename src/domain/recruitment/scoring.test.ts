import { describe, expect, it } from 'vitest';
import { applicantScores, applicantScoresFromTotals, calibrate, raterTotal, validateScores, type RaterScores } from './scoring.js';
import { defaultDiscussionRubric, rubricSchema, type Rubric } from './recruitment-model.js';

// 協調性 ×2, 傾聴 ×1.5, 論理性 ×1.5, リーダーシップ ×1 on 1..5
const rubric = defaultDiscussionRubric;
const all = (v: number) => ({ cooperation: v, listening: v, logic: v, leadership: v });

describe('a rater total', () => {
  it.each([
    [all(1), 0],
    [all(5), 100],
    [all(3), 50],
    // (2·1 + 1.5·0.5 + 1.5·0.5 + 1·0) / 6 = 3.5/6 = 58.33…
    [{ cooperation: 5, listening: 3, logic: 3, leadership: 1 }, 58.3],
  ])('%j → %d', (scores, total) => {
    expect(raterTotal(rubric, scores)).toBe(total);
  });

  it('validates every item once, integers in range, no strangers', () => {
    expect(validateScores(rubric, all(3))).toEqual([]);
    expect(validateScores(rubric, { cooperation: 6, listening: 2.5, logic: 3, extra: 1 }).map((p) => p.message)).toEqual([
      '「協調性」は1〜5の整数で入力してください',
      '「傾聴」は1〜5の整数で入力してください',
      '「リーダーシップ」の評定を入力してください',
      '評価項目「extra」はこの試験にありません',
    ]);
  });

  it('refuses a rubric with duplicate items', () => {
    const dup: Rubric = { scaleMax: 5, items: [rubric.items[0]!, rubric.items[0]!] };
    expect(rubricSchema.safeParse(dup).success).toBe(false);
  });
});

describe('applicant scores and calibration', () => {
  // Applicant 1: raters 10 (all 4 → 75) and 11 (all 2 → 25). Applicant 2: 10 (all 5 → 100), 11 (all 3 → 50).
  // Applicant 3: only rater 10 (all 3 → 50).
  const scores: RaterScores[] = [
    { raterId: 11, applicantId: 1, scores: all(2) },
    { raterId: 10, applicantId: 1, scores: all(4) },
    { raterId: 10, applicantId: 2, scores: all(5) },
    { raterId: 11, applicantId: 2, scores: all(3) },
    { raterId: 10, applicantId: 3, scores: all(3) },
  ];

  it('averages the raters and is complete only with the required raters', () => {
    expect(applicantScores(rubric, scores, 2)).toEqual([
      { applicantId: 1, score: 50, raterTotals: [{ raterId: 10, total: 75 }, { raterId: 11, total: 25 }], spread: 50, isComplete: true },
      { applicantId: 2, score: 75, raterTotals: [{ raterId: 10, total: 100 }, { raterId: 11, total: 50 }], spread: 50, isComplete: true },
      { applicantId: 3, score: 50, raterTotals: [{ raterId: 10, total: 50 }], spread: 0, isComplete: false },
    ]);
  });

  it("shows each rater's leniency against the others on the same applicants", () => {
    const [r10, r11] = calibrate(rubric, scores);
    // rater 10 is 50 points above rater 11 on both shared applicants; applicant 3 has no co-rater.
    expect(r10).toEqual({ raterId: 10, applicants: 3, meanTotal: 75, leniency: 50, itemLeniency: { cooperation: 2, listening: 2, logic: 2, leadership: 2 } });
    expect(r11).toEqual({ raterId: 11, applicants: 2, meanTotal: 37.5, leniency: -50, itemLeniency: { cooperation: -2, listening: -2, logic: -2, leadership: -2 } });
  });

  it('gives no leniency to a rater who never shared an applicant', () => {
    expect(calibrate(rubric, [{ raterId: 5, applicantId: 9, scores: all(3) }])).toEqual([
      { raterId: 5, applicants: 1, meanTotal: 50, leniency: null, itemLeniency: { cooperation: null, listening: null, logic: null, leadership: null } },
    ]);
  });
});

describe('applicantScoresFromTotals', () => {
  it('agrees with applicantScores on the stored totals', () => {
    const rubric = defaultDiscussionRubric;
    const all = [
      { raterId: 2, applicantId: 1, scores: { cooperation: 5, listening: 4, logic: 3, leadership: 2 } },
      { raterId: 1, applicantId: 1, scores: { cooperation: 2, listening: 2, logic: 2, leadership: 2 } },
      { raterId: 1, applicantId: 3, scores: { cooperation: 1, listening: 5, logic: 1, leadership: 5 } },
    ];
    const totals = all.map((s) => ({ raterId: s.raterId, applicantId: s.applicantId, total: raterTotal(rubric, s.scores) }));
    expect(applicantScoresFromTotals(totals, 2)).toEqual(applicantScores(rubric, all, 2));
  });
});
