/**
 * Hostile uploads, generated here rather than stored: broken encodings, broken quoting, degenerate
 * files, oversized files and hostile cell contents, through the same path an import takes
 * (readCsvUpload → validateStaffImport), plus properties over arbitrary bytes and text.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateStaffImport } from '../../domain/org/staff-import.js';
import { buildStaffImportCells, staffImportHeader, type StaffImportCells } from '../../domain/org/staff-import-fixtures.js';
import {
  decodeCsvBytes,
  encodeCsv,
  neutralizeFormula,
  parseCsvText,
  readCsvUpload,
  type ReadCsvUploadResult,
} from './csv-codec.js';

const maxBytes = 10 * 1024 * 1024;
const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const header = staffImportHeader;

/** A synthetic staff line with 職種 and 性別 left blank; `overrides` by column label. */
const staffLine = (overrides: StaffImportCells = {}): string[] => buildStaffImportCells({ 職種: '', 性別: '', ...overrides });

/** CSV text written by hand (not by encodeCsv), so hostile cells stay unneutralised in the file. */
function csvText(rows: string[][]): string {
  return rows
    .map((row) => row.map((cell) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(','))
    .join('\r\n');
}

function importStaff(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis' | 'auto' = 'utf-8') {
  const upload: ReadCsvUploadResult = readCsvUpload(bytes, encoding, { maxBytes, maxRows: 10_000 });
  if (!upload.ok) return { stage: 'upload' as const, upload };
  return { stage: 'validate' as const, result: validateStaffImport(upload) };
}

function errorCodes(bytes: Uint8Array): [number, string, string][] {
  const outcome = importStaff(bytes);
  if (outcome.stage !== 'validate' || outcome.result.ok) return [];
  return outcome.result.errors.map((error) => [error.line, error.column, error.code]);
}

describe('hostile bytes', () => {
  const goodUtf8 = Buffer.from(csvText([header, staffLine(), staffLine({ 職員番号: 'T0002' })]), 'utf8');
  const firstDataLine = Buffer.from(csvText([header]), 'utf8').length + 2;

  it.each<[string, Uint8Array, number]>([
    ['a stray continuation byte in line 2', Buffer.concat([goodUtf8.subarray(0, firstDataLine), Buffer.from([0x80]), goodUtf8.subarray(firstDataLine)]), 2],
    ['0xFF in the header', Buffer.concat([Buffer.from([0xff]), goodUtf8]), 1],
    ['an overlong NUL (C0 80)', Buffer.concat([goodUtf8, Buffer.from('\r\n'), Buffer.from([0xc0, 0x80])]), 4],
    ['a UTF-16 surrogate encoded in UTF-8', Buffer.concat([goodUtf8, Buffer.from('\r\n'), Buffer.from([0xed, 0xb0, 0x80])]), 4],
    ['a file cut in the middle of 𠮷', Buffer.concat([goodUtf8, Buffer.from('\r\n'), Buffer.from('𠮷', 'utf8').subarray(0, 3)]), 4],
    ['a CP932 file uploaded as UTF-8', iconv.encode(csvText([header, staffLine()]), 'cp932'), 1],
    ['UTF-16LE with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('職員番号', 'utf16le')]), 1],
  ])('UTF-8: %s is refused with its line', (_label, bytes, line) => {
    expect(importStaff(bytes)).toMatchObject({ stage: 'upload', upload: { ok: false, reason: 'invalid-bytes', line } });
  });

  it.each<[string, Uint8Array, number]>([
    ['an undefined single byte (0xA0)', Buffer.concat([iconv.encode(csvText([header, staffLine()]), 'cp932'), Buffer.from([0x0d, 0x0a, 0xa0])]), 3],
    ['a lead byte cut off by the end of the file', Buffer.concat([iconv.encode(csvText([header]), 'cp932'), Buffer.from([0x0d, 0x0a, 0x82])]), 2],
    ['a lead byte with an invalid trail byte', Buffer.concat([iconv.encode(csvText([header]), 'cp932'), Buffer.from([0x0a, 0x85, 0x20])]), 2],
    // Most UTF-8 Japanese decodes as CP932 mojibake without any error (職員 → 閨ｷ蜩｡), which is why
    // 'auto' refuses to guess; 'あ' happens to end on a lead byte.
    ['a UTF-8 file uploaded as Shift_JIS', Buffer.from('employeeNumber\r\nあ', 'utf8'), 2],
  ])('Shift_JIS: %s is refused with its line', (_label, bytes, line) => {
    expect(importStaff(bytes, 'shift_jis')).toMatchObject({ stage: 'upload', upload: { ok: false, reason: 'invalid-bytes', line } });
  });

  it('Shift_JIS chosen for a UTF-8 file with BOM', () => {
    expect(importStaff(Buffer.concat([bom, goodUtf8]), 'shift_jis')).toMatchObject({ upload: { reason: 'bom-mismatch' } });
  });

  it('auto without a BOM asks for the encoding instead of guessing', () => {
    expect(importStaff(goodUtf8, 'auto')).toMatchObject({ upload: { reason: 'encoding-required' } });
    expect(importStaff(Buffer.concat([bom, goodUtf8]), 'auto')).toMatchObject({ stage: 'validate', result: { ok: true } });
  });

  it('a valid CP932 file with 髙 﨑 ① imports', () => {
    const bytes = iconv.encode(csvText([header, staffLine({ 氏: '髙﨑', 名: '①' })]), 'cp932');
    const outcome = importStaff(bytes, 'shift_jis');
    expect(outcome).toMatchObject({ stage: 'validate', result: { ok: true, records: [{ familyName: '髙﨑', givenName: '①' }] } });
  });

  it('CP932 外字 (user-defined area) in a name is refused by the validator', () => {
    const bytes = Buffer.concat([iconv.encode(`${csvText([header])}\r\nT0001,試験`, 'cp932'), Buffer.from([0xf0, 0x40]), iconv.encode(`,${staffLine().slice(2).join(',')}`, 'cp932')]);
    expect(importStaff(bytes, 'shift_jis')).toMatchObject({
      stage: 'validate',
      result: { ok: false, errors: [{ line: 2, column: '氏', code: 'private-use-char' }] },
    });
  });

  it('a 50 MB file is refused without being decoded', () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0xff); // would fail decoding if it were decoded
    const started = performance.now();
    expect(readCsvUpload(huge, 'utf-8', { maxBytes })).toMatchObject({ ok: false, reason: 'too-large', maxBytes });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('a file exactly at the limit is read', () => {
    const text = `${csvText([header, staffLine()])}\r\n`;
    const bytes = Buffer.from(text.padEnd(text.length + 100, '\n'), 'utf8');
    expect(readCsvUpload(bytes, 'utf-8', { maxBytes: bytes.length })).toMatchObject({ ok: true });
  });
});

describe('hostile structure', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  it.each<[string, string, string, number]>([
    ['an empty file', '', 'empty', 1],
    ['only a BOM', '\uFEFF', 'empty', 1],
    ['only blank lines', '\r\n\r\n\n', 'empty', 1],
    ['a header only', csvText([header]), 'header-only', 1],
    ['a header and blank rows', `${csvText([header])}\r\n,,,\r\n\r\n`, 'header-only', 1],
    ['a quote never closed', `${csvText([header, staffLine()])}\r\nT0002,"試験,太郎\r\n`, 'unbalanced-quote', 3],
    ['a quote never closed after a multi-line cell', `${csvText([header, staffLine({ 職種: '事務\r\n技術' })])}\r\n"T0002`, 'unbalanced-quote', 4],
    ['text after a closing quote', `${csvText([header])}\r\n"T0001"x,試験`, 'malformed', 2],
    ['a quote inside an unquoted cell', `${csvText([header])}\r\nT0001,試"験`, 'malformed', 2],
  ])('%s: %j → %s at line %i', (_label, text, reason, line) => {
    expect(importStaff(utf8(text))).toMatchObject({ stage: 'upload', upload: { ok: false, reason, line } });
  });

  it('too many rows', () => {
    const rows = Array.from({ length: 11 }, (_, index) => staffLine({ 職員番号: `T${index}` }));
    expect(readCsvUpload(utf8(csvText([header, ...rows])), 'utf-8', { maxBytes, maxRows: 10 })).toMatchObject({
      ok: false,
      reason: 'too-many-rows',
      line: 12,
    });
  });

  it('missing and unknown columns are reported on line 1', () => {
    const partial = header.filter((label) => label !== '生年月日' && label !== '雇用形態');
    const text = csvText([[...partial, '=cmd|calc'], partial.map(() => 'x').concat('y')]);
    const codes = errorCodes(utf8(text)).filter(([line]) => line === 1);
    expect(codes).toEqual([
      [1, '=cmd|calc', 'unknown-column'],
      [1, '生年月日', 'missing-column'],
      [1, '雇用形態', 'missing-column'],
    ]);
  });

  it('a BOM never becomes part of the first header name', () => {
    const bytes = Buffer.concat([bom, utf8(csvText([header, staffLine()]))]);
    expect(importStaff(bytes)).toMatchObject({ stage: 'validate', result: { ok: true } });
  });

  it('duplicate employee numbers, including full-width and dash look-alikes', () => {
    const text = csvText([
      header,
      staffLine({ 職員番号: 'T-0001' }),
      staffLine({ 職員番号: 'T-0002' }),
      staffLine({ 職員番号: 'Ｔ－０００１' }),
      staffLine({ 職員番号: 'T−0001' }),
    ]);
    expect(errorCodes(utf8(text))).toEqual([
      [4, '職員番号', 'duplicate-employee-number'],
      [5, '職員番号', 'duplicate-employee-number'],
    ]);
  });

  it('line numbers stay right after cells spanning lines', () => {
    const text = csvText([
      header,
      staffLine({ 資格: '保健師\r\n看護師' }),
      staffLine({ 職員番号: 'T0002', 氏: '' }),
    ]);
    expect(errorCodes(utf8(text))).toEqual([
      [2, '資格', 'control-char'],
      [4, '氏', 'required'],
    ]);
  });
});

describe('hostile cell contents', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  it.each<[string, Record<string, string>, string, string]>([
    ['=HYPERLINK formula in a name', { 氏: '=HYPERLINK("http://example.invalid","x")' }, '氏', 'formula-prefix'],
    ['+ formula', { 名: '+cmd|\' /C calc\'!A0' }, '名', 'formula-prefix'],
    ['- formula', { 名: '-2+3+cmd|\' /C calc\'!A0' }, '名', 'formula-prefix'],
    ['@ formula', { 名: '@SUM(1+1)*cmd|\' /C calc\'!A0' }, '名', 'formula-prefix'],
    ['full-width ＝ formula', { 氏: '＝1+1' }, '氏', 'formula-prefix'],
    ['tab-prefixed formula (the tab is trimmed, the formula stays)', { 氏: '\t=1+1' }, '氏', 'formula-prefix'],
    ['tab inside a name', { 氏: '試\t験' }, '氏', 'control-char'],
    ['script tag', { 氏: '<script>alert(1)</script>' }, '氏', 'markup-not-allowed'],
    ['image tag', { 名: '<img src=x onerror=alert(1)>' }, '名', 'markup-not-allowed'],
    ['NUL byte', { 名: 'a\u0000b' }, '名', 'control-char'],
    ['escape sequence', { 名: '\u001B[31m' }, '名', 'control-char'],
    ['bidi override', { 氏: '\u202Eexe.txt' }, '氏', 'control-char'],
    ['C1 control', { 氏: '試\u0085験' }, '氏', 'control-char'],
    ['private use', { 氏: '\uE001' }, '氏', 'private-use-char'],
    ['oversized cell', { 職種: '技'.repeat(5000) }, '職種', 'cell-too-long'],
  ])('%s', (_label, overrides, column, code) => {
    expect(errorCodes(utf8(csvText([header, staffLine(overrides)])))).toEqual([[2, column, code]]);
  });

  it('unusual but legitimate names pass untouched', () => {
    const names = ['葛\u{E0100}城', '𠮷田', '髙橋', '山﨑', '塚本', 'ｱｲ', '渡邊\uFE01', 'O\'Brien', 'Ñúñez'];
    const rows = names.map((name, index) => staffLine({ 職員番号: `T${index}`, 氏: name }));
    const outcome = importStaff(utf8(csvText([header, ...rows])));
    expect(outcome.stage === 'validate' && outcome.result.ok && outcome.result.records.map((record) => record.familyName)).toEqual(names);
  });
});

