/**
 * The policy's own training catalog as default data: every course of II-4-(3) 能力向上に必要な研修, by the
 * position group it is listed under, plus the digital-talent trainings of IV-2 and the 職場研修 of III-1-(1).
 *
 * How the fields were read from the policy:
 * - co-hosts are the cities in the course's 「〜と合同」 note, exactly as written (一部 is kept in the description);
 * - 一般研修 of a position group or tenure band, and the courses of その他 whose group is a fact of the record
 *   (会計年度任用, 定年延長, 復帰後) are attended by everyone the rule matches: selection 'automatic'
 *   (III-1-(2) 職位や在籍年数によって受講する研修);
 * - the policy does not say how each 特別研修 chooses its people, only the methods in use (III-1-(2) 所属推薦,
 *   指定, 希望者): the rule says whom the course is for, and the selection is recommendation, designation or
 *   application — 派遣研修 carry the method the policy gives each one;
 * - the position groups are the career ladder of regular staff (正規, 任期付): 会計年度任用職員 and 定年延長職員
 *   have their own 一般研修 under その他, and 再任用 is not named by the policy;
 * - 管理者職員研修 and the 管理者 人事評価制度研修 cover 部長級 as well as the 参事・課長級 the policy names.
 */
import { employmentTypes, type EmploymentType, type PositionLevel } from '../org/org-model.js';
import type { Course, CourseCategory, CourseMode, CourseProvider, SelectionMethod, TargetRule, TenureBand, TrainingSituation } from './training-model.js';

const fujiokaTomioka = ['藤岡市', '富岡市'];
const tomioka = ['富岡市'];

const careerStaff: EmploymentType[] = ['regular', 'fixed_term'];
const managers: PositionLevel[] = ['director', 'manager'];
const supervisors: PositionLevel[] = ['chief', 'supervisor'];
const staffLevel: PositionLevel[] = ['staff'];
const byRecommendation: SelectionMethod[] = ['unit-recommendation', 'designation', 'application'];

type RuleParts = { positionLevels?: PositionLevel[]; tenureBands?: TenureBand[]; employmentTypes?: EmploymentType[]; situations?: TrainingSituation[] };

function rule(parts: RuleParts = {}): TargetRule {
  return {
    positionLevels: parts.positionLevels ?? [],
    tenureBands: parts.tenureBands ?? [],
    employmentTypes: parts.employmentTypes ?? [],
    situations: parts.situations ?? [],
  };
}

type CourseParts = {
  code: string;
  title: string;
  category: CourseCategory;
  targetRule: TargetRule;
  selectionMethods: SelectionMethod[];
  abilityItemIds: string[];
  description: string;
  coHosts?: string[];
  provider?: CourseProvider;
  mode?: CourseMode;
};

function course(parts: CourseParts): Course {
  return {
    code: parts.code,
    title: parts.title,
    category: parts.category,
    provider: parts.provider ?? 'internal',
    mode: parts.mode ?? 'classroom',
    coHosts: [...(parts.coHosts ?? [])],
    targetRule: parts.targetRule,
    selectionMethods: parts.selectionMethods,
    abilityItemIds: parts.abilityItemIds,
    description: parts.description,
    isActive: true,
  };
}

