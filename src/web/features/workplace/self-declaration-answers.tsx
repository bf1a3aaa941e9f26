/** A declaration's answers, read-only, field by field as the server sent them (fields the reader may not see are not there). */
import type { DeclarationView } from '../../../domain/workplace/self-declaration-api.js';
import type { AnswerValue, FormField, TransferWishAnswer } from '../../../domain/workplace/self-declaration-form.js';

const optionLabel = (f: FormField, value: string) => f.options.find((o) => o.value === value)?.label ?? value;

function isWish(v: AnswerValue): v is TransferWishAnswer {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function AnswerText({ field, value, view }: { field: FormField; value: AnswerValue | undefined; view: DeclarationView }) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <span className="sd-empty">(未回答)</span>;
  switch (field.kind) {
    case 'scale':
      return <>{`${String(value)}(${field.options[Number(value) - 1]?.label ?? ''})`}</>;
    case 'choice':
      return <>{optionLabel(field, String(value))}</>;
    case 'multi-choice':
      return <>{(value as string[]).map((v) => optionLabel(field, v)).join('、')}</>;
    case 'text':
      return <span className="sd-text">{String(value)}</span>;
    case 'transfer-wish': {
      if (!isWish(value) || value.wish === null) return <span className="sd-empty">(未回答)</span>;
      if (value.wish === 'no') return <>希望しない</>;
      return (
        <>
          希望する
          <ol className="sd-wishes">
            {view.wishedUnits.map((w) => (
              <li key={w.rank}>
                {w.unitName}
                {w.reason ? `(理由: ${w.reason})` : ''}
              </li>
            ))}
          </ol>
        </>
      );
    }
  }
}

export function DeclarationAnswers({ view }: { view: DeclarationView }) {
  return (
    <dl className="sd-answers">
      {view.fields.map((f) => (
        <div key={f.key} className="sd-answers__row">
          <dt>
            {f.label}
            {f.isSensitive && view.viewer !== 'supervisor' ? <span className="sd-badge">配慮が必要な情報</span> : null}
          </dt>
          <dd>
            <AnswerText field={f} value={view.answers[f.key]} view={view} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export const statusLabels = { 'not-started': '未着手', draft: '下書き', submitted: '提出済み' } as const;