describe('properties', () => {
  it('decoding arbitrary bytes never throws and points at the first bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const utf8 = decodeCsvBytes(bytes, 'utf-8');
        if (!utf8.ok) {
          expect(utf8.reason).toBe('invalid-bytes');
          if (utf8.reason !== 'invalid-bytes') return;
          expect(utf8.byteOffset).toBeGreaterThanOrEqual(0);
          expect(utf8.byteOffset).toBeLessThan(bytes.length);
          // Everything before the reported offset is valid UTF-8.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, utf8.byteOffset))).not.toThrow();
        }
        const sjis = decodeCsvBytes(bytes, 'shift_jis');
        if (sjis.ok) {
          expect(sjis.text).not.toContain('\uFFFD');
        } else if (sjis.reason === 'invalid-bytes') {
          expect(sjis.byteOffset).toBeLessThan(bytes.length);
          expect(iconv.decode(Buffer.from(bytes.subarray(0, sjis.byteOffset)), 'cp932')).not.toContain('\uFFFD');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parsing arbitrary text never throws', () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\r', '\n', ' ', '\uFEFF') });
    fc.assert(
      fc.property(csvish, (text) => {
        const result = parseCsvText(text);
        if (result.ok) for (const row of result.rows) expect(row.line).toBeGreaterThan(1);
        else expect(result.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  const tricky = fc.constantFrom('"', ',', '\r\n', '\n', '\r', '=', '+', '-', '@', '\t', '＝', ' ', '\uFEFF', '𠮷', '葛\u{E0100}');
  const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: tricky, maxLength: 6 }));

  /** Physical line breaks inside a cell: CRLF, LF and lone CR each count once. */
  const lineBreaks = (text: string) => (text.match(/\r\n|\n|\r/gu) ?? []).length;

  it('encodeCsv(utf-8-bom) → decode → parse gives back the neutralised cells and their lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 })),
        (body) => {
          const width = body[0]?.length ?? 1;
          const head = Array.from({ length: width }, (_, index) => `列${index + 1}`);
          const { bytes, unencodable } = encodeCsv([head, ...body], 'utf-8-bom');
          expect(unencodable).toEqual([]);

          const decoded = decodeCsvBytes(bytes, 'auto');
          if (!decoded.ok) throw new Error(`decode failed: ${decoded.reason}`);
          const parsed = parseCsvText(decoded.text);

          let line = 2;
          const expected: { line: number; cells: string[] }[] = [];
          for (const row of body) {
            const cells = row.map(neutralizeFormula);
            if (!cells.every((value) => value.trim() === '')) expected.push({ line, cells });
            line += 1 + cells.reduce((sum, value) => sum + lineBreaks(value), 0);
          }
          if (expected.length === 0) {
            expect(parsed).toMatchObject({ ok: false, reason: 'header-only' });
          } else {
            expect(parsed).toEqual({ ok: true, header: head, rows: expected });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('encodeCsv(cp932) round-trips everything CP932 holds and reports the rest', () => {
    const cp932Cell = fc.string({
      unit: fc.constantFrom('髙', '﨑', '①', '～', '－', 'ｱ', '"', ',', '\r\n', '=', '-', 'a', '〜', '−', '𠮷', '😀'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(cp932Cell, cp932Cell), { minLength: 1, maxLength: 6 }), (pairs) => {
        const rows = [['a', 'b'], ...pairs.map(([x, y]) => [`x${x}`, `y${y}`])];
        const { bytes, unencodable } = encodeCsv(rows, 'cp932');
        const decoded = decodeCsvBytes(bytes, 'shift_jis');
        if (!decoded.ok) throw new Error(`decode failed: ${decoded.reason}`);
        const parsed = parseCsvText(decoded.text);
        if (!parsed.ok) throw new Error(`parse failed: ${parsed.reason}`);
        const expectedCells = rows.slice(1).map((row) =>
          row.map((value) => value.replaceAll('〜', '～').replaceAll('−', '－').replace(/𠮷|😀/gu, '〓')),
        );
        expect(parsed.rows.map((row) => row.cells)).toEqual(expectedCells);
        const reported = rows.slice(1).flat().join('').match(/𠮷|😀/gu) ?? [];
        expect(unencodable.map((entry) => entry.char)).toEqual(reported);
      }),
      { numRuns: 300 },
    );
  });
});
