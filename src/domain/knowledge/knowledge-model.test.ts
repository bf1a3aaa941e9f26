import { describe, expect, it } from 'vitest';
import { articleInputSchema, articleSearchKey, excerptOf, isKnowledgeWriter, questionSearchKey, searchTermsOf } from './knowledge-model.js';

describe('searchTermsOf', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['  　 ', []],
    ['ﾜｰｸﾌﾛｰ', ['ワークフロー']],
    ['わーくふろー　電子決裁', ['ワークフロー', '電子決裁']],
    ['ＲＰＡ  ｼﾅﾘｵ', ['rpa', 'シナリオ']],
    ['a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ] as const)('%j → %j', (query, terms) => {
    expect(searchTermsOf(query)).toEqual(terms);
  });

  it('finds every normalised word in the stored key', () => {
    const key = articleSearchKey({ title: 'ワークフロー申請の手順', tool: '電子決裁', tags: ['起案'], bodyMarkdown: 'ﾛｸﾞ を見る' });
    for (const q of ['ﾜｰｸﾌﾛｰ 起案', 'ろぐ', '電子決裁']) expect(searchTermsOf(q).every((t) => key.includes(t)), q).toBe(true);
    expect(questionSearchKey({ title: '質問', tags: [], bodyMarkdown: '本文' }, ['ｶｲｷﾞｼﾂ'])).toContain('カイギシツ');
  });
});

describe('isKnowledgeWriter', () => {
  it.each([
    [{ hasWriterRole: false, isDxLeader: false, isDxBodyMember: false }, false],
    [{ hasWriterRole: true, isDxLeader: false, isDxBodyMember: false }, true],
    [{ hasWriterRole: false, isDxLeader: true, isDxBodyMember: false }, true],
    [{ hasWriterRole: false, isDxLeader: false, isDxBodyMember: true }, true],
  ])('%j → %s', (input, expected) => {
    expect(isKnowledgeWriter(input)).toBe(expected);
  });
});

describe('article input', () => {
  const base = { kind: 'faq', title: ' 題 ', bodyMarkdown: '本文', status: 'published' } as const;

  it('trims, defaults and drops tags that normalise alike', () => {
    expect(articleInputSchema.parse({ ...base, tags: ['RPA', 'ＲＰＡ', 'rpa', '起案'] })).toEqual({ ...base, title: '題', tool: '', tags: ['RPA', '起案'] });
  });

  it.each([
    [{ ...base, tags: ['a b'] }],
    [{ ...base, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    [{ ...base, kind: 'blog' }],
    [{ ...base, bodyMarkdown: '   ' }],
    [{ ...base, searchKey: 'x' }],
    [{ ...base, authorStaffId: 1 }],
  ])('refuses %j', (input) => {
    expect(articleInputSchema.safeParse(input).success).toBe(false);
  });
});

describe('excerptOf', () => {
  it('drops Markdown marks and shortens', () => {
    expect(excerptOf('## 手順\n1. **起案** を押す\n\n[リンク](/x) と ![画像](/a.png)\n```\ncode\n```')).toBe('手順 起案 を押す リンク と 画像');
    expect(excerptOf('あ'.repeat(130))).toBe(`${'あ'.repeat(120)}…`);
  });
});
