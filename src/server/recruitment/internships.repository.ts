/** SQL of internship and workplace-experience requests (インターン・職場体験). */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { orgUnitVersions } from '../db/schema/org.js';
import { internships, recruitmentApplicants, recruitmentCampaigns } from '../db/schema/recruitment.js';
import type { InternshipRequest } from '../../domain/recruitment/intake.js';

export type InternshipRow = typeof internships.$inferSelect;

/**
 * Inserts the request unless the same student (e-mail) already asked for the same kind and dates — the table has no
 * submission key, so a transaction-scoped advisory lock per municipality makes the check and insert one step.
 */
export async function insertInternshipRequestIfNew(tx: Tx, municipalityId: number, r: InternshipRequest, at: Date): Promise<number | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${7018}::int, ${municipalityId}::int)`);
  const [existing] = await tx
    .select({ id: internships.id })
    .from(internships)
    .where(
      and(
        eq(internships.municipalityId, municipalityId),
        sql`lower(${internships.email}) = ${r.email.toLowerCase()}`,
        eq(internships.kind, r.kind),
        eq(internships.startsOn, r.startsOn),
        eq(internships.endsOn, r.endsOn),
      ),
    );
  if (existing) return undefined;
  const [row] = await tx
    .insert(internships)
    .values({
      municipalityId,
      kind: r.kind,
      studentName: r.studentName,
      studentNameKana: r.studentNameKana,
      school: r.school,
      email: r.email,
      birthDate: r.birthDate,
      localTie: r.localTie,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      createdAt: at.toISOString(),
    })
    .returning({ id: internships.id });
  return row!.id;
}

export async function listInternships(exec: Executor, municipalityId: number, today: string) {
  return exec
    .select({
      internship: internships,
      hostUnitName: sql<string | null>`(select v.name from ${orgUnitVersions} v where v.unit_id = "internships"."host_unit_id" and v.starts_on <= ${today} order by v.starts_on desc limit 1)`,
      laterApplications: sql<number>`(select count(*)::int from ${recruitmentApplicants} a where a.internship_id = "internships"."id")`,
    })
    .from(internships)
    .where(eq(internships.municipalityId, municipalityId))
    .orderBy(desc(internships.startsOn), desc(internships.id));
}

export async function findInternship(exec: Executor, municipalityId: number, id: number): Promise<InternshipRow | undefined> {
  const [row] = await exec.select().from(internships).where(and(eq(internships.municipalityId, municipalityId), eq(internships.id, id)));
  return row;
}

export async function listApplicationsOfInternship(exec: Executor, internshipId: number) {
  return exec
    .select({ applicantId: recruitmentApplicants.id, receiptNumber: recruitmentApplicants.receiptNumber, campaignTitle: recruitmentCampaigns.title, fiscalYear: recruitmentCampaigns.fiscalYear, status: recruitmentApplicants.status })
    .from(recruitmentApplicants)
    .innerJoin(recruitmentCampaigns, eq(recruitmentCampaigns.id, recruitmentApplicants.campaignId))
    .where(and(eq(recruitmentApplicants.internshipId, internshipId), isNull(recruitmentApplicants.anonymisedAt)));
}

export async function updateInternshipIfUnchanged(
  exec: Executor,
  municipalityId: number,
  id: number,
  version: number,
  values: Pick<InternshipRow, 'status' | 'hostUnitId' | 'startsOn' | 'endsOn' | 'studentFeedback' | 'hostFeedback'>,
): Promise<InternshipRow | undefined> {
  const [row] = await exec
    .update(internships)
    .set({ ...values, version: sql`${internships.version} + 1` })
    .where(and(eq(internships.municipalityId, municipalityId), eq(internships.id, id), eq(internships.version, version)))
    .returning();
  return row;
}

export async function unitExists(exec: Executor, municipalityId: number, unitId: number, today: string): Promise<boolean> {
  const rows = await exec
    .select({ id: orgUnitVersions.id })
    .from(orgUnitVersions)
    .where(and(eq(orgUnitVersions.municipalityId, municipalityId), eq(orgUnitVersions.unitId, unitId), sql`${orgUnitVersions.startsOn} <= ${today}`, sql`(${orgUnitVersions.endsOn} is null or ${orgUnitVersions.endsOn} >= ${today})`))
    .limit(1);
  return rows.length > 0;
}
