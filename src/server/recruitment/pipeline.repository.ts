/**
 * SQL of the recruitment pipeline (issue 7 items 3–4): applicants per stage, sittings with their applicants and
 * raters, scores, decisions, notices and the funnel's raw rows. No permission or business decisions here.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '../db/client.js';
import {
  internships,
  recruitmentApplicants,
  recruitmentAttachments,
  recruitmentCampaigns,
  recruitmentDecisions,
  recruitmentNotices,
  recruitmentSittingApplicants,
  recruitmentSittingRaters,
  recruitmentSittings,
} from '../db/schema/recruitment.js';
import { staff } from '../db/schema/org.js';

const iso = (col: SQL | unknown) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const open = sql`('applied','in-progress')`;

export type CampaignRow = {
  id: number;
  title: string;
  fiscalYear: number;
  category: string;
  status: string;
  postsToFill: number;
  stages: unknown;
  eligibility: unknown;
};

export async function findCampaign(exec: Executor, municipalityId: number, id: number): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .select({
      id: recruitmentCampaigns.id,
      title: recruitmentCampaigns.title,
      fiscalYear: recruitmentCampaigns.fiscalYear,
      category: recruitmentCampaigns.category,
      status: recruitmentCampaigns.status,
      postsToFill: recruitmentCampaigns.postsToFill,
      stages: recruitmentCampaigns.stages,
      eligibility: recruitmentCampaigns.eligibility,
    })
    .from(recruitmentCampaigns)
    .where(and(eq(recruitmentCampaigns.municipalityId, municipalityId), eq(recruitmentCampaigns.id, id)));
  return row;
}

export async function listCampaignsWithCounts(exec: Executor, municipalityId: number, filter: { fiscalYear?: number; category?: string } = {}) {
  const rows = await queryRows<CampaignRow & { applicants: number }>(
    exec,
    sql`select c.id, c.title, c.fiscal_year as "fiscalYear", c.category, c.status, c.posts_to_fill as "postsToFill", c.stages, c.eligibility,
          (select count(*)::int from recruitment_applicants a where a.campaign_id = c.id) as applicants
        from recruitment_campaigns c
        where c.municipality_id = ${municipalityId}
          ${filter.fiscalYear === undefined ? sql`` : sql`and c.fiscal_year = ${filter.fiscalYear}`}
          ${filter.category === undefined ? sql`` : sql`and c.category = ${filter.category}`}
        order by c.fiscal_year desc, c.id desc`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), applicants: Number(r.applicants) }));
}

export async function countApplicantsByProgress(exec: Executor, campaignId: number) {
  const rows = await queryRows<{ stageIndex: number; stageOutcome: string; status: string; n: number }>(
    exec,
    sql`select stage_index as "stageIndex", stage_outcome as "stageOutcome", status, count(*)::int as n
        from recruitment_applicants where campaign_id = ${campaignId}
        group by stage_index, stage_outcome, status`,
  );
  return rows.map((r) => ({ ...r, stageIndex: Number(r.stageIndex), n: Number(r.n) }));
}

export type ApplicantFilter = {
  stageIndex?: number;
  outcome?: 'waiting' | 'passed' | 'failed' | 'absent';
  status?: string;
  /** lower-cased receipt-number fragment */
  receiptLike?: string;
  /** normalised (katakana, no spaces) reading fragment */
  kanaLike?: string;
};

