/**
 * The demo city 「みどり野市 (デモ)」: a plausible, obviously fictitious Japanese city built from a seed — units
 * (部・課・係) with a reorganisation history, positions, staff with careers that follow the policy's rotation
 * patterns (III-2-(1)), accounts — as plain data. Pure: the same { staffCount, seed, today } gives the same city,
 * byte for byte. insert-demo-city.ts writes it to the database.
 *
 * Shape of the staff on `today` (what the tests hold it to):
 * - 1 部長 per 部, 1 課長 per 課, exactly one 係長 or 課長補佐 per 係, so evaluator/confirmer rules resolve;
 *   参事 sit in a 部 (部付), 主幹 and 定年延長 staff in a 課 — never where they would outrank the 課長 as confirmer;
 * - ~75% 正規, ~18% 会計年度任用, ~4% 再任用, ~2% 定年延長, ~1% 任期付;
 * - careers: about 3 years per unit in the first 10 years, frontline early for most (not all), then 4–8 years
 *   per unit, promotions with age, a few 2-year dispatches; all moves on April 1.
 * Before `today` the pyramid is only plausible, not exact: past careers are drawn per person.
 */
import type { Role } from '../../../domain/access/roles.js';
import { addDays, fiscalYearOf, isValidIsoDate } from '../../../domain/common/fiscal-year.js';
import type { Assignment, AssignmentKind, EmploymentType, Position, StaffName, UnitEvent, UnitKind, UnitVersion } from '../../../domain/org/org-model.js';
import { defaultPositions } from '../../../domain/org/org-settings.js';
import type { Sex } from '../../../domain/org/staff-import.js';
import { demoAccounts, demoPeople, demoStaffPassword, type DemoAccountKey } from './demo-accounts.js';
import { familyNames, givenNames, type GivenName } from './demo-names.js';
import { createPrng, type Prng } from './prng.js';

// ---------------------------------------------------------------------------------------------
// Output

export type DemoCityOptions = {
  /** everyone on the payroll on `today`, the nine demo logins included; at least 20 */
  staffCount: number;
  seed: number;
  /** 'YYYY-MM-DD'; the city is built as it stands on this day */
  today: string;
};

export type DemoUnit = { id: number; code: string };

export type DemoQualification = { name: string; acquiredOn: string | null };

export type DemoStaff = StaffName & {
  id: number;
  birthDate: string;
  sex: Sex;
  hireDate: string;
  employmentType: EmploymentType;
  jobCategory: JobCategory;
  separatedOn: string | null;
  qualifications: DemoQualification[];
};

export type DemoAccountRow = {
  staffId: number;
  loginId: string;
  displayName: string;
  /** plain text, demo only: the inserter hashes each distinct password once */
  password: string;
  roles: Role[];
  rolesStartOn: string;
  demoKey: DemoAccountKey | null;
};

/** Every id is the generator's own (1-based); insert-demo-city.ts maps them to database ids. */
export type DemoCity = {
  municipality: { code: string; name: string };
  today: string;
  seed: number;
  positions: Position[];
  units: DemoUnit[];
  unitVersions: UnitVersion[];
  unitEvents: UnitEvent[];
  staff: DemoStaff[];
  assignments: Assignment[];
  accounts: DemoAccountRow[];
};

export const demoMunicipality = { code: 'demo', name: 'みどり野市 (デモ)' } as const;

/** The demo organisation's records begin here; earlier service is clipped (the hire date stays true). */
export const demoOrgEpoch = '1985-04-01';

export const jobCategories = ['事務', '技術', '保健師', '保育士'] as const;
export type JobCategory = (typeof jobCategories)[number];

/** Accounts for every (non-fiscal) staff member only up to this size, so the 40,000-staff benchmark seeds fast. */
const maxStaffForPersonalAccounts = 2000;

const dispatchTargets = ['群馬県', '(一社)デモ市観光協会'] as const;

// ---------------------------------------------------------------------------------------------
// Unit catalogue. Codes come from the position in this list (D03-K01-S02 = 3rd 部, 1st 課, 2nd 係), so a
// unit keeps its code whatever the staff count. Smaller cities take the sections of lowest priority first.

type Specialist = Exclude<JobCategory, '事務'>;
type SectionSpec = {
  name: string;
  field?: string;
  isFrontline?: boolean;
  /** share of rank-and-file staff */
  weight?: number;
  /** share of 会計年度任用 staff */
  fiscalWeight?: number;
  specialist?: Specialist;
  /** specialists who may also be posted here (a 保健師 in 介護保険係) */
  alsoFor?: Specialist[];
  /** overrides tier + 2 × index; 0 = always present (the demo logins sit there) */
  priority?: number;
};
type DivisionSpec = { name: string; field: string; tier: number; sections: SectionSpec[] };
type DepartmentSpec = { name: string; field: string; divisions: DivisionSpec[] };

const sec = (name: string, opts: Omit<SectionSpec, 'name'> = {}): SectionSpec => ({ name, ...opts });
const fl = { isFrontline: true } as const;

