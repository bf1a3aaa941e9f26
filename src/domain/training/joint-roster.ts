/**
 * 合同研修 (issue 4 item 4, policy II-4-(3)): people from co-hosting municipalities registered on a session without
 * accounts, and the roster exchanged with the co-host as CSV. The CSV layout, the row checks (every error by line
 * and column, in Japanese) and the input schemas live here so the form and the server validate alike.
 */
import { z } from 'zod';

export const externalStatuses = ['registered', 'attended', 'completed', 'absent', 'cancelled'] as const;
export type ExternalStatus = (typeof externalStatuses)[number];

export const externalStatusLabels: Record<ExternalStatus, string> = {
  registered: '受講予定',
  attended: '出席',
  completed: '修了',
  absent: '欠席',
  cancelled: '取消',
};

/** The roster's columns, in this order on export; an import finds them by name in any order. */
export const rosterColumns = ['自治体', '氏', '名', '氏カナ', '名カナ', '所属', '職名', '状態'] as const;
export type RosterColumn = (typeof rosterColumns)[number];
const requiredColumns: readonly RosterColumn[] = ['自治体', '氏', '名'];

const nameMax = 50;
const textMax = 100;
const katakana = /^[\u30A0-\u30FF\u3000 ]*$/u;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください`);
const kana = (label: string) => text(label, nameMax).regex(katakana, `${label}はカタカナで入力してください`);

/** Registering or editing one participant from a co-host municipality. */
export const externalParticipantInputSchema = z.strictObject({
  fromMunicipality: text('自治体', textMax).min(1, '自治体を選んでください'),
  familyName: text('氏', nameMax).min(1, '氏を入力してください'),
  givenName: text('名', nameMax).min(1, '名を入力してください'),
  familyNameKana: kana('氏カナ').default(''),
  givenNameKana: kana('名カナ').default(''),
  unitName: text('所属', textMax).default(''),
  positionName: text('職名', textMax).default(''),
});
export type ExternalParticipantInput = z.infer<typeof externalParticipantInputSchema>;

export const externalParticipantUpdateSchema = externalParticipantInputSchema.extend({
  status: z.enum(externalStatuses, '状態を選んでください'),
  version: z.int('版は整数で指定してください').positive('版が正しくありません'),
});
export type ExternalParticipantUpdate = z.infer<typeof externalParticipantUpdateSchema>;

export type ExternalParticipantView = ExternalParticipantInput & { id: number; sessionId: number; status: ExternalStatus; version: number };

export type JointParticipants = {
  sessionId: number;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  /** the course's co-hosts: the municipalities participants may come from */
  coHosts: string[];
  ownMunicipality: string;
  items: ExternalParticipantView[];
};

export type RosterIssue = { line: number; column: string; message: string };

export type RosterImportResult = {
  inserted: number;
  updated: number;
  /** lines naming our own municipality: our attendees are managed by enrolment, not by the co-host's file */
  ignoredOwnLines: number[];
};

/** One person as the roster identifies them across the two municipalities' files. */
export function participantKey(p: Pick<ExternalParticipantInput, 'fromMunicipality' | 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>): string {
  return [p.fromMunicipality, p.familyName, p.givenName, p.familyNameKana, p.givenNameKana].map((s) => s.trim()).join('\u0000');
}

/** The 状態 cell: a label of ours ('' = 受講予定); the co-host may also write 受講決定 for a registered person. */
export function parseStatusCell(cell: string): ExternalStatus | undefined {
  const value = cell.trim();
  if (value === '' || value === '受講決定' || value === '登録') return 'registered';
  return externalStatuses.find((s) => externalStatusLabels[s] === value);
}

export type RosterCheckContext = { ownMunicipality: string; coHosts: readonly string[] };
export type CheckedRosterRow = ExternalParticipantInput & { line: number; status: ExternalStatus };
export type RosterCheck = { ok: true; rows: CheckedRosterRow[]; ignoredOwnLines: number[] } | { ok: false; errors: RosterIssue[] };

/**
 * Checks a roster file's header and rows. Rows of our own municipality are skipped (reported by line); every other
 * row must name a co-host of the course. Nothing is usable unless every row is valid, so all errors are collected.
 */
export function checkRosterRows(header: readonly string[], rows: readonly { line: number; cells: readonly string[] }[], context: RosterCheckContext): RosterCheck {
  const errors: RosterIssue[] = [];
  const index = new Map<RosterColumn, number>();
  for (const column of rosterColumns) {
    const at = header.indexOf(column);
    if (at >= 0) index.set(column, at);
    else if (requiredColumns.includes(column)) errors.push({ line: 1, column, message: `見出し行に「${column}」の列がありません。` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const checked: CheckedRosterRow[] = [];
  const ignoredOwnLines: number[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = (column: RosterColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : (row.cells[at] ?? '').trim();
    };
    const rowErrors: RosterIssue[] = [];
    const fail = (column: RosterColumn, message: string) => rowErrors.push({ line: row.line, column, message: `${row.line}行目「${column}」: ${message}` });
    if (row.cells.length > header.length) fail('自治体', `列が見出しより多くあります（${row.cells.length}列）。`);
    const municipality = cell('自治体');
    if (municipality === context.ownMunicipality) {
      ignoredOwnLines.push(row.line);
      continue;
    }
    if (municipality === '') fail('自治体', '入力してください。');
    else if (!context.coHosts.includes(municipality)) fail('自治体', `「${municipality}」はこの研修の合同実施自治体（${context.coHosts.join('・') || 'なし'}）ではありません。`);
    const parsed = externalParticipantInputSchema.safeParse({
      fromMunicipality: municipality || '-',
      familyName: cell('氏'),
      givenName: cell('名'),
      familyNameKana: cell('氏カナ'),
      givenNameKana: cell('名カナ'),
      unitName: cell('所属'),
      positionName: cell('職名'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(columnOfField[String(issue.path[0])] ?? '自治体', issue.message.endsWith('。') ? issue.message : `${issue.message}。`);
    }
    const status = parseStatusCell(cell('状態'));
    if (status === undefined) fail('状態', `「${cell('状態')}」は使えません（${externalStatuses.map((s) => externalStatusLabels[s]).join('・')}のいずれか、または空欄）。`);
    if (rowErrors.length === 0 && parsed.success && status !== undefined) {
      const key = participantKey(parsed.data);
      const earlier = seen.get(key);
      if (earlier !== undefined) fail('氏', `${earlier}行目と同じ人です。`);
      else {
        seen.set(key, row.line);
        checked.push({ ...parsed.data, line: row.line, status });
      }
    }
    errors.push(...rowErrors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: checked, ignoredOwnLines };
}

const columnOfField: Record<string, RosterColumn> = {
  fromMunicipality: '自治体',
  familyName: '氏',
  givenName: '名',
  familyNameKana: '氏カナ',
  givenNameKana: '名カナ',
  unitName: '所属',
  positionName: '職名',
};

/** One roster line in column order. */
export function rosterLine(p: ExternalParticipantInput & { status: ExternalStatus }): string[] {
  return [p.fromMunicipality, p.familyName, p.givenName, p.familyNameKana, p.givenNameKana, p.unitName, p.positionName, externalStatusLabels[p.status]];
}

/** Our enrolments that belong on the roster sent to the co-host, with the status the roster shows. */
export function rosterStatusOfEnrolment(status: string): ExternalStatus | undefined {
  if (status === 'enrolled') return 'registered';
  if (status === 'attended' || status === 'completed') return status;
  return undefined;
}
