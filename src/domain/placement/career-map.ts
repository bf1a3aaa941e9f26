/**
 * 経歴の見える化 (policy III-2-(1): "各課の在籍職員の経歴の見える化を行う"): the city's tenure and frontline coverage
 * per unit as heat maps, and one unit's members' careers as a matrix of 年度. Pure functions over arrays loaded
 * in a few set-based queries — a city of 40,000 staff is one pass over its people. The career facts themselves
 * (tenure, frontline experience, units experienced, career phase) come from career.ts and org-settings.ts, so
 * this page and the placement rules say the same thing about a person.
 */
import { fiscalYearOf, fiscalYearRange } from '../common/fiscal-year.js';
import { currentAssignment, currentUnitTenure, hasFrontlineExperience, unitsExperienced, type UnitTenure } from '../org/career.js';
import {
  careerPhases,
  isInForce,
  type Assignment,
  type CareerPhase,
  type EmploymentType,
  type UnitEvent,
  type UnitKind,
  type UnitVersion,
} from '../org/org-model.js';
import { deriveCareerPhase, type CareerPhaseResult, type OrgSettings } from '../org/org-settings.js';
import { ancestorsOf, orgAsOf, sameUnitKey, unitLineage, versionOn, type OrgSnapshot, type UnitLineage } from '../org/org-tree.js';

// ---------------------------------------------------------------------------------------------
// Shared facts

export type CareerMapSettings = Pick<OrgSettings, 'careerPhaseRules' | 'rotationYearsPerUnit'>;

/** A person as the career map needs them (a row of `staff`). */
export type CareerMapPerson = {
  staffId: number;
  employmentType: EmploymentType;
  hireDate: string;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
};

/** The organisation's history, indexed once per request. */
export type OrgIndex = {
  versions: readonly UnitVersion[];
  versionsByUnit: ReadonlyMap<number, UnitVersion[]>;
  lineage: UnitLineage;
};

export function indexOrg(versions: readonly UnitVersion[], events: readonly UnitEvent[]): OrgIndex {
  const versionsByUnit = new Map<number, UnitVersion[]>();
  for (const v of versions) {
    const list = versionsByUnit.get(v.unitId);
    if (list === undefined) versionsByUnit.set(v.unitId, [v]);
    else list.push(v);
  }
  return { versions, versionsByUnit, lineage: unitLineage(versions, events) };
}

/** Groups assignments by person, keeping their order. */
export function groupAssignments(assignments: readonly Assignment[]): Map<number, Assignment[]> {
  const map = new Map<number, Assignment[]>();
  for (const a of assignments) {
    const list = map.get(a.staffId);
    if (list === undefined) map.set(a.staffId, [a]);
    else list.push(a);
  }
  return map;
}

/** The versions of the units a person was assigned to (career.ts scans what it is given: keep it small). */
function versionsOfUnits(assignments: readonly Assignment[], index: OrgIndex): UnitVersion[] {
  const seen = new Set<number>();
  const result: UnitVersion[] = [];
  for (const a of assignments) {
    if (seen.has(a.unitId)) continue;
    seen.add(a.unitId);
    for (const v of index.versionsByUnit.get(a.unitId) ?? []) result.push(v);
  }
  return result;
}

const storedPhase = (value: string | null): CareerPhase | null => careerPhases.find((p) => p === value) ?? null;

/** What the map shows about one person on a date. Null when they hold no regular post on the date. */
export type PersonCareerFacts = {
  staffId: number;
  /** the unit of the regular post in force (the home post while on dispatch) */
  unitId: number;
  positionId: number;
  isDispatched: boolean;
  /** the unbroken stay in the current unit (renames and mergers continue it); null while on dispatch */
  tenure: UnitTenure | null;
  hasFrontlineExperience: boolean;
  phase: CareerPhaseResult;
};

