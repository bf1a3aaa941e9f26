/**
 * Meetings of a fellow pair and each side's feedback (policy III-4-(3)⑤: monitor, and hear both the fellow and the
 * junior). Either person of the pair plans a meeting and marks it held or cancelled; after a held meeting each
 * answers for their own side. The two people see their own pair only — a pair that is not theirs answers 404, so
 * ids reveal nothing — and each sees the other's feedback only as "answered"; HR sees everything (ADR 0021).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import type { FellowSide, HoldMeetingInput, MeetingFeedback, PlanMeetingInput } from '../../domain/workplace/fellow-model.js';
import type { MeetingView, MyPairs, PairDetail } from '../../domain/workplace/fellow-api.js';
import { isFellowManager, personBriefs, toPairSummary } from './fellow.service.js';
import { closeMeeting, findMeeting, findPair, insertMeeting, listMeetings, listPairs, setMeetingFeedback, type MeetingRow, type PairRow } from './fellow.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const notFound = () => new AppError('common.not-found', '組合せが見つかりません。');

function sideOf(pair: PairRow, staffId: number | null): FellowSide | null {
  if (staffId === null) return null;
  if (pair.fellowStaffId === staffId) return 'fellow';
  if (pair.juniorStaffId === staffId) return 'junior';
  return null;
}

/** The pair and the actor's side; HR reads (side null) when `allowHr`; anyone else gets 404. */
async function pairFor(ctx: ServiceContext, pairId: number, opts: { allowHr: boolean }): Promise<{ pair: PairRow; side: FellowSide | null }> {
  const pair = await findPair(ctx.database.db, ctx.actor.municipalityId, pairId);
  if (pair === undefined) throw notFound();
  const side = sideOf(pair, ctx.actor.staffId);
  if (side === null && !(opts.allowHr && (await isFellowManager(ctx)))) throw notFound();
  return { pair, side };
}

function toMeetingView(m: MeetingRow, side: FellowSide | null): MeetingView {
  const view = (s: FellowSide, answer: MeetingFeedback | null) => ({ isAnswered: answer !== null, answer: side === null || side === s ? answer : null });
  return { id: m.id, plannedOn: m.plannedOn, heldOn: m.heldOn, status: m.status, feedback: { fellow: view('fellow', m.fellowFeedback), junior: view('junior', m.juniorFeedback) } };
}

async function details(ctx: ServiceContext, pairs: readonly PairRow[], sideFor: (pair: PairRow) => FellowSide | null): Promise<PairDetail[]> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const meetings = await listMeetings(exec, municipalityId, pairs.map((p) => p.id));
  const briefs = await personBriefs(exec, municipalityId, pairs.flatMap((p) => [p.fellowStaffId, p.juniorStaffId]), ctx.today);
  return pairs.map((pair) => {
    const side = sideFor(pair);
    return {
      ...toPairSummary(pair, meetings, briefs, ctx.today),
      meetings: meetings.filter((m) => m.pairId === pair.id).map((m) => toMeetingView(m, side)),
      mySide: side,
    };
  });
}

/** GET /api/workplace/fellows/pairs/:id: the pair with its meetings, for its two people and HR. */
export async function readFellowPair(ctx: ServiceContext, input: { pairId: number }): Promise<PairDetail> {
  const { pair, side } = await pairFor(ctx, input.pairId, { allowHr: true });
  return (await details(ctx, [pair], () => side))[0]!;
}

/** GET /api/workplace/fellows/my: the actor's own pairs, as fellow and as junior (empty for anyone else). */
export async function listMyFellowPairs(ctx: ServiceContext): Promise<MyPairs> {
  const staffId = ctx.actor.staffId;
  if (staffId === null) return { today: ctx.today, asFellow: [], asJunior: [] };
  const pairs = await listPairs(ctx.database.db, ctx.actor.municipalityId, { staffId });
  const all = await details(ctx, pairs, (p) => sideOf(p, staffId));
  const order = (a: PairDetail, b: PairDetail) => Number(b.isActive) - Number(a.isActive);
  return { today: ctx.today, asFellow: all.filter((p) => p.mySide === 'fellow').sort(order), asJunior: all.filter((p) => p.mySide === 'junior').sort(order) };
}

