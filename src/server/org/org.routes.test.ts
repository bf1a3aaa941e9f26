import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { addDays, fiscalYearOf } from '../../domain/common/fiscal-year.js';
import type { PositionItem, UnitEventItem, UnitList, UnitPage } from '../../domain/org/org-api.js';
import { demoMunicipalityId, insertAssignment, insertStaff, positionIdByCode, staffIdByNumber, unitIdByCode } from './org-fixtures.repository.js';

let h: Harness;
let hr: Session;
const fy = fiscalYearOf(testToday);
// The demo city's reorganisations (demo-city.ts), all on April 1 of a fiscal year before today's.
const renamedOn = `${fy - 3}-04-01`;
const mergedOn = `${fy - 2}-04-01`;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/org/units', () => {
  it('shows a renamed unit under its old name before the reorganisation and its new name after', async () => {
    const before = await h.callJson<UnitList>(hr, 'GET', `/api/org/units?asOf=${addDays(renamedOn, -1)}`, 200);
    const after = await h.callJson<UnitList>(hr, 'GET', `/api/org/units?asOf=${renamedOn}`, 200);
    const old = before.units.find((u) => u.code === 'D03-K03');
    const renamed = after.units.find((u) => u.code === 'D03-K03');
    expect(old?.name).toBe('生活環境課');
    expect(renamed?.name).toBe('環境政策課');
    expect(old?.id).toBe(renamed?.id);
    expect(before.asOf).toBe(addDays(renamedOn, -1));
  });

  it('places a moved unit under its parent of the time, in the path too', async () => {
    const movedOn = renamedOn;
    const before = await h.callJson<UnitList>(hr, 'GET', `/api/org/units?asOf=${addDays(movedOn, -1)}`, 200);
    const after = await h.callJson<UnitList>(hr, 'GET', `/api/org/units?asOf=${movedOn}`, 200);
    const b = before.units.find((u) => u.code === 'D02-K04-S02');
    const a = after.units.find((u) => u.code === 'D02-K04-S02');
    expect(b?.parentId).not.toBe(a?.parentId);
    expect(b?.path.split(' › ')).toHaveLength(3);
    expect(a?.path.startsWith(after.units.find((u) => u.code === 'D02-K01')!.path)).toBe(true);
  });

  it('lists the tree depth-first by code with paths and member counts (default: today)', async () => {
    const body = await h.callJson<UnitList>(hr, 'GET', '/api/org/units', 200);
    expect(body.asOf).toBe(testToday);
    const seen = new Set<number>();
    for (const unit of body.units) {
      if (unit.parentId !== null) expect(seen.has(unit.parentId)).toBe(true);
      seen.add(unit.id);
    }
    const departments = body.units.filter((u) => u.kind === 'department').map((u) => u.code);
    expect(departments).toEqual([...departments].sort());
    expect(body.units.find((u) => u.code === 'D01-K02-S01')?.path).toMatch(/^総務部 › .+ › .+$/);
    // The abolished 係 is gone today; the absorbed 証明係 too.
    expect(body.units.some((u) => u.code === 'D01-K04-S03')).toBe(false);
    expect(body.units.some((u) => u.code === 'D03-K01-S02')).toBe(false);
    const total = body.units.reduce((n, u) => n + u.memberCount, 0);
    expect(total).toBeGreaterThan(80);
    expect(body.units.find((u) => u.code === 'D03-K01-S01')!.memberCount).toBeGreaterThanOrEqual(2);
  });

  it('is for signed-in users, and refuses an impossible date', async () => {
    expect((await h.call(null, 'GET', '/api/org/units')).status).toBe(401);
    await h.callJson(await h.loginAs('staff'), 'GET', '/api/org/units', 200);
    const bad = await h.callJson<{ error: { code: string } }>(hr, 'GET', '/api/org/units?asOf=2025-02-30', 400);
    expect(bad.error.code).toBe('org.invalid-date');
    expect((await h.call(hr, 'GET', '/api/org/units?asOf=yesterday')).status).toBe(400);
  });
});

