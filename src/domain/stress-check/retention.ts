/** How long stress-check records are kept (facts.md: 5 years; 労働安全衛生規則52条の13) and the cut-off day. */

export const stressCheckRetentionYears = 5;

/**
 * Campaigns that closed before the returned day are deleted: `years` years back from today, same month and day
 * (29 February falls back to 28). A setting may keep records longer, never shorter than the legal 5 years.
 */
export function retentionCutoff(today: string, years: number): string {
  const kept = Math.max(stressCheckRetentionYears, Math.floor(years));
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - kept;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !isLeap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
