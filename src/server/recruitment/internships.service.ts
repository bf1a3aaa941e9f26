/**
 * インターン・職場体験 (policy III-3-(2)-③): requests from local students arrive through the public page; recruitment
 * staff assign a host unit and dates, accept or decline, and record the student's and the host's feedback. A
 * former intern's later application is linked to the internship (applications.service.ts) and listed here.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { validationError } from '../http/validation-messages.js';
import type { InternshipKind, InternshipStatus, InternshipUpdate, LocalTie } from '../../domain/recruitment/intake.js';
import type { InternshipView } from '../../domain/recruitment/intake-api.js';
import { findInternship, listApplicationsOfInternship, listInternships, unitExists, updateInternshipIfUnchanged, type InternshipRow } from './internships.repository.js';

function toView(row: InternshipRow, extra: { hostUnitName: string | null; laterApplications: number }): InternshipView {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind as InternshipKind,
    studentName: row.studentName,
    studentNameKana: row.studentNameKana,
    school: row.school,
    email: row.email,
    birthDate: row.birthDate,
    localTie: row.localTie as LocalTie,
    hostUnitId: row.hostUnitId,
    hostUnitName: extra.hostUnitName,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as InternshipStatus,
    studentFeedback: row.studentFeedback,
    hostFeedback: row.hostFeedback,
    isAnonymised: row.anonymisedAt !== null,
    laterApplications: extra.laterApplications,
  };
}

export async function listInternshipRequests(ctx: ServiceContext) {
  const rows = await listInternships(ctx.database.db, ctx.actor.municipalityId, ctx.today);
  return { internships: rows.map((r) => toView(r.internship, { hostUnitName: r.hostUnitName, laterApplications: Number(r.laterApplications) })) };
}

export async function readInternship(ctx: ServiceContext, id: number) {
  const row = await findInternship(ctx.database.db, ctx.actor.municipalityId, id);
  if (!row) throw new AppError('common.not-found', 'インターンの申込みが見つかりません。');
  const applications = await listApplicationsOfInternship(ctx.database.db, id);
  return { ...toView(row, { hostUnitName: null, laterApplications: applications.length }), applications };
}

/** requested → accepted | declined | cancelled; accepted → done | cancelled; feedback editable any time. */
const moves: Record<InternshipStatus, readonly InternshipStatus[]> = {
  requested: ['requested', 'accepted', 'declined', 'cancelled'],
  accepted: ['accepted', 'done', 'cancelled'],
  declined: ['declined', 'requested'],
  done: ['done'],
  cancelled: ['cancelled'],
};

export async function updateInternship(ctx: ServiceContext, input: InternshipUpdate & { internshipId: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const current = await findInternship(tx, ctx.actor.municipalityId, input.internshipId);
    if (!current) throw new AppError('common.not-found', 'インターンの申込みが見つかりません。');
    if (current.anonymisedAt !== null) throw new AppError('recruitment.campaign-not-open', '保存期間を過ぎて匿名化した記録は変更できません。');
    if (!moves[current.status as InternshipStatus].includes(input.status)) throw new AppError('recruitment.campaign-not-open', 'この状態からは変更できません。');
    if (input.hostUnitId !== null && !(await unitExists(tx, ctx.actor.municipalityId, input.hostUnitId, ctx.today))) {
      throw validationError([{ path: 'hostUnitId', code: 'custom', message: '受入れ所属が見つかりません' }]);
    }
    const row = await updateInternshipIfUnchanged(tx, ctx.actor.municipalityId, input.internshipId, input.version, {
      status: input.status,
      hostUnitId: input.hostUnitId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      studentFeedback: input.studentFeedback,
      hostFeedback: input.hostFeedback,
    });
    if (!row) throw new AppError('common.conflict', '他の人が先にこの申込みを更新しました。読み込み直してください。');
    await auditInTx(tx, { municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now }, {
      action: 'recruitment.internship.update',
      outcome: 'succeeded',
      objectType: 'internship',
      objectId: row.id,
      details: { from: current.status, to: row.status },
    });
    return toView(row, { hostUnitName: null, laterApplications: 0 });
  });
}
