/**
 * DX推進体制 (policy IV-1) and 交流プログラム (IV-2-(10)): everyone signed in reads the HQ, its working groups, the
 * DX推進リーダー coverage, the advisor register and the exchanges; HR (digital.manage) changes them. One leader per
 * 課 at a time, refused with a Japanese message naming the current one. Every change is audited.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { validationError } from '../http/validation-messages.js';
import {
  advisorStatus,
  dxCoverage,
  dxMemberRoleLabels,
  isCurrentOn,
  overlappingChief,
  overlappingLeader,
  roleFitsBody,
  type DxAdvisorInput,
  type DxBodyInput,
  type DxBodyKind,
  type DxLeaderInput,
  type DxMemberInput,
  type DxMemberRole,
  type ExchangeDirection,
  type ExchangeInput,
} from '../../domain/digital/dx-structure.js';
import type { DxAdvisor, DxAdvisorList, DxBody, DxLeaderCoverage, DxStructure, ExchangeList, ExchangeProgramme } from '../../domain/digital/digital-api.js';
import { dateOrToday, listUnitsAsOf } from '../org/org.service.js';
import { auditSource } from './skill-framework.service.js';
import {
  findAdvisor,
  findBody,
  findExchange,
  findLeader,
  findMember,
  insertAdvisor,
  insertBody,
  insertExchange,
  insertLeader,
  insertMember,
  listAdvisors,
  listBodies,
  listExchangeParticipants,
  listExchanges,
  listLeaders,
  listMembers,
  listRegularPostsOn,
  listStaffNames,
  lockLeadersOfUnit,
  replaceExchangeParticipants,
  updateAdvisorIfUnchanged,
  updateBodyIfUnchanged,
  updateExchangeIfUnchanged,
  updateLeaderEnd,
  updateMemberEnd,
  type DxAdvisorRow,
} from './digital.repository.js';

const stale = (what: string) => new AppError('common.conflict', `他の人が先に${what}を更新しました。最新の内容を読み込んでから、もう一度操作してください。`);
const fullName = (n: { familyName: string; givenName: string } | undefined) => (n ? `${n.familyName} ${n.givenName}` : '');

async function canManage(ctx: ServiceContext): Promise<boolean> {
  return (await can(ctx.database, ctx.actor, 'digital.manage', {}, ctx.today)).allowed;
}

async function requireStaffExists(exec: Executor, ctx: ServiceContext, staffId: number): Promise<void> {
  const [person] = await listStaffNames(exec, ctx.actor.municipalityId, [staffId]);
  if (!person) throw new AppError('org.staff-not-found', '職員が見つかりません。');
}

// 推進本部・ワーキンググループ

/** GET /structure?asOf: every body (current first), members with their division on the date. */
export async function readDxStructure(ctx: ServiceContext, input: { asOf?: string }): Promise<DxStructure> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const bodies = await listBodies(exec, municipalityId);
  const members = await listMembers(exec, municipalityId);
  const staffIds = members.map((m) => m.staffId);
  const [names, posts, units] = await Promise.all([listStaffNames(exec, municipalityId, staffIds), listRegularPostsOn(exec, municipalityId, staffIds, asOf), listUnitsAsOf(ctx, { asOf })]);
  const nameOf = new Map(names.map((n) => [n.staffId, n]));
  const unitName = new Map(units.units.map((u) => [u.id, u.name]));
  const postOf = new Map<number, number>();
  for (const p of posts) if (!postOf.has(p.staffId)) postOf.set(p.staffId, p.unitId);
  const roleOrder: Record<string, number> = { chief: 0, deputy: 1, leader: 2, member: 3 };
  const toBody = (b: (typeof bodies)[number]): DxBody => ({
    id: b.id,
    kind: b.kind as DxBodyKind,
    parentBodyId: b.parentBodyId,
    name: b.name,
    theme: b.theme,
    startsOn: b.startsOn,
    endsOn: b.endsOn,
    isCurrent: isCurrentOn(b, asOf),
    version: b.version,
    members: members
      .filter((m) => m.bodyId === b.id)
      .map((m) => {
        const post = postOf.get(m.staffId);
        return {
          id: m.id,
          staffId: m.staffId,
          employeeNumber: nameOf.get(m.staffId)?.employeeNumber ?? '',
          name: fullName(nameOf.get(m.staffId)),
          unitName: post === undefined ? null : (unitName.get(post) ?? null),
          role: m.role as DxMemberRole,
          roleLabel: dxMemberRoleLabels[m.role as DxMemberRole] ?? m.role,
          startsOn: m.startsOn,
          endsOn: m.endsOn,
          isCurrent: isCurrentOn(m, asOf),
        };
      })
      .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9) || a.startsOn.localeCompare(b.startsOn)),
  });
  const ordered = [...bodies].sort((a, b) => Number(isCurrentOn(b, asOf)) - Number(isCurrentOn(a, asOf)) || a.kind.localeCompare(b.kind) || a.id - b.id);
  return { asOf, canManage: await canManage(ctx), bodies: ordered.map(toBody) };
}

