/**
 * Sittings after they are made (ADR 0018): HR changes a sitting's date, time, room and capacity with its version,
 * and moves one applicant to another sitting of the same stage — within the destination's capacity, only while the
 * applicant waits at the stage and has no rater's score, both versions checked, audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { insertFixtureApplicants, insertFixtureCampaign } from './pipeline-fixtures.repository.js';
import type { SittingView } from '../../domain/recruitment/pipeline-api.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let hr: Session;
let campaignId: number;
let a: SittingView;
let b: SittingView;
let small: SittingView;
let interview: SittingView;
const sittingsPath = () => `/api/recruitment/pipeline/campaigns/${campaignId}/sittings`;
const reload = async () => {
  const all = await h.callJson<SittingView[]>(hr, 'GET', sittingsPath(), 200);
  const byId = (s: SittingView) => all.find((x) => x.id === s.id)!;
  [a, b, small, interview] = [byId(a), byId(b), byId(small), byId(interview)];
};
const move = (from: SittingView, applicantId: number, to: SittingView, status: number, o: { version?: number; toVersion?: number } = {}) =>
  h.callJson<SittingView[] | ErrorBody>(hr, 'POST', `/api/recruitment/pipeline/sittings/${from.id}/applicants/${applicantId}/move`, status, {
    toSittingId: to.id,
    version: o.version ?? from.version,
    toVersion: o.toVersion ?? to.version,
  });

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  const municipalityId = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0001'`))[0]!.id);
  campaignId = await insertFixtureCampaign(h.database.db, municipalityId);
  await insertFixtureApplicants(h.database.db, municipalityId, campaignId, 4);
  await h.queryRows(sql`update recruitment_applicants set status = 'in-progress', stage_index = 2, stage_outcome = 'waiting' where campaign_id = ${campaignId}`);
  [a, b] = (await h.callJson<SittingView[]>(hr, 'POST', `${sittingsPath()}/groups`, 201, { stageIndex: 2, groupSize: 2, startsAt: '2025-10-20T01:00:00Z', intervalMinutes: 60, room: '第1会議室' })) as [
    SittingView,
    SittingView,
  ];
  small = await h.callJson<SittingView>(hr, 'POST', sittingsPath(), 201, { stageIndex: 2, startsAt: '2025-10-21T01:00:00Z', room: '第2会議室', groupLabel: '追試', capacity: 1 });
  interview = await h.callJson<SittingView>(hr, 'POST', sittingsPath(), 201, { stageIndex: 3, startsAt: '2025-10-28T01:00:00Z', room: '応接室', groupLabel: '面接1', capacity: null });
});
afterAll(() => h.close());

describe('changing a sitting', () => {
  it('changes date, time and room with the version; a stale version is refused', async () => {
    const changed = await h.callJson<SittingView>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${a.id}`, 200, {
      startsAt: '2025-10-20T05:30:00+09:00',
      room: '大会議室',
      groupLabel: a.groupLabel,
      capacity: a.capacity,
      version: a.version,
    });
    expect(changed).toMatchObject({ startsAt: '2025-10-19T20:30:00.000Z', room: '大会議室', version: a.version + 1 });
    const stale = await h.callJson<ErrorBody>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${a.id}`, 409, { startsAt: '2025-10-20T01:00:00Z', room: '', groupLabel: '', capacity: null, version: a.version });
    expect(stale.error.code).toBe('common.conflict');
    await reload();
  });

  it('refuses a capacity below the applicants already in it, in Japanese', async () => {
    const res = await h.callJson<ErrorBody>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${a.id}`, 400, { startsAt: a.startsAt, room: a.room, groupLabel: a.groupLabel, capacity: 1, version: a.version });
    expect(res.error.message).toBe('定員を今の人数(2人)より少なくはできません。先に応募者をほかの回へ移してください。');
  });
});

describe('moving one applicant', () => {
  it('moves an applicant to a sitting with room, moving both versions on, audited', async () => {
    const applicantId = a.applicants[0]!.id;
    const [from, to] = (await move(a, applicantId, small, 200)) as SittingView[];
    expect(from!.applicants.map((x) => x.id)).not.toContain(applicantId);
    expect(to!.applicants.map((x) => x.id)).toEqual([applicantId]);
    expect([from!.version, to!.version]).toEqual([a.version + 1, small.version + 1]);
    const audited = await h.queryRows<{ details: unknown }>(sql`select details from audit_log where action = 'recruitment.sitting-applicant-moved' and object_id = ${String(applicantId)}`);
    expect(audited.map((r) => r.details)).toEqual([{ fromSittingId: a.id, toSittingId: small.id }]);
    await reload();
  });

  it('refuses a full destination, with its capacity in the message', async () => {
    const res = (await move(b, b.applicants[0]!.id, small, 409)) as ErrorBody;
    expect(res.error.message).toBe('追試は定員(1人)に達しているため、移せません。');
    await reload();
    expect(b.applicants).toHaveLength(2);
  });

  it('refuses stale versions of either sitting', async () => {
    expect(((await move(b, b.applicants[0]!.id, a, 409, { version: b.version + 1 })) as ErrorBody).error.message).toContain('ほかの人が先に更新しました');
    expect(((await move(b, b.applicants[0]!.id, a, 409, { toVersion: a.version + 1 })) as ErrorBody).error.code).toBe('common.conflict');
  });

  it('refuses another stage, the same sitting, and an applicant who is not in the sitting', async () => {
    expect(((await move(b, b.applicants[0]!.id, interview, 400)) as ErrorBody).error.message).toBe('移動先には同じ試験の段階の回を選んでください。');
    expect(((await move(b, b.applicants[0]!.id, b, 400)) as ErrorBody).error.message).toBe('移動先には別の回を選んでください。');
    expect(((await move(b, a.applicants[0]!.id, a, 404)) as ErrorBody).error.message).toBe('この応募者はこの回にいません。画面を読み込み直してください。');
  });

  it('refuses an applicant a rater has scored, and one whose stage is decided', async () => {
    const scored = b.applicants[0]!.id;
    await h.queryRows(sql`insert into recruitment_scores (municipality_id, applicant_id, stage_index, rater_staff_id, scores, total, comment, updated_at)
      select municipality_id, id, 2, (select staff_id from accounts where login_id = 'A0004'), '{}'::jsonb, 50, '', now() from recruitment_applicants where id = ${scored}`);
    expect(((await move(b, scored, a, 409)) as ErrorBody).error.message).toBe('この応募者には評定者の評定が入力済みのため、回を移せません。');
    const decided = b.applicants[1]!.id;
    await h.queryRows(sql`update recruitment_applicants set stage_outcome = 'passed' where id = ${decided}`);
    await reload();
    expect(((await move(b, decided, a, 409)) as ErrorBody).error.message).toBe('この試験の合否が決まった応募者は、回を移せません。');
  });

  it('is recruitment staff only', async () => {
    const res = await h.call(await h.loginAs('staff'), 'POST', `/api/recruitment/pipeline/sittings/${b.id}/applicants/${b.applicants[0]!.id}/move`, { toSittingId: a.id, version: b.version, toVersion: a.version });
    expect(res.status).toBe(403);
  });
});