function applicantConditions(campaignId: number, f: ApplicantFilter): SQL {
  const c: SQL[] = [sql`a.campaign_id = ${campaignId}`];
  if (f.stageIndex !== undefined) {
    if (f.outcome === 'passed') c.push(sql`a.stage_index > ${f.stageIndex}`);
    else c.push(sql`a.stage_index = ${f.stageIndex}`);
  }
  if (f.outcome === 'waiting') c.push(sql`a.stage_outcome = 'waiting' and a.status in ${open}`);
  else if (f.outcome === 'failed' || f.outcome === 'absent') c.push(sql`a.stage_outcome = ${f.outcome}`);
  else if (f.outcome === 'passed' && f.stageIndex === undefined) c.push(sql`a.stage_index > 0`);
  if (f.status !== undefined) c.push(sql`a.status = ${f.status}`);
  if (f.receiptLike !== undefined || f.kanaLike !== undefined) {
    const parts: SQL[] = [];
    if (f.receiptLike !== undefined) parts.push(sql`lower(a.receipt_number) like ${f.receiptLike} escape '\\'`);
    if (f.kanaLike !== undefined) parts.push(sql`replace(a.family_name_kana || a.given_name_kana, ' ', '') like ${f.kanaLike} escape '\\'`);
    c.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  return sql.join(c, sql` and `);
}

export type ApplicantListRow = {
  id: number;
  receiptNumber: string;
  name: string;
  kana: string;
  status: string;
  stageIndex: number;
  stageOutcome: string;
  source: string;
  channel: string;
  submittedAt: string;
  version: number;
};

const applicantListColumns = sql`a.id, a.receipt_number as "receiptNumber", trim(a.family_name || ' ' || a.given_name) as name,
  trim(a.family_name_kana || ' ' || a.given_name_kana) as kana, a.status, a.stage_index as "stageIndex", a.stage_outcome as "stageOutcome",
  a.source, a.channel, ${iso(sql`a.submitted_at`)} as "submittedAt", a.version`;

const toListRow = (r: ApplicantListRow): ApplicantListRow => ({ ...r, id: Number(r.id), stageIndex: Number(r.stageIndex), version: Number(r.version) });

export async function listApplicants(exec: Executor, campaignId: number, f: ApplicantFilter, page: { limit: number; offset: number }) {
  const where = applicantConditions(campaignId, f);
  const [rows, [count]] = await Promise.all([
    queryRows<ApplicantListRow>(exec, sql`select ${applicantListColumns} from recruitment_applicants a where ${where} order by a.receipt_number, a.id limit ${page.limit} offset ${page.offset}`),
    queryRows<{ n: number }>(exec, sql`select count(*)::int as n from recruitment_applicants a where ${where}`),
  ]);
  return { rows: rows.map(toListRow), total: Number(count?.n ?? 0) };
}

/** Every applicant of the filter (exports), in receipt order. */
export async function listAllApplicants(exec: Executor, campaignId: number, f: ApplicantFilter) {
  const rows = await queryRows<ApplicantListRow & { birthDate: string | null; email: string; phone: string }>(
    exec,
    sql`select ${applicantListColumns}, a.birth_date as "birthDate", a.email, a.phone from recruitment_applicants a where ${applicantConditions(campaignId, f)} order by a.receipt_number, a.id`,
  );
  return rows.map((r) => ({ ...toListRow(r), birthDate: r.birthDate, email: r.email, phone: r.phone }));
}

export async function findApplicant(exec: Executor, municipalityId: number, id: number) {
  const [row] = await exec
    .select()
    .from(recruitmentApplicants)
    .where(and(eq(recruitmentApplicants.municipalityId, municipalityId), eq(recruitmentApplicants.id, id)));
  return row;
}

export async function listApplicantsByIds(exec: Executor, municipalityId: number, ids: readonly number[], forUpdate = false) {
  if (ids.length === 0) return [];
  const q = exec
    .select()
    .from(recruitmentApplicants)
    .where(and(eq(recruitmentApplicants.municipalityId, municipalityId), inArray(recruitmentApplicants.id, [...ids])))
    .orderBy(recruitmentApplicants.id);
  return forUpdate ? q.for('update') : q;
}

export async function findInternship(exec: Executor, municipalityId: number, id: number) {
  const [row] = await exec
    .select({ id: internships.id, kind: internships.kind, school: internships.school, startsOn: internships.startsOn, endsOn: internships.endsOn, status: internships.status })
    .from(internships)
    .where(and(eq(internships.municipalityId, municipalityId), eq(internships.id, id)));
  return row;
}

export async function listAttachments(exec: Executor, applicantId: number) {
  return exec
    .select({ id: recruitmentAttachments.id, fileName: recruitmentAttachments.fileName, contentType: recruitmentAttachments.contentType, size: recruitmentAttachments.size })
    .from(recruitmentAttachments)
    .where(eq(recruitmentAttachments.applicantId, applicantId))
    .orderBy(recruitmentAttachments.id);
}

export async function findAttachment(exec: Executor, municipalityId: number, applicantId: number, id: number) {
  const [row] = await exec
    .select({ id: recruitmentAttachments.id, fileName: recruitmentAttachments.fileName, contentType: recruitmentAttachments.contentType, content: recruitmentAttachments.content })
    .from(recruitmentAttachments)
    .where(and(eq(recruitmentAttachments.municipalityId, municipalityId), eq(recruitmentAttachments.applicantId, applicantId), eq(recruitmentAttachments.id, id)));
  return row;
}

export async function listDecisions(exec: Executor, applicantId: number) {
  return exec
    .select({
      id: recruitmentDecisions.id,
      stageIndex: recruitmentDecisions.stageIndex,
      action: recruitmentDecisions.action,
      outcome: recruitmentDecisions.outcome,
      reason: recruitmentDecisions.reason,
      decidedAt: recruitmentDecisions.decidedAt,
    })
    .from(recruitmentDecisions)
    .where(eq(recruitmentDecisions.applicantId, applicantId))
    .orderBy(recruitmentDecisions.decidedAt, recruitmentDecisions.id);
}

export async function listNotices(exec: Executor, applicantId: number) {
  return exec
    .select({
      id: recruitmentNotices.id,
      template: recruitmentNotices.template,
      subject: recruitmentNotices.subject,
      delivery: recruitmentNotices.delivery,
      createdAt: recruitmentNotices.createdAt,
      sentAt: recruitmentNotices.sentAt,
    })
    .from(recruitmentNotices)
    .where(eq(recruitmentNotices.applicantId, applicantId))
    .orderBy(recruitmentNotices.id);
}

export async function findNotice(exec: Executor, municipalityId: number, applicantId: number, id: number) {
  const [row] = await exec
    .select({ id: recruitmentNotices.id, subject: recruitmentNotices.subject, body: recruitmentNotices.body, delivery: recruitmentNotices.delivery })
    .from(recruitmentNotices)
    .where(and(eq(recruitmentNotices.municipalityId, municipalityId), eq(recruitmentNotices.applicantId, applicantId), eq(recruitmentNotices.id, id)));
  return row;
}

export async function listScoresOfApplicant(exec: Executor, applicantId: number) {
  const rows = await queryRows<{ stageIndex: number; raterStaffId: number | null; raterName: string | null; total: number }>(
    exec,
    sql`select s.stage_index as "stageIndex", s.rater_staff_id as "raterStaffId",
          case when st.id is null then null else st.family_name || ' ' || st.given_name end as "raterName", s.total
        from recruitment_scores s left join staff st on st.id = s.rater_staff_id
        where s.applicant_id = ${applicantId} order by s.stage_index, s.rater_staff_id nulls first`,
  );
  return rows.map((r) => ({ ...r, stageIndex: Number(r.stageIndex), raterStaffId: r.raterStaffId === null ? null : Number(r.raterStaffId), total: Number(r.total) }));
}

/** Moves an applicant on if their version is still `version`; answers false when someone else changed them. */
export async function updateApplicantProgress(
  tx: Tx,
  id: number,
  version: number,
  next: { status: string; stageIndex: number; stageOutcome: string },
): Promise<boolean> {
  const rows = await tx
    .update(recruitmentApplicants)
    .set({ status: next.status, stageIndex: next.stageIndex, stageOutcome: next.stageOutcome, version: sql`${recruitmentApplicants.version} + 1` })
    .where(and(eq(recruitmentApplicants.id, id), eq(recruitmentApplicants.version, version)))
    .returning({ id: recruitmentApplicants.id });
  return rows.length === 1;
}

export type DecisionInsert = typeof recruitmentDecisions.$inferInsert;
export async function insertDecisions(tx: Tx, rows: readonly DecisionInsert[]) {
  if (rows.length > 0) await tx.insert(recruitmentDecisions).values([...rows]);
}

// ------------------------------------------------------------------------------------------------
// Sittings

export type SittingRow = typeof recruitmentSittings.$inferSelect;

export async function insertSittings(tx: Executor, rows: ReadonlyArray<typeof recruitmentSittings.$inferInsert>): Promise<SittingRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(recruitmentSittings).values([...rows]).returning();
}

