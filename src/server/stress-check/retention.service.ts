/**
 * Retention (security.md "Reliability", facts.md: records kept 5 years): a scheduled job deletes every campaign
 * that closed more than `years` years ago, with everything hanging off it (answers, results, group entries,
 * consents, interviews, actions — ON DELETE CASCADE), and audits each deletion in the same transaction. Run by
 * `npm run retention` or at start-up and daily (src/server/retention-jobs.ts); `now` is passed in so tests move the clock.
 */
import type { Database } from '../db/client.js';
import { auditInTx } from '../access/audit.service.js';
import { tokyoDate } from '../http/context.js';
import { retentionCutoff, stressCheckRetentionYears } from '../../domain/stress-check/retention.js';
import type { RetentionOutcome } from '../../domain/stress-check/stress-check-api.js';
import { deleteCampaigns, listCampaignsClosedBefore } from './stress-check.repository.js';

export async function purgeExpiredStressChecks(database: Database, opts: { now: Date; years?: number; requestId?: string }): Promise<RetentionOutcome> {
  const cutoff = retentionCutoff(tokyoDate(opts.now), opts.years ?? stressCheckRetentionYears);
  return database.db.transaction(async (tx) => {
    const expired = await listCampaignsClosedBefore(tx, cutoff);
    const deleted = await deleteCampaigns(tx, expired.map((c) => c.id));
    for (const c of expired) {
      await auditInTx(
        tx,
        { municipalityId: c.municipalityId, actor: null, actorLabel: 'retention-job', requestId: opts.requestId ?? 'retention-job', now: opts.now },
        { action: 'stress-check.retention-deleted', outcome: 'succeeded', objectType: 'stress_check_campaign', objectId: c.id, details: { closesOn: c.closesOn, cutoff } },
      );
    }
    return { cutoff, campaignsDeleted: deleted, campaignIds: expired.map((c) => c.id) };
  });
}
