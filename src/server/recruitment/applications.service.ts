/**
 * The one way an application enters the pipeline, whichever the channel (public form 'online', external
 * e-application service 'csv'): validated as hostile input, checked for eligibility and attachments, stored once
 * per (campaign, submission key) with a random receipt number, linked to a former internship, audited (ids and
 * counts, never content). ADR 0018 "Intake".
 */
import { randomBytes } from 'node:crypto';
import type { Database, Tx } from '../db/client.js';
import type { Actor } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { checkEligibility } from '../../domain/recruitment/eligibility.js';
import { eligibilitySchema } from '../../domain/recruitment/recruitment-model.js';
import { formatReceiptNumber, samePerson, sniffAttachmentType, type ApplicationInput, type RecruitmentIntakeSettings } from '../../domain/recruitment/intake.js';
import type { CampaignRow } from './campaigns.repository.js';
import {
  findApplicantBySubmissionKey,
  insertApplicantIfNew,
  insertAttachments,
  listInternshipCandidates,
  setApplicantInternship,
  type AttachmentValues,
} from './applications.repository.js';

export type IntakeSource = { database: Database; municipalityId: number; actor: Actor | null; requestId: string; now: Date; today: string; actorLabel?: string };
export type Problem = { path: string; message: string };
export type PreparedApplication = { input: ApplicationInput; attachments: AttachmentValues[] };
export type Receipt = { receiptNumber: string; submittedAt: string; isNew: boolean };

const extensionFits: Record<string, RegExp> = { 'application/pdf': /\.pdf$/i, 'image/jpeg': /\.jpe?g$/i, 'image/png': /\.png$/i };

/** Eligibility and attachments of a parsed application: the problems (Japanese), or what to store. */
export function checkApplication(campaign: CampaignRow, input: ApplicationInput, settings: RecruitmentIntakeSettings): { problems: Problem[]; eligibilityReasons: string[]; prepared: PreparedApplication } {
  const problems: Problem[] = [];
  const attachments: AttachmentValues[] = [];
  const maxBytes = Math.floor(settings.attachmentMaxMb * 1024 * 1024);
  input.attachments.forEach((file, i) => {
    const content = Buffer.from(file.contentBase64, 'base64');
    const path = `attachments.${i}`;
    if (content.length === 0) problems.push({ path, message: `添付ファイル「${file.fileName}」が空です` });
    else if (content.length > maxBytes) problems.push({ path, message: `添付ファイル「${file.fileName}」は${settings.attachmentMaxMb}MB以下にしてください` });
    else {
      const type = sniffAttachmentType(content);
      if (type === null) problems.push({ path, message: `添付ファイル「${file.fileName}」はPDF・JPEG・PNGのいずれかにしてください(ファイルの中身で判定しています)` });
      else if (!extensionFits[type]!.test(file.fileName)) problems.push({ path, message: `添付ファイル「${file.fileName}」の拡張子が中身(${type})と一致しません` });
      else attachments.push({ fileName: file.fileName, contentType: type, content });
    }
  });
  const rule = eligibilitySchema.parse(campaign.eligibility);
  const result = checkEligibility({ birthDate: input.birthDate, qualifications: input.qualifications, workExperienceYears: input.workExperienceYears }, rule);
  return { problems, eligibilityReasons: result.reasons, prepared: { input, attachments } };
}

/** Throws the refusal of `checkApplication`, if any: validation problems first, then eligibility. */
export function refuseUnlessAcceptable(checked: ReturnType<typeof checkApplication>): PreparedApplication {
  if (checked.problems.length > 0) {
    throw new AppError('common.validation', '入力内容に誤りがあります。', checked.problems.map((p) => ({ path: p.path, code: 'custom', message: p.message })));
  }
  if (checked.eligibilityReasons.length > 0) {
    throw new AppError('recruitment.not-eligible', 'この試験の受験資格を満たしていないため、申し込めません。', { reasons: checked.eligibilityReasons });
  }
  return checked.prepared;
}

/**
 * Stores one prepared application in the caller's transaction, or answers the receipt of the application sent
 * before with the same submission key. A collision of the random receipt number (50 bits) is retried.
 */
export async function storeApplication(
  tx: Tx,
  src: IntakeSource,
  campaign: CampaignRow,
  prepared: PreparedApplication,
  channel: 'online' | 'csv',
  submittedAt: Date = src.now,
): Promise<Receipt> {
  const { input } = prepared;
  for (let attempt = 0; attempt < 5; attempt++) {
    const receiptNumber = formatReceiptNumber(Number(src.today.slice(0, 4)), randomBytes(10));
    const id = await insertApplicantIfNew(tx, {
      municipalityId: campaign.municipalityId,
      campaignId: campaign.id,
      receiptNumber,
      submissionKey: input.submissionKey,
      familyName: input.familyName,
      givenName: input.givenName,
      familyNameKana: input.familyNameKana,
      givenNameKana: input.givenNameKana,
      birthDate: input.birthDate,
      email: input.email,
      phone: input.phone,
      answers: { education: input.education, workExperienceYears: input.workExperienceYears, qualifications: input.qualifications, motivation: input.motivation },
      source: input.source,
      channel,
      submittedAt: submittedAt.toISOString(),
    });
    if (id === undefined) {
      const existing = await findApplicantBySubmissionKey(tx, campaign.id, input.submissionKey);
      if (existing) return { receiptNumber: existing.receiptNumber, submittedAt: existing.submittedAt, isNew: false };
      continue; // the receipt number collided: draw another
    }
    await insertAttachments(tx, campaign.municipalityId, id, prepared.attachments, src.now);
    const internshipId = await findFormerInternship(tx, campaign.municipalityId, input);
    if (internshipId !== undefined) await setApplicantInternship(tx, id, internshipId);
    await auditInTx(tx, src, {
      action: 'recruitment.application.received',
      outcome: 'succeeded',
      objectType: 'recruitment_applicant',
      objectId: id,
      details: { campaignId: campaign.id, channel, attachments: prepared.attachments.length, linkedInternship: internshipId !== undefined },
    });
    return { receiptNumber, submittedAt: submittedAt.toISOString(), isNew: true };
  }
  throw new Error('could not draw a free receipt number');
}

/** The internship of a former intern who is this applicant (same name + kana + birth date, or same e-mail). */
async function findFormerInternship(tx: Tx, municipalityId: number, input: ApplicationInput): Promise<number | undefined> {
  const candidates = await listInternshipCandidates(tx, municipalityId, { email: input.email, birthDate: input.birthDate });
  const me = { name: `${input.familyName}${input.givenName}`, kana: `${input.familyNameKana}${input.givenNameKana}`, birthDate: input.birthDate, email: input.email };
  return candidates.find((c) => samePerson(me, { name: c.studentName, kana: c.studentNameKana, birthDate: c.birthDate, email: c.email }))?.id;
}
