/**
 * 自己申告の管理 /workplace/self-declaration/admin (HR): open this 年度's campaign (the form in force is copied into
 * it), see submitted / draft / not started per unit and remind those who have not submitted, list the
 * declarations with filters and open each in full, close the campaign, and set the form — per field whether the
 * supervisor may see it (never for health), and which single-answer field is the organisational-commitment indicator
 * with the answers that count as very low (read by the fellow programme).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { useDates, todayInJapan } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import type { CampaignSummary } from '../../../domain/workplace/self-declaration-api.js';
import { commitmentIndicatorKinds, type CommitmentIndicator, type FormField, type SelfDeclarationForm } from '../../../domain/workplace/self-declaration-form.js';
import {
  useCampaigns,
  useCloseCampaign,
  useDeclarations,
  useFormSettings,
  useOpenCampaign,
  useProgress,
  useRemind,
  useSaveFormSettings,
  type DeclarationFilterValues,
} from './self-declaration.queries.js';
import { statusLabels } from './self-declaration-answers.js';
import './self-declaration.css';

const title = '自己申告の管理';

export function SelfDeclarationAdminPage() {
  const session = useSession();
  const campaigns = useCampaigns();
  const [selected, setSelected] = useState<number | undefined>(undefined);
  if (!session.isHr) return <Forbidden title={title} />;
  if (campaigns.isPending) return <><PageHeading title={title} /><Loading /></>;
  if (campaigns.error) return <><PageHeading title={title} /><ErrorAlert error={campaigns.error} title="自己申告を読み込めませんでした。" /></>;
  const list = campaigns.data.campaigns;
  const campaign = list.find((c) => c.id === selected) ?? list[0];
  return (
    <>
      <PageHeading title={title} />
      <OpenCampaignSection />
      {campaign ? (
        <>
          <div className="sd-filters">
            <label>
              表示する自己申告
              <select value={campaign.id} onChange={(e) => setSelected(Number(e.target.value))}>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ProgressSection key={`p-${campaign.id}`} campaign={campaign} />
          <DeclarationsSection key={`d-${campaign.id}`} campaign={campaign} />
        </>
      ) : null}
      <FormSettingsSection />
    </>
  );
}

function OpenCampaignSection() {
  const today = todayInJapan();
  const [form, setForm] = useState({ title: '', opensOn: today, closesOn: '' });
  const [done, setDone] = useState('');
  const open = useOpenCampaign();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const c = await open.mutateAsync(form);
      setDone(`「${c.title}」を開始しました。`);
      setForm({ title: '', opensOn: today, closesOn: '' });
    } catch {
      // shown below
    }
  };
  return (
    <section aria-labelledby="sd-open">
      <h2 id="sd-open">自己申告の開始</h2>
      <p className="hint">年度に1回です。開始した時点の様式(下の「様式の設定」)が、この自己申告に固定されます。</p>
      <form className="sd-filters" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label>
          名称
          <input type="text" value={form.title} maxLength={100} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </label>
        <label>
          受付開始日
          <input type="date" value={form.opensOn} onChange={(e) => setForm({ ...form, opensOn: e.target.value })} />
        </label>
        <label>
          締切日
          <input type="date" value={form.closesOn} onChange={(e) => setForm({ ...form, closesOn: e.target.value })} />
        </label>
        <button type="submit" className="button--primary" disabled={open.isPending}>
          開始する
        </button>
      </form>
      <ErrorAlert error={open.error} title="開始できませんでした。" />
      <StatusMessage>{done}</StatusMessage>
    </section>
  );
}

function ProgressSection({ campaign }: { campaign: CampaignSummary }) {
  const progress = useProgress(campaign.id);
  const remind = useRemind(campaign.id);
  const close = useCloseCampaign();
  const dates = useDates();
  const [message, setMessage] = useState('');
  const onRemind = async () => {
    try {
      const r = await remind.mutateAsync();
      setMessage(`未提出の ${r.notified} 人にお知らせしました。`);
    } catch {
      // shown below
    }
  };
  const onClose = async () => {
    if (!window.confirm(`「${campaign.title}」を締め切ります。以後は職員が保存・提出できなくなります。よろしいですか。`)) return;
    try {
      await close.mutateAsync({ id: campaign.id, version: campaign.version });
      setMessage('締め切りました。');
    } catch {
      // shown below
    }
  };
  return (
    <section aria-labelledby="sd-progress">
      <h2 id="sd-progress">提出状況({campaign.title})</h2>
      <p>
        受付期間: {dates.date(campaign.opensOn)}〜{dates.date(campaign.closesOn)}({campaign.isAccepting ? '受付中' : campaign.status === 'closed' ? '締切済み' : '受付期間外'})。
        異動の希望は{dates.fiscalYear(campaign.wishFiscalYear)}の異動希望として配置に反映されます(人事担当が登録した希望が優先)。
      </p>
      {progress.isPending ? <Loading /> : null}
      <ErrorAlert error={progress.error} title="提出状況を読み込めませんでした。" />
      {progress.data ? (
        <table className="data-table">
          <caption>
            所属ごとの人数(提出済み {progress.data.totals.submitted} / 下書き {progress.data.totals.draft} / 未着手 {progress.data.totals.notStarted}、計 {progress.data.totals.total}人)
          </caption>
          <thead>
            <tr>
              <th scope="col">所属</th>
              <th scope="col">提出済み</th>
              <th scope="col">下書き</th>
              <th scope="col">未着手</th>
              <th scope="col">計</th>
            </tr>
          </thead>
          <tbody>
            {progress.data.rows.map((r) => (
              <tr key={r.unitId ?? 'none'}>
                <th scope="row">{r.unitName}</th>
                <td>{r.submitted}</td>
                <td>{r.draft}</td>
                <td>{r.notStarted}</td>
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {campaign.isAccepting ? (
        <div className="sd-actions">
          <button type="button" className="button--secondary" onClick={() => void onRemind()} disabled={remind.isPending}>
            未提出の職員にお知らせする
          </button>
          <button type="button" className="button--danger" onClick={() => void onClose()} disabled={close.isPending}>
            締め切る
          </button>
        </div>
      ) : null}
      <ErrorAlert error={remind.error ?? close.error} title="操作できませんでした。" />
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}

function DeclarationsSection({ campaign }: { campaign: CampaignSummary }) {
  const [filters, setFilters] = useState<DeclarationFilterValues>({});
  const list = useDeclarations(campaign.id, filters);
  const progress = useProgress(campaign.id);
  const dates = useDates();
  const units = (progress.data?.rows ?? []).filter((r) => r.unitId !== null);
  const careerOptions = list.data?.careerIntentionOptions ?? [];
  const careerLabel = (v: string | null) => (v === null ? '—' : (careerOptions.find((o) => o.value === v)?.label.split('(')[0] ?? v));
  return (
    <section aria-labelledby="sd-list">
      <h2 id="sd-list">自己申告書の一覧</h2>
      <div className="sd-filters">
        <label>
          所属
          <select value={filters.unitId ?? ''} onChange={(e) => setFilters({ ...filters, unitId: e.target.value || undefined })}>
            <option value="">すべて</option>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId!}>
                {u.unitName}
              </option>
            ))}
          </select>
        </label>
        <label>
          状況
          <select value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: e.target.value || undefined })}>
            <option value="">すべて</option>
            <option value="submitted">提出済み</option>
            <option value="draft">下書き</option>
            <option value="not-started">未着手</option>
          </select>
        </label>
        <label>
          異動希望
          <select value={filters.transferWish ?? ''} onChange={(e) => setFilters({ ...filters, transferWish: e.target.value || undefined })}>
            <option value="">すべて</option>
            <option value="yes">あり</option>
            <option value="no">なし</option>
          </select>
        </label>
        {careerOptions.length > 0 ? (
          <label>
            キャリアの志向
            <select value={filters.careerIntention ?? ''} onChange={(e) => setFilters({ ...filters, careerIntention: e.target.value || undefined })}>
              <option value="">すべて</option>
              {careerOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {careerLabel(o.value)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} title="一覧を読み込めませんでした。" />
      {list.data ? (
        <table className="data-table">
          <caption>該当 {list.data.total}人</caption>
          <thead>
            <tr>
              <th scope="col">職員番号</th>
              <th scope="col">氏名</th>
              <th scope="col">所属</th>
              <th scope="col">状況</th>
              <th scope="col">異動希望</th>
              <th scope="col">キャリアの志向</th>
              <th scope="col">提出日時</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((i) => (
              <tr key={i.staffId}>
                <td>{i.employeeNumber}</td>
                <th scope="row">
                  {i.status === 'submitted' ? <Link to={`/workplace/self-declaration/${campaign.id}/staff/${i.staffId}`}>{i.name}</Link> : i.name}
                </th>
                <td>{i.unitName ?? '—'}</td>
                <td>{statusLabels[i.status]}</td>
                <td>{i.transferWish === 'yes' ? 'あり' : i.transferWish === 'no' ? 'なし' : '—'}</td>
                <td>{careerLabel(i.careerIntention)}</td>
                <td>{i.submittedAt ? dates.timestamp(i.submittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function FormSettingsSection() {
  const settings = useFormSettings(true);
  const save = useSaveFormSettings();
  const [draft, setDraft] = useState<SelfDeclarationForm | null>(null);
  const [message, setMessage] = useState('');
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorAlert error={settings.error} title="様式を読み込めませんでした。" />;
  const form = draft ?? settings.data.form;
  const setField = (key: string, change: { isSupervisorVisible?: boolean; isRequired?: boolean }) =>
    setDraft({ ...form, fields: form.fields.map((f) => (f.key === key ? { ...f, ...change } : f)) });
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save.mutateAsync({ form, updatedAt: settings.data.updatedAt });
      setDraft(null);
      setMessage('様式を保存しました。次に開始する自己申告から使われます。');
    } catch {
      // shown below
    }
  };
  const isConflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <section aria-labelledby="sd-form-settings">
      <h2 id="sd-form-settings">様式の設定</h2>
      <p className="hint">項目ごとに、上司(評価者・所属長)に見せるかどうかを決めます。健康に関する項目は上司には見せられません。実施中・過去の自己申告の様式は変わりません。</p>
      <form onSubmit={(e) => void onSave(e)} noValidate>
        <table className="data-table">
          <caption>自己申告書の項目{settings.data.isDefault ? '(初期値)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">必須</th>
              <th scope="col">上司に見せる</th>
            </tr>
          </thead>
          <tbody>
            {form.fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">
                  {f.label}
                  {f.isSensitive ? <span className="sd-badge">配慮が必要な情報</span> : null}
                </th>
                <td>
                  <input type="checkbox" aria-label={`${f.label}を必須にする`} checked={f.isRequired} onChange={(e) => setField(f.key, { isRequired: e.target.checked })} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${f.label}を上司に見せる`}
                    checked={f.isSupervisorVisible && !f.isHealth}
                    disabled={f.isHealth}
                    onChange={(e) => setField(f.key, { isSupervisorVisible: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CommitmentIndicatorFieldset form={form} onChange={(commitmentIndicator) => setDraft({ ...form, commitmentIndicator })} />
        {isConflict ? (
          <ConflictAlert
            subject="様式"
            onReload={() => {
              setDraft(null);
              save.reset();
              void settings.refetch();
            }}
          />
        ) : (
          <ErrorAlert error={save.error} title="様式を保存できませんでした。" />
        )}
        <div className="sd-actions">
          <button type="submit" className="button--primary" disabled={save.isPending || draft === null}>
            様式を保存する
          </button>
        </div>
      </form>
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}

const canIndicate = (f: FormField) => (commitmentIndicatorKinds as readonly string[]).includes(f.kind) && !f.isHealth && f.options.length > 0;
const optionText = (f: FormField, i: number) => (f.kind === 'scale' ? `${i + 1} ${f.options[i]!.label}` : f.options[i]!.label);

/**
 * 組織コミットメントの指標: a single-answer field (not health) and the answers that count as very low. On a change of
 * field the far end is preselected (the last option of a choice, 1 of a scale); HR adjusts.
 */
