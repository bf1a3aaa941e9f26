import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../http/test-harness.js';
import { listHoursOfYear, listStaffNamesOn } from './reports.repository.js';
import { listStaffWithPostsBetween } from './plan.repository.js';

// The whole-city reads of the reports come back as one row of columns (db/columnar.ts); they must
// read exactly what the row-by-row queries they replaced read, in the same order.
let h: Harness;
let municipalityId: number;
beforeAll(async () => {
  h = await createHarness();
  municipalityId = (await h.contextOf('hrAdmin')).actor.municipalityId;
  await h.queryRows(sql`insert into self_development_records (municipality_id, staff_id, kind, title, started_on, hours, status)
    select municipality_id, id, 'e-learning', '情報セキュリティ基礎', '2025-07-01', 1.25 + id % 3, 'confirmed' from staff where id % 4 = 0`);
});
afterAll(async () => {
  await h.close();
});

const asOf = '2025-10-01';

describe('the training reports read as columns', () => {
  it('hours per person: everyone employed on the day, by staff id, with their post and sums', async () => {
    const rows = await listHoursOfYear(h.database.db, municipalityId, { fiscalYear: 2025, from: '2025-04-01', to: '2026-03-31', asOf });
    const employed = await h.queryRows<{ id: number }>(sql`
      select id from staff where municipality_id = ${municipalityId} and hire_date <= ${asOf} and (separated_on is null or separated_on >= ${asOf}) order by id`);
    expect(rows.map((r) => r.staffId)).toEqual(employed.map((r) => Number(r.id)));
    const self = await h.queryRows<{ staff_id: number; hours: number }>(sql`
      select staff_id, sum(hours)::float8 as hours from self_development_records where status = 'confirmed' group by staff_id`);
    const selfOf = new Map(self.map((r) => [Number(r.staff_id), Number(r.hours)]));
    expect(selfOf.size).toBeGreaterThan(10);
    for (const r of rows) expect(r.selfDevelopmentHours).toBe(selfOf.get(r.staffId) ?? 0);
    expect(rows.filter((r) => r.unitId !== null && r.positionLevel !== null).length).toBeGreaterThan(rows.length / 2);
  });

  it('names: by 職員番号, everyone or the people asked for', async () => {
    const all = await listStaffNamesOn(h.database.db, municipalityId, asOf, null);
    const expected = await h.queryRows<{ id: number }>(sql`
      select id from staff where municipality_id = ${municipalityId} and hire_date <= ${asOf} and (separated_on is null or separated_on >= ${asOf})
      order by employee_number`);
    expect(all.map((n) => n.staffId)).toEqual(expected.map((r) => Number(r.id)));
    const some = await listStaffNamesOn(h.database.db, municipalityId, asOf, [all[5]!.staffId, all[2]!.staffId]);
    expect(some).toEqual([all[2], all[5]]);
  });

  it('staff with posts between two dates: in kana order, posts newest first', async () => {
    const people = await listStaffWithPostsBetween(h.database.db, municipalityId, '2025-04-01', '2025-10-01');
    const expected = await h.queryRows<{ id: number; starts_on: string | null }>(sql`
      select s.id, a.starts_on
      from staff s
      left join assignments a on a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= '2025-10-01' and (a.ends_on is null or a.ends_on >= '2025-04-01')
      where s.municipality_id = ${municipalityId} and s.hire_date <= '2025-10-01' and (s.separated_on is null or s.separated_on >= '2025-04-01')
      order by s.family_name_kana, s.given_name_kana, s.id, a.starts_on desc, a.id desc`);
    const ids: number[] = [];
    for (const r of expected) if (ids[ids.length - 1] !== Number(r.id)) ids.push(Number(r.id));
    expect(people.map((p) => p.staffId)).toEqual(ids);
    expect(people.flatMap((p) => p.posts.map((a) => a.startsOn))).toEqual(expected.filter((r) => r.starts_on !== null).map((r) => r.starts_on));
  });
});