export function personCareerFacts(
  person: CareerMapPerson,
  own: readonly Assignment[],
  index: OrgIndex,
  settings: CareerMapSettings,
  date: string,
): PersonCareerFacts | null {
  const current = currentAssignment(own, date);
  if (current.regular === null) return null;
  const phase = deriveCareerPhase(
    {
      employmentType: person.employmentType,
      hireDate: person.hireDate,
      date,
      unitsExperienced: unitsExperienced(own, index.lineage, date),
      override: storedPhase(person.careerPhaseOverride),
      overrideReason: person.careerPhaseOverrideReason,
    },
    settings,
  );
  return {
    staffId: person.staffId,
    unitId: current.regular.unitId,
    positionId: current.regular.positionId,
    isDispatched: current.dispatch !== null,
    tenure: currentUnitTenure(own, index.lineage, date),
    hasFrontlineExperience: hasFrontlineExperience(own, versionsOfUnits(own, index), date),
    phase,
  };
}

// ---------------------------------------------------------------------------------------------
// Heat-map scales: one definition for the cells and the legend, so colour is never the only cue.

export type HeatScale = {
  /** upper bounds (inclusive) of levels 0..n-2; anything above is the last level */
  bounds: readonly number[];
  /** the legend's text per level */
  labels: readonly string[];
};

/** Members in a tenure band: 0 / 1–2 / 3–5 / 6–10 / 11+. */
export const countScale: HeatScale = { bounds: [0, 2, 5, 10], labels: ['0人', '1〜2人', '3〜5人', '6〜10人', '11人以上'] };
/** Mean completed years in the unit: < 1 / 1–2 / 2–3 / 3–5 / 5+ (3 = rotationYearsPerUnit by default). */
export const meanYearsScale: HeatScale = { bounds: [0.99, 1.99, 2.99, 4.99], labels: ['1年未満', '1年台', '2年台', '3〜4年台', '5年以上'] };
/**
 * Share of ① members with frontline experience, in percent. Higher is better: the scale runs from "few have been
 * at the counter" (level 4, darkest — look here) to "all have" (level 0).
 */
export const coverageScale: HeatScale = { bounds: [24.99, 49.99, 74.99, 99.99], labels: ['25%未満', '25〜50%未満', '50〜75%未満', '75〜100%未満', '100%'] };

export function heatLevel(value: number, scale: HeatScale): number {
  const index = scale.bounds.findIndex((bound) => value <= bound);
  return index === -1 ? scale.bounds.length : index;
}

/** Coverage is "worse when lower", so its darkest level is the smallest share. */
export function coverageLevel(percent: number): number {
  return coverageScale.bounds.length - heatLevel(percent, coverageScale);
}

// ---------------------------------------------------------------------------------------------
// City heat map

/** Completed years in the unit: 0, 1, 2, 3, 4, 5 or more. */
export const tenureBandLabels = ['0年', '1年', '2年', '3年', '4年', '5年以上'] as const;
export const tenureBandOf = (years: number): number => Math.min(Math.max(0, years), tenureBandLabels.length - 1);

export type TenureStats = {
  /** regular posts in force in the unit, dispatched people included */
  members: number;
  /** of those, away on dispatch: not counted in tenure or coverage */
  dispatched: number;
  /** members counted per completed-years band (tenureBandLabels) */
  bands: number[];
  /** ① members per band */
  rotationBands: number[];
  /** ① members with at least rotationYearsPerUnit years in the unit (R1-like: 次の配置先を検討) */
  rotationDue: number;
  /** ① members (not dispatched); staff without a phase (会計年度任用 …) are never ① */
  rotationMembers: number;
  rotationWithFrontline: number;
  /** rotationWithFrontline / rotationMembers in percent (one decimal), null without ① members */
  frontlinePercent: number | null;
  /** mean completed years in the unit of the counted members (one decimal), null without any */
  meanYears: number | null;
  /** sum of completed years (for totals) */
  yearsSum: number;
};

export type CityUnitRow = TenureStats & {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  /** 部 › 課 › 係 on the date */
  path: string;
  isFrontline: boolean;
};

export type CityDepartment = {
  /** the 部 (null: units whose 部 is not in force on the date — a data problem) */
  departmentId: number | null;
  name: string;
  rows: CityUnitRow[];
  totals: TenureStats;
};