function CommitmentIndicatorFieldset({ form, onChange }: { form: SelfDeclarationForm; onChange: (v: CommitmentIndicator | null) => void }) {
  const id = useId();
  const indicator = form.commitmentIndicator;
  const candidates = form.fields.filter(canIndicate);
  const field = indicator === null ? undefined : candidates.find((f) => f.key === indicator.fieldKey);
  const pick = (key: string) => {
    const f = candidates.find((c) => c.key === key);
    if (f === undefined) return onChange(null);
    onChange({ fieldKey: f.key, veryLowValues: [f.kind === 'scale' ? f.options[0]!.value : f.options[f.options.length - 1]!.value] });
  };
  const toggle = (value: string, on: boolean) => {
    if (indicator === null) return;
    const values = on ? [...indicator.veryLowValues.filter((v) => v !== value), value] : indicator.veryLowValues.filter((v) => v !== value);
    onChange({ ...indicator, veryLowValues: field ? field.options.map((o) => o.value).filter((v) => values.includes(v)) : values });
  };
  return (
    <fieldset className="sd-indicator">
      <legend>組織コミットメントの指標</legend>
      <p className="hint" id={`${id}-hint`}>
        フェロー制度の設定で「自己申告書の指標」を選んでいると、直近に提出した自己申告書でここに選んだ「著しく低い」回答をした職員は、フェローの候補から除かれます。上司に見せるかどうかは上の表の設定のとおりです。健康に関する項目は指標にできません。
      </p>
      <label>
        指標にする項目
        <select value={field?.key ?? ''} aria-describedby={`${id}-hint`} onChange={(e) => pick(e.target.value)}>
          <option value="">使わない</option>
          {candidates.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {field && indicator ? (
        <fieldset>
          <legend>「著しく低い」とする回答</legend>
          {field.options.map((o, i) => (
            <div key={o.value}>
              <input
                id={`${id}-low-${o.value}`}
                type="checkbox"
                checked={indicator.veryLowValues.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />{' '}
              <label htmlFor={`${id}-low-${o.value}`}>{optionText(field, i)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
