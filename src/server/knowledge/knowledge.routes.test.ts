import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import type { ArticleList, ArticleView, QuestionList, QuestionView } from '../../domain/knowledge/knowledge-api.js';
import type { ArticleInput } from '../../domain/knowledge/knowledge-model.js';
import type { NotificationList } from '../../domain/notifications/notifications-api.js';

type ErrorBody = { error: { code: string; message: string } };

let h: Harness;
let hrOfficer: Session;
let hrAdmin: Session;
let sysAdmin: Session;
let staff: Session;
let evaluator: Session;
let unitHead: Session;

const staffIdOf = async (employeeNumber: string) =>
  h.queryCount(sql`select id as n from staff where employee_number = ${employeeNumber}`);
const auditRows = (action: string) =>
  h.queryRows<{ outcome: string; details: unknown; object_id: string | null }>(sql`select outcome, details, object_id from audit_log where action = ${action} order by seq`);

const article = (overrides: Partial<ArticleInput> = {}): ArticleInput => ({
  kind: 'guide',
  title: 'ワークフロー申請の手順',
  tool: '電子決裁',
  tags: ['起案', '決裁'],
  bodyMarkdown: '## 手順\n1. 電子決裁を開く\n2. **起案** を押す',
  status: 'published',
  ...overrides,
});

beforeAll(async () => {
  h = await createHarness();
  [hrOfficer, hrAdmin, sysAdmin, staff, evaluator, unitHead] = await Promise.all([
    h.loginAs('hrOfficer'),
    h.loginAs('hrAdmin'),
    h.loginAs('sysAdmin'),
    h.loginAs('staff'),
    h.loginAs('evaluator'),
    h.loginAs('unitHead'),
  ]);
});
afterAll(() => h.close());

describe('knowledge base: who writes', () => {
  it('a plain staff member reads but may not write; the refusal is audited', async () => {
    const list = await h.callJson<ArticleList>(staff, 'GET', '/api/knowledge/articles', 200);
    expect(list).toMatchObject({ total: 0, items: [], canWrite: false });
    const refused = await h.callJson<ErrorBody>(staff, 'POST', '/api/knowledge/articles', 403, article());
    expect(refused.error.code).toBe('access.denied');
    expect((await auditRows('knowledge.article-created')).map((r) => r.outcome)).toEqual(['denied']);
    await h.callJson(null, 'GET', '/api/knowledge/articles', 401);
  });

  it('HR and the system administrator write; the creation is audited', async () => {
    const created = await h.callJson<ArticleView>(hrOfficer, 'POST', '/api/knowledge/articles', 201, article());
    expect(created).toMatchObject({ kind: 'guide', title: 'ワークフロー申請の手順', tool: '電子決裁', status: 'published', version: 1, canEdit: true, canDelete: true });
    expect(created.bodyHtml).toContain('<strong>起案</strong>');
    expect(created.author?.staffId).toBe(await staffIdOf('A0002'));
    const draft = await h.callJson<ArticleView>(sysAdmin, 'POST', '/api/knowledge/articles', 201, article({ kind: 'faq', title: 'AI-OCRの読み取り精度', tool: 'AI-OCR', tags: ['OCR'], status: 'draft' }));
    expect(draft.status).toBe('draft');
    expect((await auditRows('knowledge.article-created')).map((r) => r.outcome)).toEqual(['denied', 'succeeded', 'succeeded']);
  });

  it('a DX推進リーダー in office on the date writes; one whose term ended does not', async () => {
    const evaluatorId = await staffIdOf('A0004');
    const [unit] = await h.queryRows<{ unit_id: number; municipality_id: number }>(
      sql`select a.unit_id, s.municipality_id from assignments a join staff s on s.id = a.staff_id where a.staff_id = ${evaluatorId} order by a.starts_on desc limit 1`,
    );
    await h.queryRows(sql`insert into dx_leaders (municipality_id, unit_id, staff_id, starts_on, ends_on)
      values (${unit!.municipality_id}, ${unit!.unit_id}, ${evaluatorId}, '2024-04-01', '2025-03-31')`);
    await h.callJson(evaluator, 'POST', '/api/knowledge/articles', 403, article({ title: '任期切れ' }));
    await h.queryRows(sql`insert into dx_leaders (municipality_id, unit_id, staff_id, starts_on) values (${unit!.municipality_id}, ${unit!.unit_id}, ${evaluatorId}, '2025-04-01')`);
    const list = await h.callJson<ArticleList>(evaluator, 'GET', '/api/knowledge/articles', 200);
    expect(list.canWrite).toBe(true);
    await h.callJson<ArticleView>(evaluator, 'POST', '/api/knowledge/articles', 201, article({ kind: 'faq', title: 'RPAのシナリオが止まったとき', tool: 'RPA', tags: ['RPA'], bodyMarkdown: 'ﾛｸﾞを確認します。' }));
  });

  it('a member of a DX working group in being writes', async () => {
    const unitHeadId = await staffIdOf('A0003');
    const [m] = await h.queryRows<{ municipality_id: number }>(sql`select municipality_id from staff where id = ${unitHeadId}`);
    const [body] = await h.queryRows<{ id: number }>(sql`insert into dx_bodies (municipality_id, kind, name, starts_on)
      values (${m!.municipality_id}, 'working_group', '窓口DX WG', '2025-04-01') returning id`);
    await h.callJson(unitHead, 'POST', '/api/knowledge/articles', 403, article({ title: 'まだメンバーではない' }));
    await h.queryRows(sql`insert into dx_body_members (municipality_id, body_id, staff_id, role, starts_on)
      values (${m!.municipality_id}, ${body!.id}, ${unitHeadId}, 'member', ${testToday})`);
    await h.callJson<ArticleView>(unitHead, 'POST', '/api/knowledge/articles', 201, article({ kind: 'faq', title: 'Web会議の音声が聞こえない', tool: 'Web会議', tags: ['音声'], bodyMarkdown: 'スピーカーの設定を確認してください。' }));
  });
});

