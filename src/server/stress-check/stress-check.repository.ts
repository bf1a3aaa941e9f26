/**
 * Stress-check rows (schema/stress-check.ts) and the few organisation facts the check needs (the tree on a date,
 * a person's unit and sex, headcounts per unit). Group queries read `stress_check_group_entries` only — never a
 * table with a staff id.
 */
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import {
  stressCheckCampaigns,
  stressCheckConsents,
  stressCheckGroupEntries,
  stressCheckInterviewRequests,
  stressCheckInterviews,
  stressCheckResponses,
  stressCheckResults,
  stressCheckUnitActions,
} from '../db/schema/stress-check.js';
import { staff } from '../db/schema/org.js';

export type CampaignRow = typeof stressCheckCampaigns.$inferSelect;
export type ResponseRow = typeof stressCheckResponses.$inferSelect;
export type ResultRow = typeof stressCheckResults.$inferSelect;
export type ConsentRow = typeof stressCheckConsents.$inferSelect;
export type InterviewRequestRow = typeof stressCheckInterviewRequests.$inferSelect;
export type InterviewRow = typeof stressCheckInterviews.$inferSelect;
export type UnitActionRow = typeof stressCheckUnitActions.$inferSelect;
export type GroupEntryRow = typeof stressCheckGroupEntries.$inferSelect;

// ── campaigns ──────────────────────────────────────────────────────────────

export async function insertCampaign(exec: Executor, values: typeof stressCheckCampaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await exec.insert(stressCheckCampaigns).values(values).returning();
  return row!;
}

export async function findCampaign(exec: Executor, municipalityId: number, id: number): Promise<CampaignRow | undefined> {
  const [row] = await exec.select().from(stressCheckCampaigns).where(and(eq(stressCheckCampaigns.municipalityId, municipalityId), eq(stressCheckCampaigns.id, id)));
  return row;
}

export async function findCampaignByName(exec: Executor, municipalityId: number, name: string): Promise<CampaignRow | undefined> {
  const [row] = await exec.select().from(stressCheckCampaigns).where(and(eq(stressCheckCampaigns.municipalityId, municipalityId), eq(stressCheckCampaigns.name, name)));
  return row;
}

export async function listCampaigns(exec: Executor, municipalityId: number): Promise<CampaignRow[]> {
  return exec
    .select()
    .from(stressCheckCampaigns)
    .where(eq(stressCheckCampaigns.municipalityId, municipalityId))
    .orderBy(desc(stressCheckCampaigns.fiscalYear), desc(stressCheckCampaigns.opensOn), desc(stressCheckCampaigns.id));
}

/** The latest closed campaign of a 年度 (last year's, for comparison). */
export async function findClosedCampaignOfYear(exec: Executor, municipalityId: number, fiscalYear: number): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .select()
    .from(stressCheckCampaigns)
    .where(and(eq(stressCheckCampaigns.municipalityId, municipalityId), eq(stressCheckCampaigns.fiscalYear, fiscalYear), eq(stressCheckCampaigns.status, 'closed')))
    .orderBy(desc(stressCheckCampaigns.closesOn), desc(stressCheckCampaigns.id))
    .limit(1);
  return row;
}

/** Optimistic status change: undefined when the version moved on. */
export async function updateCampaignStatusIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number, status: string, now: Date): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .update(stressCheckCampaigns)
    .set({ status, version: version + 1, updatedAt: now.toISOString() })
    .where(and(eq(stressCheckCampaigns.municipalityId, municipalityId), eq(stressCheckCampaigns.id, id), eq(stressCheckCampaigns.version, version)))
    .returning();
  return row;
}

// ── answers ────────────────────────────────────────────────────────────────

export async function findResponse(exec: Executor, campaignId: number, staffId: number): Promise<ResponseRow | undefined> {
  const [row] = await exec.select().from(stressCheckResponses).where(and(eq(stressCheckResponses.campaignId, campaignId), eq(stressCheckResponses.staffId, staffId)));
  return row;
}

