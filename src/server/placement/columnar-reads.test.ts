import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../http/test-harness.js';
import { readColumns } from '../db/columnar.js';
import { listAssignmentsOfMovableStaff, listMovableStaff } from './facts.repository.js';
import { listAssignmentsOfPeoplePostedOn, listPeoplePostedOn } from './careers.repository.js';
import { movableEmploymentTypes } from '../../domain/placement/placement-facts.js';

let h: Harness;
let municipalityId: number;
beforeAll(async () => {
  h = await createHarness();
  municipalityId = (await h.contextOf('hrAdmin')).actor.municipalityId;
});
afterAll(async () => {
  await h.close();
});

const values = sql`from (values
  (3, -7, 1.5::float8, 'regular', '2025-04-01'::date, null::date, 'カンマ, と "引用符" と\n改行', null::text),
  (1, null, 0::float8, 'dispatch', '1999-12-31'::date, '2026-03-31'::date, '', '群馬県, 前橋市'),
  (2, 12345678, -2.25::float8, 'concurrent', '2000-02-29'::date, null::date, '𠮷田 髙橋', null::text)
) as v(id, n, x, kind, starts_on, ends_on, note, memo)`;

describe('readColumns: many rows as one row of columns', () => {
  it('gives every kind of column back exactly, row by row, in the order asked', async () => {
    const { count, columns } = await readColumns(
      h.database.db,
      {
        id: ['int', sql`v.id`],
        n: ['nullable-int', sql`v.n`],
        x: ['number', sql`v.x`],
        kind: ['code', sql`v.kind`],
        startsOn: ['date', sql`v.starts_on`],
        endsOn: ['nullable-date', sql`v.ends_on`],
        note: ['text', sql`v.note`],
        memo: ['nullable-text', sql`v.memo`],
      },
      values,
      'id',
    );
    expect(count).toBe(3);
    expect(columns).toEqual({
      id: [1, 2, 3],
      n: [null, 12345678, -7],
      x: [0, -2.25, 1.5],
      kind: ['dispatch', 'concurrent', 'regular'],
      startsOn: ['1999-12-31', '2000-02-29', '2025-04-01'],
      endsOn: ['2026-03-31', null, null],
      note: ['', '𠮷田 髙橋', 'カンマ, と "引用符" と\n改行'],
      memo: ['群馬県, 前橋市', null, null],
    });
  });

  it('gives empty columns for no rows', async () => {
    const result = await readColumns(h.database.db, { id: ['int', sql`v.id`], note: ['text', sql`v.note`] }, sql`${values} where v.id > 10`);
    expect(result).toEqual({ count: 0, columns: { id: [], note: [] } });
  });
});

describe('the placement reads as columns', () => {
  const byId = <T extends { id?: number; staffId: number }>(rows: T[]) => [...rows].sort((a, b) => (a.id ?? a.staffId) - (b.id ?? b.staffId));

  it('read the same assignments and staff as a plain row-by-row query', async () => {
    const date = '2026-03-31';
    const until = '2026-04-01';
    const assignments = await listAssignmentsOfMovableStaff(h.database.db, municipalityId, date, movableEmploymentTypes, until);
    const expected = await h.queryRows<Record<string, unknown>>(sql`
      select a.id, a.staff_id, a.unit_id, a.position_id, a.kind, a.dispatch_to, a.starts_on, a.ends_on
      from assignments a join staff s on s.id = a.staff_id
      where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${until}
        and s.employment_type in ('regular', 'extended') and (s.separated_on is null or s.separated_on >= ${date})
      order by a.id`);
    expect(expected.length).toBeGreaterThan(100);
    expect(byId(assignments)).toEqual(
      expected.map((r) => ({
        id: Number(r.id),
        staffId: Number(r.staff_id),
        unitId: Number(r.unit_id),
        positionId: Number(r.position_id),
        kind: r.kind,
        dispatchTo: r.dispatch_to ?? null,
        startsOn: r.starts_on,
        endsOn: r.ends_on ?? null,
      })),
    );
    expect(assignments.some((a) => a.kind === 'dispatch')).toBe(true);

    const staff = await listMovableStaff(h.database.db, municipalityId, date, movableEmploymentTypes);
    const expectedStaff = await h.queryRows<Record<string, unknown>>(sql`
      select id, employee_number, family_name, given_name, hire_date, employment_type, career_phase_override, career_phase_override_reason
      from staff where municipality_id = ${municipalityId} and employment_type in ('regular', 'extended') and (separated_on is null or separated_on >= ${date})
      order by id`);
    expect(byId(staff)).toEqual(
      expectedStaff.map((r) => ({
        staffId: Number(r.id),
        employeeNumber: r.employee_number,
        familyName: r.family_name,
        givenName: r.given_name,
        hireDate: r.hire_date,
        employmentType: r.employment_type,
        careerPhaseOverride: r.career_phase_override ?? null,
        careerPhaseOverrideReason: r.career_phase_override_reason ?? null,
      })),
    );
  });

  it('read the career map’s people and histories like a plain query', async () => {
    const date = '2025-10-01';
    const people = await listPeoplePostedOn(h.database.db, municipalityId, date);
    const posted = await h.queryRows<{ id: number }>(sql`
      select distinct a.staff_id as id from assignments a
      where a.municipality_id = ${municipalityId} and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
      order by 1`);
    expect(byId(people).map((p) => p.staffId)).toEqual(posted.map((r) => Number(r.id)));
    const history = await listAssignmentsOfPeoplePostedOn(h.database.db, municipalityId, date);
    const [count] = await h.queryRows<{ n: number }>(sql`
      select count(*)::int as n from assignments a
      where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${date}
        and a.staff_id in (select staff_id from assignments p where p.kind = 'regular' and p.starts_on <= ${date} and (p.ends_on is null or p.ends_on >= ${date}))`);
    expect(history).toHaveLength(Number(count!.n));
    expect(new Set(history.map((a) => a.id)).size).toBe(history.length);
  });
});
