import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, encodeCsv, neutralizeFormula, parseCsvText, readCsvUpload } from './csv-codec.js';

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const sjis = (text: string) => iconv.encode(text, 'cp932');

describe('decodeCsvBytes', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeCsvBytes(Buffer.concat([bom, utf8('職員番号\r\n')]), 'utf-8')).toEqual({
      ok: true,
      text: '職員番号\r\n',
      encoding: 'utf-8',
    });
  });

  it('accepts UTF-8 without a BOM when the user chose UTF-8', () => {
    expect(decodeCsvBytes(utf8('髙橋,山﨑,𠮷田'), 'utf-8')).toMatchObject({ ok: true, text: '髙橋,山﨑,𠮷田' });
  });

  it('strips only one BOM: a second one is data', () => {
    const result = decodeCsvBytes(Buffer.concat([bom, bom, utf8('a')]), 'utf-8');
    expect(result).toMatchObject({ ok: true, text: '\uFEFFa' });
  });

  it('auto: decides UTF-8 from a BOM, otherwise asks', () => {
    expect(decodeCsvBytes(Buffer.concat([bom, utf8('a,b')]), 'auto')).toMatchObject({ ok: true, text: 'a,b', encoding: 'utf-8' });
    expect(decodeCsvBytes(utf8('a,b'), 'auto')).toMatchObject({ ok: false, reason: 'encoding-required' });
    expect(decodeCsvBytes(sjis('職員番号'), 'auto')).toMatchObject({ ok: false, reason: 'encoding-required' });
  });

  it.each([
    ['a lone continuation byte', Buffer.from([0x61, 0x0a, 0x62, 0x80]), 2, 3],
    ['an overlong slash', Buffer.from([0xc0, 0xaf]), 1, 0],
    ['an encoded surrogate', Buffer.from([0x0a, 0x0a, 0xed, 0xa0, 0x80]), 3, 2],
    ['a code point above U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), 1, 0],
    ['a sequence truncated by the end of file', Buffer.concat([utf8('a\r\nb\r\n'), utf8('あ').subarray(0, 2)]), 3, 6],
    ['CP932 bytes read as UTF-8', Buffer.concat([utf8('no\n'), sjis('職員')]), 2, 3],
    ['lone CR line ends', Buffer.from([0x61, 0x0d, 0x62, 0x0d, 0xff]), 3, 4],
  ])('UTF-8: reports %s with line and byte offset', (_label, bytes, line, byteOffset) => {
    expect(decodeCsvBytes(bytes, 'utf-8')).toMatchObject({ ok: false, reason: 'invalid-bytes', line, byteOffset });
  });

  it('counts the BOM in the byte offset', () => {
    expect(decodeCsvBytes(Buffer.concat([bom, Buffer.from([0x61, 0xff])]), 'utf-8')).toMatchObject({
      reason: 'invalid-bytes',
      line: 1,
      byteOffset: 4,
    });
  });

  it('Shift_JIS: decodes the CP932 extensions', () => {
    expect(decodeCsvBytes(sjis('髙橋,山﨑,①,～,－\r\n'), 'shift_jis')).toEqual({
      ok: true,
      text: '髙橋,山﨑,①,～,－\r\n',
      encoding: 'shift_jis',
    });
  });

  it.each([
    ['a lead byte at the end', Buffer.concat([sjis('職員\r\n'), Buffer.from([0x81])]), 2, 6],
    ['an undefined single byte', Buffer.concat([sjis('a\nb\nc'), Buffer.from([0xa0])]), 3, 5],
    ['a lead byte with an invalid trail', Buffer.concat([sjis('あ\n'), Buffer.from([0x85, 0x40])]), 2, 3],
    ['a lead byte followed by a newline', Buffer.from([0x61, 0x81, 0x0a, 0x62]), 1, 1],
  ])('Shift_JIS: reports %s', (_label, bytes, line, byteOffset) => {
    expect(decodeCsvBytes(bytes, 'shift_jis')).toMatchObject({ ok: false, reason: 'invalid-bytes', line, byteOffset });
  });

  it('Shift_JIS chosen for a file with a UTF-8 BOM is a mismatch', () => {
    expect(decodeCsvBytes(Buffer.concat([bom, utf8('a')]), 'shift_jis')).toMatchObject({ ok: false, reason: 'bom-mismatch' });
  });

  it('decodes user-defined (外字) codes to private use, leaving the judgement to the importer', () => {
    expect(decodeCsvBytes(Buffer.from([0xf0, 0x40]), 'shift_jis')).toMatchObject({ ok: true, text: '\uE000' });
  });
});