/** POST /bodies — the HQ or one of its working groups. */
export async function createDxBody(ctx: ServiceContext, input: DxBodyInput): Promise<{ id: number }> {
  return ctx.database.db.transaction(async (tx) => {
    if (input.parentBodyId !== null) {
      const parent = await findBody(tx, ctx.actor.municipalityId, input.parentBodyId);
      if (!parent || parent.kind !== 'hq') throw validationError([{ path: 'parentBodyId', code: 'custom', message: '推進本部を選んでください' }]);
    }
    const row = await insertBody(tx, { municipalityId: ctx.actor.municipalityId, ...input });
    await auditInTx(tx, auditSource(ctx), { action: 'digital.body-created', outcome: 'succeeded', objectType: 'dx-body', objectId: row.id, details: { kind: row.kind } });
    return { id: row.id };
  });
}

/** PUT /bodies/{id} — name, theme and period (the kind and parent stay). */
export async function updateDxBody(ctx: ServiceContext, input: Pick<DxBodyInput, 'name' | 'theme' | 'startsOn' | 'endsOn'> & { id: number; version: number }): Promise<{ id: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const body = await findBody(tx, ctx.actor.municipalityId, input.id);
    if (!body) throw new AppError('common.not-found', '推進本部・ワーキンググループが見つかりません。');
    const row = await updateBodyIfUnchanged(tx, ctx.actor.municipalityId, input.id, input.version, { name: input.name, theme: input.theme, startsOn: input.startsOn, endsOn: input.endsOn });
    if (!row) throw stale('推進本部・ワーキンググループ');
    await auditInTx(tx, auditSource(ctx), { action: 'digital.body-changed', outcome: 'succeeded', objectType: 'dx-body', objectId: row.id, details: {} });
    return { id: row.id };
  });
}

/** POST /bodies/{id}/members — roles fit the body; one 本部長 at a time. */
export async function addDxMember(ctx: ServiceContext, input: DxMemberInput & { bodyId: number }): Promise<{ id: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const body = await findBody(tx, ctx.actor.municipalityId, input.bodyId);
    if (!body) throw new AppError('common.not-found', '推進本部・ワーキンググループが見つかりません。');
    if (!roleFitsBody(body.kind as DxBodyKind, input.role)) {
      throw validationError([{ path: 'role', code: 'custom', message: body.kind === 'hq' ? '推進本部の役割は本部長・副本部長・構成員です' : 'ワーキンググループの役割はリーダー・構成員です' }]);
    }
    await requireStaffExists(tx, ctx, input.staffId);
    const chief = overlappingChief(await listMembers(tx, ctx.actor.municipalityId, [body.id]), input);
    if (chief) throw new AppError('common.conflict', `この期間には既に本部長がいます(${chief.startsOn}〜${chief.endsOn ?? ''})。先に今の本部長の終了日を入れてください。`);
    const row = await insertMember(tx, { municipalityId: ctx.actor.municipalityId, bodyId: body.id, staffId: input.staffId, role: input.role, startsOn: input.startsOn, endsOn: input.endsOn });
    await auditInTx(tx, auditSource(ctx), { action: 'digital.member-added', outcome: 'succeeded', objectType: 'dx-body', objectId: body.id, details: { staffId: input.staffId, role: input.role } });
    return { id: row.id };
  });
}

