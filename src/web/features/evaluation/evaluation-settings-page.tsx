/**
 * 評価の設定 /evaluation/settings: the grade scale (評語, best first, with optional points and the standard level), the
 * rule of the overall grade of a performance sheet (grading.ts overallGrade) and whether 会計年度任用職員 are evaluated by
 * default (issue 3 item 7). hr_admin edits and resets them; 職員課 staff read them. A cycle keeps the settings in force
 * when it was opened, so a change applies to cycles opened afterwards. A save over someone else's is refused (409).
 */
import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { EvaluationSettings, EvaluationSettingsView } from '../../../domain/evaluation/evaluation-api.js';
import type { OverallRule } from '../../../domain/evaluation/grading.js';
import { isStaleSave, useEvaluationSettings, useResetEvaluationSettings, useSaveEvaluationSettings } from './evaluation-lists.queries.js';
import './evaluation-lists.css';

const title = '評価の設定';

/* Labels of the overall rule (grading.ts overallRuleSchema; kept here so the page does not load the schemas). */
const weightingLabels: Record<OverallRule['weighting'], string> = {
  weight: '目標のウエイトで加重平均する',
  equal: 'すべての目標を同じ重みで平均する(ウエイトは使わない)',
};
const tieBreakLabels: Record<OverallRule['tieBreak'], string> = {
  'toward-standard': '標準の評語に近い方',
  upward: '上位の評語',
  downward: '下位の評語',
};

export function EvaluationSettingsPage() {
  const session = useSession();
  const canManage = session.roles.includes('hr_admin');
  if (!canManage && !session.isHr) return <Forbidden title={title} />;
  return <SettingsView canManage={canManage} />;
}

function SettingsView({ canManage }: { canManage: boolean }) {
  const settings = useEvaluationSettings();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        評語(評価の段階)と総合評価の決め方です。評価期間は開始したときの設定を使い続けるため、変更はこれから開始する評価期間に適用されます。
        {canManage ? null : '閲覧のみです。変更は人事管理者が行います。'}
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      <ErrorAlert error={settings.error} title="評価の設定を読み込めませんでした。" />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? (
        <SettingsForm
          key={settings.data.updatedAt ?? 'default'}
          view={settings.data}
          canManage={canManage}
          onMessage={setMessage}
          onReload={() => void settings.refetch()}
        />
      ) : null}
    </>
  );
}

/* ---------- validation messages from the server: the words for a field path ---------- */

const levelFieldLabels: Record<string, string> = { code: '記号', label: '説明', points: '点数' };

/** 'scale.levels.2.code' → 3段目の記号; 'scale.standardCode' → 標準とする評語. */
function labelOfPath(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'scale' && parts[1] === 'levels') {
    const index = Number(parts[2]);
    if (parts[2] === undefined || !Number.isInteger(index)) return '評語';
    return `${index + 1}段目の${levelFieldLabels[parts[3] ?? ''] ?? '評語'}`;
  }
  if (parts[0] === 'scale' && parts[1] === 'standardCode') return '標準とする評語';
  if (parts[0] === 'overallRule') return '総合評価の決め方';
  if (parts[0] === 'includeFiscalYearStaff') return '会計年度任用職員';
  return path || '入力内容';
}

/* ---------- the form ---------- */

type LevelDraft = { key: number; code: string; label: string; points: string };
type Draft = { levels: LevelDraft[]; standardKey: number | null; overallRule: OverallRule; includeFiscalYearStaff: boolean };

let nextKey = 1;

function draftOf(settings: EvaluationSettings): Draft {
  const levels = settings.scale.levels.map((level) => ({
    key: nextKey++,
    code: level.code,
    label: level.label,
    points: level.points === null ? '' : String(level.points),
  }));
  const standard = levels.find((level) => level.code === settings.scale.standardCode);
  return { levels, standardKey: standard?.key ?? null, overallRule: { ...settings.overallRule }, includeFiscalYearStaff: settings.includeFiscalYearStaff };
}

