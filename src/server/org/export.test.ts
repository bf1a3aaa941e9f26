import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { assignmentImportColumns, staffImportColumns } from '../../domain/org/staff-import.js';

let h: Harness;
let hr: Session;
let formulaStaffId: number;
let yoshiStaffId: number;

const staffLabels = staffImportColumns.map((column) => column.label);
const assignmentLabels = assignmentImportColumns.map((column) => column.label);
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

async function download(path: string, session = hr) {
  const res = await h.call(session, 'GET', path);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function insertStaff(employeeNumber: string, familyName: string): Promise<number> {
  // Straight into the table: the importer refuses such names, and the export must be safe regardless.
  const result = await h.queryRows(sql`
    insert into staff (municipality_id, employee_number, family_name, given_name, family_name_kana, given_name_kana,
                       search_key, birth_date, hire_date, employment_type)
    select id, ${employeeNumber}, ${familyName}, '太郎', 'シケン', 'タロウ', ${employeeNumber}, '1980-01-01', '2005-04-01', 'regular'
    from municipalities order by id limit 1
    returning id`);
  return Number((result[0] as { id: number }).id);
}

function csvLines(bytes: Buffer): string[] {
  return bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
}

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  formulaStaffId = await insertStaff('X0001', '=HYPERLINK("http://evil.example","押して")');
  yoshiStaffId = await insertStaff('X0002', '𠮷田');
});
afterAll(() => h.close());

describe('CSV', () => {
  it('writes UTF-8 with BOM by default, with the import headers, ISO dates, as an attachment, audited', async () => {
    const auditBefore = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.export'`);
    const { res, bytes } = await download('/api/exports/staff');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="staff-2025-10-01\.csv"; filename\*=UTF-8''/);
    expect(bytes.subarray(0, 3)).toEqual(bom);
    const lines = csvLines(bytes);
    expect(lines[0]).toBe(staffLabels.map((label) => `"${label}"`).join(','));
    const staffCount = await h.queryRows(sql`select count(*)::int as n from staff`);
    expect(lines).toHaveLength(Number((staffCount[0] as { n: number }).n) + 1);
    const x1 = lines.find((line) => line.startsWith('"X0001"'))!;
    expect(x1).toContain('"1980-01-01","2005-04-01","正規"');
    const auditAfter = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.export'`);
    expect(Number((auditAfter[0] as { n: number }).n)).toBe(Number((auditBefore[0] as { n: number }).n) + 1);
  });

  it('neutralises formula prefixes', async () => {
    const { bytes } = await download('/api/exports/staff');
    const x1 = csvLines(bytes).find((line) => line.startsWith('"X0001"'))!;
    expect(x1).toContain(`"'=HYPERLINK(""http://evil.example"",""押して"")"`);
    expect(formulaStaffId).toBeGreaterThan(0);
  });

  it('exports assignments with unit and position codes and the import headers', async () => {
    const { res, bytes } = await download('/api/exports/assignments');
    expect(res.status).toBe(200);
    const lines = csvLines(bytes);
    expect(lines[0]).toBe(assignmentLabels.map((label) => `"${label}"`).join(','));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines[1]).toMatch(/^"[^"]+","[^"]+","[^"]+","\d{4}-\d{2}-\d{2}","(\d{4}-\d{2}-\d{2})?","(通常|兼務|派遣)",/u);
  });

  it('round trip: an exported CSV previews again with no errors', async () => {
    for (const kind of ['staff', 'assignments'] as const) {
      const { bytes } = await download(`/api/exports/${kind}`);
      const res = await h.call(hr, 'POST', `/api/imports?kind=${kind}&encoding=auto&fileName=${kind}.csv`, new Uint8Array(bytes), {
        'content-type': 'application/octet-stream',
      });
      expect(res.status).toBe(200);
      const preview = (await res.json()) as { errors: unknown[]; canCommit: boolean; totalRows: number };
      expect(preview.errors).toEqual([]);
      expect(preview.canCommit).toBe(true);
      expect(preview.totalRows).toBe(csvLines(bytes).length - 1);
    }
  });
});