export async function findSitting(exec: Executor, municipalityId: number, id: number): Promise<SittingRow | undefined> {
  const [row] = await exec
    .select()
    .from(recruitmentSittings)
    .where(and(eq(recruitmentSittings.municipalityId, municipalityId), eq(recruitmentSittings.id, id)));
  return row;
}

export async function updateSitting(
  tx: Executor,
  id: number,
  version: number,
  set: Partial<Pick<SittingRow, 'startsAt' | 'room' | 'groupLabel' | 'capacity'>>,
): Promise<boolean> {
  const rows = await tx
    .update(recruitmentSittings)
    .set({ ...set, version: sql`${recruitmentSittings.version} + 1` })
    .where(and(eq(recruitmentSittings.id, id), eq(recruitmentSittings.version, version)))
    .returning({ id: recruitmentSittings.id });
  return rows.length === 1;
}

export async function listSittings(exec: Executor, campaignId: number, stageIndex?: number) {
  return exec
    .select()
    .from(recruitmentSittings)
    .where(and(eq(recruitmentSittings.campaignId, campaignId), stageIndex === undefined ? undefined : eq(recruitmentSittings.stageIndex, stageIndex)))
    .orderBy(recruitmentSittings.stageIndex, recruitmentSittings.startsAt, recruitmentSittings.id);
}

