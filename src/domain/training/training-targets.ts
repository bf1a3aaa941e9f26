/**
 * Who a course is for in a 年度 (policy III-1-(2): 職位や在籍年数によって受講する研修): the year of service, the
 * tenure bands (新規採用 / 2年目 / 初級 / 中級) and the target rule of a course, each decision with a Japanese reason.
 * Pure: the fiscal year and every fact about people are passed in.
 */
import { fiscalYearOf } from '../common/fiscal-year.js';
import { employmentTypeLabels, employmentTypes, positionLevelLabels, positionLevels, type EmploymentType } from '../org/org-model.js';
import {
  tenureBands,
  trainingSituationLabels,
  trainingSituations,
  type Course,
  type StaffFacts,
  type TargetDecision,
  type TargetRule,
  type TenureBand,
  type TenureBandSettings,
} from './training-model.js';

/**
 * Default 年目 ranges. The policy (II-4-(3)) names the four courses of 係員 but gives no years: 新規採用 is the
 * 1年目 and 2年目 the 2年目 by their names; 初級 3–5年目 and 中級 6–10年目 are our choice — the end of the first
 * job rotation (about three years per unit, III-2-(1)) and the years before 主任/係長 promotion in most cities.
 * Each municipality changes them in its settings.
 */
export const defaultTenureBands: TenureBandSettings = {
  'new-hire': { fromYear: 1, toYear: 1 },
  'second-year': { fromYear: 2, toYear: 2 },
  junior: { fromYear: 3, toYear: 5 },
  intermediate: { fromYear: 6, toYear: 10 },
};

/**
 * 年目 in `fiscalYear` of someone hired on `hireDate`: 1 for anyone hired during that 年度 (April 1 or mid-year
 * alike), 2 in the next 年度, and so on. Someone hired on March 31 is therefore already 2年目 on April 1.
 * Zero or less when the hire date lies after the 年度.
 */
export function yearOfService(hireDate: string, fiscalYear: number): number {
  return fiscalYear - fiscalYearOf(hireDate) + 1;
}

/** Tenure bands are about the career ladder; 会計年度任用 appointments restart each 年度, so their 年目 means nothing here. */
function isFiscalAppointment(type: EmploymentType): boolean {
  return type === 'fiscal_full' || type === 'fiscal_part';
}

function isEmptyRule(rule: TargetRule): boolean {
  return rule.positionLevels.length === 0 && rule.tenureBands.length === 0 && rule.employmentTypes.length === 0 && rule.situations.length === 0;
}

function isInBand(year: number, bands: TenureBandSettings, band: TenureBand): boolean {
  const range = bands[band];
  return year >= range.fromYear && year <= range.toYear;
}

function hireLabel(hireDate: string): string {
  return `${Number(hireDate.slice(0, 4))}年${Number(hireDate.slice(5, 7))}月採用`;
}

/**
 * Does the rule target this person in `fiscalYear`? Every non-empty list of the rule must match (OR within a
 * list); an all-empty rule targets nobody. Tenure bands need a post and never target 会計年度任用職員; a person
 * without a post can only be targeted by employment types and situations. The reason lists the matched facts,
 * e.g. 「係員・2年目(2024年4月採用)」.
 */
export function isTarget(rule: TargetRule, facts: StaffFacts, fiscalYear: number, bands: TenureBandSettings): TargetDecision {
  if (isEmptyRule(rule)) return { isTarget: false };
  const parts: string[] = [];
  if (rule.positionLevels.length > 0) {
    if (facts.positionLevel === null || !rule.positionLevels.includes(facts.positionLevel)) return { isTarget: false };
    parts.push(positionLevelLabels[facts.positionLevel]);
  }
  if (rule.tenureBands.length > 0) {
    if (facts.positionLevel === null || isFiscalAppointment(facts.employmentType)) return { isTarget: false };
    const year = yearOfService(facts.hireDate, fiscalYear);
    if (!rule.tenureBands.some((band) => isInBand(year, bands, band))) return { isTarget: false };
    parts.push(`${year}年目(${hireLabel(facts.hireDate)})`);
  }
  if (rule.employmentTypes.length > 0) {
    if (!rule.employmentTypes.includes(facts.employmentType)) return { isTarget: false };
    parts.push(employmentTypeLabels[facts.employmentType]);
  }
  if (rule.situations.length > 0) {
    const matched = rule.situations.filter((s) => facts.situations.includes(s));
    if (matched.length === 0) return { isTarget: false };
    parts.push(...matched.map((s) => trainingSituationLabels[s]));
  }
  return { isTarget: true, reason: parts.join('・') };
}

/**
 * A course's rule says whom it is meant for; only when its selection methods include 'automatic' are all of them
 * required to attend (the plan's 受講対象者). Otherwise people come by recommendation, designation or application,
 * and the rule is what those are checked against.
 */
export function hasAutomaticTargets(course: Pick<Course, 'selectionMethods'>): boolean {
  return course.selectionMethods.includes('automatic');
}

const positionIndex = new Map(positionLevels.map((level, i) => [level, i]));
const employmentIndex = new Map(employmentTypes.map((type, i) => [type, i]));
const situationIndex = new Map(trainingSituations.map((situation, i) => [situation, i]));
const noPost = -1;

/**
 * People turned once into numbers (position, employment type, situations as bits; 年度 of hiring), so that the
 * targets of every session of a year are one pass of integer tests per session. Independent of the fiscal year.
 */
