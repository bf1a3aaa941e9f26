/** What the import tests send: the two files' headers, CSV text, its bytes in each encoding, and the upload itself. */
import iconv from 'iconv-lite';
import type { Harness, Session } from '../http/test-harness.js';
import type { ImportKind } from '../../domain/org/org-api.js';

export const staffHeader = '職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,雇用形態,職種,性別,退職日,資格';
export const assignmentHeader = '職員番号,所属コード,職位コード,開始日,終了日,区分,派遣先';

/** The lines as a CSV file: CRLF after every line, the last included. */
export const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
export const utf8Bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
export const sjis = (text: string): Buffer => iconv.encode(text, 'cp932');

/** POST /api/imports as the web client sends it: the file's bytes as the body, kind, encoding and file name in the query. */
export function uploadImport(h: Harness, session: Session, kind: ImportKind, bytes: Uint8Array, encoding: string, fileName: string): Promise<Response> {
  return h.call(session, 'POST', `/api/imports?kind=${kind}&encoding=${encoding}&fileName=${encodeURIComponent(fileName)}`, new Uint8Array(bytes), {
    'content-type': 'application/octet-stream',
  });
}
