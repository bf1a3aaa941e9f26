/**
 * 選考の設定 (on the pipeline's campaign list): the spread between raters that the calibration view flags and the
 * notice templates (合格・不合格・内定) with their placeholders. Saved as one document, version-checked.
 */
import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api-client.js';
import { ConflictAlert, ErrorAlert, Loading, StatusMessage } from '../../components/page.js';
import { noticeTemplateKeys, noticeTemplateLabels } from '../../../domain/recruitment/pipeline-api.js';
import { noticePlaceholders, type PipelineSettings } from '../../../domain/recruitment/pipeline-settings.js';
import { pipelineKeys, usePipelineMutation, useReloadPipeline } from './pipeline.queries.js';

type SettingsView = { settings: PipelineSettings; updatedAt: string | null; defaults: PipelineSettings };

export function PipelineSettingsPanel() {
  const id = useId();
  const reload = useReloadPipeline();
  const view = useQuery({ queryKey: [...pipelineKeys.all, 'settings'], queryFn: ({ signal }) => api.get<SettingsView>('/api/recruitment/pipeline/settings', { signal }) });
  const [draft, setDraft] = useState<PipelineSettings | null>(null);
  useEffect(() => {
    if (view.data) setDraft(view.data.settings);
  }, [view.data]);
  const save = usePipelineMutation((reset: boolean) => api.put<SettingsView>('/api/recruitment/pipeline/settings', { settings: draft, updatedAt: view.data?.updatedAt ?? null, reset }));
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>選考の設定</h2>
      <ErrorAlert error={view.error} title="設定を読み込めませんでした。" />
      {view.isPending ? <Loading /> : null}
      {draft ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-spread`}>評定者間の差として知らせる点数(100点換算)</label>
            <input id={`${id}-spread`} type="number" min={1} max={100} value={draft.spreadThreshold} onChange={(e) => setDraft({ ...draft, spreadThreshold: Number(e.target.value) })} />
          </div>
          <p className="hint">通知文で使える差し込み: {noticePlaceholders.join(' ')}</p>
          {noticeTemplateKeys.map((k) => (
            <fieldset key={k}>
              <legend>{noticeTemplateLabels[k]}</legend>
              <div className="field field--grow">
                <label htmlFor={`${id}-${k}-subject`}>件名</label>
                <input
                  id={`${id}-${k}-subject`}
                  maxLength={120}
                  value={draft.templates[k].subject}
                  onChange={(e) => setDraft({ ...draft, templates: { ...draft.templates, [k]: { ...draft.templates[k], subject: e.target.value } } })}
                />
              </div>
              <div className="field field--grow">
                <label htmlFor={`${id}-${k}-body`}>本文</label>
                <textarea
                  id={`${id}-${k}-body`}
                  rows={6}
                  maxLength={4000}
                  value={draft.templates[k].body}
                  onChange={(e) => setDraft({ ...draft, templates: { ...draft.templates, [k]: { ...draft.templates[k], body: e.target.value } } })}
                />
              </div>
            </fieldset>
          ))}
          <div className="pipeline-actions">
            <button type="submit" className="button--primary" disabled={save.isPending}>
              設定を保存
            </button>
            <button type="button" className="button--secondary" disabled={save.isPending || view.data?.updatedAt === null} onClick={() => save.mutate(true)}>
              既定に戻す
            </button>
          </div>
        </form>
      ) : null}
      {save.error instanceof ApiError && save.error.status === 409 ? <ConflictAlert subject="選考の設定" onReload={reload} /> : <ErrorAlert error={save.error} title="保存できませんでした。" />}
      {save.data ? <StatusMessage>選考の設定を保存しました。</StatusMessage> : null}
    </section>
  );
}