export async function listSittingApplicants(exec: Executor, sittingIds: readonly number[]) {
  if (sittingIds.length === 0) return [];
  const rows = await queryRows<{ sittingId: number; id: number; receiptNumber: string; name: string; isAbsent: boolean }>(
    exec,
    sql`select sa.sitting_id as "sittingId", a.id, a.receipt_number as "receiptNumber", trim(a.family_name || ' ' || a.given_name) as name, sa.is_absent as "isAbsent"
        from recruitment_sitting_applicants sa join recruitment_applicants a on a.id = sa.applicant_id
        where sa.sitting_id in (${list(sittingIds)}) order by a.receipt_number`,
  );
  return rows.map((r) => ({ ...r, sittingId: Number(r.sittingId), id: Number(r.id) }));
}

export async function listSittingRaters(exec: Executor, sittingIds: readonly number[]) {
  if (sittingIds.length === 0) return [];
  const rows = await queryRows<{ sittingId: number; staffId: number; name: string }>(
    exec,
    sql`select r.sitting_id as "sittingId", r.rater_staff_id as "staffId", st.family_name || ' ' || st.given_name as name
        from recruitment_sitting_raters r join staff st on st.id = r.rater_staff_id
        where r.sitting_id in (${list(sittingIds)}) order by st.employee_number`,
  );
  return rows.map((r) => ({ ...r, sittingId: Number(r.sittingId), staffId: Number(r.staffId) }));
}

export async function replaceSittingRaters(tx: Tx, municipalityId: number, sittingId: number, staffIds: readonly number[]) {
  await tx.delete(recruitmentSittingRaters).where(eq(recruitmentSittingRaters.sittingId, sittingId));
  if (staffIds.length > 0) await tx.insert(recruitmentSittingRaters).values(staffIds.map((raterStaffId) => ({ municipalityId, sittingId, raterStaffId })));
}

export async function replaceSittingApplicants(tx: Tx, municipalityId: number, sittingId: number, applicantIds: readonly number[]) {
  // Absence marks of applicants who stay are kept.
  const kept = applicantIds.length === 0 ? sql`true` : sql`${recruitmentSittingApplicants.applicantId} not in (${list(applicantIds)})`;
  await tx.delete(recruitmentSittingApplicants).where(and(eq(recruitmentSittingApplicants.sittingId, sittingId), kept));
  if (applicantIds.length > 0) {
    await tx
      .insert(recruitmentSittingApplicants)
      .values(applicantIds.map((applicantId) => ({ municipalityId, sittingId, applicantId })))
      .onConflictDoNothing();
  }
}

export async function insertSittingApplicants(tx: Tx, rows: ReadonlyArray<{ municipalityId: number; sittingId: number; applicantId: number }>) {
  if (rows.length > 0) await tx.insert(recruitmentSittingApplicants).values([...rows]);
}