export async function listResponsesOfStaff(exec: Executor, staffId: number): Promise<ResponseRow[]> {
  return exec.select().from(stressCheckResponses).where(eq(stressCheckResponses.staffId, staffId));
}

export async function listCampaignsByIds(exec: Executor, ids: readonly number[]): Promise<CampaignRow[]> {
  if (ids.length === 0) return [];
  return exec.select().from(stressCheckCampaigns).where(inArray(stressCheckCampaigns.id, [...ids]));
}

/**
 * Merges sections' answers into the people's rows in one statement (jsonb ||), so concurrent saves of different
 * sections never lose each other and a repeated save changes nothing; many people at once for the autosave group
 * commit (ADR 0022). At most one value per (campaign, person): the caller merges a person's sections first, since one
 * statement cannot update a row twice. Returns the rows merged with their answered counts; a submitted row is left
 * alone and missing.
 */
export async function mergeAnswersMany(
  exec: Executor,
  values: ReadonlyArray<{ municipalityId: number; campaignId: number; staffId: number; answers: Record<string, number>; at: string }>,
): Promise<Array<{ campaignId: number; staffId: number; answeredCount: number; updatedAt: string }>> {
  if (values.length === 0) return [];
  const rows = await queryRows<{ campaign_id: number; staff_id: number; answered_count: number; updated_at: string }>(
    exec,
    sql`insert into stress_check_responses (municipality_id, campaign_id, staff_id, answers, started_at, updated_at)
        select v.municipality_id, v.campaign_id, v.staff_id, v.answers, v.at, v.at
        from jsonb_to_recordset(${JSON.stringify(values.map((v) => ({ municipality_id: v.municipalityId, campaign_id: v.campaignId, staff_id: v.staffId, answers: v.answers, at: v.at })))}::jsonb) as v(municipality_id int, campaign_id int, staff_id int, answers jsonb, at timestamptz)
        on conflict (campaign_id, staff_id) do update set answers = stress_check_responses.answers || excluded.answers, updated_at = excluded.updated_at
        where stress_check_responses.submitted_at is null
        returning campaign_id, staff_id, (select count(*)::int from jsonb_object_keys(stress_check_responses.answers)) as answered_count, updated_at::text`,
  );
  return rows.map((r) => ({ campaignId: Number(r.campaign_id), staffId: Number(r.staff_id), answeredCount: Number(r.answered_count), updatedAt: r.updated_at }));
}

/** Locks the person's row and marks it submitted; undefined if already submitted (or absent). */
export async function markSubmitted(exec: Executor, campaignId: number, staffId: number, now: Date): Promise<ResponseRow | undefined> {
  const [row] = await exec
    .update(stressCheckResponses)
    .set({ submittedAt: now.toISOString() })
    .where(and(eq(stressCheckResponses.campaignId, campaignId), eq(stressCheckResponses.staffId, staffId), isNull(stressCheckResponses.submittedAt)))
    .returning();
  return row;
}

// ── results, group entries, consent ────────────────────────────────────────

export async function insertResult(exec: Executor, values: typeof stressCheckResults.$inferInsert): Promise<ResultRow> {
  const [row] = await exec.insert(stressCheckResults).values(values).returning();
  return row!;
}

export async function insertGroupEntry(exec: Executor, values: typeof stressCheckGroupEntries.$inferInsert): Promise<void> {
  await exec.insert(stressCheckGroupEntries).values(values);
}

export async function findResult(exec: Executor, campaignId: number, staffId: number): Promise<ResultRow | undefined> {
  const [row] = await exec.select().from(stressCheckResults).where(and(eq(stressCheckResults.campaignId, campaignId), eq(stressCheckResults.staffId, staffId)));
  return row;
}

