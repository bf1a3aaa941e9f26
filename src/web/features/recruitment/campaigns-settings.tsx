/**
 * 採用の設定 on /recruitment/campaigns: the rubric items new campaigns start with (集団討論: 協調性・傾聴・論理性・
 * リーダーシップ; 個人面接), the attachment size limit, the public form's rate limit and the retention period of
 * unsuccessful applicants' data. Each is a settings document saved with its concurrency token.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api-client.js';
import { ConflictAlert, ErrorAlert, Loading, StatusMessage } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import type { Rubric } from '../../../domain/recruitment/recruitment-model.js';
import type { RecruitmentIntakeSettings, RecruitmentRubrics } from '../../../domain/recruitment/intake.js';
import { useRecruitmentSettings, useSaveRecruitmentSetting } from './campaigns.queries.js';

export function RecruitmentSettingsSection() {
  const settings = useRecruitmentSettings();
  if (settings.isPending) return <Loading />;
  if (!settings.data) return <ErrorAlert error={settings.error} title="採用の設定を読み込めませんでした。" />;
  const key = `${settings.data.intake.updatedAt}-${settings.data.rubrics.updatedAt}`;
  return (
    <section aria-labelledby="recruitment-settings-h">
      <h2 id="recruitment-settings-h">採用の設定</h2>
      <IntakeForm key={`i-${key}`} value={settings.data.intake.value} updatedAt={settings.data.intake.updatedAt} onReload={() => void settings.refetch()} />
      <RubricsForm key={`r-${key}`} value={settings.data.rubrics.value} updatedAt={settings.data.rubrics.updatedAt} onReload={() => void settings.refetch()} />
    </section>
  );
}

function IntakeForm({ value, updatedAt, onReload }: { value: RecruitmentIntakeSettings; updatedAt: string | null; onReload: () => void }) {
  const save = useSaveRecruitmentSetting();
  const [v, setV] = useState({ attachmentMaxMb: String(value.attachmentMaxMb), retentionMonths: String(value.retentionMonths), rateLimitBurst: String(value.rateLimitBurst), rateLimitPerHour: String(value.rateLimitPerHour) });
  const [message, setMessage] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = Object.fromEntries(Object.entries(v).map(([k, s]) => [k, Number(s)]));
    save.mutate({ key: 'recruitment-intake', value, updatedAt }, { onSuccess: () => setMessage('保存しました。') });
  };
  const field = (k: keyof typeof v, label: string) => (
    <div className="field">
      <label htmlFor={`is-${k}`}>{label}</label>
      <input id={`is-${k}`} inputMode="decimal" value={v[k]} onChange={(e) => setV((x) => ({ ...x, [k]: e.target.value }))} />
    </div>
  );
  return (
    <form onSubmit={submit} aria-labelledby="intake-settings-h">
      <h3 id="intake-settings-h">受付と保存期間</h3>
      <StatusMessage>{message}</StatusMessage>
      {save.error instanceof ApiError && save.error.status === 409 ? <ConflictAlert subject="設定" onReload={onReload} /> : <ErrorAlert error={fieldErrorsOf(save.error).length ? null : save.error} title="保存できませんでした。" />}
      <FieldErrorSummary errors={fieldErrorsOf(save.error)} labelOf={() => ''} />
      <div className="form-grid">
        {field('attachmentMaxMb', '添付ファイルの上限(1件あたり MB)')}
        {field('retentionMonths', '不合格者等の個人情報の保存期間(試験終了後の月数)')}
        {field('rateLimitBurst', '公開フォームの連続送信の上限(同じ接続元から)')}
        {field('rateLimitPerHour', '公開フォームの1時間あたりの送信数(同じ接続元から)')}
      </div>
      <button type="submit" disabled={save.isPending}>
        受付と保存期間の設定を保存
      </button>
    </form>
  );
}

function RubricsForm({ value, updatedAt, onReload }: { value: RecruitmentRubrics; updatedAt: string | null; onReload: () => void }) {
  const save = useSaveRecruitmentSetting();
  const [rubrics, setRubrics] = useState<RecruitmentRubrics>(value);
  const [message, setMessage] = useState('');
  const setItem = (which: keyof RecruitmentRubrics, i: number, patch: Partial<Rubric['items'][number]>) =>
    setRubrics((r) => ({ ...r, [which]: { ...r[which], items: r[which].items.map((it, j) => (j === i ? { ...it, ...patch } : it)) } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ key: 'recruitment-rubrics', value: rubrics, updatedAt }, { onSuccess: () => setMessage('保存しました。新しく作る採用試験から使われます。') });
  };
  const table = (which: keyof RecruitmentRubrics, caption: string) => (
    <table className="data-table">
      <caption>{caption}(1〜{rubrics[which].scaleMax}の段階で評定)</caption>
      <thead>
        <tr>
          <th scope="col">項目</th>
          <th scope="col">見るところ</th>
          <th scope="col">重み</th>
        </tr>
      </thead>
      <tbody>
        {rubrics[which].items.map((it, i) => (
          <tr key={it.id}>
            <th scope="row">
              <input aria-label={`${caption}の項目${i + 1}の名称`} value={it.label} onChange={(e) => setItem(which, i, { label: e.target.value })} />
            </th>
            <td>
              <input aria-label={`${caption}の項目${i + 1}の見るところ`} value={it.description} onChange={(e) => setItem(which, i, { description: e.target.value })} />
            </td>
            <td>
              <input aria-label={`${caption}の項目${i + 1}の重み`} inputMode="decimal" value={it.weight} onChange={(e) => setItem(which, i, { weight: Number(e.target.value) || 0 })} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <form onSubmit={submit} aria-labelledby="rubric-settings-h">
      <h3 id="rubric-settings-h">評定項目の初期値</h3>
      <StatusMessage>{message}</StatusMessage>
      {save.error instanceof ApiError && save.error.status === 409 ? <ConflictAlert subject="設定" onReload={onReload} /> : <ErrorAlert error={fieldErrorsOf(save.error).length ? null : save.error} title="保存できませんでした。" />}
      <FieldErrorSummary errors={fieldErrorsOf(save.error)} labelOf={() => ''} />
      {table('groupDiscussion', '集団討論')}
      {table('interview', '個人面接・最終面接')}
      <button type="submit" disabled={save.isPending}>
        評定項目の初期値を保存
      </button>
    </form>
  );
}