describe('CP932', () => {
  it('refuses with 422 and a report when a character cannot be held (𠮷)', async () => {
    const { res, bytes } = await download('/api/exports/staff?encoding=cp932');
    expect(res.status).toBe(422);
    const body = JSON.parse(bytes.toString('utf8')) as {
      error: { code: string; details: { count: number; unencodable: { row: number; column: number; char: string; codePoint: string; employeeNumber: string; columnLabel: string }[] } };
    };
    expect(body.error.code).toBe('org.export-unencodable');
    expect(body.error.details.unencodable).toContainEqual(
      expect.objectContaining({ column: 2, columnLabel: '氏', char: '𠮷', codePoint: 'U+20BB7', employeeNumber: 'X0002' }),
    );
    expect(body.error.details.count).toBe(body.error.details.unencodable.length);
  });

  it('the preflight lists the same characters', async () => {
    const res = await h.call(hr, 'GET', '/api/exports/staff/check?encoding=cp932');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { count: number; unencodable: { char: string }[] };
    expect(body.unencodable.map((item) => item.char)).toContain('𠮷');
    const utf = (await (await h.call(hr, 'GET', '/api/exports/staff/check?encoding=utf-8-bom')).json()) as { count: number };
    expect(utf.count).toBe(0);
  });

  it('with replaceUnencodable=true writes 〓 and says how many in X-Unencodable-Count', async () => {
    const { res, bytes } = await download('/api/exports/staff?encoding=cp932&replaceUnencodable=true');
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-unencodable-count'))).toBeGreaterThanOrEqual(1);
    expect(bytes.subarray(0, 3)).not.toEqual(bom);
    expect(bytes.includes(iconv.encode('"〓田"', 'cp932'))).toBe(true);
    const text = iconv.decode(bytes, 'cp932');
    expect(text.split('\r\n')[0]).toBe(staffLabels.map((label) => `"${label}"`).join(','));
    expect(text).toContain('"X0002","〓田"');
    expect(yoshiStaffId).toBeGreaterThan(0);
  });

  it('a CP932 export imports again as Shift_JIS; only the lines holding 〓 are refused', async () => {
    const { res, bytes } = await download('/api/exports/staff?encoding=cp932&replaceUnencodable=true');
    expect(res.status).toBe(200);
    const marked = iconv
      .decode(bytes, 'cp932')
      .split('\r\n')
      .flatMap((line, index) => (line.includes('〓') ? [index + 1] : []));
    expect(marked.length).toBeGreaterThanOrEqual(1);
    const upload = await h.call(hr, 'POST', '/api/imports?kind=staff&encoding=shift_jis&fileName=staff.csv', new Uint8Array(bytes), {
      'content-type': 'application/octet-stream',
    });
    expect(upload.status).toBe(200);
    const preview = (await upload.json()) as { errors: { line: number; code: string }[]; canCommit: boolean };
    expect(preview.canCommit).toBe(false);
    expect(new Set(preview.errors.map((error) => error.code))).toEqual(new Set(['substitution-mark']));
    expect([...new Set(preview.errors.map((error) => error.line))]).toEqual(marked);
  });
});

describe('Excel', () => {
  it('is readable by exceljs with the same headers, and formulas stay text', async () => {
    const { res, bytes } = await download('/api/exports/staff?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="staff-2025-10-01\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('職員マスタ');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(staffLabels);
    let formulaCell: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'X0001') formulaCell = row.getCell(2).value;
    });
    expect(formulaCell).toBe(`'=HYPERLINK("http://evil.example","押して")`);

    const assignments = await download('/api/exports/assignments?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(assignments.bytes as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(assignmentLabels);
  });
});

describe('access', () => {
  it('is refused to people without the export permission, and the refusal is audited', async () => {
    const staffSession = await h.loginAs('staff');
    const { res } = await download('/api/exports/staff', staffSession);
    expect(res.status).toBe(403);
    const denied = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.export' and outcome = 'denied'`);
    expect(Number((denied[0] as { n: number }).n)).toBeGreaterThanOrEqual(1);
  });
});
