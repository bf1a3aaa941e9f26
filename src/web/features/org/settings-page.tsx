/**
 * 設定 /settings: the municipality's organisation settings — positions and their order, the career-phase
 * thresholds, the placement guides, which position levels head a unit, and the evaluator/confirmer rules —
 * with the policy's values as defaults. hr_admin and system_admin change them; hr_officer reads them.
 * Server validation messages appear next to their fields; a save over someone else's is refused (409).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { FieldErrorSummary, fieldErrorsOf, messagesAt, type FieldError } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { employmentTypeLabels, employmentTypes, positionLevelLabels, positionLevels, type PositionLevel } from '../../../domain/org/org-model.js';
import type { RelationCandidate, RelationRules, RelationScope } from '../../../domain/org/org-settings.js';
import {
  useCreatePosition,
  useOrgSettings,
  usePositionSettings,
  useResetOrgSettings,
  useUpdateOrgSettings,
  useUpdatePosition,
} from './settings.queries.js';
import type { OrgSettingsView, PositionInput, PositionSettingItem, StoredOrgSettings } from '../../../domain/org/org-api.js';
import './org.css';
import './settings.css';

const title = '設定';

/** 同じ所属 / 課 / 部 (org-settings.ts relationScopeLabels; kept here so the page does not load the schemas). */
const scopeLabels: Record<RelationScope, string> = { 'same-unit': '同じ所属', division: '課', department: '部' };
const relationScopes = Object.keys(scopeLabels) as RelationScope[];
const relationKindLabels = { evaluator: '評価者', confirmer: '確認者' } as const;
type RelationKind = keyof typeof relationKindLabels;

export function SettingsPage() {
  const session = useSession();
  const canManage = session.roles.includes('hr_admin') || session.roles.includes('system_admin');
  const canRead = canManage || session.roles.includes('hr_officer');
  if (!canRead) return <Forbidden title={title} />;
  return <SettingsView canManage={canManage} />;
}

function SettingsView({ canManage }: { canManage: boolean }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        組織の設定は自治体ごとのデータで、人材育成・確保基本方針の値を初期値としています。
        {canManage ? null : '閲覧のみです。変更は人事管理者またはシステム管理者が行います。'}
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      <PositionsSection canManage={canManage} onMessage={setMessage} />
      <OrgSettingsSection canManage={canManage} onMessage={setMessage} />
    </>
  );
}

/* ---------- validation messages from the server, beside their fields ---------- */

function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field-error">
      {messages.map((m, i) => (
        <li key={`${i}-${m}`}>{m}</li>
      ))}
    </ul>
  );
}

/** An empty or odd number goes as null, so that the server names the field ("整数で入力してください"). */
const numberOf = (text: string): number => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : (null as unknown as number));

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A checkbox list's values after one box is ticked or unticked. */
const toggled = <T,>(values: readonly T[], value: T, isChecked: boolean): T[] => (isChecked ? [...values, value] : values.filter((v) => v !== value));

/* ---------- 職位 ---------- */

