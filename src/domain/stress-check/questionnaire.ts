/**
 * 職業性ストレス簡易調査票 (57 items), the standard questionnaire of the stress check (労働安全衛生法第66条の10):
 * the item texts, the four answer options per area and the scales the items belong to (facts.md, stress check).
 * A campaign fixes the questionnaire version it was opened with, so a later text change never alters old answers.
 */

export const questionnaireVersion = 'bjsq57-2015';
export type QuestionnaireVersion = typeof questionnaireVersion;

export const stressAreas = ['A', 'B', 'C', 'D'] as const;
export type StressArea = (typeof stressAreas)[number];

export type StressItem = {
  /** running number 1–57 (A1 = 1 … D2 = 57) */
  no: number;
  area: StressArea;
  /** number inside the area (A1 … A17, B1 … B29, C1 … C9, D1 … D2) */
  areaNo: number;
  text: string;
  /** C items are asked about three kinds of person under a common question (気軽に話ができる / 頼りになる / きいてくれる) */
  prompt?: string;
};

export type StressSection = {
  area: StressArea;
  title: string;
  instruction: string;
  /** the answer labels in order; the position (1–4) is the stored answer */
  options: readonly [string, string, string, string];
};

export const stressSections: readonly StressSection[] = [
  {
    area: 'A',
    title: 'A あなたの仕事について',
    instruction: 'あなたの仕事についてうかがいます。最もあてはまるものを選んでください。',
    options: ['そうだ', 'まあそうだ', 'ややちがう', 'ちがう'],
  },
  {
    area: 'B',
    title: 'B 最近1か月間のあなたの状態について',
    instruction: '最近1か月間のあなたの状態についてうかがいます。最もあてはまるものを選んでください。',
    options: ['ほとんどなかった', 'ときどきあった', 'しばしばあった', 'ほとんどいつもあった'],
  },
  {
    area: 'C',
    title: 'C あなたの周りの方々について',
    instruction: 'あなたの周りの方々についてうかがいます。最もあてはまるものを選んでください。',
    options: ['非常に', 'かなり', '多少', '全くない'],
  },
  {
    area: 'D',
    title: 'D 満足度について',
    instruction: '満足度について、最もあてはまるものを選んでください。',
    options: ['満足', 'まあ満足', 'やや不満足', '不満足'],
  },
];

const aTexts = [
  '非常にたくさんの仕事をしなければならない',
  '時間内に仕事が処理しきれない',
  '一生懸命働かなければならない',
  'かなり注意を集中する必要がある',
  '高度の知識や技術が必要なむずかしい仕事だ',
  '勤務時間中はいつも仕事のことを考えていなければならない',
  'からだを大変よく使う仕事だ',
  '自分のペースで仕事ができる',
  '自分で仕事の順番・やり方を決めることができる',
  '職場の仕事の方針に自分の意見を反映できる',
  '自分の技能や知識を仕事で使うことが少ない',
  '私の部署内で意見のくい違いがある',
  '私の部署と他の部署とはうまが合わない',
  '私の職場の雰囲気は友好的である',
  '私の職場の作業環境(騒音、照明、温度、換気など)はよくない',
  '仕事の内容は自分にあっている',
  '働きがいのある仕事だ',
];
const bTexts = [
  '活気がわいてくる',
  '元気がいっぱいだ',
  '生き生きする',
  '怒りを感じる',
  '内心腹立たしい',
  'イライラしている',
  'ひどく疲れた',
  'へとへとだ',
  'だるい',
  '気がはりつめている',
  '不安だ',
  '落着かない',
  'ゆううつだ',
  '何をするのも面倒だ',
  '物事に集中できない',
  '気分が晴れない',
  '仕事が手につかない',
  '悲しいと感じる',
  'めまいがする',
  '体のふしぶしが痛む',
  '頭が重かったり頭痛がする',
  '首筋や肩がこる',
  '腰が痛い',
  '目が疲れる',
  '動悸や息切れがする',
  '胃腸の具合が悪い',
  '食欲がない',
  '便秘や下痢をする',
  'よく眠れない',
];
const cPrompts = [
  '次の人たちはどのくらい気軽に話ができますか?',
  'あなたが困った時、次の人たちはどのくらい頼りになりますか?',
  'あなたの個人的な問題を相談したら、次の人たちはどのくらいきいてくれますか?',
];
const cPeople = ['上司', '職場の同僚', '配偶者、家族、友人等'];
const dTexts = ['仕事に満足だ', '家庭生活に満足だ'];

