/**
 * The knowledge base (`knowledge_articles`), the Q&A board (`qa_questions`, `qa_answers`) and the read-only look at
 * the DX promotion structure (`dx_leaders`, `dx_body_members`) that decides who writes articles. The DX tables
 * belong to the digital area's screens; this file only reads them.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { knowledgeArticles, qaAnswers, qaQuestions } from '../db/schema/digital.js';
import type { QuestionFilter } from '../../domain/knowledge/knowledge-model.js';

/** The instant as ISO text rendered by the database, the same on both engines. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const staffName = (alias: string) => sql.raw(`(select s.family_name || ' ' || s.given_name from staff s where s.id = ${alias})`);

/** `%` and `_` in a search word are matched literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const allTerms = (column: SQL, terms: readonly string[]) => terms.map((t) => sql`${column} like ${likePattern(t)} escape '\\'`);

export type ArticleRow = {
  id: number;
  kind: string;
  title: string;
  tool: string;
  tags: string[];
  bodyMarkdown: string;
  status: string;
  authorStaffId: number | null;
  authorName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ArticleValues = { kind: string; title: string; tool: string; tags: string[]; bodyMarkdown: string; searchKey: string; status: string };

const articleColumns = sql`a.id, a.kind, a.title, a.tool, a.tags, a.body_markdown as "bodyMarkdown", a.status,
  a.author_staff_id as "authorStaffId", ${staffName('a.author_staff_id')} as "authorName", a.version,
  ${iso(sql`a.created_at`)} as "createdAt", ${iso(sql`a.updated_at`)} as "updatedAt"`;

const toArticle = (r: Record<string, unknown>): ArticleRow => ({
  id: Number(r.id),
  kind: String(r.kind),
  title: String(r.title),
  tool: String(r.tool),
  tags: (r.tags as string[] | null) ?? [],
  bodyMarkdown: String(r.bodyMarkdown),
  status: String(r.status),
  authorStaffId: r.authorStaffId === null ? null : Number(r.authorStaffId),
  authorName: r.authorName === null ? null : String(r.authorName),
  version: Number(r.version),
  createdAt: String(r.createdAt),
  updatedAt: String(r.updatedAt),
});

export type ArticleQuery = {
  municipalityId: number;
  /** normalised words, each must occur in the search key */
  terms: readonly string[];
  kind?: string;
  tool?: string;
  tag?: string;
  /** false: published articles only */
  includeDrafts: boolean;
  status?: string;
  limit: number;
  offset: number;
};

function articleWhere(q: ArticleQuery): SQL {
  const conditions: SQL[] = [sql`a.municipality_id = ${q.municipalityId}`, ...allTerms(sql`a.search_key`, q.terms)];
  if (!q.includeDrafts) conditions.push(sql`a.status = 'published'`);
  if (q.status !== undefined) conditions.push(sql`a.status = ${q.status}`);
  if (q.kind !== undefined) conditions.push(sql`a.kind = ${q.kind}`);
  if (q.tool !== undefined) conditions.push(sql`a.tool = ${q.tool}`);
  if (q.tag !== undefined) conditions.push(sql`${q.tag} = any(a.tags)`);
  return sql.join(conditions, sql` and `);
}

