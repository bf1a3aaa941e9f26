/**
 * 自己啓発 (issue 4 item 6): staff record their own learning and change it until the supervisor (their evaluator, or
 * HR) confirms or returns it; 自主研修グループ are created by anyone (the leader), who adds members; members record
 * activities and turn one into their own self-development record. Confirmed records and attended trainings appear
 * on the performance sheet of the period (`trainingRecordsForSheet`, read by the evaluation area). Every change is
 * audited.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { notify } from '../notifications/notifications.service.js';
import { courseModeLabels, type CourseMode } from '../../domain/training/training-model.js';
import {
  isEditableByOwner,
  recordOfActivity,
  review,
  selfDevelopmentKindLabels,
  type ReviewAction,
  type SelfDevelopmentInput,
  type SelfDevelopmentKind,
  type SelfDevelopmentList,
  type SelfDevelopmentRecord,
  type SelfDevelopmentStatus,
  type SheetTrainingRecord,
  type StudyGroupActivityInput,
  type StudyGroupDetail,
  type StudyGroupInput,
  type StudyGroupList,
  type StudyGroupSummary,
} from '../../domain/training/self-development.js';
import { auditSource } from './catalog.service.js';
import {
  deleteRecordIfUnchanged,
  findActivity,
  findGroup,
  findRecord,
  findRecordOfActivity,
  findStaffIdByEmployeeNumber,
  insertActivity,
  insertGroup,
  insertMember,
  insertRecord,
  listActivities,
  listAttendedTrainings,
  listConfirmedRecordsBetween,
  listGroupsOfStaff,
  listMembers,
  listRecordsInStatus,
  listRecordsOfStaff,
  listRecordsOfStaffInGroup,
  listStaffNames,
  updateRecordIfUnchanged,
  type SelfDevelopmentRow,
  type StudyGroupRow,
} from './self-development.repository.js';

const recordNotFound = () => new AppError('common.not-found', '自己啓発の記録が見つかりません。');
const groupNotFound = () => new AppError('common.not-found', '自主研修グループが見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの記録を更新しました。最新の内容を読み込んでから、もう一度操作してください。');
const denied = () => new AppError('access.denied', 'この操作を行う権限がありません。');
const confirmedAlready = () => new AppError('common.conflict', '確認済みの記録は変更できません。');

function requireStaff(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new AppError('access.denied', '職員として登録されたアカウントでのみ利用できます。');
  return ctx.actor.staffId;
}

async function toRecords(exec: Executor, municipalityId: number, rows: readonly SelfDevelopmentRow[]): Promise<SelfDevelopmentRecord[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.confirmedByStaffId === null ? [r.staffId] : [r.staffId, r.confirmedByStaffId])))];
  const names = new Map((await listStaffNames(exec, municipalityId, ids)).map((n) => [n.staffId, n]));
  const nameOf = (id: number | null) => {
    const n = id === null ? undefined : names.get(id);
    return n ? `${n.familyName} ${n.givenName}` : null;
  };
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staffId,
    employeeNumber: names.get(r.staffId)?.employeeNumber ?? '',
    name: nameOf(r.staffId) ?? '',
    kind: r.kind as SelfDevelopmentKind,
    title: r.title,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    hours: r.hours,
    note: r.note,
    groupId: r.groupId,
    status: r.status as SelfDevelopmentStatus,
    confirmedByName: nameOf(r.confirmedByStaffId),
    confirmedAt: r.confirmedAt,
    reviewComment: r.reviewComment,
    version: r.version,
  }));
}
const toRecord = async (exec: Executor, municipalityId: number, row: SelfDevelopmentRow) => (await toRecords(exec, municipalityId, [row]))[0]!;

/** GET /self-development/mine */
export async function readMyRecords(ctx: ServiceContext): Promise<SelfDevelopmentList> {
  const me = requireStaff(ctx);
  const exec = ctx.database.db;
  return { items: await toRecords(exec, ctx.actor.municipalityId, await listRecordsOfStaff(exec, ctx.actor.municipalityId, me)) };
}

/** GET /staff/{staffId}/self-development — the evaluator or HR (the guard checks). */
export async function readRecordsOf(ctx: ServiceContext, input: { staffId: number }): Promise<SelfDevelopmentList> {
  const exec = ctx.database.db;
  return { items: await toRecords(exec, ctx.actor.municipalityId, await listRecordsOfStaff(exec, ctx.actor.municipalityId, input.staffId)) };
}

