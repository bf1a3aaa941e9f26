/**
 * 異動希望・専門分野 /placement/wishes (issue 5, policy III-2-(1)): HR records what a person said they wish — up to three
 * ranked units and a reason for the 年度 a transfer would take effect in — until the self-declaration (issue 6) exists,
 * and the person's expertise fields (R5 adds the fields of units served 3 years or more). Below, everyone with wishes
 * for the 年度. HR only.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates, todayInJapan } from '../../app/dates.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import type { ExpertiseView, PersonWishesView } from '../../../domain/placement/rules-api.js';
import { useExpertise, usePersonWishes, useSaveExpertise, useSaveWishes, useWishList } from './placement-rules.queries.js';
import './placement-rules.css';

const title = '異動希望・専門分野';
const ranks = [1, 2, 3] as const;

/** The 年度 a transfer plan would take effect in by default: the one starting on the next April 1. */
function nextFiscalYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 4 ? year + 1 : year;
}

export function WishesPage() {
  const session = useSession();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const current = nextFiscalYear(todayInJapan());
  const requested = Number(params.get('fy'));
  const fiscalYear = Number.isInteger(requested) && requested >= 2000 && requested <= 9998 ? requested : current;
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [message, setMessage] = useState('');
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const list = useWishList(fiscalYear, page);

  return (
    <>
      <PageHeading title={title}>
        <Link to="/placement/rules">配置ルールの確認へ</Link>
      </PageHeading>
      <p className="hint">
        ジョブローテーション期間の終わりの職員からは、なるべく全員から異動希望の部署を聞き取ります(方針 III-2-(1))。自己申告書の機能ができるまでは、人事担当が聞き取った内容をここで登録します。
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      <FiscalYearSelect
        current={current - 1}
        shown={fiscalYear}
        dateStyle={session.dateStyle}
        className="placement-year"
        onChange={(fy) => {
          setMessage('');
          setParams({ fy });
        }}
      />
      <StaffPicker
        label="職員"
        value={person}
        onChange={(p) => {
          setMessage('');
          setPerson(p);
        }}
      />
      {person ? (
        <div className="placement-sections">
          <WishesSection key={`w-${person.id}-${fiscalYear}`} staffId={person.id} fiscalYear={fiscalYear} onMessage={setMessage} />
          <ExpertiseSection key={`e-${person.id}`} staffId={person.id} onMessage={setMessage} />
        </div>
      ) : null}
      <section aria-labelledby="wish-list-heading">
        <h2 id="wish-list-heading">{dates.fiscalYear(fiscalYear)}の異動希望の一覧</h2>
        <ErrorAlert error={list.error} />
        {list.data ? (
          <>
            <ResultCount total={list.data.total} isFetching={list.isFetching} />
            <div className="table-wrap" {...scrollRegion('異動希望の一覧')}>
              <table>
                <caption>{dates.fiscalYear(fiscalYear)}の異動希望(人事担当の登録分・自己申告)</caption>
                <thead>
                  <tr>
                    <th scope="col">職員</th>
                    <th scope="col">第1希望</th>
                    <th scope="col">第2希望</th>
                    <th scope="col">第3希望</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={item.staff.staffId}>
                      <th scope="row">
                        {item.staff.name}
                        <span className="cell-sub">
                          職員番号 {item.staff.employeeNumber}
                          {item.staff.unitName ? `・${item.staff.unitName}` : ''}
                        </span>
                      </th>
                      {ranks.map((rank) => {
                        const w = item.wishes.find((x) => x.rank === rank);
                        return (
                          <td key={rank}>
                            {w ? w.unitName : '—'}
                            {w?.reason ? <span className="cell-sub">{w.reason}</span> : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={(p) => setParams({ fy: String(fiscalYear), page: String(p) })}
              label="異動希望の一覧のページ"
            />
          </>
        ) : null}
      </section>
    </>
  );
}

type WishDraft = Record<(typeof ranks)[number], { unitId: string; reason: string }>;
const wishDraftOf = (view: PersonWishesView): WishDraft => {
  const draft = { 1: { unitId: '', reason: '' }, 2: { unitId: '', reason: '' }, 3: { unitId: '', reason: '' } } as WishDraft;
  for (const w of view.wishes) if (w.rank === 1 || w.rank === 2 || w.rank === 3) draft[w.rank] = { unitId: String(w.unitId), reason: w.reason };
  return draft;
};

function WishesSection({ staffId, fiscalYear, onMessage }: { staffId: number; fiscalYear: number; onMessage: (m: string) => void }) {
  const wishes = usePersonWishes(staffId, fiscalYear);
  return (
    <section aria-labelledby={`wishes-${staffId}`}>
      <h2 id={`wishes-${staffId}`}>異動希望</h2>
      <ErrorAlert error={wishes.error} />
      {wishes.isPending ? <Loading /> : null}
      {wishes.data ? <WishesForm key={wishes.data.wishes.map((w) => `${w.rank}:${w.unitId}`).join(',')} view={wishes.data} onMessage={onMessage} /> : null}
    </section>
  );
}

function WishesForm({ view, onMessage }: { view: PersonWishesView; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const save = useSaveWishes(view.staff.staffId, view.fiscalYear);
  const [draft, setDraft] = useState<WishDraft>(() => wishDraftOf(view));
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMessage('');
    const body = {
      wishes: ranks.filter((r) => draft[r].unitId !== '').map((rank) => ({ rank, unitId: Number(draft[rank].unitId), reason: draft[rank].reason })),
    };
    // The form is re-keyed by the refreshed data, so the message is set from the promise, not a per-call callback.
    void save.mutateAsync(body).then(() => onMessage(`${view.staff.name}さんの${dates.fiscalYear(view.fiscalYear)}の異動希望を保存しました。`), () => undefined);
  };
  return (
    <form className="placement-form" onSubmit={submit} noValidate>
      <ErrorAlert error={errors.length > 0 ? null : save.error} />
      <FieldErrorSummary errors={errors} labelOf={(p) => (p.startsWith('wishes.') ? `第${Number(p.split('.')[1] ?? 0) + 1}行` : '')} />
      <fieldset>
        <legend>
          {view.staff.name}さんの{dates.fiscalYear(view.fiscalYear)}の異動希望
        </legend>
        {ranks.map((rank) => (
          <div className="placement-wish-row" key={rank}>
            <span>第{rank}希望</span>
            <div className="field">
              <label htmlFor={`${id}-unit-${rank}`}>第{rank}希望の所属</label>
              <select
                id={`${id}-unit-${rank}`}
                value={draft[rank].unitId}
                onChange={(e) => setDraft({ ...draft, [rank]: { ...draft[rank], unitId: e.target.value } })}
              >
                <option value="">(なし)</option>
                {view.units.map((u) => (
                  <option key={u.unitId} value={u.unitId}>
                    {u.path ? `${u.path} › ` : ''}
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason-${rank}`}>第{rank}希望の理由</label>
              <input
                id={`${id}-reason-${rank}`}
                type="text"
                maxLength={500}
                value={draft[rank].reason}
                onChange={(e) => setDraft({ ...draft, [rank]: { ...draft[rank], reason: e.target.value } })}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          異動希望を保存する
        </button>
      </div>
    </form>
  );
}

function ExpertiseSection({ staffId, onMessage }: { staffId: number; onMessage: (m: string) => void }) {
  const expertise = useExpertise(staffId);
  return (
    <section aria-labelledby={`expertise-${staffId}`}>
      <h2 id={`expertise-${staffId}`}>専門分野</h2>
      <ErrorAlert error={expertise.error} />
      {expertise.isPending ? <Loading /> : null}
      {expertise.data ? <ExpertiseForm key={expertise.data.fields.map((f) => f.field).join(',')} view={expertise.data} onMessage={onMessage} /> : null}
    </section>
  );
}

function ExpertiseForm({ view, onMessage }: { view: ExpertiseView; onMessage: (m: string) => void }) {
  const id = useId();
  const save = useSaveExpertise(view.staff.staffId);
  const [rows, setRows] = useState(() => (view.fields.length > 0 ? view.fields : [{ field: '', note: '' }]));
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMessage('');
    void save.mutateAsync({ fields: rows.filter((r) => r.field.trim() !== '') }).then(() => onMessage(`${view.staff.name}さんの専門分野を保存しました。`), () => undefined);
  };
  return (
    <form className="placement-form" onSubmit={submit} noValidate>
      <p className="hint">
        在籍3年以上の所属の分野(自動):{view.servedFields.length > 0 ? view.servedFields.join('・') : 'なし'}
      </p>
      <ErrorAlert error={errors.length > 0 ? null : save.error} />
      <FieldErrorSummary errors={errors} labelOf={(p) => (p.startsWith('fields.') ? `${Number(p.split('.')[1] ?? 0) + 1}行目` : '')} />
      <datalist id={`${id}-known`}>
        {view.knownFields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <fieldset>
        <legend>人事担当が登録する専門分野</legend>
        {rows.map((row, i) => (
          <div className="placement-wish-row" key={i}>
            <span>{i + 1}</span>
            <div className="field">
              <label htmlFor={`${id}-field-${i}`}>分野{i + 1}</label>
              <input
                id={`${id}-field-${i}`}
                type="text"
                list={`${id}-known`}
                maxLength={50}
                value={row.field}
                onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, field: e.target.value } : r)))}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-note-${i}`}>分野{i + 1}の備考(資格など)</label>
              <input
                id={`${id}-note-${i}`}
                type="text"
                maxLength={500}
                value={row.note}
                onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, note: e.target.value } : r)))}
              />
            </div>
          </div>
        ))}
        <button type="button" className="button--secondary" onClick={() => setRows([...rows, { field: '', note: '' }])} disabled={rows.length >= 20}>
          分野を追加する
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          専門分野を保存する
        </button>
      </div>
    </form>
  );
}
