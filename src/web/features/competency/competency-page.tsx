/**
 * 求める能力 /competency: the competency framework of a 年度 (policy II-4-(1)(2)) — the position × ability-item
 * table laid out like the policy's (items grouped under 自立 / 自立・協調 / 協調), the required ability per position
 * level, and whether digital skills are rated (IV-2-(7)). Everyone signed in reads it; hr_admin edits the current
 * or a future 年度 (past years are locked so that their sheets never change). Server validation messages appear
 * next to the form; a save over someone else's is refused (409) and offers to reload.
 */
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { FieldErrorSummary, fieldErrorsOf, messagesAt, type FieldError } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { positionLevelLabels, positionLevels, type PositionLevel } from '../../../domain/org/org-model.js';
import { formatFiscalYear, type DateStyle } from '../../../domain/common/wareki.js';
import type { AbilityCategory, AbilityItem } from '../../../domain/competency/ability-items.js';
import type { FrameworkView } from '../../../domain/competency/competency-api.js';
import { useFrameworkList, useSaveFramework, useWithdrawFramework } from './competency.queries.js';
import './competency.css';

const title = '求める能力';

/** 自立 / 自立・協調 / 協調 (ability-items.ts abilityCategoryLabels; kept here so the page does not load the schemas). */
const categoryLabels: Record<AbilityCategory, string> = {
  independence: '自立',
  'independence-cooperation': '自立・協調',
  cooperation: '協調',
};


export function CompetencyPage() {
  const session = useSession();
  const canManage = session.roles.includes('hr_admin');
  // The year is in the address (?fy=2026), so that a reload or a shared link shows the same 年度.
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('fy'));
  const fiscalYear = Number.isInteger(requested) && requested >= 2000 && requested <= 9998 ? requested : null;
  const [message, setMessage] = useState('');
  const list = useFrameworkList(fiscalYear);
  const current = list.data?.currentFiscalYear;
  const shown = fiscalYear ?? current;

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        人材育成・確保基本方針 II-4 の「職位ごとに求める能力」と「職位ごとの能力評価項目」です。年度ごとに定め、定めていない年度は前の年度の内容(なければ方針の初期値)を引き継ぎます。
        過去の年度は、その年度の評価シートが変わらないよう変更できません。
        {canManage ? null : '変更は人事管理者が行います。'}
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      {current !== undefined && shown !== undefined ? (
        <FiscalYearSelect
          current={current}
          shown={shown}
          dateStyle={session.dateStyle}
          className="competency-year"
          onChange={(fy) => {
            setMessage('');
            setParams({ fy });
          }}
        />
      ) : null}
      <ErrorAlert error={list.error} title="評価項目を読み込めませんでした。" />
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        <FrameworkPanel
          key={`${list.data.effective.fiscalYear}-${list.data.effective.source}-${list.data.effective.updatedAt ?? ''}`}
          view={list.data.effective}
          canManage={canManage}
          dateStyle={session.dateStyle}
          onMessage={setMessage}
          onReload={() => void list.refetch()}
        />
      ) : null}
    </>
  );
}

/* ---------- validation messages from the server: the words for a field path ---------- */

const isPositionLevel = (value: string | undefined): value is PositionLevel => (positionLevels as readonly string[]).includes(value ?? '');

/** 'matrix.chief' → 能力評価項目(主幹); 'requiredAbilities.staff' → 求める能力(係員). */
function labelOfPath(path: string): string {
  const [head, level] = path.split('.');
  const levelLabel = isPositionLevel(level) ? `(${positionLevelLabels[level]})` : '';
  if (head === 'matrix') return `能力評価項目${levelLabel}`;
  if (head === 'requiredAbilities') return `求める能力${levelLabel}`;
  if (head === 'digitalSkills') return 'デジタルスキル';
  return path || '入力内容';
}

/* ---------- one 年度's framework ---------- */

type Draft = { matrix: Record<PositionLevel, string[]>; requiredAbilities: Record<PositionLevel, string>; isDigitalEnabled: boolean };

const draftOf = (view: FrameworkView): Draft => ({
  matrix: { ...view.framework.matrix },
  requiredAbilities: { ...view.framework.requiredAbilities },
  isDigitalEnabled: view.framework.digitalSkills.isEnabled,
});

function sourceText(view: FrameworkView, style: DateStyle): string {
  if (view.source === 'stored') return '保存済み';
  if (view.source === 'inherited' && view.inheritedFromFiscalYear !== null) return `${formatFiscalYear(view.inheritedFromFiscalYear, style)}から引継ぎ`;
  return '方針の初期値';
}

