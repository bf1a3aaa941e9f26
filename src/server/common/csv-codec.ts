/**
 * CSV bytes in and out for imports and exports, as pure functions over byte arrays.
 *
 * Japanese Excel reads UTF-8 without a BOM as CP932 and writes CP932 by default, so every encoding is
 * explicit (facts.md, "Dates and text"); exports are formula-injection safe and report the characters
 * CP932 cannot hold instead of writing '?' (security.md, consequence 9).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { formatCodePoint, startsWithFormulaPrefix } from '../../domain/common/japanese-text.js';

const utf8Bom = [0xef, 0xbb, 0xbf] as const;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === utf8Bom[0] && bytes[1] === utf8Bom[1] && bytes[2] === utf8Bom[2];
}

/** 1-based line of a byte offset; CRLF, LF and a lone CR each end a line. */
function lineOfByteOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === lineFeed) line += 1;
    else if (byte === carriageReturn && bytes[i + 1] !== lineFeed) line += 1;
  }
  return line;
}

// ---------------------------------------------------------------------------------------------
// Decoding

export type CsvInputEncoding = 'utf-8' | 'shift_jis' | 'auto';
export type CsvDecodedEncoding = 'utf-8' | 'shift_jis';

export type DecodeCsvFailure =
  | { ok: false; reason: 'encoding-required'; message: string }
  | { ok: false; reason: 'bom-mismatch'; message: string }
  | { ok: false; reason: 'invalid-bytes'; line: number; byteOffset: number; message: string };

export type DecodeCsvResult = { ok: true; text: string; encoding: CsvDecodedEncoding } | DecodeCsvFailure;

function invalidBytes(bytes: Uint8Array, byteOffset: number, encodingLabel: string): DecodeCsvFailure {
  const line = lineOfByteOffset(bytes, byteOffset);
  return {
    ok: false,
    reason: 'invalid-bytes',
    line,
    byteOffset,
    message: `${line}行目に${encodingLabel}として読めないバイト列があります（先頭から${byteOffset}バイト目）。文字コードの選択を確認してください。`,
  };
}

/**
 * Offset of the first byte that starts an ill-formed UTF-8 sequence (overlong forms, surrogates,
 * code points above U+10FFFF and sequences cut off by the end of the file included), or -1.
 * Only consulted after the native strict decoder has refused the input, to say where.
 */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let length: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) secondMin = 0xa0;
      if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) secondMin = 0x90;
      if (lead === 0xf4) secondMax = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const min = k === 1 ? secondMin : 0x80;
      const max = k === 1 ? secondMax : 0xbf;
      if (next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): DecodeCsvResult {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictUtf8.decode(body), encoding: 'utf-8' };
  } catch {
    const offset = findInvalidUtf8(body);
    const bomLength = body === bytes ? 0 : 3;
    return invalidBytes(bytes, (offset < 0 ? body.length : offset) + bomLength, 'UTF-8');
  }
}

function isShiftJisLeadByte(byte: number): boolean {
  return (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc);
}

/**
 * iconv-lite never fails: it writes U+FFFD for bytes the CP932 table lacks. No valid CP932 byte
 * decodes to U+FFFD, so its presence means bad input; this walk finds the first culprit's offset.
 */
function findInvalidShiftJis(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = isShiftJisLeadByte(bytes[i] ?? 0) ? 2 : 1;
    if (i + length > bytes.length) return i;
    const decoded = iconv.decode(Buffer.from(bytes.subarray(i, i + length)), 'cp932');
    if (decoded.includes('\uFFFD') || Array.from(decoded).length !== 1) return i;
    i += length;
  }
  return -1;
}

function decodeShiftJis(bytes: Uint8Array): DecodeCsvResult {
  if (hasUtf8Bom(bytes)) {
    return {
      ok: false,
      reason: 'bom-mismatch',
      message: 'ファイルは UTF-8（BOM付き）ですが、文字コードに Shift_JIS が選ばれています。UTF-8 を選んでください。',
    };
  }
  // iconv-lite's shift_jis is the Microsoft CP932 table (NEC and IBM extensions: ① 髙 﨑).
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  if (!text.includes('\uFFFD')) return { ok: true, text, encoding: 'shift_jis' };
  const offset = findInvalidShiftJis(bytes);
  return invalidBytes(bytes, offset < 0 ? bytes.length : offset, 'Shift_JIS');
}

