/**
 * Demo knowledge base and Q&A board (issue 4 item 7): a dozen FAQs and operation guides for みどり野市 (デモ)'s
 * fictitious tools, written by the demo HR officer, and a few questions of the staff community with answers.
 * Deterministic for a date: the same texts, authors and times every time; written through the knowledge area's
 * repository with the same search keys the services compute. Skipped when the city already has articles.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../client.js';
import { articleSearchKey, questionSearchKey, type ArticleKind } from '../../../domain/knowledge/knowledge-model.js';
import { insertAnswer, insertArticle, insertQuestion, updateQuestionActivity, updateQuestionIfUnchanged } from '../../knowledge/knowledge.repository.js';
import type { DemoAreaSeeder } from './demo-areas.js';

type DemoArticle = { kind: ArticleKind; title: string; tool: string; tags: string[]; body: string };

const articles: DemoArticle[] = [
  {
    kind: 'guide',
    tool: '電子決裁',
    title: '電子決裁で起案する(操作ガイド)',
    tags: ['起案', 'ワークフロー'],
    body: '## はじめに\nみどり野市(デモ)の電子決裁システム「ミドリ決裁」で文書を起案する手順です。\n\n## 手順\n1. ポータルの **電子決裁** を開く\n2. **新規起案** を押し、文書分類を選ぶ\n3. 件名・本文を入力し、添付ファイルを付ける\n4. 決裁ルートを確認して **回議** を押す\n\n> 決裁ルートは所属ごとの既定値が入ります。合議先を足すときは「ルート編集」から。\n\n関連: [差し戻された起案を直す](/knowledge)',
  },
  {
    kind: 'faq',
    tool: '電子決裁',
    title: '差し戻された起案を直して再回議するには',
    tags: ['差戻し', 'ワークフロー'],
    body: '「処理待ち一覧」の **差戻し** タブから文書を開き、**修正して再回議** を押します。コメント欄に差戻し理由が表示されます。',
  },
  {
    kind: 'guide',
    tool: 'グループウェア',
    title: '会議室・公用車を予約する(操作ガイド)',
    tags: ['施設予約', 'スケジュール'],
    body: '## 施設予約\n1. グループウェアの **施設予約** を開く\n2. 日付と施設(会議室・公用車)を選ぶ\n3. 空いている時間帯をドラッグして登録\n\n| 施設 | 予約できる人 |\n| :-- | :-- |\n| 会議室 | 全職員 |\n| 公用車 | 所属の庶務担当 |',
  },
  {
    kind: 'faq',
    tool: 'グループウェア',
    title: 'スケジュールを係のメンバーと共有したい',
    tags: ['スケジュール', '共有'],
    body: '**個人設定 → 公開範囲** で「所属」を選ぶと、同じ係のメンバーに予定が表示されます。私用の予定は「非公開」にしてください。',
  },
  {
    kind: 'guide',
    tool: 'AI-OCR',
    title: '手書きの申請書をAI-OCRで読み取る(操作ガイド)',
    tags: ['OCR', 'データ入力'],
    body: '## 手順\n1. 申請書をスキャナで読み取り、共有フォルダ `\\\\ocr\\inbox` に置く\n2. AI-OCR画面で **帳票定義** を選び、**読取開始**\n3. 確信度の低い項目(黄色)を目で確認して修正\n4. **CSV出力** で基幹システムに取り込む\n\n*読取結果は必ず人が確認してから使います。*',
  },
  {
    kind: 'faq',
    tool: 'AI-OCR',
    title: 'AI-OCRの読み取り精度を上げるには',
    tags: ['OCR', '精度'],
    body: '- 300dpi 以上でスキャンする\n- 記入欄の枠を帳票定義と合わせる\n- 記入例を申請者に配る\n\n精度は帳票ごとに **読取レポート** で確認できます。',
  },
  {
    kind: 'guide',
    tool: 'RPA',
    title: 'RPAのシナリオを登録して動かす(操作ガイド)',
    tags: ['RPA', '自動化'],
    body: '## シナリオの登録\n1. 作ったシナリオをDX推進本部の **レビュー** に出す\n2. 承認後、RPA管理画面の **シナリオ一覧** に登録\n3. 実行スケジュール(毎朝8時など)を設定\n\n## 注意\n- 個人のIDでロボットを動かさない(ロボット専用IDを使う)\n- 対象システムの画面が変わると止まるため、担当課は変更を事前に知らせる',
  },
  {
    kind: 'faq',
    tool: 'RPA',
    title: 'RPAのシナリオが途中で止まったとき',
    tags: ['RPA', 'トラブル'],
    body: 'RPA管理画面の **実行ログ** で止まった手順を確認します。画面の変更が原因のことが多いので、シナリオ作成者かDX推進リーダーに連絡してください。',
  },
  {
    kind: 'guide',
    tool: '生成AI',
    title: '生成AIを業務で使うときのルール(操作ガイド)',
    tags: ['生成AI', 'ガイドライン', '情報セキュリティ'],
    body: '## 入力してはいけないもの\n- 個人情報(氏名・住所・マイナンバーなど)\n- 非公開の内部情報\n\n## 使ってよい場面\n- 文章の下書き・要約・言い換え\n- 表計算の関数の相談\n\n## 必ず守ること\n1. 出力は **職員が確認** してから使う\n2. 重要な文書には生成AIを使ったことを記録する',
  },
  {
    kind: 'faq',
    tool: '生成AI',
    title: '生成AIの回答が正しいか確かめるには',
    tags: ['生成AI', '確認'],
    body: '生成AIはもっともらしい誤り(ハルシネーション)を出すことがあります。法令・数値・日付は **原典** で確認してください。',
  },
  {
    kind: 'faq',
    tool: 'Web会議',
    title: 'Web会議で音声が聞こえないとき',
    tags: ['Web会議', '音声'],
    body: '1. ヘッドセットが接続されているか確認\n2. Web会議画面の **オーディオ設定** で出力先を選び直す\n3. それでも直らなければ情報政策課(内線 0000・デモ)へ',
  },
  {
    kind: 'faq',
    tool: 'テレワーク',
    title: 'テレワーク端末からグループウェアに入れない',
    tags: ['テレワーク', 'ログイン'],
    body: 'テレワーク端末は **VPN に接続してから** グループウェアを開きます。パスワードの期限切れのときは、庁内端末で変更してから再度お試しください。',
  },
];

type DemoQuestion = { asker: string; title: string; tags: string[]; body: string; answers: { by: string; body: string }[]; acceptFirst: boolean };

const questions: DemoQuestion[] = [
  {
    asker: 'A0005',
    title: 'AI-OCRで読めない欄が多い帳票の工夫はありますか',
    tags: ['OCR', '窓口'],
    body: '転入届の「続柄」欄がよく読み取れません。同じ悩みの方はいますか?',
    answers: [
      { by: 'A0004', body: '続柄は選択式(チェック欄)にした様式に変えたら、読み取りがほぼ100%になりました。' },
      { by: 'A0009', body: '帳票定義で欄の範囲を少し広げるのも効果があります。' },
    ],
    acceptFirst: true,
  },
  {
    asker: 'A0004',
    title: '生成AIで議事録の要約を作ってもよいですか',
    tags: ['生成AI', '議事録'],
    body: '公開予定の会議の議事録です。発言者の氏名は含みます。',
    answers: [{ by: 'A0002', body: '氏名を含むものは入力しないルールです。氏名を「委員A」などに置き換えてから使ってください。[ルール](/knowledge)もご覧ください。' }],
    acceptFirst: false,
  },
  {
    asker: 'A0003',
    title: 'RPAを始めたいのですが、最初に何をすればよいですか',
    tags: ['RPA'],
    body: '課内の定型作業を自動化したいと考えています。',
    answers: [],
    acceptFirst: false,
  },
];

/** An instant on a day before `today` (09:00 Japan time plus minutes), so that lists have a stable order. */
const instantBefore = (today: string, days: number, minutes = 0) =>
  new Date(new Date(`${today}T09:00:00+09:00`).getTime() - days * 86_400_000 + minutes * 60_000);

