/**
 * Raters as a relation of the access layer (ADR 0018): 'sitting-rater' is resolved by the route guard from the
 * sitting (and applicant) in the path. Nobody else gets through — not a plain staff member, not HR (no role grants
 * 'recruitment.scoring.rate') — and the relation ends when the campaign is finished. /api/auth/me carries only
 * whether the account rates some sitting, for the menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { declaredAccess, routeKey } from '../http/route-guard.js';
import { insertFixtureApplicants, insertFixtureCampaign } from './pipeline-fixtures.repository.js';
import type { MySitting, SittingView } from '../../domain/recruitment/pipeline-api.js';
import type { Me } from '../../domain/access/access-api.js';

let h: Harness;
let hr: Session;
let rater: Session;
let staff: Session;
let campaignId: number;
let sitting: SittingView;
let other: SittingView;
const score = { cooperation: 3, listening: 3, logic: 3, leadership: 3 };
const me = async (s: Session) => (await h.callJson<Me>(s, 'GET', '/api/auth/me', 200)).account;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  rater = await h.loginAs('unitHead');
  staff = await h.loginAs('staff');
  const municipalityId = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0001'`))[0]!.id);
  campaignId = await insertFixtureCampaign(h.database.db, municipalityId);
  await insertFixtureApplicants(h.database.db, municipalityId, campaignId, 4);
  // Everyone to the group discussion (stage 2) directly: the relation, not the earlier stages, is under test.
  await h.queryRows(sql`update recruitment_applicants set status = 'in-progress', stage_index = 2, stage_outcome = 'waiting' where campaign_id = ${campaignId}`);
  const groups = await h.callJson<SittingView[]>(hr, 'POST', `/api/recruitment/pipeline/campaigns/${campaignId}/sittings/groups`, 201, {
    stageIndex: 2,
    groupSize: 2,
    startsAt: '2025-10-20T01:00:00Z',
    intervalMinutes: 60,
    room: '第1会議室',
  });
  [sitting, other] = [groups[0]!, groups[1]!];
  const raterStaffId = Number((await h.queryRows<{ id: number }>(sql`select staff_id as id from accounts where login_id = 'A0003'`))[0]!.id);
  sitting = await h.callJson<SittingView>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${sitting.id}/raters`, 200, { staffIds: [raterStaffId], version: sitting.version });
});
afterAll(() => h.close());

describe('the sitting-rater relation in the guard', () => {
  it('the rater routes are permission routes, not merely signed-in', () => {
    expect(declaredAccess.get(routeKey('GET', '/api/recruitment/scoring/sittings/:id'))).toMatchObject({ kind: 'permission', permission: 'recruitment.scoring.rate' });
    expect(declaredAccess.get(routeKey('PUT', '/api/recruitment/scoring/sittings/:id/applicants/:applicantId'))).toMatchObject({ kind: 'permission', permission: 'recruitment.scoring.rate' });
  });

  it('a non-rater gets 403 from the guard, audited as a refusal of the permission for the sitting', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'recruitment.scoring.rate' and outcome = 'denied'`);
    const res = await h.call(staff, 'GET', `/api/recruitment/scoring/sittings/${sitting.id}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'access.denied' } });
    const put = await h.call(staff, 'PUT', `/api/recruitment/scoring/sittings/${sitting.id}/applicants/${sitting.applicants[0]!.id}`, { scores: score });
    expect(put.status).toBe(403);
    const rows = await h.queryRows<{ object_type: string; object_id: string; details: { applicantId?: number } | null }>(
      sql`select object_type, object_id, details from audit_log where action = 'recruitment.scoring.rate' and outcome = 'denied' order by id desc limit 2`,
    );
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'recruitment.scoring.rate' and outcome = 'denied'`)).toBe(before + 2);
    expect(rows.map((r) => [r.object_type, Number(r.object_id)])).toEqual([
      ['recruitment_sitting', sitting.id],
      ['recruitment_sitting', sitting.id],
    ]);
    expect(rows[0]!.details).toMatchObject({ applicantId: sitting.applicants[0]!.id });
    // Nothing about the applicants was read for the refused caller.
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'recruitment.rater-applicant-read' and actor_label = 'A0005'`)).toBe(0);
  });

  it('HR is no rater either: no role grants the permission', async () => {
    expect((await h.call(hr, 'GET', `/api/recruitment/scoring/sittings/${sitting.id}`)).status).toBe(403);
    expect((await h.call(hr, 'PUT', `/api/recruitment/scoring/sittings/${sitting.id}/applicants/${sitting.applicants[0]!.id}`, { scores: score })).status).toBe(403);
  });

  it('the rater gets their sitting, but not another sitting, nor an applicant of another sitting through theirs', async () => {
    expect((await h.call(rater, 'GET', `/api/recruitment/scoring/sittings/${sitting.id}`)).status).toBe(200);
    expect((await h.call(rater, 'GET', `/api/recruitment/scoring/sittings/${other.id}`)).status).toBe(403);
    expect((await h.call(rater, 'PUT', `/api/recruitment/scoring/sittings/${sitting.id}/applicants/${other.applicants[0]!.id}`, { scores: score })).status).toBe(403);
    expect((await h.call(rater, 'PUT', `/api/recruitment/scoring/sittings/${sitting.id}/applicants/${sitting.applicants[0]!.id}`, { scores: score })).status).toBe(200);
    // An unknown sitting is a refusal too: the guard does not say whether it exists.
    expect((await h.call(rater, 'GET', '/api/recruitment/scoring/sittings/99999999')).status).toBe(403);
  });

  it('me says whether the account rates a sitting, and nothing more', async () => {
    expect((await me(rater)).ratesSittings).toBe(true);
    expect((await me(staff)).ratesSittings).toBe(false);
    expect((await me(hr)).ratesSittings).toBe(false);
    expect(Object.keys(await me(rater))).not.toContain('sittings');
  });

  it('ends when the campaign is finished: no sitting, no list entry, no menu flag', async () => {
    expect((await h.callJson<MySitting[]>(rater, 'GET', '/api/recruitment/scoring/sittings', 200)).map((s) => s.id)).toContain(sitting.id);
    await h.queryRows(sql`update recruitment_campaigns set status = 'finished' where id = ${campaignId}`);
    expect((await h.call(rater, 'GET', `/api/recruitment/scoring/sittings/${sitting.id}`)).status).toBe(403);
    expect((await h.callJson<MySitting[]>(rater, 'GET', '/api/recruitment/scoring/sittings', 200)).map((s) => s.id)).not.toContain(sitting.id);
    expect((await me(rater)).ratesSittings).toBe(false);
    await h.queryRows(sql`update recruitment_campaigns set status = 'closed' where id = ${campaignId}`);
  });
});