/** The applicant's seat from one sitting to another (the absence mark stays behind); false if they were not in it. */
export async function moveSittingApplicant(tx: Tx, fromSittingId: number, toSittingId: number, applicantId: number): Promise<boolean> {
  const rows = await tx
    .update(recruitmentSittingApplicants)
    .set({ sittingId: toSittingId, isAbsent: false })
    .where(and(eq(recruitmentSittingApplicants.sittingId, fromSittingId), eq(recruitmentSittingApplicants.applicantId, applicantId)))
    .returning({ id: recruitmentSittingApplicants.id });
  return rows.length === 1;
}

export async function setAbsence(exec: Executor, sittingId: number, applicantId: number, isAbsent: boolean): Promise<boolean> {
  const rows = await exec
    .update(recruitmentSittingApplicants)
    .set({ isAbsent })
    .where(and(eq(recruitmentSittingApplicants.sittingId, sittingId), eq(recruitmentSittingApplicants.applicantId, applicantId)))
    .returning({ id: recruitmentSittingApplicants.id });
  return rows.length === 1;
}

/** Applicants of another sitting of the same stage (an applicant sits once per stage). */
export async function listApplicantsInOtherSittings(exec: Executor, campaignId: number, stageIndex: number, sittingId: number, applicantIds: readonly number[]) {
  if (applicantIds.length === 0) return [];
  const rows = await queryRows<{ applicantId: number }>(
    exec,
    sql`select sa.applicant_id as "applicantId" from recruitment_sitting_applicants sa join recruitment_sittings s on s.id = sa.sitting_id
        where s.campaign_id = ${campaignId} and s.stage_index = ${stageIndex} and s.id <> ${sittingId} and sa.applicant_id in (${list(applicantIds)})`,
  );
  return rows.map((r) => Number(r.applicantId));
}

/** The waiting applicants of a stage who are in none of its sittings, in receipt order. */
export async function listUnassignedWaiting(exec: Executor, campaignId: number, stageIndex: number) {
  const rows = await queryRows<{ id: number }>(
    exec,
    sql`select a.id from recruitment_applicants a
        where a.campaign_id = ${campaignId} and a.stage_index = ${stageIndex} and a.stage_outcome = 'waiting' and a.status in ${open}
          and not exists (select 1 from recruitment_sitting_applicants sa join recruitment_sittings s on s.id = sa.sitting_id
                          where sa.applicant_id = a.id and s.stage_index = ${stageIndex})
        order by a.receipt_number, a.id`,
  );
  return rows.map((r) => Number(r.id));
}

// ------------------------------------------------------------------------------------------------
// Scores and stage candidates

export type StageCandidateRow = { id: number; receiptNumber: string; name: string; version: number; isAbsent: boolean };