/** The default catalog; codes are stable identifiers (GEN = 一般, SP = 特別, SELF = 自主, DSP = 派遣, DX = IV-2, WORK = 職場). */
export const policyCatalog: Course[] = [
  // ・参事・課長級 (管理者)
  course({
    code: 'GEN-MGR',
    title: '管理者職員研修',
    category: 'general',
    coHosts: fujiokaTomioka,
    targetRule: rule({ positionLevels: managers, employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['vision', 'operations-management', 'judgement', 'leadership-development', 'leadership'],
    description: '管理者(部長級・参事・課長級)としての組織運営と人材育成。方針II-4-(3)。',
  }),
  course({
    code: 'SP-HYOKA-MGR',
    title: '人事評価制度研修',
    category: 'special',
    targetRule: rule({ positionLevels: managers, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['judgement', 'leadership-development'],
    description: '管理者向け：評価者・確認者としての人事評価制度の運用。方針II-4-(3)。',
  }),
  // ・主幹・課長補佐・係長級 (監督者)
  course({
    code: 'GEN-SUP',
    title: '監督者研修',
    category: 'general',
    coHosts: tomioka,
    targetRule: rule({ positionLevels: supervisors, employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['planning-execution', 'explanation-coordination', 'problem-solving', 'subordinate-development'],
    description: '監督者(主幹・課長補佐・係長級)としての業務管理と所属職員の指導。方針II-4-(3)。',
  }),
  course({
    code: 'SP-MENTAL-SUP',
    title: 'メンタルヘルス研修',
    category: 'special',
    coHosts: fujiokaTomioka,
    targetRule: rule({ positionLevels: supervisors, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['subordinate-development', 'cooperativeness'],
    description: '監督者向け：部下の健康への配慮(ラインケア)。方針II-4-(3)。',
  }),
  course({
    code: 'SP-HYOKA-SUP',
    title: '人事評価制度研修',
    category: 'special',
    targetRule: rule({ positionLevels: supervisors, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['judgement', 'subordinate-development'],
    description: '監督者向け：評価者としての目標設定・面談・評価。方針II-4-(3)。',
  }),
  // ・係員
  course({
    code: 'GEN-NEW',
    title: '新規採用職員研修',
    category: 'general',
    coHosts: tomioka,
    targetRule: rule({ positionLevels: staffLevel, tenureBands: ['new-hire'], employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['ethics', 'knowledge-skill', 'task-execution', 'communication'],
    description: '市職員としての責務と基礎知識。一部富岡市と合同。方針II-4-(3)。',
  }),
  course({
    code: 'GEN-2ND',
    title: '2年目職員研修',
    category: 'general',
    targetRule: rule({ positionLevels: staffLevel, tenureBands: ['second-year'], employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['knowledge-skill', 'task-execution', 'communication'],
    description: '1年目の振り返りと担当業務の知識・技能の深化。方針II-4-(3)。',
  }),
  course({
    code: 'GEN-JUNIOR',
    title: '初級職員研修',
    category: 'general',
    targetRule: rule({ positionLevels: staffLevel, tenureBands: ['junior'], employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['ethics', 'knowledge-skill', 'task-execution', 'communication'],
    description: '正確で迅速な業務遂行と住民・事業者との接点づくり。方針II-4-(3)。',
  }),
  course({
    code: 'GEN-MID',
    title: '中級職員研修',
    category: 'general',
    coHosts: fujiokaTomioka,
    targetRule: rule({ positionLevels: staffLevel, tenureBands: ['intermediate'], employmentTypes: careerStaff }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['knowledge-skill', 'task-execution', 'problem-solving', 'explanation'],
    description: '所属の中核職員として課題を把握し解決する力。方針II-4-(3)。',
  }),
  course({
    code: 'SP-SEISAKU',
    title: '政策形成能力向上研修',
    category: 'special',
    coHosts: fujiokaTomioka,
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['planning-execution', 'vision', 'problem-solving', 'data-literacy'],
    description: '現状把握・課題把握から政策の立案まで。方針II-4-(3)。',
  }),
  course({
    code: 'SP-CLAIM',
    title: 'クレーム対応研修',
    category: 'special',
    coHosts: tomioka,
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['communication', 'explanation', 'problem-solving'],
    description: '住民等からの苦情・要望への対応。方針II-4-(3)。',
  }),
  course({
    code: 'SP-HOSEI',
    title: '法制執務研修',
    category: 'special',
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['knowledge-skill', 'planning-execution'],
    description: '例規の立案・審査の基礎。方針II-4-(3)。',
  }),
  course({
    code: 'SP-HYOKA-STAFF',
    title: '人事評価制度研修',
    category: 'special',
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['ethics', 'task-execution'],
    description: '被評価者向け：目標設定・自己評価と人事評価制度の理解。方針II-4-(3)。',
  }),
  course({
    code: 'SP-BUNSHO',
    title: 'ビジネス文書研修',
    category: 'special',
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['knowledge-skill', 'explanation'],
    description: '公用文・ビジネス文書の作成。方針II-4-(3)。',
  }),
  course({
    code: 'SP-SETSUGU',
    title: '接遇マナー向上研修',
    category: 'special',
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['ethics', 'communication'],
    description: '窓口・電話での接遇。方針II-4-(3)。',
  }),
  course({
    code: 'SP-ASSERTIVE',
    title: 'アサーティブコミュニケーション研修',
    category: 'special',
    coHosts: tomioka,
    targetRule: rule({ positionLevels: staffLevel, employmentTypes: careerStaff }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['communication', 'cooperativeness'],
    description: '相手を尊重しつつ自分の考えを伝えるコミュニケーション。方針II-4-(3)。',
  }),
  // ・全職員対象
  course({
    code: 'SP-DET',
    title: 'DET（障害平等研修）',
    category: 'special',
    provider: 'external-lecturer',
    targetRule: rule({ employmentTypes: [...employmentTypes] }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['ethics', 'communication'],
    description: 'Disability Equality Training。全職員対象。方針II-4-(3)。',
  }),
  course({
    code: 'SP-GATEKEEPER',
    title: 'ゲートキーパー養成講座',
    category: 'special',
    targetRule: rule({ employmentTypes: [...employmentTypes] }),
    selectionMethods: byRecommendation,
    abilityItemIds: ['ethics', 'communication'],
    description: '悩んでいる人に気づき、声をかけ、つなぐ役割(自殺対策)。全職員対象。方針II-4-(3)。',
  }),
  // [自主研修] 全職員対象; nobody is required, so the rule is empty and people apply.
  course({
    code: 'SELF-GROUP',
    title: '自主研修グループ',
    category: 'self-directed',
    targetRule: rule(),
    selectionMethods: ['application'],
    abilityItemIds: ['knowledge-skill', 'planning-execution', 'cooperativeness'],
    description: '職員が自主的に組織する研究・学習グループ。全職員対象。方針II-4-(3)。',
  }),
  course({
    code: 'SELF-CORR',
    title: '通信教育',
    category: 'self-directed',
    provider: 'other',
    mode: 'correspondence',
    targetRule: rule(),
    selectionMethods: ['application'],
    abilityItemIds: ['knowledge-skill'],
    description: '通信教育講座の受講。全職員対象。方針II-4-(3)。',
  }),
  course({
    code: 'SELF-ELEARN',
    title: 'eラーニング',
    category: 'self-directed',
    provider: 'other',
    mode: 'e-learning',
    targetRule: rule(),
    selectionMethods: ['application'],
    abilityItemIds: ['knowledge-skill', 'data-literacy', 'digital-tools', 'digital-ethics'],
    description: 'eラーニングによる自己学習(デジタル人材の育成を含む、方針III-1-(1)・IV-2-(3))。全職員対象。方針II-4-(3)。',
  }),
  // ・その他
  course({
    code: 'GEN-FISCAL',
    title: '会計年度任用職員研修',
    category: 'general',
    targetRule: rule({ employmentTypes: ['fiscal_full', 'fiscal_part'] }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['ethics', 'knowledge-skill', 'task-execution', 'digital-ethics'],
    description: '会計年度任用職員対象：服務・個人情報保護と業務の基礎。方針II-4-(3)。',
  }),
  course({
    code: 'GEN-CAREER',
    title: 'キャリアサポート研修',
    category: 'general',
    targetRule: rule({ employmentTypes: ['extended'] }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['cooperativeness', 'subordinate-development', 'knowledge-skill'],
    description: '定年延長職員対象：役割の変化と経験・知識の継承。方針II-4-(3)。',
  }),
  course({
    code: 'SP-RYORITSU',
    title: '両立支援研修',
    category: 'special',
    coHosts: fujiokaTomioka,
    targetRule: rule({ situations: ['returning-from-leave'] }),
    selectionMethods: ['automatic'],
    abilityItemIds: ['task-execution', 'cooperativeness'],
    description: '復帰後職員研修：育児休業等からの復帰と仕事・家庭の両立。方針II-4-(3)。',
  }),
  // [特別研修（派遣研修）] with the selection method the policy gives each one
  course({
    code: 'DSP-MAYORS',
    title: '群馬県市長会職員研修会',
    category: 'dispatch',
    provider: 'mayors-association',
    targetRule: rule(),
    selectionMethods: ['designation'],
    abilityItemIds: ['knowledge-skill', 'planning-execution'],
    description: '派遣研修(指定)。方針II-4-(3)。',
  }),
  course({
    code: 'DSP-JICHIDAI',
    title: '自治大学校',
    category: 'dispatch',
    provider: 'jichi-daigakko',
    targetRule: rule(),
    selectionMethods: ['designation'],
    abilityItemIds: ['vision', 'planning-execution', 'leadership-development'],
    description: '派遣研修(指定)。方針II-4-(3)。',
  }),
  course({
    code: 'DSP-ACADEMY',
    title: '市町村職員中央研修所／市町村アカデミー',
    category: 'dispatch',
    provider: 'shichoson-academy',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation', 'designation'],
    abilityItemIds: ['knowledge-skill', 'planning-execution', 'problem-solving'],
    description: '派遣研修(所属推薦・指定)。方針II-4-(3)。',
  }),
  course({
    code: 'DSP-JIAM',
    title: '全国市町村国際文化研修所／国際文化アカデミー',
    category: 'dispatch',
    provider: 'kokusai-bunka-academy',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation', 'designation'],
    abilityItemIds: ['knowledge-skill', 'planning-execution', 'vision'],
    description: '派遣研修(所属推薦・指定)。方針II-4-(3)。',
  }),
  course({
    code: 'DSP-KENSETSU',
    title: '全国建設研修センター',
    category: 'dispatch',
    provider: 'kensetsu-centre',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation'],
    abilityItemIds: ['knowledge-skill'],
    description: '派遣研修(所属推薦)。方針II-4-(3)。',
  }),
  course({
    code: 'DSP-PREF',
    title: '群馬県自治研修センター',
    category: 'dispatch',
    provider: 'prefecture-centre',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation'],
    abilityItemIds: ['knowledge-skill', 'planning-execution'],
    description: '派遣研修(所属推薦)。方針II-4-(3)。',
  }),
  // ④ 職場研修 (III-1-(1)): named by the policy's program, no course listed — one OJT entry for the records.
  course({
    code: 'WORK-OJT',
    title: '職場研修（OJT）',
    category: 'workplace',
    mode: 'on-the-job',
    targetRule: rule(),
    selectionMethods: ['designation'],
    abilityItemIds: ['knowledge-skill', 'task-execution', 'subordinate-development'],
    description: '所属での日常業務を通じた指導・育成。方針III-1-(1)④。',
  }),
  // IV-2 デジタル人材の育成: the policy describes the trainings, not their titles; the titles are ours.
  course({
    code: 'DX-SCENARIO',
    title: 'シナリオベースDX実務研修',
    category: 'special',
    provider: 'external-lecturer',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation', 'application'],
    abilityItemIds: ['data-literacy', 'digital-tools', 'planning-execution', 'problem-solving'],
    description: 'システム導入やデータ分析のケーススタディによる実務に即した研修。方針IV-2-(1)。',
  }),
  course({
    code: 'DX-DATA',
    title: 'データリテラシー研修',
    category: 'special',
    provider: 'external-lecturer',
    targetRule: rule(),
    selectionMethods: ['unit-recommendation', 'application'],
    abilityItemIds: ['data-literacy', 'digital-tools', 'digital-ethics'],
    description: 'データの理解・分析、データ分析ツールの使い方とデータセキュリティ。方針IV-2-(4)。',
  }),
  course({
    code: 'DX-PROGRAMMING',
    title: 'プログラミング・データサイエンス基礎研修',
    category: 'special',
    provider: 'external-lecturer',
    mode: 'e-learning',
    targetRule: rule(),
    selectionMethods: ['application', 'unit-recommendation'],
    abilityItemIds: ['data-literacy', 'digital-tools'],
    description: '広く一般職員向けのプログラミング・データサイエンスの基礎。方針IV-2-(8)。',
  }),
  course({
    code: 'DX-ETHICS',
    title: 'デジタル化に伴う倫理・法律研修',
    category: 'special',
    provider: 'external-lecturer',
    mode: 'e-learning',
    targetRule: rule(),
    selectionMethods: ['designation', 'application'],
    abilityItemIds: ['digital-ethics', 'ethics'],
    description: '個人情報保護やAIの倫理的な使用など、デジタル技術に関連する法律と倫理。方針IV-2-(9)。',
  }),
];
