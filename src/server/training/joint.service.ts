/**
 * 合同研修 (issue 4 item 4): HR registers people of the course's co-host municipalities on a session (no accounts),
 * edits them, cancels them and records their attendance; the roster — our attendees and theirs — goes to the co-host
 * as CSV and the co-host's file comes back in, all or nothing. Every change and every export is audited.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { validationError } from '../http/validation-messages.js';
import { readCsvUpload, type CsvInputEncoding, type CsvOutputEncoding } from '../common/csv-codec.js';
import { csvDownload, unencodableReport, type ExportFile } from '../common/csv-download.js';
import type { UnencodableReport } from '../../domain/org/org-api.js';
import {
  checkRosterRows,
  participantKey,
  rosterColumns,
  rosterLine,
  rosterStatusOfEnrolment,
  type ExternalParticipantInput,
  type ExternalParticipantUpdate,
  type ExternalParticipantView,
  type ExternalStatus,
  type JointParticipants,
  type RosterImportResult,
} from '../../domain/training/joint-roster.js';
import { auditSource } from './catalog.service.js';
import { findSession, listTargetPeople, type SessionWithCourse } from './plan.repository.js';
import { listEnrolmentsOfSession, lockSession } from './enrolment.repository.js';
import {
  findExternalParticipant,
  getMunicipalityName,
  insertExternalParticipant,
  listExternalParticipants,
  listStaffKana,
  updateExternalParticipant,
  type ExternalParticipantRow,
} from './joint.repository.js';

const sessionNotFound = () => new AppError('common.not-found', '研修の日程が見つかりません。');
const participantNotFound = () => new AppError('common.not-found', '合同研修の参加者が見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの参加者を更新しました。最新の内容を読み込んでから、もう一度操作してください。');

/** A roster file is small (one session's people); 1 MB and 2,000 rows are far above any real one. */
const maxRosterBytes = 1024 * 1024;
const maxRosterRows = 2000;

function toView(r: ExternalParticipantRow): ExternalParticipantView {
  return {
    id: r.id,
    sessionId: r.sessionId,
    fromMunicipality: r.fromMunicipality,
    familyName: r.familyName,
    givenName: r.givenName,
    familyNameKana: r.familyNameKana,
    givenNameKana: r.givenNameKana,
    unitName: r.unitName,
    positionName: r.positionName,
    status: r.status as ExternalStatus,
    version: r.version,
  };
}

/** The session, refused when its course is not held jointly (no co-hosts: nobody from elsewhere can be on it). */
async function jointSession(ctx: ServiceContext, sessionId: number): Promise<SessionWithCourse> {
  const row = await findSession(ctx.database.db, ctx.actor.municipalityId, sessionId);
  if (!row) throw sessionNotFound();
  if (row.course.coHosts.length === 0) {
    throw new AppError('training.enrolment-not-allowed', 'この研修は他の自治体との合同実施ではありません（研修の合同実施自治体を設定してください）。');
  }
  return row;
}

function refuseUnknownMunicipality(row: SessionWithCourse, municipality: string): void {
  if (!row.course.coHosts.includes(municipality)) {
    throw validationError([
      { path: 'fromMunicipality', code: 'not-co-host', message: `「${municipality}」はこの研修の合同実施自治体（${row.course.coHosts.join('・')}）ではありません` },
    ]);
  }
}

/** GET /api/training/sessions/{id}/external-participants */
export async function readJointParticipants(ctx: ServiceContext, input: { sessionId: number }): Promise<JointParticipants> {
  const row = await jointSession(ctx, input.sessionId);
  const exec = ctx.database.db;
  return {
    sessionId: row.session.id,
    courseTitle: row.course.title,
    startsOn: row.session.startsOn,
    endsOn: row.session.endsOn,
    coHosts: row.course.coHosts,
    ownMunicipality: await getMunicipalityName(exec, ctx.actor.municipalityId),
    items: (await listExternalParticipants(exec, ctx.actor.municipalityId, input.sessionId)).map(toView),
  };
}