/**
 * Decodes an uploaded CSV. 'auto' only trusts a UTF-8 BOM; without one the user must choose, because
 * a wrong guess between UTF-8 and CP932 garbles names without any error. A UTF-8 BOM is removed.
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding: CsvInputEncoding): DecodeCsvResult {
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  if (encoding === 'shift_jis') return decodeShiftJis(bytes);
  if (bytes.length === 0) return { ok: true, text: '', encoding: 'utf-8' };
  if (hasUtf8Bom(bytes)) return decodeUtf8(bytes);
  return {
    ok: false,
    reason: 'encoding-required',
    message: 'ファイルの文字コードを判別できません。UTF-8 か Shift_JIS かを選んでください。',
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing

export type CsvRow = { line: number; cells: string[] };

export type ParseCsvFailure = {
  ok: false;
  reason: 'empty' | 'header-only' | 'unbalanced-quote' | 'malformed' | 'too-many-rows';
  line: number;
  message: string;
};

export type ParseCsvResult = { ok: true; header: string[]; rows: CsvRow[] } | ParseCsvFailure;

export type ParseCsvOptions = {
  /** Data rows allowed (header excluded); more gives 'too-many-rows'. */
  maxRows?: number;
};

/** Sorted byte offsets at which each physical line starts. */
function lineStartOffsets(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === lineFeed) starts.push(i + 1);
    else if (byte === carriageReturn && bytes[i + 1] !== lineFeed) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function skipLineBreaks(bytes: Uint8Array, offset: number): number {
  let position = offset;
  while (bytes[position] === lineFeed || bytes[position] === carriageReturn) position += 1;
  return position;
}

type CsvParseError = Error & { code?: string };

/**
 * Splits CSV text into a trimmed header and rows with their physical line numbers (1 = header),
 * counted on the source so that quoted cells spanning lines keep later rows' numbers right. Rows
 * whose cells are all blank (what Excel leaves below the data) are dropped. Column counts are not
 * checked here: the importer reports them per line with the column names it knows.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): ParseCsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, reason: 'empty', line: 1, message: 'ファイルが空です。' };

  // csv-parse counts 'bytes' in UTF-8 and miscounts 'lines' after quoted CRLF, so lines are derived
  // from byte offsets here rather than taken from its info.
  const bytes = Buffer.from(source, 'utf8');
  const starts = lineStartOffsets(bytes);
  const recordEnds: number[] = [];
  let records: string[][];
  try {
    records = parse(source, {
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context) => {
        recordEnds.push(context.bytes);
        return record;
      },
    }) as string[][];
  } catch (error) {
    const failedRecordStart = skipLineBreaks(bytes, recordEnds.at(-1) ?? 0);
    const line = lineAt(starts, failedRecordStart);
    const code = (error as CsvParseError).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      return {
        ok: false,
        reason: 'unbalanced-quote',
        line,
        message: `${line}行目で始まる「"」が閉じられていません。`,
      };
    }
    return {
      ok: false,
      reason: 'malformed',
      line,
      message: `${line}行目の引用符（"）の使い方が CSV の形式に合いません。`,
    };
  }

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return { ok: false, reason: 'empty', line: 1, message: 'ファイルが空です。' };
  const header = headerRecord.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/u, '') : name).trim());

  const rows: CsvRow[] = [];
  dataRecords.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const start = skipLineBreaks(bytes, recordEnds[index] ?? 0);
    rows.push({ line: lineAt(starts, start), cells });
  });

  if (rows.length === 0) {
    return { ok: false, reason: 'header-only', line: 1, message: '見出し行のほかにデータがありません。' };
  }
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    const line = rows[options.maxRows]?.line ?? 1;
    return {
      ok: false,
      reason: 'too-many-rows',
      line,
      message: `データは${options.maxRows}行までです（${rows.length}行あります）。ファイルを分けてください。`,
    };
  }
  return { ok: true, header, rows };
}

// ---------------------------------------------------------------------------------------------
// Upload

export type ReadCsvUploadOptions = { maxBytes: number; maxRows?: number };

export type ReadCsvUploadResult =
  | { ok: true; header: string[]; rows: CsvRow[]; encoding: CsvDecodedEncoding }
  | { ok: false; reason: 'too-large'; maxBytes: number; message: string }
  | DecodeCsvFailure
  | ParseCsvFailure;

/** Size check, decoding and parsing of an upload; the size is checked before any byte is decoded. */
export function readCsvUpload(
  bytes: Uint8Array,
  encoding: CsvInputEncoding,
  options: ReadCsvUploadOptions,
): ReadCsvUploadResult {
  if (bytes.byteLength > options.maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      maxBytes: options.maxBytes,
      message: `ファイルが大きすぎます（上限 ${Math.floor(options.maxBytes / 1024)} KB）。`,
    };
  }
  const decoded = decodeCsvBytes(bytes, encoding);
  if (!decoded.ok) return decoded;
  const parsed = parseCsvText(decoded.text, options.maxRows === undefined ? {} : { maxRows: options.maxRows });
  if (!parsed.ok) return parsed;
  return { ok: true, header: parsed.header, rows: parsed.rows, encoding: decoded.encoding };
}