/** The applicants waiting for a decision at the stage, with whether a sitting marked them absent. */
export async function listStageCandidates(exec: Executor, campaignId: number, stageIndex: number): Promise<StageCandidateRow[]> {
  const rows = await queryRows<StageCandidateRow>(
    exec,
    sql`select a.id, a.receipt_number as "receiptNumber", trim(a.family_name || ' ' || a.given_name) as name, a.version, ab.applicant_id is not null as "isAbsent"
        from recruitment_applicants a
          left join (select distinct sa.applicant_id from recruitment_sitting_applicants sa join recruitment_sittings s on s.id = sa.sitting_id
                     where s.campaign_id = ${campaignId} and s.stage_index = ${stageIndex} and sa.is_absent) ab on ab.applicant_id = a.id
        where a.campaign_id = ${campaignId} and a.stage_index = ${stageIndex} and a.stage_outcome = 'waiting' and a.status in ${open}
        order by a.id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), version: Number(r.version), isAbsent: Boolean(r.isAbsent) }));
}

export type ScoreRow = { applicantId: number; raterStaffId: number | null; scores: Record<string, number> | null; total: number };

/** Scores at the stage of the campaign's applicants (waiting ones only when `waitingOnly`). */
export async function listStageScores(exec: Executor, campaignId: number, stageIndex: number, waitingOnly: boolean, withItems = true): Promise<ScoreRow[]> {
  const rows = await queryRows<ScoreRow>(
    exec,
    sql`select s.applicant_id as "applicantId", s.rater_staff_id as "raterStaffId", ${withItems ? sql`s.scores` : sql`null as scores`}, s.total
        from recruitment_scores s join recruitment_applicants a on a.id = s.applicant_id
        where a.campaign_id = ${campaignId} and s.stage_index = ${stageIndex}
          ${waitingOnly ? sql`and a.stage_index = ${stageIndex} and a.stage_outcome = 'waiting' and a.status in ${open}` : sql``}`,
  );
  return rows.map((r) => ({ ...r, applicantId: Number(r.applicantId), raterStaffId: r.raterStaffId === null ? null : Number(r.raterStaffId), total: Number(r.total) }));
}

export async function upsertRaterScore(
  exec: Executor,
  row: { municipalityId: number; applicantId: number; stageIndex: number; raterStaffId: number; scores: Record<string, number>; total: number; comment: string; now: Date },
) {
  await exec.execute(
    sql`insert into recruitment_scores (municipality_id, applicant_id, stage_index, rater_staff_id, scores, total, comment, updated_at)
        values (${row.municipalityId}, ${row.applicantId}, ${row.stageIndex}, ${row.raterStaffId}, ${JSON.stringify(row.scores)}::jsonb, ${row.total}, ${row.comment}, ${row.now.toISOString()})
        on conflict (applicant_id, stage_index, rater_staff_id) where rater_staff_id is not null
        do update set scores = excluded.scores, total = excluded.total, comment = excluded.comment, updated_at = excluded.updated_at`,
  );
}

export async function upsertSingleScores(tx: Tx, municipalityId: number, stageIndex: number, rows: ReadonlyArray<{ applicantId: number; total: number }>, now: Date) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx.execute(
      sql`insert into recruitment_scores (municipality_id, applicant_id, stage_index, rater_staff_id, scores, total, updated_at)
          values ${sql.join(
            chunk.map((r) => sql`(${municipalityId}, ${r.applicantId}, ${stageIndex}, null, null, ${r.total}, ${now.toISOString()})`),
            sql`, `,
          )}
          on conflict (applicant_id, stage_index) where rater_staff_id is null
          do update set total = excluded.total, updated_at = excluded.updated_at`,
    );
  }
}

export async function listApplicantsByReceipt(exec: Executor, campaignId: number, receipts: readonly string[]) {
  if (receipts.length === 0) return [];
  const rows = await queryRows<{ id: number; receiptNumber: string; stageIndex: number; stageOutcome: string; status: string }>(
    exec,
    sql`select id, receipt_number as "receiptNumber", stage_index as "stageIndex", stage_outcome as "stageOutcome", status
        from recruitment_applicants where campaign_id = ${campaignId} and receipt_number in (${list(receipts)})`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), stageIndex: Number(r.stageIndex) }));
}

// ------------------------------------------------------------------------------------------------
// Raters

/** The sittings the staff member rates (the 'sitting-rater' relation: campaigns not finished), with counts. */
export async function listRaterSittings(exec: Executor, municipalityId: number, staffId: number) {
  const rows = await queryRows<{
    id: number;
    campaignId: number;
    campaignTitle: string;
    stages: unknown;
    stageIndex: number;
    startsAt: string;
    room: string;
    groupLabel: string;
    applicants: number;
    scoredByMe: number;
  }>(
    exec,
    sql`select s.id, s.campaign_id as "campaignId", c.title as "campaignTitle", c.stages, s.stage_index as "stageIndex", ${iso(sql`s.starts_at`)} as "startsAt",
          s.room, s.group_label as "groupLabel",
          (select count(*)::int from recruitment_sitting_applicants sa where sa.sitting_id = s.id) as applicants,
          (select count(*)::int from recruitment_sitting_applicants sa join recruitment_scores sc
             on sc.applicant_id = sa.applicant_id and sc.stage_index = s.stage_index and sc.rater_staff_id = ${staffId}
           where sa.sitting_id = s.id) as "scoredByMe"
        from recruitment_sitting_raters r join recruitment_sittings s on s.id = r.sitting_id join recruitment_campaigns c on c.id = s.campaign_id
        where r.rater_staff_id = ${staffId} and s.municipality_id = ${municipalityId} and c.status <> 'finished'
        order by s.starts_at desc, s.id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), campaignId: Number(r.campaignId), stageIndex: Number(r.stageIndex), applicants: Number(r.applicants), scoredByMe: Number(r.scoredByMe) }));
}

