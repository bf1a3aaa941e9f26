/** Test builders for recruitment intake: a campaign input and an application input (obviously fictitious people). */
import { randomUUID } from 'node:crypto';
import { defaultEligibilityFor, defaultStagesFor, type CampaignInput } from '../../domain/recruitment/intake.js';
import type { Harness, Session } from '../http/test-harness.js';

export function buildCampaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  const category = overrides.category ?? 'general-admin';
  return {
    fiscalYear: 2025,
    category,
    profession: '',
    title: '令和7年度 大卒程度(一般行政)',
    postsToFill: 5,
    eligibility: defaultEligibilityFor(category, '2026-04-01'),
    stages: defaultStagesFor(category, 5),
    applicationOpensOn: '2025-09-01',
    applicationClosesOn: '2025-10-31',
    schedule: [{ label: '第1次試験', date: '2025-11-16', note: '市役所 大会議室' }],
    description: '市の仕事に関心のある方の応募をお待ちしています。',
    faq: [{ question: '既卒でも応募できますか?', answer: '年齢要件を満たせば応募できます。' }],
    ...overrides,
  };
}

export function buildApplication(overrides: Record<string, unknown> = {}) {
  return {
    submissionKey: randomUUID(),
    familyName: '見本',
    givenName: '太郎',
    familyNameKana: 'ミホン',
    givenNameKana: 'タロウ',
    birthDate: '2002-05-10',
    email: `taro-${randomUUID().slice(0, 8)}@example.invalid`,
    phone: '027-000-0000',
    education: '架空大学 文学部 卒業見込み',
    workExperienceYears: null,
    qualifications: [],
    motivation: '地域の役に立ちたいと考えています。',
    source: 'web',
    attachments: [],
    ...overrides,
  };
}

/** Creates a campaign through the API and opens it; answers its id. */
export async function insertOpenCampaign(h: Harness, session: Session, overrides: Partial<CampaignInput> = {}): Promise<number> {
  const created = await h.callJson<{ id: number; version: number }>(session, 'POST', '/api/recruitment/campaigns', 201, buildCampaignInput(overrides));
  await h.callJson(session, 'POST', `/api/recruitment/campaigns/${created.id}/status`, 200, { status: 'open', version: created.version });
  return created.id;
}

/** The public form's rate limit raised so a test file can send many applications; `burst` lowers it again. */
export async function setIntakeSettings(h: Harness, session: Session, value: { attachmentMaxMb: number; retentionMonths: number; rateLimitBurst: number; rateLimitPerHour: number }) {
  const current = await h.callJson<{ intake: { updatedAt: string | null } }>(session, 'GET', '/api/recruitment/settings', 200);
  await h.callJson(session, 'PUT', '/api/recruitment/settings/recruitment-intake', 200, { value, updatedAt: current.intake.updatedAt });
}