function PositionsSection({ canManage, onMessage }: { canManage: boolean; onMessage: (m: string) => void }) {
  const id = useId();
  const positions = usePositionSettings();
  const [editing, setEditing] = useState<PositionSettingItem | 'new' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const close = (message: string) => {
    setEditing(null);
    onMessage(message);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <div className="panel__head">
        <h2 id={`${id}-title`}>職位</h2>
        {canManage && editing === null ? (
          <button
            ref={addButton}
            type="button"
            className="button--secondary"
            onClick={() => {
              onMessage('');
              setEditing('new');
            }}
          >
            職位を追加
          </button>
        ) : null}
      </div>
      <p className="hint">
        順位は上位から 1, 2, 3 … です。評価者・確認者の候補が複数いるときは順位の高い人が選ばれるため、順位は職位区分の順(部長級 → 係員)に沿わせます。
        配属で使われている職位のコードと区分は変更できません。
      </p>
      <ErrorAlert error={positions.error} title="職位を読み込めませんでした。" />
      {positions.isPending ? <Loading /> : null}
      {positions.data ? (
        <div className="table-wrap" {...scrollRegion('職位の一覧')}>
          <table>
            <caption>職位(順位の高い順)</caption>
            <thead>
              <tr>
                <th scope="col">順位</th>
                <th scope="col">コード</th>
                <th scope="col">名称</th>
                <th scope="col">区分</th>
                <th scope="col">管理職</th>
                {canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {positions.data.positions.map((p) => (
                <tr key={p.id}>
                  <td>{p.rank}</td>
                  <td className="mono">{p.code}</td>
                  <th scope="row">{p.name}</th>
                  <td>{p.levelLabel}</td>
                  <td>{p.isManagerial ? '管理職' : '—'}</td>
                  {canManage ? (
                    <td>
                      <button
                        type="button"
                        className="button--secondary button--small"
                        disabled={editing !== null}
                        onClick={() => {
                          onMessage('');
                          setEditing(p);
                        }}
                      >
                        編集<span className="visually-hidden">({p.name})</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage && editing !== null && positions.data ? (
        <PositionForm
          key={editing === 'new' ? 'new' : editing.id}
          position={editing === 'new' ? null : editing}
          count={positions.data.positions.length}
          onDone={close}
        />
      ) : null}
    </section>
  );
}

const positionFieldLabels: Record<string, string> = { code: 'コード', name: '名称', level: '区分', rank: '順位', isManagerial: '管理職' };

type PositionValues = { code: string; name: string; level: PositionLevel; rank: string; isManagerial: boolean };

function PositionForm({ position, count, onDone }: { position: PositionSettingItem | null; count: number; onDone: (message: string) => void }) {
  const id = useId();
  const create = useCreatePosition();
  const update = useUpdatePosition();
  const mutation = position === null ? create : update;
  const heading = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<PositionValues>(() =>
    position === null
      ? { code: '', name: '', level: 'staff', rank: String(count + 1), isManagerial: false }
      : { code: position.code, name: position.name, level: position.level, rank: String(position.rank), isManagerial: position.isManagerial },
  );
  const errors = fieldErrorsOf(mutation.error);
  const isLocked = position?.isInUse ?? false;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: PositionInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      level: values.level,
      rank: numberOf(values.rank),
      isManagerial: values.isManagerial,
    };
    if (position === null) {
      create.mutate(input, { onSuccess: (r) => onDone(`職位「${r.position.name}」を追加しました。`) });
      return;
    }
    const changes: Partial<PositionInput> = {};
    if (input.name !== position.name) changes.name = input.name;
    if (input.rank !== position.rank) changes.rank = input.rank;
    if (input.isManagerial !== position.isManagerial) changes.isManagerial = input.isManagerial;
    if (!isLocked && input.code !== position.code) changes.code = input.code;
    if (!isLocked && input.level !== position.level) changes.level = input.level;
    update.mutate({ id: position.id, ...changes }, { onSuccess: (r) => onDone(`職位「${r.position.name}」を更新しました。`) });
  };

  const field = (key: 'code' | 'name' | 'rank', label: string, hint: string | null, props: { inputMode?: 'numeric'; disabled?: boolean } = {}) => {
    const messages = messagesAt(errors, key);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          type={key === 'rank' ? 'number' : 'text'}
          className={key === 'rank' ? 'number-field__input' : undefined}
          min={key === 'rank' ? 1 : undefined}
          step={key === 'rank' ? 1 : undefined}
          autoComplete="off"
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={describedBy(hint !== null && `${id}-${key}-hint`, messages.length > 0 && `${id}-${key}-error`)}
          {...props}
        />
        {hint !== null ? (
          <p id={`${id}-${key}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        <FieldMessages id={`${id}-${key}-error`} messages={messages} />
      </div>
    );
  };
  const levelMessages = messagesAt(errors, 'level');
  const managerialMessages = messagesAt(errors, 'isManagerial');

  return (
    <section aria-labelledby={`${id}-title`} className="subpanel">
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {position === null ? '職位を追加' : `職位「${position.name}」を編集`}
      </h3>
      <form onSubmit={submit} noValidate className="position-form">
        {errors.length > 0 ? (
          <FieldErrorSummary errors={errors} labelOf={(path) => positionFieldLabels[path] ?? ''} />
        ) : (
          <ErrorAlert error={mutation.error} title="保存できませんでした。" />
        )}
        <div className="form-grid">
          {field('code', 'コード', isLocked ? '配属で使われているため変更できません。' : '英小文字・数字・_(CSV取込で使います)', { disabled: isLocked })}
          {field('name', '名称', null)}
          <div className="field">
            <label htmlFor={`${id}-level`}>区分</label>
            <select
              id={`${id}-level`}
              value={values.level}
              disabled={isLocked}
              onChange={(e) => setValues({ ...values, level: e.target.value as PositionLevel })}
              aria-invalid={levelMessages.length > 0 || undefined}
              aria-describedby={describedBy(isLocked && `${id}-level-hint`, levelMessages.length > 0 && `${id}-level-error`)}
            >
              {positionLevels.map((level) => (
                <option key={level} value={level}>
                  {positionLevelLabels[level]}
                </option>
              ))}
            </select>
            {isLocked ? (
              <p id={`${id}-level-hint`} className="hint">
                配属で使われているため変更できません。
              </p>
            ) : null}
            <FieldMessages id={`${id}-level-error`} messages={levelMessages} />
          </div>
          {field('rank', '順位', `1 が最上位。その順位以下の職位は一つずつ下がります(全 ${count} 件)。`, { inputMode: 'numeric' })}
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.isManagerial}
              onChange={(e) => setValues({ ...values, isManagerial: e.target.checked })}
              aria-describedby={managerialMessages.length > 0 ? `${id}-managerial-error` : undefined}
            />
            管理職
          </label>
          <FieldMessages id={`${id}-managerial-error`} messages={managerialMessages} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={mutation.isPending}>
            {mutation.isPending ? '保存中…' : position === null ? '追加' : '保存'}
          </button>
          <button type="button" className="button--secondary" onClick={() => onDone('')}>
            キャンセル
          </button>
        </div>
      </form>
    </section>
  );
}

/* ---------- the settings document ---------- */

function OrgSettingsSection({ canManage, onMessage }: { canManage: boolean; onMessage: (m: string) => void }) {
  const settings = useOrgSettings();
  const positions = usePositionSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} title="設定を読み込めませんでした。" />;
  const heldLevels = new Set((positions.data?.positions ?? settings.data.settings.positions).map((p) => p.level));
  return (
    <SettingsEditor
      // A new version from the server (saved, reset or reloaded) starts the form afresh.
      key={settings.data.updatedAt ?? 'defaults'}
      view={settings.data}
      heldLevels={heldLevels}
      canManage={canManage}
      onMessage={onMessage}
      onReload={() => void settings.refetch()}
    />
  );
}

function storedOf(view: OrgSettingsView): StoredOrgSettings {
  const { positions: _positions, ...stored } = view.settings;
  return stored;
}

/** Form values: numbers as typed (a field may be empty while editing). */
type Draft = {
  rotationYears: string;
  rotationUnits: string;
  coreYears: string;
  phasedEmploymentTypes: StoredOrgSettings['careerPhaseRules']['phasedEmploymentTypes'];
  rotationYearsPerUnit: string;
  expertCycleYears: string;
  unitHeadLevels: PositionLevel[];
  relationRules: RelationRules;
};

function draftOf(s: StoredOrgSettings): Draft {
  return {
    rotationYears: String(s.careerPhaseRules.rotationYears),
    rotationUnits: String(s.careerPhaseRules.rotationUnits),
    coreYears: String(s.careerPhaseRules.coreYears),
    phasedEmploymentTypes: [...s.careerPhaseRules.phasedEmploymentTypes],
    rotationYearsPerUnit: String(s.rotationYearsPerUnit),
    expertCycleYears: String(s.expertCycleYears),
    unitHeadLevels: [...s.unitHeadLevels],
    relationRules: s.relationRules,
  };
}

function storedFromDraft(d: Draft): StoredOrgSettings {
  return {
    careerPhaseRules: {
      rotationYears: numberOf(d.rotationYears),
      rotationUnits: numberOf(d.rotationUnits),
      coreYears: numberOf(d.coreYears),
      phasedEmploymentTypes: employmentTypes.filter((t) => d.phasedEmploymentTypes.includes(t)),
    },
    rotationYearsPerUnit: numberOf(d.rotationYearsPerUnit),
    expertCycleYears: numberOf(d.expertCycleYears),
    unitHeadLevels: positionLevels.filter((l) => d.unitHeadLevels.includes(l)),
    relationRules: d.relationRules,
  };
}

/** Field paths of the server's messages in people's words, for the summary at the top. */
function labelOfPath(path: string): string {
  const p = path.split('.');
  if (p[0] === 'careerPhaseRules') {
    return (
      { rotationYears: 'ジョブローテーション期間(入庁年数)', rotationUnits: 'ジョブローテーション期間(経験所属数)', coreYears: '中核職員(入庁年数)', phasedEmploymentTypes: '対象の雇用形態' }[
        p[1] ?? ''
      ] ?? 'キャリア段階の基準'
    );
  }
  if (p[0] === 'rotationYearsPerUnit') return '1所属あたりの在籍年数';
  if (p[0] === 'expertCycleYears') return '専門期の異動サイクル';
  if (p[0] === 'unitHeadLevels') return '所属長とみなす職位区分';
  if (p[0] === 'relationRules') {
    const subject = positionLevelLabels[p[1] as PositionLevel] ?? p[1] ?? '';
    const kind = relationKindLabels[p[2] as RelationKind] ?? '';
    const index = p[3] === undefined ? '' : ` 候補${Number(p[3]) + 1}`;
    return `${subject}の${kind}${index}`;
  }
  return '設定';
}

function SettingsEditor({
  view,
  heldLevels,
  canManage,
  onMessage,
  onReload,
}: {
  view: OrgSettingsView;
  heldLevels: ReadonlySet<PositionLevel>;
  canManage: boolean;
  onMessage: (m: string) => void;
  onReload: () => void;
}) {
  const id = useId();
  const session = useSession();
  const save = useUpdateOrgSettings();
  const reset = useResetOrgSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(storedOf(view)));
  const failure = save.error ?? reset.error;
  const isConflict = failure instanceof ApiError && failure.status === 409;
  const errors = fieldErrorsOf(save.error);
  const defaults = view.defaults;
  const disabled = !canManage;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage('');
    reset.reset();
    save.mutate({ updatedAt: view.updatedAt, ...storedFromDraft(draft) }, { onSuccess: () => onMessage('設定を保存しました。') });
  };
  const resetToDefaults = () => {
    if (!window.confirm('組織の設定を方針の初期値に戻しますか？職位はそのまま残ります。この画面で入力中の内容は失われます。')) return;
    onMessage('');
    save.reset();
    reset.mutate(view.updatedAt, { onSuccess: () => onMessage('設定を初期値に戻しました。') });
  };

  const numberField = (key: 'rotationYears' | 'rotationUnits' | 'coreYears' | 'rotationYearsPerUnit' | 'expertCycleYears', path: string, label: string, unit: string, hint: string) => {
    const messages = messagesAt(errors, path);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <span className="number-field">
          <input
            id={`${id}-${key}`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            className="number-field__input"
            value={draft[key]}
            disabled={disabled}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={describedBy(`${id}-${key}-hint`, messages.length > 0 && `${id}-${key}-error`)}
          />
          <span className="number-field__unit">{unit}</span>
        </span>
        <p id={`${id}-${key}-hint`} className="hint">
          {hint}
        </p>
        <FieldMessages id={`${id}-${key}-error`} messages={messages} />
      </div>
    );
  };

  const dc = defaults.careerPhaseRules;
  const employmentMessages = messagesAt(errors, 'careerPhaseRules.phasedEmploymentTypes', true);
  const headMessages = messagesAt(errors, 'unitHeadLevels', true);

  return (
    <form onSubmit={submit} noValidate aria-label="組織の設定">
      <FieldErrorSummary errors={errors} labelOf={labelOfPath} />
      {view.isDefault ? <p className="hint">現在は方針の初期値のままです。</p> : null}

      <section aria-labelledby={`${id}-phase`} className="panel">
        <h2 id={`${id}-phase`}>キャリア段階の基準</h2>
        <p className="hint">
          ①ジョブローテーション期間は、入庁N年と経験所属数Kの両方を満たすまで続きます(年数だけでは異動しないまま③に入る人が、所属数だけでは早く異動した人が6年ほどで①を終える人が出るため。ADR
          0008)。入庁M年以降は所属数にかかわらず③ローテーション期間後です。
        </p>
        <fieldset className="settings-fieldset">
          <legend>①ジョブローテーション期間</legend>
          <div className="form-grid">
            {numberField('rotationYears', 'careerPhaseRules.rotationYears', '入庁N年', '年', `初期値 ${dc.rotationYears}年。入庁からの満年数。`)}
            {numberField('rotationUnits', 'careerPhaseRules.rotationUnits', '経験所属数K', '所属', `初期値 ${dc.rotationUnits}所属。派遣・兼務は数えません。`)}
          </div>
        </fieldset>
        <fieldset className="settings-fieldset">
          <legend>②中核職員</legend>
          {numberField('coreYears', 'careerPhaseRules.coreYears', '入庁N年まで', '年', `初期値 ${dc.coreYears}年。①の入庁年数より大きくします。`)}
        </fieldset>
        <fieldset className="settings-fieldset" aria-describedby={employmentMessages.length > 0 ? `${id}-employment-error` : undefined}>
          <legend>キャリア段階の対象とする雇用形態</legend>
          {employmentTypes.map((t) => (
            <label key={t} className="checkbox">
              <input
                type="checkbox"
                checked={draft.phasedEmploymentTypes.includes(t)}
                disabled={disabled}
                onChange={(e) => setDraft({ ...draft, phasedEmploymentTypes: toggled(draft.phasedEmploymentTypes, t, e.target.checked) })}
              />
              {employmentTypeLabels[t]}
            </label>
          ))}
          <FieldMessages id={`${id}-employment-error`} messages={employmentMessages} />
        </fieldset>
      </section>

      <section aria-labelledby={`${id}-placement`} className="panel">
        <h2 id={`${id}-placement`}>配置の目安</h2>
        <div className="form-grid">
          {numberField('rotationYearsPerUnit', 'rotationYearsPerUnit', '1所属あたりの在籍年数', '年', `初期値 ${defaults.rotationYearsPerUnit}年。①の間は一部署につき約3年程度(方針 III-2-(1))。`)}
          {numberField('expertCycleYears', 'expertCycleYears', '専門期の異動サイクル', '年以上', `初期値 ${defaults.expertCycleYears}年以上。③は原則として5年以上異動させない(方針 III-2-(1))。`)}
        </div>
      </section>

      <section aria-labelledby={`${id}-heads`} className="panel">
        <h2 id={`${id}-heads`}>所属長とみなす職位区分</h2>
        <fieldset className="settings-fieldset" aria-describedby={describedBy(`${id}-heads-hint`, headMessages.length > 0 && `${id}-heads-error`)}>
          <legend>所属長とみなす職位区分</legend>
          <p id={`${id}-heads-hint`} className="hint">
            この区分の職位で配属された職員は、その所属と下位の所属の所属長として職員の経歴を閲覧できます。
          </p>
          {positionLevels.map((level) => (
            <label key={level} className="checkbox">
              <input
                type="checkbox"
                checked={draft.unitHeadLevels.includes(level)}
                disabled={disabled}
                onChange={(e) => setDraft({ ...draft, unitHeadLevels: toggled(draft.unitHeadLevels, level, e.target.checked) })}
              />
              {positionLevelLabels[level]}
              {heldLevels.has(level) ? null : <span className="hint">(この区分の職位がありません)</span>}
            </label>
          ))}
          <FieldMessages id={`${id}-heads-error`} messages={headMessages} />
        </fieldset>
      </section>

      <section aria-labelledby={`${id}-rules`} className="panel">
        <h2 id={`${id}-rules`}>評価者・確認者の決定ルール</h2>
        <p className="hint">
          評価を受ける職員の職位区分ごとに、候補を上から順に探し、最初に見つかった人を評価者・確認者にします。確認者は評価者と別の人になります。候補がないときは個別に設定します。
          保存すると、本日以降の評価者・確認者がこのルールで設定し直されます(個別に設定した関係はそのままです。{session.isHr ? <Link to="/relations">評価者・確認者</Link> : '評価者・確認者'}画面で確認できます)。
        </p>
        {positionLevels.map((subject) => (
          <RuleEditor
            key={subject}
            subject={subject}
            rule={draft.relationRules[subject]}
            errors={errors}
            disabled={disabled}
            heldLevels={heldLevels}
            onChange={(rule) => setDraft({ ...draft, relationRules: { ...draft.relationRules, [subject]: rule } })}
          />
        ))}
      </section>

      {isConflict ? (
        <ConflictAlert
          subject="設定"
          onReload={() => {
            save.reset();
            reset.reset();
            onReload();
          }}
        />
      ) : errors.length === 0 ? (
        <ErrorAlert error={failure} title={reset.error ? '初期値に戻せませんでした。' : '保存できませんでした。'} />
      ) : null}

      {canManage ? (
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending || reset.isPending || isConflict}>
            {save.isPending ? '保存中…' : '設定を保存'}
          </button>
          <button type="button" className="button--danger" disabled={save.isPending || reset.isPending || isConflict} onClick={resetToDefaults}>
            初期値に戻す
          </button>
        </div>
      ) : null}
    </form>
  );
}

/* ---------- 評価者・確認者の決定ルール: ordered candidate lists per subject level ---------- */

function RuleEditor({
  subject,
  rule,
  errors,
  disabled,
  heldLevels,
  onChange,
}: {
  subject: PositionLevel;
  rule: RelationRules[PositionLevel];
  errors: readonly FieldError[];
  disabled: boolean;
  heldLevels: ReadonlySet<PositionLevel>;
  onChange: (rule: RelationRules[PositionLevel]) => void;
}) {
  return (
    <fieldset className="settings-fieldset settings-rule">
      <legend>評価を受ける職員: {positionLevelLabels[subject]}</legend>
      <div className="settings-rule__lists">
        {(['evaluator', 'confirmer'] as const).map((kind) => (
          <CandidateList
            key={kind}
            subject={subject}
            kind={kind}
            candidates={rule[kind]}
            errors={errors}
            disabled={disabled}
            heldLevels={heldLevels}
            onChange={(list) => onChange({ ...rule, [kind]: list })}
          />
        ))}
      </div>
    </fieldset>
  );
}

function CandidateList({
  subject,
  kind,
  candidates,
  errors,
  disabled,
  heldLevels,
  onChange,
}: {
  subject: PositionLevel;
  kind: RelationKind;
  candidates: readonly RelationCandidate[];
  errors: readonly FieldError[];
  disabled: boolean;
  heldLevels: ReadonlySet<PositionLevel>;
  onChange: (list: RelationCandidate[]) => void;
}) {
  const id = useId();
  const path = `relationRules.${subject}.${kind}`;
  const listLabel = `${positionLevelLabels[subject]}の${relationKindLabels[kind]}`;
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, candidates]);

  const set = (index: number, change: Partial<RelationCandidate>) => onChange(candidates.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const list = [...candidates];
    const [item] = list.splice(index, 1);
    list.splice(to, 0, item!);
    onChange(list);
    setAnnouncement(`候補${index + 1}を${to + 1}番目に移動しました。`);
    // Keep focus on the moved candidate; at an end of the list the other button is the one still enabled.
    const edge = (by === -1 && to === 0) || (by === 1 && to === list.length - 1);
    setFocusTarget(`${id}-${to}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    onChange(candidates.filter((_, i) => i !== index));
    setAnnouncement(`候補${index + 1}を削除しました。`);
    setFocusTarget(`${id}-add`);
  };
  const add = () => {
    onChange([...candidates, { level: subject === 'staff' ? 'supervisor' : 'manager', scope: 'division' }]);
    setAnnouncement(`候補${candidates.length + 1}を追加しました。`);
    setFocusTarget(`${id}-${candidates.length}-level`);
  };
  const listMessages = messagesAt(errors, path);

  return (
    <div className="settings-candidates">
      <h3 id={`${id}-title`} className="settings-candidates__title">
        {relationKindLabels[kind]}の候補<span className="visually-hidden">({positionLevelLabels[subject]})</span>
      </h3>
      {candidates.length === 0 ? <p className="hint">候補なし(個別に設定します)</p> : null}
      <ol className="settings-candidates__list" aria-labelledby={`${id}-title`}>
        {candidates.map((c, index) => {
          const rowMessages = messagesAt(errors, `${path}.${index}`, true);
          const name = `${listLabel} 候補${index + 1}`;
          return (
            <li key={index} className="settings-candidate">
              <span className="settings-candidate__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="field field--inline">
                <label htmlFor={`${id}-${index}-level`}>
                  <span className="visually-hidden">{name} </span>職位区分
                </label>
                <select
                  id={`${id}-${index}-level`}
                  value={c.level}
                  disabled={disabled}
                  onChange={(e) => set(index, { level: e.target.value as PositionLevel })}
                  aria-invalid={rowMessages.length > 0 || undefined}
                  aria-describedby={rowMessages.length > 0 ? `${id}-${index}-error` : undefined}
                >
                  {positionLevels.map((level) => (
                    <option key={level} value={level}>
                      {positionLevelLabels[level]}
                      {heldLevels.has(level) ? '' : '(職位なし)'}
                    </option>
                  ))}
                </select>
              </span>
              <span className="field field--inline">
                <label htmlFor={`${id}-${index}-scope`}>
                  <span className="visually-hidden">{name} </span>範囲
                </label>
                <select id={`${id}-${index}-scope`} value={c.scope} disabled={disabled} onChange={(e) => set(index, { scope: e.target.value as RelationScope })}>
                  {relationScopes.map((scope) => (
                    <option key={scope} value={scope}>
                      {scopeLabels[scope]}
                    </option>
                  ))}
                </select>
              </span>
              {disabled ? null : (
                <span className="settings-candidate__actions">
                  <CandidateButton id={`${id}-${index}-up`} label="上へ" name={name} disabled={index === 0} onClick={() => move(index, -1)} />
                  <CandidateButton id={`${id}-${index}-down`} label="下へ" name={name} disabled={index === candidates.length - 1} onClick={() => move(index, 1)} />
                  <CandidateButton id={`${id}-${index}-remove`} label="削除" name={name} danger onClick={() => remove(index)} />
                </span>
              )}
              <FieldMessages id={`${id}-${index}-error`} messages={rowMessages} />
            </li>
          );
        })}
      </ol>
      <FieldMessages id={`${id}-list-error`} messages={listMessages} />
      {disabled ? null : (
        <button id={`${id}-add`} type="button" className="button--secondary button--small" disabled={candidates.length >= 10} onClick={add}>
          候補を追加<span className="visually-hidden">({listLabel})</span>
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function CandidateButton({
  id,
  label,
  name,
  disabled = false,
  danger = false,
  onClick,
}: {
  id: string;
  label: ReactNode;
  name: string;
  disabled?: boolean;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button id={id} type="button" className={`button--small ${danger ? 'button--danger' : 'button--secondary'}`} disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden">({name})</span>
    </button>
  );
}