export type PreparedStaff = {
  readonly kind: 'prepared-staff';
  readonly people: readonly StaffFacts[];
  readonly position: Int8Array;
  readonly employment: Int8Array;
  readonly situationBits: Int32Array;
  readonly hireFiscalYear: Int32Array;
};

/**
 * Throws a RangeError on a hire date that is not a real 'YYYY-MM-DD' date (the record is broken, not the rule).
 * `hireYears` memoises the 年度 of each hire date across calls (the facts of every start date of a year): a city's
 * hire dates repeat, and parsing 40,000 of them per date was most of the completion report's time.
 */
export function prepareFacts(people: readonly StaffFacts[], hireYears: Map<string, number> = new Map()): PreparedStaff {
  const n = people.length;
  const prepared = {
    kind: 'prepared-staff' as const,
    people,
    position: new Int8Array(n),
    employment: new Int8Array(n),
    situationBits: new Int32Array(n),
    hireFiscalYear: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const facts = people[i] as StaffFacts;
    prepared.position[i] = facts.positionLevel === null ? noPost : (positionIndex.get(facts.positionLevel) as number);
    prepared.employment[i] = employmentIndex.get(facts.employmentType) as number;
    let bits = 0;
    for (const situation of facts.situations) bits |= 1 << (situationIndex.get(situation) as number);
    prepared.situationBits[i] = bits;
    let hireYear = hireYears.get(facts.hireDate);
    if (hireYear === undefined) hireYears.set(facts.hireDate, (hireYear = fiscalYearOf(facts.hireDate)));
    prepared.hireFiscalYear[i] = hireYear;
  }
  return prepared;
}

export type Target = { staffId: number; reason: string };

/**
 * The positions in `staff.people` of the people `rule` targets in `fiscalYear`, in input order: the decision of
 * `isTarget` as integer tests on the prepared facts, without the reasons' text — what a report that only counts
 * (the plan's target counts, the completion report over every session of a year) needs.
 */
export function targetIndexes(rule: TargetRule, staff: PreparedStaff, fiscalYear: number, bands: TenureBandSettings): number[] {
  if (isEmptyRule(rule)) return [];
  const checksPosition = rule.positionLevels.length > 0 || rule.tenureBands.length > 0;
  const positionAllowed = new Uint8Array(positionLevels.length);
  if (rule.positionLevels.length > 0) for (const level of rule.positionLevels) positionAllowed[positionIndex.get(level) as number] = 1;
  else positionAllowed.fill(1);
  const employmentAllowed = new Uint8Array(employmentTypes.length);
  if (rule.employmentTypes.length > 0) for (const type of rule.employmentTypes) employmentAllowed[employmentIndex.get(type) as number] = 1;
  else employmentAllowed.fill(1);
  if (rule.tenureBands.length > 0) {
    for (const type of employmentTypes) if (isFiscalAppointment(type)) employmentAllowed[employmentIndex.get(type) as number] = 0;
  }
  let situationMask = 0;
  for (const situation of rule.situations) situationMask |= 1 << (situationIndex.get(situation) as number);
  // Hire 年度 that fall in one of the rule's bands this year (year of service y ⇔ hired in fiscalYear − y + 1).
  let hireFrom = Number.NEGATIVE_INFINITY;
  let hireTo = Number.POSITIVE_INFINITY;
  let hireAllowed: Set<number> | null = null;
  if (rule.tenureBands.length > 0) {
    hireAllowed = new Set();
    for (const band of tenureBands) {
      if (!rule.tenureBands.includes(band)) continue;
      const { fromYear, toYear } = bands[band];
      for (let y = Math.max(1, fromYear); y <= toYear; y++) hireAllowed.add(fiscalYear - y + 1);
    }
    hireFrom = Math.min(...hireAllowed);
    hireTo = Math.max(...hireAllowed);
  }

  const indexes: number[] = [];
  const { position, employment, situationBits, hireFiscalYear } = staff;
  for (let i = 0; i < staff.people.length; i++) {
    const p = position[i] as number;
    if (checksPosition && (p === noPost || positionAllowed[p] === 0)) continue;
    if (employmentAllowed[employment[i] as number] === 0) continue;
    if (situationMask !== 0 && ((situationBits[i] as number) & situationMask) === 0) continue;
    if (hireAllowed !== null) {
      const h = hireFiscalYear[i] as number;
      if (h < hireFrom || h > hireTo || !hireAllowed.has(h)) continue;
    }
    indexes.push(i);
  }
  return indexes;
}

/**
 * The people `rule` targets in `fiscalYear`, in input order, each with the reason `isTarget` gives. Pass the
 * result of `prepareFacts` when computing many rules over the same people.
 */
export function targetsFor(
  rule: TargetRule,
  people: readonly StaffFacts[] | PreparedStaff,
  fiscalYear: number,
  bands: TenureBandSettings,
): Target[] {
  if (isEmptyRule(rule)) return [];
  const staff = 'kind' in people ? people : prepareFacts(people);
  const targets: Target[] = [];
  for (const i of targetIndexes(rule, staff, fiscalYear, bands)) {
    const decision = isTarget(rule, staff.people[i] as StaffFacts, fiscalYear, bands);
    if (decision.isTarget) targets.push({ staffId: (staff.people[i] as StaffFacts).staffId, reason: decision.reason });
  }
  return targets;
}