/** POST /self-development */
export async function createRecord(ctx: ServiceContext, input: SelfDevelopmentInput): Promise<SelfDevelopmentRecord> {
  const me = requireStaff(ctx);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const row = await insertRecord(tx, { municipalityId: ctx.actor.municipalityId, staffId: me, groupId: null, ...input });
    await auditInTx(tx, auditSource(ctx), { action: 'training.self-development-recorded', outcome: 'succeeded', objectType: 'self-development', objectId: row.id, details: { kind: row.kind } });
    return row;
  });
  return toRecord(ctx.database.db, ctx.actor.municipalityId, saved);
}

async function ownRecord(exec: Executor, ctx: ServiceContext, id: number, version: number): Promise<SelfDevelopmentRow> {
  const me = requireStaff(ctx);
  const row = await findRecord(exec, ctx.actor.municipalityId, id);
  if (!row || row.staffId !== me) throw recordNotFound();
  if (!isEditableByOwner(row.status as SelfDevelopmentStatus)) throw confirmedAlready();
  if (row.version !== version) throw stale();
  return row;
}

/** PUT /self-development/{id} — the owner, until confirmed; a returned record goes back to the supervisor. */
export async function updateRecord(ctx: ServiceContext, input: SelfDevelopmentInput & { id: number; version: number }): Promise<SelfDevelopmentRecord> {
  const { id, version, ...values } = input;
  const saved = await ctx.database.db.transaction(async (tx) => {
    await ownRecord(tx, ctx, id, version);
    const row = await updateRecordIfUnchanged(tx, ctx.actor.municipalityId, id, version, { ...values, status: 'recorded' });
    if (!row) throw stale();
    await auditInTx(tx, auditSource(ctx), { action: 'training.self-development-changed', outcome: 'succeeded', objectType: 'self-development', objectId: id, details: {} });
    return row;
  });
  return toRecord(ctx.database.db, ctx.actor.municipalityId, saved);
}

/** DELETE /self-development/{id}?version= — the owner, until confirmed. */
export async function deleteRecord(ctx: ServiceContext, input: { id: number; version: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await ownRecord(tx, ctx, input.id, input.version);
    if (!(await deleteRecordIfUnchanged(tx, ctx.actor.municipalityId, input.id, input.version))) throw stale();
    await auditInTx(tx, auditSource(ctx), { action: 'training.self-development-deleted', outcome: 'succeeded', objectType: 'self-development', objectId: input.id, details: {} });
  });
}

/** GET /self-development/pending — records waiting for the actor's confirmation (as evaluator, or HR: everyone's). */
export async function readPendingReviews(ctx: ServiceContext): Promise<SelfDevelopmentList> {
  const exec = ctx.database.db;
  const rows = await listRecordsInStatus(exec, ctx.actor.municipalityId, 'recorded');
  const decided = new Map<number, boolean>();
  const mine: SelfDevelopmentRow[] = [];
  for (const r of rows) {
    if (r.staffId === ctx.actor.staffId) continue;
    let allowed = decided.get(r.staffId);
    if (allowed === undefined) {
      allowed = (await can(ctx.database, ctx.actor, 'training.self-development.confirm', { staffId: r.staffId }, ctx.today)).allowed;
      decided.set(r.staffId, allowed);
    }
    if (allowed) mine.push(r);
  }
  return { items: await toRecords(exec, ctx.actor.municipalityId, mine) };
}

/** POST /staff/{staffId}/self-development/{id}/confirm|return — the guard has checked the actor's relation to staffId. */
export async function reviewRecord(
  ctx: ServiceContext,
  input: { staffId: number; id: number; action: ReviewAction; version: number; comment: string },
): Promise<SelfDevelopmentRecord> {
  const saved = await ctx.database.db.transaction(async (tx) => {
    const row = await findRecord(tx, ctx.actor.municipalityId, input.id);
    if (!row || row.staffId !== input.staffId) throw recordNotFound();
    if (row.version !== input.version) throw stale();
    const outcome = review({ status: row.status as SelfDevelopmentStatus, ownerStaffId: row.staffId, reviewerStaffId: ctx.actor.staffId, action: input.action });
    if (!outcome.ok) throw outcome.reason === 'own-record' ? denied() : new AppError('common.conflict', 'この記録は確認を待っていません。');
    const updated = await updateRecordIfUnchanged(
      tx,
      ctx.actor.municipalityId,
      row.id,
      input.version,
      outcome.to === 'confirmed'
        ? { status: 'confirmed', confirmedByStaffId: ctx.actor.staffId, confirmedAt: ctx.now.toISOString(), reviewComment: input.comment }
        : { status: 'returned', reviewComment: input.comment },
    );
    if (!updated) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: `training.self-development-${input.action === 'confirm' ? 'confirmed' : 'returned'}`,
      outcome: 'succeeded',
      objectType: 'self-development',
      objectId: row.id,
      details: { staffId: row.staffId, comment: input.comment },
    });
    // The comment stays on the record and also reaches the person as a notification.
    await notify(tx, {
      municipalityId: ctx.actor.municipalityId,
      recipientStaffIds: [row.staffId],
      kind: 'training.self-development',
      title: input.action === 'confirm' ? `自己啓発「${row.title}」が確認されました` : `自己啓発「${row.title}」が差し戻されました`,
      body: input.comment,
      link: '/training/self-development',
    });
    return updated;
  });
  return toRecord(ctx.database.db, ctx.actor.municipalityId, saved);
}