/** One page of articles, most recently updated first, and how many match. */
export async function listArticles(exec: Executor, q: ArticleQuery): Promise<{ total: number; rows: ArticleRow[] }> {
  const where = articleWhere(q);
  const [count] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from knowledge_articles a where ${where}`);
  const rows = await queryRows(
    exec,
    sql`select ${articleColumns} from knowledge_articles a where ${where} order by a.updated_at desc, a.id desc limit ${q.limit} offset ${q.offset}`,
  );
  return { total: Number(count?.n ?? 0), rows: rows.map(toArticle) };
}

/** The tools and tags in use (for the filters), among published articles or all of them. */
export async function listArticleFacets(exec: Executor, municipalityId: number, includeDrafts: boolean): Promise<{ tools: string[]; tags: string[] }> {
  const visible = includeDrafts ? sql`true` : sql`a.status = 'published'`;
  const tools = await queryRows<{ tool: string }>(
    exec,
    sql`select distinct a.tool from knowledge_articles a where a.municipality_id = ${municipalityId} and ${visible} and a.tool <> '' order by a.tool`,
  );
  const tags = await queryRows<{ tag: string }>(
    exec,
    sql`select distinct t.tag from knowledge_articles a cross join lateral unnest(a.tags) as t(tag)
        where a.municipality_id = ${municipalityId} and ${visible} order by t.tag`,
  );
  return { tools: tools.map((r) => String(r.tool)), tags: tags.map((r) => String(r.tag)) };
}

export async function findArticle(exec: Executor, municipalityId: number, id: number): Promise<ArticleRow | undefined> {
  const [row] = await queryRows(exec, sql`select ${articleColumns} from knowledge_articles a where a.municipality_id = ${municipalityId} and a.id = ${id}`);
  return row ? toArticle(row) : undefined;
}

export async function insertArticle(exec: Executor, values: ArticleValues & { municipalityId: number; authorStaffId: number | null; now: Date }): Promise<number> {
  const { now, ...rest } = values;
  const [row] = await exec
    .insert(knowledgeArticles)
    .values({ ...rest, createdAt: now.toISOString(), updatedAt: now.toISOString() })
    .returning({ id: knowledgeArticles.id });
  return row!.id;
}

/** Optimistic update: false when the version moved on (or the article is gone). */
export async function updateArticleIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number, values: ArticleValues, now: Date): Promise<boolean> {
  const rows = await exec
    .update(knowledgeArticles)
    .set({ ...values, version: version + 1, updatedAt: now.toISOString() })
    .where(and(eq(knowledgeArticles.municipalityId, municipalityId), eq(knowledgeArticles.id, id), eq(knowledgeArticles.version, version)))
    .returning({ id: knowledgeArticles.id });
  return rows.length === 1;
}

export async function deleteArticleIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number): Promise<boolean> {
  const rows = await exec
    .delete(knowledgeArticles)
    .where(and(eq(knowledgeArticles.municipalityId, municipalityId), eq(knowledgeArticles.id, id), eq(knowledgeArticles.version, version)))
    .returning({ id: knowledgeArticles.id });
  return rows.length === 1;
}

/** A DX推進リーダー of some unit on the date. */
export async function isDxLeaderOn(exec: Executor, municipalityId: number, staffId: number, date: string): Promise<boolean> {
  const rows = await queryRows(
    exec,
    sql`select 1 from dx_leaders l where l.municipality_id = ${municipalityId} and l.staff_id = ${staffId}
        and l.starts_on <= ${date} and (l.ends_on is null or l.ends_on >= ${date}) limit 1`,
  );
  return rows.length > 0;
}

/** A member of the DX promotion HQ or one of its working groups on the date (the body in being, too). */
export async function isDxBodyMemberOn(exec: Executor, municipalityId: number, staffId: number, date: string): Promise<boolean> {
  const rows = await queryRows(
    exec,
    sql`select 1 from dx_body_members m join dx_bodies b on b.id = m.body_id
        where m.municipality_id = ${municipalityId} and m.staff_id = ${staffId}
          and m.starts_on <= ${date} and (m.ends_on is null or m.ends_on >= ${date})
          and b.starts_on <= ${date} and (b.ends_on is null or b.ends_on >= ${date}) limit 1`,
  );
  return rows.length > 0;
}

export type QuestionRow = {
  id: number;
  title: string;
  bodyMarkdown: string;
  tags: string[];
  authorStaffId: number;
  authorName: string;
  acceptedAnswerId: number | null;
  answerCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const questionColumns = sql`q.id, q.title, q.body_markdown as "bodyMarkdown", q.tags, q.author_staff_id as "authorStaffId",
  ${staffName('q.author_staff_id')} as "authorName", q.accepted_answer_id as "acceptedAnswerId",
  (select count(*)::int from qa_answers x where x.question_id = q.id) as "answerCount", q.version,
  ${iso(sql`q.created_at`)} as "createdAt", ${iso(sql`q.updated_at`)} as "updatedAt"`;

const toQuestion = (r: Record<string, unknown>): QuestionRow => ({
  id: Number(r.id),
  title: String(r.title),
  bodyMarkdown: String(r.bodyMarkdown),
  tags: (r.tags as string[] | null) ?? [],
  authorStaffId: Number(r.authorStaffId),
  authorName: String(r.authorName ?? ''),
  acceptedAnswerId: r.acceptedAnswerId === null ? null : Number(r.acceptedAnswerId),
  answerCount: Number(r.answerCount),
  version: Number(r.version),
  createdAt: String(r.createdAt),
  updatedAt: String(r.updatedAt),
});

export type QuestionQuery = { municipalityId: number; terms: readonly string[]; tag?: string; filter: QuestionFilter; limit: number; offset: number };

function questionWhere(q: QuestionQuery): SQL {
  const conditions: SQL[] = [sql`q.municipality_id = ${q.municipalityId}`, ...allTerms(sql`q.search_key`, q.terms)];
  if (q.tag !== undefined) conditions.push(sql`${q.tag} = any(q.tags)`);
  if (q.filter === 'unanswered') conditions.push(sql`not exists (select 1 from qa_answers x where x.question_id = q.id)`);
  if (q.filter === 'unresolved') conditions.push(sql`q.accepted_answer_id is null`);
  if (q.filter === 'resolved') conditions.push(sql`q.accepted_answer_id is not null`);
  return sql.join(conditions, sql` and `);
}

/** One page of questions, most recent activity first, and how many match. */
export async function listQuestions(exec: Executor, q: QuestionQuery): Promise<{ total: number; rows: QuestionRow[] }> {
  const where = questionWhere(q);
  const [count] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from qa_questions q where ${where}`);
  const rows = await queryRows(
    exec,
    sql`select ${questionColumns} from qa_questions q where ${where} order by q.updated_at desc, q.id desc limit ${q.limit} offset ${q.offset}`,
  );
  return { total: Number(count?.n ?? 0), rows: rows.map(toQuestion) };
}

