/** The only reader of process.env: every setting is validated at boot and every bad key is listed at once. */
import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Set → real PostgreSQL; unset → embedded PGlite in JINZAI_DATA_DIR (ADR 0002). */
  DATABASE_URL: z.string().url().optional(),
  JINZAI_DATA_DIR: z.string().default(path.resolve('data', 'pglite')),
  JINZAI_SEED_DEMO: boolFromEnv.default(true),
  JINZAI_DEMO_STAFF: z.coerce.number().int().min(20).max(40000).default(600),
  JINZAI_DEMO_SEED: z.coerce.number().int().default(20250401),
  /** with the demo city, open this 年度's evaluation cycles and move the sheets on to plausible steps */
  JINZAI_DEMO_EVALUATIONS: boolFromEnv.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** 'auto' sets Secure on cookies when the request arrived over TLS (directly or via a trusted proxy). */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: boolFromEnv.default(false),
  SIGN_IN_MAX_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(100).default(20),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(500).default(40),
  /** Desk statistics: cells with fewer cases are suppressed (ADR 0020); 3 at least, 5 by default. */
  DESK_STATISTICS_MIN_CELL: z.coerce.number().int().min(3).max(100).default(5),
  /** smtp://host:25 or smtps://user:pass@host:465 (the municipality's own relay); unset → no mail leaves the machine. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'smtp:// または smtps:// の URL を指定してください' }).optional(),
  /** The sender of reminder mail, e.g. jinzai@city.example.lg.jp; required with SMTP_URL. */
  SMTP_FROM: z.email().optional(),
}).refine((env) => env.SMTP_URL === undefined || env.SMTP_FROM !== undefined, { path: ['SMTP_FROM'], message: 'SMTP_URL を設定したときは SMTP_FROM(送信者アドレス)も必要です' });

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
