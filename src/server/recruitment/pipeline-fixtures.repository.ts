/**
 * Test and benchmark data for the pipeline: a campaign and applicants inserted as rows (real database data, no
 * mocks), independent of the intake's services so the pipeline can be tested on its own. Names are fictitious.
 */
import type { Executor } from '../db/client.js';
import { recruitmentApplicants, recruitmentAttachments, recruitmentCampaigns } from '../db/schema/recruitment.js';
import { defaultDiscussionRubric, defaultInterviewRubric, type Stage } from '../../domain/recruitment/recruitment-model.js';

export const fixtureStages: Stage[] = [
  { kind: 'documents', name: '書類選考', source: 'own', passRule: { kind: 'manual' }, rubric: null, ratersPerApplicant: 1 },
  { kind: 'written', name: '教養試験(テストセンター)', source: 'test-centre', passRule: { kind: 'min-score', minScore: 60 }, rubric: null, ratersPerApplicant: 1 },
  { kind: 'group-discussion', name: '集団討論', source: 'own', passRule: { kind: 'top-n', count: 2 }, rubric: defaultDiscussionRubric, ratersPerApplicant: 2 },
  { kind: 'interview', name: '個人面接', source: 'own', passRule: { kind: 'top-n', count: 1 }, rubric: defaultInterviewRubric, ratersPerApplicant: 2 },
];

export async function insertFixtureCampaign(
  exec: Executor,
  municipalityId: number,
  o: { title?: string; fiscalYear?: number; category?: string; stages?: Stage[]; maxAge?: number | null } = {},
): Promise<number> {
  const fiscalYear = o.fiscalYear ?? 2026;
  const [row] = await exec
    .insert(recruitmentCampaigns)
    .values({
      municipalityId,
      fiscalYear,
      category: o.category ?? 'general-admin',
      title: o.title ?? `令和${fiscalYear - 2018}年度 職員採用試験(大卒程度 一般行政)`,
      postsToFill: 2,
      eligibility: { ageReferenceDate: `${fiscalYear}-04-01`, minAge: 22, maxAge: o.maxAge === undefined ? 35 : o.maxAge, requiredQualifications: [], acceptsExpectedQualification: true, minWorkExperienceYears: null },
      stages: o.stages ?? fixtureStages,
      applicationOpensOn: `${fiscalYear - 1}-06-01`,
      applicationClosesOn: `${fiscalYear - 1}-07-15`,
      status: 'closed',
    })
    .returning({ id: recruitmentCampaigns.id });
  return row!.id;
}

const families = ['試験', '採用', '応募', '面接', '選考', '候補'];
const familyKana = ['シケン', 'サイヨウ', 'オウボ', 'メンセツ', 'センコウ', 'コウホ'];
const givens = ['花子', '太郎', '一郎', '桜', '健', '葵'];
const givenKana = ['ハナコ', 'タロウ', 'イチロウ', 'サクラ', 'ケン', 'アオイ'];
const sources = ['web', 'fair', 'internship', 'school', 'other'];

/** `count` applicants numbered from `from` (receipt `${prefix}-000001` …); answers their ids in receipt order. */
export async function insertFixtureApplicants(
  exec: Executor,
  municipalityId: number,
  campaignId: number,
  count: number,
  o: { prefix?: string; from?: number; familyName?: (i: number) => string; stageIndex?: number; status?: string } = {},
): Promise<number[]> {
  const ids: number[] = [];
  const from = o.from ?? 1;
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = from + start + k;
      const receipt = `${o.prefix ?? `C${campaignId}`}-${String(i).padStart(6, '0')}`;
      return {
        municipalityId,
        campaignId,
        receiptNumber: receipt,
        submissionKey: `fixture-${receipt}`,
        familyName: o.familyName ? o.familyName(i) : families[i % families.length]!,
        givenName: givens[(i * 7) % givens.length]!,
        familyNameKana: familyKana[i % familyKana.length]!,
        givenNameKana: givenKana[(i * 7) % givenKana.length]!,
        birthDate: `${1990 + (i % 14)}-0${1 + (i % 9)}-1${i % 9}`,
        email: `applicant${i}@example.invalid`,
        phone: '000-0000-0000',
        answers: { education: '架空大学 法学部', workExperienceYears: i % 5, qualifications: [], motivation: `<b>志望動機</b> ${i}` },
        source: sources[i % sources.length]!,
        channel: i % 4 === 0 ? 'csv' : 'online',
        status: o.status ?? (o.stageIndex ? 'in-progress' : 'applied'),
        stageIndex: o.stageIndex ?? 0,
        submittedAt: new Date(Date.UTC(2025, 6, 1, 0, 0, i % 3600)).toISOString(),
      };
    });
    const inserted = await exec.insert(recruitmentApplicants).values(rows).returning({ id: recruitmentApplicants.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function insertFixtureAttachment(exec: Executor, municipalityId: number, applicantId: number, fileName: string, contentType: string, content: Buffer) {
  const [row] = await exec
    .insert(recruitmentAttachments)
    .values({ municipalityId, applicantId, fileName, contentType, size: content.length, content })
    .returning({ id: recruitmentAttachments.id });
  return row!.id;
}
