/**
 * ナレッジベース /knowledge: search the FAQs and operation guides of the municipality's tools (policy IV-2-(5)) by
 * words (カナ・全角半角・ひらがなの違いは問わない), kind, tool and tag. Writers also see drafts and a link to write.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { SearchFormActions } from '../../components/search-form.js';
import { useDates } from '../../app/dates.js';
import { articleKindLabels, articleKinds, articleStatusLabels, type ArticleKind } from '../../../domain/knowledge/knowledge-model.js';
import { useArticles, type ArticleSearchParams } from './knowledge.queries.js';
import './knowledge.css';

const title = 'ナレッジベース';
const isKind = (v: string | null): v is ArticleKind => v !== null && (articleKinds as readonly string[]).includes(v);

function paramsOf(search: URLSearchParams): ArticleSearchParams {
  const kind = search.get('kind');
  return {
    q: search.get('q') ?? '',
    kind: isKind(kind) ? kind : '',
    tool: search.get('tool') ?? '',
    tag: search.get('tag') ?? '',
    page: Math.max(1, Number(search.get('page')) || 1),
  };
}

export function KnowledgePage() {
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const articles = useArticles(params);
  const dates = useDates();
  const [draft, setDraft] = useState(params);
  const id = useId();

  const apply = (next: ArticleSearchParams) => {
    const entries = Object.entries({ ...next, page: next.page > 1 ? String(next.page) : '' }).filter(([, v]) => v !== '');
    setSearch(Object.fromEntries(entries) as Record<string, string>);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const clear = () => {
    const empty: ArticleSearchParams = { q: '', kind: '', tool: '', tag: '', page: 1 };
    setDraft(empty);
    apply(empty);
  };

  return (
    <>
      <PageHeading title={title}>
        <Link to="/knowledge/questions">職員コミュニティ(Q&amp;A)へ</Link>
        {articles.data?.canWrite ? (
          <Link to="/knowledge/articles/new" className="button button--primary">
            記事を書く
          </Link>
        ) : null}
      </PageHeading>
      <p className="hint">
        庁内で使うデジタルツールのFAQと操作ガイドです。見つからないときは職員コミュニティで質問してください。
      </p>
      <form className="search-form" role="search" aria-label="ナレッジベースの検索" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>キーワード</label>
          <input id={`${id}-q`} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>種類</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: isKind(e.target.value) ? e.target.value : '' })}>
            <option value="">すべて</option>
            {articleKinds.map((k) => (
              <option key={k} value={k}>
                {articleKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tool`}>ツール</label>
          <select id={`${id}-tool`} value={draft.tool} onChange={(e) => setDraft({ ...draft, tool: e.target.value })}>
            <option value="">すべて</option>
            {(articles.data?.tools ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>タグ</label>
          <select id={`${id}-tag`} value={draft.tag} onChange={(e) => setDraft({ ...draft, tag: e.target.value })}>
            <option value="">すべて</option>
            {(articles.data?.tags ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <SearchFormActions onClear={clear} />
      </form>
      <ErrorAlert error={articles.error} title="記事を検索できませんでした。" />
      {articles.isPending ? <Loading /> : null}
      <ResultCount total={articles.data?.total} isFetching={articles.isFetching} />
      {articles.data ? (
        articles.data.items.length === 0 ? (
          <p>条件に合う記事はありません。</p>
        ) : (
          <ul className="knowledge-results" aria-label="検索結果">
            {articles.data.items.map((a) => (
              <li key={a.id} className="knowledge-result">
                <h2 className="knowledge-result__title">
                  <Link to={`/knowledge/articles/${a.id}`}>{a.title}</Link>
                </h2>
                <p className="knowledge-result__meta">
                  <span className="badge">{articleKindLabels[a.kind]}</span>
                  {a.tool ? <span>ツール: {a.tool}</span> : null}
                  {a.status === 'draft' ? <span className="knowledge-status--draft">{articleStatusLabels.draft}</span> : null}
                  <span>更新: {dates.timestamp(a.updatedAt)}</span>
                  {a.tags.length > 0 ? (
                    <span>
                      タグ:{' '}
                      {a.tags.map((t) => (
                        <span key={t} className="tag">
                          {t}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </p>
                {a.excerpt ? <p className="knowledge-result__excerpt">{a.excerpt}</p> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {articles.data ? (
        <Pagination page={articles.data.page} pageSize={articles.data.pageSize} total={articles.data.total} onChange={(page) => apply({ ...params, page })} label="検索結果のページ" />
      ) : null}
    </>
  );
}
