/**
 * Retention of applicant data (security.md "Retention", issue 7-6): unsuccessful and withdrawn applicants of a
 * finished campaign, and students of ended internships, are anonymised once the retention period (a setting,
 * default 12 months after the campaign finished / the internship ended) has passed. Their attachments are deleted.
 * Audited with counts only. Runs at start-up and daily in-process (src/server/retention-jobs.ts), and as `npm run retention`.
 */
import type { Database } from '../db/client.js';
import { auditInTx } from '../access/audit.service.js';
import { retentionCutoff } from '../../domain/recruitment/intake.js';
import { readIntakeSettings } from './campaigns.service.js';
import { anonymiseApplicants, anonymiseExpiredInternships, listExpiredApplicantIds, listMunicipalityIds } from './retention.repository.js';

export type RetentionRun = { municipalityId: number; cutoff: string; applicants: number; attachments: number; internships: number };

export async function anonymiseExpiredApplicants(database: Database, today: string, now: Date = new Date()): Promise<RetentionRun[]> {
  const runs: RetentionRun[] = [];
  for (const municipalityId of await listMunicipalityIds(database.db)) {
    const { value } = await readIntakeSettings(database.db, municipalityId);
    const cutoff = retentionCutoff(value.retentionMonths, today);
    const run = await database.db.transaction(async (tx) => {
      const ids = await listExpiredApplicantIds(tx, municipalityId, cutoff);
      const done = await anonymiseApplicants(tx, ids, now);
      const interns = await anonymiseExpiredInternships(tx, municipalityId, cutoff, now);
      if (done.applicants + interns > 0) {
        await auditInTx(tx, { municipalityId, actor: null, requestId: `retention-${today}`, now, actorLabel: 'system:retention' }, {
          action: 'recruitment.retention.anonymise',
          outcome: 'succeeded',
          details: { cutoff, retentionMonths: value.retentionMonths, applicants: done.applicants, attachments: done.attachments, internships: interns },
        });
      }
      return { municipalityId, cutoff, applicants: done.applicants, attachments: done.attachments, internships: interns };
    });
    runs.push(run);
  }
  return runs;
}

/** Start-up run plus one every 24 hours; the timer does not keep the process alive. Returns a stop function. */
