/**
 * 電子申請サービスの CSV 取込み: upload → preview with every line's errors → commit all-or-nothing (security.md 7).
 * Stateless: the preview answers the file's SHA-256, and the commit sends the same bytes with it; the server
 * validates the whole file again and writes every new line in one transaction, or nothing. Lines whose 受付番号 is
 * already imported (or repeated in the file) are duplicates: counted, not created twice.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { readCsvUpload, type CsvInputEncoding } from '../common/csv-codec.js';
import { applicationInputSchema } from '../../domain/recruitment/intake.js';
import { columnOfPath, eApplicationLineToInput, mapEApplicationHeader, type CsvLineProblem } from '../../domain/recruitment/e-application-csv.js';
import { eApplicationCsvMaxBytes } from '../../domain/recruitment/upload-limits.js';
import { findCampaign } from './campaigns.repository.js';
import { readIntakeSettings } from './campaigns.service.js';
import { listSubmissionKeys } from './applications.repository.js';
import { checkApplication, storeApplication, type PreparedApplication } from './applications.service.js';

export type EApplicationImportInput = { campaignId: number; bytes: Uint8Array; encoding: CsvInputEncoding; commit: boolean; sha256?: string };
export type EApplicationImportResult = {
  sha256: string;
  lines: number;
  newCount: number;
  duplicateCount: number;
  problems: CsvLineProblem[];
  committed: boolean;
  /** first lines as they would be stored (names only, for the preview table) */
  sample: Array<{ line: number; receiptNo: string; name: string; isDuplicate: boolean }>;
};

const maxBytes = eApplicationCsvMaxBytes;

export async function importEApplications(ctx: ServiceContext, input: EApplicationImportInput): Promise<EApplicationImportResult> {
  const exec = ctx.database.db;
  const campaign = await findCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  if (!campaign) throw new AppError('common.not-found', '採用試験が見つかりません。');
  if (campaign.status !== 'open' && campaign.status !== 'closed') throw new AppError('recruitment.campaign-not-open', '受付中または受付終了の採用試験にだけ取り込めます。');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const read = readCsvUpload(input.bytes, input.encoding, { maxBytes, maxRows: 20_000 });
  if (!read.ok) throw new AppError('recruitment.import-invalid', read.message, { problems: [{ line: 'line' in read ? read.line : 0, column: '', message: read.message }] });
  const header = mapEApplicationHeader(read.header);
  if (!header.ok) throw new AppError('recruitment.import-invalid', `必要な列がありません: ${header.missing.join('、')}`, { problems: [{ line: 1, column: header.missing.join('、'), message: '必要な列がありません' }] });

  const { value: settings } = await readIntakeSettings(exec, ctx.actor.municipalityId);
  const known = await listSubmissionKeys(exec, campaign.id);
  const seen = new Set<string>();
  const problems: CsvLineProblem[] = [];
  const toStore: PreparedApplication[] = [];
  const sample: EApplicationImportResult['sample'] = [];
  let duplicateCount = 0;
  for (const row of read.rows) {
    const { raw, problems: own } = eApplicationLineToInput(header.index, row.cells, row.line);
    problems.push(...own);
    const parsed = applicationInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOfPath(issue.path.join('.'));
        // the CSV-specific message already covers an unreadable birth date or receipt number
        if (!own.some((p) => p.column === column)) problems.push({ line: row.line, column, message: issue.message });
      }
      continue;
    }
    if (own.length > 0) continue;
    const key = parsed.data.submissionKey;
    const isDuplicate = known.has(key) || seen.has(key);
    seen.add(key);
    if (sample.length < 20) sample.push({ line: row.line, receiptNo: key.replace(/^eapp-/, ''), name: `${parsed.data.familyName} ${parsed.data.givenName}`, isDuplicate });
    if (isDuplicate) {
      duplicateCount++;
      continue;
    }
    const checked = checkApplication(campaign, parsed.data, settings);
    for (const p of checked.problems) problems.push({ line: row.line, column: '添付', message: p.message });
    for (const reason of checked.eligibilityReasons) problems.push({ line: row.line, column: '受験資格', message: reason });
    if (checked.problems.length === 0 && checked.eligibilityReasons.length === 0) toStore.push(checked.prepared);
  }
  const result = { sha256, lines: read.rows.length, newCount: toStore.length, duplicateCount, problems, committed: false, sample };
  if (!input.commit) return result;
  if (input.sha256 !== sha256) throw new AppError('common.conflict', 'プレビューしたファイルと内容が違います。もう一度プレビューしてください。');
  if (problems.length > 0) throw new AppError('recruitment.import-invalid', `${problems.length}件の誤りがあるため、取り込みませんでした(1件も登録していません)。`, { problems });
  const src = { database: ctx.database, municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now, today: ctx.today };
  let created = 0;
  await ctx.database.db.transaction(async (tx) => {
    for (const prepared of toStore) if ((await storeApplication(tx, src, campaign, prepared, 'csv')).isNew) created++;
    await auditInTx(tx, src, { action: 'recruitment.import.commit', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: campaign.id, details: { lines: read.rows.length, created, duplicates: duplicateCount + toStore.length - created } });
  });
  return { ...result, newCount: created, duplicateCount: duplicateCount + toStore.length - created, committed: true };
}