/** POST /api/training/sessions/{id}/external-participants: registers one person of a co-host municipality. */
export async function addExternalParticipant(ctx: ServiceContext, input: ExternalParticipantInput & { sessionId: number }): Promise<ExternalParticipantView> {
  const { sessionId, ...values } = input;
  const row = await jointSession(ctx, sessionId);
  refuseUnknownMunicipality(row, values.fromMunicipality);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const inserted = await insertExternalParticipant(tx, ctx.actor.municipalityId, sessionId, { ...values, status: 'registered' });
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.external-participant-added',
      outcome: 'succeeded',
      objectType: 'training-external-participant',
      objectId: inserted.id,
      details: { sessionId, fromMunicipality: values.fromMunicipality },
    });
    return inserted;
  });
  return toView(saved);
}

/** PUT /api/training/external-participants/{id}: edits the person, records attendance or cancels (status). */
export async function updateExternalParticipantOf(ctx: ServiceContext, input: ExternalParticipantUpdate & { participantId: number }): Promise<ExternalParticipantView> {
  const { participantId, version, ...values } = input;
  const current = await findExternalParticipant(ctx.database.db, ctx.actor.municipalityId, participantId);
  if (!current) throw participantNotFound();
  const row = await jointSession(ctx, current.sessionId);
  if (values.fromMunicipality !== current.fromMunicipality) refuseUnknownMunicipality(row, values.fromMunicipality);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const updated = await updateExternalParticipant(tx, ctx.actor.municipalityId, participantId, version, values);
    if (!updated) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.external-participant-updated',
      outcome: 'succeeded',
      objectType: 'training-external-participant',
      objectId: participantId,
      details: { sessionId: current.sessionId, statusFrom: current.status, statusTo: values.status },
    });
    return updated;
  });
  return toView(saved);
}

export type RosterExportInput = { sessionId: number; encoding: CsvOutputEncoding; replaceUnencodable: boolean };

/**
 * GET /api/training/sessions/{id}/roster.csv: our attendees (受講決定・出席・修了, 自治体 = our name) then the
 * co-hosts' participants (cancelled ones left out), as the co-host receives it.
 */
async function rosterRows(ctx: ServiceContext, row: SessionWithCourse): Promise<{ ours: string[][]; theirs: string[][] }> {
  const sessionId = row.session.id;
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const own = await getMunicipalityName(exec, municipalityId);
  const enrolments = (await listEnrolmentsOfSession(exec, municipalityId, sessionId)).flatMap((e) => {
    const status = rosterStatusOfEnrolment(e.status);
    return status === undefined ? [] : [{ staffId: e.staffId, status }];
  });
  const ids = enrolments.map((e) => e.staffId);
  const people = new Map((await listTargetPeople(exec, municipalityId, ids, row.session.startsOn)).map((p) => [p.staffId, p]));
  const kana = await listStaffKana(exec, municipalityId, ids);
  const ours = enrolments.map((e) => {
    const p = people.get(e.staffId);
    const k = kana.get(e.staffId);
    return rosterLine({
      fromMunicipality: own,
      familyName: p?.familyName ?? '',
      givenName: p?.givenName ?? '',
      familyNameKana: k?.familyNameKana ?? '',
      givenNameKana: k?.givenNameKana ?? '',
      unitName: p?.unitName ?? '',
      positionName: p?.positionName ?? '',
      status: e.status,
    });
  });
  const theirs = (await listExternalParticipants(exec, municipalityId, sessionId)).filter((p) => p.status !== 'cancelled').map((p) => rosterLine(toView(p)));
  return { ours, theirs };
}

