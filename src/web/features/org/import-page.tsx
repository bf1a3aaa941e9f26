/**
 * インポート /imports: upload a staff master or assignment history CSV (with upload progress), review
 * every error by line and column, then commit — all or nothing — while the server streams progress.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, postNdjson, uploadFile, withQuery } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, PageHeading, ProblemAlert } from '../../components/page.js';
import type { ImportEncoding } from './org.queries.js';
import type { ImportCommitEvent, ImportKind, ImportPreview } from '../../../domain/org/org-api.js';
import './org.css';
import { scrollRegion } from '../../components/scroll-region.js';

const kindLabels: Record<ImportKind, string> = { staff: '職員マスタ', assignments: '配属履歴' };
const encodingLabels: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  shift_jis: 'Shift_JIS(CP932)',
  auto: '自動(BOM付きUTF-8のみ)',
};

type Stage =
  | { name: 'choose' }
  | { name: 'uploading'; loaded: number; total: number }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'committing'; preview: ImportPreview; processed: number; total: number }
  | { name: 'done'; preview: ImportPreview; inserted: number; updated: number; deleted: number; replacedStaff: number }
  | { name: 'commit-failed'; preview: ImportPreview; error: unknown };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} バイト`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title="インポート" />;
  return <ImportView />;
}

function ImportView() {
  const id = useId();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<ImportKind>('staff');
  const [encoding, setEncoding] = useState<ImportEncoding>('utf-8');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [fileMissing, setFileMissing] = useState(false);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setUploadError(null);
    if (!file) {
      setFileMissing(true);
      return;
    }
    setFileMissing(false);
    setStage({ name: 'uploading', loaded: 0, total: file.size });
    try {
      const preview = await uploadFile<ImportPreview>(withQuery('/api/imports', { kind, encoding, fileName: file.name }), file, (loaded, total) =>
        setStage({ name: 'uploading', loaded, total }),
      );
      setStage({ name: 'preview', preview });
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      setUploadError(error);
      setStage({ name: 'choose' });
    }
  };

  const commit = async (preview: ImportPreview) => {
    setStage({ name: 'committing', preview, processed: 0, total: preview.totalRows });
    let finished = false;
    try {
      await postNdjson(`/api/imports/${preview.importId}/commit`, (raw) => {
        const line = raw as ImportCommitEvent;
        if (line.type === 'progress') {
          setStage({ name: 'committing', preview, processed: line.processed, total: line.total });
        } else if (line.type === 'done') {
          finished = true;
          setStage({ name: 'done', preview, inserted: line.inserted, updated: line.updated, deleted: line.deleted ?? 0, replacedStaff: line.replacedStaff ?? 0 });
        } else if (line.type === 'error') {
          finished = true;
          setStage({ name: 'commit-failed', preview, error: new ApiError(200, line.code, line.message, line.details) });
        }
      });
      if (!finished) {
        setStage({ name: 'commit-failed', preview, error: new ApiError(0, 'stream', '処理が最後まで完了したことを確認できませんでした。') });
      }
    } catch (error) {
      setStage({ name: 'commit-failed', preview, error });
    }
    void queryClient.invalidateQueries({ queryKey: ['staff'] });
    void queryClient.invalidateQueries({ queryKey: ['org'] });
    requestAnimationFrame(() => resultHeading.current?.focus());
  };

  const startOver = () => {
    // An uploaded file that was checked but not committed holds personal data on the server: drop it.
    if (stage.name === 'preview' && stage.preview.canCommit) {
      api.delete<void>(`/api/imports/${stage.preview.importId}`).catch((error: unknown) => setUploadError(error));
    }
    setStage({ name: 'choose' });
    setFile(null);
    setUploadError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const isBusy = stage.name === 'uploading' || stage.name === 'committing';
  const preview = 'preview' in stage ? stage.preview : null;

  return (
    <>
      <PageHeading title="インポート" />
      <p>
        CSV ファイルを取り込みます。取り込む前にファイル全体を検査し、誤りが 1 件でもあれば何も登録しません(全件取り込みか、何もしないかのどちらかです)。
      </p>

      <section aria-labelledby={`${id}-upload`} className="panel">
        <h2 id={`${id}-upload`}>1. ファイルを選ぶ</h2>
        <form onSubmit={(e) => void upload(e)} noValidate>
          <fieldset className="radio-group" disabled={isBusy}>
            <legend>種類</legend>
            {(Object.keys(kindLabels) as ImportKind[]).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                {kindLabels[k]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-encoding`}>文字コード</label>
            <select id={`${id}-encoding`} value={encoding} onChange={(e) => setEncoding(e.target.value as ImportEncoding)} disabled={isBusy}>
              {(Object.keys(encodingLabels) as ImportEncoding[]).map((e) => (
                <option key={e} value={e}>
                  {encodingLabels[e]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>CSV ファイル</label>
            <input
              id={`${id}-file`}
              ref={fileInput}
              type="file"
              accept=".csv,text/csv"
              disabled={isBusy}
              aria-invalid={fileMissing || undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileMissing(false);
                if (stage.name !== 'choose' && stage.name !== 'uploading') setStage({ name: 'choose' });
              }}
            />
            {file ? <span className="hint">{`${file.name}(${formatBytes(file.size)})`}</span> : null}
          </div>
          <ProblemAlert message={fileMissing ? 'ファイルを選んでください。' : ''} />
          <ErrorAlert error={uploadError} title="アップロードできませんでした。" />
          <div className="form-actions">
            <button type="submit" className="button--primary" disabled={isBusy}>
              アップロードして検査
            </button>
          </div>
        </form>
        {stage.name === 'uploading' ? (
          <div className="progress-block">
            <label htmlFor={`${id}-upload-progress`}>アップロード中</label>
            <progress id={`${id}-upload-progress`} max={Math.max(stage.total, 1)} value={stage.loaded}>
              {Math.round((stage.loaded / Math.max(stage.total, 1)) * 100)}%
            </progress>
            <span className="hint" aria-live="polite">
              {formatBytes(stage.loaded)} / {formatBytes(stage.total)}
            </span>
          </div>
        ) : null}
      </section>

      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="panel">
          <h2 id={`${id}-preview`} ref={resultHeading} tabIndex={-1}>
            2. 検査結果
          </h2>
          <dl className="facts facts--inline">
            <div>
              <dt>種類</dt>
              <dd>{kindLabels[preview.kind] ?? preview.kind}</dd>
            </div>
            {preview.fileName ? (
              <div>
                <dt>ファイル</dt>
                <dd>{preview.fileName}</dd>
              </div>
            ) : null}
            <div>
              <dt>データ行数</dt>
              <dd>{preview.totalRows.toLocaleString('ja-JP')} 行</dd>
            </div>
            <div>
              <dt>エラー</dt>
              <dd>{preview.errorCount.toLocaleString('ja-JP')} 件</dd>
            </div>
          </dl>
          {preview.errors.length > 0 ? (
            <>
              <div role="alert" className="alert alert--error">
                <p>
                  ファイルに {preview.errorCount.toLocaleString('ja-JP')} 件の誤りがあります。何も登録されていません。ファイルを修正して、もう一度アップロードしてください。
                </p>
              </div>
              <div className="table-wrap table-wrap--tall" {...scrollRegion('エラー一覧の表')}>
                <table className="error-table">
                  <caption>エラー一覧(全 {preview.errors.length.toLocaleString('ja-JP')} 件)</caption>
                  <thead>
                    <tr>
                      <th scope="col">行</th>
                      <th scope="col">列</th>
                      <th scope="col">内容</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((error, index) => (
                      <tr key={`${error.line}-${error.column}-${error.code}-${index}`}>
                        <th scope="row">{error.line} 行目</th>
                        <td>{error.column || '(行全体)'}</td>
                        <td>{error.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="alert alert--success">誤りは見つかりませんでした。内容を確認して取り込んでください。</p>
          )}
          <p className="hint">
            {preview.kind === 'assignments'
              ? '配属履歴は、ファイルに含まれる職員ごとに登録済みの履歴を置き換えます。'
              : '職員マスタは、職員番号が同じ職員を更新し、新しい職員番号を追加します。'}
          </p>
          <SampleTable header={preview.header ?? []} sample={preview.sample} />
          {stage.name === 'preview' ? (
            <div className="form-actions">
              {preview.canCommit ? (
                <button type="button" className="button--primary" onClick={() => void commit(preview)}>
                  取り込む
                </button>
              ) : null}
              <button type="button" className="button--secondary" onClick={startOver}>
                別のファイルを選ぶ
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {stage.name === 'committing' || stage.name === 'done' || stage.name === 'commit-failed' ? (
        <section aria-labelledby={`${id}-commit`} className="panel">
          <h2 id={`${id}-commit`} ref={stage.name === 'committing' ? undefined : resultHeading} tabIndex={-1}>
            3. 取り込み
          </h2>
          {stage.name === 'committing' ? (
            <div className="progress-block">
              <label htmlFor={`${id}-commit-progress`}>取り込み中</label>
              <progress id={`${id}-commit-progress`} max={Math.max(stage.total, 1)} value={stage.processed}>
                {stage.processed} / {stage.total}
              </progress>
              <span className="hint" aria-live="polite">
                {stage.processed.toLocaleString('ja-JP')} / {stage.total.toLocaleString('ja-JP')} 行
              </span>
            </div>
          ) : null}
          {stage.name === 'done' ? (
            <div role="status" className="alert alert--success">
              <p>
                取り込みが完了しました。
                {stage.preview.kind === 'assignments'
                  ? `${stage.replacedStaff.toLocaleString('ja-JP')} 人の配属履歴を置き換えました(登録 ${stage.inserted.toLocaleString('ja-JP')} 件、削除 ${stage.deleted.toLocaleString('ja-JP')} 件)。`
                  : `新規 ${stage.inserted.toLocaleString('ja-JP')} 件、更新 ${stage.updated.toLocaleString('ja-JP')} 件を登録しました。`}
              </p>
            </div>
          ) : null}
          {stage.name === 'commit-failed' ? (
            <ErrorAlert error={stage.error} title="取り込めませんでした。">
              <p className="alert__strong">何も登録されていません。</p>
            </ErrorAlert>
          ) : null}
          {stage.name !== 'committing' ? (
            <div className="form-actions">
              <button type="button" className="button--secondary" onClick={startOver}>
                別のファイルを取り込む
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** The first rows as the server read them: a quick check that the columns and the encoding are right. */
function SampleTable({ header, sample }: { header: string[]; sample: string[][] }) {
  if (sample.length === 0) return null;
  const width = Math.max(header.length, ...sample.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <div className="table-wrap table-wrap--tall" {...scrollRegion('データの先頭の表')}>
      <table className="sample-table">
        <caption>データの先頭 {sample.length} 行(文字化けしていないか確認してください)</caption>
        <thead>
          <tr>
            <th scope="col">番号</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {header[c] || `${c + 1}列目`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sample.map((row, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {columns.map((c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