/** POST /api/workplace/fellows/pairs/:id/meetings: either person plans a meeting of an active pair. */
export async function planFellowMeeting(ctx: ServiceContext, input: { pairId: number; body: PlanMeetingInput }): Promise<{ id: number }> {
  const { pair } = await pairFor(ctx, input.pairId, { allowHr: false });
  if (pair.status !== 'confirmed' || (pair.endsOn !== null && pair.endsOn < ctx.today)) throw new AppError('common.conflict', '終了した組合せには面談を予定できません。');
  if (input.body.plannedOn < pair.startsOn) throw new AppError('common.validation', '面談の予定日が組合せの開始日より前です。');
  return ctx.database.db.transaction(async (tx) => {
    const id = await insertMeeting(tx, { municipalityId: ctx.actor.municipalityId, pairId: pair.id, plannedOn: input.body.plannedOn });
    await auditInTx(tx, auditSource(ctx), { action: 'workplace.fellow-meeting-planned', outcome: 'succeeded', objectType: 'fellow-pair', objectId: pair.id, details: { meetingId: id, plannedOn: input.body.plannedOn } });
    return { id };
  });
}

async function meetingFor(ctx: ServiceContext, meetingId: number): Promise<{ meeting: MeetingRow; pair: PairRow; side: FellowSide }> {
  const meeting = await findMeeting(ctx.database.db, ctx.actor.municipalityId, meetingId);
  if (meeting === undefined) throw new AppError('common.not-found', '面談が見つかりません。');
  const { pair, side } = await pairFor(ctx, meeting.pairId, { allowHr: false });
  return { meeting, pair, side: side! };
}

/** POST /api/workplace/fellows/meetings/:id/held: the meeting took place (on a day not in the future). */
export async function holdFellowMeeting(ctx: ServiceContext, input: { meetingId: number; body: HoldMeetingInput }): Promise<{ id: number }> {
  const { meeting, pair } = await meetingFor(ctx, input.meetingId);
  if (input.body.heldOn > ctx.today) throw new AppError('common.validation', '実施日に未来の日付は指定できません。');
  if (input.body.heldOn < pair.startsOn) throw new AppError('common.validation', '実施日が組合せの開始日より前です。');
  return ctx.database.db.transaction(async (tx) => {
    if (!(await closeMeeting(tx, ctx.actor.municipalityId, meeting.id, { status: 'held', heldOn: input.body.heldOn }))) throw new AppError('common.conflict', 'この面談は既に実施済みか中止になっています。');
    await auditInTx(tx, auditSource(ctx), { action: 'workplace.fellow-meeting-held', outcome: 'succeeded', objectType: 'fellow-pair', objectId: pair.id, details: { meetingId: meeting.id, heldOn: input.body.heldOn } });
    return { id: meeting.id };
  });
}

/** POST /api/workplace/fellows/meetings/:id/cancel */
export async function cancelFellowMeeting(ctx: ServiceContext, input: { meetingId: number }): Promise<{ id: number }> {
  const { meeting, pair } = await meetingFor(ctx, input.meetingId);
  return ctx.database.db.transaction(async (tx) => {
    if (!(await closeMeeting(tx, ctx.actor.municipalityId, meeting.id, { status: 'cancelled', heldOn: null }))) throw new AppError('common.conflict', 'この面談は既に実施済みか中止になっています。');
    await auditInTx(tx, auditSource(ctx), { action: 'workplace.fellow-meeting-cancelled', outcome: 'succeeded', objectType: 'fellow-pair', objectId: pair.id, details: { meetingId: meeting.id } });
    return { id: meeting.id };
  });
}

/** PUT /api/workplace/fellows/meetings/:id/feedback: the actor's own side's feedback on a held meeting (may be revised). */
export async function answerMeetingFeedback(ctx: ServiceContext, input: { meetingId: number; body: MeetingFeedback }): Promise<{ id: number }> {
  const { meeting, pair, side } = await meetingFor(ctx, input.meetingId);
  if (meeting.status !== 'held') throw new AppError('common.conflict', '感想は実施済みの面談にだけ入力できます。');
  const feedback = { ...input.body, comment: input.body.comment.trim() };
  return ctx.database.db.transaction(async (tx) => {
    if (!(await setMeetingFeedback(tx, ctx.actor.municipalityId, meeting.id, side, feedback))) throw new AppError('common.conflict', '感想は実施済みの面談にだけ入力できます。');
    // never the comment in the audit row
    await auditInTx(tx, auditSource(ctx), { action: 'workplace.fellow-feedback-answered', outcome: 'succeeded', objectType: 'fellow-pair', objectId: pair.id, details: { meetingId: meeting.id, side } });
    return { id: meeting.id };
  });
}
