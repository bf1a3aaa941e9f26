import { describe, expect, it } from 'vitest';
import { checkRosterRows, externalParticipantInputSchema, parseStatusCell, participantKey, rosterColumns, rosterLine, rosterStatusOfEnrolment } from './joint-roster.js';

const context = { ownMunicipality: '上野市', coHosts: ['藤岡市', '富岡市'] };
const header = [...rosterColumns];
const row = (line: number, cells: string[]) => ({ line, cells });

describe('checkRosterRows', () => {
  it('accepts co-host rows, skips our own and reads the status labels', () => {
    const result = checkRosterRows(
      header,
      [
        row(2, ['藤岡市', '山田', '花子', 'ヤマダ', 'ハナコ', '総務課', '主事', '']),
        row(3, ['上野市', '試験', '太郎', 'シケン', 'タロウ', '人事課', '主任', '受講予定']),
        row(4, ['富岡市', '川口', '一郎', '', '', '', '', '出席']),
      ],
      context,
    );
    expect(result).toEqual({
      ok: true,
      ignoredOwnLines: [3],
      rows: [
        { line: 2, fromMunicipality: '藤岡市', familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', unitName: '総務課', positionName: '主事', status: 'registered' },
        { line: 4, fromMunicipality: '富岡市', familyName: '川口', givenName: '一郎', familyNameKana: '', givenNameKana: '', unitName: '', positionName: '', status: 'attended' },
      ],
    });
  });

  it('finds the columns by name in any order and tolerates missing optional ones', () => {
    const result = checkRosterRows(['名', '氏', '自治体'], [row(2, ['花子', '山田', '藤岡市'])], context);
    expect(result.ok && result.rows[0]).toMatchObject({ familyName: '山田', givenName: '花子', status: 'registered' });
  });

  it('refuses a header without a required column', () => {
    expect(checkRosterRows(['自治体', '氏'], [row(2, ['藤岡市', '山田'])], context)).toEqual({
      ok: false,
      errors: [{ line: 1, column: '名', message: '見出し行に「名」の列がありません。' }],
    });
  });

  it.each([
    [['高崎市', '山田', '花子', '', '', '', '', ''], '自治体', '「高崎市」はこの研修の合同実施自治体（藤岡市・富岡市）ではありません。'],
    [['', '山田', '花子', '', '', '', '', ''], '自治体', '入力してください。'],
    [['藤岡市', '', '花子', '', '', '', '', ''], '氏', '氏を入力してください。'],
    [['藤岡市', '山田', '', '', '', '', '', ''], '名', '名を入力してください。'],
    [['藤岡市', '山田', '花子', 'やまだ', '', '', '', ''], '氏カナ', '氏カナはカタカナで入力してください。'],
    [['藤岡市', '山田', '花子', '', 'ハナコ1', '', '', ''], '名カナ', '名カナはカタカナで入力してください。'],
    [['藤岡市', '山田', '花子', '', '', 'あ'.repeat(101), '', ''], '所属', '所属は100文字以内で入力してください。'],
    [['藤岡市', '山田', '花子', '', '', '', '', '休み'], '状態', '「休み」は使えません（受講予定・出席・修了・欠席・取消のいずれか、または空欄）。'],
  ])('reports %j at its column', (cells, column, message) => {
    const result = checkRosterRows(header, [row(5, cells)], context);
    expect(result).toEqual({ ok: false, errors: [{ line: 5, column, message: `5行目「${column}」: ${message}` }] });
  });

  it('collects every error of every row and refuses a person twice', () => {
    const result = checkRosterRows(
      header,
      [
        row(2, ['藤岡市', '山田', '花子', 'ヤマダ', 'ハナコ', '', '', '']),
        row(3, ['藤岡市', '山田', '花子', 'ヤマダ', 'ハナコ', '', '', '']),
        row(4, ['高崎市', '', '花子', '', '', '', '', '']),
      ],
      context,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, '氏'],
      [4, '自治体'],
      [4, '氏'],
    ]);
  });
});

describe('status and lines', () => {
  it('maps cells and enrolments to roster statuses', () => {
    expect(['', '受講予定', '受講決定', '出席', '修了', '欠席', '取消', 'x'].map(parseStatusCell)).toEqual([
      'registered',
      'registered',
      'registered',
      'attended',
      'completed',
      'absent',
      'cancelled',
      undefined,
    ]);
    expect(['enrolled', 'attended', 'completed', 'absent', 'waitlisted', 'applied', 'cancelled', 'rejected'].map(rosterStatusOfEnrolment)).toEqual([
      'registered',
      'attended',
      'completed',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('writes a line in column order and keys people by municipality, name and kana', () => {
    const p = { fromMunicipality: '富岡市', familyName: '川口', givenName: '一郎', familyNameKana: 'カワグチ', givenNameKana: 'イチロウ', unitName: '企画課', positionName: '主査' };
    expect(rosterLine({ ...p, status: 'completed' })).toEqual(['富岡市', '川口', '一郎', 'カワグチ', 'イチロウ', '企画課', '主査', '修了']);
    expect(participantKey(p)).toBe(participantKey({ ...p, familyName: ' 川口 ' }));
    expect(participantKey(p)).not.toBe(participantKey({ ...p, fromMunicipality: '藤岡市' }));
  });

  it('validates the form input like the file', () => {
    expect(externalParticipantInputSchema.safeParse({ fromMunicipality: '富岡市', familyName: '川口', givenName: '一郎' }).success).toBe(true);
    expect(externalParticipantInputSchema.safeParse({ fromMunicipality: '富岡市', familyName: '', givenName: '一郎' }).success).toBe(false);
  });
});