function build(): StressItem[] {
  const items: StressItem[] = [];
  let no = 0;
  aTexts.forEach((text, i) => items.push({ no: ++no, area: 'A', areaNo: i + 1, text }));
  bTexts.forEach((text, i) => items.push({ no: ++no, area: 'B', areaNo: i + 1, text }));
  cPrompts.forEach((prompt, p) => cPeople.forEach((text, i) => items.push({ no: ++no, area: 'C', areaNo: p * 3 + i + 1, text, prompt })));
  dTexts.forEach((text, i) => items.push({ no: ++no, area: 'D', areaNo: i + 1, text }));
  return items;
}

/** The 57 items in running order. */
export const stressItems: readonly StressItem[] = build();
export const stressItemCount = 57;

/** Running number of an area item, e.g. runningNo('C', 1) = 47. */
export function runningNo(area: StressArea, areaNo: number): number {
  const offset = { A: 0, B: 17, C: 46, D: 55 }[area];
  return offset + areaNo;
}

export const itemsOf = (area: StressArea) => stressItems.filter((i) => i.area === area);

/**
 * Simple-sum reversal (facts.md): A1–A7, A11–A13, A15 and B1–B3 are reversed (1↔4, 2↔3) so that a higher
 * value means more stress; no C item is reversed.
 */
export const reversedItemNos: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 15, 18, 19, 20]);

/**
 * The scales of the questionnaire (the 19 of the individual result sheet), with their items in running numbers.
 * `stress` orders them for the radar chart: the stress-direction value (after the simple-sum reversal) of each
 * item, so that for every scale a higher value means more stress.
 */
export type StressScale = { key: string; area: StressArea; label: string; items: readonly number[] };

export const stressScales: readonly StressScale[] = [
  { key: 'quantitativeLoad', area: 'A', label: '心理的な仕事の負担(量)', items: [1, 2, 3] },
  { key: 'qualitativeLoad', area: 'A', label: '心理的な仕事の負担(質)', items: [4, 5, 6] },
  { key: 'physicalLoad', area: 'A', label: '自覚的な身体的負担度', items: [7] },
  { key: 'interpersonal', area: 'A', label: '職場の対人関係でのストレス', items: [12, 13, 14] },
  { key: 'environment', area: 'A', label: '職場環境によるストレス', items: [15] },
  { key: 'control', area: 'A', label: '仕事のコントロール度', items: [8, 9, 10] },
  { key: 'skillUse', area: 'A', label: '技能の活用度', items: [11] },
  { key: 'jobFit', area: 'A', label: '仕事の適性度', items: [16] },
  { key: 'rewarding', area: 'A', label: '働きがい', items: [17] },
  { key: 'vigour', area: 'B', label: '活気', items: [18, 19, 20] },
  { key: 'irritability', area: 'B', label: 'イライラ感', items: [21, 22, 23] },
  { key: 'fatigue', area: 'B', label: '疲労感', items: [24, 25, 26] },
  { key: 'anxiety', area: 'B', label: '不安感', items: [27, 28, 29] },
  { key: 'depression', area: 'B', label: '抑うつ感', items: [30, 31, 32, 33, 34, 35] },
  { key: 'somatic', area: 'B', label: '身体愁訴', items: [36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46] },
  { key: 'supervisorSupport', area: 'C', label: '上司からのサポート', items: [47, 50, 53] },
  { key: 'coworkerSupport', area: 'C', label: '同僚からのサポート', items: [48, 51, 54] },
  { key: 'familySupport', area: 'C', label: '家族・友人からのサポート', items: [49, 52, 55] },
  { key: 'satisfaction', area: 'D', label: '仕事や生活の満足度', items: [56, 57] },
];

export const areaLabels: Record<StressArea, string> = {
  A: '仕事のストレス要因',
  B: '心身のストレス反応',
  C: '周囲のサポート',
  D: '満足度',
};
