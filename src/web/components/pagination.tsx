/** Server-side paging: the total found, and the page controls (前へ / 次へ, the page number, the range shown). */

/**
 * 「1,234 件」 for a paged answer, and 「(更新中…)」 while the next answer loads with the previous one still on
 * screen. Empty until the first answer.
 */
export function ResultCount({ total, isFetching }: { total: number | undefined; isFetching: boolean }) {
  return (
    <p className="result-count" aria-live="polite" aria-atomic="true">
      {total !== undefined ? `${total.toLocaleString('ja-JP')} 件` : ''}
      {isFetching && total !== undefined ? <span className="hint">(更新中…)</span> : null}
    </p>
  );
}

export type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** what the pages are of, for the landmark label: 「検索結果のページ」 */
  label?: string;
};

export function Pagination({ page, pageSize, total, onChange, label = 'ページ送り' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" onClick={() => onChange(1)} disabled={page <= 1}>
        最初
      </button>
      <button type="button" onClick={() => onChange(page - 1)} disabled={page <= 1}>
        前へ
      </button>
      <span className="pagination__status">
        {page} / {pages} ページ({first}〜{last} 件目)
      </span>
      <button type="button" onClick={() => onChange(page + 1)} disabled={page >= pages}>
        次へ
      </button>
      <button type="button" onClick={() => onChange(pages)} disabled={page >= pages}>
        最後
      </button>
    </nav>
  );
}