/** POST /members/{id}/end — the member leaves on `endsOn` (kept in the history). */
export async function endDxMember(ctx: ServiceContext, input: { id: number; endsOn: string }): Promise<{ id: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const member = await findMember(tx, ctx.actor.municipalityId, input.id);
    if (!member) throw new AppError('common.not-found', 'メンバーが見つかりません。');
    if (input.endsOn < member.startsOn) throw validationError([{ path: 'endsOn', code: 'custom', message: '終了日は開始日以降にしてください' }]);
    await updateMemberEnd(tx, ctx.actor.municipalityId, member.id, input.endsOn);
    await auditInTx(tx, auditSource(ctx), { action: 'digital.member-ended', outcome: 'succeeded', objectType: 'dx-body', objectId: member.bodyId, details: { memberId: member.id, endsOn: input.endsOn } });
    return { id: member.id };
  });
}

// DX推進リーダー

/** GET /leaders?asOf: every division (課) in force on the date with its leader or the gap, and all appointments. */
export async function readDxLeaderCoverage(ctx: ServiceContext, input: { asOf?: string }): Promise<DxLeaderCoverage> {
  const asOf = dateOrToday(ctx, input.asOf);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const leaders = await listLeaders(exec, municipalityId);
  const staffIds = leaders.map((l) => l.staffId);
  const [names, posts, unitList] = await Promise.all([listStaffNames(exec, municipalityId, staffIds), listRegularPostsOn(exec, municipalityId, staffIds, asOf), listUnitsAsOf(ctx, { asOf })]);
  const nameOf = new Map(names.map((n) => [n.staffId, n]));
  const postOf = new Map<number, number>();
  for (const p of posts) if (!postOf.has(p.staffId)) postOf.set(p.staffId, p.unitId);
  const units = unitList.units.map((u) => ({ unitId: u.id, name: u.name, path: u.path, parentId: u.parentId, kind: u.kind }));
  const unitName = new Map(units.map((u) => [u.unitId, u.name]));
  const rows = dxCoverage(
    asOf,
    units,
    leaders.map((l) => ({ ...l, name: fullName(nameOf.get(l.staffId)) })),
    postOf,
  );
  return {
    asOf,
    canManage: await canManage(ctx),
    rows,
    gapCount: rows.filter((r) => r.status !== 'covered').length,
    leaders: leaders.map((l) => ({
      id: l.id,
      unitId: l.unitId,
      unitName: unitName.get(l.unitId) ?? '(この日には存在しない所属)',
      staffId: l.staffId,
      employeeNumber: nameOf.get(l.staffId)?.employeeNumber ?? '',
      name: fullName(nameOf.get(l.staffId)),
      startsOn: l.startsOn,
      endsOn: l.endsOn,
      isCurrent: isCurrentOn(l, asOf),
    })),
  };
}

