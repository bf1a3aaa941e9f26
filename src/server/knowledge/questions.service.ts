/**
 * The Q&A board of the staff community (職員コミュニティ, policy IV-2-(6) 「職員同士で情報交換や知識共有を促進」): any signed-in
 * staff member asks (title, Markdown body, tags) and answers; the asker edits their question and accepts one answer
 * (resolved); the asker hears of each new answer by an in-app notification that names only the question.
 * Moderation (ADR 0016): HR and system administrators delete an abusive question (with its answers) or answer,
 * choosing a reason from a fixed list; the audit row keeps who, what id and the reason, never the text.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import {
  excerptOf,
  pageSizeMax,
  questionSearchKey,
  searchTermsOf,
  type AcceptAnswer,
  type AnswerInput,
  type ModerationReason,
  type QuestionFilter,
  type QuestionInput,
  type QuestionUpdate,
} from '../../domain/knowledge/knowledge-model.js';
import type { QuestionList, QuestionSummary, QuestionView } from '../../domain/knowledge/knowledge-api.js';
import type { Executor } from '../db/client.js';
import {
  deleteAnswer,
  deleteQuestionWithAnswers,
  findAnswer,
  findQuestion,
  insertAnswer,
  insertQuestion,
  listAnswers,
  listQuestions,
  listQuestionTags,
  lockQuestion,
  updateQuestionActivity,
  updateQuestionIfUnchanged,
  type QuestionRow,
} from './knowledge.repository.js';
import { renderMarkdown } from './safe-markdown.js';
import { canModerate, knowledgeAuditSource } from './articles.service.js';

const notFound = () => new AppError('common.not-found', '質問が見つかりません。');
const answerNotFound = () => new AppError('common.not-found', '回答が見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの質問を更新しました。最新の内容を読み込んでから、もう一度操作してください。');

function staffIdOf(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new AppError('access.denied', '職員として登録されたアカウントでのみ利用できます。');
  return ctx.actor.staffId;
}

function toSummary(row: QuestionRow): QuestionSummary {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    excerpt: excerptOf(row.bodyMarkdown),
    author: { staffId: row.authorStaffId, name: row.authorName },
    answerCount: row.answerCount,
    isResolved: row.acceptedAnswerId !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The search key of a question as stored now, from its text and its answers. */
async function searchKeyOf(exec: Executor, municipalityId: number, question: { id: number; title: string; tags: string[]; bodyMarkdown: string }): Promise<string> {
  const answers = await listAnswers(exec, municipalityId, question.id);
  return questionSearchKey(question, answers.map((a) => a.bodyMarkdown));
}

export type QuestionSearch = { q?: string; tag?: string; filter?: QuestionFilter; page?: number; pageSize?: number };

/** GET /api/knowledge/questions: every word must occur in the question or one of its answers. */
export async function searchQuestions(ctx: ServiceContext, input: QuestionSearch): Promise<QuestionList> {
  const exec = ctx.database.db;
  const page = input.page ?? 1;
  const pageSize = Math.min(input.pageSize ?? 20, pageSizeMax);
  const result = await listQuestions(exec, {
    municipalityId: ctx.actor.municipalityId,
    terms: searchTermsOf(input.q),
    tag: input.tag || undefined,
    filter: input.filter ?? 'all',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { total: result.total, page, pageSize, items: result.rows.map(toSummary), tags: await listQuestionTags(exec, ctx.actor.municipalityId) };
}

/** GET /api/knowledge/questions/{id}: the question and its answers, rendered. */
export async function readQuestion(ctx: ServiceContext, input: { id: number }): Promise<QuestionView> {
  const exec = ctx.database.db;
  const row = await findQuestion(exec, ctx.actor.municipalityId, input.id);
  if (!row) throw notFound();
  const answers = await listAnswers(exec, ctx.actor.municipalityId, row.id);
  return {
    ...toSummary(row),
    version: row.version,
    bodyMarkdown: row.bodyMarkdown,
    bodyHtml: renderMarkdown(row.bodyMarkdown),
    acceptedAnswerId: row.acceptedAnswerId,
    answers: answers.map((a) => ({
      id: a.id,
      bodyHtml: renderMarkdown(a.bodyMarkdown),
      author: { staffId: a.authorStaffId, name: a.authorName },
      createdAt: a.createdAt,
      isAccepted: a.id === row.acceptedAnswerId,
    })),
    isMine: row.authorStaffId === ctx.actor.staffId,
    canModerate: await canModerate(ctx),
  };
}

/** POST /api/knowledge/questions */
export async function askQuestion(ctx: ServiceContext, input: QuestionInput): Promise<QuestionView> {
  const authorStaffId = staffIdOf(ctx);
  const id = await ctx.database.db.transaction(async (tx) => {
    const newId = await insertQuestion(tx, {
      ...input,
      searchKey: questionSearchKey(input, []),
      municipalityId: ctx.actor.municipalityId,
      authorStaffId,
      now: ctx.now,
    });
    await auditInTx(tx, knowledgeAuditSource(ctx), { action: 'knowledge.question-asked', outcome: 'succeeded', objectType: 'qa-question', objectId: newId });
    return newId;
  });
  return readQuestion(ctx, { id });
}

/** PUT /api/knowledge/questions/{id}: the asker's own question only, at the version read. */
export async function editQuestion(ctx: ServiceContext, input: QuestionUpdate & { id: number }): Promise<QuestionView> {
  const { id, version, ...values } = input;
  const staffId = staffIdOf(ctx);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await lockQuestion(tx, ctx.actor.municipalityId, id))) throw notFound();
    const current = await findQuestion(tx, ctx.actor.municipalityId, id);
    if (!current) throw notFound();
    if (current.authorStaffId !== staffId) throw new AppError('access.denied', '質問を変更できるのは質問した本人だけです。');
    if (current.version !== version) throw stale();
    const searchKey = await searchKeyOf(tx, ctx.actor.municipalityId, { id, ...values });
    if (!(await updateQuestionIfUnchanged(tx, ctx.actor.municipalityId, id, version, { ...values, searchKey }, ctx.now))) throw stale();
    await auditInTx(tx, knowledgeAuditSource(ctx), { action: 'knowledge.question-edited', outcome: 'succeeded', objectType: 'qa-question', objectId: id });
  });
  return readQuestion(ctx, { id });
}