const catalogue: DepartmentSpec[] = [
  {
    name: '総務部',
    field: '総務',
    divisions: [
      { name: '総務課', field: '総務', tier: 1, sections: [sec('総務係', { priority: 0 }), sec('文書法制係'), sec('行政改革係')] },
      {
        name: '職員課',
        field: '人事',
        tier: 1,
        sections: [sec('人事係', { priority: 0 }), sec('給与係'), sec('厚生係'), sec('人材育成係')],
      },
      { name: '情報政策課', field: '情報', tier: 1, sections: [sec('情報システム係', { priority: 0 }), sec('情報企画係')] },
      {
        name: '財政課',
        field: '財政',
        tier: 2,
        sections: [sec('財政係'), sec('管財係', { priority: 2 }), sec('庁舎建設係', { priority: 2, field: '建築' })],
      },
      {
        name: '税務課',
        field: '税務',
        tier: 2,
        sections: [sec('市民税係', { ...fl, weight: 2 }), sec('資産税係', { ...fl, weight: 2 }), sec('諸税係', fl)],
      },
      { name: '収納課', field: '税務', tier: 2, sections: [sec('収納係', { ...fl, weight: 2 }), sec('滞納整理係', fl)] },
      { name: '防災危機管理課', field: '防災', tier: 3, sections: [sec('防災係'), sec('危機管理係')] },
      { name: '会計課', field: '会計', tier: 3, sections: [sec('会計係', { fiscalWeight: 2 })] },
      { name: '契約検査課', field: '財政', tier: 3, sections: [sec('契約係'), sec('検査係', { specialist: '技術' })] },
    ],
  },
  {
    name: '企画政策部',
    field: '企画',
    divisions: [
      { name: '企画政策課', field: '企画', tier: 2, sections: [sec('企画調整係'), sec('政策推進係'), sec('統計係')] },
      { name: '秘書広報課', field: '企画', tier: 3, sections: [sec('秘書係'), sec('広報広聴係')] },
      { name: 'DX推進課', field: '情報', tier: 2, sections: [sec('DX推進係'), sec('業務改革係')] },
      {
        name: '地域振興課',
        field: '企画',
        tier: 3,
        sections: [sec('地域づくり係', { priority: 2 }), sec('交通政策係', { priority: 2 }), sec('移住定住係')],
      },
    ],
  },
  {
    name: '市民部',
    field: '窓口',
    divisions: [
      {
        name: '市民課',
        field: '窓口',
        tier: 1,
        sections: [
          sec('窓口係', { ...fl, weight: 3, fiscalWeight: 4, priority: 0 }),
          sec('証明係', { ...fl, weight: 2, fiscalWeight: 2, priority: 2 }),
          sec('戸籍係', fl),
          sec('住民記録係', { ...fl, fiscalWeight: 2 }),
        ],
      },
      {
        name: '保険年金課',
        field: '窓口',
        tier: 2,
        sections: [sec('国保係', { ...fl, weight: 2 }), sec('年金係', fl), sec('後期高齢者医療係', fl)],
      },
      { name: '環境政策課', field: '環境', tier: 2, sections: [sec('環境保全係'), sec('ごみ対策係', { fiscalWeight: 2 })] },
      { name: '市民協働課', field: '企画', tier: 3, sections: [sec('市民活動係'), sec('人権男女共同参画係')] },
      { name: '交通防犯課', field: '防災', tier: 3, sections: [sec('交通安全係'), sec('防犯係')] },
    ],
  },
  {
    name: '保健福祉部',
    field: '福祉',
    divisions: [
      {
        name: '社会福祉課',
        field: '福祉',
        tier: 2,
        sections: [sec('社会福祉係'), sec('障害福祉係', { ...fl, weight: 2, alsoFor: ['保健師'] }), sec('障害者支援係')],
      },
      {
        name: '生活福祉課',
        field: '福祉',
        tier: 2,
        sections: [sec('保護係', { ...fl, weight: 2 }), sec('ケースワーカー係', { ...fl, weight: 3 })],
      },
      {
        name: '介護高齢課',
        field: '福祉',
        tier: 3,
        sections: [sec('介護保険係', { ...fl, weight: 2, alsoFor: ['保健師'] }),
          sec('高齢者支援係', { ...fl, alsoFor: ['保健師'] }),
          sec('地域包括支援係', { ...fl, specialist: '保健師' }),
        ],
      },
      {
        name: '子ども未来課',
        field: '福祉',
        tier: 3,
        sections: [
          sec('子育て支援係', { ...fl, alsoFor: ['保健師', '保育士'] }),
          sec('保育係', { specialist: '保育士' }),
          sec('家庭児童相談係', { ...fl, specialist: '保育士' }),
          sec('中央保育園', { field: '保育', specialist: '保育士', weight: 3, fiscalWeight: 6 }),
          sec('東保育園', { field: '保育', specialist: '保育士', weight: 2, fiscalWeight: 5 }),
          sec('西保育園', { field: '保育', specialist: '保育士', weight: 2, fiscalWeight: 5 }),
        ],
      },
      {
        name: '健康づくり課',
        field: '保健',
        tier: 1,
        sections: [
          sec('成人保健係', { specialist: '保健師', weight: 2, priority: 0 }),
          sec('母子保健係', { specialist: '保健師', weight: 2 }),
          sec('予防係', { specialist: '保健師', fiscalWeight: 2 }),
        ],
      },
    ],
  },
  {
    name: '産業部',
    field: '商工',
    divisions: [
      {
        name: '農林課',
        field: '農林',
        tier: 3,
        sections: [sec('農政係'), sec('林務係'), sec('農地整備係', { specialist: '技術' })],
      },
      { name: '商工課', field: '商工', tier: 2, sections: [sec('商工振興係'), sec('企業誘致係')] },
      { name: '観光課', field: '観光', tier: 3, sections: [sec('観光振興係'), sec('観光施設係')] },
      { name: '農業委員会事務局', field: '農林', tier: 3, sections: [sec('農地係')] },
    ],
  },
  {
    name: '建設部',
    field: '土木',
    divisions: [
      {
        name: '道路課',
        field: '土木',
        tier: 2,
        sections: [sec('道路管理係'), sec('道路維持係', { specialist: '技術', weight: 2 }), sec('道路建設係', { specialist: '技術', weight: 2 })],
      },
      { name: '用地課', field: '土木', tier: 2, sections: [sec('用地係', { ...fl, weight: 2 }), sec('地籍調査係', { specialist: '技術' })] },
      {
        name: '都市計画課',
        field: '土木',
        tier: 3,
        sections: [sec('都市計画係', { specialist: '技術' }), sec('公園緑地係', { specialist: '技術' }), sec('区画整理係', { specialist: '技術' })],
      },
      {
        name: '建築住宅課',
        field: '建築',
        tier: 3,
        sections: [sec('建築指導係', { specialist: '技術' }), sec('市営住宅係', fl)],
      },
      { name: '河川課', field: '土木', tier: 3, sections: [sec('河川係', { specialist: '技術' })] },
    ],
  },
  {
    name: '上下水道部',
    field: '上下水道',
    divisions: [
      { name: '上下水道総務課', field: '上下水道', tier: 3, sections: [sec('経営係'), sec('料金係', fl)] },
      {
        name: '水道課',
        field: '上下水道',
        tier: 3,
        sections: [sec('水道工務係', { specialist: '技術' }), sec('浄水係', { specialist: '技術' })],
      },
      {
        name: '下水道課',
        field: '上下水道',
        tier: 3,
        sections: [sec('下水道工務係', { specialist: '技術' }), sec('下水道維持係', { specialist: '技術' })],
      },
    ],
  },
  {
    name: '教育部',
    field: '教育',
    divisions: [
      { name: '教育総務課', field: '教育', tier: 2, sections: [sec('総務係'), sec('学校施設係', { specialist: '技術' })] },
      { name: '学校教育課', field: '教育', tier: 3, sections: [sec('学務係', fl), sec('指導係'), sec('教育相談係')] },
      { name: '生涯学習課', field: '教育', tier: 3, sections: [sec('社会教育係'), sec('文化財係')] },
      { name: 'スポーツ課', field: '教育', tier: 3, sections: [sec('スポーツ振興係')] },
      { name: '図書館', field: '教育', tier: 3, sections: [sec('図書館係', { weight: 2, fiscalWeight: 5 })] },
    ],
  },
];

/** Branch offices (支所), added as 部 when the city is larger than the catalogue. */
const branchDivisions: DivisionSpec[] = [
  {
    name: '市民福祉課',
    field: '窓口',
    tier: 9,
    sections: [sec('窓口係', { ...fl, weight: 3, fiscalWeight: 3 }), sec('福祉係', { ...fl, field: '福祉', weight: 2, alsoFor: ['保健師'] })],
  },
  { name: '地域振興課', field: '企画', tier: 9, sections: [sec('地域振興係'), sec('産業振興係', { field: '農林' }), sec('生涯学習係', { field: '教育' })] },
  {
    name: '建設課',
    field: '土木',
    tier: 9,
    sections: [sec('土木係', { specialist: '技術', weight: 2 }), sec('維持管理係', { specialist: '技術' })],
  },
  { name: '税務課', field: '税務', tier: 9, sections: [sec('税務係', { ...fl, weight: 2 })] },
];
const branchNames = ['北部', '南部', '東部', '西部', '北東部', '南東部', '北西部', '南西部'];
const maxBranches = 40;

/** The reorganisations, relative to the fiscal year of `today` (FY): all on April 1. */
const reorganisation = {
  /** FY−4: a new 課 for digital transformation (policy IV) with its 係 */
  created: { code: 'D02-K03', yearsAgo: 4 },
  /** FY−3: 生活環境課 becomes 環境政策課 */
  renamed: { code: 'D03-K03', formerName: '生活環境課', yearsAgo: 3 },
  /** FY−3: 交通政策係 moves from 地域振興課 to 企画政策課 */
  moved: { code: 'D02-K04-S02', toParent: 'D02-K01', yearsAgo: 3 },
  /** FY−2: 証明係 is merged into 窓口係 (one counter for residents) */
  merged: { code: 'D03-K01-S02', into: 'D03-K01-S01', yearsAgo: 2 },
  /** FY−1: 庁舎建設係 is abolished after the new city hall; its work goes to 管財係 */
  abolished: { code: 'D01-K04-S03', dutiesTo: 'D01-K04-S02', yearsAgo: 1 },
} as const;

// ---------------------------------------------------------------------------------------------
// Dates (plain strings; April 1 and March 31 are built directly, the rest goes through fiscal-year.ts)

const aprilFirst = (fy: number): string => `${fy}-04-01`;
const marchEnd = (fy: number): string => `${fy + 1}-03-31`;
const dayBefore = (date: string): string => addDays(date, -1);

/** Standard retirement age by fiscal year (地方公務員法改正, facts.md): 60 until R4, then +1 every 2 years to 65. */
function standardRetirementAge(fy: number): number {
  if (fy <= 2022) return 60;
  if (fy >= 2031) return 65;
  return 61 + Math.floor((fy - 2023) / 2);
}

/** The fiscal year at whose end someone of birth cohort `cohortFy` retires (March 31 after reaching the age). */
function retirementFy(cohortFy: number): number {
  let fy = cohortFy + 60;
  while (fy - cohortFy < standardRetirementAge(fy)) fy++;
  return fy;
}

/**
 * A birth cohort: the fiscal year in which the day before the birthday falls, so that the age "reached in
 * fiscal year y" is y − cohort (someone born on April 1 belongs to the earlier cohort, as in facts.md).
 */
function birthDateIn(rng: Prng, cohortFy: number): string {
  return addDays(`${cohortFy}-04-02`, rng.int(0, 364));
}

// ---------------------------------------------------------------------------------------------
// Units

type UnitInfo = {
  id: number;
  code: string;
  kind: UnitKind;
  name: string;
  parentId: number | null;
  field: string;
  isFrontline: boolean;
  weight: number;
  fiscalWeight: number;
  specialist: Specialist | null;
  alsoFor: readonly Specialist[];
  isNursery: boolean;
  validFrom: string;
  validTo: string | null;
  versions: Array<{ name: string; parentId: number | null; startsOn: string; endsOn: string | null }>;
};

type UnitDraft = Omit<UnitInfo, 'id' | 'parentId' | 'validFrom' | 'validTo' | 'versions'> & { parentCode: string | null };

const pad2 = (n: number): string => String(n).padStart(2, '0');

const kanjiDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 2 → 二, 11 → 十一, 20 → 二十 (for 第二係); up to 99. */
function kanjiNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${kanjiDigits[tens]}十`}${kanjiDigits[ones]}`;
}

/** 窓口係 → 窓口第二係, 中央保育園 → 中央第二保育園; other names are not copied. */
function numberedName(name: string, n: number): string | null {
  for (const suffix of ['係', '保育園']) {
    if (name.endsWith(suffix)) return `${name.slice(0, -suffix.length)}第${kanjiNumber(n)}${suffix}`;
  }
  return null;
}

