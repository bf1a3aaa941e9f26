/**
 * 自分の自己申告書 /workplace/self-declaration/:id: the campaign's form, field by field. While it is a draft every
 * change is saved automatically (debounced); 「提出する」 submits, and until the campaign closes the person can
 * change it and submit again. A stale save (another tab) gets the conflict notice with a reload. Past years and
 * closed campaigns are shown read-only.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api-client.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { useDates } from '../../app/dates.js';
import type { DeclarationView, SaveDeclarationResult } from '../../../domain/workplace/self-declaration-api.js';
import { maxWishedUnits, type AnswerValue, type Answers, type FormField, type TransferWishAnswer } from '../../../domain/workplace/self-declaration-form.js';
import { selfDeclarationKeys, useMyDeclaration, useSaveDraft, useSubmitDeclaration, useUnitsOn } from './self-declaration.queries.js';
import { DeclarationAnswers, statusLabels } from './self-declaration-answers.js';
import './self-declaration.css';

const title = '自己申告書';
const saveDelayMs = 1000;

export function SelfDeclarationFormPage() {
  const id = Number(useParams().id);
  const mine = useMyDeclaration(id);
  if (mine.isPending) return <><PageHeading title={title} /><Loading /></>;
  if (mine.error) return <><PageHeading title={title} /><ErrorAlert error={mine.error} title="自己申告書を読み込めませんでした。" /></>;
  if (!mine.data.isEditable) {
    return (
      <>
        <PageHeading title={`${title}(${mine.data.campaign.title})`} />
        <p>
          状況: {statusLabels[mine.data.status]}。受付期間外のため、閲覧のみです。 <Link to="/workplace/self-declaration">自己申告の一覧へ</Link>
        </p>
        <DeclarationAnswers view={mine.data} />
      </>
    );
  }
  return <DeclarationForm key={mine.dataUpdatedAt} view={mine.data} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; error: unknown };

const emptyWish: TransferWishAnswer = { wish: null, units: [] };

/** What is sent: wished-unit rows not yet given a unit stay on the screen only. */
function toPayload(fields: readonly FormField[], answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const f of fields) {
    const v = out[f.key];
    if (f.kind === 'transfer-wish' && v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)) out[f.key] = { ...v, units: v.units.filter((u) => u.unitId > 0) };
  }
  return out;
}

function DeclarationForm({ view }: { view: DeclarationView }) {
  const campaignId = view.campaign.id;
  const dates = useDates();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(view.answers);
  const [version, setVersion] = useState<number | null>(view.version);
  const [status, setStatus] = useState(view.status);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState(false);
  const [submitted, setSubmitted] = useState<SaveDeclarationResult | null>(null);
  const latest = useRef({ answers, version });
  latest.current = { answers, version };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const saveDraft = useSaveDraft(campaignId);
  const submit = useSubmitDeclaration(campaignId);
  const units = useUnitsOn(view.campaign.wishEffectiveDate);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current || status === 'submitted') return;
    dirty.current = false;
    setSaveState({ kind: 'saving' });
    try {
      const saved = await saveDraft.mutateAsync({ answers: toPayload(view.fields, latest.current.answers), version: latest.current.version });
      setVersion(saved.version);
      latest.current.version = saved.version;
      setStatus(saved.status);
      setSaveState({ kind: 'saved', at: saved.updatedAt ?? '' });
    } catch (error) {
      dirty.current = true;
      if (isConflict(error)) setConflict(true);
      setSaveState({ kind: 'error', error });
    }
  };

  const change = (key: string, value: AnswerValue) => {
    setAnswers((prev) => ({ ...prev, [key]: value }));
    dirty.current = true;
    setSubmitted(null);
    if (status === 'submitted') return; // changes of a submitted declaration are kept until submitted again
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), saveDelayMs);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    try {
      const result = await submit.mutateAsync({ answers: toPayload(view.fields, latest.current.answers), version: latest.current.version });
      dirty.current = false;
      setVersion(result.version);
      setStatus(result.status);
      setSubmitted(result);
      setSaveState({ kind: 'idle' });
    } catch (error) {
      if (isConflict(error)) setConflict(true);
    }
  };

  const reload = () => {
    void client.refetchQueries({ queryKey: selfDeclarationKeys.mine(campaignId) });
  };

  const errors = fieldErrorsOf(submit.error);
  const labelOf = (path: string) => view.fields.find((f) => path === `answers.${f.key}` || path.startsWith(`answers.${f.key}.`))?.label ?? '';
  const unitOptions = (units.data?.units ?? []).filter((u) => u.kind !== 'department');

  return (
    <>
      <PageHeading title={`${title}(${view.campaign.title})`} />
      <p className="hint">
        締切は{dates.date(view.campaign.closesOn)}です。{status === 'submitted' ? '提出済みです。締切までは内容を変えて提出し直せます。' : '入力は自動で一時保存されます。書き終えたら「提出する」を押してください。'}
        異動の希望は{dates.date(view.campaign.wishEffectiveDate)}の組織から選びます。
      </p>
      <p>状況: {statusLabels[status]}</p>
      <StatusMessage>
        {saveState.kind === 'saving'
          ? '一時保存しています…'
          : saveState.kind === 'saved'
            ? '一時保存しました。'
            : submitted
              ? `提出しました。${submitted.wishes?.outcome === 'written' ? `異動の希望(${submitted.wishes.count}件)を人事担当に伝えました。` : submitted.wishes?.outcome === 'kept-hr-entered' ? '異動の希望は人事担当が聞き取った内容が優先されます。' : ''}`
              : ''}
      </StatusMessage>
      {conflict ? <ConflictAlert subject="自己申告書" onReload={reload} /> : null}
      {saveState.kind === 'error' && !conflict ? <ErrorAlert error={saveState.error} title="一時保存できませんでした。" /> : null}
      <form className="sd-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {view.fields.map((f) => (
          <FieldInput key={f.key} field={f} value={answers[f.key] ?? null} onChange={(v) => change(f.key, v)} unitOptions={unitOptions} />
        ))}
        <FieldErrorSummary errors={errors} labelOf={labelOf} title="提出できませんでした。次の項目を確認してください。" />
        {submit.error && errors.length === 0 && !conflict ? <ErrorAlert error={submit.error} title="提出できませんでした。" /> : null}
        <div className="sd-actions">
          <button type="submit" className="button--primary" disabled={submit.isPending}>
            {status === 'submitted' ? '変更を提出し直す' : '提出する'}
          </button>
          <Link to="/workplace/self-declaration">一覧へ戻る</Link>
        </div>
      </form>
    </>
  );
}

