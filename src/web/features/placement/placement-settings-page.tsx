/**
 * 配置ルールの設定 /placement/settings (issue 5, ADR 0014): R4's window (the end of the rotation period), the continuity
 * limits of a transfer plan and the optimiser's objective weights — the settings document `placement-rules`. R1's and
 * R3's years are the organisation settings and are shown for reference. HR reads and edits; a save over someone
 * else's is refused (409) and offers to reload.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import type { PlacementSettings } from '../../../domain/placement/placement-model.js';
import type { PlacementSettingsView } from '../../../domain/placement/rules-api.js';
import { usePlacementSettings, useSavePlacementSettings } from './placement-rules.queries.js';
import './placement-rules.css';

const title = '配置ルールの設定';

type WeightKey = keyof PlacementSettings['weights'];
const weightLabels: Record<WeightKey, string> = {
  wish1: '第1希望がかなう(1人あたり)',
  wish2: '第2希望がかなう(1人あたり)',
  wish3: '第3希望がかなう(1人あたり)',
  expertiseFit: 'ローテーション期間後の職員を専門分野の合う所属へ(1人あたり)',
  rotationCandidateMoved: 'R1の異動候補を異動させる(1人あたり)',
  continuityPenalty: '継続性の上限を超えて所属を離れる(1人あたりの減点)',
};
const weightKeys = Object.keys(weightLabels) as WeightKey[];

const pathLabels: Record<string, string> = {
  rotationEndWindowYears: 'ローテーション期間の終わり',
  continuityMaxLeavingShare: '一度に異動できる割合',
  continuityMaxLeavingCount: '一度に異動できる人数',
  ...Object.fromEntries(weightKeys.map((k) => [`weights.${k}`, weightLabels[k]])),
};
const labelOfPath = (path: string) => pathLabels[path.replace(/^settings\./, '')] ?? '';

export function PlacementSettingsPage() {
  const settings = usePlacementSettings();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title}>
        <Link to="/placement/rules">配置ルールの確認へ</Link>
      </PageHeading>
      <p className="hint">
        配置ルール(R1〜R5)と異動案の確認・最適化に使う設定です。方針に数値がない項目は、ADR 0014 の初期値です。
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      <ErrorAlert error={settings.error} title="配置ルールの設定を読み込めませんでした。" />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? (
        <SettingsForm key={settings.data.updatedAt ?? 'default'} view={settings.data} onMessage={setMessage} onReload={() => void settings.refetch()} />
      ) : null}
    </>
  );
}

function SettingsForm({ view, onMessage, onReload }: { view: PlacementSettingsView; onMessage: (m: string) => void; onReload: () => void }) {
  const id = useId();
  const save = useSavePlacementSettings();
  const [draft, setDraft] = useState<Record<string, string>>(() => toDraft(view.settings));
  const errors = fieldErrorsOf(save.error);
  const isConflict = save.error instanceof ApiError && save.error.status === 409;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMessage('');
    void save.mutateAsync({ updatedAt: view.updatedAt, settings: fromDraft(draft) }).then(() => onMessage('配置ルールの設定を保存しました。'), () => undefined);
  };
  const field = (key: string, label: string, hint: string, step = '1') => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="decimal"
        step={step}
        min="0"
        value={draft[key] ?? ''}
        aria-describedby={`${id}-${key}-hint`}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
      <p className="hint" id={`${id}-${key}-hint`}>
        {hint}
      </p>
    </div>
  );

  return (
    <form className="placement-form" onSubmit={submit} noValidate>
      {isConflict ? <ConflictAlert subject="設定" onReload={onReload} /> : <ErrorAlert error={errors.length > 0 ? null : save.error} />}
      <FieldErrorSummary errors={errors} labelOf={labelOfPath} />
      <fieldset>
        <legend>組織の設定から(参考)</legend>
        <ul className="plain-list">
          <li>R1: ジョブローテーション期間は1所属{view.orgThresholds.rotationYearsPerUnit}年程度で次の配置先を検討</li>
          <li>R3: ローテーション期間後は在課{view.orgThresholds.expertCycleYears}年未満で異動させない</li>
          <li>ローテーション期間は入庁{view.orgThresholds.rotationYears}年(かつ経験所属数)まで</li>
        </ul>
        <p className="hint">
          これらは <Link to="/settings">組織の設定</Link> で変更します。
        </p>
      </fieldset>
      <fieldset>
        <legend>R4 ローテーション期間の終わり</legend>
        {field('rotationEndWindowYears', 'ローテーション期間の終わり(年)', `入庁${view.orgThresholds.rotationYears}年の何年前から「期間の終わり」とし、異動希望の聞き取りを求めるか(0〜5)。`)}
      </fieldset>
      <fieldset>
        <legend>業務の継続性</legend>
        {field('continuityMaxLeavingShare', '一度に異動できる割合(%)', '所属の在籍者のうち、一つの異動案で異動してよい割合。', '1')}
        {field('continuityMaxLeavingCount', '一度に異動できる人数', '割合にかかわらず、これを超えると警告します(1人の異動は常に認めます)。')}
      </fieldset>
      <fieldset>
        <legend>最適化の重み</legend>
        <p className="hint">最適化は、次の点数の合計が最大になる異動案を探します(0〜1000)。</p>
        {weightKeys.map((k) => field(`weights.${k}`, weightLabels[k], `初期値 ${view.defaults.weights[k]}`))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          保存する
        </button>
        <button type="button" className="button--secondary" onClick={() => setDraft(toDraft(view.defaults))}>
          初期値を入れる
        </button>
      </div>
    </form>
  );
}

function toDraft(s: PlacementSettings): Record<string, string> {
  const draft: Record<string, string> = {
    rotationEndWindowYears: String(s.rotationEndWindowYears),
    continuityMaxLeavingShare: String(Math.round(s.continuityMaxLeavingShare * 100)),
    continuityMaxLeavingCount: String(s.continuityMaxLeavingCount),
  };
  for (const k of weightKeys) draft[`weights.${k}`] = String(s.weights[k]);
  return draft;
}

/** Empty or non-numeric text goes to the server as NaN → a validation message there (the server decides). */
function fromDraft(d: Record<string, string>): PlacementSettings {
  const num = (k: string) => (d[k] === undefined || d[k].trim() === '' ? Number.NaN : Number(d[k]));
  const weights = Object.fromEntries(weightKeys.map((k) => [k, num(`weights.${k}`)])) as PlacementSettings['weights'];
  return {
    rotationEndWindowYears: num('rotationEndWindowYears'),
    continuityMaxLeavingShare: num('continuityMaxLeavingShare') / 100,
    continuityMaxLeavingCount: num('continuityMaxLeavingCount'),
    weights,
  };
}
