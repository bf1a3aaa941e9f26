/**
 * Per-address token buckets for the public forms (application, internship request). In-process: right for one app
 * server (the supported deployment). Several app servers behind a balancer would each keep their own buckets, so
 * an address could send N times the burst; they would need a shared store (a table like sign_in_failures, or the
 * balancer's own limit). The sign-in limiter counts failures in the database because it must hold across restarts;
 * here a restart forgetting the buckets is harmless, and a table write per request would be the bottleneck.
 */
export type BucketRule = { burst: number; perHour: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes a token for `key` at `nowMs`; false when the bucket is empty. */
  take(key: string, rule: BucketRule, nowMs: number): boolean {
    const refillPerMs = rule.perHour / 3_600_000;
    const b = this.buckets.get(key) ?? { tokens: rule.burst, at: nowMs };
    const tokens = Math.min(rule.burst, b.tokens + Math.max(0, nowMs - b.at) * refillPerMs);
    if (this.buckets.size > 50_000) this.sweep(rule, nowMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    return true;
  }

  /** Drops full buckets so that a scan from many addresses cannot grow the map without bound. */
  private sweep(rule: BucketRule, nowMs: number) {
    for (const [key, b] of this.buckets) if (b.tokens + (nowMs - b.at) * (rule.perHour / 3_600_000) >= rule.burst) this.buckets.delete(key);
  }
}

/** One set of buckets per database (per app instance), so test harnesses do not share them. */
const byDatabase = new WeakMap<object, TokenBuckets>();
export function bucketsFor(database: object): TokenBuckets {
  let b = byDatabase.get(database);
  if (!b) byDatabase.set(database, (b = new TokenBuckets()));
  return b;
}