// 自主研修グループ

async function summariesOf(exec: Executor, ctx: ServiceContext, groups: readonly StudyGroupRow[]): Promise<StudyGroupSummary[]> {
  const members = await listMembers(
    exec,
    groups.map((g) => g.id),
  );
  const leaders = new Map(
    (
      await listStaffNames(
        exec,
        ctx.actor.municipalityId,
        groups.flatMap((g) => (g.leaderStaffId === null ? [] : [g.leaderStaffId])),
      )
    ).map((n) => [n.staffId, `${n.familyName} ${n.givenName}`]),
  );
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    startsOn: g.startsOn,
    leaderName: g.leaderStaffId === null ? null : (leaders.get(g.leaderStaffId) ?? null),
    isLeader: g.leaderStaffId !== null && g.leaderStaffId === ctx.actor.staffId,
    memberCount: members.filter((m) => m.groupId === g.id).length,
    version: g.version,
  }));
}

/** The group, if the actor is a member; otherwise not found (groups are private to their members). */
async function memberGroup(exec: Executor, ctx: ServiceContext, groupId: number): Promise<StudyGroupRow> {
  const me = requireStaff(ctx);
  const group = await findGroup(exec, ctx.actor.municipalityId, groupId);
  if (!group) throw groupNotFound();
  const members = await listMembers(exec, [group.id]);
  if (!members.some((m) => m.staffId === me)) throw groupNotFound();
  return group;
}

/** GET /study-groups — the groups the actor belongs to. */
export async function readMyGroups(ctx: ServiceContext): Promise<StudyGroupList> {
  const me = requireStaff(ctx);
  const exec = ctx.database.db;
  return { items: await summariesOf(exec, ctx, await listGroupsOfStaff(exec, ctx.actor.municipalityId, me)) };
}

/** GET /study-groups/{id} — members only. */
export async function readGroup(ctx: ServiceContext, input: { groupId: number }): Promise<StudyGroupDetail> {
  const exec = ctx.database.db;
  const group = await memberGroup(exec, ctx, input.groupId);
  const [summary] = await summariesOf(exec, ctx, [group]);
  const members = await listMembers(exec, [group.id]);
  const activities = await listActivities(exec, group.id);
  const names = new Map(
    (
      await listStaffNames(exec, ctx.actor.municipalityId, [
        ...new Set([...members.map((m) => m.staffId), ...activities.flatMap((a) => (a.createdByStaffId === null ? [] : [a.createdByStaffId]))]),
      ])
    ).map((n) => [n.staffId, n]),
  );
  const nameOf = (id: number | null) => {
    const n = id === null ? undefined : names.get(id);
    return n ? `${n.familyName} ${n.givenName}` : null;
  };
  const mine = await listRecordsOfStaffInGroup(exec, ctx.actor.staffId!, group.id);
  return {
    ...summary!,
    members: members.map((m) => ({
      staffId: m.staffId,
      employeeNumber: names.get(m.staffId)?.employeeNumber ?? '',
      name: nameOf(m.staffId) ?? '',
      joinedOn: m.joinedOn,
      isLeader: m.staffId === group.leaderStaffId,
    })),
    activities: activities.map((a) => {
      const asRecord = recordOfActivity(group, a);
      return {
        id: a.id,
        heldOn: a.heldOn,
        title: a.title,
        hours: a.hours,
        note: a.note,
        createdByName: nameOf(a.createdByStaffId),
        isRecordedByMe: mine.some((r) => r.title === asRecord.title && r.startedOn === asRecord.startedOn),
      };
    }),
  };
}

/** POST /study-groups — the creator becomes the leader and the first member. */
export async function createGroup(ctx: ServiceContext, input: StudyGroupInput): Promise<StudyGroupDetail> {
  const me = requireStaff(ctx);
  const group = await ctx.database.db.transaction(async (tx) => {
    const row = await insertGroup(tx, { municipalityId: ctx.actor.municipalityId, leaderStaffId: me, ...input });
    await insertMember(tx, { groupId: row.id, staffId: me, joinedOn: ctx.today });
    await auditInTx(tx, auditSource(ctx), { action: 'training.study-group-created', outcome: 'succeeded', objectType: 'study-group', objectId: row.id, details: { name: row.name } });
    return row;
  });
  return readGroup(ctx, { groupId: group.id });
}

