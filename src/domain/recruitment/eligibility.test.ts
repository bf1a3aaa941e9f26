import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../common/fiscal-year.js';
import { ageOn, birthDateBounds, checkEligibility } from './eligibility.js';
import { eligibilitySchema, type ApplicantFacts, type Eligibility } from './recruitment-model.js';

const general: Eligibility = eligibilitySchema.parse({ ageReferenceDate: '2026-04-01', minAge: 22, maxAge: 30 });
const applicant = (birthDate: string, more: Partial<ApplicantFacts> = {}): ApplicantFacts => ({ birthDate, qualifications: [], workExperienceYears: null, ...more });

describe('age on the reference date', () => {
  it.each([
    ['1995-04-02', 30, true, 'born 4/2: 30 on 4/1 (the printed bound 「平成7年4月2日以降」)'],
    ['1995-04-01', 31, false, 'born 4/1: already 31'],
    ['2004-04-01', 22, true, 'minimum: 22 on the day'],
    ['2004-04-02', 21, false, 'one day too young'],
  ])('%s → %i (%s)', (birthDate, age, eligible) => {
    const result = checkEligibility(applicant(birthDate), general);
    expect(result.age).toBe(age);
    expect(result.isEligible).toBe(eligible);
  });

  it('counts 29 February birthdays on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('takes no limit when the limit is removed (撤廃), and says why someone is out', () => {
    const removed = { ...general, maxAge: null };
    expect(checkEligibility(applicant('1960-05-05'), removed).isEligible).toBe(true);
    expect(checkEligibility(applicant('1990-05-05'), general).reasons).toEqual(['2026-04-01時点の年齢が35歳で、上限の30歳を超えています。']);
  });

  it('prints the birth-date bounds the way notices do, and they agree with the check for any birth date', () => {
    expect(birthDateBounds(general)).toEqual({ bornOnOrAfter: '1995-04-02', bornOnOrBefore: '2004-04-01' });
    expect(birthDateBounds({ ageReferenceDate: '2026-04-01', minAge: null, maxAge: null })).toEqual({ bornOnOrAfter: null, bornOnOrBefore: null });
    // A 29 February reference date: 18 means born on or before 2010-02-28; 20 at most means born from 2007-03-01.
    expect(birthDateBounds({ ageReferenceDate: '2028-02-29', minAge: 18, maxAge: 20 })).toEqual({ bornOnOrAfter: '2007-03-01', bornOnOrBefore: '2010-02-28' });
    const referenceDates = ['2026-04-01', '2025-02-28', '2028-02-29', '2027-03-01', '2026-12-31'];
    fc.assert(
      fc.property(fc.constantFrom(...referenceDates), fc.integer({ min: 18, max: 40 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 * 366 }), (ref, minAge, span, daysBack) => {
        const rule = { ...general, ageReferenceDate: ref, minAge, maxAge: minAge + span };
        const birthDate = addDays(ref, -daysBack);
        const { bornOnOrAfter, bornOnOrBefore } = birthDateBounds(rule);
        const within = birthDate >= bornOnOrAfter! && birthDate <= bornOnOrBefore!;
        expect(checkEligibility(applicant(birthDate), rule).isEligible).toBe(within);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('qualifications and experience', () => {
  const nurse = eligibilitySchema.parse({ ageReferenceDate: '2026-04-01', minAge: null, maxAge: 40, requiredQualifications: ['保健師', '看護師'] });
  it.each([
    [[{ name: '保健師', status: 'held' }, { name: '看護師', status: 'held' }], true, []],
    [[{ name: '保健師', status: 'expected' }, { name: '看護師', status: 'held' }], true, []],
    [[{ name: '看護師', status: 'held' }], false, ['必要な資格「保健師」がありません。']],
  ] as const)('%j → %s', (qualifications, eligible, reasons) => {
    const result = checkEligibility(applicant('1995-06-01', { qualifications }), nurse);
    expect(result.isEligible).toBe(eligible);
    expect(result.reasons).toEqual(reasons);
  });
  it('refuses 取得見込み when the category needs it held', () => {
    const strict = { ...nurse, acceptsExpectedQualification: false };
    const result = checkEligibility(applicant('1995-06-01', { qualifications: [{ name: '保健師', status: 'expected' }, { name: '看護師', status: 'held' }] }), strict);
    expect(result.reasons).toEqual(['資格「保健師」は取得済みであることが必要です(取得見込みは不可)。']);
  });
  it('asks mid-career applicants for their years of experience', () => {
    const midCareer = eligibilitySchema.parse({ ageReferenceDate: '2026-04-01', minAge: null, maxAge: 59, minWorkExperienceYears: 5 });
    expect(checkEligibility(applicant('1980-01-01', { workExperienceYears: 5 }), midCareer).isEligible).toBe(true);
    expect(checkEligibility(applicant('1980-01-01', { workExperienceYears: null }), midCareer).reasons).toEqual(['職務経験が0年で、必要な5年に足りません。']);
  });
  it('refuses a lower limit above the upper one', () => {
    expect(eligibilitySchema.safeParse({ ageReferenceDate: '2026-04-01', minAge: 31, maxAge: 30 }).success).toBe(false);
  });
});
