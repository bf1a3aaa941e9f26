/**
 * SQL of staff and assignment imports: the job rows (import_jobs), the reference data a file is checked
 * against, and the batched writes of a commit. Each batch of at most `importBatchSize` rows is one
 * statement with one bound JSON value (`insert … select … from json_to_recordset($1)`), as the demo seed
 * does: one parameter instead of one per cell is what lets 600,000 rows go in within seconds on PGlite.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { importJobs, orgUnits, positions, qualifications, staff } from '../db/schema/org.js';

/** Rows per INSERT statement. */
export const importBatchSize = 1000;

export type ImportJobStatus = 'previewed' | 'committed' | 'failed' | 'discarded';

export type ImportJobRow = {
  id: number;
  kind: string;
  status: string;
  fileName: string;
  encoding: string;
  totalRows: number;
  errorCount: number;
  errors: unknown;
  createdByAccountId: number;
  createdAt: string;
  finishedAt: string | null;
};

const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  status: importJobs.status,
  fileName: importJobs.fileName,
  encoding: importJobs.encoding,
  totalRows: importJobs.totalRows,
  errorCount: importJobs.errorCount,
  errors: importJobs.errors,
  createdByAccountId: importJobs.createdByAccountId,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
};

export async function insertImportJob(
  exec: Executor,
  job: {
    municipalityId: number;
    kind: string;
    status: ImportJobStatus;
    fileName: string;
    encoding: string;
    content: string | null;
    totalRows: number;
    errorCount: number;
    errors: unknown;
    createdByAccountId: number;
    finishedAt: string | null;
  },
): Promise<number> {
  const [row] = await exec.insert(importJobs).values(job).returning({ id: importJobs.id });
  return row!.id;
}

/** The job without its content (which may be tens of megabytes). */
export async function findImportJob(exec: Executor, municipalityId: number, id: number): Promise<ImportJobRow | undefined> {
  const [row] = await exec
    .select(jobColumns)
    .from(importJobs)
    .where(and(eq(importJobs.municipalityId, municipalityId), eq(importJobs.id, id)));
  return row;
}

/**
 * Serialises import commits of one municipality until the transaction ends: two assignment files
 * replacing the same person's history at once would otherwise each miss the other's new rows.
 * (Key space apart from the audit chain's 7,310,000 + id.)
 */
export async function lockImportCommits(exec: Executor, municipalityId: number): Promise<void> {
  await exec.execute(sql`select pg_advisory_xact_lock(${7_320_000 + municipalityId})`);
}

/**
 * Locks the job row until the transaction ends, so that two commits of one job run one after the other.
 * The content's length (in characters) comes instead of the content: see `readImportContent`.
 */
export async function lockImportJob(
  exec: Executor,
  municipalityId: number,
  id: number,
): Promise<(ImportJobRow & { contentLength: number | null }) | undefined> {
  const [row] = await exec
    .select({ ...jobColumns, contentLength: sql<number | null>`char_length(${importJobs.content})` })
    .from(importJobs)
    .where(and(eq(importJobs.municipalityId, municipalityId), eq(importJobs.id, id)))
    .for('update');
  return row;
}

/**
 * A stored file's text, read a part at a time so that a 30 MB file is never held whole (nor its protocol
 * buffers); `start` is 1-based, in characters.
 */
export async function* readImportContent(
  exec: Executor,
  municipalityId: number,
  id: number,
  length: number,
  pieceLength: number,
): AsyncGenerator<string> {
  for (let start = 1; start <= length; start += pieceLength) {
    const [row] = await exec
      .select({ piece: sql<string>`substr(${importJobs.content}, ${start}::int, ${pieceLength}::int)` })
      .from(importJobs)
      .where(and(eq(importJobs.municipalityId, municipalityId), eq(importJobs.id, id)));
    if (!row) return;
    yield row.piece;
  }
}

/** Closes a job; its content is dropped, since it can never be committed again. */
export async function closeImportJob(
  exec: Executor,
  municipalityId: number,
  id: number,
  patch: { status: Exclude<ImportJobStatus, 'previewed'>; finishedAt: string; errorCount?: number; errors?: unknown },
): Promise<void> {
  await exec
    .update(importJobs)
    .set({ ...patch, content: null })
    .where(and(eq(importJobs.municipalityId, municipalityId), eq(importJobs.id, id)));
}

// ---------------------------------------------------------------------------------------------
// Reference data

export type StaffIdentity = { id: number; birthDate: string };

/** Every registered employee number of the municipality with its staff id and birth date. */
export async function listStaffIdentities(exec: Executor, municipalityId: number): Promise<Map<string, StaffIdentity>> {
  const rows = await exec
    .select({ id: staff.id, employeeNumber: staff.employeeNumber, birthDate: staff.birthDate })
    .from(staff)
    .where(eq(staff.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.employeeNumber, { id: row.id, birthDate: row.birthDate }]));
}

