/**
 * Staff master and assignment history imports: upload → preview (every error by line and column) → commit
 * (all or nothing, in one transaction with its audit row; security.md, consequence 7).
 *
 * Modes, shown to the user in the preview:
 * - staff (`upsert`): a row whose employee number is new inserts a person, one whose number is registered
 *   updates that person (version + 1). Optional columns left out of the file leave stored values alone; a
 *   資格 column replaces the person's qualifications. A registered number arriving with another birth date
 *   is refused as a probable duplicate: employee numbers are not reused, so it is either a typo in the
 *   number (which would overwrite someone else) or a wrong birth date.
 * - assignments (`replace`): the file is the full history of each employee it names; their stored
 *   assignments are replaced, everybody else's are untouched. Employees must be registered first.
 *
 * Files are checked a slice at a time (import-scan.ts) so that memory stays bounded; a commit writes each
 * checked slice inside its one transaction as long as no error has been found, and rolls everything back
 * if one is found later.
 */
import { AppError } from '../http/app-error.js';
import type { ServiceContext } from '../http/context.js';
import { auditInTx, type AuditSource } from '../access/audit.service.js';
import { rebuildRuleRelationsFrom } from './relations.service.js';
import { decodeCsvBytes, type CsvInputEncoding } from '../common/csv-codec.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import type { AssignmentImportRecord, StaffImportRecord } from '../../domain/org/staff-import.js';
import { analyzeDatabase, type Executor } from '../db/client.js';
import {
  closeImportJob,
  deleteQualificationsOfStaff,
  findImportJob,
  importBatchSize,
  insertImportJob,
  insertQualifications,
  listPositionIdsByCode,
  listStaffIdentities,
  listUnitIdsByCode,
  lockImportCommits,
  lockImportJob,
  readImportContent,
  replaceAssignments,
  upsertStaffBatch,
  type AssignmentInsertRow,
  type ImportJobRow,
  type StaffUpsertRow,
} from './import.repository.js';
import { scanImportText, type CheckedSlice, type ImportReference } from './import-scan.js';
import type { ImportCommitEvent, ImportIssue, ImportKind, ImportMode, ImportPreview } from '../../domain/org/org-api.js';

export const importKinds = ['staff', 'assignments'] as const satisfies readonly ImportKind[];

/** How a commit treats what is already stored (see the file comment). */
export const importModeOf: Record<ImportKind, ImportMode> = { staff: 'upsert', assignments: 'replace' };

export type ImportJobStatusView = {
  importId: number;
  kind: ImportKind;
  mode: ImportMode;
  status: string;
  fileName: string;
  encoding: string;
  totalRows: number;
  errorCount: number;
  errors: ImportIssue[];
  createdAt: string;
  finishedAt: string | null;
};

export type ImportCommitRun = {
  importId: number;
  totalRows: number;
  /** Runs the commit to its end whatever the listener does; the last event is 'done' or 'error'. */
  run(listener: (event: ImportCommitEvent) => void): Promise<void>;
};

const sampleSize = 20;
/** Characters of stored content read per query at commit (about 4 MB as a JS string). */
const contentPieceLength = 2_000_000;

function auditSourceOf(ctx: ServiceContext): AuditSource {
  return { municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now };
}

// ---------------------------------------------------------------------------------------------
// Reference data

async function loadReference(exec: Executor, municipalityId: number, kind: ImportKind): Promise<ImportReference> {
  const staffByNumber = await listStaffIdentities(exec, municipalityId);
  if (kind === 'staff') return { staffByNumber, unitIdByCode: new Map(), positionIdByCode: new Map() };
  return {
    staffByNumber,
    unitIdByCode: await listUnitIdsByCode(exec, municipalityId),
    positionIdByCode: await listPositionIdsByCode(exec, municipalityId),
  };
}

// ---------------------------------------------------------------------------------------------
// Preview

export type PreviewImportInput = {
  kind: ImportKind;
  encoding: CsvInputEncoding;
  fileName: string;
  bytes: Uint8Array;
};

/**
 * Decodes, parses and checks an uploaded file and keeps it as a job. A file with errors is stored as
 * 'failed' without its content (it can never be committed); a clean one as 'previewed' with its text.
 */
