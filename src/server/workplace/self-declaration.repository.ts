/**
 * SQL of the self-declaration (自己申告書): campaigns, declarations, the population of a campaign with each
 * person's unit on a date, the people a supervisor (evaluator, unit head) stands over, and the transfer wishes
 * the declarations write for placement (source 'self-declaration', never touching HR-entered rows).
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { selfDeclarationCampaigns, selfDeclarations } from '../db/schema/workplace.js';

export type CampaignRow = {
  id: number;
  fiscalYear: number;
  title: string;
  opensOn: string;
  closesOn: string;
  form: unknown;
  status: 'open' | 'closed';
  version: number;
};

const campaignColumns = {
  id: selfDeclarationCampaigns.id,
  fiscalYear: selfDeclarationCampaigns.fiscalYear,
  title: selfDeclarationCampaigns.title,
  opensOn: selfDeclarationCampaigns.opensOn,
  closesOn: selfDeclarationCampaigns.closesOn,
  form: selfDeclarationCampaigns.form,
  status: selfDeclarationCampaigns.status,
  version: selfDeclarationCampaigns.version,
};
const asCampaign = (r: { status: string } & Omit<CampaignRow, 'status'>): CampaignRow => ({ ...r, status: r.status as CampaignRow['status'] });

export async function listCampaigns(exec: Executor, municipalityId: number): Promise<CampaignRow[]> {
  const rows = await exec
    .select(campaignColumns)
    .from(selfDeclarationCampaigns)
    .where(eq(selfDeclarationCampaigns.municipalityId, municipalityId))
    .orderBy(desc(selfDeclarationCampaigns.fiscalYear));
  return rows.map(asCampaign);
}

export async function findCampaign(exec: Executor, municipalityId: number, campaignId: number): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .select(campaignColumns)
    .from(selfDeclarationCampaigns)
    .where(and(eq(selfDeclarationCampaigns.municipalityId, municipalityId), eq(selfDeclarationCampaigns.id, campaignId)));
  return row ? asCampaign(row) : undefined;
}

/** Inserts the campaign unless the 年度 has one; undefined means it has. */
export async function insertCampaign(
  exec: Executor,
  row: { municipalityId: number; fiscalYear: number; title: string; opensOn: string; closesOn: string; form: unknown },
): Promise<CampaignRow | undefined> {
  const [inserted] = await exec
    .insert(selfDeclarationCampaigns)
    .values(row)
    .onConflictDoNothing({ target: [selfDeclarationCampaigns.municipalityId, selfDeclarationCampaigns.fiscalYear] })
    .returning(campaignColumns);
  return inserted ? asCampaign(inserted) : undefined;
}

/** Changes status and period if still at `version`; undefined means it changed since. */
export async function updateCampaignIfVersion(
  exec: Executor,
  municipalityId: number,
  campaignId: number,
  version: number,
  changes: { status?: 'open' | 'closed'; closesOn?: string; title?: string },
): Promise<CampaignRow | undefined> {
  const [row] = await exec
    .update(selfDeclarationCampaigns)
    .set({ ...changes, version: sql`${selfDeclarationCampaigns.version} + 1` })
    .where(
      and(
        eq(selfDeclarationCampaigns.municipalityId, municipalityId),
        eq(selfDeclarationCampaigns.id, campaignId),
        eq(selfDeclarationCampaigns.version, version),
      ),
    )
    .returning(campaignColumns);
  return row ? asCampaign(row) : undefined;
}

export type DeclarationRow = {
  id: number;
  staffId: number;
  answers: unknown;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  version: number;
  updatedAt: string;
};

const declarationColumns = {
  id: selfDeclarations.id,
  staffId: selfDeclarations.staffId,
  answers: selfDeclarations.answers,
  status: selfDeclarations.status,
  submittedAt: selfDeclarations.submittedAt,
  version: selfDeclarations.version,
  updatedAt: selfDeclarations.updatedAt,
};
const asDeclaration = (r: { status: string } & Omit<DeclarationRow, 'status'>): DeclarationRow => ({ ...r, status: r.status as DeclarationRow['status'] });

export async function findDeclaration(exec: Executor, municipalityId: number, campaignId: number, staffId: number): Promise<DeclarationRow | undefined> {
  const [row] = await exec
    .select(declarationColumns)
    .from(selfDeclarations)
    .where(and(eq(selfDeclarations.municipalityId, municipalityId), eq(selfDeclarations.campaignId, campaignId), eq(selfDeclarations.staffId, staffId)));
  return row ? asDeclaration(row) : undefined;
}