async function seedKnowledge(database: Database, opts: { today: string }): Promise<Record<string, number>> {
  return database.db.transaction(async (tx) => {
    const staffIds = new Map(
      (await queryRows<{ id: number; employee_number: string; municipality_id: number }>(
        tx,
        sql`select id, employee_number, municipality_id from staff where employee_number in ('A0002', 'A0003', 'A0004', 'A0005', 'A0009')`,
      )).map((r) => [String(r.employee_number), { id: Number(r.id), municipalityId: Number(r.municipality_id) }]),
    );
    const author = staffIds.get('A0002');
    if (!author) return { articles: 0, questions: 0, answers: 0 };
    const municipalityId = author.municipalityId;
    const existing = await queryRows(tx, sql`select 1 from knowledge_articles where municipality_id = ${municipalityId} limit 1`);
    if (existing.length > 0) return { articles: 0, questions: 0, answers: 0 };

    for (const [i, a] of articles.entries()) {
      const values = { kind: a.kind, title: a.title, tool: a.tool, tags: a.tags, bodyMarkdown: a.body, status: 'published' };
      await insertArticle(tx, { ...values, searchKey: articleSearchKey(values), municipalityId, authorStaffId: author.id, now: instantBefore(opts.today, 30 - i) });
    }
    let answerCount = 0;
    for (const [i, q] of questions.entries()) {
      const asker = staffIds.get(q.asker);
      if (!asker) continue;
      const askedAt = instantBefore(opts.today, 6 - i * 2);
      const questionId = await insertQuestion(tx, {
        title: q.title,
        bodyMarkdown: q.body,
        tags: q.tags,
        searchKey: questionSearchKey({ title: q.title, tags: q.tags, bodyMarkdown: q.body }, []),
        municipalityId,
        authorStaffId: asker.id,
        now: askedAt,
      });
      const answerIds: number[] = [];
      for (const [j, answer] of q.answers.entries()) {
        const by = staffIds.get(answer.by);
        if (!by) continue;
        answerIds.push(await insertAnswer(tx, { municipalityId, questionId, bodyMarkdown: answer.body, authorStaffId: by.id, now: instantBefore(opts.today, 6 - i * 2, 60 * (j + 1)) }));
        answerCount += 1;
      }
      const lastActivity = instantBefore(opts.today, 6 - i * 2, 60 * (q.answers.length + 1));
      const searchKey = questionSearchKey({ title: q.title, tags: q.tags, bodyMarkdown: q.body }, q.answers.map((a) => a.body));
      await updateQuestionActivity(tx, municipalityId, questionId, { searchKey }, lastActivity);
      if (q.acceptFirst && answerIds[0] !== undefined) await updateQuestionIfUnchanged(tx, municipalityId, questionId, 1, { acceptedAnswerId: answerIds[0] }, lastActivity);
    }
    return { articles: articles.length, questions: questions.length, answers: answerCount };
  });
}

export const demoKnowledgeSeeder: DemoAreaSeeder = {
  label: 'ナレッジベース・職員コミュニティ',
  seed: (database, opts) => seedKnowledge(database, { today: opts.today }),
};