/** A sitting's applicants as a rater sees them: name, receipt number, group — and only the rater's own scores. */
export async function listRaterSittingApplicants(exec: Executor, sittingId: number, stageIndex: number, staffId: number) {
  const rows = await queryRows<{
    applicantId: number;
    receiptNumber: string;
    name: string;
    isAbsent: boolean;
    status: string;
    stageIndex: number;
    stageOutcome: string;
    scores: Record<string, number> | null;
    comment: string | null;
    total: number | null;
  }>(
    exec,
    sql`select a.id as "applicantId", a.receipt_number as "receiptNumber", trim(a.family_name || ' ' || a.given_name) as name, sa.is_absent as "isAbsent",
          a.status, a.stage_index as "stageIndex", a.stage_outcome as "stageOutcome", sc.scores, sc.comment, sc.total
        from recruitment_sitting_applicants sa join recruitment_applicants a on a.id = sa.applicant_id
          left join recruitment_scores sc on sc.applicant_id = a.id and sc.stage_index = ${stageIndex} and sc.rater_staff_id = ${staffId}
        where sa.sitting_id = ${sittingId} order by a.receipt_number`,
  );
  return rows.map((r) => ({ ...r, applicantId: Number(r.applicantId), stageIndex: Number(r.stageIndex), total: r.total === null ? null : Number(r.total) }));
}

export async function isApplicantInSitting(exec: Executor, sittingId: number, applicantId: number): Promise<boolean> {
  const rows = await exec
    .select({ id: recruitmentSittingApplicants.id })
    .from(recruitmentSittingApplicants)
    .where(and(eq(recruitmentSittingApplicants.sittingId, sittingId), eq(recruitmentSittingApplicants.applicantId, applicantId)));
  return rows.length > 0;
}

/** Receipt number and name only (views that list a few applicants among thousands). */
export async function listApplicantLabels(exec: Executor, municipalityId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; receiptNumber: string; name: string }>(
    exec,
    sql`select id, receipt_number as "receiptNumber", trim(family_name || ' ' || given_name) as name
        from recruitment_applicants where municipality_id = ${municipalityId} and id in (${list(ids)})`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function listStaffNames(exec: Executor, municipalityId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return exec
    .select({ id: staff.id, name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}` })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...ids])));
}

// ------------------------------------------------------------------------------------------------
// Notices and funnel

export async function insertNotices(tx: Tx, rows: ReadonlyArray<typeof recruitmentNotices.$inferInsert>) {
  if (rows.length === 0) return [];
  return tx.insert(recruitmentNotices).values([...rows]).returning({ id: recruitmentNotices.id, applicantId: recruitmentNotices.applicantId });
}

export async function updateNoticeDelivery(exec: Executor, id: number, delivery: 'mail' | 'failed', sentAt: string | null) {
  await exec.update(recruitmentNotices).set({ delivery, sentAt }).where(eq(recruitmentNotices.id, id));
}

/** One row per applicant with what the funnel counts (no names, no contact data). */
export async function listFunnelRows(exec: Executor, campaignIds: readonly number[]) {
  if (campaignIds.length === 0) return [];
  const rows = await queryRows<{ campaignId: number; stageIndex: number; stageOutcome: string; status: string; birthDate: string | null; source: string; channel: string }>(
    exec,
    sql`select campaign_id as "campaignId", stage_index as "stageIndex", stage_outcome as "stageOutcome", status, birth_date as "birthDate", source, channel
        from recruitment_applicants where campaign_id in (${list(campaignIds)})`,
  );
  return rows.map((r) => ({ ...r, campaignId: Number(r.campaignId), stageIndex: Number(r.stageIndex) }));
}
