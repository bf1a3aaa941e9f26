import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { ExpertiseView, PersonWishesView, PlacementSettingsView, QuotaGridView, RuleFlagsView, WishListView } from '../../domain/placement/rules-api.js';
import { defaultPlacementSettings } from '../../domain/placement/placement-model.js';

let h: Harness;
let hr: Session;
beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/placement/rules', () => {
  it('lists the flags as of the next April 1 by default, with facts and what clears them', async () => {
    const view = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules', 200);
    expect(view.effectiveDate).toBe('2026-04-01'); // today is 2025-10-01
    expect(view.defaultDate).toBe('2026-04-01');
    expect(view.people).toBeGreaterThan(50);
    expect(view.total).toBe(Object.values(view.countsByRule).reduce((a, b) => a + b, 0));
    expect(view.items.length).toBeLessThanOrEqual(view.pageSize);
    const flag = view.items[0]!;
    expect(flag.message).toMatch(/令和/);
    expect(flag.clearedBy.length).toBeGreaterThan(0);
    expect(flag.facts.effectiveDate).toBe('2026-04-01');
  });

  it('filters by rule and unit and pages', async () => {
    const r1 = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?rule=R1&date=2026-04-01', 200);
    expect(r1.total).toBe(r1.countsByRule.R1);
    expect(r1.total).toBeGreaterThan(0);
    for (const item of r1.items) {
      expect(item.rule).toBe('R1');
      expect(Number(item.facts.yearsInUnit)).toBeGreaterThanOrEqual(3);
    }
    const unitId = r1.items[0]!.unitId;
    const inUnit = await h.callJson<RuleFlagsView>(hr, 'GET', `/api/placement/rules?unitId=${unitId}`, 200);
    expect(inUnit.items.every((i) => i.unitId === unitId)).toBe(true);
    const page2 = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?page=2', 200);
    expect(page2.page).toBe(2);
  });

  it('counts tenure at the date asked for: someone at exactly 3 years on 2026-04-01 is not yet a candidate on 2025-10-01', async () => {
    const later = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?rule=R1&date=2026-04-01', 200);
    const three = later.items.find((i) => i.facts.yearsInUnit === 3);
    expect(three).toBeDefined();
    const earlier = await h.callJson<RuleFlagsView>(hr, 'GET', `/api/placement/rules?rule=R1&date=2025-10-01&unitId=${three!.unitId}`, 200);
    expect(earlier.effectiveDate).toBe('2025-10-01');
    expect(earlier.items.some((i) => i.staffId === three!.staffId)).toBe(false);
  });

  it('is HR only', async () => {
    for (const key of ['unitHead', 'staff', 'evaluator', 'auditor'] as const) {
      const res = await h.call(await h.loginAs(key), 'GET', '/api/placement/rules');
      expect(res.status, key).toBe(403);
    }
    expect((await h.call(null, 'GET', '/api/placement/rules')).status).toBe(401);
  });

  it('rejects a bad date or rule', async () => {
    expect((await h.call(hr, 'GET', '/api/placement/rules?date=2026-13-01')).status).toBe(400);
    expect((await h.call(hr, 'GET', '/api/placement/rules?rule=R9')).status).toBe(400);
  });
});