describe('parseCsvText', () => {
  it('gives header and rows with physical line numbers', () => {
    const text = '職員番号,氏\r\nA001,山田\r\nA002,"複数\r\n行の\r\n名前"\r\n\r\nA003,"a""b"\r\n';
    expect(parseCsvText(text)).toEqual({
      ok: true,
      header: ['職員番号', '氏'],
      rows: [
        { line: 2, cells: ['A001', '山田'] },
        { line: 3, cells: ['A002', '複数\r\n行の\r\n名前'] },
        { line: 7, cells: ['A003', 'a"b'] },
      ],
    });
  });

  it('handles LF, lone CR and mixed line ends', () => {
    expect(parseCsvText('a,b\n1,2\r\n3,4\r5,6')).toEqual({
      ok: true,
      header: ['a', 'b'],
      rows: [
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
        { line: 4, cells: ['5', '6'] },
      ],
    });
  });

  it('trims header names and never keeps a BOM in the first one', () => {
    const result = parseCsvText('\uFEFF 職員番号 ,\u3000氏\u3000\n1,2');
    expect(result).toMatchObject({ ok: true, header: ['職員番号', '氏'] });
  });

  it('keeps cells exactly as written and leaves column counts to the importer', () => {
    expect(parseCsvText('a,b\n x ,葛\u{E0100}城\n1\n1,2,3')).toEqual({
      ok: true,
      header: ['a', 'b'],
      rows: [
        { line: 2, cells: [' x ', '葛\u{E0100}城'] },
        { line: 3, cells: ['1'] },
        { line: 4, cells: ['1', '2', '3'] },
      ],
    });
  });

  it('drops rows whose cells are all blank (Excel leaves them below the data)', () => {
    expect(parseCsvText('a,b\n1,2\n,\n  , \n3,4\n\n')).toMatchObject({
      ok: true,
      rows: [
        { line: 2, cells: ['1', '2'] },
        { line: 5, cells: ['3', '4'] },
      ],
    });
  });

  it.each([
    ['', 'empty', 1],
    ['\uFEFF', 'empty', 1],
    ['\r\n\r\n', 'empty', 1],
    ['職員番号,氏\r\n', 'header-only', 1],
    ['職員番号,氏\r\n,\r\n', 'header-only', 1],
    ['a,b\n1,2\n3,"open\n4,5\n', 'unbalanced-quote', 3],
    ['a,b\n1,"x\ny"\n3,"open\n', 'unbalanced-quote', 4],
    ['a,b\n1,2\n3,"x"y\n', 'malformed', 3],
    ['a,b\n1,2\n3,x"y\n', 'malformed', 3],
  ])('%j → %s at line %i', (text, reason, line) => {
    expect(parseCsvText(text)).toMatchObject({ ok: false, reason, line });
  });

  it('limits the number of data rows', () => {
    const text = ['a', '1', '2', '3'].join('\n');
    expect(parseCsvText(text, { maxRows: 3 })).toMatchObject({ ok: true });
    expect(parseCsvText(text, { maxRows: 2 })).toMatchObject({ ok: false, reason: 'too-many-rows', line: 4 });
  });
});

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1', "'＝1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠1', "'＠1"],
    ['山田', '山田'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });
});

describe('encodeCsv', () => {
  it('UTF-8 with BOM, CRLF, every cell quoted and neutralised', () => {
    const { bytes, unencodable } = encodeCsv(
      [
        ['職員番号', '氏名'],
        ['A001', '=1+1'],
        ['A002', 'a,"b"\nc'],
        ['A003', '𠮷田'],
      ],
      'utf-8-bom',
    );
    expect(unencodable).toEqual([]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '"職員番号","氏名"\r\n"A001","\'=1+1"\r\n"A002","a,""b""\nc"\r\n"A003","𠮷田"\r\n',
    );
  });

  it('CP932 keeps 髙 﨑 ① and maps the JIS look-alikes to their CP932 forms', () => {
    const { bytes, unencodable } = encodeCsv([['髙橋', '山﨑', '①', '1〜3', '−', '‖', '¢£¬', '—']], 'cp932');
    expect(unencodable).toEqual([]);
    expect(iconv.decode(bytes, 'cp932')).toBe('"髙橋","山﨑","①","1～3","\'－","∥","￠￡￢","―"\r\n');
  });

  it('CP932 neutralises a minus that became a full-width hyphen', () => {
    const { bytes } = encodeCsv([['−5']], 'cp932');
    expect(iconv.decode(bytes, 'cp932')).toBe('"\'－5"\r\n');
  });

  it('CP932 reports what it cannot hold and writes 〓 (or nothing for a variation selector)', () => {
    const { bytes, unencodable } = encodeCsv(
      [
        ['氏名', '備考'],
        ['𠮷田', 'ok'],
        ['葛\u{E0100}城', '😀'],
      ],
      'cp932',
    );
    expect(iconv.decode(bytes, 'cp932')).toBe('"氏名","備考"\r\n"〓田","ok"\r\n"葛城","〓"\r\n');
    expect(unencodable).toEqual([
      { row: 2, column: 1, char: '𠮷', codePoint: 'U+20BB7', replacement: '〓' },
      { row: 3, column: 1, char: '\u{E0100}', codePoint: 'U+E0100', replacement: '' },
      { row: 3, column: 2, char: '😀', codePoint: 'U+1F600', replacement: '〓' },
    ]);
  });

  it('never writes a question mark for an unencodable character', () => {
    const { bytes } = encodeCsv([['𠮷']], 'cp932');
    expect(bytes.includes(0x3f)).toBe(false);
  });
});

describe('readCsvUpload', () => {
  it('decodes and parses within the limit', () => {
    const bytes = Buffer.concat([bom, utf8('職員番号\r\nA001\r\n')]);
    expect(readCsvUpload(bytes, 'auto', { maxBytes: 1024 })).toEqual({
      ok: true,
      header: ['職員番号'],
      rows: [{ line: 2, cells: ['A001'] }],
      encoding: 'utf-8',
    });
  });

  it('rejects an oversized file before decoding it', () => {
    const bytes = Buffer.alloc(11, 0xff);
    expect(readCsvUpload(bytes, 'utf-8', { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'too-large', maxBytes: 10 });
  });

  it('passes decoding and parsing failures through', () => {
    expect(readCsvUpload(utf8('a'), 'auto', { maxBytes: 10 })).toMatchObject({ reason: 'encoding-required' });
    expect(readCsvUpload(utf8('a\n1\n2'), 'utf-8', { maxBytes: 10, maxRows: 1 })).toMatchObject({ reason: 'too-many-rows' });
  });
});
