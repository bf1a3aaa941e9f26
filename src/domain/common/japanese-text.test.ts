import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  findControlCharacter,
  findPrivateUseCharacter,
  formatCodePoint,
  isKana,
  normalizeForSearch,
  normalizeKana,
  startsWithFormulaPrefix,
  toKatakana,
  unifyLookalikePunctuation,
} from './japanese-text.js';

const katsuragiWithIvs = '葛\u{E0100}城'; // 葛 + IVS selector, as registered in a 戸籍
const yoshida = '𠮷田'; // U+20BB7, a surrogate pair in UTF-16

describe('normalizeForSearch', () => {
  it.each([
    ['山田 太郎', '山田太郎'],
    ['山田　太郎', '山田太郎'],
    [' やまだ たろう ', 'ヤマダタロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ヤマダ', 'ヤマダ'],
    ['Ａ００１２', 'a0012'],
    ['a-001', 'a-001'],
    ['A－001', 'a-001'],
    ['A−001', 'a-001'],
    ['A‐001', 'a-001'],
    ['A―001', 'a-001'],
    ['A—001', 'a-001'],
    ['1〜3', '1~3'],
    ['1～3', '1~3'],
    ['ゝゞ', 'ヽヾ'],
    [katsuragiWithIvs, '葛城'],
    ['渡邊\uFE00', '渡邊'],
    ['髙橋', '髙橋'],
    ['山﨑', '山﨑'],
    [yoshida, yoshida],
    ['塚本', '塚本'], // compatibility ideograph folds for search
    ['スミス・ジョン', 'スミス・ジョン'],
    ['ｽﾐｽ･ｼﾞｮﾝ', 'スミス・ジョン'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('lets the query and the stored key meet whatever form each was typed in', () => {
    expect(normalizeForSearch('やまだ')).toBe(normalizeForSearch('ﾔﾏﾀﾞ'));
    expect(normalizeForSearch('ＹＡＭＡＤＡ')).toBe(normalizeForSearch('yamada'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
      }),
    );
  });

  it('does not touch the string it was given', () => {
    const stored = katsuragiWithIvs;
    normalizeForSearch(stored);
    expect(stored).toBe('葛\u{E0100}城');
    expect(Array.from(stored)).toHaveLength(3);
  });
});

describe('toKatakana', () => {
  it.each([
    ['やまだ', 'ヤマダ'],
    ['ぁゔゕゖ', 'ァヴヵヶ'],
    ['ヤマダ', 'ヤマダ'],
    ['山田abc', '山田abc'],
    ['ー', 'ー'],
  ])('%j → %j', (input, expected) => {
    expect(toKatakana(input)).toBe(expected);
  });
});

describe('isKana', () => {
  it.each([
    ['ヤマダ', true],
    ['やまだ', true],
    ['ヤマダ タロウ', true],
    ['ヤマダ　タロウ', true],
    ['ボーイ', true],
    ['スミス・ジョン', true],
    ['ヴァ', true],
    ['ﾔﾏﾀﾞ', false],
    ['山田', false],
    ['yamada', false],
    ['ヤマダ1', false],
    ['', false],
    ['  ', false],
    ['ヤマダ<', false],
    ['ヤマダ\t', false],
  ])('%j → %s', (input, expected) => {
    expect(isKana(input)).toBe(expected);
  });
});

describe('normalizeKana', () => {
  it.each([
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    [' やまだ　たろう ', 'ヤマダ タロウ'],
    ['ヤマダ   タロウ', 'ヤマダ タロウ'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKana(input)).toBe(expected);
    expect(isKana(normalizeKana(input))).toBe(true);
  });
});

describe('findControlCharacter', () => {
  it.each([
    ['山田', undefined],
    [katsuragiWithIvs, undefined],
    [yoshida, undefined],
    ['山\u0000田', '\u0000'],
    ['山\t田', '\t'],
    ['山\n田', '\n'],
    ['山\u007F田', '\u007F'],
    ['山\u0085田', '\u0085'],
    ['\u202Eabc', '\u202E'],
    ['a\u2066b', '\u2066'],
  ])('%j → %j', (input, expected) => {
    expect(findControlCharacter(input)).toBe(expected);
  });
});

describe('findPrivateUseCharacter', () => {
  it.each([
    ['山田', undefined],
    ['山\uE000', '\uE000'],
    ['\u{F0000}', '\u{F0000}'],
    [yoshida, undefined],
  ])('%j → %j', (input, expected) => {
    expect(findPrivateUseCharacter(input)).toBe(expected);
  });
});

describe('startsWithFormulaPrefix', () => {
  it.each([
    ['=1+1', true],
    ['+81', true],
    ['-5', true],
    ['@SUM(A1)', true],
    ['\tx', true],
    ['\rx', true],
    ['＝1+1', true],
    ['＋1', true],
    ['－1', true],
    ['＠x', true],
    ['山田', false],
    ["'=1", false],
    [' =1', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(startsWithFormulaPrefix(input)).toBe(expected);
  });
});

describe('codePointLength and formatCodePoint', () => {
  it('counts a surrogate pair as one character', () => {
    expect(codePointLength(yoshida)).toBe(2);
    expect(yoshida.length).toBe(3);
    expect(codePointLength(katsuragiWithIvs)).toBe(3);
  });
  it.each([
    ['𠮷', 'U+20BB7'],
    ['〜', 'U+301C'],
    ['A', 'U+0041'],
  ])('%j → %s', (char, expected) => {
    expect(formatCodePoint(char)).toBe(expected);
  });
});

describe('unifyLookalikePunctuation', () => {
  it('folds dashes and wave dashes but leaves ー alone', () => {
    expect(unifyLookalikePunctuation('A−1〜B－2～ボーイ')).toBe('A-1~B-2~ボーイ');
  });
});
