/**
 * The one place the SPA inserts HTML: the server's safe rendering of a Markdown text (ADR 0016 — raw HTML escaped,
 * links checked, external images not loaded). Links to our own pages move inside the app without a reload.
 */
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

export function MarkdownBody({ html }: { html: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (!anchor || !href || !href.startsWith('/') || href.startsWith('//') || anchor.hasAttribute('rel')) return;
    event.preventDefault();
    void navigate(href);
  };
  // The click handler only catches clicks on the links inside, which keyboards reach and activate as links.
  return <div className="markdown-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
