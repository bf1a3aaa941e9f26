import { describe, expect, it } from 'vitest';
import { reversedItemNos, runningNo, stressItems, stressScales, stressSections, type StressArea } from './questionnaire.js';
import { adviceFor, defaultThresholds, determineHighStress, judgementScales, missingItems, scoreAnswers, stressValue, type AnswerMap, type AnswerValue } from './stress-scoring.js';

const all = (v: AnswerValue): AnswerMap => Object.fromEntries(stressItems.map((i) => [i.no, v]));

/** Answers whose stress-direction totals per area are exactly the given sums (raw = reversed ? 5 − value : value). */
function withTotals(totals: Record<StressArea, number>): AnswerMap {
  const answers: AnswerMap = {};
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const items = stressItems.filter((i) => i.area === area);
    let left = totals[area] - items.length;
    for (const item of items) {
      const value = 1 + Math.min(3, left);
      left -= value - 1;
      answers[item.no] = (reversedItemNos.has(item.no) ? 5 - value : value) as AnswerValue;
    }
    if (left !== 0) throw new Error(`total ${totals[area]} out of range for ${area}`);
  }
  return answers;
}

describe('the questionnaire', () => {
  it('has 57 items: A 17, B 29, C 9, D 2, numbered 1–57 in order', () => {
    expect(stressItems).toHaveLength(57);
    expect(stressItems.map((i) => i.no)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    const per = (a: StressArea) => stressItems.filter((i) => i.area === a).length;
    expect([per('A'), per('B'), per('C'), per('D')]).toEqual([17, 29, 9, 2]);
    expect([runningNo('A', 1), runningNo('B', 1), runningNo('C', 1), runningNo('D', 2)]).toEqual([1, 18, 47, 57]);
  });

  it('has the standard texts and option labels at the anchors', () => {
    expect(stressItems[0]!.text).toBe('非常にたくさんの仕事をしなければならない');
    expect(stressItems[16]!.text).toBe('働きがいのある仕事だ');
    expect(stressItems[17]!.text).toBe('活気がわいてくる');
    expect(stressItems[45]!.text).toBe('よく眠れない');
    expect(stressItems.filter((i) => i.area === 'C').map((i) => i.text)).toEqual(['上司', '職場の同僚', '配偶者、家族、友人等', '上司', '職場の同僚', '配偶者、家族、友人等', '上司', '職場の同僚', '配偶者、家族、友人等']);
    expect(stressItems[56]!.text).toBe('家庭生活に満足だ');
    expect(stressSections.map((s) => s.options.join('/'))).toEqual([
      'そうだ/まあそうだ/ややちがう/ちがう',
      'ほとんどなかった/ときどきあった/しばしばあった/ほとんどいつもあった',
      '非常に/かなり/多少/全くない',
      '満足/まあ満足/やや不満足/不満足',
    ]);
  });

  it('reverses exactly A1–A7, A11–A13, A15 and B1–B3 (running 1–7, 11–13, 15, 18–20)', () => {
    expect([...reversedItemNos].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 15, 18, 19, 20]);
    expect([stressValue(1, 1), stressValue(1, 2), stressValue(1, 3), stressValue(1, 4)]).toEqual([4, 3, 2, 1]);
    expect([stressValue(8, 1), stressValue(47, 4)]).toEqual([1, 4]);
  });

  it('puts every A, B and C item in exactly one scale', () => {
    const used = stressScales.flatMap((s) => s.items).sort((a, b) => a - b);
    expect(used).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
  });
});

