/**
 * Markdown → inert HTML for the knowledge base and the Q&A board (ADR 0016). The server renders; the client inserts
 * only this function's output. markdown-it with raw HTML off escapes every tag the author types; on top of that:
 * links only to http(s), mailto or relative paths (checked after removing controls, whitespace and percent
 * escapes, so `jav&#x09;ascript:` and `javascript%3A` are refused); images only from relative paths of our own
 * origin (the product runs on a closed network and an external image is a tracking beacon) — any other image
 * becomes a link the reader may follow deliberately; links to other origins get rel="noopener noreferrer";
 * no `style` attributes (the CSP forbids inline style: table alignment becomes a class); headings start at h2.
 */
import MarkdownItFactory, { type MarkdownIt } from 'markdown-it';

export type UrlKind = 'relative' | 'external' | 'unsafe';

const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);
// C0/C1 controls, spaces and the invisible characters a browser drops or an attacker hides a scheme behind.
const invisible = /[\u0000-\u0020\u007F-\u00A0\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFEFF\uFFA0]/gu;

function decodeRepeatedly(url: string): string {
  let current = url;
  for (let i = 0; i < 3; i += 1) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current;
}

/**
 * What a link target is, judged the way a browser would read it but stricter: a scheme other than http, https
 * or mailto is unsafe; a scheme or a leading `//` (also `\\`, `/\`) points to another origin; anything else is a
 * relative path of our own origin.
 */
export function classifyUrl(url: string): UrlKind {
  const probe = decodeRepeatedly(url).replace(invisible, '').replace(/\\/g, '/').normalize('NFKC').toLowerCase();
  const scheme = /^([^/?#]*?):/u.exec(probe);
  if (scheme) return allowedSchemes.has(`${scheme[1]}:`) ? 'external' : 'unsafe';
  if (probe.startsWith('//')) return 'external';
  return 'relative';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function createRenderer(): MarkdownIt {
  // breaks: Japanese authors end lines where they want them; linkify: bare URLs of the intranet become links.
  const md = new MarkdownItFactory('default', { html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = (url) => classifyUrl(url) !== 'unsafe';

  const rules = md.renderer.rules;
  // Raw HTML is off, so these never appear; should a future option turn it on, it still comes out as text.
  rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx]!.content)}</p>\n`;
  rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx]!.content);

  const renderLinkOpen = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet('href') ?? '');
    const kind = classifyUrl(href);
    if (kind === 'unsafe') token.attrSet('href', '#');
    else if (kind === 'external') token.attrSet('rel', 'noopener noreferrer');
    return renderLinkOpen(tokens, idx, options, env, self);
  };

  const renderImage = rules.image!;
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const kind = classifyUrl(src);
    if (kind === 'relative') return renderImage(tokens, idx, options, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    const text = `画像: ${escapeHtml(alt)}`;
    return kind === 'external' ? `<a href="${escapeHtml(src)}" rel="noopener noreferrer">${text}</a>` : text;
  };

  // The info string of a fenced block becomes a class: only a plain language name is kept.
  const renderFence = rules.fence!;
  rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const lang = /^[A-Za-z0-9_+#.-]{1,20}/.exec(token.info.trim())?.[0] ?? '';
    token.info = lang;
    return renderFence(tokens, idx, options, env, self);
  };

  // Table alignment: markdown-it writes style="text-align:…", which the CSP (style-src 'self') would block.
  // Headings move one level down: the page's own h1 is the article's title, the body sits under it.
  md.core.ruler.push('alignment_as_class', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      const raw = token.attrGet('style');
      if (raw === null) continue;
      const style = String(raw);
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      const align = /text-align:(left|center|right)/.exec(style)?.[1];
      if (align) token.attrJoin('class', `md-align-${align}`);
    }
    return true;
  });
  return md;
}

const renderer = createRenderer();

/** The HTML of a Markdown text, safe to insert into the page as it is. */
export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}
