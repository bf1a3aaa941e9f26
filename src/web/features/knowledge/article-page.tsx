/** ナレッジベースの記事 /knowledge/articles/:id: one FAQ or operation guide, rendered safely; edit and delete for those allowed. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConflictAlert, ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { useDates } from '../../app/dates.js';
import { articleKindLabels, articleStatusLabels } from '../../../domain/knowledge/knowledge-model.js';
import { MarkdownBody } from './markdown-body.js';
import { isStaleSave, useArticle, useDeleteArticle, useReloadKnowledge } from './knowledge.queries.js';
import './knowledge.css';

export function ArticlePage() {
  const { id } = useParams();
  const articleId = Number(id);
  const article = useArticle(Number.isSafeInteger(articleId) && articleId > 0 ? articleId : null);
  const remove = useDeleteArticle();
  const reload = useReloadKnowledge();
  const navigate = useNavigate();
  const dates = useDates();
  const [confirming, setConfirming] = useState(false);

  if (article.isPending) {
    return (
      <>
        <PageHeading title="記事" />
        <Loading />
      </>
    );
  }
  if (article.isError || !article.data) {
    return (
      <>
        <PageHeading title="記事" />
        <ErrorAlert error={article.error} title="記事を表示できませんでした。" />
        <p>
          <Link to="/knowledge">ナレッジベースへ戻る</Link>
        </p>
      </>
    );
  }
  const a = article.data;
  return (
    <>
      <PageHeading title={a.title}>
        <Link to="/knowledge">ナレッジベースへ戻る</Link>
        {a.canEdit ? (
          <Link to={`/knowledge/articles/${a.id}/edit`} className="button button--secondary">
            編集する
          </Link>
        ) : null}
      </PageHeading>
      <p className="knowledge-meta">
        <span className="badge">{articleKindLabels[a.kind]}</span>
        {a.tool ? <span>ツール: {a.tool}</span> : null}
        {a.status === 'draft' ? <span className="knowledge-status--draft">{articleStatusLabels.draft}(職員には表示されません)</span> : null}
        <span>更新: {dates.timestamp(a.updatedAt)}</span>
        {a.author ? <span>作成: {a.author.name}</span> : null}
      </p>
      {a.tags.length > 0 ? (
        <p className="knowledge-meta">
          タグ:
          {a.tags.map((t) => (
            <Link key={t} to={`/knowledge?tag=${encodeURIComponent(t)}`} className="tag">
              {t}
            </Link>
          ))}
        </p>
      ) : null}
      <article aria-label="本文">
        <MarkdownBody html={a.bodyHtml} />
      </article>
      {a.canDelete ? (
        <section className="panel" aria-label="記事の削除">
          {isStaleSave(remove.error) ? (
            <ConflictAlert
              subject="記事"
              onReload={() => {
                remove.reset();
                reload();
              }}
            />
          ) : (
            <ErrorAlert error={remove.error} title="削除できませんでした。" />
          )}
          {confirming ? (
            <div className="form-actions">
              <p>この記事を削除します。元に戻せません。よろしいですか。</p>
              <button
                type="button"
                className="button--danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: a.id, version: a.version }, { onSuccess: () => void navigate('/knowledge') })}
              >
                削除する
              </button>
              <button type="button" className="button--secondary" onClick={() => setConfirming(false)}>
                やめる
              </button>
            </div>
          ) : (
            <button type="button" className="button--secondary" onClick={() => setConfirming(true)}>
              記事を削除…
            </button>
          )}
        </section>
      ) : null}
    </>
  );
}