describe('simple-sum scoring (hand-computed)', () => {
  it.each([
    // all "1": A = 11 reversed × 4 + 6 × 1 = 50; B = 3 × 4 + 26 × 1 = 38; C = 9; D = 2
    ['all 1', all(1), { A: 50, B: 38, C: 9, D: 2 }, null],
    // all "4": A = 11 × 1 + 6 × 4 = 35; B = 3 × 1 + 26 × 4 = 107; C = 36; D = 8 → B ≥ 77
    ['all 4', all(4), { A: 35, B: 107, C: 36, D: 8 }, 'b-total'],
  ] as const)('%s', (_, answers, totals, reason) => {
    const out = scoreAnswers(answers, 'simple-sum', defaultThresholds);
    if (!out.ok) throw new Error('incomplete');
    expect(out.score.areaTotals).toEqual(totals);
    expect(out.score.highStressReason).toBe(reason);
    expect(out.score.isHighStress).toBe(reason !== null);
  });

  it.each([
    [{ A: 17, B: 77, C: 9, D: 2 }, 'b-total'], // B exactly 77
    [{ A: 17, B: 76, C: 9, D: 2 }, null], // one below
    [{ A: 50, B: 63, C: 26, D: 2 }, 'ac-and-b'], // A+C exactly 76 and B exactly 63
    [{ A: 50, B: 62, C: 26, D: 2 }, null], // B one below 63
    [{ A: 49, B: 63, C: 26, D: 2 }, null], // A+C 75
    [{ A: 68, B: 76, C: 36, D: 8 }, 'ac-and-b'], // maximal A+C, B under 77
    [{ A: 68, B: 116, C: 36, D: 8 }, 'b-total'], // both hold: B alone is reported
  ] as const)('totals %o → %s', (totals, reason) => {
    const out = scoreAnswers(withTotals(totals), 'simple-sum', defaultThresholds);
    if (!out.ok) throw new Error('incomplete');
    expect(out.score.areaTotals).toEqual(totals);
    expect(out.score.highStressReason).toBe(reason);
  });

  it('uses the thresholds fixed for the campaign', () => {
    const t = { bTotalAtLeast: 80, acTotalAtLeast: 70, bWithAcAtLeast: 60 };
    expect(determineHighStress({ A: 40, B: 79, C: 29 }, t)).toBe(null); // A+C 69
    expect(determineHighStress({ A: 40, B: 60, C: 30 }, t)).toBe('ac-and-b');
    expect(determineHighStress({ A: 17, B: 80, C: 9 }, t)).toBe('b-total');
    expect(determineHighStress({ A: 17, B: 79, C: 9 }, defaultThresholds)).toBe('b-total');
  });

  it('refuses an incomplete or out-of-range answer set with the missing items', () => {
    const answers = all(2);
    delete answers[5];
    (answers as Record<number, number>)[57] = 5;
    expect(missingItems(answers)).toEqual([5, 57]);
    expect(scoreAnswers(answers, 'simple-sum', defaultThresholds)).toEqual({ ok: false, code: 'stress-check.answers-incomplete', missing: [5, 57] });
  });

  it('scale scores: sum and per-item value in the stress direction', () => {
    const out = scoreAnswers(all(1), 'simple-sum', defaultThresholds);
    if (!out.ok) throw new Error('incomplete');
    const by = Object.fromEntries(out.score.scales.map((s) => [s.key, s]));
    expect(by.quantitativeLoad).toMatchObject({ score: 12, perItem: 4 }); // A1–A3 reversed
    expect(by.control).toMatchObject({ score: 3, perItem: 1 });
    expect(by.interpersonal).toMatchObject({ score: 9, perItem: 3 }); // A12, A13 reversed (4+4), A14 (1)
    expect(by.vigour).toMatchObject({ score: 12, perItem: 4 });
    expect(by.somatic).toMatchObject({ score: 11, perItem: 1 });
  });
});

describe('判定図 scales', () => {
  it.each([
    [all(1), { quantitativeLoad: 12, control: 12, supervisorSupport: 12, coworkerSupport: 12 }],
    [all(4), { quantitativeLoad: 3, control: 3, supervisorSupport: 3, coworkerSupport: 3 }],
    // 量 = 15 − (1+2+3) = 9; コ = 15 − (4+4+4) = 3; 上司 = 15 − (C1 1 + C4 2 + C7 1) = 11; 同僚 = 15 − (2+2+2) = 9
    [{ ...all(4), 1: 1, 2: 2, 3: 3, 47: 1, 50: 2, 53: 1, 48: 2, 51: 2, 54: 2 }, { quantitativeLoad: 9, control: 3, supervisorSupport: 11, coworkerSupport: 9 }],
  ] as const)('%#', (answers, expected) => {
    expect(judgementScales(answers as Record<number, AnswerValue>)).toEqual(expected);
  });
});

describe('advice', () => {
  it('points a high-stress person to the interview and always says consent is theirs', () => {
    const out = scoreAnswers(all(4), 'simple-sum', defaultThresholds);
    if (!out.ok) throw new Error('incomplete');
    const text = adviceFor(out.score, defaultThresholds).join('\n');
    expect(text).toContain('面接指導');
    expect(text).toContain('同意なしに');
  });
});
