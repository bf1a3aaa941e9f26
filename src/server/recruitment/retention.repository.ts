/** SQL of the retention job: which applicants and internships are past their period, and blanking them. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { municipalities } from '../db/schema/org.js';
import { internships, recruitmentApplicants, recruitmentAttachments, recruitmentCampaigns } from '../db/schema/recruitment.js';
import { anonymisableApplicantStatuses } from '../../domain/recruitment/intake.js';

export async function listMunicipalityIds(exec: Executor): Promise<number[]> {
  return (await exec.select({ id: municipalities.id }).from(municipalities).orderBy(asc(municipalities.id))).map((r) => r.id);
}

/** Unsuccessful or withdrawn applicants of campaigns finished on or before `cutoff` (Tokyo date), not yet anonymised. */
export async function listExpiredApplicantIds(exec: Executor, municipalityId: number, cutoff: string): Promise<number[]> {
  const rows = await exec
    .select({ id: recruitmentApplicants.id })
    .from(recruitmentApplicants)
    .innerJoin(recruitmentCampaigns, eq(recruitmentCampaigns.id, recruitmentApplicants.campaignId))
    .where(
      and(
        eq(recruitmentApplicants.municipalityId, municipalityId),
        isNull(recruitmentApplicants.anonymisedAt),
        inArray(recruitmentApplicants.status, [...anonymisableApplicantStatuses]),
        eq(recruitmentCampaigns.status, 'finished'),
        sql`(${recruitmentCampaigns.updatedAt} at time zone 'Asia/Tokyo')::date <= ${cutoff}::date`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Deletes the attachments and blanks the personal fields; the receipt number, campaign, channel, source and progress stay for the statistics. */
export async function anonymiseApplicants(exec: Executor, ids: readonly number[], at: Date): Promise<{ applicants: number; attachments: number }> {
  if (ids.length === 0) return { applicants: 0, attachments: 0 };
  const deleted = await exec.delete(recruitmentAttachments).where(inArray(recruitmentAttachments.applicantId, [...ids])).returning({ id: recruitmentAttachments.id });
  const updated = await exec
    .update(recruitmentApplicants)
    .set({ familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', birthDate: null, email: '', phone: '', answers: {}, anonymisedAt: at.toISOString() })
    .where(inArray(recruitmentApplicants.id, [...ids]))
    .returning({ id: recruitmentApplicants.id });
  return { applicants: updated.length, attachments: deleted.length };
}

/** Internships that ended (done, declined, cancelled) on or before `cutoff`: the student's details are blanked. */
export async function anonymiseExpiredInternships(exec: Executor, municipalityId: number, cutoff: string, at: Date): Promise<number> {
  const rows = await exec
    .update(internships)
    .set({ studentName: '', studentNameKana: '', school: '', email: '', birthDate: null, studentFeedback: '', anonymisedAt: at.toISOString() })
    .where(
      and(
        eq(internships.municipalityId, municipalityId),
        isNull(internships.anonymisedAt),
        inArray(internships.status, ['done', 'declined', 'cancelled']),
        sql`${internships.endsOn} <= ${cutoff}::date`,
      ),
    )
    .returning({ id: internships.id });
  return rows.length;
}