/** How many 係 a city of this size has: ~100 for 600 staff, ~1,700 for 40,000 (≈ 2,000 units in all). */
function sectionTarget(staffCount: number): number {
  if (staffCount <= 600) return Math.max(5, Math.round(staffCount / 6));
  return Math.round(100 * (staffCount / 600) ** 0.68);
}

function sectionDraft(spec: SectionSpec, division: DivisionSpec, code: string, parentCode: string): UnitDraft {
  return {
    code,
    kind: 'section',
    name: spec.name,
    parentCode,
    field: spec.field ?? division.field,
    isFrontline: spec.isFrontline ?? false,
    weight: spec.weight ?? 1,
    fiscalWeight: spec.fiscalWeight ?? 1,
    specialist: spec.specialist ?? null,
    alsoFor: spec.alsoFor ?? [],
    isNursery: spec.field === '保育',
  };
}

function divisionDraft(spec: DivisionSpec, code: string, parentCode: string): UnitDraft {
  return { code, kind: 'division', name: spec.name, parentCode, field: spec.field, isFrontline: false, weight: 1, fiscalWeight: 1, specialist: null, alsoFor: [], isNursery: false };
}

function departmentDraft(name: string, field: string, code: string): UnitDraft {
  return { code, kind: 'department', name, parentCode: null, field, isFrontline: false, weight: 1, fiscalWeight: 1, specialist: null, alsoFor: [], isNursery: false };
}

const reorgCodes = new Set<string>([
  reorganisation.moved.code,
  reorganisation.merged.code,
  reorganisation.abolished.code,
]);

function draftUnits(staffCount: number): UnitDraft[] {
  const target = sectionTarget(staffCount);
  type Candidate = { code: string; priority: number; order: number };
  const candidates: Candidate[] = [];
  catalogue.forEach((dept, d) =>
    dept.divisions.forEach((div, k) =>
      div.sections.forEach((s, i) =>
        candidates.push({
          code: `D${pad2(d + 1)}-K${pad2(k + 1)}-S${pad2(i + 1)}`,
          priority: s.priority ?? div.tier + 2 * i,
          order: candidates.length,
        }),
      ),
    ),
  );
  const chosen = new Set(
    [...candidates]
      .sort((a, b) => a.priority - b.priority || a.order - b.order)
      .slice(0, target)
      .map((c) => c.code),
  );

  const drafts: UnitDraft[] = [];
  catalogue.forEach((dept, d) => {
    const deptCode = `D${pad2(d + 1)}`;
    let deptUsed = false;
    dept.divisions.forEach((div, k) => {
      const divCode = `${deptCode}-K${pad2(k + 1)}`;
      const sections = div.sections
        .map((s, i) => ({ spec: s, code: `${divCode}-S${pad2(i + 1)}` }))
        .filter((s) => chosen.has(s.code));
      if (sections.length === 0) return;
      if (!deptUsed) drafts.push(departmentDraft(dept.name, dept.field, deptCode));
      deptUsed = true;
      drafts.push(divisionDraft(div, divCode, deptCode));
      for (const s of sections) drafts.push(sectionDraft(s.spec, div, s.code, divCode));
    });
  });

  let extra = target - chosen.size;
  if (extra <= 0) return drafts;
  const sectionsPerBranch = branchDivisions.reduce((n, div) => n + div.sections.length, 0);
  const branches = Math.min(maxBranches, Math.floor(extra / 2 / sectionsPerBranch));
  for (let b = 0; b < branches; b++) {
    const deptCode = `D${pad2(catalogue.length + b + 1)}`;
    const name = b < branchNames.length ? `${branchNames[b]}支所` : `第${kanjiNumber(b + 1)}支所`;
    drafts.push(departmentDraft(name, '窓口', deptCode));
    branchDivisions.forEach((div, k) => {
      const divCode = `${deptCode}-K${pad2(k + 1)}`;
      drafts.push(divisionDraft(div, divCode, deptCode));
      div.sections.forEach((s, i) => drafts.push(sectionDraft(s, div, `${divCode}-S${pad2(i + 1)}`, divCode)));
    });
    extra -= sectionsPerBranch;
  }

  // The rest as numbered copies (窓口第二係 …) of the head office's ordinary sections, round-robin.
  const copyable = drafts.filter(
    (u) =>
      u.kind === 'section' &&
      Number(u.code.slice(1, 3)) <= catalogue.length &&
      !reorgCodes.has(u.code) &&
      !u.code.startsWith(reorganisation.created.code) &&
      numberedName(u.name, 2) !== null,
  );
  const nextIndex = new Map<string, number>();
  for (const u of drafts) if (u.kind === 'section' && u.parentCode) nextIndex.set(u.parentCode, (nextIndex.get(u.parentCode) ?? 0) + 1);
  const copies = new Map<string, number>();
  for (let i = 0; extra > 0 && copyable.length > 0; i++, extra--) {
    const original = copyable[i % copyable.length] as UnitDraft;
    const parentCode = original.parentCode as string;
    const n = (copies.get(original.code) ?? 1) + 1;
    copies.set(original.code, n);
    const index = (nextIndex.get(parentCode) ?? 0) + 1;
    nextIndex.set(parentCode, index);
    drafts.push({ ...original, code: `${parentCode}-S${pad2(index)}`, name: numberedName(original.name, n) as string });
  }
  return drafts;
}

type OrgBuild = {
  units: UnitInfo[];
  byCode: Map<string, UnitInfo>;
  events: UnitEvent[];
  /** survivor (or the unit that took over the duties) → the unit that ended into it, for careers across the change */
  predecessorOf: Map<number, { unit: UnitInfo; changeDate: string }>;
};

function buildOrganisation(staffCount: number, fy: number): OrgBuild {
  // Codes sort in tree order (D01 < D01-K01 < D01-K01-S01 < D01-K02), which gives tidy ids.
  const drafts = draftUnits(staffCount).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map<string, UnitInfo>();
  const units: UnitInfo[] = drafts.map((d, i) => {
    const parentId = d.parentCode === null ? null : (byCode.get(d.parentCode)?.id ?? null);
    const { parentCode: _parentCode, ...rest } = d;
    const unit: UnitInfo = {
      ...rest,
      id: i + 1,
      parentId,
      validFrom: demoOrgEpoch,
      validTo: null,
      versions: [{ name: d.name, parentId, startsOn: demoOrgEpoch, endsOn: null }],
    };
    byCode.set(d.code, unit);
    return unit;
  });
  const events: UnitEvent[] = [];
  const predecessorOf = new Map<number, { unit: UnitInfo; changeDate: string }>();

  const created = aprilFirst(fy - reorganisation.created.yearsAgo);
  for (const unit of units) {
    if (unit.code !== reorganisation.created.code && !unit.code.startsWith(`${reorganisation.created.code}-`)) continue;
    unit.validFrom = created;
    for (const v of unit.versions) v.startsOn = created;
    events.push({ unitId: unit.id, kind: 'created', occurredOn: created, relatedUnitId: null, note: 'DX推進体制の整備に伴い新設' });
  }

  const renamed = byCode.get(reorganisation.renamed.code);
  if (renamed) {
    const on = aprilFirst(fy - reorganisation.renamed.yearsAgo);
    renamed.versions = [
      { name: reorganisation.renamed.formerName, parentId: renamed.parentId, startsOn: renamed.validFrom, endsOn: dayBefore(on) },
      { name: renamed.name, parentId: renamed.parentId, startsOn: on, endsOn: null },
    ];
    events.push({
      unitId: renamed.id,
      kind: 'renamed',
      occurredOn: on,
      relatedUnitId: null,
      note: `${reorganisation.renamed.formerName}を${renamed.name}に名称変更`,
    });
  }

  const moved = byCode.get(reorganisation.moved.code);
  const newParent = byCode.get(reorganisation.moved.toParent);
  // Move only if the old 課 keeps a 係 of its own; a 課 without any 係 would have nobody to lead.
  const staysBehind = moved && units.some((u) => u.parentId === moved.parentId && u.id !== moved.id);
  if (moved && newParent && staysBehind) {
    const on = aprilFirst(fy - reorganisation.moved.yearsAgo);
    const oldParentName = units.find((u) => u.id === moved.parentId)?.name ?? '';
    moved.versions = [
      { name: moved.name, parentId: moved.parentId, startsOn: moved.validFrom, endsOn: dayBefore(on) },
      { name: moved.name, parentId: newParent.id, startsOn: on, endsOn: null },
    ];
    moved.parentId = newParent.id;
    events.push({ unitId: moved.id, kind: 'moved', occurredOn: on, relatedUnitId: newParent.id, note: `${oldParentName}から${newParent.name}へ移管` });
  }

  const absorbed = byCode.get(reorganisation.merged.code);
  const survivor = byCode.get(reorganisation.merged.into);
  if (absorbed && survivor) {
    const on = aprilFirst(fy - reorganisation.merged.yearsAgo);
    absorbed.validTo = dayBefore(on);
    for (const v of absorbed.versions) v.endsOn = absorbed.validTo;
    events.push({ unitId: absorbed.id, kind: 'merged', occurredOn: on, relatedUnitId: survivor.id, note: `${survivor.name}に統合(窓口の一元化)` });
    predecessorOf.set(survivor.id, { unit: absorbed, changeDate: on });
  }

  const abolished = byCode.get(reorganisation.abolished.code);
  if (abolished) {
    const on = aprilFirst(fy - reorganisation.abolished.yearsAgo);
    abolished.validTo = dayBefore(on);
    for (const v of abolished.versions) v.endsOn = abolished.validTo;
    const dutiesTo = byCode.get(reorganisation.abolished.dutiesTo);
    events.push({
      unitId: abolished.id,
      kind: 'abolished',
      occurredOn: on,
      relatedUnitId: null,
      note: `新庁舎の完成に伴い廃止${dutiesTo ? `(業務は${dutiesTo.name}へ)` : ''}`,
    });
    if (dutiesTo) predecessorOf.set(dutiesTo.id, { unit: abolished, changeDate: on });
  }

  return { units, byCode, events, predecessorOf };
}

