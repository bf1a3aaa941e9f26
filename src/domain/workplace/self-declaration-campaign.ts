/**
 * The yearly self-declaration campaign (one per 年度): when declarations can be written and for which 年度 the
 * transfer wishes count. Pure; "today" is passed in.
 */
import { z } from 'zod';
import { fiscalYearOf, isValidIsoDate, nextAprilFirst } from '../common/fiscal-year.js';

export type CampaignStatus = 'open' | 'closed';
export type CampaignWindow = { opensOn: string; closesOn: string; status: CampaignStatus };

const isoDate = (label: string) => z.string(`${label}を入力してください`).refine(isValidIsoDate, `${label}はYYYY-MM-DD形式で指定してください`);

export const openCampaignInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, '名称を入力してください').max(100, '名称は100文字以内で入力してください'),
    opensOn: isoDate('受付開始日'),
    closesOn: isoDate('締切日'),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: '締切日は受付開始日以降にしてください' });
export type OpenCampaignInput = z.infer<typeof openCampaignInputSchema>;

/** The campaign's 年度 is the one its opening day falls in. */
export const campaignFiscalYear = (opensOn: string): number => fiscalYearOf(opensOn);

/**
 * Wishes count for the 年度 of the first April 1 after the campaign opens (the next regular transfers, 定期異動);
 * units to wish for are picked from the organisation as of that day.
 */
export const wishEffectiveDate = (opensOn: string): string => nextAprilFirst(opensOn);
export const wishFiscalYear = (opensOn: string): number => fiscalYearOf(wishEffectiveDate(opensOn));

/** Declarations can be written and submitted while the campaign is open and today is within its period. */
export function isAcceptingOn(c: CampaignWindow, today: string): boolean {
  return c.status === 'open' && today >= c.opensOn && today <= c.closesOn;
}

export type DeclarationStatus = 'not-started' | 'draft' | 'submitted';
export const declarationStatusLabels: Record<DeclarationStatus, string> = { 'not-started': '未着手', draft: '下書き', submitted: '提出済み' };
