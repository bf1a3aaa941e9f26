/**
 * ストレスチェックの回答 /stress-check/:id/answer: the 57 items of the 職業性ストレス簡易調査票 in four sections, each
 * item a radio group (fieldset + legend, arrow keys move within it, Tab to the next). Every change is saved
 * automatically per section (debounced; the server merges, so a repeat is harmless) and the save is announced.
 * Submitting scores the answers at once and opens the result.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { stressItems, stressSections, type StressArea, type StressItem } from '../../../domain/stress-check/questionnaire.js';
import { missingItems, type AnswerMap, type AnswerValue } from '../../../domain/stress-check/stress-scoring.js';
import { stressKeys, useMyCampaign, useSaveSection, useSubmitAnswers } from './stress-check.queries.js';
import './stress-check.css';

const title = 'ストレスチェックの回答';
const saveDelayMs = 600;

export function QuestionnairePage() {
  const id = Number(useParams().id);
  const mine = useMyCampaign(id);
  if (mine.isPending) return <><PageHeading title={title} /><Loading /></>;
  if (mine.error) return <><PageHeading title={title} /><ErrorAlert error={mine.error} title="回答を読み込めませんでした。" /></>;
  if (mine.data.submittedAt) {
    return (
      <>
        <PageHeading title={title} />
        <p>回答は提出済みです。<Link to={`/stress-check/${id}/result`}>結果を見る</Link></p>
      </>
    );
  }
  return <QuestionnaireForm campaignId={id} campaignName={mine.data.campaign.name} initial={mine.data.answers} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; count: number } | { kind: 'error'; error: unknown };

function QuestionnaireForm({ campaignId, campaignName, initial }: { campaignId: number; campaignName: string; initial: AnswerMap }) {
  const [answers, setAnswers] = useState<AnswerMap>(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [problem, setProblem] = useState('');
  const dirty = useRef(new Set<StressArea>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(answers);
  latest.current = answers;
  const save = useSaveSection(campaignId);
  const submit = useSubmitAnswers(campaignId);
  const navigate = useNavigate();
  const client = useQueryClient();

  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const areas = [...dirty.current];
    dirty.current.clear();
    if (areas.length === 0) return;
    setSaveState({ kind: 'saving' });
    try {
      let count = 0;
      for (const area of areas) {
        const section = Object.fromEntries(stressItems.filter((i) => i.area === area && latest.current[i.no] !== undefined).map((i) => [String(i.no), latest.current[i.no]!]));
        count = (await save.mutateAsync({ area, answers: section })).answeredCount;
      }
      setSaveState({ kind: 'saved', count });
    } catch (error) {
      for (const a of areas) dirty.current.add(a);
      setSaveState({ kind: 'error', error });
    }
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const choose = (item: StressItem, value: AnswerValue) => {
    setAnswers((prev) => ({ ...prev, [item.no]: value }));
    dirty.current.add(item.area);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), saveDelayMs);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingItems(answers);
    if (missing.length > 0) {
      setProblem(`未回答の設問が ${missing.length} 問あります(${missing.slice(0, 10).join('、')}${missing.length > 10 ? ' ほか' : ''})。すべての設問に回答してください。`);
      document.getElementById(`item-${missing[0]}-1`)?.focus();
      return;
    }
    setProblem('');
    await flush();
    if (dirty.current.size > 0) return;
    try {
      await submit.mutateAsync();
      client.removeQueries({ queryKey: stressKeys.myCampaign(campaignId) });
      void navigate(`/stress-check/${campaignId}/result`);
    } catch {
      // shown by ErrorAlert below
    }
  };

  const answered = Object.keys(answers).length;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        {campaignName}。57問あります。選ぶたびに自動で保存されます(途中でやめても、続きから回答できます)。すべて回答したら、最後の「回答を提出して結果を見る」を押してください。
        回答と結果はあなたと実施者(保健師・医師)だけが見ることができ、人事(職員課)には、あなたが同意した場合にのみ結果が提供されます。
      </p>
      <StatusMessage>
        {saveState.kind === 'saving' ? '保存しています…' : saveState.kind === 'saved' ? `回答を保存しました(${saveState.count} / 57 問)。` : ''}
      </StatusMessage>
      <ErrorAlert error={saveState.kind === 'error' ? saveState.error : null} title="回答を保存できませんでした。もう一度選ぶか、提出の前に再度お試しください。" />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="sc-form">
        {stressSections.map((section) => (
          <section key={section.area} className="sc-section" aria-labelledby={`section-${section.area}`}>
            <h2 id={`section-${section.area}`}>{section.title}</h2>
            <p className="hint">{section.instruction}</p>
            {stressItems
              .filter((i) => i.area === section.area)
              .map((item, index, list) => (
                <div key={item.no}>
                  {item.prompt && item.prompt !== list[index - 1]?.prompt ? <h3 className="sc-prompt">{item.prompt}</h3> : null}
                  <fieldset className="sc-item">
                    <legend>
                      <span className="sc-item__no">{item.no}.</span> {item.text}
                    </legend>
                    <div className="sc-options">
                      {section.options.map((label, i) => {
                        const value = (i + 1) as AnswerValue;
                        const inputId = `item-${item.no}-${value}`;
                        return (
                          <span key={value} className="sc-option">
                            <input type="radio" id={inputId} name={`item-${item.no}`} value={value} checked={answers[item.no] === value} onChange={() => choose(item, value)} />
                            <label htmlFor={inputId}>{label}</label>
                          </span>
                        );
                      })}
                    </div>
                  </fieldset>
                </div>
              ))}
          </section>
        ))}
        <p>
          回答済み {answered} / 57 問
        </p>
        <ProblemAlert message={problem} />
        <ErrorAlert error={submit.error} title="提出できませんでした。" />
        <button type="submit" className="button--primary" disabled={submit.isPending}>
          回答を提出して結果を見る
        </button>
      </form>
    </>
  );
}
