/**
 * The rotation rules of policy III-2-(1) (R1–R5, issue 5) on one person, as of the facts' effective date and on the
 * status quo (nobody moved yet). Each flag names the rule, says the facts in Japanese (dates in 和暦, like the
 * server's other messages), carries them as data and says what would clear it. Pure; thresholds come from the
 * facts' settings (R1 rotationYearsPerUnit, R3 expertCycleYears, R4 rotationEndWindowYears).
 *
 * "Past the rotation period" means phase ② or ③: the policy's ③ says 5 years or more per unit and its measures
 * say that staff already past the rotation period are not moved for at least 5 years; ② (core staff) is past it too.
 */
import { formatDate, formatFiscalYear } from '../common/wareki.js';
import { fiscalYearOf } from '../common/fiscal-year.js';
import { careerPhaseLabels } from '../org/org-model.js';
import type { PlacementFacts, PlacementPerson, PlacementUnit, RuleFlag, RuleId } from './placement-model.js';

type UnitIndex = ReadonlyMap<number, PlacementUnit>;
const unitIndexCache = new WeakMap<PlacementFacts, UnitIndex>();

/** The facts' units by id (built once per facts object). */
export function unitIndexOf(facts: PlacementFacts): UnitIndex {
  let index = unitIndexCache.get(facts);
  if (index === undefined) {
    index = new Map(facts.units.map((u) => [u.unitId, u]));
    unitIndexCache.set(facts, index);
  }
  return index;
}

const fieldCountCache = new WeakMap<PlacementFacts, ReadonlyMap<string, number>>();

/** How many placeable units other than the person's own match one of their expertise fields. */
export function matchingUnitCount(p: PlacementPerson, facts: PlacementFacts): number {
  let counts = fieldCountCache.get(facts);
  if (counts === undefined) {
    const map = new Map<string, number>();
    for (const u of facts.units) if (u.expertiseField !== null) map.set(u.expertiseField, (map.get(u.expertiseField) ?? 0) + 1);
    counts = map;
    fieldCountCache.set(facts, counts);
  }
  let n = 0;
  for (const f of new Set(p.expertiseFields)) n += counts.get(f) ?? 0;
  if (matchesExpertise(p, unitIndexOf(facts).get(p.currentUnitId))) n -= 1;
  return n;
}

const warekiMemo = new Map<string, string>();
/** 「令和8年4月1日」, memoised: a city's flags repeat the same few hundred dates tens of thousands of times. */
export function wareki(date: string): string {
  let text = warekiMemo.get(date);
  if (text === undefined) {
    text = formatDate(date, 'wareki');
    if (warekiMemo.size < 50_000) warekiMemo.set(date, text);
  }
  return text;
}

/** A unit's name for messages; an id the facts do not know shows as 「所属#12」. */
export function unitLabel(facts: PlacementFacts, unitId: number): string {
  return unitIndexOf(facts).get(unitId)?.name ?? `所属#${unitId}`;
}

/** ① and not away on dispatch. */
export const isInRotation = (p: PlacementPerson): boolean => p.phase === 'rotation';
/** ② or ③: past the rotation period. */
export const isPastRotation = (p: PlacementPerson): boolean => p.phase === 'core' || p.phase === 'expert';

/** R1: in ① and rotationYearsPerUnit completed years or more in the current unit. */
export const isRotationCandidate = (p: PlacementPerson, facts: PlacementFacts): boolean =>
  isInRotation(p) && !p.isDispatched && p.yearsInUnit >= facts.settings.rotationYearsPerUnit;

/** R2: in ① without frontline experience. */
export const needsFrontline = (p: PlacementPerson): boolean => isInRotation(p) && !p.isDispatched && !p.hasFrontlineExperience;

/** R3: past ① with fewer than expertCycleYears completed years in the unit: not moved unless a special reason is recorded. */
export const isProtectedFromMove = (p: PlacementPerson, facts: PlacementFacts): boolean =>
  isPastRotation(p) && p.yearsInUnit < facts.settings.expertCycleYears;

/**
 * R4: "at the end of the rotation period" = in ① and at most rotationEndWindowYears completed years short of the
 * years at which ① ends by time (careerPhaseRules.rotationYears), or past them (still in ① for want of units).
 */
export const isAtRotationEnd = (p: PlacementPerson, facts: PlacementFacts): boolean =>
  isInRotation(p) && p.yearsSinceHire >= p.rotationEndsAtYears - facts.settings.rotationEndWindowYears;

/** R5: past ① and due for a move (expertCycleYears or more in the unit): the next unit should use their expertise. */
export const isDueForExpertMove = (p: PlacementPerson, facts: PlacementFacts): boolean =>
  isPastRotation(p) && !p.isDispatched && p.yearsInUnit >= facts.settings.expertCycleYears;

