/** A readable API page rendered on the server from the OpenAPI document: no CDN, no script. */

type OpenApiDoc = { info: { title: string; description?: string }; paths?: Record<string, Record<string, { summary?: string; description?: string }>> };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function renderApiPage(doc: unknown): string {
  const d = doc as OpenApiDoc;
  const rows = Object.entries(d.paths ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([p, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => `<tr><td><code>${escapeHtml(method.toUpperCase())}</code></td><td><code>${escapeHtml(p)}</code></td><td>${escapeHtml(op.summary ?? '')}</td></tr>`,
      ),
    )
    .join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(d.info.title)} — API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(d.info.title)}</h1><p>${escapeHtml(d.info.description ?? '')}</p>
<p>機械可読な定義: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)。変更系のリクエストには <code>X-CSRF-Token</code> ヘッダーが必要です。</p>
<table><caption>エンドポイント一覧</caption><thead><tr><th scope="col">メソッド</th><th scope="col">パス</th><th scope="col">説明</th></tr></thead><tbody>
${rows}
</tbody></table></main></body></html>`;
}
