/** SQL of recruitment campaigns (採用試験) and the recruitment settings documents. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { municipalities } from '../db/schema/org.js';
import { recruitmentApplicants, recruitmentCampaigns } from '../db/schema/recruitment.js';

export type CampaignRow = typeof recruitmentCampaigns.$inferSelect;
export type CampaignValues = Omit<typeof recruitmentCampaigns.$inferInsert, 'id' | 'municipalityId' | 'version' | 'createdAt' | 'updatedAt' | 'status'>;

export async function listCampaigns(exec: Executor, municipalityId: number, q: { fiscalYear?: number; status?: string }) {
  return exec
    .select({
      campaign: recruitmentCampaigns,
      applicantCount: sql<number>`(select count(*)::int from ${recruitmentApplicants} a where a.campaign_id = "recruitment_campaigns"."id")`,
    })
    .from(recruitmentCampaigns)
    .where(
      and(
        eq(recruitmentCampaigns.municipalityId, municipalityId),
        q.fiscalYear === undefined ? undefined : eq(recruitmentCampaigns.fiscalYear, q.fiscalYear),
        q.status === undefined ? undefined : eq(recruitmentCampaigns.status, q.status),
      ),
    )
    .orderBy(desc(recruitmentCampaigns.fiscalYear), asc(recruitmentCampaigns.applicationOpensOn), asc(recruitmentCampaigns.id));
}

export async function findCampaign(exec: Executor, municipalityId: number, id: number): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .select()
    .from(recruitmentCampaigns)
    .where(and(eq(recruitmentCampaigns.municipalityId, municipalityId), eq(recruitmentCampaigns.id, id)));
  return row;
}

export async function countApplicantsOfCampaign(exec: Executor, campaignId: number): Promise<number> {
  const [row] = await exec.select({ n: sql<number>`count(*)::int` }).from(recruitmentApplicants).where(eq(recruitmentApplicants.campaignId, campaignId));
  return Number(row?.n ?? 0);
}

export async function insertCampaign(exec: Executor, municipalityId: number, values: CampaignValues, at: Date): Promise<CampaignRow> {
  const [row] = await exec
    .insert(recruitmentCampaigns)
    .values({ ...values, municipalityId, createdAt: at.toISOString(), updatedAt: at.toISOString() })
    .returning();
  return row!;
}

/** Updates when the version still matches; undefined means someone saved first. */
export async function updateCampaignIfUnchanged(
  exec: Executor,
  municipalityId: number,
  id: number,
  version: number,
  values: Partial<CampaignValues> & { status?: string },
  at: Date,
): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .update(recruitmentCampaigns)
    .set({ ...values, version: sql`${recruitmentCampaigns.version} + 1`, updatedAt: at.toISOString() })
    .where(and(eq(recruitmentCampaigns.municipalityId, municipalityId), eq(recruitmentCampaigns.id, id), eq(recruitmentCampaigns.version, version)))
    .returning();
  return row;
}

/** The municipality the public pages serve: the one with `code`, else the first (one municipality per installation). */
export async function findPublicMunicipality(exec: Executor, code?: string) {
  const [row] = await exec
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(code ? eq(municipalities.code, code) : undefined)
    .orderBy(asc(municipalities.id))
    .limit(1);
  return row;
}

export async function listOpenCampaigns(exec: Executor, municipalityId: number) {
  return exec
    .select()
    .from(recruitmentCampaigns)
    .where(and(eq(recruitmentCampaigns.municipalityId, municipalityId), eq(recruitmentCampaigns.status, 'open')))
    .orderBy(asc(recruitmentCampaigns.applicationClosesOn), asc(recruitmentCampaigns.id));
}
