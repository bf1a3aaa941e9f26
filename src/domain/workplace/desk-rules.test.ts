import { describe, expect, it } from 'vitest';
import {
  canonicalSecret,
  caseStatuses,
  checkTransition,
  deskOfCategory,
  designationInputSchema,
  fileReportInputSchema,
  isBarredFromCaseContents,
  isDesignationInForce,
  receiptCodeOf,
  receiptCodePattern,
  secretOf,
  type CaseStatus,
} from './desk-rules.js';

describe('case timeline', () => {
  const allowed: Array<[CaseStatus, CaseStatus]> = [
    ['received', 'investigating'],
    ['investigating', 'corrective-action'],
    ['investigating', 'outcome-notified'],
    ['corrective-action', 'outcome-notified'],
    ['outcome-notified', 'closed'],
  ];
  const table = caseStatuses.flatMap((from) => caseStatuses.map((to) => [from, to] as const));
  it.each(table)('%s → %s', (from, to) => {
    const result = checkTransition(from, to);
    if (from === 'closed') expect(result).toEqual({ ok: false, code: 'workplace.desk-case-closed' });
    else if (allowed.some(([f, t]) => f === from && t === to)) expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, code: 'workplace.desk-invalid-transition' });
  });
});

describe('who may handle', () => {
  it.each([
    [['case_handler'], false],
    [['case_handler', 'hr_admin'], true],
    [['case_handler', 'system_admin'], true],
    [['auditor'], true],
    [['hr_officer'], true],
    [[], false],
  ] as const)('%j barred: %s', (roles, barred) => expect(isBarredFromCaseContents(roles)).toBe(barred));

  it.each([
    ['2025-10-01', { designatedOn: '2025-04-01', endsOn: null }, true],
    ['2025-04-01', { designatedOn: '2025-04-01', endsOn: '2025-04-01' }, true],
    ['2025-03-31', { designatedOn: '2025-04-01', endsOn: null }, false],
    ['2025-10-02', { designatedOn: '2025-04-01', endsOn: '2025-10-01' }, false],
  ] as const)('designation in force on %s', (today, period, expected) => {
    expect(isDesignationInForce({ desk: 'harassment', ...period }, 'harassment', today)).toBe(expected);
    expect(isDesignationInForce({ desk: 'harassment', ...period }, 'whistleblowing', today)).toBe(false);
  });
});

describe('hostile input', () => {
  const base = { category: 'power', summary: '上司から大声で叱責が続いています。' };
  it('accepts plain multi-line text and folds CRLF', () => {
    const parsed = fileReportInputSchema.parse({ ...base, summary: '一行目\r\n二行目' });
    expect(parsed.summary).toBe('一行目\n二行目');
    expect(parsed.isAnonymous).toBe(true);
  });
  it.each([
    ['a control character', 'abc\u0007'],
    ['a bidi override', 'abc\u202Edef'],
    ['only blanks', '   \n  '],
    ['too long', 'あ'.repeat(4001)],
  ])('refuses %s', (_, summary) => expect(fileReportInputSchema.safeParse({ ...base, summary }).success).toBe(false));
  it('refuses unknown fields and categories', () => {
    expect(fileReportInputSchema.safeParse({ ...base, status: 'closed' }).success).toBe(false);
    expect(fileReportInputSchema.safeParse({ ...base, category: 'x' }).success).toBe(false);
    expect(fileReportInputSchema.safeParse({ ...base, name: 'a\nb' }).success).toBe(false);
  });
  it('checks designation periods', () => {
    const d = { employeeNumber: 'A0008', desk: 'harassment', designatedOn: '2025-04-01', documentRef: '総務第12号' };
    expect(designationInputSchema.safeParse(d).success).toBe(true);
    expect(designationInputSchema.safeParse({ ...d, endsOn: '2025-03-31' }).success).toBe(false);
    expect(designationInputSchema.safeParse({ ...d, documentRef: ' ' }).success).toBe(false);
  });
});

describe('receipt codes and secrets', () => {
  const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + seed) % 256);
  it('makes codes of the documented shape per desk', () => {
    expect(receiptCodeOf('harassment', bytes(8, 1))).toMatch(receiptCodePattern);
    expect(receiptCodeOf('whistleblowing', bytes(8, 2)).startsWith('WB-')).toBe(true);
    expect(deskOfCategory('whistleblowing')).toBe('whistleblowing');
    expect(deskOfCategory('customer')).toBe('harassment');
  });
  it('makes 20-letter secrets that compare regardless of dashes, width and case', () => {
    const s = secretOf(bytes(20, 3));
    expect(s).toMatch(/^([A-HJ-NP-Z2-9]{4}-){4}[A-HJ-NP-Z2-9]{4}$/);
    const typed = s.replace(/-/g, ' ').toLowerCase().replace(/a/g, 'ａ');
    expect(canonicalSecret(typed)).toBe(canonicalSecret(s));
  });
});