/** An empty points field is null (no points); anything else goes as a number, and the server names a bad one. */
function settingsOf(draft: Draft): EvaluationSettings {
  const standard = draft.levels.find((level) => level.key === draft.standardKey);
  return {
    scale: {
      levels: draft.levels.map((level) => ({
        code: level.code.trim(),
        label: level.label.trim(),
        points: level.points.trim() === '' ? null : Number(level.points),
      })),
      standardCode: standard?.code.trim() ?? '',
    },
    overallRule: draft.overallRule,
    includeFiscalYearStaff: draft.includeFiscalYearStaff,
  };
}

function SettingsForm({
  view,
  canManage,
  onMessage,
  onReload,
}: {
  view: EvaluationSettingsView;
  canManage: boolean;
  onMessage: (m: string) => void;
  onReload: () => void;
}) {
  const id = useId();
  const save = useSaveEvaluationSettings();
  const resetSettings = useResetEvaluationSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.settings));
  const failure = save.error ?? resetSettings.error;
  const isConflict = isStaleSave(failure);
  const errors = fieldErrorsOf(save.error);
  const busy = save.isPending || resetSettings.isPending;
  const readOnly = !canManage;

  const setLevel = (key: number, change: Partial<LevelDraft>) =>
    setDraft({ ...draft, levels: draft.levels.map((level) => (level.key === key ? { ...level, ...change } : level)) });
  const move = (index: number, by: -1 | 1) => {
    const levels = [...draft.levels];
    const [level] = levels.splice(index, 1);
    if (!level) return;
    levels.splice(index + by, 0, level);
    setDraft({ ...draft, levels });
  };
  const removeLevel = (key: number) =>
    setDraft({ ...draft, levels: draft.levels.filter((level) => level.key !== key), standardKey: draft.standardKey === key ? null : draft.standardKey });
  const addLevel = () => setDraft({ ...draft, levels: [...draft.levels, { key: nextKey++, code: '', label: '', points: '' }] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage('');
    resetSettings.reset();
    save.mutate({ ...settingsOf(draft), updatedAt: view.updatedAt }, { onSuccess: () => onMessage('評価の設定を保存しました。') });
  };
  const reset = () => {
    if (!window.confirm('評価の設定を初期値(S・A・B・C・D、Bが標準)に戻しますか？')) return;
    onMessage('');
    save.reset();
    resetSettings.mutate(view.updatedAt, { onSuccess: () => onMessage('評価の設定を初期値に戻しました。') });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="panel">
      <div className="panel__head">
        <h2 id={`${id}-title`}>評語と総合評価</h2>
        <span className="tag">{view.isDefault ? '初期値' : '変更済み'}</span>
      </div>

      <FieldErrorSummary errors={errors} labelOf={labelOfPath} />

      <h3>評語</h3>
      <p className="hint">
        上位の評語から並べます。点数は総合評価の計算に使います(すべて空欄のときは、最下位を1点として順に1点ずつ上がります)。標準の評語は中間のときの扱いの基準です。
      </p>
      <div className="table-wrap" {...scrollRegion('評語の表')}>
        <table className="evaluation-scale">
          <caption>評語(上位から)</caption>
          <thead>
            <tr>
              <th scope="col">順位</th>
              <th scope="col">記号</th>
              <th scope="col">説明</th>
              <th scope="col">点数</th>
              <th scope="col">標準</th>
              {readOnly ? null : <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {draft.levels.map((level, index) => {
              const rank = `${index + 1}段目`;
              const hasError = (field: string) => errors.some((e) => e.path === `scale.levels.${index}.${field}`) || undefined;
              return (
                <tr key={level.key}>
                  <th scope="row">{index + 1}</th>
                  {readOnly ? (
                    <>
                      <td>{level.code}</td>
                      <td>{level.label}</td>
                      <td>{level.points === '' ? '—' : level.points}</td>
                      <td className="evaluation-scale__standard">{draft.standardKey === level.key ? '標準' : ''}</td>
                    </>
                  ) : (
                    <>
                      <td className="evaluation-scale__code">
                        <input
                          type="text"
                          aria-label={`${rank}の記号`}
                          maxLength={10}
                          value={level.code}
                          aria-invalid={hasError('code')}
                          onChange={(e) => setLevel(level.key, { code: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="text"
                          aria-label={`${rank}の説明`}
                          maxLength={50}
                          value={level.label}
                          aria-invalid={hasError('label')}
                          onChange={(e) => setLevel(level.key, { label: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          step="any"
                          aria-label={`${rank}の点数`}
                          value={level.points}
                          aria-invalid={hasError('points')}
                          onChange={(e) => setLevel(level.key, { points: e.target.value })}
                        />
                      </td>
                      <td className="evaluation-scale__standard">
                        <input
                          type="radio"
                          name={`${id}-standard`}
                          aria-label={`${rank}(${level.code || '記号なし'})を標準にする`}
                          checked={draft.standardKey === level.key}
                          onChange={() => setDraft({ ...draft, standardKey: level.key })}
                        />
                      </td>
                      <td>
                        <div className="evaluation-actions">
                          <button type="button" className="button--secondary button--small" disabled={index === 0} onClick={() => move(index, -1)}>
                            上へ<span className="visually-hidden">({rank})</span>
                          </button>
                          <button
                            type="button"
                            className="button--secondary button--small"
                            disabled={index === draft.levels.length - 1}
                            onClick={() => move(index, 1)}
                          >
                            下へ<span className="visually-hidden">({rank})</span>
                          </button>
                          <button type="button" className="button--danger button--small" disabled={draft.levels.length <= 2} onClick={() => removeLevel(level.key)}>
                            削除<span className="visually-hidden">({rank})</span>
                          </button>
                        </div>
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {readOnly ? null : (
        <button type="button" className="button--secondary" onClick={addLevel} disabled={draft.levels.length >= 101}>
          評語を追加
        </button>
      )}

      <h3>総合評価の決め方</h3>
      <p className="hint">
        業績評価の総合評価の案は、目標ごとの評語を点数にして平均し、最も近い評語とします。評価者の総合評価と確認者の調整は、この案を参考に人が決めます。
      </p>
      <fieldset className="radio-group" disabled={readOnly}>
        <legend>目標の重み</legend>
        {(Object.keys(weightingLabels) as OverallRule['weighting'][]).map((weighting) => (
          <label key={weighting} className="radio">
            <input
              type="radio"
              name={`${id}-weighting`}
              value={weighting}
              checked={draft.overallRule.weighting === weighting}
              onChange={() => setDraft({ ...draft, overallRule: { ...draft.overallRule, weighting } })}
            />
            {weightingLabels[weighting]}
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group" disabled={readOnly}>
        <legend>平均がちょうど2つの評語の中間のとき</legend>
        {(Object.keys(tieBreakLabels) as OverallRule['tieBreak'][]).map((tieBreak) => (
          <label key={tieBreak} className="radio">
            <input
              type="radio"
              name={`${id}-tie`}
              value={tieBreak}
              checked={draft.overallRule.tieBreak === tieBreak}
              onChange={() => setDraft({ ...draft, overallRule: { ...draft.overallRule, tieBreak } })}
            />
            {tieBreakLabels[tieBreak]}
          </label>
        ))}
      </fieldset>

      <h3>評価の対象</h3>
      <label className="checkbox checkbox--confirm">
        <input
          type="checkbox"
          disabled={readOnly}
          checked={draft.includeFiscalYearStaff}
          onChange={(e) => setDraft({ ...draft, includeFiscalYearStaff: e.target.checked })}
        />
        会計年度任用職員も評価する(評価期間を開始するときの初期値)
      </label>

      {isConflict ? (
        <ConflictAlert
          subject="評価の設定"
          onReload={() => {
            save.reset();
            resetSettings.reset();
            onReload();
          }}
        />
      ) : errors.length === 0 ? (
        <ErrorAlert error={failure} title={resetSettings.error ? '初期値に戻せませんでした。' : '保存できませんでした。'} />
      ) : null}

      {canManage ? (
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy || isConflict}>
            {save.isPending ? '保存中…' : '保存'}
          </button>
          {view.isDefault ? null : (
            <button type="button" className="button--danger" disabled={busy || isConflict} onClick={reset}>
              初期値に戻す
            </button>
          )}
        </div>
      ) : null}
    </form>
  );
}
