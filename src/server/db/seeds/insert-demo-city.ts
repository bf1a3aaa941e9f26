/**
 * Writes a built demo city (demo-city.ts) into the database, inside the transaction the caller opened.
 *
 * Rows go in batches as one JSON parameter each (`insert … select … from json_to_recordset($1)`): one bound
 * value per batch instead of one per cell keeps 40,000 staff and their careers well under a minute on PGlite,
 * and the same statement runs on PostgreSQL. Generator ids are mapped to database ids through natural keys
 * (unit code, employee number, login id), never through the order of RETURNING rows.
 */
import { sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../domain/common/japanese-text.js';
import type { Executor } from '../client.js';
import type { DemoCity } from './demo-city.js';

export type InsertDemoCityOptions = {
  /** argon2 is slow: called once per distinct password, never per account */
  hashPassword: (password: string) => Promise<string>;
  /** rows per INSERT statement (default 5,000) */
  batchSize?: number;
};

export type InsertDemoCityCounts = {
  municipalityId: number;
  positions: number;
  units: number;
  unitVersions: number;
  unitEvents: number;
  staff: number;
  qualifications: number;
  assignments: number;
  accounts: number;
  roleGrants: number;
};

type ColumnType = 'int' | 'text' | 'date' | 'boolean';
type Column = readonly [name: string, type: ColumnType];

/**
 * Inserts rows (objects keyed by column name) into `table` in batches; returns the `returning` columns of
 * every inserted row when asked. `table` and column names are constants of this file, never input.
 */
async function insertRows<R = never>(
  exec: Executor,
  table: string,
  columns: readonly Column[],
  rows: ReadonlyArray<Record<string, unknown>>,
  batchSize: number,
  returning?: string,
): Promise<R[]> {
  const names = columns.map(([name]) => name).join(', ');
  const definition = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const returned: R[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const json = JSON.stringify(rows.slice(i, i + batchSize));
    const query = sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${json}::json) as r(${sql.raw(definition)})${sql.raw(returning ? ` returning ${returning}` : '')}`;
    const result = (await exec.execute(query)) as unknown as { rows: R[] };
    if (returning) returned.push(...result.rows);
  }
  return returned;
}

function mapOrThrow<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`insertDemoCity: ${what} ${String(key)} was not inserted`);
  return value;
}

export async function insertDemoCity(exec: Executor, city: DemoCity, options: InsertDemoCityOptions): Promise<InsertDemoCityCounts> {
  const batchSize = options.batchSize ?? 5000;

  const [municipality] = await insertRows<{ id: number }>(
    exec,
    'municipalities',
    [
      ['code', 'text'],
      ['name', 'text'],
    ],
    [{ code: city.municipality.code, name: city.municipality.name }],
    1,
    'id',
  );
  if (!municipality) throw new Error('insertDemoCity: municipality not inserted');
  const m = municipality.id;

  const positionRows = await insertRows<{ id: number; code: string }>(
    exec,
    'positions',
    [
      ['municipality_id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['rank', 'int'],
      ['level', 'text'],
      ['is_managerial', 'boolean'],
    ],
    city.positions.map((p) => ({ municipality_id: m, code: p.code, name: p.name, rank: p.rank, level: p.level, is_managerial: p.isManagerial })),
    batchSize,
    'id, code',
  );
  const positionByCode = new Map(positionRows.map((r) => [r.code, r.id]));
  const positionId = new Map(city.positions.map((p) => [p.id, mapOrThrow(positionByCode, p.code, 'position')]));

  const unitRows = await insertRows<{ id: number; code: string }>(
    exec,
    'org_units',
    [
      ['municipality_id', 'int'],
      ['code', 'text'],
    ],
    city.units.map((u) => ({ municipality_id: m, code: u.code })),
    batchSize,
    'id, code',
  );
  const unitByCode = new Map(unitRows.map((r) => [r.code, r.id]));
  const unitId = new Map(city.units.map((u) => [u.id, mapOrThrow(unitByCode, u.code, 'unit')]));
  const unit = (id: number) => mapOrThrow(unitId, id, 'unit');
  const unitOrNull = (id: number | null) => (id === null ? null : unit(id));

  await insertRows(
    exec,
    'org_unit_versions',
    [
      ['municipality_id', 'int'],
      ['unit_id', 'int'],
      ['name', 'text'],
      ['kind', 'text'],
      ['parent_unit_id', 'int'],
      ['is_frontline', 'boolean'],
      ['expertise_field', 'text'],
      ['authorised_headcount', 'int'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
    ],
    city.unitVersions.map((v) => ({
      municipality_id: m,
      unit_id: unit(v.unitId),
      name: v.name,
      kind: v.kind,
      parent_unit_id: unitOrNull(v.parentUnitId),
      is_frontline: v.isFrontline,
      expertise_field: v.expertiseField,
      authorised_headcount: v.authorisedHeadcount,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
    })),
    batchSize,
  );

  await insertRows(
    exec,
    'org_unit_events',
    [
      ['municipality_id', 'int'],
      ['unit_id', 'int'],
      ['kind', 'text'],
      ['occurred_on', 'date'],
      ['related_unit_id', 'int'],
      ['note', 'text'],
    ],
    city.unitEvents.map((e) => ({
      municipality_id: m,
      unit_id: unit(e.unitId),
      kind: e.kind,
      occurred_on: e.occurredOn,
      related_unit_id: unitOrNull(e.relatedUnitId),
      note: e.note,
    })),
    batchSize,
  );

  const staffRows = await insertRows<{ id: number; employee_number: string }>(
    exec,
    'staff',
    [
      ['municipality_id', 'int'],
      ['employee_number', 'text'],
      ['family_name', 'text'],
      ['given_name', 'text'],
      ['family_name_kana', 'text'],
      ['given_name_kana', 'text'],
      ['search_key', 'text'],
      ['birth_date', 'date'],
      ['sex', 'text'],
      ['hire_date', 'date'],
      ['employment_type', 'text'],
      ['job_category', 'text'],
      ['separated_on', 'date'],
    ],
    city.staff.map((s) => ({
      municipality_id: m,
      employee_number: s.employeeNumber,
      family_name: s.familyName,
      given_name: s.givenName,
      family_name_kana: s.familyNameKana,
      given_name_kana: s.givenNameKana,
      // The same key as import.service.ts and staff.service.ts build, so search behaves alike for all staff.
      search_key: normalizeForSearch(`${s.familyName}${s.givenName} ${s.familyNameKana}${s.givenNameKana} ${s.employeeNumber}`),
      birth_date: s.birthDate,
      sex: s.sex,
      hire_date: s.hireDate,
      employment_type: s.employmentType,
      job_category: s.jobCategory,
      separated_on: s.separatedOn,
    })),
    batchSize,
    'id, employee_number',
  );
  const staffByNumber = new Map(staffRows.map((r) => [r.employee_number, r.id]));
  const staffId = new Map(city.staff.map((s) => [s.id, mapOrThrow(staffByNumber, s.employeeNumber, 'staff')]));
  const person = (id: number) => mapOrThrow(staffId, id, 'staff');

  const qualifications = city.staff.flatMap((s) =>
    s.qualifications.map((q) => ({ municipality_id: m, staff_id: person(s.id), name: q.name, acquired_on: q.acquiredOn })),
  );
  await insertRows(
    exec,
    'qualifications',
    [
      ['municipality_id', 'int'],
      ['staff_id', 'int'],
      ['name', 'text'],
      ['acquired_on', 'date'],
    ],
    qualifications,
    batchSize,
  );

  // Built per batch, so 600,000 assignments never sit in memory twice over.
  const assignmentColumns: readonly Column[] = [
    ['municipality_id', 'int'],
    ['staff_id', 'int'],
    ['unit_id', 'int'],
    ['position_id', 'int'],
    ['kind', 'text'],
    ['dispatch_to', 'text'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
  ];
  for (let i = 0; i < city.assignments.length; i += batchSize) {
    const batch = city.assignments.slice(i, i + batchSize).map((a) => ({
      municipality_id: m,
      staff_id: person(a.staffId),
      unit_id: unit(a.unitId),
      position_id: mapOrThrow(positionId, a.positionId, 'position'),
      kind: a.kind,
      dispatch_to: a.dispatchTo,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
    }));
    await insertRows(exec, 'assignments', assignmentColumns, batch, batchSize);
  }

  // One hash per distinct password (all demo logins share one, all per-staff accounts another).
  const hashes = new Map<string, string>();
  for (const password of new Set(city.accounts.map((a) => a.password))) hashes.set(password, await options.hashPassword(password));
  const accountRows = await insertRows<{ id: number; login_id: string }>(
    exec,
    'accounts',
    [
      ['municipality_id', 'int'],
      ['staff_id', 'int'],
      ['login_id', 'text'],
      ['display_name', 'text'],
      ['password_hash', 'text'],
    ],
    city.accounts.map((a) => ({
      municipality_id: m,
      staff_id: person(a.staffId),
      login_id: a.loginId,
      display_name: a.displayName,
      password_hash: mapOrThrow(hashes, a.password, 'password hash'),
    })),
    batchSize,
    'id, login_id',
  );
  const accountByLogin = new Map(accountRows.map((r) => [r.login_id, r.id]));
  const grants = city.accounts.flatMap((a) =>
    a.roles.map((role) => ({
      municipality_id: m,
      account_id: mapOrThrow(accountByLogin, a.loginId, 'account'),
      role,
      starts_on: a.rolesStartOn,
      reason: 'デモ環境の初期設定',
    })),
  );
  await insertRows(
    exec,
    'role_grants',
    [
      ['municipality_id', 'int'],
      ['account_id', 'int'],
      ['role', 'text'],
      ['starts_on', 'date'],
      ['reason', 'text'],
    ],
    grants,
    batchSize,
  );

  return {
    municipalityId: m,
    positions: positionRows.length,
    units: unitRows.length,
    unitVersions: city.unitVersions.length,
    unitEvents: city.unitEvents.length,
    staff: staffRows.length,
    qualifications: qualifications.length,
    assignments: city.assignments.length,
    accounts: accountRows.length,
    roleGrants: grants.length,
  };
}
