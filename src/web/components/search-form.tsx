/** The buttons that end every search form: 検索 (submits the form) and 条件をクリア. */
export function SearchFormActions({ onClear }: { onClear: () => void }) {
  return (
    <div className="search-form__actions">
      <button type="submit" className="button--primary">
        検索
      </button>
      <button type="button" className="button--secondary" onClick={onClear}>
        条件をクリア
      </button>
    </div>
  );
}