function FrameworkPanel({
  view,
  canManage,
  dateStyle,
  onMessage,
  onReload,
}: {
  view: FrameworkView;
  canManage: boolean;
  dateStyle: DateStyle;
  onMessage: (m: string) => void;
  onReload: () => void;
}) {
  const id = useId();
  const save = useSaveFramework();
  const withdraw = useWithdrawFramework();
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const yearLabel = formatFiscalYear(view.fiscalYear, dateStyle);
  const failure = save.error ?? withdraw.error;
  const isConflict = failure instanceof ApiError && failure.status === 409;
  const errors = fieldErrorsOf(save.error);
  const canEdit = canManage && view.isEditable;
  const canWithdraw = canManage && view.source === 'stored' && view.fiscalYear > view.currentFiscalYear;
  const shown: Draft = isEditing ? draft : draftOf(view);
  const policyItems = view.framework.items.filter((item) => item.group === 'policy');
  const digitalItems = view.framework.items.filter((item) => view.framework.digitalSkills.itemIds.includes(item.id));
  const busy = save.isPending || withdraw.isPending;

  const startEditing = () => {
    onMessage('');
    save.reset();
    withdraw.reset();
    setDraft(draftOf(view));
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage('');
    withdraw.reset();
    save.mutate(
      {
        fiscalYear: view.fiscalYear,
        updatedAt: view.updatedAt,
        matrix: draft.matrix,
        requiredAbilities: draft.requiredAbilities,
        digitalSkills: { isEnabled: draft.isDigitalEnabled },
      },
      { onSuccess: () => onMessage(`${yearLabel}の評価項目を保存しました。`) },
    );
  };
  const withdrawStored = () => {
    if (!window.confirm(`${yearLabel}に保存した評価項目を取り消しますか？この年度は前の年度の内容(なければ方針の初期値)を引き継ぎます。`)) return;
    onMessage('');
    save.reset();
    withdraw.mutate({ fiscalYear: view.fiscalYear, updatedAt: view.updatedAt }, { onSuccess: () => onMessage(`${yearLabel}の評価項目を取り消しました。`) });
  };
  const toggle = (level: PositionLevel, itemId: string, isChecked: boolean) => {
    const ids = draft.matrix[level];
    setDraft({ ...draft, matrix: { ...draft.matrix, [level]: isChecked ? [...ids, itemId] : ids.filter((i) => i !== itemId) } });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="panel">
      <div className="panel__head">
        <h2 id={`${id}-title`}>{yearLabel}の評価項目</h2>
        {canEdit && !isEditing ? (
          <button type="button" className="button--secondary" onClick={startEditing}>
            この年度の評価項目を編集
          </button>
        ) : null}
      </div>
      <p className="competency-source">
        <span className="competency-source__label">内容の出どころ:</span> <span className="tag">{sourceText(view, dateStyle)}</span>
      </p>
      {view.isEditable ? null : <p className="hint">過去の年度のため変更できません。</p>}

      <FieldErrorSummary errors={errors} labelOf={labelOfPath} />

      <h3 id={`${id}-matrix`}>職位ごとの能力評価項目</h3>
      {isEditing ? <p className="hint">各職位で評価する項目にチェックを入れます。どの職位にも1つ以上の項目が必要です。</p> : null}
      <MatrixTable
        items={policyItems}
        matrix={shown.matrix}
        caption={`職位ごとの能力評価項目(${yearLabel})`}
        isEditing={isEditing}
        errors={errors}
        onToggle={toggle}
      />

      <h3>職位ごとに求める能力</h3>
      {isEditing ? (
        positionLevels.map((level) => {
          const messages = messagesAt(errors, `requiredAbilities.${level}`, true);
          return (
            <div key={level} className="field">
              <label htmlFor={`${id}-text-${level}`}>{positionLevelLabels[level]}に求める能力</label>
              <textarea
                id={`${id}-text-${level}`}
                rows={4}
                className="competency-text"
                value={draft.requiredAbilities[level]}
                onChange={(e) => setDraft({ ...draft, requiredAbilities: { ...draft.requiredAbilities, [level]: e.target.value } })}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={messages.length > 0 ? `${id}-text-${level}-error` : undefined}
              />
              {messages.length > 0 ? (
                <ul id={`${id}-text-${level}-error`} className="competency-error">
                  {messages.map((m, i) => (
                    <li key={`${i}-${m}`}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })
      ) : (
        <dl className="competency-abilities">
          {positionLevels.map((level) => (
            <div key={level} className="competency-abilities__row">
              <dt>{positionLevelLabels[level]}</dt>
              <dd>{view.framework.requiredAbilities[level]}</dd>
            </div>
          ))}
        </dl>
      )}

      <h3>デジタルスキル</h3>
      <p className="hint">人材育成・確保基本方針 IV-2-(7): デジタルスキルを能力評価の中で評価します。評価する場合、次の項目がすべての職位の評価項目に加わります。</p>
      {isEditing ? (
        <label className="checkbox">
          <input type="checkbox" checked={draft.isDigitalEnabled} onChange={(e) => setDraft({ ...draft, isDigitalEnabled: e.target.checked })} />
          デジタルスキルを能力評価の項目に加える(全職位)
        </label>
      ) : (
        <p>
          <span className="tag">{view.framework.digitalSkills.isEnabled ? '評価する' : '評価しない'}</span>
        </p>
      )}
      <ul className="competency-digital">
        {digitalItems.map((item) => (
          <li key={item.id}>
            <span className="competency-digital__label">{item.label}</span>
            {item.description ? <span className="competency-digital__description">{item.description}</span> : null}
          </li>
        ))}
      </ul>

      {isConflict ? (
        <ConflictAlert
          onReload={() => {
            save.reset();
            withdraw.reset();
            setEditing(false);
            onReload();
          }}
        />
      ) : errors.length === 0 ? (
        <ErrorAlert error={failure} title={withdraw.error ? '取り消せませんでした。' : '保存できませんでした。'} />
      ) : null}

      {isEditing ? (
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy || isConflict}>
            {save.isPending ? '保存中…' : '保存'}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => {
              save.reset();
              setEditing(false);
            }}
          >
            編集をやめる
          </button>
        </div>
      ) : canWithdraw ? (
        <div className="form-actions">
          <button type="button" className="button--danger" disabled={busy || isConflict} onClick={withdrawStored}>
            保存した内容を取り消す
          </button>
        </div>
      ) : null}
    </form>
  );
}

/* ---------- the position × item table ---------- */

/** Consecutive items of one category: one header cell spanning them, as in the policy's table. */
function categoryGroups(items: readonly AbilityItem[]): { category: AbilityCategory; items: AbilityItem[] }[] {
  const groups: { category: AbilityCategory; items: AbilityItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.category === item.category) last.items.push(item);
    else groups.push({ category: item.category, items: [item] });
  }
  return groups;
}

function MatrixTable({
  items,
  matrix,
  caption,
  isEditing,
  errors,
  onToggle,
}: {
  items: readonly AbilityItem[];
  matrix: Record<PositionLevel, string[]>;
  caption: string;
  isEditing: boolean;
  errors: readonly FieldError[];
  onToggle: (level: PositionLevel, itemId: string, isChecked: boolean) => void;
}) {
  const groups = categoryGroups(items);
  return (
    <div className="table-wrap" {...scrollRegion('職位ごとの能力評価項目の表')}>
      <table className="competency-matrix">
        <caption>{caption}</caption>
        <colgroup span={1} />
        {groups.map((g, i) => (
          <colgroup key={`${g.category}-${i}`} span={g.items.length} className="competency-matrix__group" />
        ))}
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className="competency-matrix__corner">
              職位
            </th>
            {groups.map((g, i) => (
              <th key={`${g.category}-${i}`} colSpan={g.items.length} scope="colgroup" className="competency-matrix__category">
                {categoryLabels[g.category]}
              </th>
            ))}
          </tr>
          <tr>
            {items.map((item) => (
              <th key={item.id} scope="col" className="competency-matrix__item">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {positionLevels.map((level) => {
            const ids = new Set(matrix[level]);
            const hasError = messagesAt(errors, `matrix.${level}`, true).length > 0;
            return (
              <tr key={level} className={hasError ? 'competency-matrix__row--invalid' : undefined}>
                <th scope="row">{positionLevelLabels[level]}</th>
                {items.map((item) => (
                  <td key={item.id} className="competency-matrix__cell">
                    {isEditing ? (
                      <input
                        type="checkbox"
                        aria-label={`${positionLevelLabels[level]} — ${item.label}`}
                        checked={ids.has(item.id)}
                        onChange={(e) => onToggle(level, item.id, e.target.checked)}
                      />
                    ) : ids.has(item.id) ? (
                      <>
                        <span aria-hidden="true">●</span>
                        <span className="visually-hidden">評価項目</span>
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