export async function previewImport(ctx: ServiceContext, input: PreviewImportInput): Promise<ImportPreview> {
  const maxBytes = ctx.config.IMPORT_MAX_MB * 1024 * 1024;
  if (input.bytes.byteLength > maxBytes) {
    throw new AppError('org.import-too-large', `ファイルが大きすぎます(上限 ${ctx.config.IMPORT_MAX_MB}MB)。`);
  }
  const decoded = decodeCsvBytes(input.bytes, input.encoding);
  if (!decoded.ok && decoded.reason === 'encoding-required') {
    throw new AppError('org.import-encoding-required', decoded.message);
  }
  const municipalityId = ctx.actor.municipalityId;
  const encoding = decoded.ok ? decoded.encoding : input.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
  const scan = decoded.ok
    ? await scanImportText(input.kind, [decoded.text], await loadReference(ctx.database.db, municipalityId, input.kind), { sampleSize })
    : {
        header: [],
        totalRows: 0,
        sample: [],
        errors: [{ line: decoded.reason === 'invalid-bytes' ? decoded.line : 1, column: '', code: decoded.reason, message: decoded.message }],
      };

  const canCommit = scan.errors.length === 0;
  const importId = await insertImportJob(ctx.database.db, {
    municipalityId,
    kind: input.kind,
    status: canCommit ? 'previewed' : 'failed',
    fileName: input.fileName,
    encoding,
    content: canCommit && decoded.ok ? decoded.text : null,
    totalRows: scan.totalRows,
    errorCount: scan.errors.length,
    errors: scan.errors,
    createdByAccountId: ctx.actor.accountId,
    finishedAt: canCommit ? null : ctx.now.toISOString(),
  });
  return {
    importId,
    kind: input.kind,
    mode: importModeOf[input.kind],
    encoding,
    fileName: input.fileName,
    totalRows: scan.totalRows,
    errorCount: scan.errors.length,
    errors: scan.errors,
    header: scan.header,
    sample: scan.sample,
    canCommit,
  };
}

// ---------------------------------------------------------------------------------------------
// Status and discard

function toStatusView(job: ImportJobRow): ImportJobStatusView {
  const kind = job.kind as ImportKind;
  return {
    importId: job.id,
    kind,
    mode: importModeOf[kind],
    status: job.status,
    fileName: job.fileName,
    encoding: job.encoding,
    totalRows: job.totalRows,
    errorCount: job.errorCount,
    errors: (job.errors ?? []) as ImportIssue[],
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

async function getJob(ctx: ServiceContext, importId: number): Promise<ImportJobRow> {
  const job = await findImportJob(ctx.database.db, ctx.actor.municipalityId, importId);
  if (!job) throw new AppError('common.not-found', '取込みが見つかりません。');
  return job;
}

function closedError(job: Pick<ImportJobRow, 'status'>): AppError {
  const message =
    job.status === 'committed'
      ? 'この取込みは登録済みです。'
      : job.status === 'discarded'
        ? 'この取込みは取り消されています。'
        : 'この取込みはエラーのため登録できません。ファイルを修正して取り込み直してください。';
  return new AppError('org.import-closed', message, { status: job.status });
}

export async function getImportStatus(ctx: ServiceContext, importId: number): Promise<ImportJobStatusView> {
  return toStatusView(await getJob(ctx, importId));
}

/** Drops a previewed file that will not be committed (its content is personal data). */
export async function discardImport(ctx: ServiceContext, importId: number): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const job = await lockImportJob(tx, ctx.actor.municipalityId, importId);
    if (!job) throw new AppError('common.not-found', '取込みが見つかりません。');
    if (job.status !== 'previewed') throw closedError(job);
    await closeImportJob(tx, ctx.actor.municipalityId, importId, { status: 'discarded', finishedAt: ctx.now.toISOString() });
  });
}

// ---------------------------------------------------------------------------------------------
// Commit

type CommitCounts = { inserted: number; updated: number; deleted: number; replacedStaff: number };

function searchKeyOf(record: StaffImportRecord): string {
  // The same key as the demo seed and the staff service build.
  return normalizeForSearch(
    `${record.familyName}${record.givenName} ${record.familyNameKana}${record.givenNameKana} ${record.employeeNumber}`,
  );
}

function toStaffRow(record: StaffImportRecord): StaffUpsertRow {
  return {
    employeeNumber: record.employeeNumber,
    familyName: record.familyName,
    givenName: record.givenName,
    familyNameKana: record.familyNameKana,
    givenNameKana: record.givenNameKana,
    searchKey: searchKeyOf(record),
    birthDate: record.birthDate,
    sex: record.sex,
    hireDate: record.hireDate,
    employmentType: record.employmentType,
    jobCategory: record.jobCategory,
    separatedOn: record.separatedOn,
  };
}