/** POST /api/knowledge/questions/{id}/answers: the asker is notified (in-app), unless they answered themselves. */
export async function answerQuestion(ctx: ServiceContext, input: AnswerInput & { questionId: number }): Promise<QuestionView> {
  const authorStaffId = staffIdOf(ctx);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await lockQuestion(tx, ctx.actor.municipalityId, input.questionId))) throw notFound();
    const question = await findQuestion(tx, ctx.actor.municipalityId, input.questionId);
    if (!question) throw notFound();
    const answerId = await insertAnswer(tx, {
      municipalityId: ctx.actor.municipalityId,
      questionId: question.id,
      bodyMarkdown: input.bodyMarkdown,
      authorStaffId,
      now: ctx.now,
    });
    await updateQuestionActivity(tx, ctx.actor.municipalityId, question.id, { searchKey: await searchKeyOf(tx, ctx.actor.municipalityId, question) }, ctx.now);
    if (question.authorStaffId !== authorStaffId) {
      await notify(tx, {
        municipalityId: ctx.actor.municipalityId,
        recipientStaffIds: [question.authorStaffId],
        kind: 'knowledge.answer-posted',
        title: '質問に回答がありました',
        // Only the question's own title: the answer is read in the app, where access is checked.
        body: `職員コミュニティの質問「${question.title}」に新しい回答があります。`,
        link: `/knowledge/questions/${question.id}`,
      });
    }
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.answer-posted',
      outcome: 'succeeded',
      objectType: 'qa-answer',
      objectId: answerId,
      details: { questionId: question.id },
    });
  });
  return readQuestion(ctx, { id: input.questionId });
}

/** POST /api/knowledge/questions/{id}/accept: only the asker accepts, one answer of this question (may change it). */
export async function acceptAnswer(ctx: ServiceContext, input: AcceptAnswer & { questionId: number }): Promise<QuestionView> {
  const staffId = staffIdOf(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const question = await findQuestion(tx, ctx.actor.municipalityId, input.questionId);
    if (!question) throw notFound();
    if (question.authorStaffId !== staffId) throw new AppError('access.denied', '解決した回答を選べるのは質問した本人だけです。');
    const answer = await findAnswer(tx, ctx.actor.municipalityId, input.answerId);
    if (!answer || answer.questionId !== question.id) throw answerNotFound();
    if (question.version !== input.version) throw stale();
    if (!(await updateQuestionIfUnchanged(tx, ctx.actor.municipalityId, question.id, input.version, { acceptedAnswerId: answer.id }, ctx.now))) throw stale();
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.answer-accepted',
      outcome: 'succeeded',
      objectType: 'qa-question',
      objectId: question.id,
      details: { answerId: answer.id },
    });
  });
  return readQuestion(ctx, { id: input.questionId });
}

/** DELETE /api/knowledge/questions/{id} (moderators; the guard checked the role): the question and its answers. */
export async function removeQuestion(ctx: ServiceContext, input: { id: number; reason: ModerationReason }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const question = await findQuestion(tx, ctx.actor.municipalityId, input.id);
    if (!question) throw notFound();
    const answers = await deleteQuestionWithAnswers(tx, ctx.actor.municipalityId, question.id);
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.question-removed',
      outcome: 'succeeded',
      objectType: 'qa-question',
      objectId: question.id,
      details: { reason: input.reason, answersRemoved: answers, authorStaffId: question.authorStaffId },
    });
  });
}

/** DELETE /api/knowledge/answers/{id} (moderators): an accepted answer removed leaves the question unresolved. */
export async function removeAnswer(ctx: ServiceContext, input: { id: number; reason: ModerationReason }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const answer = await findAnswer(tx, ctx.actor.municipalityId, input.id);
    if (!answer) throw answerNotFound();
    await lockQuestion(tx, ctx.actor.municipalityId, answer.questionId);
    const question = await findQuestion(tx, ctx.actor.municipalityId, answer.questionId);
    await deleteAnswer(tx, ctx.actor.municipalityId, answer.id);
    if (question) {
      const searchKey = await searchKeyOf(tx, ctx.actor.municipalityId, question);
      await updateQuestionActivity(tx, ctx.actor.municipalityId, question.id, question.acceptedAnswerId === answer.id ? { searchKey, acceptedAnswerId: null } : { searchKey }, ctx.now);
    }
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.answer-removed',
      outcome: 'succeeded',
      objectType: 'qa-answer',
      objectId: answer.id,
      details: { reason: input.reason, questionId: answer.questionId, authorStaffId: answer.authorStaffId },
    });
  });
}
