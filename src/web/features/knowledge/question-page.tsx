/**
 * 職員コミュニティの質問 /knowledge/questions/:id: the question and its answers (rendered safely). Anyone answers; the
 * asker edits the question and chooses the answer that solved it; HR and system administrators remove abusive
 * posts with a reason (ADR 0016).
 */
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { useDates } from '../../app/dates.js';
import { moderationReasonLabels, moderationReasons, type ModerationReason } from '../../../domain/knowledge/knowledge-model.js';
import type { QuestionView } from '../../../domain/knowledge/knowledge-api.js';
import { MarkdownBody } from './markdown-body.js';
import { MarkdownEditor } from './markdown-editor.js';
import {
  isStaleSave,
  useAcceptAnswer,
  useAnswerQuestion,
  useEditQuestion,
  useQuestion,
  useReloadKnowledge,
  useRemoveAnswer,
  useRemoveQuestion,
} from './knowledge.queries.js';
import './knowledge.css';

const splitTags = (text: string) => text.split(/[\s,、]+/u).filter((t) => t !== '');

export function QuestionPage() {
  const { id } = useParams();
  const questionId = Number(id);
  const question = useQuestion(Number.isSafeInteger(questionId) && questionId > 0 ? questionId : 0);
  const [message, setMessage] = useState('');
  const [isEditing, setEditing] = useState(false);
  const dates = useDates();

  if (question.isPending) {
    return (
      <>
        <PageHeading title="質問" />
        <Loading />
      </>
    );
  }
  if (!question.data) {
    return (
      <>
        <PageHeading title="質問" />
        <ErrorAlert error={question.error} title="質問を表示できませんでした。" />
        <p>
          <Link to="/knowledge/questions">職員コミュニティへ戻る</Link>
        </p>
      </>
    );
  }
  const q = question.data;
  return (
    <>
      <PageHeading title={q.title}>
        <Link to="/knowledge/questions">職員コミュニティへ戻る</Link>
        {q.isMine && !isEditing ? (
          <button type="button" className="button--secondary" onClick={() => setEditing(true)}>
            質問を編集する
          </button>
        ) : null}
      </PageHeading>
      <StatusMessage>{message}</StatusMessage>
      <p className="knowledge-meta">
        {q.isResolved ? <span className="knowledge-status--resolved">解決済み</span> : <span>未解決</span>}
        <span>質問: {q.author.name}</span>
        <span>{dates.timestamp(q.createdAt)}</span>
        {q.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </p>
      {isEditing ? (
        <EditQuestionForm key={q.version} question={q} onDone={(text) => { setEditing(false); setMessage(text); }} />
      ) : (
        <article aria-label="質問の内容">
          <MarkdownBody html={q.bodyHtml} />
        </article>
      )}
      {q.canModerate ? <ModerationControls kind="question" id={q.id} onRemoved={setMessage} /> : null}

      <h2>回答 {q.answers.length} 件</h2>
      {q.answers.length === 0 ? <p>まだ回答はありません。</p> : null}
      {q.answers.map((a, index) => (
        <section
          key={a.id}
          className={a.isAccepted ? 'knowledge-answer knowledge-answer--accepted' : 'knowledge-answer'}
          aria-label={`回答 ${index + 1}(${a.author.name})${a.isAccepted ? ' 解決した回答' : ''}`}
        >
          <p className="knowledge-meta">
            <span>{a.author.name}</span>
            <span>{dates.timestamp(a.createdAt)}</span>
            {a.isAccepted ? <span className="knowledge-status--resolved">解決した回答</span> : null}
          </p>
          <MarkdownBody html={a.bodyHtml} />
          {q.isMine && !a.isAccepted ? <AcceptButton question={q} answerId={a.id} answerNumber={index + 1} onAccepted={setMessage} /> : null}
          {q.canModerate ? <ModerationControls kind="answer" id={a.id} onRemoved={setMessage} /> : null}
        </section>
      ))}
      <AnswerForm questionId={q.id} onAnswered={setMessage} />
    </>
  );
}

function AcceptButton({ question, answerId, answerNumber, onAccepted }: { question: QuestionView; answerId: number; answerNumber: number; onAccepted: (m: string) => void }) {
  const accept = useAcceptAnswer();
  const reload = useReloadKnowledge();
  return (
    <>
      {isStaleSave(accept.error) ? (
        <ConflictAlert
          subject="質問"
          onReload={() => {
            accept.reset();
            reload();
          }}
        />
      ) : (
        <ErrorAlert error={accept.error} title="解決した回答にできませんでした。" />
      )}
      <button
        type="button"
        className="button--primary button--small"
        disabled={accept.isPending}
        onClick={() =>
          accept.mutate({ questionId: question.id, answerId, version: question.version }, { onSuccess: () => onAccepted(`回答 ${answerNumber} を解決した回答にしました。`) })
        }
      >
        この回答で解決
      </button>
    </>
  );
}

function AnswerForm({ questionId, onAnswered }: { questionId: number; onAnswered: (m: string) => void }) {
  const id = useId();
  const answer = useAnswerQuestion();
  const [body, setBody] = useState('');
  const errors = fieldErrorsOf(answer.error);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>回答する</h2>
      {errors.length === 0 ? <ErrorAlert error={answer.error} title="回答を送れませんでした。" /> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          answer.mutate(
            { questionId, bodyMarkdown: body },
            {
              onSuccess: () => {
                setBody('');
                onAnswered('回答を投稿しました。');
              },
            },
          );
        }}
      >
        <MarkdownEditor label="回答" value={body} onChange={setBody} errors={messagesAt(errors, 'bodyMarkdown')} rows={6} />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={answer.isPending}>
            回答を投稿する
          </button>
        </div>
      </form>
    </section>
  );
}