/**
 * Writes checked slices in batches of `importBatchSize` rows, counting as it goes. Staff: upsert, then the
 * qualifications of the batch replaced when the file has a 資格 column. Assignments: the stored history of
 * each employee is deleted the first time the file names them, then the rows are inserted.
 */
function createSliceWriter(tx: Executor, municipalityId: number, reference: ImportReference, progress: (rows: number) => void) {
  const counts: CommitCounts = { inserted: 0, updated: 0, deleted: 0, replacedStaff: 0 };
  const replacedStaffIds = new Set<number>();
  // Validation has checked every number and code against these maps; a miss here is a bug.
  const idOf = (map: ReadonlyMap<string, number>, key: string, what: string): number => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`import: ${what} unresolved after validation`);
    return id;
  };
  const staffIdOf = (employeeNumber: string): number => {
    const found = reference.staffByNumber.get(employeeNumber);
    if (!found) throw new Error('import: employee number unresolved after validation');
    return found.id;
  };

  async function writeStaff(batch: readonly StaffImportRecord[], presentColumns: ReadonlySet<string>) {
    for (const record of batch) {
      if (reference.staffByNumber.has(record.employeeNumber)) counts.updated += 1;
      else counts.inserted += 1;
    }
    const present = { sex: presentColumns.has('sex'), jobCategory: presentColumns.has('jobCategory'), separatedOn: presentColumns.has('separatedOn') };
    const written = await upsertStaffBatch(tx, municipalityId, batch.map(toStaffRow), present);
    if (!presentColumns.has('qualifications')) return;
    const idByNumber = new Map(written.map((row) => [row.employeeNumber, row.id]));
    await deleteQualificationsOfStaff(tx, municipalityId, written.map((row) => row.id));
    const held = batch.flatMap((record) => record.qualifications.map((name) => ({ staffId: idOf(idByNumber, record.employeeNumber, 'staff'), name })));
    for (let start = 0; start < held.length; start += importBatchSize) {
      await insertQualifications(tx, municipalityId, held.slice(start, start + importBatchSize));
    }
  }

  async function writeAssignments(batch: readonly AssignmentImportRecord[]) {
    const newlyNamed: number[] = [];
    for (const record of batch) {
      const staffId = staffIdOf(record.employeeNumber);
      if (!replacedStaffIds.has(staffId)) {
        replacedStaffIds.add(staffId);
        newlyNamed.push(staffId);
      }
    }
    counts.replacedStaff += newlyNamed.length;
    const rows: AssignmentInsertRow[] = batch.map((record) => ({
      staffId: staffIdOf(record.employeeNumber),
      unitId: idOf(reference.unitIdByCode, record.unitCode, 'unit code'),
      positionId: idOf(reference.positionIdByCode, record.positionCode, 'position code'),
      kind: record.kind,
      dispatchTo: record.dispatchTo,
      startsOn: record.startsOn,
      endsOn: record.endsOn,
    }));
    const { deleted } = await replaceAssignments(tx, municipalityId, newlyNamed, rows);
    counts.deleted += deleted;
    counts.inserted += rows.length;
  }

  return {
    counts,
    async write(slice: CheckedSlice) {
      for (let start = 0; start < slice.records.length; start += importBatchSize) {
        if (slice.kind === 'staff') await writeStaff(slice.records.slice(start, start + importBatchSize), slice.presentColumns);
        else await writeAssignments(slice.records.slice(start, start + importBatchSize));
        progress(Math.min(importBatchSize, slice.records.length - start));
      }
    },
  };
}

/**
 * Checks that the job can be committed (404, 409 org.import-closed) and returns the commit to run. The run
 * re-checks the stored text against the database as it is now and writes it, with the audit row, in one
 * transaction; on any error nothing is written and the job is closed as 'failed' with the errors.
 */