export async function exportJointRoster(ctx: ServiceContext, input: RosterExportInput): Promise<ExportFile> {
  const row = await jointSession(ctx, input.sessionId);
  const { ours, theirs } = await rosterRows(ctx, row);
  const file = csvDownload(rosterColumns, [...ours, ...theirs], {
    encoding: input.encoding,
    replaceUnencodable: input.replaceUnencodable,
    asciiFileName: `joint-roster-${row.session.startsOn}.csv`,
    fileName: `合同研修名簿_${row.course.title}_${row.session.startsOn}.csv`,
  });
  await audit(ctx.database, auditSource(ctx), {
    action: 'training.joint-roster-exported',
    outcome: 'succeeded',
    objectType: 'training-session',
    objectId: input.sessionId,
    details: { encoding: input.encoding, ownRows: ours.length, externalRows: theirs.length, unencodable: file.unencodableCount },
  });
  return file;
}

/** GET /api/training/sessions/{id}/roster-check: what a Shift_JIS roster could not hold (before the download). */
export async function checkJointRosterEncoding(ctx: ServiceContext, input: { sessionId: number; encoding: CsvOutputEncoding }): Promise<UnencodableReport> {
  const { ours, theirs } = await rosterRows(ctx, await jointSession(ctx, input.sessionId));
  return unencodableReport(rosterColumns, [...ours, ...theirs], input.encoding);
}

export type RosterImportInput = { sessionId: number; encoding: CsvInputEncoding; bytes: Uint8Array };

/**
 * POST /api/training/sessions/{id}/roster-import: the co-host's roster. Rows of other municipalities are upserted
 * by municipality + name + kana in one transaction; our own rows are skipped and reported (our people are enrolled
 * here). Any error refuses the whole file (422 training.roster-invalid, details by line and column).
 */
export async function importJointRoster(ctx: ServiceContext, input: RosterImportInput): Promise<RosterImportResult> {
  const row = await jointSession(ctx, input.sessionId);
  const municipalityId = ctx.actor.municipalityId;
  const refuse = async (errors: { line: number; column: string; message: string }[]) => {
    await audit(ctx.database, auditSource(ctx), {
      action: 'training.joint-roster-imported',
      outcome: 'failed',
      objectType: 'training-session',
      objectId: input.sessionId,
      details: { errorCount: errors.length },
    });
    return new AppError('training.roster-invalid', `名簿のファイルに誤りが${errors.length}件あります。何も登録していません。`, errors);
  };
  const upload = readCsvUpload(input.bytes, input.encoding, { maxBytes: maxRosterBytes, maxRows: maxRosterRows });
  if (!upload.ok) throw await refuse([{ line: 'line' in upload ? upload.line : 1, column: '', message: upload.message }]);
  const own = await getMunicipalityName(ctx.database.db, municipalityId);
  const checked = checkRosterRows(upload.header, upload.rows, { ownMunicipality: own, coHosts: row.course.coHosts });
  if (!checked.ok) throw await refuse(checked.errors);

  return ctx.database.db.transaction(async (tx) => {
    // Two uploads of the same file at once must not both insert a person: the session's row serialises them.
    await lockSession(tx, municipalityId, input.sessionId);
    const existing = new Map((await listExternalParticipants(tx, municipalityId, input.sessionId)).map((p) => [participantKey(p), p]));
    let inserted = 0;
    let updated = 0;
    for (const { line: _line, ...values } of checked.rows) {
      const current = existing.get(participantKey(values));
      if (current) {
        await updateExternalParticipant(tx, municipalityId, current.id, null, values);
        updated += 1;
      } else {
        await insertExternalParticipant(tx, municipalityId, input.sessionId, values);
        inserted += 1;
      }
    }
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.joint-roster-imported',
      outcome: 'succeeded',
      objectType: 'training-session',
      objectId: input.sessionId,
      details: { encoding: upload.encoding, inserted, updated, ignoredOwn: checked.ignoredOwnLines.length },
    });
    return { inserted, updated, ignoredOwnLines: checked.ignoredOwnLines };
  });
}
