import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { addDays, fiscalYearOf } from '../../domain/common/fiscal-year.js';
import { tenureBandOf } from '../../domain/placement/career-map.js';
import type { CareerUnitList, CityCareerView, UnitCareerView } from '../../domain/placement/careers-api.js';
import { demoMunicipalityId, insertAssignment, insertStaff, positionIdByCode, unitIdByCode } from '../org/org-fixtures.repository.js';

let h: Harness;
let hr: Session;
const fy = fiscalYearOf(testToday);
// demo-city.ts: 証明係 (D03-K01-S02) is merged into 窓口係 (D03-K01-S01) on April 1 of FY−2.
const mergedOn = `${fy - 2}-04-01`;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/placement/careers/city', () => {
  it('gives HR every unit with members, grouped by 部, with bands, coverage and mean years that add up', async () => {
    const map = await h.callJson<CityCareerView>(hr, 'GET', '/api/placement/careers/city', 200);
    expect(map.date).toBe(testToday);
    expect(map.rotationYearsPerUnit).toBe(3);
    expect(map.departments.length).toBeGreaterThanOrEqual(5);
    expect(map.departments[0]!.name).toBe('総務部');
    const rows = map.departments.flatMap((d) => d.rows);
    const counted = (r: { bands: number[] }) => r.bands.reduce((a, b) => a + b, 0);
    for (const r of rows) {
      expect(counted(r) + r.dispatched).toBe(r.members);
      expect(r.rotationMembers).toBe(r.rotationBands.reduce((a, b) => a + b, 0));
      expect(r.rotationWithFrontline).toBeLessThanOrEqual(r.rotationMembers);
      expect(r.rotationDue).toBe(r.rotationBands.slice(3).reduce((a, b) => a + b, 0));
    }
    expect(map.totals.members).toBe(rows.reduce((n, r) => n + r.members, 0));
    expect(map.totals.members).toBeGreaterThan(80);
    const counter = rows.find((r) => r.code === 'D03-K01-S01')!;
    expect(counter.isFrontline).toBe(true);
    expect(counter.path).toBe('市民部 › 市民課 › 窓口係');
    // At the counter now, so every ① member there has frontline experience.
    expect(counter.frontlinePercent).toBe(100);
    // The absorbed 証明係 is gone today.
    expect(rows.some((r) => r.code === 'D03-K01-S02')).toBe(false);
  });

  it('agrees with the unit view on the members of a unit', async () => {
    const unitId = await unitIdByCode(h.database.db, 'D01-K02-S01');
    const map = await h.callJson<CityCareerView>(hr, 'GET', '/api/placement/careers/city', 200);
    const row = map.departments.flatMap((d) => d.rows).find((r) => r.unitId === unitId)!;
    const view = await h.callJson<UnitCareerView>(hr, 'GET', `/api/placement/careers/units/${unitId}?includeSubunits=false`, 200);
    const bands = [0, 0, 0, 0, 0, 0];
    for (const m of view.members) if (m.yearsInUnit !== null) bands[tenureBandOf(m.yearsInUnit)]! += 1;
    expect(bands).toEqual(row.bands);
    expect(view.members.filter((m) => m.isRotationDue).length).toBe(row.rotationDue);
  });

  it('is for HR only: a unit head and staff are refused; an impossible date is refused', async () => {
    await h.callJson(await h.loginAs('hrOfficer'), 'GET', '/api/placement/careers/city', 200);
    await h.callJson(await h.loginAs('unitHead'), 'GET', '/api/placement/careers/city', 403);
    await h.callJson(await h.loginAs('staff'), 'GET', '/api/placement/careers/city', 403);
    await h.callJson(null, 'GET', '/api/placement/careers/city', 401);
    const bad = await h.callJson<{ error: { code: string } }>(hr, 'GET', '/api/placement/careers/city?asOf=2025-02-30', 400);
    expect(bad.error.code).toBe('org.invalid-date');
  });
});

