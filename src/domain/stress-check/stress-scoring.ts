/**
 * Scoring of one person's 57 answers (facts.md, stress check): the simple-sum method (合計点数を使う方法) with its
 * reversed items, the high-stress determination by the thresholds fixed for the campaign, the scale scores of the
 * individual result (radar chart) and the four scales of the 仕事のストレス判定図.
 *
 * The score-conversion method (素点換算表を使う方法) is deliberately NOT implemented: its sex-specific conversion
 * bands must be transcribed from the MHLW table itself (facts.md marks them "check"), and a wrong band would
 * misclassify people. `scoringMethods` therefore has one member; adding the method later is a new member plus
 * its tables, and campaigns keep the method they were opened with (ADR 0017).
 */
import { z } from 'zod';
import { reversedItemNos, stressItemCount, stressItems, stressScales, type StressArea } from './questionnaire.js';

export const scoringMethods = ['simple-sum'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];
export const scoringMethodLabels: Record<ScoringMethod, string> = { 'simple-sum': '合計点数を使う方法(単純合計)' };

/** An answer is the position (1–4) of the chosen option. */
export type AnswerValue = 1 | 2 | 3 | 4;
/** Answers by running number (1–57); partial while the person is still answering. */
export type AnswerMap = Partial<Record<number, AnswerValue>>;

/** Simple-sum thresholds (facts.md): B ≥ 77, or A+C ≥ 76 and B ≥ 63. Fixed per campaign. */
export type HighStressThresholds = { bTotalAtLeast: number; acTotalAtLeast: number; bWithAcAtLeast: number };
export const defaultThresholds: HighStressThresholds = { bTotalAtLeast: 77, acTotalAtLeast: 76, bWithAcAtLeast: 63 };

export const thresholdsSchema = z.strictObject({
  // B: 29 items → 29–116; A+C: 26 items → 26–104.
  bTotalAtLeast: z.int('整数で入力してください').min(29, '29〜116の範囲で入力してください').max(116, '29〜116の範囲で入力してください'),
  acTotalAtLeast: z.int('整数で入力してください').min(26, '26〜104の範囲で入力してください').max(104, '26〜104の範囲で入力してください'),
  bWithAcAtLeast: z.int('整数で入力してください').min(29, '29〜116の範囲で入力してください').max(116, '29〜116の範囲で入力してください'),
});

export const answerValueSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '1〜4で選んでください' });

/** The missing item numbers, in order; empty when every one of the 57 is answered with 1–4. */
export function missingItems(answers: AnswerMap): number[] {
  const missing: number[] = [];
  for (let no = 1; no <= stressItemCount; no += 1) {
    const v = answers[no];
    if (v !== 1 && v !== 2 && v !== 3 && v !== 4) missing.push(no);
  }
  return missing;
}

/** The item's value in the stress direction: reversed items turn 1↔4, 2↔3 (higher = more stress, all areas). */
export function stressValue(no: number, answer: AnswerValue): number {
  return reversedItemNos.has(no) ? 5 - answer : answer;
}

export type ScaleScore = {
  key: string;
  area: StressArea;
  label: string;
  /** sum of the stress-direction values of the scale's items */
  score: number;
  /** score per item, 1–4 (higher = more stress): the radar chart's axis value */
  perItem: number;
};

/** The 判定図 scales (facts.md), each 3–12, higher = more of it (load, control, support). */
export type JudgementScales = { quantitativeLoad: number; control: number; supervisorSupport: number; coworkerSupport: number };

export type StressScore = {
  method: ScoringMethod;
  /** simple sums after reversal: A 17–68, B 29–116, C 9–36, D 2–8 */
  areaTotals: Record<StressArea, number>;
  scales: ScaleScore[];
  judgement: JudgementScales;
  isHighStress: boolean;
  /** which condition made it: B alone, or A+C with B */
  highStressReason: 'b-total' | 'ac-and-b' | null;
};

export type ScoreOutcome = { ok: true; score: StressScore } | { ok: false; code: 'stress-check.answers-incomplete'; missing: number[] };

export function judgementScales(answers: Record<number, AnswerValue>): JudgementScales {
  const raw = (no: number) => answers[no] ?? 0;
  return {
    quantitativeLoad: 15 - (raw(1) + raw(2) + raw(3)),
    control: 15 - (raw(8) + raw(9) + raw(10)),
    supervisorSupport: 15 - (raw(47) + raw(50) + raw(53)),
    coworkerSupport: 15 - (raw(48) + raw(51) + raw(54)),
  };
}

/** High stress by the simple-sum method: B ≥ t.b, or A+C ≥ t.ac and B ≥ t.bWithAc. */
export function determineHighStress(totals: { A: number; B: number; C: number }, t: HighStressThresholds): StressScore['highStressReason'] {
  if (totals.B >= t.bTotalAtLeast) return 'b-total';
  if (totals.A + totals.C >= t.acTotalAtLeast && totals.B >= t.bWithAcAtLeast) return 'ac-and-b';
  return null;
}

/** Scores a complete answer set; an incomplete one is refused with the missing item numbers. */
export function scoreAnswers(answers: AnswerMap, method: ScoringMethod, thresholds: HighStressThresholds): ScoreOutcome {
  const missing = missingItems(answers);
  if (missing.length > 0) return { ok: false, code: 'stress-check.answers-incomplete', missing };
  const complete = answers as Record<number, AnswerValue>;
  const areaTotals: Record<StressArea, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const item of stressItems) areaTotals[item.area] += stressValue(item.no, complete[item.no]!);
  const scales = stressScales.map((s) => {
    const score = s.items.reduce((sum, no) => sum + stressValue(no, complete[no]!), 0);
    return { key: s.key, area: s.area, label: s.label, score, perItem: score / s.items.length };
  });
  // `method` has one member today; the switch keeps the compiler asking when a second one is added.
  switch (method) {
    case 'simple-sum': {
      const reason = determineHighStress(areaTotals, thresholds);
      return { ok: true, score: { method, areaTotals, scales, judgement: judgementScales(complete), isHighStress: reason !== null, highStressReason: reason } };
    }
  }
}

/**
 * Advice shown with the result (セルフケアの助言). General, non-diagnostic text: the implementer may add their own
 * in the result notice; high stress always points to the physician interview.
 */
export function adviceFor(score: StressScore, thresholds: HighStressThresholds): string[] {
  const advice: string[] = [];
  if (score.isHighStress) {
    advice.push(
      'あなたは「高ストレス者」に該当します。医師による面接指導を受けることをお勧めします。下の「面接指導を申し出る」から申し出ることができます。',
      '申出をしたこと、受けたことを理由に不利益な取扱いを受けることはありません。',
    );
  } else {
    advice.push('現在のところ、高ストレス者には該当しません。今の生活リズムや気分転換の方法を続けましょう。');
  }
  if (score.areaTotals.B >= thresholds.bWithAcAtLeast && !score.isHighStress) {
    advice.push('心身のストレス反応がやや高めです。睡眠・休養を十分にとり、気になることがあれば実施者(保健師・医師)に相談してください。');
  }
  if (score.areaTotals.A >= 45) advice.push('仕事の負担やコントロールにストレスを感じています。仕事の量や進め方について、できる範囲で上司や同僚と相談してみましょう。');
  if (score.areaTotals.C >= 27) advice.push('周囲からのサポートが少ないと感じています。困ったときに相談できる人や窓口(健康相談・産業医)を確認しておきましょう。');
  advice.push('この結果はあなた本人に通知されるものです。あなたの同意なしに職場(人事)に提供されることはありません。');
  return advice;
}
