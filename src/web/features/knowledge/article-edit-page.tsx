/**
 * 記事の作成・編集 /knowledge/articles/new and /knowledge/articles/:id/edit (writers: 職員課・システム管理者・DX推進リーダー・
 * DX推進本部とWGのメンバー; the server decides). A stale save offers a reload (security.md 8).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import {
  articleKindLabels,
  articleKinds,
  articleStatusLabels,
  articleStatuses,
  suggestedTools,
  type ArticleInput,
  type ArticleKind,
  type ArticleStatus,
} from '../../../domain/knowledge/knowledge-model.js';
import type { ArticleView } from '../../../domain/knowledge/knowledge-api.js';
import { MarkdownEditor } from './markdown-editor.js';
import { isStaleSave, useArticle, useCreateArticle, useReloadKnowledge, useUpdateArticle } from './knowledge.queries.js';
import './knowledge.css';

const labels: Record<string, string> = { kind: '種類', title: '題名', tool: 'ツール', tags: 'タグ', bodyMarkdown: '本文', status: '公開' };
const splitTags = (text: string) => text.split(/[\s,、]+/u).filter((t) => t !== '');

export function ArticleNewPage() {
  return <ArticleForm article={null} />;
}

export function ArticleEditPage() {
  const { id } = useParams();
  const articleId = Number(id);
  const article = useArticle(Number.isSafeInteger(articleId) && articleId > 0 ? articleId : null);
  if (article.isPending) {
    return (
      <>
        <PageHeading title="記事の編集" />
        <Loading />
      </>
    );
  }
  if (!article.data) {
    return (
      <>
        <PageHeading title="記事の編集" />
        <ErrorAlert error={article.error} title="記事を読み込めませんでした。" />
      </>
    );
  }
  return <ArticleForm key={`${article.data.id}-${article.data.version}`} article={article.data} />;
}

function ArticleForm({ article }: { article: ArticleView | null }) {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const reload = useReloadKnowledge();
  const [kind, setKind] = useState<ArticleKind>(article?.kind ?? 'faq');
  const [title, setTitle] = useState(article?.title ?? '');
  const [tool, setTool] = useState(article?.tool ?? '');
  const [tags, setTags] = useState(article?.tags.join(' ') ?? '');
  const [body, setBody] = useState(article?.bodyMarkdown ?? '');
  const [status, setStatus] = useState<ArticleStatus>(article?.status ?? 'published');
  const save = article ? update : create;
  const errors = fieldErrorsOf(save.error);
  const pageTitle = article ? '記事の編集' : '記事を書く';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ArticleInput = { kind, title, tool, tags: splitTags(tags), bodyMarkdown: body, status };
    const done = (saved: ArticleView) => void navigate(`/knowledge/articles/${saved.id}`);
    if (article) update.mutate({ id: article.id, version: article.version, ...input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <>
      <PageHeading title={pageTitle}>
        <Link to={article ? `/knowledge/articles/${article.id}` : '/knowledge'}>{article ? '記事へ戻る' : 'ナレッジベースへ戻る'}</Link>
      </PageHeading>
      {isStaleSave(save.error) ? (
        <ConflictAlert
          subject="記事"
          onReload={() => {
            save.reset();
            reload();
          }}
        />
      ) : errors.length > 0 ? (
        <FieldErrorSummary errors={errors} labelOf={(p) => labels[p.split('.')[0]!] ?? ''} />
      ) : (
        <ErrorAlert error={save.error} title="保存できませんでした。" />
      )}
      <form onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>種類</legend>
          <div className="radio-group">
            {articleKinds.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                {articleKindLabels[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-title`}>
            題名 <span className="required">(必須)</span>
          </label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={messagesAt(errors, 'title').length > 0 || undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tool`}>ツール</label>
          <input id={`${id}-tool`} value={tool} maxLength={50} list={`${id}-tools`} onChange={(e) => setTool(e.target.value)} />
          <datalist id={`${id}-tools`}>
            {suggestedTools.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tags`}>タグ</label>
          <p id={`${id}-tags-hint`} className="hint">
            空白または読点で区切って、10個まで。
          </p>
          <input id={`${id}-tags`} value={tags} aria-describedby={`${id}-tags-hint`} onChange={(e) => setTags(e.target.value)} />
        </div>
        <MarkdownEditor label="本文" value={body} onChange={setBody} errors={messagesAt(errors, 'bodyMarkdown')} rows={16} />
        <fieldset className="field">
          <legend>公開</legend>
          <div className="radio-group">
            {articleStatuses.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
                {s === 'published' ? `${articleStatusLabels[s]}(全職員が読めます)` : `${articleStatusLabels[s]}(書ける人だけに表示)`}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            保存する
          </button>
        </div>
      </form>
    </>
  );
}