/** Does the unit's expertise field match one of the person's? */
export const matchesExpertise = (p: PlacementPerson, unit: PlacementUnit | undefined): boolean =>
  unit !== undefined && unit.expertiseField !== null && p.expertiseFields.includes(unit.expertiseField);

/** The facts every flag about a person carries. */
export function tenureFacts(p: PlacementPerson, facts: PlacementFacts): Record<string, string | number | boolean | null> {
  return {
    effectiveDate: facts.effectiveDate,
    phase: p.phase,
    hireDate: p.hireDate,
    yearsSinceHire: p.yearsSinceHire,
    unitId: p.currentUnitId,
    unitName: unitLabel(facts, p.currentUnitId),
    inUnitSince: p.inUnitSince,
    yearsInUnit: p.yearsInUnit,
  };
}

/** 「令和5年4月1日から市民課に在籍し、令和8年4月1日時点で3年です。」 */
export function tenureSentence(p: PlacementPerson, facts: PlacementFacts): string {
  return `${wareki(p.inUnitSince)}から${unitLabel(facts, p.currentUnitId)}に在籍し、${wareki(facts.effectiveDate)}時点で${p.yearsInUnit}年です。`;
}

const phaseText = (p: PlacementPerson): string => (p.phase === null ? 'キャリア段階の対象外' : careerPhaseLabels[p.phase]);

export function r1Flag(p: PlacementPerson, facts: PlacementFacts, severity: RuleFlag['severity']): RuleFlag {
  const years = facts.settings.rotationYearsPerUnit;
  return {
    rule: 'R1',
    staffId: p.staffId,
    severity,
    message: `${phaseText(p)}の職員で、${tenureSentence(p, facts)}在課${years}年以上のため、原則として次の配置先を検討します。`,
    facts: { ...tenureFacts(p, facts), thresholdYears: years },
    clearedBy: '異動案で他の所属へ異動させると解消します(留任とする場合はその理由を異動案の備考に残してください)。',
  };
}

export function r2Flag(p: PlacementPerson, facts: PlacementFacts, severity: RuleFlag['severity'], toUnitId?: number): RuleFlag {
  const base = `${phaseText(p)}の職員で、住民との直接的な折衝を伴う現場(窓口部署)の経験がありません(入庁${wareki(p.hireDate)}、${wareki(facts.effectiveDate)}時点で入庁${p.yearsSinceHire}年)。`;
  const moved = toUnitId === undefined ? '' : `異動先の${unitLabel(facts, toUnitId)}は窓口部署ではありません。`;
  return {
    rule: 'R2',
    staffId: p.staffId,
    severity,
    message: `${base}${moved}`,
    facts: { ...tenureFacts(p, facts), hasFrontlineExperience: p.hasFrontlineExperience, toUnitId: toUnitId ?? null, toUnitName: toUnitId === undefined ? null : unitLabel(facts, toUnitId) },
    clearedBy: '窓口部署(住民との折衝を伴う現場)へ異動させると解消します。',
  };
}

export function r3Flag(p: PlacementPerson, facts: PlacementFacts, severity: RuleFlag['severity'], move?: { toUnitId: number; specialReason: string | null }): RuleFlag {
  const years = facts.settings.expertCycleYears;
  let tail: string;
  let clearedBy: string;
  if (move === undefined) {
    tail = `異動のサイクルは原則${years}年以上のため、特別な理由がない限り異動させません。`;
    clearedBy = `在課${years}年に達するまで異動させなければ問題ありません。異動させる場合は異動案に特別な理由を記録してください。`;
  } else if (move.specialReason !== null && move.specialReason.trim() !== '') {
    tail = `在課${years}年未満ですが、特別な理由「${move.specialReason.trim()}」により${unitLabel(facts, move.toUnitId)}へ異動します。`;
    clearedBy = '特別な理由が記録されているため、異動できます。';
  } else {
    tail = `在課${years}年未満で${unitLabel(facts, move.toUnitId)}へ異動になっていますが、特別な理由が記録されていません。`;
    clearedBy = 'この異動に特別な理由を記録するか、異動を取り消すと解消します。';
  }
  return {
    rule: 'R3',
    staffId: p.staffId,
    severity,
    message: `${phaseText(p)}の職員で、${tenureSentence(p, facts)}${tail}`,
    facts: {
      ...tenureFacts(p, facts),
      thresholdYears: years,
      toUnitId: move?.toUnitId ?? null,
      specialReason: move?.specialReason ?? null,
    },
    clearedBy,
  };
}