type UnitOption = { id: number; path: string };

function FieldInput({ field, value, onChange, unitOptions }: { field: FormField; value: AnswerValue; onChange: (v: AnswerValue) => void; unitOptions: UnitOption[] }) {
  const id = `sd-${field.key}`;
  const required = field.isRequired ? <span className="hint">(必須)</span> : null;
  const help = field.help ? <p className="hint" id={`${id}-help`}>{field.help}</p> : null;
  const describedBy = field.help ? `${id}-help` : undefined;
  switch (field.kind) {
    case 'scale':
    case 'choice':
      return (
        <fieldset aria-describedby={describedBy}>
          <legend>
            {field.label} {required}
          </legend>
          {help}
          <div className="sd-options">
            {field.options.map((o, i) => {
              const v = field.kind === 'scale' ? i + 1 : o.value;
              return (
                <span key={o.value} className="sd-option">
                  <input type="radio" id={`${id}-${o.value}`} name={id} checked={value === v} onChange={() => onChange(v)} />
                  <label htmlFor={`${id}-${o.value}`}>{field.kind === 'scale' ? `${i + 1} ${o.label}` : o.label}</label>
                </span>
              );
            })}
          </div>
        </fieldset>
      );
    case 'multi-choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-describedby={describedBy}>
          <legend>
            {field.label} {required}
          </legend>
          {help}
          <div className="sd-options">
            {field.options.map((o) => (
              <span key={o.value} className="sd-option">
                <input
                  type="checkbox"
                  id={`${id}-${o.value}`}
                  checked={chosen.includes(o.value)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
                />
                <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
              </span>
            ))}
          </div>
        </fieldset>
      );
    }
    case 'text':
      return (
        <div className="sd-field">
          <label htmlFor={id}>
            {field.label} {required}
          </label>
          {help}
          <textarea id={id} aria-describedby={describedBy} maxLength={field.maxLength} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
    case 'transfer-wish': {
      const wish = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : emptyWish;
      const rows = wish.units.length > 0 ? wish.units : [{ unitId: 0, reason: '' }];
      const setUnits = (units: TransferWishAnswer['units']) => onChange({ ...wish, units });
      return (
        <fieldset aria-describedby={describedBy}>
          <legend>
            {field.label} {required}
          </legend>
          {help}
          <div className="sd-options">
            {(['yes', 'no'] as const).map((w) => (
              <span key={w} className="sd-option">
                <input type="radio" id={`${id}-${w}`} name={id} checked={wish.wish === w} onChange={() => onChange({ ...wish, wish: w })} />
                <label htmlFor={`${id}-${w}`}>{w === 'yes' ? '異動を希望する' : '異動を希望しない'}</label>
              </span>
            ))}
          </div>
          {wish.wish === 'yes' ? (
            <>
              {rows.map((u, i) => (
                <div key={i} className="sd-wish-row">
                  <div className="sd-field">
                    <label htmlFor={`${id}-unit-${i}`}>第{i + 1}希望の所属</label>
                    <select
                      id={`${id}-unit-${i}`}
                      value={u.unitId || ''}
                      onChange={(e) => setUnits(rows.map((r, j) => (j === i ? { ...r, unitId: Number(e.target.value) || 0 } : r)))}
                    >
                      <option value="">選んでください</option>
                      {unitOptions.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.path}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="sd-field">
                    <label htmlFor={`${id}-reason-${i}`}>第{i + 1}希望の理由</label>
                    <input
                      id={`${id}-reason-${i}`}
                      type="text"
                      maxLength={500}
                      value={u.reason}
                      onChange={(e) => setUnits(rows.map((r, j) => (j === i ? { ...r, reason: e.target.value } : r)))}
                    />
                  </div>
                </div>
              ))}
              {rows.length < maxWishedUnits ? (
                <button type="button" className="button--secondary" onClick={() => onChange({ ...wish, units: [...rows, { unitId: 0, reason: '' }] })}>
                  希望の所属を追加
                </button>
              ) : null}
            </>
          ) : null}
        </fieldset>
      );
    }
  }
}
