/** One page of a list as every paged endpoint answers it (the directory, accounts, the audit log); `page` is 1-based. */
export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };
