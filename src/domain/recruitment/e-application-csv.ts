/**
 * The CSV that the external e-application service (電子申請サービス) exports: one application per line under Japanese
 * headers. Lines become the same `applicationInputSchema` input as the public form (hostile input, same checks); the
 * service's 受付番号 becomes the submission key, so the same line imported twice is one application.
 */
import { parseJapaneseDate } from '../common/wareki.js';
import { applicantSourceLabels, applicantSources, type ApplicantSource } from './intake.js';

export const eApplicationColumns = {
  receiptNo: '受付番号',
  familyName: '姓',
  givenName: '名',
  familyNameKana: '姓(フリガナ)',
  givenNameKana: '名(フリガナ)',
  birthDate: '生年月日',
  email: 'メールアドレス',
  phone: '電話番号',
  education: '最終学歴',
  workExperienceYears: '職務経験年数',
  qualifications: '資格',
  motivation: '志望動機',
  source: 'きっかけ',
} as const;
type ColumnKey = keyof typeof eApplicationColumns;
const required: ColumnKey[] = ['receiptNo', 'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'email', 'education', 'motivation'];

export type CsvLineProblem = { line: number; column: string; message: string };

/** Column positions by header (full-width brackets accepted), or the missing headers. */
export function mapEApplicationHeader(header: readonly string[]): { ok: true; index: Record<ColumnKey, number> } | { ok: false; missing: string[] } {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const index = {} as Record<ColumnKey, number>;
  const missing: string[] = [];
  for (const [key, label] of Object.entries(eApplicationColumns) as Array<[ColumnKey, string]>) {
    const i = header.findIndex((h) => norm(h) === norm(label));
    index[key] = i;
    if (i < 0 && required.includes(key)) missing.push(label);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

function sourceOf(text: string): ApplicantSource {
  const t = text.trim();
  if ((applicantSources as readonly string[]).includes(t)) return t as ApplicantSource;
  const hit = applicantSources.find((s) => applicantSourceLabels[s] === t || (t !== '' && applicantSourceLabels[s].includes(t)));
  return hit ?? (/インターン|職場体験/.test(t) ? 'internship' : /説明会|フェア|ガイダンス/.test(t) ? 'fair' : /学校|大学/.test(t) ? 'school' : t === '' ? 'web' : 'other');
}

/**
 * One line as raw application input (not yet validated) plus the problems of the CSV-specific columns. Qualifications
 * are 「保健師(見込み);普通自動車免許」: separated by ; or 、, "見込み" in brackets meaning expected.
 */
export function eApplicationLineToInput(index: Record<ColumnKey, number>, cells: readonly string[], line: number): { raw: Record<string, unknown>; problems: CsvLineProblem[] } {
  const cell = (k: ColumnKey) => (index[k] < 0 ? '' : (cells[index[k]] ?? ''));
  const problems: CsvLineProblem[] = [];
  const receiptNo = cell('receiptNo').normalize('NFKC').trim();
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(receiptNo)) problems.push({ line, column: eApplicationColumns.receiptNo, message: '受付番号は半角英数字とハイフンで指定してください' });
  const birth = parseJapaneseDate(cell('birthDate'));
  if (!birth.ok) problems.push({ line, column: eApplicationColumns.birthDate, message: '生年月日を読み取れません(例: 2001-04-02、平成13年4月2日)' });
  const yearsText = cell('workExperienceYears').normalize('NFKC').trim();
  const years = yearsText === '' ? null : Number(yearsText);
  if (years !== null && !Number.isInteger(years)) problems.push({ line, column: eApplicationColumns.workExperienceYears, message: '職務経験年数は整数で入力してください' });
  const qualifications = cell('qualifications')
    .split(/[;；、]/)
    .map((q) => q.trim())
    .filter((q) => q !== '')
    .map((q) => {
      const expected = /[(（]\s*(取得)?見込み?\s*[)）]$/.test(q);
      return { name: q.replace(/[(（]\s*(取得)?見込み?\s*[)）]$/, '').trim(), status: expected ? ('expected' as const) : ('held' as const) };
    });
  return {
    raw: {
      submissionKey: `eapp-${receiptNo}`,
      familyName: cell('familyName'),
      givenName: cell('givenName'),
      familyNameKana: cell('familyNameKana'),
      givenNameKana: cell('givenNameKana'),
      birthDate: birth.ok ? birth.date : '',
      email: cell('email'),
      phone: cell('phone'),
      education: cell('education'),
      workExperienceYears: years !== null && Number.isInteger(years) ? years : null,
      qualifications,
      motivation: cell('motivation'),
      source: sourceOf(cell('source')),
      attachments: [],
    },
    problems,
  };
}

/** The schema path of an application field → the CSV column people see. */
export function columnOfPath(path: string): string {
  const key = path.split('.')[0] as string;
  if (key === 'submissionKey') return eApplicationColumns.receiptNo;
  if (key in eApplicationColumns) return eApplicationColumns[key as ColumnKey];
  return key;
}