// ---------------------------------------------------------------------------------------------
// Positions and careers

const entryPositionOf: Record<JobCategory, string> = { 事務: 'shuji', 技術: 'gishi', 保健師: 'hokenshi', 保育士: 'shuji' };

/** The unit kind a post is held in: 部長 and 参事 in a 部, 課長 and 主幹 in a 課, everyone else in a 係. */
function kindOfPosition(code: string): UnitKind {
  if (code === 'bucho' || code === 'sanji') return 'department';
  if (code === 'kacho' || code === 'shukan') return 'division';
  return 'section';
}

const promotionChains: Record<string, string[]> = {
  bucho: ['shunin', 'kakaricho', 'kacho_hosa', 'kacho', 'bucho'],
  sanji: ['shunin', 'kakaricho', 'kacho_hosa', 'kacho', 'sanji'],
  kacho: ['shunin', 'kakaricho', 'kacho_hosa', 'kacho'],
  shukan: ['shunin', 'kakaricho', 'shukan'],
  kacho_hosa: ['shunin', 'kakaricho', 'kacho_hosa'],
  kakaricho: ['shunin', 'kakaricho'],
  shunin: ['shunin'],
};
/** Typical age reached in the fiscal year of promotion. */
const promotionAge: Record<string, number> = { shunin: 31, kakaricho: 41, kacho_hosa: 47, shukan: 49, kacho: 52, sanji: 55, bucho: 57 };
/** Minimum whole years of service before today for a post (mid-career hires included). */
const minServiceFor: Record<string, number> = { shunin: 5, kakaricho: 9, kacho_hosa: 14, shukan: 14, kacho: 17, sanji: 19, bucho: 21 };

/** Age at hire (April 1): mostly new graduates, some 社会人経験者 up to 50. */
const hireAges: ReadonlyArray<readonly [number, number]> = [
  [22, 44],
  [23, 13],
  [24, 8],
  [25, 6],
  [26, 4],
  [27, 3],
  [28, 3],
  [29, 2],
  [30, 2],
  [31, 1.5],
  [32, 1.5],
  [33, 1],
  [34, 1],
  [35, 1],
  [38, 1],
  [41, 0.8],
  [44, 0.6],
  [47, 0.4],
  [50, 0.3],
];
/** Policy III-2-(1) ①: about 3 years per unit in the rotation period … */
const rotationStays: ReadonlyArray<readonly [number, number]> = [
  [2, 14],
  [3, 56],
  [4, 22],
  [5, 8],
];
/** … ③ and 5 years or more afterwards (a few shorter moves for promotions and special reasons). */
const laterStays: ReadonlyArray<readonly [number, number]> = [
  [3, 8],
  [4, 17],
  [5, 30],
  [6, 22],
  [7, 14],
  [8, 9],
];
const rotationYears = 10;

type Row = { unitId: number; position: string; kind: AssignmentKind; dispatchTo: string | null; startsOn: string; endsOn: string | null };

type CareerSubject = { cohortFy: number; hireFy: number; hireDate: string; jobCategory: JobCategory };

type CareerSpec = {
  finalPosition: string;
  /** last fiscal year of this (regular) career */
  endFy: number;
  /** the unit of the last stint, or null to draw it */
  anchor: UnitInfo | null;
  /** the last row stays open (null end) rather than ending on March 31 of endFy */
  isOpenEnded: boolean;
  allowDispatch: boolean;
};

type UnitQuery = {
  kind: UnitKind;
  jobCategory: JobCategory;
  from: string;
  to: string;
  frontline: 'require' | 'avoid' | 'any';
  field: string | null;
  exclude: ReadonlySet<number>;
};

class UnitPicker {
  private readonly pools = new Map<string, UnitInfo[]>();
  private readonly divisionsWithSectionFor = new Map<JobCategory, Set<number>>();

  constructor(private readonly units: readonly UnitInfo[]) {}

  private isEligibleSection(u: UnitInfo, cat: JobCategory): boolean {
    if (cat === '事務') return !u.isNursery;
    return u.specialist === cat || u.alsoFor.includes(cat);
  }

  private eligible(u: UnitInfo, cat: JobCategory): boolean {
    if (u.kind === 'section') return this.isEligibleSection(u, cat);
    if (u.kind === 'department' || cat === '事務') return true;
    let set = this.divisionsWithSectionFor.get(cat);
    if (!set) {
      set = new Set(this.units.filter((s) => s.kind === 'section' && this.isEligibleSection(s, cat)).map((s) => s.parentId ?? 0));
      this.divisionsWithSectionFor.set(cat, set);
    }
    return set.has(u.id);
  }