export async function listQuestionTags(exec: Executor, municipalityId: number): Promise<string[]> {
  const rows = await queryRows<{ tag: string }>(
    exec,
    sql`select distinct t.tag from qa_questions q cross join lateral unnest(q.tags) as t(tag) where q.municipality_id = ${municipalityId} order by t.tag`,
  );
  return rows.map((r) => String(r.tag));
}

export async function findQuestion(exec: Executor, municipalityId: number, id: number): Promise<QuestionRow | undefined> {
  const [row] = await queryRows(exec, sql`select ${questionColumns} from qa_questions q where q.municipality_id = ${municipalityId} and q.id = ${id}`);
  return row ? toQuestion(row) : undefined;
}

/**
 * Locks the question row for the rest of the transaction: answers added or removed at the same moment each rebuild
 * the search key from all answers, one after the other, so none is left out of it.
 */
export async function lockQuestion(exec: Executor, municipalityId: number, id: number): Promise<boolean> {
  const rows = await queryRows(exec, sql`select id from qa_questions where municipality_id = ${municipalityId} and id = ${id} for update`);
  return rows.length > 0;
}

export type AnswerRow = { id: number; questionId: number; bodyMarkdown: string; authorStaffId: number; authorName: string; createdAt: string };

/** The answers of a question, oldest first. */
export async function listAnswers(exec: Executor, municipalityId: number, questionId: number): Promise<AnswerRow[]> {
  const rows = await queryRows(
    exec,
    sql`select x.id, x.question_id as "questionId", x.body_markdown as "bodyMarkdown", x.author_staff_id as "authorStaffId",
               ${staffName('x.author_staff_id')} as "authorName", ${iso(sql`x.created_at`)} as "createdAt"
        from qa_answers x where x.municipality_id = ${municipalityId} and x.question_id = ${questionId} order by x.created_at, x.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    questionId: Number(r.questionId),
    bodyMarkdown: String(r.bodyMarkdown),
    authorStaffId: Number(r.authorStaffId),
    authorName: String(r.authorName ?? ''),
    createdAt: String(r.createdAt),
  }));
}

export async function findAnswer(exec: Executor, municipalityId: number, id: number): Promise<{ id: number; questionId: number; authorStaffId: number } | undefined> {
  const [row] = await exec
    .select({ id: qaAnswers.id, questionId: qaAnswers.questionId, authorStaffId: qaAnswers.authorStaffId })
    .from(qaAnswers)
    .where(and(eq(qaAnswers.municipalityId, municipalityId), eq(qaAnswers.id, id)));
  return row;
}

export type QuestionValues = { title: string; bodyMarkdown: string; tags: string[]; searchKey: string };

export async function insertQuestion(exec: Executor, values: QuestionValues & { municipalityId: number; authorStaffId: number; now: Date }): Promise<number> {
  const { now, ...rest } = values;
  const [row] = await exec
    .insert(qaQuestions)
    .values({ ...rest, createdAt: now.toISOString(), updatedAt: now.toISOString() })
    .returning({ id: qaQuestions.id });
  return row!.id;
}

/** Optimistic update of the asker's text or the accepted answer: false when the version moved on. */
export async function updateQuestionIfUnchanged(
  exec: Executor,
  municipalityId: number,
  id: number,
  version: number,
  patch: Partial<QuestionValues & { acceptedAnswerId: number | null }>,
  now: Date,
): Promise<boolean> {
  const rows = await exec
    .update(qaQuestions)
    .set({ ...patch, version: version + 1, updatedAt: now.toISOString() })
    .where(and(eq(qaQuestions.municipalityId, municipalityId), eq(qaQuestions.id, id), eq(qaQuestions.version, version)))
    .returning({ id: qaQuestions.id });
  return rows.length === 1;
}

/**
 * A new answer or a removed one changes the question's search key and its activity time, not its version: the
 * asker editing the question at the same moment must not be refused because someone answered.
 */
export async function updateQuestionActivity(exec: Executor, municipalityId: number, id: number, patch: { searchKey: string; acceptedAnswerId?: null }, now: Date): Promise<void> {
  await exec
    .update(qaQuestions)
    .set({ ...patch, updatedAt: now.toISOString() })
    .where(and(eq(qaQuestions.municipalityId, municipalityId), eq(qaQuestions.id, id)));
}

export async function insertAnswer(exec: Executor, values: { municipalityId: number; questionId: number; bodyMarkdown: string; authorStaffId: number; now: Date }): Promise<number> {
  const { now, ...rest } = values;
  const [row] = await exec
    .insert(qaAnswers)
    .values({ ...rest, createdAt: now.toISOString() })
    .returning({ id: qaAnswers.id });
  return row!.id;
}

export async function deleteAnswer(exec: Executor, municipalityId: number, id: number): Promise<void> {
  await exec.delete(qaAnswers).where(and(eq(qaAnswers.municipalityId, municipalityId), eq(qaAnswers.id, id)));
}

/** Deletes the question with its answers; answers how many answers went with it. */
export async function deleteQuestionWithAnswers(exec: Executor, municipalityId: number, id: number): Promise<number> {
  const answers = await exec
    .delete(qaAnswers)
    .where(and(eq(qaAnswers.municipalityId, municipalityId), eq(qaAnswers.questionId, id)))
    .returning({ id: qaAnswers.id });
  await exec.delete(qaQuestions).where(and(eq(qaQuestions.municipalityId, municipalityId), eq(qaQuestions.id, id)));
  return answers.length;
}
