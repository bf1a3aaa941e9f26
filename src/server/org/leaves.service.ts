/**
 * 休業・休職 periods on a staff record: HR enters, corrects and removes them (org.staff.update, audited); they are
 * read with the profile's protected fields (a sickness period is sensitive), never on their own.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { overlappingLeave, leaveKindLabels, type LeaveInput, type StaffLeave } from '../../domain/org/leaves.js';
import { findStaffRecord } from './staff.repository.js';
import { deleteLeave, insertLeave, listLeavesEndingSince, listLeavesOfStaff, updateLeave } from './leaves.repository.js';
import type { Executor } from '../db/client.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const notFound = () => new AppError('common.not-found', '休業・休職の記録が見つかりません。');

async function checkedInput(ctx: ServiceContext, staffId: number, input: LeaveInput): Promise<void> {
  const person = await findStaffRecord(ctx.database.db, ctx.actor.municipalityId, staffId);
  if (person === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  if (input.startsOn < person.hireDate) {
    throw new AppError('common.validation', '入力内容に誤りがあります。', [{ path: 'startsOn', code: 'custom', message: '開始日が採用日より前です。' }]);
  }
}

/** Adds or replaces a period; the person's periods may not overlap (checked inside the transaction). */
export async function saveLeave(ctx: ServiceContext, input: { staffId: number; leaveId: number | null; leave: LeaveInput }): Promise<StaffLeave> {
  await checkedInput(ctx, input.staffId, input.leave);
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const existing = await listLeavesOfStaff(tx, municipalityId, [input.staffId]);
    const clash = overlappingLeave(existing, input.leave, input.leaveId);
    if (clash) {
      throw new AppError('common.validation', '入力内容に誤りがあります。', [
        { path: 'startsOn', code: 'custom', message: `${leaveKindLabels[clash.kind]}(${clash.startsOn}〜${clash.endsOn ?? ''})と期間が重なっています。` },
      ]);
    }
    const saved = input.leaveId === null ? await insertLeave(tx, municipalityId, input.staffId, input.leave) : await updateLeave(tx, municipalityId, input.staffId, input.leaveId, input.leave);
    if (saved === undefined) throw notFound();
    await auditInTx(tx, auditSource(ctx), {
      action: input.leaveId === null ? 'org.leave.added' : 'org.leave.updated',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: input.staffId,
      details: { leaveId: saved.id },
    });
    return saved;
  });
}

export async function removeLeave(ctx: ServiceContext, input: { staffId: number; leaveId: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    if (!(await deleteLeave(tx, ctx.actor.municipalityId, input.staffId, input.leaveId))) throw notFound();
    await auditInTx(tx, auditSource(ctx), { action: 'org.leave.removed', outcome: 'succeeded', objectType: 'staff', objectId: input.staffId, details: { leaveId: input.leaveId } });
  });
}

/** Everyone's periods away still running or ended on or after `since`, by person (for rules over many people). */
export async function leavesByStaffSince(exec: Executor, municipalityId: number, since: string): Promise<Map<number, StaffLeave[]>> {
  const byStaff = new Map<number, StaffLeave[]>();
  for (const leave of await listLeavesEndingSince(exec, municipalityId, since)) byStaff.set(leave.staffId, [...(byStaff.get(leave.staffId) ?? []), leave]);
  return byStaff;
}