/** The first save of a person's declaration; undefined when one exists already (a concurrent first save). */
export async function insertDeclaration(
  exec: Executor,
  row: { municipalityId: number; campaignId: number; staffId: number; answers: unknown; status: 'draft' | 'submitted'; submittedAt: string | null },
): Promise<DeclarationRow | undefined> {
  const [inserted] = await exec
    .insert(selfDeclarations)
    .values(row)
    .onConflictDoNothing({ target: [selfDeclarations.campaignId, selfDeclarations.staffId] })
    .returning(declarationColumns);
  return inserted ? asDeclaration(inserted) : undefined;
}

/** Saves over the declaration if still at `version`; undefined means someone saved since (stale). */
export async function updateDeclarationIfVersion(
  exec: Executor,
  declarationId: number,
  version: number,
  changes: { answers: unknown; status: 'draft' | 'submitted'; submittedAt: string | null },
): Promise<DeclarationRow | undefined> {
  const [row] = await exec
    .update(selfDeclarations)
    .set({ ...changes, version: sql`${selfDeclarations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(selfDeclarations.id, declarationId), eq(selfDeclarations.version, version)))
    .returning(declarationColumns);
  return row ? asDeclaration(row) : undefined;
}

/** The declarations of a person, newest campaign first (their own history). */
export async function listDeclarationsOfStaff(exec: Executor, municipalityId: number, staffId: number) {
  return exec
    .select({ campaignId: selfDeclarations.campaignId, status: selfDeclarations.status, submittedAt: selfDeclarations.submittedAt })
    .from(selfDeclarations)
    .where(and(eq(selfDeclarations.municipalityId, municipalityId), eq(selfDeclarations.staffId, staffId)))
    .orderBy(asc(selfDeclarations.campaignId));
}

export type PopulationRow = {
  staffId: number;
  employeeNumber: string;
  name: string;
  unitId: number | null;
  unitName: string | null;
  status: 'draft' | 'submitted' | null;
  submittedAt: string | null;
  /** the answer of the career-intention field (a choice value), if asked for */
  careerIntention: string | null;
  /** the transfer-wish answer's wish ('yes' | 'no'), if asked for */
  transferWish: string | null;
};

/**
 * Everyone a campaign concerns on `date` — staff with a regular assignment in force and not separated — plus
 * anyone who has a declaration in it, each with the unit of their regular assignment on `date`. The two jsonb
 * paths are read only when keys are given (the list then filters on them); nothing else of the answers leaves.
 */
export async function listPopulation(
  exec: Executor,
  municipalityId: number,
  campaignId: number,
  date: string,
  keys: { careerIntentionKey: string | null; transferWishKey: string | null },
  staffIds?: readonly number[],
): Promise<PopulationRow[]> {
  const career = keys.careerIntentionKey === null ? sql`null` : sql`d.answers ->> ${keys.careerIntentionKey}::text`;
  const wish = keys.transferWishKey === null ? sql`null` : sql`d.answers -> ${keys.transferWishKey}::text ->> 'wish'`;
  const only = staffIds === undefined ? sql`` : staffIds.length === 0 ? sql`and false` : sql`and s.id in (${sql.join(staffIds.map((id) => sql`${id}`), sql`, `)})`;
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`
    with unit_of as (
      select distinct on (a.staff_id) a.staff_id, a.unit_id from assignments a
      where a.municipality_id = ${municipalityId} and a.kind = 'regular'
        and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
      order by a.staff_id, a.starts_on desc, a.id
    )
    select s.id as staff_id, s.employee_number, s.family_name || ' ' || s.given_name as name,
           u.unit_id, v.name as unit_name, d.status, d.submitted_at, ${career} as career_intention, ${wish} as transfer_wish
    from staff s
    left join unit_of u on u.staff_id = s.id
    left join org_unit_versions v on v.unit_id = u.unit_id and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
    left join self_declarations d on d.staff_id = s.id and d.campaign_id = ${campaignId}
    where s.municipality_id = ${municipalityId} ${only}
      and ((u.unit_id is not null and (s.separated_on is null or s.separated_on >= ${date})) or d.id is not null)
    order by s.employee_number`,
  );
  return rows.map((r) => ({
    staffId: Number(r.staff_id),
    employeeNumber: String(r.employee_number),
    name: String(r.name),
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    unitName: r.unit_name === null ? null : String(r.unit_name),
    status: (r.status as PopulationRow['status']) ?? null,
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at as string).toISOString(),
    careerIntention: r.career_intention === null ? null : String(r.career_intention),
    transferWish: r.transfer_wish === null ? null : String(r.transfer_wish),
  }));
}

/** Employee number, name and unit on `date` of one person (undefined: not of this municipality). */
export async function findStaffCard(exec: Executor, municipalityId: number, staffId: number, date: string) {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`
    select s.employee_number, s.family_name || ' ' || s.given_name as name,
      (select v.name from assignments a join org_unit_versions v on v.unit_id = a.unit_id
         and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
       where a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
       order by a.starts_on desc, a.id limit 1) as unit_name
    from staff s where s.id = ${staffId} and s.municipality_id = ${municipalityId}`,
  );
  const r = rows[0];
  if (!r) return undefined;
  return { employeeNumber: String(r.employee_number), name: String(r.name), unitName: r.unit_name === null ? null : String(r.unit_name) };
}

/**
 * The people a staff member stands over on `date` as evaluator (staff_relations, manual rows winning over rule
 * rows, as the access layer reads them) or as unit head (members of the units they head and their descendants).
 */
export async function listSupervisedStaffIds(exec: Executor, holderStaffId: number, date: string, headLevels: readonly string[]): Promise<number[]> {
  const levels = headLevels.length === 0 ? sql`null` : sql.join(headLevels.map((l) => sql`${l}`), sql`, `);
  const rows = await queryRows<{ staff_id: number }>(
    exec,
    sql`
    with recursive live_units as (
      select unit_id, parent_unit_id from org_unit_versions
      where starts_on <= ${date} and (ends_on is null or ends_on >= ${date})
    ),
    headed(unit_id) as (
      select a.unit_id from assignments a join positions p on p.id = a.position_id
      where a.staff_id = ${holderStaffId} and a.kind = 'regular'
        and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
        and p.level in (${levels})
      union
      select u.unit_id from live_units u join headed h on u.parent_unit_id = h.unit_id
    )
    select a.staff_id from assignments a join headed h on h.unit_id = a.unit_id
    where a.staff_id <> ${holderStaffId} and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
    union
    select r.subject_staff_id from staff_relations r
    where r.holder_staff_id = ${holderStaffId} and r.kind = 'evaluator'
      and r.starts_on <= ${date} and (r.ends_on is null or r.ends_on >= ${date})
      and (r.source = 'manual' or not exists (
        select 1 from staff_relations m where m.source = 'manual' and m.subject_staff_id = r.subject_staff_id
          and m.kind = r.kind and m.starts_on <= ${date} and (m.ends_on is null or m.ends_on >= ${date})))`,
  );
  return rows.map((r) => Number(r.staff_id));
}

// ——— the organisational-commitment indicator (read by the fellow programme) ———

const intArray = (ids: readonly number[]) => sql`string_to_array(${ids.join(',')}, ',')::int[]`;

/** The campaigns of 年度 `fromFiscalYear`…`toFiscalYear` opened by `openedBy`, with their forms (a row or two). */
export async function listCampaignsInWindow(
  exec: Executor,
  municipalityId: number,
  window: { fromFiscalYear: number; toFiscalYear: number; openedBy: string },
): Promise<CampaignRow[]> {
  const rows = await exec
    .select(campaignColumns)
    .from(selfDeclarationCampaigns)
    .where(
      and(
        eq(selfDeclarationCampaigns.municipalityId, municipalityId),
        gte(selfDeclarationCampaigns.fiscalYear, window.fromFiscalYear),
        lte(selfDeclarationCampaigns.fiscalYear, window.toFiscalYear),
        lte(selfDeclarationCampaigns.opensOn, window.openedBy),
      ),
    )
    .orderBy(desc(selfDeclarationCampaigns.fiscalYear), desc(selfDeclarationCampaigns.id));
  return rows.map(asCampaign);
}

export type IndicatorAnswerRow = { staffId: number; campaignId: number; fiscalYear: number; opensOn: string; answer: string | number | null };

/**
 * One statement for any number of people: each person's SUBMITTED declaration in the latest of the given campaigns
 * they submitted in (by 年度, then id), with only the answer to that campaign form's commitment-indicator field —
 * nothing else of the answers leaves the database (null when the form has no indicator or it was not answered).
 * Drafts are never read.
 */
export async function listLatestSubmittedIndicatorAnswers(
  exec: Executor,
  municipalityId: number,
  campaignIds: readonly number[],
  staffIds: readonly number[],
): Promise<IndicatorAnswerRow[]> {
  if (campaignIds.length === 0 || staffIds.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`
    select distinct on (d.staff_id) d.staff_id, c.id as campaign_id, c.fiscal_year, c.opens_on::text as opens_on,
           jsonb_typeof(d.answers -> (c.form #>> '{commitmentIndicator,fieldKey}')) as answer_type,
           d.answers ->> (c.form #>> '{commitmentIndicator,fieldKey}') as answer_text
    from self_declarations d
    join self_declaration_campaigns c on c.id = d.campaign_id and c.municipality_id = d.municipality_id
    where d.municipality_id = ${municipalityId} and d.status = 'submitted'
      and d.campaign_id = any(${intArray(campaignIds)}) and d.staff_id = any(${intArray(staffIds)})
    order by d.staff_id, c.fiscal_year desc, c.id desc`,
  );
  return rows.map((r) => ({
    staffId: Number(r.staff_id),
    campaignId: Number(r.campaign_id),
    fiscalYear: Number(r.fiscal_year),
    opensOn: String(r.opens_on),
    // a single answer is a string (choice) or a number (scale); anything else is no answer to the indicator
    answer: r.answer_type === 'string' ? String(r.answer_text) : r.answer_type === 'number' ? Number(r.answer_text) : null,
  }));
}

// ——— transfer wishes (placement input) ———

/** How many HR-entered wishes (source 'hr') the person has for the 年度: they win over the self-declaration. */
export async function countHrWishes(exec: Executor, municipalityId: number, staffId: number, fiscalYear: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    exec,
    sql`select count(*)::int as n from transfer_wishes
        where municipality_id = ${municipalityId} and staff_id = ${staffId} and fiscal_year = ${fiscalYear} and source = 'hr'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Replaces the person's self-declaration wishes of the 年度 (HR-entered rows are not touched). */
export async function replaceSelfDeclarationWishes(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  fiscalYear: number,
  wishes: ReadonlyArray<{ rank: number; unitId: number; reason: string }>,
): Promise<void> {
  await exec.execute(
    sql`delete from transfer_wishes where municipality_id = ${municipalityId} and staff_id = ${staffId}
        and fiscal_year = ${fiscalYear} and source = 'self-declaration'`,
  );
  if (wishes.length === 0) return;
  const values = wishes.map((w) => sql`(${municipalityId}, ${staffId}, ${fiscalYear}, ${w.rank}, ${w.unitId}, ${w.reason}, 'self-declaration')`);
  await exec.execute(sql`insert into transfer_wishes (municipality_id, staff_id, fiscal_year, rank, unit_id, reason, source) values ${sql.join(values, sql`, `)}`);
}

/** Names of units as of `date` (for the wished units shown back). */
export async function listUnitNamesOn(exec: Executor, municipalityId: number, unitIds: readonly number[], date: string): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ unit_id: number; name: string }>(
    exec,
    sql`select unit_id, name from org_unit_versions where municipality_id = ${municipalityId}
        and unit_id in (${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)})
        and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})`,
  );
  return new Map(rows.map((r) => [Number(r.unit_id), String(r.name)]));
}

/** The ids of the units in force on `date` (a wish must name one of them). */
export async function listUnitIdsOn(exec: Executor, municipalityId: number, date: string): Promise<Set<number>> {
  const rows = await queryRows<{ unit_id: number }>(
    exec,
    sql`select unit_id from org_unit_versions where municipality_id = ${municipalityId}
        and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})`,
  );
  return new Set(rows.map((r) => Number(r.unit_id)));
}

/** Units with their parents on `date`, for "this unit and the ones under it" filters. */
export async function listUnitTreeOn(exec: Executor, municipalityId: number, date: string): Promise<Array<{ unitId: number; parentId: number | null; name: string }>> {
  const rows = await queryRows<{ unit_id: number; parent_unit_id: number | null; name: string }>(
    exec,
    sql`select unit_id, parent_unit_id, name from org_unit_versions where municipality_id = ${municipalityId}
        and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})`,
  );
  return rows.map((r) => ({ unitId: Number(r.unit_id), parentId: r.parent_unit_id === null ? null : Number(r.parent_unit_id), name: String(r.name) }));
}

// ——— demo seed ———

export async function findMunicipalityIdByCode(exec: Executor, code: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(exec, sql`select id from municipalities where code = ${code}`);
  return rows[0] ? Number(rows[0].id) : undefined;
}

/** Many declarations at once (the demo seed), in batches. */
export async function insertDeclarationsBatch(
  exec: Executor,
  rows: ReadonlyArray<{ municipalityId: number; campaignId: number; staffId: number; answers: unknown; status: 'draft' | 'submitted'; submittedAt: string | null; updatedAt: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    if (batch.length > 0) await exec.insert(selfDeclarations).values(batch);
  }
}