describe('GET /api/org/events and /api/org/positions', () => {
  it('lists reorganisations newest first with the names of the time', async () => {
    const { events } = await h.callJson<{ events: UnitEventItem[] }>(hr, 'GET', '/api/org/events', 200);
    expect(events.length).toBeGreaterThanOrEqual(4);
    const dates = events.map((e) => e.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const merged = events.find((e) => e.kind === 'merged');
    expect(merged).toMatchObject({ unitCode: 'D03-K01-S02', unitName: '証明係', occurredOn: mergedOn, relatedUnitName: '窓口係' });
    expect(events.find((e) => e.kind === 'renamed')).toMatchObject({ unitCode: 'D03-K03', unitName: '環境政策課' });
    const windowed = await h.callJson<{ events: { occurredOn: string }[] }>(hr, 'GET', `/api/org/events?from=${mergedOn}&to=${mergedOn}`, 200);
    expect(windowed.events.length).toBeGreaterThanOrEqual(1);
    expect(windowed.events.every((e) => e.occurredOn === mergedOn)).toBe(true);
  });

  it('lists positions most senior first with level labels', async () => {
    const { positions } = await h.callJson<{ positions: PositionItem[] }>(await h.loginAs('staff'), 'GET', '/api/org/positions', 200);
    expect(positions[0]).toMatchObject({ code: 'bucho', rank: 1, level: 'director', levelLabel: '部長級' });
    expect(positions.map((p) => p.rank)).toEqual([...positions.map((p) => p.rank)].sort((a, b) => a - b));
  });
});

describe('GET /api/org/units/:id (各課の在籍職員の経歴の見える化)', () => {
  it('shows HR a unit with its history and members ordered by position rank, each with a career', async () => {
    const unitId = await unitIdByCode(h.database.db, 'D03-K01-S01');
    const page = await h.callJson<UnitPage>(hr, 'GET', `/api/org/units/${unitId}`, 200);
    expect(page.unit).toMatchObject({ id: unitId, code: 'D03-K01-S01', name: '窓口係' });
    expect(page.unit.history.length).toBeGreaterThanOrEqual(1);
    const numbers = page.members.map((m) => m.employeeNumber);
    expect(numbers).toContain('A0004');
    expect(numbers).toContain('A0005');
    // 係長 before 主事
    expect(numbers.indexOf('A0004')).toBeLessThan(numbers.indexOf('A0005'));
    for (const m of page.members) {
      expect(m.career.length).toBeGreaterThanOrEqual(1);
      const starts = m.career.map((e) => e.startsOn);
      expect(starts).toEqual([...starts].sort().reverse());
      expect(m.career.some((e) => e.unitId === unitId && (e.endsOn === null || e.endsOn >= testToday))).toBe(true);
      expect(m.yearsInUnit).toBeGreaterThanOrEqual(0);
    }
    const staffMember = page.members.find((m) => m.employeeNumber === 'A0005')!;
    expect(staffMember).toMatchObject({ positionName: '主事', careerPhase: 'rotation' });
  });

  it('counts tenure across the merger and shows the absorbed unit under its own name in the career', async () => {
    const db = h.database.db;
    const m = await demoMunicipalityId(db);
    const person = await insertStaff(db, m, { hireDate: `${fy - 6}-04-01`, familyName: '統合', givenName: '確認' });
    await insertAssignment(db, m, {
      staffId: person,
      unitId: await unitIdByCode(db, 'D03-K01-S02'),
      positionId: await positionIdByCode(db, 'shuji'),
      startsOn: `${fy - 4}-04-01`,
      endsOn: addDays(mergedOn, -1),
    });
    await insertAssignment(db, m, {
      staffId: person,
      unitId: await unitIdByCode(db, 'D03-K01-S01'),
      positionId: await positionIdByCode(db, 'shuji'),
      startsOn: mergedOn,
    });
    const unitId = await unitIdByCode(db, 'D03-K01-S01');
    const page = await h.callJson<UnitPage>(hr, 'GET', `/api/org/units/${unitId}`, 200);
    const member = page.members.find((x) => x.staffId === person)!;
    expect(member.startsOn).toBe(`${fy - 4}-04-01`);
    expect(member.yearsInUnit).toBe(4);
    expect(member.career.map((e) => e.unitName)).toEqual(['窓口係', '証明係']);
  });

  it('shows a past date as it was (members then, names then)', async () => {
    const unitId = await unitIdByCode(h.database.db, 'D03-K03');
    const page = await h.callJson<UnitPage>(hr, 'GET', `/api/org/units/${unitId}?asOf=${addDays(renamedOn, -1)}`, 200);
    expect(page.unit.name).toBe('生活環境課');
    expect(page.unit.history.map((v) => v.name)).toEqual(['生活環境課', '環境政策課']);
    for (const m of page.members) expect(m.career.every((e) => e.startsOn <= addDays(renamedOn, -1))).toBe(true);
  });

  it('lets a unit head see the units they head (with the units below) and nothing else', async () => {
    const head = await h.loginAs('unitHead');
    const division = await unitIdByCode(h.database.db, 'D03-K01');
    const section = await unitIdByCode(h.database.db, 'D03-K01-S01');
    const elsewhere = await unitIdByCode(h.database.db, 'D01-K02-S01');
    const own = await h.callJson<UnitPage>(head, 'GET', `/api/org/units/${division}`, 200);
    expect(own.members.map((m) => m.employeeNumber)).toContain('A0003');
    expect(own.members.map((m) => m.employeeNumber)).not.toContain('A0005');
    const withSubunits = await h.callJson<UnitPage>(head, 'GET', `/api/org/units/${division}?includeSubunits=true`, 200);
    expect(withSubunits.members.map((m) => m.employeeNumber)).toEqual(expect.arrayContaining(['A0003', 'A0004', 'A0005']));
    await h.callJson(head, 'GET', `/api/org/units/${section}`, 200);
    const denied = await h.callJson<{ error: { code: string } }>(head, 'GET', `/api/org/units/${elsewhere}`, 403);
    expect(denied.error.code).toBe('access.denied');
  });

  it('refuses people who head nothing, and answers 404 for a unit that does not exist on the date', async () => {
    const section = await unitIdByCode(h.database.db, 'D03-K01-S01');
    await h.callJson(await h.loginAs('evaluator'), 'GET', `/api/org/units/${section}`, 403);
    await h.callJson(await h.loginAs('staff'), 'GET', `/api/org/units/${section}`, 403);
    const abolished = await unitIdByCode(h.database.db, 'D01-K04-S03');
    const gone = await h.callJson<{ error: { code: string } }>(hr, 'GET', `/api/org/units/${abolished}`, 404);
    expect(gone.error.code).toBe('org.unit-not-found');
    expect(await staffIdByNumber(h.database.db, 'A0005')).toBeGreaterThan(0);
  });
});
