/**
 * Group commit for hot paths (ADR 0022). Concurrent calls are coalesced into batches handled by one `flush`: while a
 * batch is being flushed, further calls queue up and go together in the next one; a call that finds the batcher
 * idle is flushed after the current microtasks, so calls made in the same turn share a batch and a lone call waits
 * for nothing. One flush runs at a time per batcher, which is what makes the batches grow under load: with 300
 * requests in flight the database sees a handful of statements instead of 300.
 *
 * `flush` returns one output per item, in the items' order. If it throws, every call of that batch rejects with the
 * error (callers decide whether to retry alone). Batchers hold no data between batches, so app servers stay
 * stateless; they are kept per database (`perDatabase`) because a batch must run against one.
 */
import type { Database } from '../db/client.js';

export type Batcher<In, Out> = (item: In) => Promise<Out>;

type Pending<In, Out> = { item: In; resolve: (out: Out) => void; reject: (err: unknown) => void };

/** Batches flushed and items carried, per batcher name, for the benchmarks to print. */
export const batcherStats = new Map<string, { batches: number; items: number; largest: number; ms: number }>();

/** Starts the figures afresh (the batchers keep counting into the same records). */
export function resetBatcherStats() {
  for (const s of batcherStats.values()) Object.assign(s, { batches: 0, items: 0, largest: 0, ms: 0 });
}

export function createBatcher<In, Out>(flush: (items: readonly In[]) => Promise<readonly Out[]>, opts: { name?: string; maxBatch?: number } = {}): Batcher<In, Out> {
  const maxBatch = opts.maxBatch ?? 1000;
  const stats = (opts.name && batcherStats.get(opts.name)) || { batches: 0, items: 0, largest: 0, ms: 0 };
  if (opts.name) batcherStats.set(opts.name, stats);
  let queue: Array<Pending<In, Out>> = [];
  let running = false;

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      stats.batches++;
      stats.items += batch.length;
      stats.largest = Math.max(stats.largest, batch.length);
      const started = performance.now();
      try {
        const outs = await flush(batch.map((p) => p.item));
        stats.ms += performance.now() - started;
        if (outs.length !== batch.length) throw new Error(`batch flush returned ${outs.length} results for ${batch.length} items`);
        batch.forEach((p, i) => p.resolve(outs[i]!));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    running = false;
  }

  return (item: In) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (running) return;
      running = true;
      queueMicrotask(() => void drain());
    });
}

/** One instance of `make` per database (a WeakMap: closed databases take theirs with them). */
export function perDatabase<T>(make: (database: Database) => T): (database: Database) => T {
  const made = new WeakMap<Database, T>();
  return (database) => {
    let t = made.get(database);
    if (t === undefined) {
      t = make(database);
      made.set(database, t);
    }
    return t;
  };
}