// ---------------------------------------------------------------------------------------------
// Encoding

/**
 * Prefixes an apostrophe to a cell a spreadsheet would evaluate (= + - @ TAB CR and ＝ ＋ － ＠), as
 * OWASP's CSV-injection guidance says. Negative numbers such as '-5' are prefixed as well and open as
 * text; that loss is accepted because telling a number from '-2+3+cmd|…' safely is not possible.
 */
export function neutralizeFormula(cell: string): string {
  return startsWithFormulaPrefix(cell) ? `'${cell}` : cell;
}

export type CsvOutputEncoding = 'utf-8-bom' | 'cp932';

export type UnencodableCharacter = {
  /** 1-based index into the rows passed in (the header, if passed first, is row 1). */
  row: number;
  /** 1-based column. */
  column: number;
  char: string;
  /** 'U+20BB7' */
  codePoint: string;
  /** What was written instead: '〓', or '' for a variation selector (the base character stays). */
  replacement: string;
};

export type EncodeCsvResult = { bytes: Buffer; unencodable: UnencodableCharacter[] };

/**
 * Characters that Unicode-to-JIS converters and CP932 map differently: the first is what a Mac or a
 * JIS-table converter produces, the second is the code point CP932 holds for the same glyph.
 */
const cp932Forms: ReadonlyMap<string, string> = new Map([
  ['\u301C', '\uFF5E'], // 〜 → ～
  ['\u2212', '\uFF0D'], // − → －
  ['\u2016', '\u2225'], // ‖ → ∥
  ['\u00A2', '\uFFE0'], // ¢ → ￠
  ['\u00A3', '\uFFE1'], // £ → ￡
  ['\u00AC', '\uFFE2'], // ¬ → ￢
  ['\u2014', '\u2015'], // — → ―
]);
const cp932FormPattern = /[\u301C\u2212\u2016\u00A2\u00A3\u00AC\u2014]/gu;

const substitutionMark = '\u3013'; // 〓 (geta), the conventional mark for a missing character
const variationSelector = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

// The CP932 table is fixed, so the answer per code point never changes; caching keeps large exports
// at one iconv call per distinct character.
const cp932Encodable = new Map<number, boolean>();

function isEncodableInCp932(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return true;
  let known = cp932Encodable.get(codePoint);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(char, 'cp932'), 'cp932') === char;
    cp932Encodable.set(codePoint, known);
  }
  return known;
}

function quoteCell(cell: string): string {
  // Every cell is quoted: RFC 4180 allows it and it avoids Excel's SYLK misdetection of a file
  // starting with "ID" as well as any doubt about leading or trailing spaces.
  return `"${cell.replaceAll('"', '""')}"`;
}

/**
 * Encodes rows as CSV (RFC 4180, CRLF, every cell quoted and formula-neutralised). 'utf-8-bom' is the
 * default the UI offers; 'cp932' maps the JIS/CP932 look-alike pairs, writes '〓' for anything else
 * CP932 lacks (𠮷, emoji…) and lists each occurrence so the caller can show it before download.
 */
export function encodeCsv(rows: readonly (readonly string[])[], encoding: CsvOutputEncoding): EncodeCsvResult {
  const unencodable: UnencodableCharacter[] = [];
  const lines = rows.map((cells, rowIndex) =>
    cells
      .map((cell, columnIndex) => {
        if (encoding === 'utf-8-bom') return quoteCell(neutralizeFormula(cell));
        // Map first: '−5' becomes '－5', which is itself a formula prefix and must be neutralised.
        const mapped = neutralizeFormula(cell.replace(cp932FormPattern, (char) => cp932Forms.get(char) ?? char));
        let written = '';
        for (const char of mapped) {
          if (isEncodableInCp932(char)) {
            written += char;
            continue;
          }
          const replacement = variationSelector.test(char) ? '' : substitutionMark;
          unencodable.push({
            row: rowIndex + 1,
            column: columnIndex + 1,
            char,
            codePoint: formatCodePoint(char),
            replacement,
          });
          written += replacement;
        }
        return quoteCell(written);
      })
      .join(','),
  );
  const text = lines.map((line) => `${line}\r\n`).join('');
  const bytes =
    encoding === 'utf-8-bom'
      ? Buffer.concat([Buffer.from(utf8Bom), Buffer.from(text, 'utf8')])
      : iconv.encode(text, 'cp932');
  return { bytes, unencodable };
}
