/**
 * 紙の回答の入力(代理入力) /stress-check/campaigns/:id/paper-entry, for the implementer: pick the examinee (name, kana
 * or employee number; people who have submitted already cannot be chosen), then type in the 57 answers of their
 * paper questionnaire — each item a radio group (Tab to the next item, arrows within it, or the digit keys 1–4,
 * which choose and move on). Nothing is stored until all 57 are entered: the missing items are listed with a way
 * to reach each. The server scores it exactly as an online submission.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { useDebounced } from '../../app/use-debounced.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { stressItems, stressSections, type StressItem } from '../../../domain/stress-check/questionnaire.js';
import { missingItems, type AnswerMap, type AnswerValue } from '../../../domain/stress-check/stress-scoring.js';
import { describeItems } from '../../../domain/stress-check/paper-entry.js';
import type { Campaign, PaperEntryOutcome, PaperExaminee } from '../../../domain/stress-check/stress-check-api.js';
import { useCampaigns, useEnterPaperAnswers, usePaperExaminees } from './stress-check.queries.js';
import './stress-check.css';

const title = '紙の回答の入力(代理入力)';
const radioId = (no: number, value: number) => `paper-${no}-${value}`;

export function PaperEntryPage() {
  const session = useSession();
  const id = Number(useParams().id);
  const campaigns = useCampaigns();
  if (!session.roles.includes('stress_implementer')) return <Forbidden title={title} />;
  const campaign = campaigns.data?.items.find((c) => c.id === id);
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to={`/stress-check/campaigns/${id}`}>実施の画面へ戻る</Link>
      </p>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorAlert error={campaigns.error} title="実施を読み込めませんでした。" />
      {campaigns.data && !campaign ? <p>実施が見つかりません。</p> : null}
      {campaign && campaign.status !== 'open' ? <p>{campaign.name}は実施中ではないため、紙の回答を入力できません。</p> : null}
      {campaign && campaign.status === 'open' ? <PaperEntry campaign={campaign} /> : null}
    </>
  );
}

function PaperEntry({ campaign }: { campaign: Campaign }) {
  const [person, setPerson] = useState<PaperExaminee | null>(null);
  const [done, setDone] = useState<{ person: PaperExaminee; outcome: PaperEntryOutcome } | null>(null);
  return (
    <>
      <p className="hint">
        {campaign.name}。紙の調査票(職業性ストレス簡易調査票57問)で回答した人の回答を、実施者が代わりに入力します。57問すべてを入力してから提出してください(一部だけの登録はできません)。
        判定・集団分析への反映はオンラインの回答と同じです。オンラインで途中まで回答している人は、紙の回答で置き換わります。すでに提出した人の分は入力できません。
      </p>
      <StatusMessage>
        {done ? `${done.person.name}さん(職員番号 ${done.person.employeeNumber})の紙の回答を提出しました。` : ''}
      </StatusMessage>
      {done ? (
        <p>
          <Link to={`/stress-check/campaigns/${campaign.id}/results/${done.person.staffId}/print`}>{done.person.name}さんの個人結果票を印刷する</Link>
        </p>
      ) : null}
      {person ? (
        <div className="sc-paper-person">
          <p id="paper-person">
            入力する人: <strong>{person.name}</strong>(職員番号 {person.employeeNumber}
            {person.unitName ? `・${person.unitName}` : ''})
          </p>
          <button type="button" className="button--secondary" onClick={() => setPerson(null)}>
            入力する人を選び直す
          </button>
          <PaperForm
            key={person.staffId}
            campaign={campaign}
            person={person}
            onDone={(outcome) => {
              setDone({ person, outcome });
              setPerson(null);
            }}
          />
        </div>
      ) : (
        <ExamineePicker campaignId={campaign.id} onPick={(p) => setPerson(p)} />
      )}
    </>
  );
}

function ExamineePicker({ campaignId, onPick }: { campaignId: number; onPick: (person: PaperExaminee) => void }) {
  const id = useId();
  const dates = useDates();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const lookup = usePaperExaminees(campaignId, q);
  const items = q.length > 0 ? (lookup.data?.items ?? []) : [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>入力する人を選ぶ</h2>
      <div className="picker">
        <label htmlFor={`${id}-q`}>受検者(氏名・カナ・職員番号で検索)</label>
        <input id={`${id}-q`} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorAlert error={lookup.error} title="職員を検索できませんでした。" />
      <p className="visually-hidden" aria-live="polite">
        {q.length > 0 && lookup.data ? `候補 ${lookup.data.items.length} 件` : ''}
      </p>
      {items.length > 0 ? (
        <ul className="sc-paper-results" aria-label="受検者の候補">
          {items.map((p) => (
            <li key={p.staffId}>
              {p.submittedAt ? (
                <span>
                  {p.name}({p.kana})職員番号 {p.employeeNumber}
                  {p.unitName ? `・${p.unitName}` : ''} — 提出済み({dates.timestamp(p.submittedAt)})のため入力できません
                </span>
              ) : (
                <button type="button" className="button--link" onClick={() => onPick(p)}>
                  {p.name}({p.kana})職員番号 {p.employeeNumber}
                  {p.unitName ? `・${p.unitName}` : ''}
                  {p.hasOnlineDraft ? '(オンラインで回答中。紙の回答で置き換わります)' : ''}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : q.length > 0 && lookup.data && !lookup.isFetching ? (
        <p className="hint">該当する職員はいません(在職し、所属のある職員が対象です)。</p>
      ) : null}
    </section>
  );
}

function PaperForm({ campaign, person, onDone }: { campaign: Campaign; person: PaperExaminee; onDone: (outcome: PaperEntryOutcome) => void }) {
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [missing, setMissing] = useState<number[]>([]);
  const enter = useEnterPaperAnswers(campaign.id);
  const submitRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusItem = (no: number) => document.getElementById(radioId(no, answers[no] ?? 1))?.focus();

  const choose = (item: StressItem, value: AnswerValue) => {
    setAnswers((prev) => ({ ...prev, [item.no]: value }));
    setMissing((prev) => prev.filter((n) => n !== item.no));
  };

  // Digits 1–4 choose the option and move to the next item: the quickest way to copy a paper form.
  const onKeyDown = (item: StressItem) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (!['1', '2', '3', '4'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    choose(item, Number(e.key) as AnswerValue);
    const next = item.no + 1;
    if (next > stressItems.length) submitRef.current?.focus();
    else document.getElementById(radioId(next, answers[next] ?? 1))?.focus();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const absent = missingItems(answers);
    setMissing(absent);
    if (absent.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    const payload = Object.fromEntries(stressItems.map((i) => [String(i.no), answers[i.no]!]));
    enter.mutate(
      { staffId: person.staffId, answers: payload },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'stress-check.answers-incomplete') {
            const listed = (error.details as { missing?: number[] } | undefined)?.missing;
            if (listed) setMissing(listed);
          }
        },
      },
    );
  };

  const entered = Object.keys(answers).length;
  return (
    <form onSubmit={onSubmit} noValidate className="sc-form sc-paper-grid" aria-describedby="paper-person">
      <p className="hint">
        各設問は Tab キーで次へ、矢印キーで選択肢を移動できます。数字キー 1〜4 を押すと、その番号の選択肢を選んで次の設問へ進みます(1 が左端の選択肢)。
      </p>
      <div ref={summaryRef} tabIndex={-1}>
        {missing.length > 0 ? (
          <div role="alert" className="alert alert--error">
            <p className="alert__title">未入力の設問が {missing.length} 問あります。紙の回答は57問すべてを入力してから提出してください(何も登録していません)。</p>
            <p>未入力: {describeItems(missing)}</p>
            <ul className="sc-missing-list">
              {missing.slice(0, 10).map((no) => (
                <li key={no}>
                  <button type="button" className="button--link" onClick={() => focusItem(no)}>
                    設問 {describeItems([no])} へ移動
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {stressSections.map((section) => (
        <section key={section.area} className="sc-section" aria-labelledby={`paper-section-${section.area}`}>
          <h2 id={`paper-section-${section.area}`}>{section.title}</h2>
          <p className="hint">
            選択肢: {section.options.map((o, i) => `${i + 1} ${o}`).join('、')}
          </p>
          <div>
            {stressItems
              .filter((i) => i.area === section.area)
              .map((item, index, list) => {
                const isMissing = missing.includes(item.no);
                const errorId = `paper-${item.no}-error`;
                return (
                  <div key={item.no}>
                    {item.prompt && item.prompt !== list[index - 1]?.prompt ? <h3 className="sc-prompt">{item.prompt}</h3> : null}
                    <fieldset className={isMissing ? 'sc-item sc-item--missing' : 'sc-item'} aria-describedby={isMissing ? errorId : undefined}>
                      <legend>
                        <span className="sc-item__no">{item.no}.</span> {item.text}
                      </legend>
                      <div className="sc-options">
                        {section.options.map((label, i) => {
                          const value = (i + 1) as AnswerValue;
                          return (
                            <span key={value} className="sc-option">
                              <input
                                type="radio"
                                id={radioId(item.no, value)}
                                name={`paper-${item.no}`}
                                value={value}
                                checked={answers[item.no] === value}
                                onChange={() => choose(item, value)}
                                onKeyDown={onKeyDown(item)}
                              />
                              <label htmlFor={radioId(item.no, value)}>{label}</label>
                            </span>
                          );
                        })}
                      </div>
                      {isMissing ? (
                        <p id={errorId} className="sc-item__error">
                          未入力です
                        </p>
                      ) : null}
                    </fieldset>
                  </div>
                );
              })}
          </div>
        </section>
      ))}
      <p>
        入力済み {entered} / 57 問
      </p>
      <ErrorAlert error={enter.error} title="提出できませんでした。" />
      <button ref={submitRef} type="submit" className="button--primary" disabled={enter.isPending}>
        {person.name}さんの紙の回答を提出する
      </button>
    </form>
  );
}
