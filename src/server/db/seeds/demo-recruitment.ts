/**
 * Demo recruitment (issue 7): this 年度's campaigns — 大卒程度(一般行政) open, 社会人経験者 open with the upper age limit
 * raised to 59 (policy III-3-(1)), 保健師 (資格職) closed and in selection — about 40 applicants at various stages
 * with obviously fictitious names (見本・試験・架空 …, @example.invalid), and 3 internships, one of whose students
 * applied later (linked). Deterministic for a seed and a date; skipped when the city already has campaigns. Scores
 * and sittings are the pipeline's (its own seeder may add them).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../client.js';
import { addDays, fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { defaultEligibilityFor, defaultStagesFor, formatReceiptNumber, type CampaignInput } from '../../../domain/recruitment/intake.js';
import { insertCampaign, findPublicMunicipality, updateCampaignIfUnchanged } from '../../recruitment/campaigns.repository.js';
import { insertApplicantIfNew } from '../../recruitment/applications.repository.js';
import { insertInternshipRequestIfNew } from '../../recruitment/internships.repository.js';
import type { DemoAreaSeeder } from './demo-areas.js';

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const families = ['見本', '試験', '架空', '例示', '仮名', '模擬', '試作', '想定'];
const givens = ['一郎', '花子', '次郎', '桜', '三郎', '葵', '四郎', '陽菜', '五郎', '結衣'];
const familyKana: Record<string, string> = { 見本: 'ミホン', 試験: 'シケン', 架空: 'カクウ', 例示: 'レイジ', 仮名: 'カメイ', 模擬: 'モギ', 試作: 'シサク', 想定: 'ソウテイ' };
const givenKana: Record<string, string> = { 一郎: 'イチロウ', 花子: 'ハナコ', 次郎: 'ジロウ', 桜: 'サクラ', 三郎: 'サブロウ', 葵: 'アオイ', 四郎: 'シロウ', 陽菜: 'ヒナ', 五郎: 'ゴロウ', 結衣: 'ユイ' };

type Plan = { status: string; stageIndex: number; outcome: string };

export const demoRecruitmentSeeder: DemoAreaSeeder = {
  label: '採用',
  async seed(database, { today, seed }) {
    const exec = database.db;
    const m = await findPublicMunicipality(exec);
    if (!m) return { campaigns: 0 } as Record<string, number>;
    const existing = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from recruitment_campaigns where municipality_id = ${m.id}`);
    if (Number(existing[0]?.n) > 0) return { campaigns: 0 } as Record<string, number>;
    const rand = prng(seed * 7 + 18);
    const fy = fiscalYearOf(today);
    const hireOn = `${fy + 1}-04-01`;
    const at = new Date(`${today}T09:00:00+09:00`);
    const campaignInputs: Array<CampaignInput & { status: string }> = [
      {
        fiscalYear: fy,
        category: 'general-admin',
        profession: '',
        title: `${fy}年度 大卒程度(一般行政)`,
        postsToFill: 8,
        eligibility: defaultEligibilityFor('general-admin', hireOn),
        stages: defaultStagesFor('general-admin', 8),
        applicationOpensOn: addDays(today, -20),
        applicationClosesOn: addDays(today, 25),
        schedule: [
          { label: '第1次試験(筆記・集団討論)', date: addDays(today, 40), note: '市役所 本庁舎' },
          { label: '第2次試験(個人面接)', date: addDays(today, 60), note: '' },
          { label: '最終合格発表', date: addDays(today, 80), note: '市ホームページに受付番号を掲載' },
        ],
        description: '市民に最も身近な行政の担い手として、自ら考え、周囲と協力して課題に取り組む人を求めています。集団討論では協調性・傾聴・論理性を見ます。',
        faq: [
          { question: '既卒でも受験できますか?', answer: '年齢要件を満たしていれば、卒業の有無や職歴は問いません。' },
          { question: '試験会場まで車で行けますか?', answer: '駐車場に限りがあるため、公共交通機関をご利用ください。' },
        ],
        status: 'open',
      },
      {
        fiscalYear: fy,
        category: 'mid-career',
        profession: '',
        title: `${fy}年度 社会人経験者(一般行政)`,
        postsToFill: 3,
        eligibility: { ...defaultEligibilityFor('mid-career', hireOn), maxAge: 59 },
        stages: defaultStagesFor('mid-career', 3),
        applicationOpensOn: addDays(today, -10),
        applicationClosesOn: addDays(today, 30),
        schedule: [{ label: '筆記試験(テストセンター)受検期間', date: addDays(today, 35), note: '全国のテストセンターで日時を選べます' }],
        description: '市外での職務経験を市の仕事に生かしてください。年齢の上限を59歳に引き上げました。筆記試験はテストセンターで受検できます。',
        faq: [{ question: '職務経験に非正規の期間は含まれますか?', answer: '週30時間以上の勤務であれば含めます。' }],
        status: 'open',
      },
      {
        fiscalYear: fy,
        category: 'licensed',
        profession: '保健師',
        title: `${fy}年度 資格職(保健師)`,
        postsToFill: 2,
        eligibility: { ...defaultEligibilityFor('licensed', hireOn), requiredQualifications: ['保健師'] },
        stages: defaultStagesFor('licensed', 2),
        applicationOpensOn: addDays(today, -60),
        applicationClosesOn: addDays(today, -30),
        schedule: [{ label: '面接試験', date: addDays(today, 10), note: '' }],
        description: '母子保健・成人保健を担う保健師を募集します。資格取得見込みの方も受験できます。',
        faq: [],
        status: 'closed',
      },
    ];
    const plans: Plan[][] = [
      // 大卒程度: 20 applicants still mostly at the start
      Array.from({ length: 20 }, (_, i): Plan => (i < 14 ? { status: 'applied', stageIndex: 0, outcome: 'waiting' } : i < 18 ? { status: 'in-progress', stageIndex: 1, outcome: 'waiting' } : { status: 'withdrawn', stageIndex: 0, outcome: 'waiting' })),
      // 社会人経験者: 12, documents reviewed for some
      Array.from({ length: 12 }, (_, i): Plan => (i < 6 ? { status: 'applied', stageIndex: 0, outcome: 'waiting' } : i < 10 ? { status: 'in-progress', stageIndex: 1, outcome: 'waiting' } : { status: 'rejected', stageIndex: 0, outcome: 'failed' })),
      // 保健師: 8, far along
      Array.from({ length: 8 }, (_, i): Plan =>
        i < 2 ? { status: 'offered', stageIndex: 4, outcome: 'waiting' } : i < 5 ? { status: 'in-progress', stageIndex: 3, outcome: 'waiting' } : { status: 'rejected', stageIndex: 1 + (i % 2), outcome: 'failed' },
      ),
    ];
    const sources = ['web', 'web', 'fair', 'school', 'web', 'other'] as const;
    let applicants = 0;
    let n = 0;
    const campaignIds: number[] = [];
    for (const [ci, input] of campaignInputs.entries()) {
      const { status, ...values } = input;
      const row = await insertCampaign(exec, m.id, values, at);
      if (status !== 'draft') await updateCampaignIfUnchanged(exec, m.id, row.id, row.version, { status }, at);
      campaignIds.push(row.id);
      const ages = input.category === 'mid-career' ? [31, 59] : input.category === 'licensed' ? [22, 40] : [22, 29];
      for (const plan of plans[ci]!) {
        n++;
        const family = families[Math.floor(rand() * families.length)]!;
        const given = givens[Math.floor(rand() * givens.length)]!;
        const age = ages[0]! + Math.floor(rand() * (ages[1]! - ages[0]!));
        const birthDate = `${fy + 1 - age - 1}-${String(4 + Math.floor(rand() * 8)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
        const random = Uint8Array.from({ length: 10 }, () => Math.floor(rand() * 256));
        const id = await insertApplicantIfNew(exec, {
          municipalityId: m.id,
          campaignId: row.id,
          receiptNumber: formatReceiptNumber(Number(today.slice(0, 4)), random),
          submissionKey: `demo-${String(n).padStart(3, '0')}`,
          familyName: family,
          givenName: given,
          familyNameKana: familyKana[family]!,
          givenNameKana: givenKana[given]!,
          birthDate,
          email: `applicant-${String(n).padStart(3, '0')}@example.invalid`,
          phone: '',
          answers: {
            education: input.category === 'licensed' ? '架空看護大学 看護学部' : '架空大学 総合政策学部',
            workExperienceYears: input.category === 'mid-career' ? 5 + Math.floor(rand() * 20) : null,
            qualifications: input.category === 'licensed' ? [{ name: '保健師', status: rand() < 0.5 ? 'held' : 'expected' }] : [],
            motivation: '(デモの架空データです)地域の暮らしを支える仕事がしたいと考えました。',
          },
          source: sources[Math.floor(rand() * sources.length)]!,
          channel: rand() < 0.2 ? 'csv' : 'online',
          submittedAt: new Date(at.getTime() - Math.floor(rand() * 15) * 86_400_000).toISOString(),
        });
        if (id !== undefined) {
          await exec.execute(sql`update recruitment_applicants set status = ${plan.status}, stage_index = ${plan.stageIndex}, stage_outcome = ${plan.outcome} where id = ${id}`);
          applicants++;
        }
      }
    }
    // 3 internships: one done last summer (the student applied to 大卒程度 — linked), one accepted, one requested.
    const interns = [
      { kind: 'internship' as const, studentName: '体験 一郎', studentNameKana: 'タイケン イチロウ', school: '架空大学', email: 'intern-01@example.invalid', birthDate: `${fy - 21}-07-07`, localTie: 'hometown' as const, startsOn: `${fy}-08-05`, endsOn: `${fy}-08-09`, status: 'done' },
      { kind: 'workplace-experience' as const, studentName: '職場 花子', studentNameKana: 'ショクバ ハナコ', school: '架空市立第一中学校', email: 'intern-02@example.invalid', birthDate: null, localTie: 'school' as const, startsOn: addDays(today, 14), endsOn: addDays(today, 16), status: 'accepted' },
      { kind: 'internship' as const, studentName: '見学 次郎', studentNameKana: 'ケンガク ジロウ', school: '架空短期大学', email: 'intern-03@example.invalid', birthDate: `${fy - 19}-01-15`, localTie: 'residence' as const, startsOn: addDays(today, 40), endsOn: addDays(today, 44), status: 'requested' },
    ];
    const [hostUnit] = await queryRows<{ unit_id: number }>(exec, sql`select unit_id from org_unit_versions where municipality_id = ${m.id} and kind = 'section' and ends_on is null order by unit_id limit 1`);
    let internships = 0;
    for (const [i, intern] of interns.entries()) {
      const { status, ...req } = intern;
      const id = await database.db.transaction((tx) => insertInternshipRequestIfNew(tx, m.id, { ...req, submissionKey: `demo-intern-${i}` }, at));
      if (id === undefined) continue;
      internships++;
      await exec.execute(
        sql`update internships set status = ${status}, host_unit_id = ${status === 'requested' ? null : (hostUnit?.unit_id ?? null)},
            student_feedback = ${status === 'done' ? '窓口で市民の方と話し、市の仕事の幅広さが分かりました。' : ''},
            host_feedback = ${status === 'done' ? '質問が多く意欲的でした。説明資料づくりも手伝ってもらいました。' : ''} where id = ${id}`,
      );
      if (status === 'done') {
        const random = Uint8Array.from({ length: 10 }, () => Math.floor(rand() * 256));
        const applicantId = await insertApplicantIfNew(exec, {
          municipalityId: m.id,
          campaignId: campaignIds[0]!,
          receiptNumber: formatReceiptNumber(Number(today.slice(0, 4)), random),
          submissionKey: 'demo-former-intern',
          familyName: '体験',
          givenName: '一郎',
          familyNameKana: 'タイケン',
          givenNameKana: 'イチロウ',
          birthDate: intern.birthDate,
          email: 'intern-01@example.invalid',
          phone: '',
          answers: { education: '架空大学 経済学部', workExperienceYears: null, qualifications: [], motivation: '(デモの架空データです)インターンで窓口業務を体験し、志望しました。' },
          source: 'internship',
          channel: 'online',
          internshipId: id,
          submittedAt: at.toISOString(),
        });
        if (applicantId !== undefined) applicants++;
      }
    }
    return { campaigns: campaignIds.length, applicants, internships } as Record<string, number>;
  },
};