function EditQuestionForm({ question, onDone }: { question: QuestionView; onDone: (message: string) => void }) {
  const id = useId();
  const edit = useEditQuestion();
  const reload = useReloadKnowledge();
  const [title, setTitle] = useState(question.title);
  const [body, setBody] = useState(question.bodyMarkdown);
  const [tags, setTags] = useState(question.tags.join(' '));
  const errors = fieldErrorsOf(edit.error);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>質問の編集</h2>
      {isStaleSave(edit.error) ? (
        <ConflictAlert
          subject="質問"
          onReload={() => {
            edit.reset();
            reload();
          }}
        />
      ) : errors.length > 0 ? (
        <FieldErrorSummary errors={errors} labelOf={(p) => ({ title: '題名', bodyMarkdown: '質問の内容', tags: 'タグ' })[p.split('.')[0]!] ?? ''} />
      ) : (
        <ErrorAlert error={edit.error} title="保存できませんでした。" />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          edit.mutate({ id: question.id, version: question.version, title, bodyMarkdown: body, tags: splitTags(tags) }, { onSuccess: () => onDone('質問を変更しました。') });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>
            題名 <span className="required">(必須)</span>
          </label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <MarkdownEditor label="質問の内容" value={body} onChange={setBody} errors={messagesAt(errors, 'bodyMarkdown')} rows={8} />
        <div className="field">
          <label htmlFor={`${id}-tags`}>タグ</label>
          <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={edit.isPending}>
            保存する
          </button>
          <button type="button" className="button--secondary" onClick={() => onDone('')}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}

/** HR and system administrators: remove an abusive post with a reason from the fixed list (audited). */
function ModerationControls({ kind, id, onRemoved }: { kind: 'question' | 'answer'; id: number; onRemoved: (m: string) => void }) {
  const fieldId = useId();
  const removeQuestion = useRemoveQuestion();
  const removeAnswer = useRemoveAnswer();
  const navigate = useNavigate();
  const [reason, setReason] = useState<ModerationReason | ''>('');
  const remove = kind === 'question' ? removeQuestion : removeAnswer;
  const what = kind === 'question' ? '質問' : '回答';
  return (
    <div className="knowledge-moderation">
      <ErrorAlert error={remove.error} title={`${what}を削除できませんでした。`} />
      <div className="field field--inline">
        <label htmlFor={fieldId}>{what}の削除理由</label>
        <select id={fieldId} value={reason} onChange={(e) => setReason((moderationReasons as readonly string[]).includes(e.target.value) ? (e.target.value as ModerationReason) : '')}>
          <option value="">選んでください</option>
          {moderationReasons.map((r) => (
            <option key={r} value={r}>
              {moderationReasonLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button--danger button--small"
        disabled={reason === '' || remove.isPending}
        onClick={() => {
          if (reason === '') return;
          remove.mutate(
            { id, reason },
            {
              onSuccess: () => {
                if (kind === 'question') void navigate('/knowledge/questions');
                else onRemoved('回答を削除しました。');
              },
            },
          );
        }}
      >
        {what}を削除(管理)
      </button>
    </div>
  );
}