describe('knowledge base: search and read', () => {
  it('finds katakana written in half-width kana, hiragana or full width; every word must match', async () => {
    for (const q of ['ﾜｰｸﾌﾛｰ', 'わーくふろー', 'ワークフロー', 'ﾜｰｸﾌﾛｰ　電子決裁', '起案 ﾜｰｸﾌﾛｰ']) {
      const found = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent(q)}`, 200);
      expect(found.items.map((a) => a.title), q).toEqual(['ワークフロー申請の手順']);
    }
    // The body's ﾛｸﾞ (half-width) is found by ログ and ろぐ; tool and tag are searched too.
    for (const q of ['ログ', 'ろぐ', 'ｒｐａ', 'rpa']) {
      const found = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent(q)}`, 200);
      expect(found.items.map((a) => a.title), q).toContain('RPAのシナリオが止まったとき');
    }
    const none = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent('ワークフロー 音声')}`, 200);
    expect(none.total).toBe(0);
    const literal = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent('%')}`, 200);
    expect(literal.total).toBe(0);
  });

  it('filters by kind, tool and tag, and pages', async () => {
    const faqs = await h.callJson<ArticleList>(staff, 'GET', '/api/knowledge/articles?kind=faq', 200);
    expect(faqs.items.every((a) => a.kind === 'faq')).toBe(true);
    expect(faqs.total).toBe(2);
    const rpa = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?tool=RPA`, 200);
    expect(rpa.items.map((a) => a.title)).toEqual(['RPAのシナリオが止まったとき']);
    const tagged = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?tag=${encodeURIComponent('起案')}`, 200);
    expect(tagged.items.map((a) => a.title)).toEqual(['ワークフロー申請の手順']);
    const page2 = await h.callJson<ArticleList>(staff, 'GET', '/api/knowledge/articles?pageSize=1&page=2', 200);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page2.items).toHaveLength(1);
    expect(faqs.tools).toEqual(expect.arrayContaining(['RPA', 'Web会議', '電子決裁']));
    expect(faqs.tools).not.toContain('AI-OCR');
    await h.callJson(staff, 'GET', '/api/knowledge/articles?kind=blog', 400);
    await h.callJson(staff, 'GET', '/api/knowledge/articles?pageSize=500', 400);
  });

  it('hides drafts from readers (list and by id) and shows them to writers', async () => {
    const [draft] = await h.queryRows<{ id: number }>(sql`select id from knowledge_articles where status = 'draft'`);
    const asStaff = await h.callJson<ArticleList>(staff, 'GET', '/api/knowledge/articles?q=OCR', 200);
    expect(asStaff.total).toBe(0);
    await h.callJson(staff, 'GET', `/api/knowledge/articles/${draft!.id}`, 404);
    const asHr = await h.callJson<ArticleList>(hrAdmin, 'GET', '/api/knowledge/articles?status=draft', 200);
    expect(asHr.items.map((a) => a.title)).toEqual(['AI-OCRの読み取り精度']);
    const view = await h.callJson<ArticleView>(hrAdmin, 'GET', `/api/knowledge/articles/${draft!.id}`, 200);
    expect(view.status).toBe('draft');
  });

  it('renders hostile Markdown inert in the API answer', async () => {
    const created = await h.callJson<ArticleView>(hrOfficer, 'POST', '/api/knowledge/articles', 201, article({
      title: '悪意ある本文の確認',
      bodyMarkdown: '<script>alert(1)</script>\n\n[押す](jav&#x09;ascript:alert(1))\n\n![追跡](https://tracker.example/p.gif)\n\n<img src=x onerror=alert(1)>',
    }));
    expect(created.bodyHtml).not.toMatch(/<script|<img|href="jav/i);
    expect(created.bodyHtml).toContain('&lt;script&gt;');
    expect(created.bodyHtml).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer">画像: 追跡</a>');
    const preview = await h.callJson<{ html: string }>(staff, 'POST', '/api/knowledge/preview', 200, { markdown: '<b>x</b> **y**' });
    expect(preview.html).toBe('<p>&lt;b&gt;x&lt;/b&gt; <strong>y</strong></p>\n');
  });
});