/** POST /leaders — the unit must be a 課 on the start date; a second overlapping leader of the unit is refused. */
export async function appointDxLeader(ctx: ServiceContext, input: DxLeaderInput): Promise<{ id: number }> {
  const units = await listUnitsAsOf(ctx, { asOf: input.startsOn });
  const unit = units.units.find((u) => u.id === input.unitId);
  if (!unit || unit.kind !== 'division') throw validationError([{ path: 'unitId', code: 'custom', message: `${input.startsOn}時点の課を選んでください` }]);
  await requireStaffExists(ctx.database.db, ctx, input.staffId);
  return ctx.database.db.transaction(async (tx) => {
    await lockLeadersOfUnit(tx, input.unitId);
    const existing = overlappingLeader(await listLeaders(tx, ctx.actor.municipalityId, input.unitId), input);
    if (existing) {
      const [holder] = await listStaffNames(tx, ctx.actor.municipalityId, [existing.staffId]);
      throw new AppError(
        'digital.leader-overlap',
        `${unit.name}には既にDX推進リーダー(${fullName(holder)}、${existing.startsOn}〜${existing.endsOn ?? ''})がいます。DX推進リーダーは1つの課に1人です。交代するときは、先に今のリーダーの終了日を入れてください。`,
      );
    }
    const row = await insertLeader(tx, { municipalityId: ctx.actor.municipalityId, ...input });
    await auditInTx(tx, auditSource(ctx), { action: 'digital.leader-appointed', outcome: 'succeeded', objectType: 'dx-leader', objectId: row.id, details: { unitId: input.unitId, staffId: input.staffId } });
    return { id: row.id };
  });
}

/** POST /leaders/{id}/end — the appointment ends on `endsOn` (a successor may start the next day). */
export async function endDxLeader(ctx: ServiceContext, input: { id: number; endsOn: string }): Promise<{ id: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const leader = await findLeader(tx, ctx.actor.municipalityId, input.id);
    if (!leader) throw new AppError('common.not-found', 'DX推進リーダーの記録が見つかりません。');
    await lockLeadersOfUnit(tx, leader.unitId);
    if (input.endsOn < leader.startsOn) throw validationError([{ path: 'endsOn', code: 'custom', message: '終了日は開始日以降にしてください' }]);
    await updateLeaderEnd(tx, ctx.actor.municipalityId, leader.id, input.endsOn);
    await auditInTx(tx, auditSource(ctx), { action: 'digital.leader-ended', outcome: 'succeeded', objectType: 'dx-leader', objectId: leader.id, details: { endsOn: input.endsOn } });
    return { id: leader.id };
  });
}

// DX推進アドバイザー

const toAdvisor = (r: DxAdvisorRow, asOf: string): DxAdvisor => ({
  id: r.id,
  name: r.name,
  organisation: r.organisation,
  expertise: r.expertise,
  contractStartsOn: r.contractStartsOn,
  contractEndsOn: r.contractEndsOn,
  contact: r.contact,
  note: r.note,
  status: advisorStatus(r, asOf),
  version: r.version,
});

/** GET /advisors: current contracts first, then upcoming, then past. Contact details only for HR. */
export async function readDxAdvisors(ctx: ServiceContext): Promise<DxAdvisorList> {
  const manage = await canManage(ctx);
  const order = { current: 0, upcoming: 1, past: 2 } as const;
  const items = (await listAdvisors(ctx.database.db, ctx.actor.municipalityId))
    .map((r) => toAdvisor(r, ctx.today))
    .map((a) => (manage ? a : { ...a, contact: '', note: '' }))
    .sort((a, b) => order[a.status] - order[b.status] || b.contractStartsOn.localeCompare(a.contractStartsOn));
  return { asOf: ctx.today, canManage: manage, items };
}

export async function createDxAdvisor(ctx: ServiceContext, input: DxAdvisorInput): Promise<DxAdvisor> {
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertAdvisor(tx, { municipalityId: ctx.actor.municipalityId, ...input });
    await auditInTx(tx, auditSource(ctx), { action: 'digital.advisor-registered', outcome: 'succeeded', objectType: 'dx-advisor', objectId: row.id, details: {} });
    return toAdvisor(row, ctx.today);
  });
}