export type CityCareerMap = {
  date: string;
  rotationYearsPerUnit: number;
  departments: CityDepartment[];
  totals: TenureStats;
  /** people with a regular post in a unit not in force on the date (bad data), not in any row */
  unplaced: number;
};

export type CityCareerInput = {
  date: string;
  versions: readonly UnitVersion[];
  events: readonly UnitEvent[];
  /** the people with a regular post on the date (others are ignored) */
  people: readonly CareerMapPerson[];
  /** every assignment of those people, whole history */
  assignments: readonly Assignment[];
  settings: CareerMapSettings;
};

function emptyStats(): TenureStats {
  const zeros = () => tenureBandLabels.map(() => 0);
  return {
    members: 0,
    dispatched: 0,
    bands: zeros(),
    rotationBands: zeros(),
    rotationDue: 0,
    rotationMembers: 0,
    rotationWithFrontline: 0,
    frontlinePercent: null,
    meanYears: null,
    yearsSum: 0,
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function addPerson(stats: TenureStats, facts: PersonCareerFacts, rotationYearsPerUnit: number): void {
  stats.members += 1;
  if (facts.isDispatched || facts.tenure === null) {
    stats.dispatched += facts.isDispatched ? 1 : 0;
    return;
  }
  const years = facts.tenure.years;
  const band = tenureBandOf(years);
  stats.bands[band] = (stats.bands[band] ?? 0) + 1;
  stats.yearsSum += years;
  if (facts.phase.phase === 'rotation') {
    stats.rotationBands[band] = (stats.rotationBands[band] ?? 0) + 1;
    stats.rotationMembers += 1;
    if (facts.hasFrontlineExperience) stats.rotationWithFrontline += 1;
    if (years >= rotationYearsPerUnit) stats.rotationDue += 1;
  }
}

function addStats(into: TenureStats, from: TenureStats): void {
  into.members += from.members;
  into.dispatched += from.dispatched;
  into.yearsSum += from.yearsSum;
  into.rotationDue += from.rotationDue;
  into.rotationMembers += from.rotationMembers;
  into.rotationWithFrontline += from.rotationWithFrontline;
  from.bands.forEach((n, i) => (into.bands[i] = (into.bands[i] ?? 0) + n));
  from.rotationBands.forEach((n, i) => (into.rotationBands[i] = (into.rotationBands[i] ?? 0) + n));
}

function finish(stats: TenureStats): TenureStats {
  const counted = stats.bands.reduce((a, b) => a + b, 0);
  stats.meanYears = counted === 0 ? null : round1(stats.yearsSum / counted);
  stats.frontlinePercent = stats.rotationMembers === 0 ? null : round1((100 * stats.rotationWithFrontline) / stats.rotationMembers);
  return stats;
}

/** The 部 of a unit on the snapshot: the root of its chain when that root is a 部. */
function departmentOfNode(unitId: number, snapshot: OrgSnapshot): { id: number; name: string; code: string } | null {
  const root = ancestorsOf(unitId, snapshot)[0];
  return root !== undefined && root.kind === 'department' ? { id: root.unitId, name: root.name, code: root.code } : null;
}

/**
 * Per unit in force on the date (rows grouped by 部, in the tree's code order; units without members left out):
 * members per band of completed years in the unit, ① members at or past rotationYearsPerUnit, the share of ①
 * members with frontline experience, and the mean years in the unit. A person counts in the unit of their regular
 * post; 兼務 does not count; a person away on dispatch is listed as such and left out of tenure and coverage;
 * tenure continues through renames and mergers (career.ts currentUnitTenure).
 */
export function cityCareerMap(input: CityCareerInput): CityCareerMap {
  const { date, settings } = input;
  const index = indexOrg(input.versions, input.events);
  const snapshot = orgAsOf(input.versions, date);
  const byStaff = groupAssignments(input.assignments);
  const statsByUnit = new Map<number, TenureStats>();
  let unplaced = 0;
  for (const person of input.people) {
    const facts = personCareerFacts(person, byStaff.get(person.staffId) ?? [], index, settings, date);
    if (facts === null) continue;
    if (!snapshot.nodes.has(facts.unitId)) {
      unplaced += 1;
      continue;
    }
    let stats = statsByUnit.get(facts.unitId);
    if (stats === undefined) statsByUnit.set(facts.unitId, (stats = emptyStats()));
    addPerson(stats, facts, settings.rotationYearsPerUnit);
  }

  const departments: CityDepartment[] = [];
  const byDepartment = new Map<number | null, CityDepartment>();
  const totals = emptyStats();
  const visit = (unitId: number, path: string[]): void => {
    const node = snapshot.nodes.get(unitId);
    if (node === undefined) return;
    const here = [...path, node.name];
    const stats = statsByUnit.get(unitId);
    if (stats !== undefined) {
      const department = departmentOfNode(unitId, snapshot);
      const key = department?.id ?? null;
      let group = byDepartment.get(key);
      if (group === undefined) {
        group = { departmentId: key, name: department?.name ?? '部に属さない所属', rows: [], totals: emptyStats() };
        byDepartment.set(key, group);
        departments.push(group);
      }
      group.rows.push({
        unitId,
        code: node.code,
        name: node.name,
        kind: node.kind,
        path: here.join(' › '),
        isFrontline: node.isFrontline,
        ...finish(stats),
      });
      addStats(group.totals, stats);
      addStats(totals, stats);
    }
    for (const child of node.children) visit(child.unitId, here);
  };
  for (const root of snapshot.roots) visit(root.unitId, []);
  for (const group of departments) finish(group.totals);
  // Departments in code order, the group without a 部 last.
  departments.sort((a, b) => (a.departmentId === null ? 1 : b.departmentId === null ? -1 : 0));
  return { date, rotationYearsPerUnit: settings.rotationYearsPerUnit, departments, totals: finish(totals), unplaced };
}

// ---------------------------------------------------------------------------------------------
// One unit: members × 年度

/** The 年度 columns: the last `years` fiscal years up to the date's, oldest first. */
export function fiscalYearColumns(date: string, years: number): number[] {
  const last = fiscalYearOf(date);
  const count = Math.max(1, Math.floor(years));
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

const unitSuffix = /(課|係|室|部|担当|グループ)$/u;

/**
 * A short label for a matrix cell: the 課 and 係 names (the 部 dropped), each without its suffix 課/係/室, joined
 * by 「・」 — 「市民部 › 市民課 › 窓口係」 → 「市民・窓口」. A name that is only the suffix is kept whole.
 */
export function abbreviateUnitPath(path: string): string {
  const parts = path.split(' › ').filter((p) => p !== '');
  // 部 › 課 › 係: the last two; a 課 directly under its 部, or a 部 itself: just its own name.
  const names = parts.length >= 3 ? parts.slice(-2) : parts.slice(-1);
  return names.map((n) => (unitSuffix.test(n) && n.replace(unitSuffix, '') !== '' ? n.replace(unitSuffix, '') : n)).join('・');
}

export type MatrixCellKind = 'regular' | 'dispatch' | 'none';

export type MatrixCell = {
  fiscalYear: number;
  kind: MatrixCellKind;
  unitId: number | null;
  /** the abbreviated 課・係 (or the dispatch destination); '' when there is no post that year */
  label: string;
  /** the full path of the time (or 「派遣: 群馬県」) */
  fullName: string;
  isFrontline: boolean;
  /** the person arrived in this unit during the year (a move, a return from or a start of dispatch) */
  changed: boolean;
  /** every unit held during the year (a move mid-year shows two), full names of the time */
  unitsInYear: string[];
  /** the cell is the person's current unit (same unit key, renames and mergers followed) */
  isCurrentUnit: boolean;
};

type YearPost = { key: string; cell: Omit<MatrixCell, 'fiscalYear' | 'changed' | 'unitsInYear' | 'isCurrentUnit'>; startsOn: string };

function pathOn(index: OrgIndex, unitId: number, date: string): string | null {
  const names: string[] = [];
  const seen = new Set<number>();
  let current = versionOn(index.versionsByUnit.get(unitId) ?? [], unitId, date);
  while (current !== null && !seen.has(current.unitId)) {
    seen.add(current.unitId);
    names.unshift(current.name);
    const parentId: number | null = current.parentUnitId;
    current = parentId === null ? null : versionOn(index.versionsByUnit.get(parentId) ?? [], parentId, date);
  }
  return names.length === 0 ? null : names.join(' › ');
}

function latestName(index: OrgIndex, unitId: number): string {
  const list = index.versionsByUnit.get(unitId) ?? [];
  let found: UnitVersion | undefined;
  for (const v of list) if (found === undefined || v.startsOn > found.startsOn) found = v;
  return found?.name ?? `#${unitId}`;
}

/** The posts (regular, dispatch) overlapping [from, to], with their names as of the later of their start and `from`. */
function postsDuring(own: readonly Assignment[], index: OrgIndex, from: string, to: string): YearPost[] {
  const posts: YearPost[] = [];
  for (const a of own) {
    if (a.kind === 'concurrent' || a.startsOn > to || (a.endsOn !== null && a.endsOn < from)) continue;
    const seenOn = a.endsOn !== null && a.endsOn < to ? a.endsOn : to;
    if (a.kind === 'dispatch') {
      const where = a.dispatchTo ?? '派遣先未登録';
      posts.push({ key: `dispatch:${where}`, startsOn: a.startsOn, cell: { kind: 'dispatch', unitId: a.unitId, label: `派遣 ${where}`, fullName: `派遣: ${where}`, isFrontline: false } });
      continue;
    }
    const path = pathOn(index, a.unitId, seenOn) ?? pathOn(index, a.unitId, a.startsOn) ?? latestName(index, a.unitId);
    const until = seenOn;
    const since = a.startsOn > from ? a.startsOn : from;
    const isFrontline = (index.versionsByUnit.get(a.unitId) ?? []).some((v) => v.isFrontline && v.startsOn <= until && (v.endsOn === null || v.endsOn >= since));
    posts.push({
      key: `unit:${sameUnitKey(a.unitId, index.lineage)}`,
      startsOn: a.startsOn,
      cell: { kind: 'regular', unitId: a.unitId, label: abbreviateUnitPath(path), fullName: path, isFrontline },
    });
  }
  return posts;
}

/** Which post stands for the year: the one in force on its last day (up to the date), a dispatch before the home post. */
function primaryPost(own: readonly Assignment[], posts: readonly YearPost[], lastDay: string, index: OrgIndex): YearPost | undefined {
  const live = own.filter((a) => a.kind !== 'concurrent' && isInForce(a, lastDay));
  const dispatch = live.find((a) => a.kind === 'dispatch');
  if (dispatch !== undefined) return posts.find((p) => p.key === `dispatch:${dispatch.dispatchTo ?? '派遣先未登録'}`);
  const regular = currentAssignment(own, lastDay).regular;
  if (regular !== null) return posts.find((p) => p.key === `unit:${sameUnitKey(regular.unitId, index.lineage)}`);
  // Left during the year (or a gap): the post that began last.
  return [...posts].sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))[0];
}

/**
 * One member's row of the matrix: per 年度, the unit held (the one in force on the year's last day, or on the date
 * for the current year), whether it was frontline, and whether the person arrived there that year. A rename or a
 * merger is not a move (the unit key of career.ts); a dispatch shows its destination; 兼務 is not shown.
 */
export function careerMatrixRow(own: readonly Assignment[], index: OrgIndex, date: string, years: readonly number[]): MatrixCell[] {
  const current = currentAssignment(own, date).regular;
  const currentKey = current === null ? null : `unit:${sameUnitKey(current.unitId, index.lineage)}`;
  const yearFacts = (fy: number) => {
    const range = fiscalYearRange(fy);
    const to = range.endsOn < date ? range.endsOn : date;
    const posts = to < range.startsOn ? [] : postsDuring(own, index, range.startsOn, to);
    return { posts, primary: primaryPost(own, posts, to, index) };
  };
  const first = years[0];
  let previous = first === undefined ? undefined : yearFacts(first - 1).primary;
  return years.map((fiscalYear) => {
    const { posts, primary } = yearFacts(fiscalYear);
    const distinctKeys = new Set(posts.map((p) => p.key));
    const unitsInYear: string[] = [];
    for (const p of [...posts].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))) {
      if (!unitsInYear.includes(p.cell.fullName)) unitsInYear.push(p.cell.fullName);
    }
    const cell: MatrixCell =
      primary === undefined
        ? { fiscalYear, kind: 'none', unitId: null, label: '', fullName: '', isFrontline: false, changed: false, unitsInYear, isCurrentUnit: false }
        : {
            fiscalYear,
            ...primary.cell,
            // Arrived this year: a different post from last year's, or more than one post during the year.
            changed: previous !== undefined ? previous.key !== primary.key || distinctKeys.size > 1 : distinctKeys.size > 1,
            unitsInYear,
            isCurrentUnit: primary.key === currentKey,
          };
    if (primary !== undefined && previous === undefined && posts.length > 0) {
      // The first post of a career (hire) is an arrival too.
      cell.changed = true;
    }
    previous = primary;
    return cell;
  });
}

