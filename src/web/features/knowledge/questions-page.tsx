/**
 * 職員コミュニティ /knowledge/questions: the Q&A board of the staff community (policy IV-2-(6)). Search questions and
 * their answers, filter by 回答なし・未解決・解決済み and tag, and ask a new question.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { SearchFormActions } from '../../components/search-form.js';
import { useDates } from '../../app/dates.js';
import { questionFilterLabels, questionFilters, type QuestionFilter } from '../../../domain/knowledge/knowledge-model.js';
import { MarkdownEditor } from './markdown-editor.js';
import { useAskQuestion, useQuestions, type QuestionSearchParams } from './knowledge.queries.js';
import './knowledge.css';

const title = '職員コミュニティ';
const isFilter = (v: string | null): v is QuestionFilter => v !== null && (questionFilters as readonly string[]).includes(v);
const splitTags = (text: string) => text.split(/[\s,、]+/u).filter((t) => t !== '');

function paramsOf(search: URLSearchParams): QuestionSearchParams {
  const filter = search.get('filter');
  return { q: search.get('q') ?? '', tag: search.get('tag') ?? '', filter: isFilter(filter) ? filter : 'all', page: Math.max(1, Number(search.get('page')) || 1) };
}

export function QuestionsPage() {
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const questions = useQuestions(params);
  const dates = useDates();
  const [draft, setDraft] = useState(params);
  const [isAsking, setAsking] = useState(false);
  const id = useId();

  const apply = (next: QuestionSearchParams) => {
    const entries = Object.entries({ q: next.q, tag: next.tag, filter: next.filter === 'all' ? '' : next.filter, page: next.page > 1 ? String(next.page) : '' }).filter(
      ([, v]) => v !== '',
    );
    setSearch(Object.fromEntries(entries));
  };

  return (
    <>
      <PageHeading title={title}>
        <Link to="/knowledge">ナレッジベースへ</Link>
        <button type="button" className="button--primary" aria-expanded={isAsking} onClick={() => setAsking(!isAsking)}>
          質問する
        </button>
      </PageHeading>
      <p className="hint">
        デジタルツールの使い方や業務の工夫を、職員同士で質問・回答する場です。個人情報や非公開の情報は書かないでください。
      </p>
      {isAsking ? <AskForm onCancel={() => setAsking(false)} /> : null}
      <form
        className="search-form"
        role="search"
        aria-label="質問の検索"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          apply({ ...draft, page: 1 });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>キーワード</label>
          <input id={`${id}-q`} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-filter`}>状態</label>
          <select id={`${id}-filter`} value={draft.filter} onChange={(e) => setDraft({ ...draft, filter: isFilter(e.target.value) ? e.target.value : 'all' })}>
            {questionFilters.map((f) => (
              <option key={f} value={f}>
                {questionFilterLabels[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>タグ</label>
          <select id={`${id}-tag`} value={draft.tag} onChange={(e) => setDraft({ ...draft, tag: e.target.value })}>
            <option value="">すべて</option>
            {(questions.data?.tags ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <SearchFormActions
          onClear={() => {
            const empty: QuestionSearchParams = { q: '', tag: '', filter: 'all', page: 1 };
            setDraft(empty);
            apply(empty);
          }}
        />
      </form>
      <ErrorAlert error={questions.error} title="質問を検索できませんでした。" />
      {questions.isPending ? <Loading /> : null}
      <ResultCount total={questions.data?.total} isFetching={questions.isFetching} />
      {questions.data ? (
        questions.data.items.length === 0 ? (
          <p>条件に合う質問はありません。</p>
        ) : (
          <ul className="knowledge-results" aria-label="質問の一覧">
            {questions.data.items.map((q) => (
              <li key={q.id} className="knowledge-result">
                <h2 className="knowledge-result__title">
                  <Link to={`/knowledge/questions/${q.id}`}>{q.title}</Link>
                </h2>
                <p className="knowledge-result__meta">
                  {q.isResolved ? <span className="knowledge-status--resolved">解決済み</span> : <span>未解決</span>}
                  <span>回答 {q.answerCount} 件</span>
                  <span>質問: {q.author.name}</span>
                  <span>更新: {dates.timestamp(q.updatedAt)}</span>
                  {q.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </p>
                {q.excerpt ? <p className="knowledge-result__excerpt">{q.excerpt}</p> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {questions.data ? (
        <Pagination page={questions.data.page} pageSize={questions.data.pageSize} total={questions.data.total} onChange={(page) => apply({ ...params, page })} label="質問の一覧のページ" />
      ) : null}
    </>
  );
}

function AskForm({ onCancel }: { onCancel: () => void }) {
  const id = useId();
  const ask = useAskQuestion();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const errors = fieldErrorsOf(ask.error);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>質問する</h2>
      {errors.length > 0 ? (
        <FieldErrorSummary errors={errors} labelOf={(p) => ({ title: '題名', bodyMarkdown: '質問の内容', tags: 'タグ' })[p.split('.')[0]!] ?? ''} />
      ) : (
        <ErrorAlert error={ask.error} title="質問を送れませんでした。" />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate({ title, bodyMarkdown: body, tags: splitTags(tags) }, { onSuccess: (q) => void navigate(`/knowledge/questions/${q.id}`) });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>
            題名 <span className="required">(必須)</span>
          </label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={messagesAt(errors, 'title').length > 0 || undefined} />
        </div>
        <MarkdownEditor label="質問の内容" value={body} onChange={setBody} errors={messagesAt(errors, 'bodyMarkdown')} rows={8} />
        <div className="field">
          <label htmlFor={`${id}-tags`}>タグ</label>
          <p id={`${id}-tags-hint`} className="hint">
            空白または読点で区切って、10個まで(例: RPA 電子決裁)。
          </p>
          <input id={`${id}-tags`} value={tags} aria-describedby={`${id}-tags-hint`} onChange={(e) => setTags(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={ask.isPending}>
            質問を投稿する
          </button>
          <button type="button" className="button--secondary" onClick={onCancel}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}
