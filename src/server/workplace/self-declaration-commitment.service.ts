/**
 * The self-declaration's organisational-commitment indicator as other features read it (the fellow programme,
 * ADR 0021): for a set of people at once, what their latest submitted declaration in the window says
 * (self-declaration-commitment.ts). Two statements whatever the number of people — the window's campaigns (a row or
 * two) and one set-based read of the declarations — and only the indicator's answer leaves the database.
 */
import type { Executor } from '../db/client.js';
import { commitmentWindowOn, readCommitments, type CommitmentReading } from '../../domain/workplace/self-declaration-commitment.js';
import { selfDeclarationFormSchema } from '../../domain/workplace/self-declaration-form.js';
import { listCampaignsInWindow, listLatestSubmittedIndicatorAnswers } from './self-declaration.repository.js';

/** Readings as of `date` for the given people; people without a submitted declaration in the window are absent. */
export async function loadCommitmentReadings(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<Map<number, CommitmentReading>> {
  if (staffIds.length === 0) return new Map();
  const window = commitmentWindowOn(date);
  const campaigns = await listCampaignsInWindow(exec, municipalityId, window);
  if (campaigns.length === 0) return new Map();
  const answers = await listLatestSubmittedIndicatorAnswers(exec, municipalityId, campaigns.map((c) => c.id), [...new Set(staffIds)]);
  return readCommitments(
    answers,
    campaigns.map((c) => {
      // A stored form that no longer validates has no indicator (never a guess).
      const parsed = selfDeclarationFormSchema.safeParse(c.form);
      return { campaignId: c.id, fiscalYear: c.fiscalYear, title: c.title, form: parsed.success ? parsed.data : null };
    }),
    window,
  );
}