/** A member of the unit as loaded: the person, the unit of their post there, their position. */
export type UnitMatrixMember = CareerMapPerson & {
  employeeNumber: string;
  name: string;
  kana: string;
  /** the unit of the regular post that makes them a member (a 係 when the 課's page includes its 係) */
  unitId: number;
  unitName: string;
  positionName: string | null;
  positionRank: number;
};

export type UnitMatrixRow = {
  staffId: number;
  employeeNumber: string;
  name: string;
  kana: string;
  unitId: number;
  unitName: string;
  positionName: string | null;
  phase: CareerPhase | null;
  phaseSource: CareerPhaseResult['source'];
  /** the Japanese sentence with the facts behind the phase */
  phaseReason: string;
  isDispatched: boolean;
  /** completed years in the unit on the date (renames and mergers continue it); null while on dispatch */
  yearsInUnit: number | null;
  inUnitSince: string | null;
  hasFrontlineExperience: boolean;
  /** ① with at least rotationYearsPerUnit years here (R1-like) */
  isRotationDue: boolean;
  cells: MatrixCell[];
};

/**
 * The unit's members × 年度, most senior position first, then by kana. `assignmentsByStaff` holds each member's
 * whole history; the row's facts are those of the city map (personCareerFacts), so both views agree.
 */
