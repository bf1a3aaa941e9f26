/** A Markdown text area with a preview rendered by the server (the same safe rendering the saved text gets). */
import { useId } from 'react';
import { ErrorAlert } from '../../components/page.js';
import { markdownMaxLength } from '../../../domain/knowledge/knowledge-model.js';
import { MarkdownBody } from './markdown-body.js';
import { usePreview } from './knowledge.queries.js';

export function MarkdownEditor({
  label,
  value,
  onChange,
  errors = [],
  rows = 12,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  rows?: number;
}) {
  const id = useId();
  const preview = usePreview();
  return (
    <div className="field knowledge-editor">
      <label htmlFor={id}>
        {label} <span className="required">(必須)</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        Markdown で書けます(見出しは「## 」、箇条書きは「- 」、太字は「**太字**」)。HTML のタグはそのまま文字として表示されます。外部の画像は表示されず、リンクになります。
      </p>
      <textarea
        id={id}
        rows={rows}
        value={value}
        maxLength={markdownMaxLength}
        aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-errors` : ''}`}
        aria-invalid={errors.length > 0 || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="field-error">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <button type="button" className="button--secondary button--small" onClick={() => preview.mutate(value)} disabled={preview.isPending}>
          プレビュー
        </button>
      </div>
      <ErrorAlert error={preview.error} title="プレビューを表示できませんでした。" />
      {preview.data ? (
        <section className="knowledge-preview" aria-label={`${label}のプレビュー`}>
          <MarkdownBody html={preview.data.html} />
        </section>
      ) : null}
    </div>
  );
}
