// Journey (ナレッジベース・職員コミュニティ, issue 4 item 7, policy IV-2-(5)(6)): staff A0005 searches the knowledge base
// in half-width kana and opens an operation guide of the demo data; asks a question on the Q&A board; the evaluator
// A0004 finds it among the unanswered questions and answers; A0005 gets the notification, opens the question and
// accepts the answer. The question's title carries a unique number because the server is shared by every spec.
// axe on every page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

async function openCommunity(page: Page): Promise<void> {
  await mainMenu(page).getByRole('link', { name: '職員コミュニティ', exact: true }).click();
  await heading1(page, '職員コミュニティ');
}

describe('knowledge base and Q&A board', () => {
  const browser = browserPerSuite();

  it('A0005 finds a guide by kana, asks a question, A0004 answers, A0005 accepts the answer', async () => {
    const { page } = browser();
    const title = `RPAの実行ログはどこで見られますか ${Date.now() % 100000}`;

    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: 'ナレッジベース', exact: true }).click();
    await heading1(page, 'ナレッジベース');
    await expectNoAxeViolations(page);
    // ｼﾅﾘｵ (half-width) finds シナリオ; the kind narrows it to the operation guide.
    await page.getByLabel('キーワード').fill('ｼﾅﾘｵ');
    await page.getByLabel('種類').selectOption({ label: '操作ガイド' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const results = page.getByRole('list', { name: '検索結果' });
    const guide = results.getByRole('link', { name: 'RPAのシナリオを登録して動かす(操作ガイド)' });
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    await visible(guide);
    await expectNoAxeViolations(page);
    await guide.click();
    await heading1(page, 'RPAのシナリオを登録して動かす(操作ガイド)');
    await visible(page.getByRole('article', { name: '本文' }).getByRole('heading', { name: 'シナリオの登録' }));
    // A reader may not edit.
    expect(await page.getByRole('link', { name: '編集する' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await openCommunity(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '質問する' }).click();
    const ask = page.getByRole('region', { name: '質問する' });
    await ask.getByLabel('題名').fill(title);
    await ask.getByRole('textbox', { name: /^質問の内容/ }).fill('ロボットが止まった理由を確認したいです。\n\n<script>alert(1)</script>');
    await ask.getByLabel('タグ').fill('RPA');
    await ask.getByRole('button', { name: 'プレビュー' }).click();
    await visible(ask.getByRole('region', { name: '質問の内容のプレビュー' }).getByText('<script>alert(1)</script>'));
    await expectNoAxeViolations(page);
    await ask.getByRole('button', { name: '質問を投稿する' }).click();
    await heading1(page, title);
    await visible(page.getByText('まだ回答はありません。'));
    // Typed markup is shown as text, never run.
    await visible(page.getByRole('article', { name: '質問の内容' }).getByText('<script>alert(1)</script>'));
    await expectNoAxeViolations(page);

    await signInAs(page, 'evaluator');
    await openCommunity(page);
    await page.getByLabel('キーワード').fill(title);
    await page.getByLabel('状態').selectOption({ label: '回答なし' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const question = page.getByRole('list', { name: '質問の一覧' }).getByRole('link', { name: title });
    await visible(question);
    await expectNoAxeViolations(page);
    await question.click();
    await heading1(page, title);
    await page.getByRole('textbox', { name: /^回答/ }).fill('RPA管理画面の **実行ログ** で確認できます。');
    await page.getByRole('button', { name: '回答を投稿する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '回答を投稿しました。' }));
    await visible(page.getByRole('region', { name: /^回答 1/ }).getByText('実行ログ'));
    // Only the asker chooses the answer that solved it.
    expect(await page.getByRole('button', { name: 'この回答で解決' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await signInAs(page, 'staff');
    await page.goto(new URL('/notifications', page.url()).toString());
    await heading1(page, 'お知らせ');
    await visible(page.getByText(title, { exact: false }).first());
    await openCommunity(page);
    await page.getByLabel('キーワード').fill(title);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByRole('list', { name: '質問の一覧' }).getByRole('link', { name: title }).click();
    await heading1(page, title);
    await page.getByRole('button', { name: 'この回答で解決' }).click();
    await visible(page.getByRole('status').filter({ hasText: '回答 1 を解決した回答にしました。' }));
    await visible(page.getByRole('region', { name: /解決した回答/ }));
    await expectNoAxeViolations(page);

    await openCommunity(page);
    await page.getByLabel('キーワード').fill(title);
    await page.getByLabel('状態').selectOption({ label: '解決済み' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await visible(page.getByRole('list', { name: '質問の一覧' }).getByRole('listitem').filter({ hasText: title }).filter({ hasText: '解決済み' }));
  });

  it('HR writes a guide as a draft (readers do not see it), then publishes it and A0005 finds it', async () => {
    const { page } = browser();
    const title = `グループウェアの掲示板に投稿する ${Date.now() % 100000}`;
    const searchFor = async (text: string) => {
      await mainMenu(page).getByRole('link', { name: 'ナレッジベース', exact: true }).click();
      await heading1(page, 'ナレッジベース');
      await page.getByLabel('キーワード').fill(text);
      await page.getByRole('button', { name: '検索', exact: true }).click();
    };

    await signInAs(page, 'hrOfficer');
    await mainMenu(page).getByRole('link', { name: 'ナレッジベース', exact: true }).click();
    await heading1(page, 'ナレッジベース');
    await page.getByRole('link', { name: '記事を書く' }).click();
    await heading1(page, '記事を書く');
    await page.getByRole('radio', { name: '操作ガイド' }).check();
    await page.getByLabel('題名').fill(title);
    await page.getByLabel('ツール').fill('グループウェア');
    await page.getByLabel('タグ').fill('掲示板 お知らせ');
    await page.getByRole('textbox', { name: /^本文/ }).fill('## 手順\n1. **掲示板** を開く\n2. 新規投稿を押す\n\n![外部の画像](https://images.example/x.png)');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const preview = page.getByRole('region', { name: '本文のプレビュー' });
    await visible(preview.getByRole('link', { name: '画像: 外部の画像' }));
    expect(await preview.locator('img').count()).toBe(0);
    await page.getByRole('radio', { name: /^下書き/ }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '保存する' }).click();
    await heading1(page, title);
    await visible(page.getByText('下書き(職員には表示されません)'));
    await visible(page.getByRole('article', { name: '本文' }).getByRole('heading', { name: '手順' }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'staff');
    await searchFor(title);
    await visible(page.getByText('条件に合う記事はありません。'));

    await signInAs(page, 'hrOfficer');
    await searchFor(title);
    await page.getByRole('list', { name: '検索結果' }).getByRole('link', { name: title }).click();
    await heading1(page, title);
    await page.getByRole('link', { name: '編集する' }).click();
    await heading1(page, '記事の編集');
    await page.getByRole('radio', { name: /^公開/ }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '保存する' }).click();
    await heading1(page, title);
    expect(await page.getByText('下書き(職員には表示されません)').count()).toBe(0);

    await signInAs(page, 'staff');
    // けいじばん is not folded to 掲示板 (kanji have no reading here); the katakana of the tool is.
    await searchFor('ｸﾞﾙｰﾌﾟｳｪｱ 掲示板');
    await visible(page.getByRole('list', { name: '検索結果' }).getByRole('link', { name: title }));
  });
});
