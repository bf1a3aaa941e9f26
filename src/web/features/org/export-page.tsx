/**
 * エクスポート /exports: staff or assignments as CSV (UTF-8 with BOM, or Shift_JIS) or Excel.
 * Shift_JIS cannot hold every character (𠮷, 髙 in some fonts, ①…): the check runs first, lists what
 * cannot be written, and the file is offered only after the user accepts 〓 in their place.
 */
import { useId, useState } from 'react';
import { useSession } from '../../app/session.js';
import { Forbidden, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { ShiftJisCheckButton, ShiftJisCheckOutcome, ShiftJisSubstitutionConfirm, useShiftJisCheck } from '../../components/shift-jis-check.js';
import { checkExport, exportUrl } from './org.queries.js';
import type { ExportKind } from '../../../domain/org/org-api.js';
import './org.css';

type Format = 'csv-utf8' | 'csv-sjis' | 'xlsx';

const targetLabels: Record<ExportKind, string> = { staff: '職員', assignments: '配属履歴' };
const formatLabels: Record<Format, string> = {
  'csv-utf8': 'CSV(UTF-8 BOM付き)',
  'csv-sjis': 'CSV(Shift_JIS)',
  xlsx: 'Excel(.xlsx)',
};

function codePointText(value: string | number): string {
  if (typeof value === 'number') return `U+${value.toString(16).toUpperCase().padStart(4, '0')}`;
  return value;
}

export function ExportPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title="エクスポート" />;
  return <ExportView />;
}

function ExportView() {
  const id = useId();
  const [target, setTarget] = useState<ExportKind>('staff');
  const [format, setFormat] = useState<Format>('csv-utf8');
  const isSjis = format === 'csv-sjis';
  const sjis = useShiftJisCheck(isSjis, () => checkExport(target));
  const { check } = sjis;
  const href = exportUrl(target, format === 'xlsx' ? 'xlsx' : 'csv', isSjis ? 'cp932' : 'utf-8-bom', sjis.replacesUnencodable);

  return (
    <>
      <PageHeading title="エクスポート" />
      <p>
        出力したファイルには個人情報が含まれます。庁内の規程に従って取り扱ってください。出力は監査ログに記録されます。表計算ソフトで数式として扱われる値(= + - @ で始まるもの)は無害化して出力します。
      </p>
      <section aria-labelledby={`${id}-options`} className="panel">
        <h2 id={`${id}-options`}>出力の条件</h2>
        <fieldset className="radio-group">
          <legend>出力する内容</legend>
          {(Object.keys(targetLabels) as ExportKind[]).map((t) => (
            <label key={t} className="radio">
              <input
                type="radio"
                name={`${id}-target`}
                value={t}
                checked={target === t}
                onChange={() => {
                  setTarget(t);
                  sjis.reset();
                }}
              />
              {targetLabels[t]}
            </label>
          ))}
        </fieldset>
        <fieldset className="radio-group">
          <legend>形式</legend>
          {(Object.keys(formatLabels) as Format[]).map((f) => (
            <label key={f} className="radio">
              <input
                type="radio"
                name={`${id}-format`}
                value={f}
                checked={format === f}
                onChange={() => {
                  setFormat(f);
                  sjis.reset();
                }}
              />
              {formatLabels[f]}
            </label>
          ))}
        </fieldset>
        {isSjis ? (
          <p className="hint">Shift_JIS では表せない文字(一部の旧字体・環境依存文字など)があるため、ダウンロードの前に確認します。</p>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-download`} className="panel">
        <h2 id={`${id}-download`}>ダウンロード</h2>
        <ShiftJisCheckButton sjis={sjis} variant="primary" />
        {check.state === 'checking' ? (
          <p role="status" className="loading">
            確認しています…
          </p>
        ) : null}
        <ShiftJisCheckOutcome sjis={sjis} />
        <ShiftJisSubstitutionConfirm
          sjis={sjis}
          note="元の文字が必要な場合は UTF-8 か Excel を選んでください。"
          details={(report) => (
            <div className="table-wrap table-wrap--tall" {...scrollRegion('Shift_JIS で表せない文字の一覧')}>
              <table>
                <caption>
                  Shift_JIS で表せない文字
                  {report.count > report.unencodable.length ? `(先頭 ${report.unencodable.length.toLocaleString('ja-JP')} 件を表示)` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">行</th>
                    <th scope="col">職員番号</th>
                    <th scope="col">列</th>
                    <th scope="col">文字</th>
                    <th scope="col">コードポイント</th>
                  </tr>
                </thead>
                <tbody>
                  {report.unencodable.map((u, index) => (
                    <tr key={`${u.row}-${u.column}-${index}`}>
                      <th scope="row">{u.row} 行目</th>
                      <td>{u.employeeNumber ?? ''}</td>
                      <td>{u.columnLabel || (typeof u.column === 'number' ? `${u.column} 列目` : u.column)}</td>
                      <td className="char-cell">{u.char}</td>
                      <td>{codePointText(u.codePoint)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        />
        {sjis.canDownload ? (
          <p className="form-actions">
            <a className="button button--primary" href={href} download>
              {targetLabels[target]}を{formatLabels[format]}でダウンロード
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