/**
 * POST /study-groups/{id}/members — the leader adds a colleague, chosen in the staff picker (HR, unit heads) or by
 * 職員番号 (anyone: most staff may not search the directory).
 */
export async function addMember(ctx: ServiceContext, input: { groupId: number } & ({ staffId: number } | { employeeNumber: string })): Promise<StudyGroupDetail> {
  await ctx.database.db.transaction(async (tx) => {
    const group = await memberGroup(tx, ctx, input.groupId);
    if (group.leaderStaffId !== ctx.actor.staffId) throw new AppError('access.denied', 'メンバーを追加できるのはグループのリーダーだけです。');
    const staffId = 'staffId' in input ? input.staffId : await findStaffIdByEmployeeNumber(tx, ctx.actor.municipalityId, input.employeeNumber);
    const [person] = staffId === undefined ? [] : await listStaffNames(tx, ctx.actor.municipalityId, [staffId]);
    if (!person) throw new AppError('common.not-found', '職員が見つかりません。');
    if (!(await insertMember(tx, { groupId: group.id, staffId: person.staffId, joinedOn: ctx.today }))) {
      throw new AppError('common.conflict', 'この職員は既にメンバーです。');
    }
    await auditInTx(tx, auditSource(ctx), { action: 'training.study-group-member-added', outcome: 'succeeded', objectType: 'study-group', objectId: group.id, details: { staffId: person.staffId } });
  });
  return readGroup(ctx, { groupId: input.groupId });
}

/** POST /study-groups/{id}/activities — any member. */
export async function recordActivity(ctx: ServiceContext, input: StudyGroupActivityInput & { groupId: number }): Promise<StudyGroupDetail> {
  const { groupId, ...values } = input;
  await ctx.database.db.transaction(async (tx) => {
    const group = await memberGroup(tx, ctx, groupId);
    const row = await insertActivity(tx, { groupId: group.id, createdByStaffId: ctx.actor.staffId, ...values });
    await auditInTx(tx, auditSource(ctx), { action: 'training.study-group-activity-recorded', outcome: 'succeeded', objectType: 'study-group', objectId: group.id, details: { activityId: row.id } });
  });
  return readGroup(ctx, { groupId });
}

/** POST /study-groups/{id}/activities/{activityId}/self-development — a member records the activity as their own self-development. */
export async function recordActivityAsSelfDevelopment(ctx: ServiceContext, input: { groupId: number; activityId: number }): Promise<SelfDevelopmentRecord> {
  const me = requireStaff(ctx);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const group = await memberGroup(tx, ctx, input.groupId);
    const activity = await findActivity(tx, group.id, input.activityId);
    if (!activity) throw new AppError('common.not-found', '活動の記録が見つかりません。');
    const values = recordOfActivity(group, activity);
    if (await findRecordOfActivity(tx, me, group.id, values.title, values.startedOn)) throw new AppError('common.conflict', 'この活動は既に自己啓発として記録しています。');
    const row = await insertRecord(tx, { municipalityId: ctx.actor.municipalityId, staffId: me, groupId: group.id, ...values });
    await auditInTx(tx, auditSource(ctx), { action: 'training.self-development-recorded', outcome: 'succeeded', objectType: 'self-development', objectId: row.id, details: { kind: row.kind, groupId: group.id, activityId: activity.id } });
    return row;
  });
  return toRecord(ctx.database.db, ctx.actor.municipalityId, saved);
}

/**
 * For the performance sheet (evaluation area): the person's attended or completed trainings in sessions starting
 * within the period and their confirmed self-development started within it, in date order.
 */
export async function trainingRecordsForSheet(exec: Executor, municipalityId: number, staffId: number, period: { startsOn: string; endsOn: string }): Promise<SheetTrainingRecord[]> {
  const trainings = await listAttendedTrainings(exec, municipalityId, staffId, period.startsOn, period.endsOn);
  const records = await listConfirmedRecordsBetween(exec, municipalityId, staffId, period.startsOn, period.endsOn);
  const all: SheetTrainingRecord[] = [
    ...trainings.map((t) => ({
      source: 'training' as const,
      id: t.enrolmentId,
      title: t.title,
      kind: t.mode,
      kindLabel: `研修(${courseModeLabels[t.mode as CourseMode] ?? t.mode})`,
      startedOn: t.startsOn,
      endedOn: t.endsOn,
      hours: null,
    })),
    ...records.map((r) => ({
      source: 'self-development' as const,
      id: r.id,
      title: r.title,
      kind: r.kind,
      kindLabel: `自己啓発(${selfDevelopmentKindLabels[r.kind as SelfDevelopmentKind] ?? r.kind})`,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      hours: r.hours,
    })),
  ];
  return all.sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.source.localeCompare(b.source) || a.id - b.id);
}
