/**
 * Many rows read as ONE row of a few long strings, one per column: numbers, dates and codes joined by commas with
 * string_agg, free text as a JSON array with json_agg, then split in JS. Why: at 40,000 staff the placement facts
 * and the career map read ~160,000 assignment rows, and on PGlite both a row-by-row result (~30 µs a row across the
 * WASM boundary) and one JSON value built row by row (json_build_array per row: ~1.8 s) cost more than the query;
 * column strings cost about a third of the JSON (measured in bench/placement-rules.bench.ts).
 *
 * All the aggregates of one query are fed the same rows in the same order, so the i-th entry of every column is the
 * same row. 'code' is only for columns whose values a check constraint keeps free of commas (assignments.kind,
 * staff.employment_type); anything else goes as 'text'. A column that does not split into one value per row throws.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from './client.js';

/** int: integers; number: any number (float8, numeric); code: a code without commas (kind, level); text: anything. */
export type ColumnKind =
  | 'int'
  | 'nullable-int'
  | 'number'
  | 'nullable-number'
  | 'code'
  | 'nullable-code'
  | 'date'
  | 'nullable-date'
  | 'text'
  | 'nullable-text';

type Decoded<K extends ColumnKind> = K extends 'int' | 'number'
  ? number
  : K extends 'nullable-int' | 'nullable-number'
    ? number | null
    : K extends 'code' | 'date' | 'text'
      ? string
      : string | null;

export type ColumnSpec = Readonly<Record<string, readonly [ColumnKind, SQL]>>;
export type Columns<S extends ColumnSpec> = { [K in keyof S]: Array<Decoded<S[K][0]>> };

const isNullable = (kind: ColumnKind) => kind.startsWith('nullable-');

function aggregateOf(kind: ColumnKind, expr: SQL): SQL {
  if (kind === 'text' || kind === 'nullable-text') return sql`json_agg(${expr})::text`;
  if (isNullable(kind)) return sql`string_agg(coalesce((${expr})::text, ''), ',')`;
  return sql`string_agg((${expr})::text, ',')`;
}

/** '12,-3,,7' → [12, -3, null, 7] in one pass over the characters (no substrings: 200,000 ids decode in a few ms). */
function parseIntegers(raw: string, nullable: boolean, name: string): Array<number | null> {
  const values: Array<number | null> = [];
  let n = 0;
  let digits = 0;
  let negative = false;
  const end = () => {
    if (digits === 0 && !nullable) throw new Error(`columnar read: column ${name} has an empty value`);
    values.push(digits === 0 ? null : negative ? -n : n);
    n = 0;
    digits = 0;
    negative = false;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 44) end();
    else if (c === 45) negative = true;
    else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits += 1;
    } else throw new Error(`columnar read: column ${name} is not a list of integers`);
  }
  end();
  return values;
}

function decode(kind: ColumnKind, raw: unknown, count: number, name: string): unknown[] {
  if (count === 0) return [];
  if (typeof raw !== 'string') throw new Error(`columnar read: column ${name} is not text`);
  let values: unknown[];
  if (kind === 'text' || kind === 'nullable-text') values = JSON.parse(raw) as unknown[];
  else if (kind === 'int' || kind === 'nullable-int') values = parseIntegers(raw, kind === 'nullable-int', name);
  else {
    const parts = raw.split(',');
    if (kind === 'number') values = parts.map(Number);
    else if (kind === 'nullable-number') values = parts.map((p) => (p === '' ? null : Number(p)));
    else values = isNullable(kind) ? parts.map((p) => (p === '' ? null : p)) : parts;
  }
  if (values.length !== count) throw new Error(`columnar read: column ${name} has ${values.length} values for ${count} rows`);
  return values;
}

/**
 * `select <columns> <fromWhere>` as columns: `{ count, columns: { name: values[] } }`. `fromWhere` is everything
 * after the select list (from, joins, where — no group by). The rows come in no particular order; with `orderBy`
 * (an int column of the spec, e.g. a row_number() computed in a subquery of `fromWhere`) they are sorted by it.
 */
export async function readColumns<const S extends ColumnSpec>(
  exec: Executor,
  spec: S,
  fromWhere: SQL,
  orderBy?: keyof S & string,
): Promise<{ count: number; columns: Columns<S> }> {
  const names = Object.keys(spec);
  const selected = names.map((name, i) => {
    const [kind, expr] = spec[name]!;
    return sql`${aggregateOf(kind, expr)} as ${sql.raw(`c${i}`)}`;
  });
  const [row] = await queryRows<Record<string, unknown>>(exec, sql`select count(*)::int as n, ${sql.join(selected, sql`, `)} ${fromWhere}`);
  const count = Number(row?.n ?? 0);
  const columns: Record<string, unknown[]> = {};
  names.forEach((name, i) => {
    columns[name] = decode(spec[name]![0], row?.[`c${i}`], count, name);
  });
  if (orderBy !== undefined) {
    const keys = columns[orderBy] as number[];
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
    for (const name of names) {
      const values = columns[name]!;
      columns[name] = order.map((i) => values[i]);
    }
  }
  return { count, columns: columns as Columns<S> };
}