  private pool(kind: UnitKind, cat: JobCategory, frontline: UnitQuery['frontline'], field: string | null): UnitInfo[] {
    const key = `${kind}|${cat}|${frontline}|${field ?? ''}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.units.filter(
        (u) =>
          u.kind === kind &&
          this.eligible(u, cat) &&
          (frontline === 'any' || (frontline === 'require') === u.isFrontline) &&
          (field === null || u.field === field),
      );
      this.pools.set(key, pool);
    }
    return pool;
  }

  pick(rng: Prng, q: UnitQuery): UnitInfo {
    const fits = (u: UnitInfo) => !q.exclude.has(u.id) && u.validFrom <= q.from && (u.validTo === null || u.validTo >= q.to);
    // Relax the wishes one by one rather than fail: field first, then frontline, then the job category.
    const attempts: Array<[UnitQuery['frontline'], string | null, JobCategory]> = [
      [q.frontline, q.field, q.jobCategory],
      [q.frontline, null, q.jobCategory],
      ['any', null, q.jobCategory],
      ['any', null, '事務'],
    ];
    for (const [frontline, field, cat] of attempts) {
      const pool = this.pool(q.kind, cat, frontline, field);
      if (pool.length === 0) continue;
      for (let t = 0; t < 16; t++) {
        const u = rng.pick(pool);
        if (fits(u)) return u;
      }
      const fitting = pool.filter(fits);
      if (fitting.length > 0) return rng.pick(fitting);
    }
    const any = this.units.filter((u) => u.kind === q.kind && u.validFrom <= q.from && (u.validTo === null || u.validTo >= q.to));
    if (any.length === 0) throw new Error(`demo city: no ${q.kind} exists from ${q.from} to ${q.to}`);
    return rng.pick(any);
  }
}

type CareerContext = {
  fy: number;
  today: string;
  picker: UnitPicker;
  /** 職員課: dispatched staff belong to it formally (職員課付) */
  homeUnit: UnitInfo;
  predecessorOf: OrgBuild['predecessorOf'];
};

/**
 * A regular career from hire to the end of `spec.endFy`: promotions by age up to the final position, moves
 * every ~3 years in the rotation period and every 4–8 years later (and whenever a promotion changes the kind
 * of unit), frontline early for most 事務 staff, expertise kept in the later phase, one 2-year dispatch for a few.
 */
function buildRegularCareer(rng: Prng, ctx: CareerContext, p: CareerSubject, spec: CareerSpec): Row[] {
  const entry = entryPositionOf[p.jobCategory];
  let chain = [...(promotionChains[spec.finalPosition] ?? [])];
  if (p.jobCategory === '保健師' && spec.finalPosition !== 'shunin') chain = chain.filter((c) => c !== 'shunin');
  if (chain.includes('kacho') && rng.chance(0.35)) chain = chain.filter((c) => c !== 'kacho_hosa');
  if (spec.finalPosition === 'sanji' && rng.chance(0.5)) chain = chain.filter((c) => c !== 'kacho');

  // Promotion years from the top down, at least two years apart, never after endFy.
  const promotionFys: number[] = new Array<number>(chain.length);
  let upper = spec.endFy + 1;
  for (let i = chain.length - 1; i >= 0; i--) {
    const code = chain[i] as string;
    const target = p.cohortFy + (promotionAge[code] ?? 40) + rng.int(-2, 2);
    const fy = Math.min(target, upper - (i === chain.length - 1 ? 1 : 2));
    promotionFys[i] = fy;
    upper = fy;
  }
  const promotions: Array<{ fy: number; position: string }> = [{ fy: p.hireFy, position: entry }];
  chain.forEach((position, i) => {
    const fy = promotionFys[i] as number;
    if (fy <= p.hireFy) (promotions[0] as { position: string }).position = position;
    else promotions.push({ fy, position });
  });
  const positionAt = (fy: number): string => {
    let position = entry;
    for (const pr of promotions) if (pr.fy <= fy) position = pr.position;
    return position;
  };
  const mandatoryMoves = promotions
    .filter((pr, i) => i > 0 && kindOfPosition(pr.position) !== kindOfPosition((promotions[i - 1] as { position: string }).position))
    .map((pr) => pr.fy);

  // Segment starts (fiscal years); the first segment starts on the hire date.
  const starts: number[] = [p.hireFy];
  const dispatchStarts = new Set<number>();
  let wantsDispatch = spec.allowDispatch && rng.chance(0.05);
  for (let fy = p.hireFy; ; ) {
    let next: number;
    const canDispatch =
      wantsDispatch && fy !== p.hireFy && fy >= p.hireFy + 3 && fy + 2 <= spec.endFy && !mandatoryMoves.some((m) => m > fy && m < fy + 2);
    if (canDispatch && rng.chance(0.4)) {
      next = fy + 2;
      dispatchStarts.add(fy);
      wantsDispatch = false;
    } else {
      next = fy + rng.weighted(fy < p.hireFy + rotationYears ? rotationStays : laterStays);
      const forced = mandatoryMoves.find((m) => m > fy && m < next);
      if (forced !== undefined) next = forced;
    }
    if (next > spec.endFy) break;
    starts.push(next);
    fy = next;
  }
  // The anchor unit may be younger than the last stint (a 課 created two years ago): arrive when it opens.
  if (spec.anchor) {
    const anchorFy = fiscalYearOf(spec.anchor.validFrom);
    const last = starts[starts.length - 1] as number;
    if (anchorFy > last && anchorFy <= spec.endFy) starts.push(anchorFy);
  }

  const rows: Row[] = [];
  const frontlineEarly = p.jobCategory === '事務' ? rng.chance(0.75) : false;
  const frontlineStint = rng.chance(0.7) ? 0 : 1;
  let previous: UnitInfo | null = null;
  // Nobody goes back to a 係 they have already served in (the pickers relax this in tiny cities).
  const visited = new Set<number>();
  for (let i = 0; i < starts.length; i++) {
    const startFy = starts[i] as number;
    const isLast = i === starts.length - 1;
    let startsOn = i === 0 ? p.hireDate : aprilFirst(startFy);
    const endsOn = isLast ? (spec.isOpenEnded ? null : marchEnd(spec.endFy)) : marchEnd((starts[i + 1] as number) - 1);
    if (endsOn !== null && endsOn < demoOrgEpoch) continue;
    if (startsOn < demoOrgEpoch) startsOn = demoOrgEpoch;
    const position = positionAt(fiscalYearOf(startsOn));

    if (dispatchStarts.has(startFy)) {
      rows.push({ unitId: ctx.homeUnit.id, position, kind: 'dispatch', dispatchTo: rng.pick(dispatchTargets), startsOn, endsOn });
      continue;
    }
    let unit: UnitInfo;
    if (isLast && spec.anchor) unit = spec.anchor;
    else {
      const kind = kindOfPosition(position);
      const inRotation = startFy < p.hireFy + rotationYears;
      let frontline: UnitQuery['frontline'] = 'any';
      if (kind === 'section' && inRotation && p.jobCategory === '事務') {
        if (!frontlineEarly) frontline = 'avoid';
        else if (i === frontlineStint) frontline = 'require';
      }
      const keepField = !inRotation && previous !== null && previous.kind === kind && rng.chance(0.6);
      const exclude = new Set<number>(visited);
      if (spec.anchor && kind === spec.anchor.kind) exclude.add(spec.anchor.id);
      unit = ctx.picker.pick(rng, {
        kind,
        jobCategory: p.jobCategory,
        from: startsOn,
        to: endsOn ?? ctx.today,
        frontline,
        field: keepField && previous ? previous.field : null,
        exclude,
      });
    }
    previous = unit;
    visited.add(unit.id);

    // Staff of a unit that merged (or was abolished) into this one carry on here from the change date.
    const pieces: Array<{ unitId: number; startsOn: string; endsOn: string | null }> = [];
    const predecessor = ctx.predecessorOf.get(unit.id);
    if (
      predecessor &&
      startsOn < predecessor.changeDate &&
      (endsOn === null || endsOn >= predecessor.changeDate) &&
      predecessor.unit.validFrom <= startsOn &&
      rng.chance(0.5)
    ) {
      pieces.push({ unitId: predecessor.unit.id, startsOn, endsOn: dayBefore(predecessor.changeDate) });
      pieces.push({ unitId: unit.id, startsOn: predecessor.changeDate, endsOn });
    } else pieces.push({ unitId: unit.id, startsOn, endsOn });

    // Promotions in place (主事 → 主任, 係長 → 課長補佐) start a new row in the same unit.
    for (const piece of pieces) {
      let from = piece.startsOn;
      let current = positionAt(fiscalYearOf(from));
      for (const pr of promotions) {
        const on = aprilFirst(pr.fy);
        if (on <= from || (piece.endsOn !== null && on > piece.endsOn) || pr.position === current) continue;
        rows.push({ unitId: piece.unitId, position: current, kind: 'regular', dispatchTo: null, startsOn: from, endsOn: dayBefore(on) });
        from = on;
        current = pr.position;
      }
      rows.push({ unitId: piece.unitId, position: current, kind: 'regular', dispatchTo: null, startsOn: from, endsOn: piece.endsOn });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// People

type Slot = {
  unit: UnitInfo;
  position: string;
  employmentType: EmploymentType;
  demoKey: DemoAccountKey | null;
  /** currently on a 2-year dispatch (formally in 職員課) */
  isDispatched: boolean;
};

type Person = {
  order: number;
  demoKey: DemoAccountKey | null;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: Sex;
  birthDate: string;
  hireDate: string;
  employmentType: EmploymentType;
  jobCategory: JobCategory;
  qualifications: DemoQualification[];
  rows: Row[];
  hasAccount: boolean;
};

/** Age reached in the current fiscal year, by post. */
const agesByPosition: Record<string, ReadonlyArray<readonly [number, number]>> = {
  bucho: [56, 57, 58, 59].map((a) => [a, 1] as const),
  sanji: [55, 56, 57, 58, 59].map((a) => [a, 1] as const),
  kacho: [50, 51, 52, 53, 54, 55, 56, 57, 58, 59].map((a) => [a, a < 53 ? 0.6 : 1.2] as const),
  shukan: [47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((a) => [a, 1] as const),
  kacho_hosa: [46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59].map((a) => [a, 1] as const),
  kakaricho: Array.from({ length: 20 }, (_, i) => [38 + i, i < 3 ? 0.5 : i < 14 ? 1.3 : 0.8] as const),
};
/** The rank and file: more young than old, with a long tail of 主任 who stayed off the management track. */
const rankAndFileAges: ReadonlyArray<readonly [number, number]> = Array.from({ length: 37 }, (_, i) => {
  const age = 23 + i;
  return [age, age <= 30 ? 3.2 : age <= 40 ? 3 : age <= 50 ? 2.6 : 1.6] as const;
});

function apportion(rng: Prng, total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((e) => Math.floor(e));
  let left = total - counts.reduce((a, b) => a + b, 0);
  // Ties broken in a shuffled order, so the first units of the list are not always favoured.
  const fraction = (i: number): number => (exact[i] as number) - (counts[i] as number);
  const order = rng.shuffle(weights.map((_, i) => i)).sort((a, b) => fraction(b) - fraction(a));
  for (const i of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}

type NamePools = {
  family: ReadonlyArray<readonly [number, number]>;
  given: Map<string, ReadonlyArray<readonly [GivenName, number]>>;
};

function namePools(): NamePools {
  const given = new Map<string, ReadonlyArray<readonly [GivenName, number]>>();
  for (const sex of ['male', 'female'] as const) {
    for (const era of ['old', 'middle', 'young'] as const) {
      const weightOf = (g: GivenName): number => {
        if (g.era === 'any') return 2;
        if (era === 'old') return g.era === 'showa' ? 4 : 0.05;
        if (era === 'middle') return g.era === 'showa' ? 1.5 : 1;
        return g.era === 'heisei' ? 4 : 0.2;
      };
      given.set(
        `${sex}|${era}`,
        givenNames.filter((g) => g.sex === sex).map((g) => [g, weightOf(g)] as const),
      );
    }
  }
  return { family: familyNames.map((f, i) => [i, f.weight] as const), given };
}

function drawName(rng: Prng, pools: NamePools, sex: Sex, birthDate: string) {
  const family = familyNames[rng.weighted(pools.family)] as (typeof familyNames)[number];
  const year = Number(birthDate.slice(0, 4));
  const era = year < 1975 ? 'old' : year < 1990 ? 'middle' : 'young';
  const given = rng.weighted(pools.given.get(`${sex}|${era}`) ?? []);
  return { familyName: family.name, familyNameKana: family.kana, givenName: given.name, givenNameKana: given.kana };
}

function drawQualifications(rng: Prng, cat: JobCategory, field: string, birthDate: string, hireDate: string, today: string): DemoQualification[] {
  const out: DemoQualification[] = [];
  const beforeHire = (): string => addDays(hireDate, -rng.int(10, 400));
  const afterHire = (): string | null => {
    const from = Math.max(Number(hireDate.slice(0, 4)), Number(birthDate.slice(0, 4)) + 20);
    const to = Number(today.slice(0, 4)) - 1;
    if (to < from) return null;
    const year = rng.int(from, to);
    const date = `${year}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
    return date < today && date > hireDate ? date : null;
  };
  const add = (name: string, acquiredOn: string | null) => {
    if (!out.some((q) => q.name === name)) out.push({ name, acquiredOn });
  };
  if (cat === '保健師') {
    add('保健師', beforeHire());
    add('看護師', beforeHire());
  }
  if (cat === '保育士') {
    add('保育士', beforeHire());
    if (rng.chance(0.4)) add('幼稚園教諭二種免許状', beforeHire());
  }
  if (cat === '技術') {
    if (rng.chance(0.35)) add('2級土木施工管理技士', afterHire());
    if (rng.chance(0.15)) add('1級土木施工管理技士', afterHire());
    if (field === '建築' && rng.chance(0.4)) add('二級建築士', beforeHire());
    if (rng.chance(0.05)) add('技術士補', beforeHire());
  }
  if (cat === '事務') {
    if (field === '福祉' && rng.chance(0.35)) add('社会福祉主事任用資格', afterHire());
    if (field === '福祉' && rng.chance(0.08)) add('社会福祉士', beforeHire());
    if (field === '情報' && rng.chance(0.4)) add('基本情報技術者', afterHire());
    if (field === '情報' && rng.chance(0.12)) add('応用情報技術者', afterHire());
    if (field === '税務' && rng.chance(0.15)) add('日商簿記検定2級', afterHire());
    if (field === '教育' && rng.chance(0.2)) add('司書', beforeHire());
    if (rng.chance(0.02)) add('行政書士', afterHire());
    if (rng.chance(0.03)) add('宅地建物取引士', afterHire());
    if (rng.chance(0.03)) add('防災士', afterHire());
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The city

export function buildDemoCity(options: DemoCityOptions): DemoCity {
  const { staffCount, seed, today } = options;
  if (!isValidIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
  if (!Number.isInteger(staffCount) || staffCount < 20) throw new RangeError(`staffCount must be an integer ≥ 20: ${staffCount}`);
  const fy = fiscalYearOf(today);
  if (fy - 5 < fiscalYearOf(demoOrgEpoch)) throw new RangeError(`today is too early for the demo history: ${today}`);
  const fyStart = aprilFirst(fy);
  const root = createPrng(seed);

  // Positions: the municipality's configured defaults, ids in rank order.
  const positions: Position[] = [...defaultPositions]
    .sort((a, b) => a.rank - b.rank)
    .map((p, i) => ({ id: i + 1, code: p.code, name: p.name, rank: p.rank, level: p.level, isManagerial: p.isManagerial }));
  const positionIdOf = new Map(positions.map((p) => [p.code, p.id]));
  for (const code of ['bucho', 'sanji', 'kacho', 'shukan', 'kacho_hosa', 'kakaricho', 'shunin', 'shuji', 'gishi', 'hokenshi']) {
    if (!positionIdOf.has(code)) throw new Error(`demo city: the default positions lack '${code}'`);
  }

  const org = buildOrganisation(staffCount, fy);
  const inForce = (u: UnitInfo) => u.validFrom <= today && (u.validTo === null || u.validTo >= today);
  const todays = org.units.filter(inForce);
  const departments = todays.filter((u) => u.kind === 'department');
  const divisions = todays.filter((u) => u.kind === 'division');
  const sections = todays.filter((u) => u.kind === 'section');
  const homeUnit = org.byCode.get('D01-K02');
  if (!homeUnit) throw new Error('demo city: 職員課 missing');

  // ---- slots: every post and place on `today`
  const slotRng = root.fork('slots');
  const slots: Slot[] = [];
  // Units whose head post (部長, 課長, 係長) a demo login holds.
  const demoHeadedUnits = new Set<number>();
  for (const account of demoAccounts) {
    const person = demoPeople[account.key];
    const unit = org.byCode.get(person.unitCode);
    if (!unit || !inForce(unit)) throw new Error(`demo city: unit ${person.unitCode} of demo login ${account.key} is missing`);
    slots.push({ unit, position: person.positionCode, employmentType: 'regular', demoKey: account.key, isDispatched: false });
    if (['kakaricho', 'kacho_hosa', 'kacho', 'bucho'].includes(person.positionCode)) demoHeadedUnits.add(unit.id);
  }
  const hasDemoHead = (u: UnitInfo) => demoHeadedUnits.has(u.id);
  for (const d of departments) if (!hasDemoHead(d)) slots.push({ unit: d, position: 'bucho', employmentType: 'regular', demoKey: null, isDispatched: false });
  for (const k of divisions) if (!hasDemoHead(k)) slots.push({ unit: k, position: 'kacho', employmentType: 'regular', demoKey: null, isDispatched: false });
  for (const s of sections) {
    if (hasDemoHead(s)) continue;
    slots.push({ unit: s, position: slotRng.chance(0.25) ? 'kacho_hosa' : 'kakaricho', employmentType: 'regular', demoKey: null, isDispatched: false });
  }
  const isLarge = staffCount >= 300;
  // 参事 sit in a 部 (部付参事): in a 課 they would outrank its 課長 as confirmer (org-settings.ts rules pick
  // the most senior manager-level holder). None in 市民部, whose 課長 is the demo unit head.
  const citizenDepartmentId = org.byCode.get('D03')?.id;
  const sanjiDepartments = slotRng.shuffle(departments.filter((d) => d.id !== citizenDepartmentId)).slice(0, isLarge ? Math.round(departments.length / 3) : 0);
  for (const d of sanjiDepartments) slots.push({ unit: d, position: 'sanji', employmentType: 'regular', demoKey: null, isDispatched: false });
  const shukanDivisions = slotRng.shuffle(divisions).slice(0, isLarge ? Math.round(divisions.length * 0.15) : 0);
  for (const k of shukanDivisions) slots.push({ unit: k, position: 'shukan', employmentType: 'regular', demoKey: null, isDispatched: false });

  // ---- head counts by employment type
  let fiscal = Math.round(staffCount * 0.18);
  let reappointed = reappointedAgesFor(fy).length > 0 ? Math.round(staffCount * 0.04) : 0;
  let extended = extendedAgesFor(fy).length > 0 ? Math.round(staffCount * 0.02) : 0;
  let fixedTerm = Math.round(staffCount * 0.01);
  let dispatched = Math.floor(staffCount * 0.003);
  const regularNeeded = () => slots.length + dispatched;
  let regular = staffCount - fiscal - reappointed - extended - fixedTerm;
  // Small cities: the posts come first, the other employment types give way.
  while (regular < regularNeeded()) {
    if (fiscal > 0) fiscal--;
    else if (reappointed > 0) reappointed--;
    else if (extended > 0) extended--;
    else if (fixedTerm > 0) fixedTerm--;
    else if (dispatched > 0) {
      dispatched--;
      continue;
    } else throw new RangeError(`staffCount ${staffCount} is too small for ${todays.length} units`);
    regular++;
  }
  const rankAndFile = regular - regularNeeded();

  apportion(slotRng, rankAndFile, sections.map((s) => s.weight)).forEach((n, i) => {
    for (let j = 0; j < n; j++) slots.push({ unit: sections[i] as UnitInfo, position: '', employmentType: 'regular', demoKey: null, isDispatched: false });
  });
  for (let j = 0; j < dispatched; j++) slots.push({ unit: homeUnit, position: '', employmentType: 'regular', demoKey: null, isDispatched: true });
  apportion(slotRng, fiscal, sections.map((s) => s.fiscalWeight)).forEach((n, i) => {
    for (let j = 0; j < n; j++) {
      const employmentType = slotRng.chance(0.4) ? 'fiscal_full' : 'fiscal_part';
      slots.push({ unit: sections[i] as UnitInfo, position: '', employmentType, demoKey: null, isDispatched: false });
    }
  });
  const sectionWeights = sections.map((s) => [s, s.weight] as const);
  for (let j = 0; j < reappointed; j++)
    slots.push({ unit: slotRng.weighted(sectionWeights), position: '', employmentType: 'reappointed', demoKey: null, isDispatched: false });
  for (let j = 0; j < extended; j++)
    slots.push({ unit: slotRng.pick(divisions), position: 'shukan', employmentType: 'extended', demoKey: null, isDispatched: false });
  const expertSections = sections.filter((s) => s.field === '情報' || s.field === '土木' || s.field === '企画');
  for (let j = 0; j < fixedTerm; j++)
    slots.push({ unit: slotRng.pick(expertSections.length > 0 ? expertSections : sections), position: '', employmentType: 'fixed_term', demoKey: null, isDispatched: false });

  // ---- people and careers
  const picker = new UnitPicker(org.units);
  const ctx: CareerContext = { fy, today, picker, homeUnit, predecessorOf: org.predecessorOf };
  const pools = namePools();
  const peopleRng = root.fork('people');
  const people: Person[] = slots.map((slot, order) => {
    const rng = slot.demoKey ? root.fork(`demo:${slot.demoKey}`) : peopleRng;
    return slot.demoKey ? buildDemoPerson(rng, ctx, slot, order) : buildPerson(rng, ctx, slot, order, pools);
  });

  // 兼務: a few rank-and-file staff also work for DX推進係 (policy IV: DX推進リーダー in each unit).
  const dxSection = org.byCode.get(`${reorganisation.created.code}-S01`);
  if (dxSection && inForce(dxSection) && staffCount >= 100) {
    const concurrentRng = root.fork('concurrent');
    for (const person of people) {
      if (person.demoKey || person.employmentType !== 'regular') continue;
      const current = person.rows[person.rows.length - 1];
      if (!current || current.kind !== 'regular' || current.endsOn !== null || current.unitId === dxSection.id) continue;
      if (kindOfPosition(current.position) !== 'section' || ['kakaricho', 'kacho_hosa'].includes(current.position)) continue;
      if (!concurrentRng.chance(0.015)) continue;
      person.rows.push({ unitId: dxSection.id, position: current.position, kind: 'concurrent', dispatchTo: null, startsOn: fyStart, endsOn: null });
    }
  }

  // ---- numbering: demo logins A0001…, everyone else D00001… in order of hire
  const demoOrder = new Map(demoAccounts.map((a, i) => [a.key, i]));
  const demo = people.filter((p) => p.demoKey).sort((a, b) => (demoOrder.get(a.demoKey as DemoAccountKey) ?? 0) - (demoOrder.get(b.demoKey as DemoAccountKey) ?? 0));
  const others = people
    .filter((p) => !p.demoKey)
    .sort((a, b) => (a.hireDate < b.hireDate ? -1 : a.hireDate > b.hireDate ? 1 : a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.order - b.order));
  const width = Math.max(5, String(others.length).length);
  const numbered = [
    ...demo.map((p) => ({ person: p, employeeNumber: (demoAccounts.find((a) => a.key === p.demoKey) as (typeof demoAccounts)[number]).employeeNumber })),
    ...others.map((p, i) => ({ person: p, employeeNumber: `D${String(i + 1).padStart(width, '0')}` })),
  ];

  const staff: DemoStaff[] = [];
  const assignments: Assignment[] = [];
  const accounts: DemoAccountRow[] = [];
  const withPersonalAccounts = staffCount <= maxStaffForPersonalAccounts;
  numbered.forEach(({ person, employeeNumber }, i) => {
    const id = i + 1;
    staff.push({
      id,
      employeeNumber,
      familyName: person.familyName,
      givenName: person.givenName,
      familyNameKana: person.familyNameKana,
      givenNameKana: person.givenNameKana,
      birthDate: person.birthDate,
      sex: person.sex,
      hireDate: person.hireDate,
      employmentType: person.employmentType,
      jobCategory: person.jobCategory,
      separatedOn: null,
      qualifications: person.qualifications,
    });
    const rows = [...person.rows].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
    for (const r of rows) {
      assignments.push({
        id: assignments.length + 1,
        staffId: id,
        unitId: r.unitId,
        positionId: positionIdOf.get(r.position) as number,
        kind: r.kind,
        dispatchTo: r.dispatchTo,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
      });
    }
    const displayName = `${person.familyName} ${person.givenName}`;
    if (person.demoKey) {
      const account = demoAccounts.find((a) => a.key === person.demoKey) as (typeof demoAccounts)[number];
      accounts.push({ staffId: id, loginId: employeeNumber, displayName, password: account.password, roles: [...account.roles], rolesStartOn: fyStart, demoKey: account.key });
    } else if (withPersonalAccounts && person.hasAccount) {
      accounts.push({ staffId: id, loginId: employeeNumber, displayName, password: demoStaffPassword, roles: [], rolesStartOn: fyStart, demoKey: null });
    }
  });

  // ---- 定数: today's regular-kind members of each unit (会計年度任用 not counted), give or take one
  const members = new Map<number, number>();
  const typeOf = new Map(staff.map((s) => [s.id, s.employmentType]));
  for (const a of assignments) {
    if (a.kind !== 'regular' || a.startsOn > today || (a.endsOn !== null && a.endsOn < today)) continue;
    const type = typeOf.get(a.staffId);
    if (type === 'fiscal_full' || type === 'fiscal_part') continue;
    members.set(a.unitId, (members.get(a.unitId) ?? 0) + 1);
  }
  const headcountRng = root.fork('headcount');
  const unitVersions: UnitVersion[] = [];
  for (const u of org.units) {
    const count = members.get(u.id);
    const headcount =
      count === undefined ? (u.kind === 'section' ? headcountRng.int(2, 5) : 1) : count <= 1 ? count : Math.max(1, count + headcountRng.int(-1, 1));
    for (const v of u.versions) {
      unitVersions.push({
        unitId: u.id,
        code: u.code,
        name: v.name,
        kind: u.kind,
        parentUnitId: v.parentId,
        isFrontline: u.isFrontline,
        expertiseField: u.field,
        authorisedHeadcount: headcount,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      });
    }
  }

  return {
    municipality: { ...demoMunicipality },
    today,
    seed,
    positions,
    units: org.units.map((u) => ({ id: u.id, code: u.code })),
    unitVersions,
    unitEvents: org.events,
    staff,
    assignments,
    accounts,
  };
}

function sexFor(rng: Prng, position: string, cat: JobCategory, employmentType: EmploymentType): Sex {
  if (cat === '保健師' || cat === '保育士') return rng.chance(0.95) ? 'female' : 'male';
  if (employmentType === 'fiscal_full' || employmentType === 'fiscal_part') return rng.chance(0.75) ? 'female' : 'male';
  const maleShare: Record<string, number> = { bucho: 0.9, sanji: 0.85, kacho: 0.82, shukan: 0.75, kacho_hosa: 0.7, kakaricho: 0.65 };
  return rng.chance(maleShare[position] ?? (cat === '技術' ? 0.8 : 0.5)) ? 'male' : 'female';
}

function jobCategoryFor(rng: Prng, slot: Slot): JobCategory {
  const u = slot.unit;
  const specialist: Specialist | null =
    u.kind === 'section'
      ? u.specialist
      : ['土木', '建築', '上下水道'].includes(u.field)
        ? '技術'
        : u.field === '保健'
          ? '保健師'
          : null;
  if (specialist === null) return '事務';
  const type = slot.employmentType;
  let share: number;
  if (type === 'fiscal_full' || type === 'fiscal_part') share = specialist === '保育士' ? 0.8 : specialist === '保健師' ? 0.4 : 0.2;
  else if (slot.position === '' || slot.position === 'shukan') share = specialist === '技術' ? 0.75 : 0.85;
  else share = u.kind === 'section' ? 0.6 : u.kind === 'division' ? 0.5 : 0.3;
  return rng.chance(share) ? specialist : '事務';
}

/** Draws an age at hire so that the service (whole years before this fiscal year) suits the post. */
function drawHireAge(rng: Prng, ageNow: number, minService: number): number {
  for (let t = 0; t < 12; t++) {
    const h = rng.weighted(hireAges);
    const service = ageNow - h - 1;
    if (service >= minService && service <= 38) return h;
  }
  return Math.max(22, Math.min(ageNow - 1 - minService, 50), ageNow - 39);
}

function hireDateFor(rng: Prng, hireFy: number, fy: number): string {
  // Most start on April 1; a few 社会人経験者 in October.
  return hireFy < fy && hireFy > fiscalYearOf(demoOrgEpoch) && rng.chance(0.05) ? `${hireFy}-10-01` : aprilFirst(hireFy);
}

function buildPerson(rng: Prng, ctx: CareerContext, slot: Slot, order: number, pools: NamePools): Person {
  const { fy } = ctx;
  const cat = jobCategoryFor(rng, slot);
  const type = slot.employmentType;
  let rows: Row[];
  let age: number;
  let hireDate: string;
  let position = slot.position;

  if (type === 'fiscal_full' || type === 'fiscal_part') {
    // 会計年度任用: one-year appointments, renewed each April (facts.md), mostly in the same 係.
    age = rng.int(20, 64);
    // The system of 会計年度任用 began on 2020-04-01: nobody's appointments go further back.
    const tenure = Math.max(1, Math.min(rng.weighted([[1, 25], [2, 20], [3, 17], [4, 13], [5, 10], [6, 7], [7, 5], [8, 3]] as const), fy - 2019, age - 19));
    position = cat === '保健師' ? 'hokenshi' : cat === '技術' ? 'gishi' : 'shuji';
    rows = [];
    let unit = slot.unit;
    for (let y = fy; y > fy - tenure; y--) {
      if (y !== fy && rng.chance(0.15)) {
        unit = ctx.picker.pick(rng, { kind: 'section', jobCategory: cat, from: aprilFirst(y), to: marchEnd(y), frontline: 'any', field: null, exclude: new Set() });
      }
      rows.unshift({ unitId: unit.id, position, kind: 'regular', dispatchTo: null, startsOn: aprilFirst(y), endsOn: marchEnd(y) });
    }
    const first = rows[0] as Row;
    if (fy - tenure + 1 < fy && rng.chance(0.2)) first.startsOn = `${fy - tenure + 1}-${rng.pick(['06', '10'])}-01`;
    hireDate = first.startsOn;
  } else if (type === 'fixed_term') {
    // 任期付: one appointment of 3 or 5 years for a specialist task.
    age = rng.int(28, 50);
    const term = rng.pick([3, 5]);
    const startFy = fy - rng.int(0, term - 1);
    position = cat === '技術' ? 'gishi' : 'shunin';
    hireDate = aprilFirst(startFy);
    rows = [{ unitId: slot.unit.id, position, kind: 'regular', dispatchTo: null, startsOn: hireDate, endsOn: marchEnd(startFy + term - 1) }];
  } else if (type === 'reappointed') {
    // 再任用: a full career up to retirement, then yearly appointments.
    age = rng.pick(reappointedAgesFor(fy));
    const cohortFy = fy - age;
    const retiredFy = retirementFy(cohortFy);
    const finalPosition = rng.weighted([['kakaricho', 35], ['kacho_hosa', 20], ['kacho', 20], ['shunin', 20], ['bucho', 5]] as const);
    const ageAtEnd = retiredFy - cohortFy;
    const hireAge = drawHireAge(rng, ageAtEnd, minServiceFor[finalPosition] ?? 0);
    const hireFy = cohortFy + hireAge + 1;
    hireDate = hireDateFor(rng, hireFy, fy);
    rows = buildRegularCareer(rng, ctx, { cohortFy, hireFy, hireDate, jobCategory: cat }, {
      finalPosition,
      endFy: retiredFy,
      anchor: null,
      isOpenEnded: false,
      allowDispatch: true,
    });
    position = cat === '保健師' ? 'hokenshi' : 'shunin';
    let unit = slot.unit;
    const yearly: Row[] = [];
    for (let y = fy; y > retiredFy; y--) {
      if (y !== fy && rng.chance(0.2)) {
        unit = ctx.picker.pick(rng, { kind: 'section', jobCategory: cat, from: aprilFirst(y), to: marchEnd(y), frontline: 'any', field: null, exclude: new Set() });
      }
      yearly.unshift({ unitId: unit.id, position, kind: 'regular', dispatchTo: null, startsOn: aprilFirst(y), endsOn: marchEnd(y) });
    }
    rows.push(...yearly);
  } else if (type === 'extended') {
    // 定年延長: past 60, off the management post since the April 1 after turning 60 (役職定年), now 主幹.
    age = rng.pick(extendedAgesFor(fy));
    const cohortFy = fy - age;
    const offPostFy = cohortFy + 61;
    const finalPosition = rng.weighted([['kacho', 40], ['kacho_hosa', 30], ['kakaricho', 20], ['sanji', 10]] as const);
    const hireAge = drawHireAge(rng, offPostFy - 1 - cohortFy, minServiceFor[finalPosition] ?? 0);
    const hireFy = cohortFy + hireAge + 1;
    hireDate = hireDateFor(rng, hireFy, fy);
    rows = buildRegularCareer(rng, ctx, { cohortFy, hireFy, hireDate, jobCategory: cat }, {
      finalPosition,
      endFy: offPostFy - 1,
      anchor: null,
      isOpenEnded: false,
      allowDispatch: true,
    });
    rows.push({ unitId: slot.unit.id, position: 'shukan', kind: 'regular', dispatchTo: null, startsOn: aprilFirst(offPostFy), endsOn: null });
  } else if (slot.isDispatched) {
    // Regular staff on a 2-year dispatch right now (formally 職員課付).
    age = rng.int(27, 40);
    const cohortFy = fy - age;
    const dispatchFy = rng.chance(0.5) ? fy : fy - 1;
    const hireAge = Math.min(drawHireAge(rng, age, 4), age - (fy - dispatchFy) - 4);
    const hireFy = cohortFy + hireAge + 1;
    hireDate = hireDateFor(rng, hireFy, fy);
    position = age >= 31 && cat !== '保健師' ? 'shunin' : entryPositionOf[cat];
    rows = buildRegularCareer(rng, ctx, { cohortFy, hireFy, hireDate, jobCategory: cat }, {
      finalPosition: position,
      endFy: dispatchFy - 1,
      anchor: null,
      isOpenEnded: false,
      allowDispatch: false,
    });
    rows.push({ unitId: slot.unit.id, position, kind: 'dispatch', dispatchTo: rng.pick(dispatchTargets), startsOn: aprilFirst(dispatchFy), endsOn: marchEnd(dispatchFy + 1) });
  } else {
    // Regular staff in a post or in the rank and file.
    const isRankAndFile = position === '';
    age = rng.weighted(isRankAndFile ? rankAndFileAges : (agesByPosition[position] ?? rankAndFileAges));
    const hireAge = drawHireAge(rng, age, isRankAndFile ? 0 : (minServiceFor[position] ?? 0));
    const service = age - hireAge - 1;
    if (isRankAndFile) position = cat === '保健師' || service < 6 || age < 30 ? entryPositionOf[cat] : 'shunin';
    const cohortFy = fy - age;
    const hireFy = cohortFy + hireAge + 1;
    hireDate = hireDateFor(rng, hireFy, fy);
    rows = buildRegularCareer(rng, ctx, { cohortFy, hireFy, hireDate, jobCategory: cat }, {
      finalPosition: position,
      endFy: fy,
      anchor: slot.unit,
      isOpenEnded: true,
      allowDispatch: true,
    });
  }

  const birthDate = birthDateIn(rng, fy - age);
  const sex = sexFor(rng, position, cat, type);
  const name = drawName(rng, pools, sex, birthDate);
  const field = slot.unit.field;
  const hasAccount =
    type === 'fiscal_full' ? rng.chance(0.3) : type === 'fiscal_part' ? rng.chance(0.1) : true;
  return {
    order,
    demoKey: null,
    ...name,
    sex,
    birthDate,
    hireDate,
    employmentType: type,
    jobCategory: cat,
    qualifications: drawQualifications(rng, cat, field, birthDate, hireDate, ctx.today),
    rows,
    hasAccount,
  };
}

function reappointedAgesFor(fy: number): number[] {
  return [60, 61, 62, 63, 64, 65].filter((a) => retirementFy(fy - a) < fy);
}
function extendedAgesFor(fy: number): number[] {
  return [61, 62, 63, 64, 65].filter((a) => retirementFy(fy - a) >= fy);
}

function buildDemoPerson(rng: Prng, ctx: CareerContext, slot: Slot, order: number): Person {
  const key = slot.demoKey as DemoAccountKey;
  const d = demoPeople[key];
  const cohortFy = ctx.fy - d.age;
  const hireFy = cohortFy + d.ageAtHire + 1;
  const hireDate = aprilFirst(hireFy);
  const cat = (jobCategories as readonly string[]).includes(d.jobCategory) ? (d.jobCategory as JobCategory) : '事務';
  const rows = buildRegularCareer(rng, ctx, { cohortFy, hireFy, hireDate, jobCategory: cat }, {
    finalPosition: d.positionCode,
    endFy: ctx.fy,
    anchor: slot.unit,
    isOpenEnded: true,
    allowDispatch: false,
  });
  const birthDate = birthDateIn(rng, cohortFy);
  return {
    order,
    demoKey: key,
    familyName: d.familyName,
    givenName: d.givenName,
    familyNameKana: d.familyNameKana,
    givenNameKana: d.givenNameKana,
    sex: d.sex,
    birthDate,
    hireDate,
    employmentType: 'regular',
    jobCategory: cat,
    qualifications: d.qualifications.map((name) => ({ name, acquiredOn: null })),
    rows,
    hasAccount: true,
  };
}