export async function commitImport(ctx: ServiceContext, importId: number): Promise<ImportCommitRun> {
  const job = await getJob(ctx, importId);
  if (job.status !== 'previewed') throw closedError(job);
  const municipalityId = ctx.actor.municipalityId;

  const run = async (listener: (event: ImportCommitEvent) => void) => {
    const emit = (event: ImportCommitEvent) => {
      try {
        listener(event);
      } catch {
        // A listener that cannot deliver (the client went away) does not stop the commit.
      }
    };
    try {
      const counts = await ctx.database.db.transaction(async (tx) => {
        await lockImportCommits(tx, municipalityId);
        const locked = await lockImportJob(tx, municipalityId, importId);
        if (!locked) throw new AppError('common.not-found', '取込みが見つかりません。');
        // The second of two simultaneous commits waits for the lock, then finds the job closed.
        if (locked.status !== 'previewed' || locked.contentLength === null) throw closedError(locked);
        const kind = locked.kind as ImportKind;
        const total = locked.totalRows;
        emit({ type: 'progress', processed: 0, total });
        let processed = 0;
        const reference = await loadReference(tx, municipalityId, kind);
        const writer = createSliceWriter(tx, municipalityId, reference, (rows) => {
          processed += rows;
          emit({ type: 'progress', processed, total });
        });
        const content = readImportContent(tx, municipalityId, importId, locked.contentLength, contentPieceLength);
        const scan = await scanImportText(kind, content, reference, { sampleSize: 0, onCheckedSlice: (slice) => writer.write(slice) });
        if (scan.errors.length > 0) {
          throw new AppError(
            'org.import-invalid',
            `ファイルに${scan.errors.length}件のエラーがあるため登録しませんでした。プレビューの後にデータが変わった可能性があります。`,
            { errors: scan.errors },
          );
        }
        // Evaluator/confirmer relations follow the organisation: a new assignment history moves them in the same transaction.
        if (kind === 'assignments') await rebuildRuleRelationsFrom(tx, municipalityId, ctx.today);
        await closeImportJob(tx, municipalityId, importId, { status: 'committed', finishedAt: ctx.now.toISOString() });
        // Last, because the audit append holds the municipality's chain lock until the commit.
        await auditInTx(tx, auditSourceOf(ctx), {
          action: 'org.import-committed',
          outcome: 'succeeded',
          objectType: 'import_job',
          objectId: importId,
          details: { kind, mode: importModeOf[kind], rows: scan.totalRows, ...writer.counts },
        });
        return writer.counts;
      });
      // Bulk changes: fresh planner statistics (PGlite has no autovacuum; on PostgreSQL it saves waiting for it).
      await analyzeDatabase(ctx.database.db);
      emit({ type: 'done', ...counts });
    } catch (error) {
      emit(await failCommit(ctx, importId, error));
    }
  };
  return { importId, totalRows: job.totalRows, run };
}

/** Closes the job as failed (unless another commit closed it) and says why, without internals. */
async function failCommit(ctx: ServiceContext, importId: number, error: unknown): Promise<ImportCommitEvent> {
  if (error instanceof AppError && error.code === 'org.import-closed') {
    return { type: 'error', code: error.code, message: error.message, details: error.details };
  }
  let event: Extract<ImportCommitEvent, { type: 'error' }>;
  let errors: ImportIssue[];
  if (error instanceof AppError) {
    errors = (error.details as { errors?: ImportIssue[] } | undefined)?.errors ?? [];
    event = { type: 'error', code: error.code, message: error.message, details: error.details };
  } else {
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: ctx.requestId,
        msg: 'import commit failed',
        importId,
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
    errors = [];
    event = { type: 'error', code: 'common.internal', message: 'システムエラーのため登録できませんでした。何も登録されていません。', details: { requestId: ctx.requestId } };
  }
  try {
    await ctx.database.db.transaction(async (tx) => {
      const job = await lockImportJob(tx, ctx.actor.municipalityId, importId);
      if (!job || job.status !== 'previewed') return;
      await closeImportJob(tx, ctx.actor.municipalityId, importId, {
        status: 'failed',
        finishedAt: ctx.now.toISOString(),
        errorCount: errors.length,
        errors,
      });
      await auditInTx(tx, auditSourceOf(ctx), {
        action: 'org.import-committed',
        outcome: 'failed',
        objectType: 'import_job',
        objectId: importId,
        details: { kind: job.kind, errorCount: errors.length, code: event.code },
      });
    });
  } catch (closeError) {
    console.error(
      JSON.stringify({ level: 'error', requestId: ctx.requestId, msg: 'import job could not be closed', importId, error: String(closeError) }),
    );
  }
  return event;
}