export function r4Flag(p: PlacementPerson, facts: PlacementFacts, severity: RuleFlag['severity']): RuleFlag {
  const fy = formatFiscalYear(fiscalYearOf(facts.effectiveDate), 'wareki');
  return {
    rule: 'R4',
    staffId: p.staffId,
    severity,
    message: `${phaseText(p)}の終わりの職員です(入庁${wareki(p.hireDate)}、${wareki(facts.effectiveDate)}時点で入庁${p.yearsSinceHire}年、期間の目安は入庁${p.rotationEndsAtYears}年)が、${fy}の異動希望の部署が登録されていません。`,
    facts: {
      ...tenureFacts(p, facts),
      rotationEndsAtYears: p.rotationEndsAtYears,
      windowYears: facts.settings.rotationEndWindowYears,
      fiscalYear: fiscalYearOf(facts.effectiveDate),
      wishCount: p.wishes.length,
    },
    clearedBy: `本人から異動希望の部署を聞き取り、${fy}の異動希望(第1〜第3希望)として登録すると解消します。`,
  };
}

export function r5Flag(p: PlacementPerson, facts: PlacementFacts, severity: RuleFlag['severity'], toUnitId?: number): RuleFlag {
  const fields = p.expertiseFields.length === 0 ? '専門分野は未登録' : `専門分野は${p.expertiseFields.join('・')}`;
  const matching = matchingUnitCount(p, facts);
  let message: string;
  let clearedBy: string;
  if (toUnitId === undefined) {
    message = `${phaseText(p)}の職員で、${tenureSentence(p, facts)}次の配置先は、これまで培った専門知識が活かせる所属が望ましいです(${fields}、合う所属は${matching}か所)。`;
    clearedBy = p.expertiseFields.length === 0 ? '専門分野を登録し、その分野の所属へ異動させると解消します。' : '専門分野が合う所属へ異動させると解消します。';
  } else {
    const unit = unitIndexOf(facts).get(toUnitId);
    const unitField = unit?.expertiseField ?? null;
    message = `${phaseText(p)}の職員ですが、異動先の${unitLabel(facts, toUnitId)}(分野: ${unitField ?? '未設定'})は本人の専門分野に合いません(${fields})。`;
    clearedBy = p.expertiseFields.length === 0 ? '本人の専門分野を登録するか、専門分野が合う所属へ異動先を変えると解消します。' : '専門分野が合う所属へ異動先を変えると解消します。';
  }
  return {
    rule: 'R5',
    staffId: p.staffId,
    severity,
    message,
    facts: {
      ...tenureFacts(p, facts),
      expertiseFields: p.expertiseFields.join('・'),
      matchingUnits: matching,
      toUnitId: toUnitId ?? null,
      toUnitField: toUnitId === undefined ? null : (unitIndexOf(facts).get(toUnitId)?.expertiseField ?? null),
    },
    clearedBy,
  };
}

/** Each rule on the status quo: whether it flags the person, and the flag (built only when asked: it is text). */
const statusQuoRules: ReadonlyArray<readonly [RuleId, (p: PlacementPerson, facts: PlacementFacts) => boolean, (p: PlacementPerson, facts: PlacementFacts) => RuleFlag]> = [
  ['R1', (p, facts) => isRotationCandidate(p, facts), (p, facts) => r1Flag(p, facts, 'info')],
  ['R2', (p) => needsFrontline(p), (p, facts) => r2Flag(p, facts, 'warning')],
  ['R3', (p, facts) => isProtectedFromMove(p, facts) && !p.isDispatched, (p, facts) => r3Flag(p, facts, 'info')],
  ['R4', (p, facts) => isAtRotationEnd(p, facts) && p.wishes.length === 0, (p, facts) => r4Flag(p, facts, 'warning')],
  ['R5', (p, facts) => isDueForExpertMove(p, facts), (p, facts) => r5Flag(p, facts, 'info')],
];

/**
 * The rules that flag the person on the status quo, in rule order, without building the flags' text: what a list
 * of 40,000 people counts and filters by (then `personFlags` for the page shown). Same decisions as `personFlags`.
 */
export function personRuleIds(person: PlacementPerson, facts: PlacementFacts): RuleId[] {
  const ids: RuleId[] = [];
  for (const [rule, applies] of statusQuoRules) if (applies(person, facts)) ids.push(rule);
  return ids;
}

/**
 * R1–R5 on the status quo, in rule order. R1 (transfer candidate), R3 (not to be moved) and R5 (the next unit should
 * use the expertise) are 'info'; R2 (no frontline experience yet) and R4 (no wishes at the end of ①) are 'warning'.
 */
export function personFlags(person: PlacementPerson, facts: PlacementFacts): RuleFlag[] {
  const flags: RuleFlag[] = [];
  for (const [, applies, flag] of statusQuoRules) if (applies(person, facts)) flags.push(flag(person, facts));
  return flags;
}

/** Every person's flags, in the order of the facts' people. */
export function allFlags(facts: PlacementFacts): RuleFlag[] {
  return facts.people.flatMap((p) => personFlags(p, facts));
}