export async function updateDxAdvisor(ctx: ServiceContext, input: DxAdvisorInput & { id: number; version: number }): Promise<DxAdvisor> {
  const { id, version, ...values } = input;
  return ctx.database.db.transaction(async (tx) => {
    if (!(await findAdvisor(tx, ctx.actor.municipalityId, id))) throw new AppError('common.not-found', 'アドバイザーが見つかりません。');
    const row = await updateAdvisorIfUnchanged(tx, ctx.actor.municipalityId, id, version, values);
    if (!row) throw stale('アドバイザーの記録');
    await auditInTx(tx, auditSource(ctx), { action: 'digital.advisor-changed', outcome: 'succeeded', objectType: 'dx-advisor', objectId: row.id, details: {} });
    return toAdvisor(row, ctx.today);
  });
}

// 交流プログラム

/** GET /exchanges: newest first, with participants (our staff by name and number, visitors by name). */
export async function readExchanges(ctx: ServiceContext): Promise<ExchangeList> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const programmes = await listExchanges(exec, municipalityId);
  const participants = await listExchangeParticipants(exec, municipalityId, programmes.map((p) => p.id));
  const names = new Map((await listStaffNames(exec, municipalityId, participants.flatMap((p) => (p.staffId === null ? [] : [p.staffId])))).map((n) => [n.staffId, n]));
  const items: ExchangeProgramme[] = programmes.map((p) => ({
    id: p.id,
    partnerMunicipality: p.partnerMunicipality,
    title: p.title,
    direction: p.direction as ExchangeDirection,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    summary: p.summary,
    outcome: p.outcome,
    version: p.version,
    participants: participants
      .filter((x) => x.programmeId === p.id)
      .map((x) => ({
        id: x.id,
        staffId: x.staffId,
        employeeNumber: x.staffId === null ? null : (names.get(x.staffId)?.employeeNumber ?? null),
        name: x.staffId === null ? (x.externalName ?? '') : fullName(names.get(x.staffId)),
        isOurStaff: x.staffId !== null,
        note: x.note,
      })),
  }));
  return { canManage: await canManage(ctx), items };
}

async function checkParticipants(ctx: ServiceContext, input: ExchangeInput): Promise<void> {
  const ids = input.participants.flatMap((p) => (p.staffId === null ? [] : [p.staffId]));
  const found = new Set((await listStaffNames(ctx.database.db, ctx.actor.municipalityId, ids)).map((n) => n.staffId));
  const missing = input.participants.findIndex((p) => p.staffId !== null && !found.has(p.staffId));
  if (missing !== -1) throw validationError([{ path: `participants.${missing}.staffId`, code: 'custom', message: '職員が見つかりません' }]);
}

export async function createExchange(ctx: ServiceContext, input: ExchangeInput): Promise<{ id: number }> {
  await checkParticipants(ctx, input);
  const { participants, ...values } = input;
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertExchange(tx, { municipalityId: ctx.actor.municipalityId, ...values });
    await replaceExchangeParticipants(tx, ctx.actor.municipalityId, row.id, participants);
    await auditInTx(tx, auditSource(ctx), { action: 'digital.exchange-recorded', outcome: 'succeeded', objectType: 'exchange-programme', objectId: row.id, details: { participants: participants.length } });
    return { id: row.id };
  });
}

export async function updateExchange(ctx: ServiceContext, input: ExchangeInput & { id: number; version: number }): Promise<{ id: number }> {
  await checkParticipants(ctx, input);
  const { id, version, participants, ...values } = input;
  return ctx.database.db.transaction(async (tx) => {
    if (!(await findExchange(tx, ctx.actor.municipalityId, id))) throw new AppError('common.not-found', '交流プログラムが見つかりません。');
    const row = await updateExchangeIfUnchanged(tx, ctx.actor.municipalityId, id, version, values);
    if (!row) throw stale('交流プログラム');
    await replaceExchangeParticipants(tx, ctx.actor.municipalityId, row.id, participants);
    await auditInTx(tx, auditSource(ctx), { action: 'digital.exchange-changed', outcome: 'succeeded', objectType: 'exchange-programme', objectId: row.id, details: { participants: participants.length } });
    return { id: row.id };
  });
}
