/** The demo digital talent: an HQ with a chief, three working groups, leaders in most divisions but not all. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../../http/test-harness.js';
import { testToday } from '../test-db.js';
import type { DxLeaderCoverage, DxStructure } from '../../../domain/digital/digital-api.js';
import { seedDemoDigital } from './demo-digital.js';

let h: Harness;
let counts: Record<string, number>;

beforeAll(async () => {
  h = await createHarness();
  counts = await seedDemoDigital(h.database, { today: testToday, seed: 20251001, config: h.deps.config });
});
afterAll(async () => {
  await h.close();
});

describe('demo digital talent', () => {
  it('builds the HQ with a 本部長 and three working groups, two advisors, one exchange, a few assessments', async () => {
    expect(counts).toMatchObject({ bodies: 4, advisors: 2, exchanges: 1, assessments: 8 });
    const staff = await h.loginAs('staff');
    const structure = await h.callJson<DxStructure>(staff, 'GET', '/api/digital/structure', 200);
    const hq = structure.bodies.find((b) => b.kind === 'hq')!;
    expect(hq.members.filter((m) => m.role === 'chief')).toHaveLength(1);
    expect(structure.bodies.filter((b) => b.kind === 'working_group').map((b) => b.members.length)).toEqual([4, 4, 4]);
  });

  it('leaves 市民課 and some other divisions without a leader, and never names a demo account', async () => {
    const hr = await h.loginAs('hrAdmin');
    const coverage = await h.callJson<DxLeaderCoverage>(hr, 'GET', `/api/digital/leaders?asOf=${testToday}`, 200);
    expect(coverage.rows.find((r) => r.unitName === '市民課')!.status).toBe('missing');
    expect(coverage.gapCount).toBeGreaterThan(0);
    expect(coverage.gapCount).toBeLessThan(coverage.rows.length / 2);
    expect(await h.queryCount(sql`select count(*)::int as n from dx_leaders l join staff s on s.id = l.staff_id where s.employee_number between 'A0001' and 'A0009'`)).toBe(0);
    expect(await h.queryCount(sql`select count(*)::int as n from digital_skill_assessments a join staff s on s.id = a.staff_id where s.employee_number between 'A0001' and 'A0009'`)).toBe(0);
  });

  it('is deterministic and runs once', async () => {
    expect(await seedDemoDigital(h.database, { today: testToday, seed: 20251001, config: h.deps.config })).toEqual({});
  });
});
