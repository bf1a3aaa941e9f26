/**
 * The retention jobs (security.md "Reliability"): applicant and intern data anonymised after the recruitment
 * retention period (ADR 0018), stress-check campaigns deleted 5 years after they closed (facts.md, ADR 0017). They
 * run at start-up and every 24 hours in each app process (each job is one transaction and idempotent, so several
 * app servers running them is harmless), and on demand with `npm run retention [YYYY-MM-DD]`.
 */
import type { Database } from './db/client.js';
import { anonymiseExpiredApplicants } from './recruitment/retention.service.js';
import { purgeExpiredStressChecks } from './stress-check/retention.service.js';

export type RetentionReport = { lines: string[] };

/** Runs every job as of `now` (`today` its Asia/Tokyo date) and says what each did. */
export async function runRetentionJobs(database: Database, now: Date, today: string): Promise<RetentionReport> {
  const lines: string[] = [];
  const recruitment = await anonymiseExpiredApplicants(database, today, now);
  const anonymised = recruitment.reduce((n, r) => n + r.applicants + r.internships, 0);
  lines.push(`採用: 保存期間を過ぎた応募者・インターンの個人情報を匿名化しました (${anonymised} 件)`);
  const stress = await purgeExpiredStressChecks(database, { now });
  lines.push(`ストレスチェック: ${stress.cutoff} より前に終了した実施を削除しました (${stress.campaignsDeleted} 件)`);
  return { lines };
}

/** At start-up and every 24 hours; returns the stop function. Failures are logged and retried the next day. */
export function scheduleRetentionJobs(database: Database, clock: () => Date, today: (d: Date) => string, log: (line: string) => void = console.log): () => void {
  const run = () =>
    runRetentionJobs(database, clock(), today(clock()))
      .then((report) => report.lines.filter((line) => !line.includes('(0 件)')).forEach(log))
      .catch((err: unknown) => console.error('retention jobs failed', err instanceof Error ? err.message : err));
  void run();
  const timer = setInterval(run, 24 * 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