/** Sets shown_at the first time only; answers the row either way. */
export async function markResultShown(exec: Executor, resultId: number, now: Date): Promise<ResultRow> {
  const [row] = await exec
    .update(stressCheckResults)
    .set({ shownAt: sql`coalesce(${stressCheckResults.shownAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(stressCheckResults.id, resultId))
    .returning();
  return row!;
}

export async function findConsent(exec: Executor, resultId: number): Promise<ConsentRow | undefined> {
  const [row] = await exec.select().from(stressCheckConsents).where(eq(stressCheckConsents.resultId, resultId));
  return row;
}

/** The person's latest decision (a consent can be withdrawn, a refusal reconsidered). */
export async function upsertConsent(exec: Executor, values: typeof stressCheckConsents.$inferInsert): Promise<ConsentRow> {
  const [row] = await exec
    .insert(stressCheckConsents)
    .values(values)
    .onConflictDoUpdate({ target: stressCheckConsents.resultId, set: { decision: values.decision, decidedAt: values.decidedAt, resultShownAt: values.resultShownAt } })
    .returning();
  return row!;
}

// ── interviews ─────────────────────────────────────────────────────────────

export async function findInterviewRequestOfResult(exec: Executor, resultId: number): Promise<InterviewRequestRow | undefined> {
  const [row] = await exec.select().from(stressCheckInterviewRequests).where(eq(stressCheckInterviewRequests.resultId, resultId));
  return row;
}

export async function findInterviewRequest(exec: Executor, municipalityId: number, id: number): Promise<InterviewRequestRow | undefined> {
  const [row] = await exec
    .select()
    .from(stressCheckInterviewRequests)
    .where(and(eq(stressCheckInterviewRequests.municipalityId, municipalityId), eq(stressCheckInterviewRequests.id, id)));
  return row;
}

/** One interview per request; undefined if one was recorded already. */
export async function insertInterview(exec: Executor, values: typeof stressCheckInterviews.$inferInsert): Promise<InterviewRow | undefined> {
  const [row] = await exec.insert(stressCheckInterviews).values(values).onConflictDoNothing({ target: stressCheckInterviews.requestId }).returning();
  return row;
}

export type InterviewRequestListRow = InterviewRequestRow & {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  isHighStress: boolean;
  interview: InterviewRow | null;
};

export async function listInterviewRequests(exec: Executor, municipalityId: number, campaignId: number): Promise<InterviewRequestListRow[]> {
  const rows = await exec
    .select({ request: stressCheckInterviewRequests, employeeNumber: staff.employeeNumber, familyName: staff.familyName, givenName: staff.givenName, isHighStress: stressCheckResults.isHighStress, interview: stressCheckInterviews })
    .from(stressCheckInterviewRequests)
    .innerJoin(staff, eq(staff.id, stressCheckInterviewRequests.staffId))
    .innerJoin(stressCheckResults, eq(stressCheckResults.id, stressCheckInterviewRequests.resultId))
    .leftJoin(stressCheckInterviews, eq(stressCheckInterviews.requestId, stressCheckInterviewRequests.id))
    .where(and(eq(stressCheckInterviewRequests.municipalityId, municipalityId), eq(stressCheckInterviewRequests.campaignId, campaignId)))
    .orderBy(asc(stressCheckInterviewRequests.requestedAt), asc(stressCheckInterviewRequests.id));
  return rows.map((r) => ({ ...r.request, employeeNumber: r.employeeNumber, familyName: r.familyName, givenName: r.givenName, isHighStress: r.isHighStress, interview: r.interview }));
}

export type ResultListRow = { staffId: number; employeeNumber: string; familyName: string; givenName: string; isHighStress: boolean; consent: string | null; consentedAt: string | null; requestId: number | null; requestStatus: string | null };

/** Results whose owner's latest decision is "given" (HR's view). */
export async function listConsentedResults(exec: Executor, municipalityId: number, campaignId: number): Promise<ResultListRow[]> {
  return (await listResults(exec, municipalityId, campaignId)).filter((r) => r.consent === 'given');
}

// ── group analysis ─────────────────────────────────────────────────────────

export async function listGroupEntries(exec: Executor, campaignId: number): Promise<Array<Pick<GroupEntryRow, 'unitId' | 'sex' | 'scores'>>> {
  // One JSON row rather than 40,000 rows: PGlite hands rows to JavaScript one by one (ADR 0011's lesson).
  const [row] = await queryRows<{ entries: Array<[number | null, string | null, unknown]> | string | null }>(
    exec,
    sql`select coalesce(json_agg(json_build_array(unit_id, sex, scores) order by id), '[]'::json) as entries
        from stress_check_group_entries where campaign_id = ${campaignId}`,
  );
  const raw = row?.entries ?? [];
  const entries = typeof raw === 'string' ? (JSON.parse(raw) as Array<[number | null, string | null, unknown]>) : raw;
  return entries.map(([unitId, sex, scores]) => ({ unitId, sex, scores }));
}

/** The distinct units of a campaign's group entries. */
export async function listGroupEntryUnitIds(exec: Executor, campaignId: number): Promise<number[]> {
  const rows = await exec.selectDistinct({ unitId: stressCheckGroupEntries.unitId }).from(stressCheckGroupEntries).where(eq(stressCheckGroupEntries.campaignId, campaignId));
  return rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId]));
}

/** Freezes each unit's ancestor chain into its entries (at close): scores.unitPath. */
export async function freezeUnitPaths(exec: Executor, campaignId: number, paths: ReadonlyMap<number, readonly number[]>): Promise<void> {
  for (const [unitId, path] of paths) {
    await exec
      .update(stressCheckGroupEntries)
      .set({ scores: sql`${stressCheckGroupEntries.scores} || jsonb_build_object('unitPath', ${JSON.stringify(path)}::jsonb)` })
      .where(and(eq(stressCheckGroupEntries.campaignId, campaignId), eq(stressCheckGroupEntries.unitId, unitId)));
  }
}

export type UnitOnDate = { unitId: number; parentUnitId: number | null; name: string; code: string };

/** The units in force on `date` (the tree is built in memory). */
export async function listUnitsOn(exec: Executor, municipalityId: number, date: string): Promise<UnitOnDate[]> {
  const rows = await queryRows<{ unit_id: number; parent_unit_id: number | null; name: string; code: string }>(exec, sql`
    select distinct on (v.unit_id) v.unit_id, v.parent_unit_id, v.name, u.code
    from org_unit_versions v join org_units u on u.id = v.unit_id
    where v.municipality_id = ${municipalityId} and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
    order by v.unit_id, v.starts_on desc`);
  return rows
    .map((r) => ({ unitId: Number(r.unit_id), parentUnitId: r.parent_unit_id === null ? null : Number(r.parent_unit_id), name: r.name, code: r.code }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.unitId - b.unitId));
}

/** The person's regular unit and recorded sex on `date` (unit null when unassigned). */
export async function findPlacementOfStaff(exec: Executor, municipalityId: number, staffId: number, date: string): Promise<{ unitId: number | null; sex: string | null }> {
  const rows = await queryRows<{ unit_id: number | null; sex: string | null }>(exec, sql`
    select (select a.unit_id from assignments a where a.staff_id = s.id and a.kind = 'regular'
              and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
            order by a.starts_on desc limit 1) as unit_id, s.sex
    from staff s where s.id = ${staffId} and s.municipality_id = ${municipalityId}`);
  const row = rows[0];
  return { unitId: row?.unit_id === null || row?.unit_id === undefined ? null : Number(row.unit_id), sex: row?.sex ?? null };
}

/** Per unit on `date`: the people in it (regular posts, not separated), and how many of them started or submitted. */
export async function countProgressByUnit(exec: Executor, municipalityId: number, campaignId: number, date: string): Promise<Array<{ unitId: number; targets: number; inProgress: number; submitted: number }>> {
  const rows = await queryRows<{ unit_id: number; targets: number; in_progress: number; submitted: number }>(exec, sql`
    select a.unit_id,
           count(distinct a.staff_id)::int as targets,
           count(distinct r.staff_id) filter (where r.submitted_at is null)::int as in_progress,
           count(distinct r.staff_id) filter (where r.submitted_at is not null)::int as submitted
    from assignments a
    join staff s on s.id = a.staff_id
    left join stress_check_responses r on r.staff_id = a.staff_id and r.campaign_id = ${campaignId}
    where a.municipality_id = ${municipalityId} and a.kind = 'regular'
      and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
      and (s.separated_on is null or s.separated_on > ${date})
    group by a.unit_id`);
  return rows.map((r) => ({ unitId: Number(r.unit_id), targets: Number(r.targets), inProgress: Number(r.in_progress), submitted: Number(r.submitted) }));
}

/** The municipality-wide counts of the labour-office report. */
export async function countReport(exec: Executor, municipalityId: number, campaignId: number, date: string) {
  const rows = await queryRows<{ targets: number; examinees: number; high_stress: number; requests: number; interviewed: number }>(exec, sql`
    select
      (select count(distinct a.staff_id) from assignments a join staff s on s.id = a.staff_id
        where a.municipality_id = ${municipalityId} and a.kind = 'regular'
          and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
          and (s.separated_on is null or s.separated_on > ${date}))::int as targets,
      (select count(*) from stress_check_results where campaign_id = ${campaignId})::int as examinees,
      (select count(*) from stress_check_results where campaign_id = ${campaignId} and is_high_stress)::int as high_stress,
      (select count(*) from stress_check_interview_requests where campaign_id = ${campaignId} and status <> 'withdrawn')::int as requests,
      (select count(*) from stress_check_interviews where campaign_id = ${campaignId})::int as interviewed`);
  const r = rows[0]!;
  return { targets: Number(r.targets), examinees: Number(r.examinees), highStress: Number(r.high_stress), interviewRequests: Number(r.requests), interviewed: Number(r.interviewed) };
}

// ── unit actions ───────────────────────────────────────────────────────────

export async function insertUnitAction(exec: Executor, values: typeof stressCheckUnitActions.$inferInsert): Promise<UnitActionRow> {
  const [row] = await exec.insert(stressCheckUnitActions).values(values).returning();
  return row!;
}

export async function listUnitActions(exec: Executor, municipalityId: number, campaignId: number): Promise<UnitActionRow[]> {
  return exec
    .select()
    .from(stressCheckUnitActions)
    .where(and(eq(stressCheckUnitActions.municipalityId, municipalityId), eq(stressCheckUnitActions.campaignId, campaignId)))
    .orderBy(asc(stressCheckUnitActions.recordedAt), asc(stressCheckUnitActions.id));
}

// ── retention ──────────────────────────────────────────────────────────────

/** Campaigns (of every municipality) that closed before `cutoff`. */
export async function listCampaignsClosedBefore(exec: Executor, cutoff: string): Promise<Array<Pick<CampaignRow, 'id' | 'municipalityId' | 'name' | 'closesOn'>>> {
  return exec
    .select({ id: stressCheckCampaigns.id, municipalityId: stressCheckCampaigns.municipalityId, name: stressCheckCampaigns.name, closesOn: stressCheckCampaigns.closesOn })
    .from(stressCheckCampaigns)
    .where(lt(stressCheckCampaigns.closesOn, cutoff))
    .orderBy(asc(stressCheckCampaigns.id));
}

/** Deletes the campaigns; their answers, results, entries, consents, interviews and actions go by cascade. */
export async function deleteCampaigns(exec: Executor, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await exec.delete(stressCheckCampaigns).where(inArray(stressCheckCampaigns.id, [...ids])).returning({ id: stressCheckCampaigns.id });
  return rows.length;
}

// ── demo seed (bulk) ───────────────────────────────────────────────────────

export async function findMunicipalityIdByCode(exec: Executor, code: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(exec, sql`select id from municipalities where code = ${code}`);
  return rows[0] ? Number(rows[0].id) : undefined;
}

export async function hasCampaigns(exec: Executor, municipalityId: number): Promise<boolean> {
  const rows = await exec.select({ id: stressCheckCampaigns.id }).from(stressCheckCampaigns).where(eq(stressCheckCampaigns.municipalityId, municipalityId)).limit(1);
  return rows.length > 0;
}

/** Everyone with a regular post on `date` (not separated): their unit and recorded sex. */
export async function listPlacementsOn(exec: Executor, municipalityId: number, date: string): Promise<Array<{ staffId: number; unitId: number; sex: string | null }>> {
  const rows = await queryRows<{ staff_id: number; unit_id: number; sex: string | null }>(exec, sql`
    select distinct on (s.id) s.id as staff_id, a.unit_id, s.sex
    from staff s join assignments a on a.staff_id = s.id and a.kind = 'regular'
      and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
    where s.municipality_id = ${municipalityId} and (s.separated_on is null or s.separated_on > ${date})
    order by s.id, a.starts_on desc`);
  return rows.map((r) => ({ staffId: Number(r.staff_id), unitId: Number(r.unit_id), sex: r.sex }));
}

const chunked = <T>(rows: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

export async function insertResponsesBatch(exec: Executor, rows: Array<typeof stressCheckResponses.$inferInsert>): Promise<void> {
  for (const part of chunked(rows)) await exec.insert(stressCheckResponses).values(part);
}

export async function insertResultsBatch(exec: Executor, rows: Array<typeof stressCheckResults.$inferInsert>): Promise<Array<{ id: number; staffId: number }>> {
  const out: Array<{ id: number; staffId: number }> = [];
  for (const part of chunked(rows)) out.push(...(await exec.insert(stressCheckResults).values(part).returning({ id: stressCheckResults.id, staffId: stressCheckResults.staffId })));
  return out;
}

export async function insertGroupEntriesBatch(exec: Executor, rows: Array<typeof stressCheckGroupEntries.$inferInsert>): Promise<void> {
  for (const part of chunked(rows)) await exec.insert(stressCheckGroupEntries).values(part);
}

export async function insertConsentsBatch(exec: Executor, rows: Array<typeof stressCheckConsents.$inferInsert>): Promise<void> {
  for (const part of chunked(rows)) await exec.insert(stressCheckConsents).values(part);
}

export async function insertInterviewRequestsBatch(exec: Executor, rows: Array<typeof stressCheckInterviewRequests.$inferInsert>): Promise<Array<{ id: number; staffId: number }>> {
  const out: Array<{ id: number; staffId: number }> = [];
  for (const part of chunked(rows)) out.push(...(await exec.insert(stressCheckInterviewRequests).values(part).returning({ id: stressCheckInterviewRequests.id, staffId: stressCheckInterviewRequests.staffId })));
  return out;
}

export async function insertInterviewsBatch(exec: Executor, rows: Array<typeof stressCheckInterviews.$inferInsert>): Promise<void> {
  for (const part of chunked(rows)) await exec.insert(stressCheckInterviews).values(part);
}

// ── interview requests: withdrawal and requesting again ─────────────────────

/**
 * 面接指導の申出, or the same request again after a withdrawal: one statement, so the row per result stays one. A
 * withdrawn request reopens with the new date; a request that is waiting or held is left as it is (idempotent).
 */
export async function upsertInterviewRequest(exec: Executor, values: typeof stressCheckInterviewRequests.$inferInsert): Promise<InterviewRequestRow> {
  await exec
    .insert(stressCheckInterviewRequests)
    .values({ ...values, status: 'requested' })
    .onConflictDoUpdate({
      target: stressCheckInterviewRequests.resultId,
      set: { status: 'requested', requestedAt: values.requestedAt },
      setWhere: eq(stressCheckInterviewRequests.status, 'withdrawn'),
    });
  return (await findInterviewRequestOfResult(exec, values.resultId))!;
}

/** Moves a request from one status to another only if it is still in `from`; undefined when it was not. */
export async function updateInterviewRequestStatusIf(exec: Executor, id: number, from: string, to: string): Promise<InterviewRequestRow | undefined> {
  const [row] = await exec
    .update(stressCheckInterviewRequests)
    .set({ status: to })
    .where(and(eq(stressCheckInterviewRequests.id, id), eq(stressCheckInterviewRequests.status, from)))
    .returning();
  return row;
}

// ── paper entry (代理入力) ──────────────────────────────────────────────────

/**
 * Stores a paper answer set as the person's submitted response in one statement: a new row, or the person's
 * unsubmitted online draft replaced by it. Undefined when the person has submitted already (online or on paper).
 */
export async function upsertSubmittedResponse(
  exec: Executor,
  values: { municipalityId: number; campaignId: number; staffId: number; answers: Record<string, number>; now: Date },
): Promise<ResponseRow | undefined> {
  const at = values.now.toISOString();
  const [row] = await exec
    .insert(stressCheckResponses)
    .values({ municipalityId: values.municipalityId, campaignId: values.campaignId, staffId: values.staffId, answers: values.answers, startedAt: at, updatedAt: at, submittedAt: at })
    .onConflictDoUpdate({
      target: [stressCheckResponses.campaignId, stressCheckResponses.staffId],
      set: { answers: sql`excluded.answers`, updatedAt: at, submittedAt: at },
      setWhere: isNull(stressCheckResponses.submittedAt),
    })
    .returning();
  return row;
}

export type PaperExamineeRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  unitName: string | null;
  hasDraft: boolean;
  submittedAt: string | null;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People the implementer may enter paper answers for: in employment with a regular post on `date` (the campaign's
 * targets), matched on the directory's normalised search key (name, kana, employee number), with their response to
 * the campaign. `staffId` narrows to one person.
 */
export async function listPaperExaminees(
  exec: Executor,
  q: { municipalityId: number; campaignId: number; date: string; search?: string; staffId?: number; limit: number },
): Promise<PaperExamineeRow[]> {
  const search = q.search ? sql` and s.search_key like ${likePattern(q.search)} escape '\\'` : sql``;
  const one = q.staffId === undefined ? sql`` : sql` and s.id = ${q.staffId}`;
  const rows = await queryRows<{
    id: number;
    employee_number: string;
    family_name: string;
    given_name: string;
    family_name_kana: string;
    given_name_kana: string;
    unit_name: string | null;
    has_draft: boolean;
    submitted_at: string | null;
  }>(exec, sql`
    select s.id, s.employee_number, s.family_name, s.given_name, s.family_name_kana, s.given_name_kana,
           (select v.name from org_unit_versions v
             where v.unit_id = cur.unit_id and v.starts_on <= ${q.date} and (v.ends_on is null or v.ends_on >= ${q.date})
             order by v.starts_on desc limit 1) as unit_name,
           (r.id is not null and r.submitted_at is null) as has_draft,
           to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at
    from staff s
    join lateral (
      select a.unit_id from assignments a
      where a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${q.date} and (a.ends_on is null or a.ends_on >= ${q.date})
      order by a.starts_on desc, a.id desc limit 1
    ) cur on true
    left join stress_check_responses r on r.staff_id = s.id and r.campaign_id = ${q.campaignId}
    where s.municipality_id = ${q.municipalityId} and (s.separated_on is null or s.separated_on > ${q.date})${search}${one}
    order by s.family_name_kana, s.given_name_kana, s.id
    limit ${q.limit}`);
  return rows.map((r) => ({
    staffId: Number(r.id),
    employeeNumber: r.employee_number,
    familyName: r.family_name,
    givenName: r.given_name,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    unitName: r.unit_name,
    hasDraft: r.has_draft === true || String(r.has_draft) === 't',
    submittedAt: r.submitted_at,
  }));
}

// ── the implementer's list, exports and result sheets ──────────────────────

/**
 * The regular unit's name of a person on `date`: a subquery correlated with the outer `staff` table (written out:
 * drizzle leaves a column unqualified when the query has one table, which the subquery would capture).
 */
const unitNameOn = (date: string) => sql<string | null>`(
  select v.name from assignments a
  join org_unit_versions v on v.unit_id = a.unit_id and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
  where a.staff_id = "staff"."id" and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
  order by a.starts_on desc, a.id desc, v.starts_on desc limit 1)`;

/** Every result with consent and the interview request's status (withdrawn included): the implementer's list. */
export async function listResults(exec: Executor, municipalityId: number, campaignId: number): Promise<ResultListRow[]> {
  return exec
    .select({
      staffId: stressCheckResults.staffId,
      employeeNumber: staff.employeeNumber,
      familyName: staff.familyName,
      givenName: staff.givenName,
      isHighStress: stressCheckResults.isHighStress,
      consent: stressCheckConsents.decision,
      consentedAt: stressCheckConsents.decidedAt,
      requestId: stressCheckInterviewRequests.id,
      requestStatus: stressCheckInterviewRequests.status,
    })
    .from(stressCheckResults)
    .innerJoin(staff, eq(staff.id, stressCheckResults.staffId))
    .leftJoin(stressCheckConsents, eq(stressCheckConsents.resultId, stressCheckResults.id))
    .leftJoin(stressCheckInterviewRequests, eq(stressCheckInterviewRequests.resultId, stressCheckResults.id))
    .where(and(eq(stressCheckResults.municipalityId, municipalityId), eq(stressCheckResults.campaignId, campaignId)))
    .orderBy(asc(staff.employeeNumber));
}

export type ResultExportRow = {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  unitName: string | null;
  score: unknown;
  computedAt: string;
  shownAt: string | null;
  consent: string | null;
  requestStatus: string | null;
};

/** Every result of a campaign with the person's unit on `date`, for the implementer's export. */
export async function listResultsForExport(exec: Executor, municipalityId: number, campaignId: number, date: string): Promise<ResultExportRow[]> {
  return exec
    .select({
      employeeNumber: staff.employeeNumber,
      familyName: staff.familyName,
      givenName: staff.givenName,
      unitName: unitNameOn(date),
      score: stressCheckResults.score,
      computedAt: stressCheckResults.computedAt,
      shownAt: stressCheckResults.shownAt,
      consent: stressCheckConsents.decision,
      requestStatus: stressCheckInterviewRequests.status,
    })
    .from(stressCheckResults)
    .innerJoin(staff, eq(staff.id, stressCheckResults.staffId))
    .leftJoin(stressCheckConsents, eq(stressCheckConsents.resultId, stressCheckResults.id))
    .leftJoin(stressCheckInterviewRequests, eq(stressCheckInterviewRequests.resultId, stressCheckResults.id))
    .where(and(eq(stressCheckResults.municipalityId, municipalityId), eq(stressCheckResults.campaignId, campaignId)))
    .orderBy(asc(staff.employeeNumber));
}

/** The person a result sheet names: employee number, name and regular unit on `date`. */
export async function findPersonOn(exec: Executor, municipalityId: number, staffId: number, date: string): Promise<{ employeeNumber: string; familyName: string; givenName: string; unitName: string | null } | undefined> {
  const [row] = await exec
    .select({ employeeNumber: staff.employeeNumber, familyName: staff.familyName, givenName: staff.givenName, unitName: unitNameOn(date) })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId)));
  return row;
}
