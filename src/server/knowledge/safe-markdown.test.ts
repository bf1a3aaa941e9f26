/**
 * Hostile Markdown (ADR 0016): whatever an author types, the HTML has only the tags and attributes markdown-it
 * makes for Markdown, links only to http(s), mailto or relative paths, and images only from our own origin.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyUrl, renderMarkdown } from './safe-markdown.js';

const allowedTags = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const allowedAttributes: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel']),
  img: new Set(['src', 'alt', 'title']),
  ol: new Set(['start']),
  code: new Set(['class']),
  th: new Set(['class']),
  td: new Set(['class']),
};

type Tag = { name: string; closing: boolean; attributes: [string, string][] };

/** Every tag of the output with its attributes (markdown-it writes well-formed, double-quoted attributes). */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = [...(m[3] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? ''] as [string, string]);
    tags.push({ name: m[2]!.toLowerCase(), closing: m[1] === '/', attributes });
  }
  return tags;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The output is inert: allowed tags and attributes only, no '<' that is not one of those tags, safe URLs. */
function expectInert(html: string): void {
  // Every '<' in the output opens one of the tags found; anything else would be raw markup.
  const opened = (html.match(/</g) ?? []).length;
  const tags = tagsOf(html);
  expect(tags.length, html).toBe(opened);
  for (const tag of tags) {
    expect(allowedTags.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true);
    for (const [name, value] of tag.attributes) {
      expect(allowedAttributes[tag.name]?.has(name), `attribute ${name} on <${tag.name}> in ${html}`).toBe(true);
      expect(name.startsWith('on')).toBe(false);
      const decoded = decodeEntities(value);
      if (name === 'href') expect(classifyUrl(decoded), `href ${decoded}`).not.toBe('unsafe');
      if (name === 'src') expect(classifyUrl(decoded), `src ${decoded}`).toBe('relative');
      if (name === 'class') expect(decoded).toMatch(/^(language-[A-Za-z0-9_+#.-]+|md-align-(left|center|right))$/);
      if (name === 'rel') expect(decoded).toBe('noopener noreferrer');
    }
    if (tag.name === 'a' && !tag.closing) {
      const href = decodeEntities(tag.attributes.find(([n]) => n === 'href')?.[1] ?? '');
      const rel = tag.attributes.find(([n]) => n === 'rel')?.[1];
      if (classifyUrl(href) === 'external') expect(rel, `external link ${href} without rel`).toBe('noopener noreferrer');
    }
  }
  // Typed markup and refused links stay visible as escaped text; inside the tags themselves nothing active appears.
  for (const raw of html.match(/<[^>]*>/g) ?? []) {
    expect(raw).not.toMatch(/^<\/?(script|iframe|svg|style|object|embed|div|form|input|math|link|meta|base)\b/i);
    expect(raw.replace(/="[^"]*"/g, '=""')).not.toMatch(/\son[a-z]+\s*=/i);
  }
}

describe('classifyUrl', () => {
  it.each([
    ['/knowledge/articles/3', 'relative'],
    ['images/flow.png', 'relative'],
    ['#手順', 'relative'],
    ['?q=RPA', 'relative'],
    ['https://intra.example.lg.jp/manual', 'external'],
    ['HTTP://example.com', 'external'],
    ['mailto:dx@example.lg.jp', 'external'],
    ['//evil.example/x.png', 'external'],
    ['/\\evil.example/x.png', 'external'],
    ['\\\\evil.example/x', 'external'],
    ['javascript:alert(1)', 'unsafe'],
    ['JavaScript:alert(1)', 'unsafe'],
    [' javascript:alert(1)', 'unsafe'],
    ['jav\tascript:alert(1)', 'unsafe'],
    ['jav%09ascript:alert(1)', 'unsafe'],
    ['java\u0000script:alert(1)', 'unsafe'],
    ['javascript%3Aalert(1)', 'unsafe'],
    ['%6Aavascript:alert(1)', 'unsafe'],
    ['ｊａｖａｓｃｒｉｐｔ:alert(1)', 'unsafe'],
    ['java\u200Bscript:alert(1)', 'unsafe'],
    ['vbscript:msgbox(1)', 'unsafe'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'unsafe'],
    ['data:image/png;base64,iVBORw0KGgo=', 'unsafe'],
    ['file:///etc/passwd', 'unsafe'],
    ['ftp://example.com/', 'unsafe'],
  ] as const)('%s is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});

describe('renderMarkdown: ordinary Markdown', () => {
  it('renders headings, lists, emphasis, code, tables and quotes', () => {
    const html = renderMarkdown(
      [
        '## 手順',
        '1. 電子決裁を開く',
        '2. **起案** を押す',
        '',
        '> 注意: `Ctrl+S` で保存',
        '',
        '```js',
        'const a = "<b>";',
        '```',
        '',
        '| 項目 | 値 |',
        '| :-- | --: |',
        '| 件数 | 3 |',
      ].join('\n'),
    );
    expect(html).toContain('<h3>手順</h3>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>起案</strong>');
    expect(html).toContain('<code>Ctrl+S</code>');
    expect(html).toContain('<code class="language-js">const a = &quot;&lt;b&gt;&quot;;');
    expect(html).toContain('<th class="md-align-left">項目</th>');
    expect(html).toContain('<td class="md-align-right">3</td>');
    expect(html).not.toContain('style=');
    expectInert(html);
  });

  it('starts headings at h2 (the page title is the h1)', () => {
    expect(renderMarkdown('# 見出し\n###### 最小')).toBe('<h2>見出し</h2>\n<h6>最小</h6>\n');
  });

  it('keeps line breaks as the author wrote them', () => {
    expect(renderMarkdown('一行目\n二行目')).toBe('<p>一行目<br>\n二行目</p>\n');
  });

  it('links to relative paths without rel, to other origins with rel="noopener noreferrer"', () => {
    const html = renderMarkdown('[ガイド](/knowledge/articles/2) と [マニュアル](https://intra.example.lg.jp/m) と https://www.example.lg.jp/faq');
    expect(html).toContain('<a href="/knowledge/articles/2">ガイド</a>');
    expect(html).toContain('<a href="https://intra.example.lg.jp/m" rel="noopener noreferrer">マニュアル</a>');
    expect(html).toContain('<a href="https://www.example.lg.jp/faq" rel="noopener noreferrer">');
    expectInert(html);
  });

  it('shows images of our own origin and turns other images into a link text', () => {
    expect(renderMarkdown('![画面](/static/kb/screen.png)')).toBe('<p><img src="/static/kb/screen.png" alt="画面"></p>\n');
    const external = renderMarkdown('![追跡](https://tracker.example/p.gif)');
    expect(external).not.toContain('<img');
    expect(external).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer">画像: 追跡</a>');
    const protocolRelative = renderMarkdown('![x](//tracker.example/p.gif)');
    expect(protocolRelative).not.toContain('<img');
    expectInert(external);
    expectInert(protocolRelative);
  });
});

describe('renderMarkdown: hostile input comes out inert', () => {
  const hostile: [string, string][] = [
    ['script tag', '<script>alert(1)</script>'],
    ['script tag inline', '本文 <script>alert(1)</script> 続き'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)></svg>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['style tag', '<style>body{display:none}</style>'],
    ['a with javascript', '<a href="javascript:alert(1)">x</a>'],
    ['html comment', '<!-- <script>alert(1)</script> -->'],
    ['html block', '<div onclick="alert(1)">\n\n**太字**\n\n</div>'],
    ['javascript link', '[押す](javascript:alert(1))'],
    ['javascript link upper case', '[押す](JAVASCRIPT:alert(1))'],
    ['javascript link with tab entity', '[押す](jav&#x09;ascript:alert(1))'],
    ['javascript link with newline entity', '[押す](jav&#x0A;ascript:alert(1))'],
    ['javascript link with entity letters', '[押す](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))'],
    ['javascript link with named entity colon', '[押す](javascript&colon;alert(1))'],
    ['javascript link percent-encoded', '[押す](javascript%3Aalert(1))'],
    ['javascript link in angle brackets', '[押す](<javascript:alert(1)>)'],
    ['javascript link with leading space entity', '[押す](&#32;javascript:alert(1))'],
    ['javascript reference link', '[押す][x]\n\n[x]: javascript:alert(1)'],
    ['javascript autolink', '<javascript:alert(1)>'],
    ['vbscript link', '[押す](vbscript:msgbox(1))'],
    ['data link', '[押す](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['data svg image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['external image', '![x](http://evil.example/beacon.gif "t")'],
    ['external image reference', '![x][i]\n\n[i]: https://evil.example/beacon.gif'],
    ['attribute break-out in title', '[x](/a "\\" onmouseover=\\"alert(1))'],
    ['attribute break-out in url', '[x](/a"onmouseover="alert(1))'],
    ['attribute break-out in image alt', '![" onerror="alert(1)](/a.png)'],
    ['fence info injection', '```js" onclick="alert(1)\ncode\n```'],
    ['fence info with class tricks', '```alert visually-hidden\ncode\n```'],
    ['entity-encoded tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['numeric entity tag', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['nested emphasis around html', '**<img src=x onerror=alert(1)>**'],
    ['link text with html', '[<img src=x onerror=alert(1)>](/ok)'],
    ['link inside image alt', '![[a](javascript:alert(1))](/ok.png)'],
    ['nested links', '[[inner](javascript:alert(1))](https://example.com)'],
    ['table cell html', '| a |\n|---|\n| <script>alert(1)</script> |'],
    ['blockquote html', '> <iframe src=//evil.example>'],
    ['list html', '- <object data="x.swf"></object>'],
    ['unclosed tag', '<img src=x onerror=alert(1)//'],
    ['linkify javascript', 'javascript:alert(1) と www.example.com'],
    ['mixed-script scheme', '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))'],
    ['backslash protocol-relative image', '![x](/\\evil.example/p.gif)'],
    ['unicode bidi in link', '[x](java\u202Escript:alert(1))'],
    ['deep nesting', `${'> '.repeat(200)}**x**`],
    ['many brackets', `${'['.repeat(500)}x${'](javascript:alert(1))'.repeat(50)}`],
  ];

  it.each(hostile)('%s', (_name, markdown) => {
    const html = renderMarkdown(markdown);
    expectInert(html);
  });

  it('typed HTML is shown as text', () => {
    expect(renderMarkdown('<b>太字</b>')).toBe('<p>&lt;b&gt;太字&lt;/b&gt;</p>\n');
  });

  it('a refused link stays visible as text', () => {
    expect(renderMarkdown('[押す](javascript:alert(1))')).toBe('<p>[押す](javascript:alert(1))</p>\n');
  });

  it('any text made of Markdown and HTML punctuation stays inert (property)', () => {
    const pieces = fc.constantFrom(
      '<', '>', '"', "'", '&', '&#x09;', '&#106;', '&colon;', '[', ']', '(', ')', '!', '*', '_', '`', '```', '\n', ' ', '|', '-', '#', '>',
      'javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:', 'java\tscript:', 'https://evil.example/', '//evil.example/', '/ok.png',
      'onerror=', 'onload=alert(1)', '<script>', '</script>', '<img src=x ', 'style=', 'mailto:', 'http:', '\\', '%3A', '%09', 'ｊ', 'あ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        const tags = tagsOf(html);
        if ((html.match(/</g) ?? []).length !== tags.length) return false;
        for (const tag of tags) {
          if (!allowedTags.has(tag.name)) return false;
          for (const [name, value] of tag.attributes) {
            if (!allowedAttributes[tag.name]?.has(name)) return false;
            const decoded = decodeEntities(value);
            if (name === 'href' && classifyUrl(decoded) === 'unsafe') return false;
            if (name === 'src' && classifyUrl(decoded) !== 'relative') return false;
          }
        }
        return true;
      }),
      { numRuns: 500, seed: 20251001 },
    );
  });
});