describe('GET /api/placement/careers/units and /units/:id', () => {
  it('lists every unit for HR and only the headed units for a unit head; staff are refused', async () => {
    const all = await h.callJson<CareerUnitList>(hr, 'GET', '/api/placement/careers/units', 200);
    expect(all.canSeeCity).toBe(true);
    expect(all.units.length).toBeGreaterThan(30);
    const head = await h.callJson<CareerUnitList>(await h.loginAs('unitHead'), 'GET', '/api/placement/careers/units', 200);
    expect(head.canSeeCity).toBe(false);
    const codes = head.units.map((u) => u.code);
    expect(codes).toContain('D03-K01');
    expect(codes).toContain('D03-K01-S01');
    expect(codes.every((c) => c.startsWith('D03-K01'))).toBe(true);
    await h.callJson(await h.loginAs('staff'), 'GET', '/api/placement/careers/units', 403);
    await h.callJson(await h.loginAs('evaluator'), 'GET', '/api/placement/careers/units', 403);
  });

  it('gives the members × 年度 matrix: last 10 年度 by default, N on request, each row with phase and reason', async () => {
    const unitId = await unitIdByCode(h.database.db, 'D03-K01-S01');
    const view = await h.callJson<UnitCareerView>(hr, 'GET', `/api/placement/careers/units/${unitId}`, 200);
    expect(view.fiscalYears).toHaveLength(10);
    expect(view.fiscalYears[9]).toBe(fy);
    expect(view.unit).toMatchObject({ id: unitId, name: '窓口係', isFrontline: true });
    const numbers = view.members.map((m) => m.employeeNumber);
    expect(numbers.indexOf('A0004')).toBeLessThan(numbers.indexOf('A0005'));
    const staffRow = view.members.find((m) => m.employeeNumber === 'A0005')!;
    expect(staffRow).toMatchObject({ positionName: '主事', phase: 'rotation', hasFrontlineExperience: true });
    expect(staffRow.phaseReason).toMatch(/ジョブローテーション期間/);
    expect(staffRow.cells).toHaveLength(10);
    expect(staffRow.cells[9]).toMatchObject({ kind: 'regular', isFrontline: true, isCurrentUnit: true, label: '市民・窓口' });
    const five = await h.callJson<UnitCareerView>(hr, 'GET', `/api/placement/careers/units/${unitId}?years=5`, 200);
    expect(five.fiscalYears).toEqual([fy - 4, fy - 3, fy - 2, fy - 1, fy]);
    await h.callJson(hr, 'GET', `/api/placement/careers/units/${unitId}?years=0`, 400);
    await h.callJson(hr, 'GET', `/api/placement/careers/units/${unitId}?years=31`, 400);
  });

  it('does not mark the merger as a move, and counts tenure across it', async () => {
    const db = h.database.db;
    const m = await demoMunicipalityId(db);
    const person = await insertStaff(db, m, { hireDate: `${fy - 6}-04-01`, familyName: '統合', givenName: '経歴' });
    const shuji = await positionIdByCode(db, 'shuji');
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D01-K01-S01'), positionId: shuji, startsOn: `${fy - 6}-04-01`, endsOn: `${fy - 4}-03-31` });
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D03-K01-S02'), positionId: shuji, startsOn: `${fy - 4}-04-01`, endsOn: addDays(mergedOn, -1) });
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D03-K01-S01'), positionId: shuji, startsOn: mergedOn });
    const unitId = await unitIdByCode(db, 'D03-K01-S01');
    const view = await h.callJson<UnitCareerView>(hr, 'GET', `/api/placement/careers/units/${unitId}?years=7`, 200);
    const row = view.members.find((x) => x.staffId === person)!;
    expect(row.yearsInUnit).toBe(4);
    expect(row.inUnitSince).toBe(`${fy - 4}-04-01`);
    expect(row.isRotationDue).toBe(true);
    expect(row.cells.map((c) => c.changed)).toEqual([true, false, true, false, false, false, false]);
    expect(row.cells.map((c) => c.label)).toEqual(['総務・総務', '総務・総務', '市民・証明', '市民・証明', '市民・窓口', '市民・窓口', '市民・窓口']);
    expect(row.cells.slice(0, 2).some((c) => c.isCurrentUnit)).toBe(false);
    expect(row.cells.slice(2).every((c) => c.isCurrentUnit)).toBe(true);
  });

  it('lets a unit head open the units they head and nothing else; staff are refused', async () => {
    const head = await h.loginAs('unitHead');
    const division = await unitIdByCode(h.database.db, 'D03-K01');
    const view = await h.callJson<UnitCareerView>(head, 'GET', `/api/placement/careers/units/${division}`, 200);
    expect(view.includeSubunits).toBe(true);
    expect(view.members.map((m) => m.employeeNumber)).toEqual(expect.arrayContaining(['A0003', 'A0004', 'A0005']));
    const elsewhere = await unitIdByCode(h.database.db, 'D01-K02-S01');
    const denied = await h.callJson<{ error: { code: string } }>(head, 'GET', `/api/placement/careers/units/${elsewhere}`, 403);
    expect(denied.error.code).toBe('access.denied');
    await h.callJson(await h.loginAs('staff'), 'GET', `/api/placement/careers/units/${division}`, 403);
    const abolished = await unitIdByCode(h.database.db, 'D01-K04-S03');
    await h.callJson(hr, 'GET', `/api/placement/careers/units/${abolished}`, 404);
  });
});