describe('knowledge base: changes', () => {
  it('updates at the version read; a stale version is 409; readers may not update', async () => {
    const [row] = await h.queryRows<{ id: number }>(sql`select id from knowledge_articles where title = 'ワークフロー申請の手順'`);
    const path = `/api/knowledge/articles/${row!.id}`;
    const current = await h.callJson<ArticleView>(hrOfficer, 'GET', path, 200);
    const { id: _id, version, ...rest } = current;
    const body = { kind: rest.kind, title: rest.title, tool: rest.tool, tags: rest.tags, bodyMarkdown: `${rest.bodyMarkdown}\n3. 送信ボタンを押す`, status: rest.status };
    await h.callJson(staff, 'PUT', path, 403, { ...body, version });
    const saved = await h.callJson<ArticleView>(evaluator, 'PUT', path, 200, { ...body, version });
    expect(saved.version).toBe(version + 1);
    const stale = await h.callJson<ErrorBody>(hrOfficer, 'PUT', path, 409, { ...body, title: '古い版から', version });
    expect(stale.error.code).toBe('common.conflict');
    await h.callJson(hrOfficer, 'PUT', path, 400, { ...body, version: saved.version, searchKey: 'x' });
    const found = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent('ぼたん')}`, 200);
    expect(found.items.map((a) => a.id)).toEqual([row!.id]);
  });

  it('deletes only as HR or system administrator, at the version read', async () => {
    const [row] = await h.queryRows<{ id: number; version: number }>(sql`select id, version from knowledge_articles where title = '悪意ある本文の確認'`);
    const path = `/api/knowledge/articles/${row!.id}`;
    await h.callJson(evaluator, 'DELETE', `${path}?version=${row!.version}`, 403);
    await h.callJson(sysAdmin, 'DELETE', `${path}?version=${row!.version + 1}`, 409);
    await h.callJson(sysAdmin, 'DELETE', `${path}?version=${row!.version}`, 204);
    await h.callJson(staff, 'GET', path, 404);
    expect((await auditRows('knowledge.article-deleted')).map((r) => r.outcome)).toEqual(['succeeded']);
  });
});

describe('Q&A board', () => {
  let questionId: number;

  it('anyone signed in asks; the question is listed as unanswered', async () => {
    const q = await h.callJson<QuestionView>(staff, 'POST', '/api/knowledge/questions', 201, {
      title: 'グループウェアで会議室を予約するには',
      bodyMarkdown: '来週の**会議室**を押さえたいです。',
      tags: ['グループウェア', '会議室'],
    });
    questionId = q.id;
    expect(q).toMatchObject({ isMine: true, isResolved: false, answerCount: 0, version: 1, canModerate: false });
    expect(q.bodyHtml).toContain('<strong>会議室</strong>');
    const unanswered = await h.callJson<QuestionList>(evaluator, 'GET', '/api/knowledge/questions?filter=unanswered', 200);
    expect(unanswered.items.map((i) => i.id)).toContain(questionId);
    expect(unanswered.tags).toEqual(expect.arrayContaining(['グループウェア', '会議室']));
    await h.callJson(staff, 'POST', '/api/knowledge/questions', 400, { title: '', bodyMarkdown: 'x' });
    await h.callJson(staff, 'POST', '/api/knowledge/questions', 400, { title: 'x', bodyMarkdown: 'x', authorStaffId: 1 });
  });

  it('an answer notifies the asker with the question title only, and is searchable in kana variants', async () => {
    const before = await h.callJson<NotificationList>(staff, 'GET', '/api/notifications', 200);
    const answered = await h.callJson<QuestionView>(evaluator, 'POST', `/api/knowledge/questions/${questionId}/answers`, 201, {
      bodyMarkdown: '施設予約メニューから「ｶｲｷﾞｼﾂ」を選びます。',
    });
    expect(answered.answers).toHaveLength(1);
    expect(answered.isMine).toBe(false);
    const after = await h.callJson<NotificationList>(staff, 'GET', '/api/notifications', 200);
    expect(after.total).toBe(before.total + 1);
    const note = after.items.find((n) => n.kind === 'knowledge.answer-posted')!;
    expect(note.title).toBe('質問に回答がありました');
    expect(note.body).toContain('グループウェアで会議室を予約するには');
    expect(note.body).not.toContain('施設予約');
    expect(note.link).toBe(`/knowledge/questions/${questionId}`);
    // The asker answering themselves is not notified.
    await h.callJson(staff, 'POST', `/api/knowledge/questions/${questionId}/answers`, 201, { bodyMarkdown: '補足: 10人程度です。' });
    expect((await h.callJson<NotificationList>(staff, 'GET', '/api/notifications', 200)).total).toBe(after.total);
    const found = await h.callJson<QuestionList>(hrAdmin, 'GET', `/api/knowledge/questions?q=${encodeURIComponent('めにゅー')}`, 200);
    expect(found.items.map((i) => i.id)).toEqual([questionId]);
    const unanswered = await h.callJson<QuestionList>(evaluator, 'GET', '/api/knowledge/questions?filter=unanswered', 200);
    expect(unanswered.items.map((i) => i.id)).not.toContain(questionId);
  });

  it('only the asker accepts an answer, at the version read', async () => {
    const q = await h.callJson<QuestionView>(staff, 'GET', `/api/knowledge/questions/${questionId}`, 200);
    const answerId = q.answers[0]!.id;
    const path = `/api/knowledge/questions/${questionId}/accept`;
    const notAsker = await h.callJson<ErrorBody>(evaluator, 'POST', path, 403, { answerId, version: q.version });
    expect(notAsker.error.code).toBe('access.denied');
    await h.callJson(hrAdmin, 'POST', path, 403, { answerId, version: q.version });
    await h.callJson(staff, 'POST', path, 409, { answerId, version: q.version + 1 });
    const [other] = await h.queryRows<{ id: number }>(sql`insert into qa_questions (municipality_id, title, body_markdown, search_key, author_staff_id)
      select municipality_id, '別の質問', '本文', '別の質問', id from staff where employee_number = 'A0004' returning id`);
    const [foreign] = await h.queryRows<{ id: number }>(sql`insert into qa_answers (municipality_id, question_id, body_markdown, author_staff_id)
      select municipality_id, ${other!.id}, '別の回答', author_staff_id from qa_questions where id = ${other!.id} returning id`);
    await h.callJson(staff, 'POST', path, 404, { answerId: foreign!.id, version: q.version });
    const accepted = await h.callJson<QuestionView>(staff, 'POST', path, 200, { answerId, version: q.version });
    expect(accepted).toMatchObject({ isResolved: true, acceptedAnswerId: answerId, version: q.version + 1 });
    expect(accepted.answers.find((a) => a.id === answerId)?.isAccepted).toBe(true);
    const resolved = await h.callJson<QuestionList>(staff, 'GET', '/api/knowledge/questions?filter=resolved', 200);
    expect(resolved.items.map((i) => i.id)).toEqual([questionId]);
    const unresolved = await h.callJson<QuestionList>(staff, 'GET', '/api/knowledge/questions?filter=unresolved', 200);
    expect(unresolved.items.map((i) => i.id)).not.toContain(questionId);
  });

  it('only the asker edits the question; a stale version is 409', async () => {
    const q = await h.callJson<QuestionView>(staff, 'GET', `/api/knowledge/questions/${questionId}`, 200);
    const body = { title: `${q.title}(10人)`, bodyMarkdown: q.bodyMarkdown, tags: q.tags, version: q.version };
    await h.callJson(evaluator, 'PUT', `/api/knowledge/questions/${questionId}`, 403, body);
    const edited = await h.callJson<QuestionView>(staff, 'PUT', `/api/knowledge/questions/${questionId}`, 200, body);
    expect(edited.title).toBe('グループウェアで会議室を予約するには(10人)');
    await h.callJson(staff, 'PUT', `/api/knowledge/questions/${questionId}`, 409, body);
    // The answers stay searchable after the edit.
    const found = await h.callJson<QuestionList>(staff, 'GET', `/api/knowledge/questions?q=${encodeURIComponent('カイギシツ')}`, 200);
    expect(found.items.map((i) => i.id)).toEqual([questionId]);
  });

  it('moderators remove an abusive answer or question with a reason; audited without the text', async () => {
    const q = await h.callJson<QuestionView>(hrAdmin, 'GET', `/api/knowledge/questions/${questionId}`, 200);
    expect(q.canModerate).toBe(true);
    const accepted = q.acceptedAnswerId!;
    await h.callJson(staff, 'DELETE', `/api/knowledge/answers/${accepted}`, 403, { reason: 'abusive' });
    await h.callJson(hrAdmin, 'DELETE', `/api/knowledge/answers/${accepted}`, 400, { reason: 'dislike' });
    await h.callJson(hrAdmin, 'DELETE', `/api/knowledge/answers/${accepted}`, 204, { reason: 'abusive' });
    const after = await h.callJson<QuestionView>(staff, 'GET', `/api/knowledge/questions/${questionId}`, 200);
    expect(after).toMatchObject({ isResolved: false, acceptedAnswerId: null, answerCount: 1 });
    const [removed] = await auditRows('knowledge.answer-removed');
    expect(removed?.details).toMatchObject({ reason: 'abusive', questionId });
    expect(JSON.stringify(removed?.details)).not.toContain('ｶｲｷﾞｼﾂ');
    await h.callJson(sysAdmin, 'DELETE', `/api/knowledge/questions/${questionId}`, 204, { reason: 'off-topic' });
    await h.callJson(staff, 'GET', `/api/knowledge/questions/${questionId}`, 404);
    expect(await h.queryCount(sql`select count(*)::int as n from qa_answers where question_id = ${questionId}`)).toBe(0);
    const [gone] = await auditRows('knowledge.question-removed');
    expect(gone?.details).toMatchObject({ reason: 'off-topic', answersRemoved: 1 });
  });
});

describe('demo knowledge seeder', () => {
  it('seeds a dozen articles and a few questions once, findable by search', async () => {
    const { demoKnowledgeSeeder } = await import('../db/seeds/demo-knowledge.js');
    // The city already has articles from the tests above: the seeder leaves it alone.
    expect(await demoKnowledgeSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config })).toEqual({ articles: 0, questions: 0, answers: 0 });
    await h.queryRows(sql`delete from knowledge_articles`);
    const counts = await demoKnowledgeSeeder.seed(h.database, { today: testToday, seed: 7, config: h.deps.config });
    expect(counts).toEqual({ articles: 12, questions: 3, answers: 3 });
    const ocr = await h.callJson<ArticleList>(staff, 'GET', `/api/knowledge/articles?q=${encodeURIComponent('ＯＣＲ')}`, 200);
    expect(ocr.items.map((a) => a.title)).toContain('手書きの申請書をAI-OCRで読み取る(操作ガイド)');
    const resolved = await h.callJson<QuestionList>(staff, 'GET', '/api/knowledge/questions?filter=resolved', 200);
    expect(resolved.items.map((q) => q.title)).toContain('AI-OCRで読めない欄が多い帳票の工夫はありますか');
    const unanswered = await h.callJson<QuestionList>(staff, 'GET', '/api/knowledge/questions?filter=unanswered', 200);
    expect(unanswered.items.map((q) => q.title)).toContain('RPAを始めたいのですが、最初に何をすればよいですか');
    for (const a of (await h.callJson<ArticleList>(staff, 'GET', '/api/knowledge/articles?pageSize=50', 200)).items) {
      const view = await h.callJson<ArticleView>(staff, 'GET', `/api/knowledge/articles/${a.id}`, 200);
      expect(view.bodyHtml).not.toMatch(/style=|<script/);
    }
  });
});