export function unitCareerMatrix(input: {
  date: string;
  years: readonly number[];
  members: readonly UnitMatrixMember[];
  assignmentsByStaff: ReadonlyMap<number, Assignment[]>;
  index: OrgIndex;
  settings: CareerMapSettings;
}): UnitMatrixRow[] {
  const seen = new Set<number>();
  const rows: Array<UnitMatrixRow & { rank: number }> = [];
  for (const member of input.members) {
    if (seen.has(member.staffId)) continue;
    seen.add(member.staffId);
    const own = input.assignmentsByStaff.get(member.staffId) ?? [];
    const facts = personCareerFacts(member, own, input.index, input.settings, input.date);
    const tenure = facts?.tenure ?? null;
    const years = tenure?.years ?? null;
    rows.push({
      staffId: member.staffId,
      employeeNumber: member.employeeNumber,
      name: member.name,
      kana: member.kana,
      unitId: member.unitId,
      unitName: member.unitName,
      positionName: member.positionName,
      phase: facts?.phase.phase ?? null,
      phaseSource: facts?.phase.source ?? 'not-applicable',
      phaseReason: facts?.phase.reason ?? '',
      isDispatched: facts?.isDispatched ?? false,
      yearsInUnit: years,
      inUnitSince: tenure?.since ?? null,
      hasFrontlineExperience: facts?.hasFrontlineExperience ?? false,
      isRotationDue: facts?.phase.phase === 'rotation' && years !== null && years >= input.settings.rotationYearsPerUnit,
      cells: careerMatrixRow(own, input.index, input.date, input.years),
      rank: member.positionRank,
    });
  }
  rows.sort((a, b) => a.rank - b.rank || (a.kana < b.kana ? -1 : a.kana > b.kana ? 1 : 0) || (a.employeeNumber < b.employeeNumber ? -1 : 1));
  return rows.map(({ rank: _rank, ...row }) => row);
}
