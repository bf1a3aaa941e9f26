import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from './excel-export.js';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function valuesOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const values: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    values.push((row.values as unknown[]).slice(1));
  });
  return values;
}

describe('buildXlsx', () => {
  it('writes every cell as neutralised text, never as a formula', async () => {
    const buffer = await buildXlsx(
      '職員一覧',
      ['職員番号', '氏', '備考'],
      [
        ['0012', '山田', '=HYPERLINK("http://example.invalid","x")'],
        ['A002', '𠮷田', '＋1'],
        ['A003', '葛\u{E0100}城', '-5'],
        ['A004', '髙橋', '@SUM(A1)'],
      ],
    );
    const sheet = await readBack(buffer);
    expect(sheet.name).toBe('職員一覧');
    expect(valuesOf(sheet)).toEqual([
      ['職員番号', '氏', '備考'],
      ['0012', '山田', '\'=HYPERLINK("http://example.invalid","x")'],
      ['A002', '𠮷田', "'＋1"],
      ['A003', '葛\u{E0100}城', "'-5"],
      ['A004', '髙橋', "'@SUM(A1)"],
    ]);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeFalsy();
      });
    });
  });

  it('has a bold, frozen header row and widths from content', async () => {
    const sheet = await readBack(
      await buildXlsx('s', ['職員番号', 'x'], [['A001', 'とても長い所属名がここに入ります（テスト用）']]),
    );
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const first = sheet.getColumn(1).width ?? 0;
    const second = sheet.getColumn(2).width ?? 0;
    expect(first).toBe(10); // 職員番号 = 8 half-width cells + 2
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(60);
  });

  it('keeps control characters, CR and literal _xHHHH_ text exactly', async () => {
    const tricky = ['a\u0001b', '_x0041_', 'line1\r\nline2', 'tab\there', 'a\uFFFEb', '_x005f_'];
    const sheet = await readBack(await buildXlsx('s', ['v'], tricky.map((value) => [value])));
    expect(valuesOf(sheet).slice(1).map(([value]) => value)).toEqual(tricky);
  });

  it('cleans a sheet name Excel would refuse', async () => {
    const sheet = await readBack(await buildXlsx("'人事/評価[2025]:一覧*?'", ['a'], [['1']]));
    expect(sheet.name).toBe('人事_評価_2025__一覧__');
    const long = await readBack(await buildXlsx('あ'.repeat(40), ['a'], []));
    expect(long.name).toBe('あ'.repeat(31));
  });

  it('handles rows longer than the header and an empty body', async () => {
    const sheet = await readBack(await buildXlsx('s', ['a'], [['1', '2']]));
    expect(valuesOf(sheet)).toEqual([['a'], ['1', '2']]);
    const empty = await readBack(await buildXlsx('s', ['a', 'b'], []));
    expect(valuesOf(empty)).toEqual([['a', 'b']]);
  });
});