describe('settings', () => {
  it('reads the defaults, saves, refuses a stale token and bad values', async () => {
    const view = await h.callJson<PlacementSettingsView>(hr, 'GET', '/api/placement/settings', 200);
    expect(view.isDefault).toBe(true);
    expect(view.settings).toEqual(defaultPlacementSettings);
    expect(view.orgThresholds).toEqual({ rotationYearsPerUnit: 3, expertCycleYears: 5, rotationYears: 10 });
    const changed = { ...view.settings, rotationEndWindowYears: 2 };
    const saved = await h.callJson<PlacementSettingsView>(hr, 'PUT', '/api/placement/settings', 200, { updatedAt: null, settings: changed });
    expect(saved.isDefault).toBe(false);
    expect(saved.settings.rotationEndWindowYears).toBe(2);
    expect((await h.call(hr, 'PUT', '/api/placement/settings', { updatedAt: null, settings: changed })).status).toBe(409);
    expect((await h.call(hr, 'PUT', '/api/placement/settings', { updatedAt: saved.updatedAt, settings: { ...changed, continuityMaxLeavingShare: 2 } })).status).toBe(400);
    const back = await h.callJson<PlacementSettingsView>(hr, 'PUT', '/api/placement/settings', 200, { updatedAt: saved.updatedAt, settings: defaultPlacementSettings });
    expect(back.settings).toEqual(defaultPlacementSettings);
    const audit = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'placement.settings-saved'`);
    expect(audit).toBe(2);
  });
});

describe('transfer wishes', () => {
  it('HR records up to three ranked wishes, which clear R4', async () => {
    const r4 = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?rule=R4', 200);
    expect(r4.total).toBeGreaterThan(0);
    const person = r4.items[0]!;
    const before = await h.callJson<PersonWishesView>(hr, 'GET', `/api/placement/wishes/${person.staffId}/2026`, 200);
    expect(before.wishes).toEqual([]);
    const [a, b] = before.units.filter((u) => u.unitId !== person.unitId);
    const saved = await h.callJson<PersonWishesView>(hr, 'PUT', `/api/placement/wishes/${person.staffId}/2026`, 200, {
      wishes: [
        { rank: 2, unitId: b!.unitId, reason: '' },
        { rank: 1, unitId: a!.unitId, reason: '福祉の現場を経験したい' },
      ],
    });
    expect(saved.wishes.map((w) => [w.rank, w.unitId, w.source])).toEqual([
      [1, a!.unitId, 'hr'],
      [2, b!.unitId, 'hr'],
    ]);
    const after = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?rule=R4', 200);
    expect(after.total).toBe(r4.total - 1);
    const list = await h.callJson<WishListView>(hr, 'GET', '/api/placement/wishes?fiscalYear=2026', 200);
    expect(list.items.some((i) => i.staff.staffId === person.staffId)).toBe(true);
  });

  it('refuses duplicates, a fourth wish, an unknown unit and an unknown person', async () => {
    const r = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules', 200);
    const staffId = r.items[0]!.staffId;
    const unitId = r.units[0]!.unitId;
    const put = (body: unknown, id = staffId) => h.call(hr, 'PUT', `/api/placement/wishes/${id}/2026`, body);
    expect((await put({ wishes: [{ rank: 1, unitId, reason: '' }, { rank: 1, unitId: r.units[1]!.unitId, reason: '' }] })).status).toBe(400);
    expect((await put({ wishes: [{ rank: 1, unitId, reason: '' }, { rank: 2, unitId, reason: '' }] })).status).toBe(400);
    expect((await put({ wishes: [1, 2, 3, 4].map((rank) => ({ rank, unitId: r.units[rank]!.unitId, reason: '' })) })).status).toBe(400);
    expect((await put({ wishes: [{ rank: 1, unitId: 999_999, reason: '' }] })).status).toBe(400);
    expect((await put({ wishes: [] }, 999_999)).status).toBe(404);
  });
});

describe('expertise fields', () => {
  it('HR records fields; they show with the served ones', async () => {
    const r = await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules?rule=R5', 200);
    const staffId = (r.items[0] ?? (await h.callJson<RuleFlagsView>(hr, 'GET', '/api/placement/rules', 200)).items[0]!).staffId;
    const saved = await h.callJson<ExpertiseView>(hr, 'PUT', `/api/placement/expertise/${staffId}`, 200, { fields: [{ field: '防災', note: '防災士' }] });
    expect(saved.fields).toEqual([{ field: '防災', note: '防災士' }]);
    expect(saved.knownFields).toContain('防災');
    expect((await h.call(hr, 'PUT', `/api/placement/expertise/${staffId}`, { fields: [{ field: '防災', note: '' }, { field: '防災', note: '' }] })).status).toBe(400);
  });
});

describe('定数', () => {
  it('a grid of units × levels with the headcount; saving a 年度 row overrides, null removes it', async () => {
    const grid = await h.callJson<QuotaGridView>(hr, 'GET', '/api/placement/quotas/2026', 200);
    expect(grid.levels).toEqual(['director', 'manager', 'chief', 'supervisor', 'staff']);
    const unit = grid.units.find((u) => u.cells.staff.headcount > 0)!;
    const saved = await h.callJson<QuotaGridView>(hr, 'PUT', '/api/placement/quotas/2026', 200, { cells: [{ unitId: unit.unitId, level: 'staff', headcount: 1 }] });
    expect(saved.units.find((u) => u.unitId === unit.unitId)!.cells.staff).toMatchObject({ quota: 1, fromFiscalYear: 2026 });
    // a later 年度 inherits it
    const next = await h.callJson<QuotaGridView>(hr, 'GET', '/api/placement/quotas/2027', 200);
    expect(next.units.find((u) => u.unitId === unit.unitId)!.cells.staff).toMatchObject({ quota: 1, fromFiscalYear: 2026 });
    const removed = await h.callJson<QuotaGridView>(hr, 'PUT', '/api/placement/quotas/2026', 200, { cells: [{ unitId: unit.unitId, level: 'staff', headcount: null }] });
    expect(removed.units.find((u) => u.unitId === unit.unitId)!.cells.staff.fromFiscalYear).not.toBe(2026);
    expect((await h.call(hr, 'PUT', '/api/placement/quotas/2026', { cells: [{ unitId: unit.unitId, level: 'staff', headcount: -1 }] })).status).toBe(400);
  });

  it('is not for unit heads', async () => {
    expect((await h.call(await h.loginAs('unitHead'), 'GET', '/api/placement/quotas/2026')).status).toBe(403);
  });
});
