import { describe, expect, it } from 'vitest';
import {
  applicationInputSchema,
  campaignInputSchema,
  canMoveCampaign,
  defaultEligibilityFor,
  defaultStagesFor,
  formatReceiptNumber,
  isPastRetention,
  receiptNumberPattern,
  samePerson,
  sniffAttachmentType,
} from './intake.js';
import { eApplicationLineToInput, mapEApplicationHeader } from './e-application-csv.js';
import { campaignCategories } from './recruitment-model.js';

describe('sniffAttachmentType', () => {
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'application/pdf'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0x4d, 0x5a, 0x90, 0x00], null],
    [[0x3c, 0x73, 0x76, 0x67], null],
    [[], null],
  ])('%j → %s', (bytes, type) => expect(sniffAttachmentType(new Uint8Array(bytes))).toBe(type));
});

describe('receipt numbers', () => {
  it('are year-prefixed Crockford base32 without ambiguous letters', () => {
    const r = formatReceiptNumber(2025, new Uint8Array([0, 1, 2, 3, 4, 31, 30, 29, 18, 255]));
    expect(r).toBe('R25-01234-ZYXJZ');
    expect(r).toMatch(receiptNumberPattern);
    expect(r).not.toMatch(/[ILOU]/);
  });
});

describe('applicationInputSchema', () => {
  const base = { submissionKey: 'abcdefgh1234', familyName: '見本', givenName: '花子', familyNameKana: 'みほん', givenNameKana: 'ハナコ', birthDate: '2000-01-01', email: 'a@example.invalid', phone: '', education: '架空大学', motivation: '志望動機', source: 'web' };
  it('normalises kana and keeps markup as plain text', () => {
    const r = applicationInputSchema.parse({ ...base, motivation: '<img src=x onerror=alert(1)>' });
    expect(r.familyNameKana).toBe('ミホン');
    expect(r.motivation).toBe('<img src=x onerror=alert(1)>');
  });
  it.each([
    ['control character', { givenName: 'a\u0007b' }],
    ['bidi override', { familyName: '\u202Eabc' }],
    ['too long (code points)', { familyName: '𠮷'.repeat(31) }],
    ['kana in romaji', { givenNameKana: 'hanako' }],
    ['unknown field', { status: 'offered' }],
    ['bad submission key', { submissionKey: '../../x' }],
  ])('refuses %s', (_, patch) => expect(applicationInputSchema.safeParse({ ...base, ...patch }).success).toBe(false));
  it('allows line breaks in the motivation only', () => {
    expect(applicationInputSchema.safeParse({ ...base, motivation: '一行目\r\n二行目' }).success).toBe(true);
    expect(applicationInputSchema.safeParse({ ...base, education: '一行目\n二行目' }).success).toBe(false);
  });
});

describe('campaigns', () => {
  it('default stages of every category validate, with a group discussion for the general exam', () => {
    for (const category of campaignCategories) {
      const input = { fiscalYear: 2025, category, profession: category === 'licensed' ? '保健師' : '', title: 't', postsToFill: 2, eligibility: defaultEligibilityFor(category, '2026-04-01'), stages: defaultStagesFor(category, 2), applicationOpensOn: '2025-09-01', applicationClosesOn: '2025-09-30' };
      expect(campaignInputSchema.safeParse(input).success, category).toBe(true);
    }
    expect(defaultStagesFor('general-admin', 2).map((s) => s.kind)).toContain('group-discussion');
  });
  it('moves draft → open → closed → finished only', () => {
    expect(canMoveCampaign('draft', 'open')).toBe(true);
    expect(canMoveCampaign('draft', 'finished')).toBe(false);
    expect(canMoveCampaign('finished', 'open')).toBe(false);
  });
});

describe('samePerson', () => {
  const a = { name: '体験 一郎', kana: 'タイケン イチロウ', birthDate: '2003-07-07', email: 'x@example.invalid' };
  it('matches by name + kana + birth date, or by e-mail', () => {
    expect(samePerson(a, { name: '体験一郎', kana: 'たいけんいちろう', birthDate: '2003-07-07', email: 'other@example.invalid' })).toBe(true);
    expect(samePerson(a, { name: '別人', kana: 'ベツジン', birthDate: null, email: 'X@Example.invalid' })).toBe(true);
    expect(samePerson(a, { name: '体験一郎', kana: 'タイケンイチロウ', birthDate: '2003-07-08', email: '' })).toBe(false);
  });
});

describe('retention', () => {
  it('is past only after the same day N months later', () => {
    expect(isPastRetention('2025-03-31', 12, '2026-03-31')).toBe(false);
    expect(isPastRetention('2025-03-31', 12, '2026-04-01')).toBe(true);
    expect(isPastRetention('2024-02-29', 12, '2025-03-01')).toBe(true);
  });
});

describe('e-application CSV lines', () => {
  it('maps headers (full-width brackets too), 和暦 birth dates and expected qualifications', () => {
    const header = mapEApplicationHeader(['受付番号', '姓', '名', '姓（フリガナ）', '名（フリガナ）', '生年月日', 'メールアドレス', '最終学歴', '志望動機', '資格']);
    expect(header.ok).toBe(true);
    if (!header.ok) return;
    const { raw, problems } = eApplicationLineToInput(header.index, ['E-1', '見本', '一', 'ミホン', 'ハジメ', '平成12年4月2日', 'a@example.invalid', '架空大学', '動機', '保健師(見込み);普通自動車免許'], 2);
    expect(problems).toEqual([]);
    expect(raw).toMatchObject({ submissionKey: 'eapp-E-1', birthDate: '2000-04-02', qualifications: [{ name: '保健師', status: 'expected' }, { name: '普通自動車免許', status: 'held' }] });
    expect(mapEApplicationHeader(['受付番号'])).toMatchObject({ ok: false });
  });
});
