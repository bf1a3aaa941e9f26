/** Page controls for server-side paging: 前へ / 次へ, the page number, and the range shown. */

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