/** Unit code → unit id (a code names a unit across all its versions). */
export async function listUnitIdsByCode(exec: Executor, municipalityId: number): Promise<Map<string, number>> {
  const rows = await exec
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(eq(orgUnits.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function listPositionIdsByCode(exec: Executor, municipalityId: number): Promise<Map<string, number>> {
  const rows = await exec
    .select({ id: positions.id, code: positions.code })
    .from(positions)
    .where(eq(positions.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.code, row.id]));
}

// ---------------------------------------------------------------------------------------------
// Writes

export type StaffUpsertRow = {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  searchKey: string;
  birthDate: string;
  sex: string | null;
  hireDate: string;
  employmentType: string;
  jobCategory: string | null;
  separatedOn: string | null;
};

/** Optional columns a file may leave out: an absent column leaves the stored value alone. */
export type StaffOptionalColumns = { sex: boolean; jobCategory: boolean; separatedOn: boolean };

/**
 * Inserts new employee numbers and updates registered ones (bumping version) in one statement.
 * At most `importBatchSize` rows, none repeating an employee number.
 */
export async function upsertStaffBatch(
  exec: Executor,
  municipalityId: number,
  rows: readonly StaffUpsertRow[],
  present: StaffOptionalColumns,
): Promise<{ id: number; employeeNumber: string }[]> {
  if (rows.length === 0) return [];
  const optional = [
    present.sex ? 'sex = excluded.sex' : null,
    present.jobCategory ? 'job_category = excluded.job_category' : null,
    present.separatedOn ? 'separated_on = excluded.separated_on' : null,
  ].filter((assignment) => assignment !== null);
  const json = JSON.stringify(
    rows.map((row) => ({
      employee_number: row.employeeNumber,
      family_name: row.familyName,
      given_name: row.givenName,
      family_name_kana: row.familyNameKana,
      given_name_kana: row.givenNameKana,
      search_key: row.searchKey,
      birth_date: row.birthDate,
      sex: row.sex,
      hire_date: row.hireDate,
      employment_type: row.employmentType,
      job_category: row.jobCategory,
      separated_on: row.separatedOn,
    })),
  );
  return queryRows<{ id: number; employeeNumber: string }>(
    exec,
    sql`
      insert into staff (municipality_id, employee_number, family_name, given_name, family_name_kana, given_name_kana,
                         search_key, birth_date, sex, hire_date, employment_type, job_category, separated_on)
      select ${municipalityId}::int, employee_number, family_name, given_name, family_name_kana, given_name_kana,
             search_key, birth_date, sex, hire_date, employment_type, job_category, separated_on
      from json_to_recordset(${json}::json) as r(employee_number text, family_name text, given_name text,
           family_name_kana text, given_name_kana text, search_key text, birth_date date, sex text, hire_date date,
           employment_type text, job_category text, separated_on date)
      on conflict (municipality_id, employee_number) do update set
        family_name = excluded.family_name,
        given_name = excluded.given_name,
        family_name_kana = excluded.family_name_kana,
        given_name_kana = excluded.given_name_kana,
        search_key = excluded.search_key,
        birth_date = excluded.birth_date,
        hire_date = excluded.hire_date,
        employment_type = excluded.employment_type,
        ${sql.raw(optional.map((assignment) => `${assignment},`).join(' '))}
        version = staff.version + 1,
        updated_at = now()
      returning id, employee_number as "employeeNumber"`,
  );
}

export async function deleteQualificationsOfStaff(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<void> {
  if (staffIds.length === 0) return;
  await exec
    .delete(qualifications)
    .where(and(eq(qualifications.municipalityId, municipalityId), inArray(qualifications.staffId, [...staffIds])));
}

export async function insertQualifications(
  exec: Executor,
  municipalityId: number,
  rows: readonly { staffId: number; name: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((row) => ({ staff_id: row.staffId, name: row.name })));
  await exec.execute(sql`
    insert into qualifications (municipality_id, staff_id, name)
    select ${municipalityId}::int, staff_id, name from json_to_recordset(${json}::json) as r(staff_id int, name text)`);
}

export type AssignmentInsertRow = {
  staffId: number;
  unitId: number;
  positionId: number;
  kind: string;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
};

/**
 * Replaces the stored history of `replacedStaffIds` and inserts `rows`, in one statement so that a commit
 * pays one round trip per batch. The sub-statements share one snapshot: the delete never sees the rows
 * inserted beside it.
 */
export async function replaceAssignments(
  exec: Executor,
  municipalityId: number,
  replacedStaffIds: readonly number[],
  rows: readonly AssignmentInsertRow[],
): Promise<{ deleted: number }> {
  const json = JSON.stringify(
    rows.map((row) => ({
      staff_id: row.staffId,
      unit_id: row.unitId,
      position_id: row.positionId,
      kind: row.kind,
      dispatch_to: row.dispatchTo,
      starts_on: row.startsOn,
      ends_on: row.endsOn,
    })),
  );
  const [result] = await queryRows<{ deleted: number }>(
    exec,
    sql`
      with gone as (
        delete from assignments
        where municipality_id = ${municipalityId} and staff_id = any(${`{${replacedStaffIds.join(',')}}`}::int[])
        returning 1
      ), added as (
        insert into assignments (municipality_id, staff_id, unit_id, position_id, kind, dispatch_to, starts_on, ends_on)
        select ${municipalityId}::int, staff_id, unit_id, position_id, kind, dispatch_to, starts_on, ends_on
        from json_to_recordset(${json}::json) as r(staff_id int, unit_id int, position_id int, kind text,
             dispatch_to text, starts_on date, ends_on date)
      )
      select count(*)::int as deleted from gone`,
  );
  return { deleted: result?.deleted ?? 0 };
}
