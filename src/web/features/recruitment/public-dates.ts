/** Dates on the public pages: 西暦 with 和暦 beside it (exam notices print both); no session needed. */
import { formatDate } from '../../../domain/common/wareki.js';

export function bothCalendars(date: string): string {
  return `${formatDate(date, 'seireki')}(${formatDate(date, 'wareki')})`;
}

/** 「1995年4月2日(平成7年4月2日)以降に生まれた人」 from the bounds of eligibility.birthDateBounds. */
export function birthBoundsText(bounds: { bornOnOrAfter: string | null; bornOnOrBefore: string | null }): string {
  const { bornOnOrAfter: from, bornOnOrBefore: to } = bounds;
  if (from && to) return `${bothCalendars(from)}から${bothCalendars(to)}までに生まれた人`;
  if (from) return `${bothCalendars(from)}以降に生まれた人`;
  if (to) return `${bothCalendars(to)}以前に生まれた人`;
  return '年齢制限はありません';
}
