import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportUnencodable } from '../../domain/org/org-api.js';
import { CsvEncodingChoice, ShiftJisSubstitutionConfirm, type ShiftJisCheck } from './shift-jis-check.js';

const found = (row: number, char: string): ExportUnencodable => ({
  row,
  column: 2,
  columnLabel: '氏',
  employeeNumber: `A${String(row).padStart(4, '0')}`,
  char,
  codePoint: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
});

const checked = (count: number, unencodable: ExportUnencodable[], overrides: Partial<ShiftJisCheck> = {}): ShiftJisCheck => ({
  isSjis: true,
  check: { state: 'checked', count, unencodable },
  run: async () => {},
  reset: () => {},
  acceptsSubstitution: false,
  setAcceptsSubstitution: () => {},
  needsConfirmation: count > 0,
  canDownload: count === 0,
  replacesUnencodable: false,
  ...overrides,
});

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('CsvEncodingChoice', () => {
  it('offers UTF-8 with BOM and Shift_JIS under one legend, the value checked', () => {
    const html = renderToStaticMarkup(createElement(CsvEncodingChoice, { value: 'cp932', onChange: () => {}, sjis: checked(0, []) }));
    expect(html).toContain('<fieldset class="radio-group"><legend>CSV の文字コード</legend>');
    expect(text(html)).toContain('UTF-8(BOM付き)');
    expect(html).toMatch(/checked="" value="cp932"/);
    expect(html).not.toMatch(/checked="" value="utf-8-bom"/);
  });

  it('takes the screen’s class for the fieldset', () => {
    const html = renderToStaticMarkup(createElement(CsvEncodingChoice, { value: 'utf-8-bom', onChange: () => {}, sjis: checked(0, []), className: 'sc-export__encoding' }));
    expect(html).toContain('<fieldset class="sc-export__encoding">');
  });
});

describe('ShiftJisSubstitutionConfirm', () => {
  it('names the first five characters, then ほか, and asks for the confirmation', () => {
    const unencodable = ['𠮷', '髙', '①', '﨑', '𩸽', '𠀋'].map((char, index) => found(index + 2, char));
    const html = renderToStaticMarkup(
      createElement(ShiftJisSubstitutionConfirm, { sjis: checked(1200, unencodable), describe: (u: ExportUnencodable) => `${u.employeeNumber}「${u.char}」` }),
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain(
      'Shift_JIS で表せない文字が 1,200 箇所あります(A0002「𠮷」、A0003「髙」、A0004「①」、A0005「﨑」、A0006「𩸽」 ほか)。出力すると「〓」に置き換わります。',
    );
    expect(text(html)).toContain('上記の文字が「〓」に置き換わることを確認しました');
  });

  it('says no ほか when every character is named', () => {
    const html = renderToStaticMarkup(createElement(ShiftJisSubstitutionConfirm, { sjis: checked(1, [found(2, '𠮷')]), describe: (u: ExportUnencodable) => u.char }));
    expect(text(html)).toContain('1 箇所あります(𠮷)。出力すると');
  });

  it('without a description gives the count, the note and the details', () => {
    const html = renderToStaticMarkup(
      createElement(ShiftJisSubstitutionConfirm, {
        sjis: checked(2, [found(2, '𠮷'), found(3, '髙')]),
        note: '元の文字が必要な場合は UTF-8 か Excel を選んでください。',
        details: (report) => createElement('table', null, createElement('caption', null, `一覧 ${report.unencodable.length} 件`)),
      }),
    );
    expect(text(html)).toContain('Shift_JIS で表せない文字が 2 箇所あります。出力すると「〓」に置き換わります。元の文字が必要な場合は UTF-8 か Excel を選んでください。');
    expect(html).toContain('<caption>一覧 2 件</caption>');
  });

  it('shows nothing while no confirmation is needed', () => {
    expect(renderToStaticMarkup(createElement(ShiftJisSubstitutionConfirm, { sjis: checked(0, []) }))).toBe('');
    expect(renderToStaticMarkup(createElement(ShiftJisSubstitutionConfirm, { sjis: { ...checked(0, []), check: { state: 'checking' } } }))).toBe('');
  });
});
