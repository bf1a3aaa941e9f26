/** SQL of applications (応募) and their attachments, as they arrive from the public form or the e-application CSV. */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { internships, recruitmentApplicants, recruitmentAttachments } from '../db/schema/recruitment.js';

export type ApplicantValues = Omit<typeof recruitmentApplicants.$inferInsert, 'id' | 'version' | 'status' | 'stageIndex' | 'stageOutcome' | 'anonymisedAt'>;
export type AttachmentValues = { fileName: string; contentType: string; content: Buffer };

/**
 * Inserts the application unless one with the same (campaign, submission key) exists — or the random receipt
 * number collides — and answers the new row's id, or undefined. Concurrent sends of one key make one row: the
 * unique index decides, the loser waits for the winner's commit and does nothing.
 */
export async function insertApplicantIfNew(exec: Executor, values: ApplicantValues): Promise<number | undefined> {
  const [row] = await exec.insert(recruitmentApplicants).values(values).onConflictDoNothing().returning({ id: recruitmentApplicants.id });
  return row?.id;
}

export async function findApplicantBySubmissionKey(exec: Executor, campaignId: number, submissionKey: string) {
  const [row] = await exec
    .select({ id: recruitmentApplicants.id, receiptNumber: recruitmentApplicants.receiptNumber, submittedAt: recruitmentApplicants.submittedAt })
    .from(recruitmentApplicants)
    .where(and(eq(recruitmentApplicants.campaignId, campaignId), eq(recruitmentApplicants.submissionKey, submissionKey)));
  return row;
}

export async function listSubmissionKeys(exec: Executor, campaignId: number): Promise<Set<string>> {
  const rows = await exec.select({ key: recruitmentApplicants.submissionKey }).from(recruitmentApplicants).where(eq(recruitmentApplicants.campaignId, campaignId));
  return new Set(rows.map((r) => r.key));
}

export async function insertAttachments(exec: Executor, municipalityId: number, applicantId: number, files: readonly AttachmentValues[], at: Date): Promise<void> {
  if (files.length === 0) return;
  await exec.insert(recruitmentAttachments).values(
    files.map((f) => ({ municipalityId, applicantId, fileName: f.fileName, contentType: f.contentType, size: f.content.length, content: f.content, createdAt: at.toISOString() })),
  );
}

/** Former interns who may be this applicant: same e-mail, or same birth date (name and kana compared by the caller). */
export async function listInternshipCandidates(exec: Executor, municipalityId: number, person: { email: string; birthDate: string | null }) {
  return exec
    .select({ id: internships.id, studentName: internships.studentName, studentNameKana: internships.studentNameKana, birthDate: internships.birthDate, email: internships.email })
    .from(internships)
    .where(
      and(
        eq(internships.municipalityId, municipalityId),
        isNull(internships.anonymisedAt),
        or(sql`lower(${internships.email}) = ${person.email.trim().toLowerCase()}`, person.birthDate === null ? sql`false` : eq(internships.birthDate, person.birthDate)),
      ),
    )
    .orderBy(sql`${internships.startsOn} desc`);
}

export async function setApplicantInternship(exec: Executor, applicantId: number, internshipId: number): Promise<void> {
  await exec.update(recruitmentApplicants).set({ internshipId }).where(eq(recruitmentApplicants.id, applicantId));
}

export async function countApplicantsByChannel(exec: Executor, campaignId: number) {
  return exec
    .select({ channel: recruitmentApplicants.channel, n: sql<number>`count(*)::int` })
    .from(recruitmentApplicants)
    .where(eq(recruitmentApplicants.campaignId, campaignId))
    .groupBy(recruitmentApplicants.channel);
}
