/** Eligibility (受験資格) of an applicant for a category: age on the reference date, qualifications, experience. */
import { addDays, completedYearsBetween, toIsoDate } from '../common/fiscal-year.js';
import type { ApplicantFacts, Eligibility } from './recruitment-model.js';

export type EligibilityResult = { isEligible: boolean; age: number; reasons: string[] };

/** Age in whole years on `date`, counted like a birthday (the way exam notices state limits). */
export function ageOn(birthDate: string, date: string): number {
  return completedYearsBetween(birthDate, date);
}

/**
 * The birth dates the age limits admit, as notices print them (「平成7年4月2日以降に生まれた人」): born on or after
 * the day after the (maxAge+1)th-birthday-eve, on or before the minAge-th birthday. Null bound = no limit.
 */
export function birthDateBounds(rule: Pick<Eligibility, 'ageReferenceDate' | 'minAge' | 'maxAge'>): { bornOnOrAfter: string | null; bornOnOrBefore: string | null } {
  const [y, m, d] = rule.ageReferenceDate.split('-').map(Number) as [number, number, number];
  // The same month and day `years` earlier; a 29 February reference falls back to 28 February in a common year
  // (someone born on 28 February has had their birthday by 29 February, someone born on 1 March has not).
  const shift = (years: number) => toIsoDate(y - years, m, Math.min(d, new Date(Date.UTC(y - years, m, 0)).getUTCDate()));
  return {
    bornOnOrAfter: rule.maxAge === null ? null : addDays(shift(rule.maxAge + 1), 1),
    bornOnOrBefore: rule.minAge === null ? null : shift(rule.minAge),
  };
}

export function checkEligibility(applicant: ApplicantFacts, rule: Eligibility): EligibilityResult {
  const age = ageOn(applicant.birthDate, rule.ageReferenceDate);
  const reasons: string[] = [];
  if (rule.minAge !== null && age < rule.minAge) reasons.push(`${rule.ageReferenceDate}時点の年齢が${age}歳で、下限の${rule.minAge}歳に達していません。`);
  if (rule.maxAge !== null && age > rule.maxAge) reasons.push(`${rule.ageReferenceDate}時点の年齢が${age}歳で、上限の${rule.maxAge}歳を超えています。`);
  for (const required of rule.requiredQualifications) {
    const held = applicant.qualifications.find((q) => q.name === required);
    if (!held) reasons.push(`必要な資格「${required}」がありません。`);
    else if (held.status === 'expected' && !rule.acceptsExpectedQualification) reasons.push(`資格「${required}」は取得済みであることが必要です(取得見込みは不可)。`);
  }
  if (rule.minWorkExperienceYears !== null) {
    const years = applicant.workExperienceYears ?? 0;
    if (years < rule.minWorkExperienceYears) reasons.push(`職務経験が${years}年で、必要な${rule.minWorkExperienceYears}年に足りません。`);
  }
  return { isEligible: reasons.length === 0, age, reasons };
}
