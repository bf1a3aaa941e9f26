/**
 * Fellow matching (フェロー制度, policy III-4-(3)⑤): for every new or young staff member without a fellow, propose a
 * fellow from HR's pool with no direct business relation — another 部 (or 課, a setting), never their evaluator,
 * confirmer or unit head — excluding fellows whose organisational commitment is very low, within each fellow's
 * capacity. An assignment problem solved as a maximum b-matching: a greedy pass (most constrained junior first, the
 * fellow with most room left) and then augmenting paths (Kuhn's algorithm with capacities), so as many juniors as
 * possible get a fellow. Every order is explicit, so the same input always gives the same proposal (ADR 0021).
 */
import { completedYearsBetween } from '../common/fiscal-year.js';
import { isInForce, type EmploymentType, type UnitVersion } from '../org/org-model.js';
import { ancestorsOf, departmentOf, divisionOf, orgAsOf, type OrgSnapshot } from '../org/org-tree.js';
import { lowCommitmentReasonLabels, lowCommitmentSources, type FellowSettings, type LowCommitmentSource } from './fellow-model.js';
import type { CommitmentReading } from './self-declaration-commitment.js';

/** A staff member as the matching sees them on the date. */
export type MatchPerson = {
  staffId: number;
  hireDate: string;
  birthDate: string;
  employmentType: EmploymentType;
  /** the unit of their regular post on the date; null without one */
  unitId: number | null;
  isSeparated: boolean;
};

/** An entry of HR's pool. */
export type PoolFellow = {
  staffId: number;
  capacity: number;
  startsOn: string;
  endsOn: string | null;
  /**
   * the sources that say this fellow's commitment is very low (HR's flag → 'hr-flag'; a very-low indicator in the
   * latest submitted self-declaration → 'self-declaration'); only those the settings list exclude
   */
  lowCommitment: readonly LowCommitmentSource[];
};

export type ActivePair = { fellowStaffId: number; juniorStaffId: number };

export type FellowMatchingInput = {
  date: string;
  settings: FellowSettings;
  people: readonly MatchPerson[];
  fellows: readonly PoolFellow[];
  /** pairs in force on the date: they use capacity, and their juniors need no proposal */
  activePairs: readonly ActivePair[];
  versions: readonly UnitVersion[];
  /** evaluator and confirmer relations in force on the date (rule and manual rows alike: either is a business relation) */
  relations: readonly { subjectStaffId: number; holderStaffId: number }[];
  /** regular posts in force at a unit-head level (所属長): a head is in the chain of everyone in their unit and below */
  unitHeadPosts: readonly { staffId: number; unitId: number }[];
};

export type FellowProposal = { juniorStaffId: number; fellowStaffId: number; reason: string };

export const unmatchedReasons = ['no-post', 'no-candidate', 'capacity'] as const;
export type UnmatchedReason = (typeof unmatchedReasons)[number];
export type UnmatchedJunior = { juniorStaffId: number; reason: UnmatchedReason; message: string };

export type FellowMatchingResult = {
  proposals: FellowProposal[];
  unmatched: UnmatchedJunior[];
  /** juniors by the settings on the date, paired or not */
  juniorCount: number;
  /** juniors who already have a fellow in force */
  alreadyPairedCount: number;
  /** pool entries in force that can still take someone (before this proposal), low-commitment ones left out */
  fellowsWithRoom: number;
  /** pool entries in force left out for very low commitment: in all, and per source (one flagged by both counts in both) */
  lowCommitmentExcluded: { total: number; bySource: Record<LowCommitmentSource, number> };
};

/**
 * The sources that flag a pool entry, whether or not the settings use them: HR's flag, and a very-low indicator in the
 * fellow's latest submitted self-declaration (never a draft, never the answer itself — only its reading).
 */
export function lowCommitmentOf(entry: { isLowCommitment: boolean }, reading: Pick<CommitmentReading, 'state'> | undefined): LowCommitmentSource[] {
  return [...(entry.isLowCommitment ? (['hr-flag'] as const) : []), ...(reading?.state === 'very-low' ? (['self-declaration'] as const) : [])];
}

/** Is the person a junior (対象職員) on the date by the settings? Hire within N completed years, or under the age. */
export function isJunior(person: MatchPerson, date: string, settings: FellowSettings): boolean {
  if (person.isSeparated || !settings.juniorEmploymentTypes.includes(person.employmentType) || person.hireDate > date) return false;
  if (completedYearsBetween(person.hireDate, date) < settings.juniorHiredWithinYears) return true;
  return settings.juniorUnderAge !== null && completedYearsBetween(person.birthDate, date) < settings.juniorUnderAge;
}

type Exclusion = 'self' | 'same-group' | 'chain' | 'low-commitment' | 'full';

const exclusionLabels: Record<Exclusion, string> = {
  self: '本人',
  'same-group': '', // filled with the separation label
  chain: '評価者・確認者・所属長',
  'low-commitment': '組織コミットメントが著しく低い',
  full: '受入れ枠が満杯',
};

type FellowSlot = {
  staffId: number;
  capacity: number;
  used: number;
  groupId: number;
  unitId: number;
  /** the sources the settings list that flag this fellow, in the order of `lowCommitmentSources`; empty: a candidate */
  lowCommitment: LowCommitmentSource[];
};

/** 「組織コミットメントが著しく低い(自己申告書の指標)」: the reason with the sources that gave it. */
const lowCommitmentLabel = (sources: readonly LowCommitmentSource[]) =>
  `${exclusionLabels['low-commitment']}(${sources.map((s) => lowCommitmentReasonLabels[s]).join('・')})`;

export type PreparedMatching = {
  date: string;
  settings: FellowSettings;
  snapshot: OrgSnapshot;
  people: ReadonlyMap<number, MatchPerson>;
  /** fellows in force with a post, by staff id ascending */
  slots: FellowSlot[];
  slotByStaff: ReadonlyMap<number, FellowSlot>;
  pairedJuniors: ReadonlySet<number>;
  groupOf(unitId: number): number;
  groupName(groupId: number): string;
  chainOf(juniorStaffId: number, unitId: number): ReadonlySet<number>;
};

/** The org, chains and capacity once, for matching and for checking HR's confirmations. */
export function prepareMatching(input: FellowMatchingInput): PreparedMatching {
  const snapshot = orgAsOf(input.versions, input.date);
  const people = new Map([...input.people].sort((a, b) => a.staffId - b.staffId).map((p) => [p.staffId, p]));
  const groups = new Map<number, number>();
  const groupOf = (unitId: number): number => {
    const cached = groups.get(unitId);
    if (cached !== undefined) return cached;
    const department = departmentOf(unitId, snapshot);
    // A unit outside any 部 (or a post held in the 部 itself, for the 課 setting) is its own group.
    const group = input.settings.separation === 'department' ? (department?.unitId ?? ancestorsOf(unitId, snapshot)[0]?.unitId ?? unitId) : (divisionOf(unitId, snapshot)?.unitId ?? unitId);
    groups.set(unitId, group);
    return group;
  };
  const headsAt = new Map<number, number[]>();
  for (const p of input.unitHeadPosts) headsAt.set(p.unitId, [...(headsAt.get(p.unitId) ?? []), p.staffId]);
  const headsAbove = new Map<number, number[]>();
  const headsOfUnit = (unitId: number): number[] => {
    const cached = headsAbove.get(unitId);
    if (cached !== undefined) return cached;
    const heads = ancestorsOf(unitId, snapshot).flatMap((n) => headsAt.get(n.unitId) ?? []);
    headsAbove.set(unitId, heads);
    return heads;
  };
  const holdersOf = new Map<number, number[]>();
  for (const r of input.relations) holdersOf.set(r.subjectStaffId, [...(holdersOf.get(r.subjectStaffId) ?? []), r.holderStaffId]);

  const used = new Map<number, number>();
  const pairedJuniors = new Set<number>();
  for (const pair of input.activePairs) {
    used.set(pair.fellowStaffId, (used.get(pair.fellowStaffId) ?? 0) + 1);
    pairedJuniors.add(pair.juniorStaffId);
  }
  const excluding = lowCommitmentSources.filter((s) => input.settings.excludeLowCommitmentFrom.includes(s));
  const slots: FellowSlot[] = [];
  const seen = new Set<number>();
  for (const f of [...input.fellows].sort((a, b) => a.staffId - b.staffId || (a.startsOn < b.startsOn ? -1 : 1))) {
    if (seen.has(f.staffId) || !isInForce(f, input.date)) continue;
    const person = people.get(f.staffId);
    if (person === undefined || person.isSeparated || person.unitId === null || !snapshot.nodes.has(person.unitId)) continue;
    seen.add(f.staffId);
    slots.push({
      staffId: f.staffId,
      capacity: f.capacity,
      used: used.get(f.staffId) ?? 0,
      groupId: groupOf(person.unitId),
      unitId: person.unitId,
      lowCommitment: excluding.filter((s) => f.lowCommitment.includes(s)),
    });
  }
  return {
    date: input.date,
    settings: input.settings,
    snapshot,
    people,
    slots,
    slotByStaff: new Map(slots.map((s) => [s.staffId, s])),
    pairedJuniors,
    groupOf,
    groupName: (groupId) => snapshot.nodes.get(groupId)?.name ?? `#${groupId}`,
    chainOf: (juniorStaffId, unitId) => new Set([...(holdersOf.get(juniorStaffId) ?? []), ...headsOfUnit(unitId)]),
  };
}

/** Why `slot` cannot be the junior's fellow, ignoring capacity; null when it can. */
function structuralExclusion(slot: FellowSlot, juniorStaffId: number, juniorGroup: number, chain: ReadonlySet<number>): Exclusion | null {
  if (slot.staffId === juniorStaffId) return 'self';
  if (chain.has(slot.staffId)) return 'chain';
  if (slot.groupId === juniorGroup) return 'same-group';
  if (slot.lowCommitment.length > 0) return 'low-commitment';
  return null;
}

/** Counts per reason label, in the order the reasons were first met (the fellows' staff-id order). */
function describeExclusions(counts: Map<string, number>): string {
  const parts = [...counts.entries()].map(([label, n]) => `${label} ${n}人`);
  return parts.length === 0 ? '' : `(${parts.join('、')})`;
}

function exclusionLabel(why: Exclusion, slot: FellowSlot, settings: FellowSettings): string {
  if (why === 'same-group') return settings.separation === 'department' ? '同じ部' : '同じ課';
  if (why === 'low-commitment') return lowCommitmentLabel(slot.lowCommitment);
  return exclusionLabels[why];
}

function proposalReason(prepared: PreparedMatching, slot: FellowSlot, juniorGroup: number, order: number): string {
  const label = prepared.settings.separation === 'department' ? '部' : '課';
  return (
    `${label}が異なります(フェロー: ${prepared.groupName(slot.groupId)} / 対象職員: ${prepared.groupName(juniorGroup)})。` +
    `評価者・確認者・所属長ではありません。受入れ ${slot.capacity}人のうち${order}人目です。`
  );
}

/** Proposes a fellow for every junior without one (see the file comment for the method). */
export function proposeFellows(input: FellowMatchingInput): FellowMatchingResult {
  const prepared = prepareMatching(input);
  const { snapshot, settings, slots } = prepared;
  type Junior = { staffId: number; hireDate: string; group: number; eligible: number[] };
  const juniors: Junior[] = [];
  const unmatched: UnmatchedJunior[] = [];
  let juniorCount = 0;
  let alreadyPairedCount = 0;
  for (const person of prepared.people.values()) {
    if (!isJunior(person, input.date, settings)) continue;
    juniorCount += 1;
    if (prepared.pairedJuniors.has(person.staffId)) {
      alreadyPairedCount += 1;
      continue;
    }
    if (person.unitId === null || !snapshot.nodes.has(person.unitId)) {
      unmatched.push({ juniorStaffId: person.staffId, reason: 'no-post', message: '基準日に所属(通常の配属)がないため、部・課を判定できません。' });
      continue;
    }
    const group = prepared.groupOf(person.unitId);
    const chain = prepared.chainOf(person.staffId, person.unitId);
    const eligible: number[] = [];
    const counts = new Map<string, number>();
    slots.forEach((slot, i) => {
      const why = structuralExclusion(slot, person.staffId, group, chain) ?? (slot.used >= slot.capacity ? 'full' : null);
      if (why === null) eligible.push(i);
      else if (why !== 'self') {
        const label = exclusionLabel(why, slot, settings);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    });
    if (eligible.length === 0) {
      const available = slots.filter((s) => s.staffId !== person.staffId).length;
      unmatched.push({
        juniorStaffId: person.staffId,
        reason: 'no-candidate',
        message: available === 0 ? 'フェローのプールに、基準日に受け入れられるフェローがいません。' : `条件を満たすフェローがいません${describeExclusions(counts)}。`,
      });
      continue;
    }
    juniors.push({ staffId: person.staffId, hireDate: person.hireDate, group, eligible });
  }

  // Most constrained first (fewest candidates), then the most recently hired, then staff id.
  juniors.sort((a, b) => a.eligible.length - b.eligible.length || (a.hireDate > b.hireDate ? -1 : a.hireDate < b.hireDate ? 1 : 0) || a.staffId - b.staffId);
  const load = slots.map((s) => s.used);
  const assigned = new Map<number, number>(); // junior index → slot index
  const holders = slots.map(() => [] as number[]); // slot index → junior indices assigned in this run
  const assign = (j: number, s: number) => {
    assigned.set(j, s);
    holders[s]!.push(j);
    load[s]! += 1;
  };
  const release = (j: number, s: number) => {
    assigned.delete(j);
    holders[s] = holders[s]!.filter((x) => x !== j);
    load[s]! -= 1;
  };
  juniors.forEach((junior, j) => {
    let best = -1;
    for (const s of junior.eligible) {
      const room = slots[s]!.capacity - load[s]!;
      if (room > 0 && (best === -1 || room > slots[best]!.capacity - load[best]!)) best = s;
    }
    if (best !== -1) assign(j, best);
  });
  // Augmenting paths: an unmatched junior takes a full fellow whose junior can move to another fellow with room.
  const augment = (j: number, visited: Set<number>): boolean => {
    for (const s of juniors[j]!.eligible) {
      if (visited.has(s)) continue;
      visited.add(s);
      if (load[s]! < slots[s]!.capacity) {
        assign(j, s);
        return true;
      }
      for (const other of [...holders[s]!]) {
        release(other, s);
        if (augment(other, visited)) {
          assign(j, s);
          return true;
        }
        assign(other, s);
      }
    }
    return false;
  };
  // A search that failed leaves the matching unchanged, so the fellows it visited stay dead ends until one succeeds.
  let deadEnds = new Set<number>();
  juniors.forEach((_, j) => {
    if (assigned.has(j)) return;
    const visited = new Set(deadEnds);
    if (augment(j, visited)) deadEnds = new Set();
    else deadEnds = visited;
  });

  const proposals: FellowProposal[] = [];
  const order = slots.map((s) => s.used);
  // Reasons in junior order so that "n人目" is stable.
  const byStaff = juniors.map((junior, j) => ({ junior, j })).sort((a, b) => a.junior.staffId - b.junior.staffId);
  for (const { junior, j } of byStaff) {
    const s = assigned.get(j);
    if (s === undefined) {
      unmatched.push({
        juniorStaffId: junior.staffId,
        reason: 'capacity',
        message: `条件を満たすフェロー ${junior.eligible.length}人の受入れ枠が、ほかの対象職員で埋まりました。`,
      });
      continue;
    }
    order[s]! += 1;
    proposals.push({ juniorStaffId: junior.staffId, fellowStaffId: slots[s]!.staffId, reason: proposalReason(prepared, slots[s]!, junior.group, order[s]!) });
  }
  unmatched.sort((a, b) => a.juniorStaffId - b.juniorStaffId);
  const bySource = Object.fromEntries(lowCommitmentSources.map((src) => [src, slots.filter((s) => s.lowCommitment.includes(src)).length])) as Record<LowCommitmentSource, number>;
  return {
    proposals,
    unmatched,
    juniorCount,
    alreadyPairedCount,
    fellowsWithRoom: slots.filter((s) => s.used < s.capacity && s.lowCommitment.length === 0).length,
    lowCommitmentExcluded: { total: slots.filter((s) => s.lowCommitment.length > 0).length, bySource },
  };
}

export type PairCheck = { ok: true; reasons: string[] } | { ok: false; problems: { index: number; message: string }[] };

/**
 * HR's confirmation of proposals, checked again against the same rules on the date (the pool, the org or other
 * pairs may have changed since the proposal was shown): each pair in order, using capacity as it goes.
 */
export function checkPairs(input: FellowMatchingInput, pairs: readonly ActivePair[]): PairCheck {
  const prepared = prepareMatching(input);
  const { settings } = prepared;
  const problems: { index: number; message: string }[] = [];
  const reasons: string[] = [];
  const extra = new Map<number, number>();
  const juniorsNow = new Set(prepared.pairedJuniors);
  pairs.forEach((pair, index) => {
    const junior = prepared.people.get(pair.juniorStaffId);
    const slot = prepared.slotByStaff.get(pair.fellowStaffId);
    const fail = (message: string) => problems.push({ index, message });
    if (junior === undefined || !isJunior(junior, prepared.date, settings)) return fail('対象職員の条件(採用からの年数・年齢・任用形態)に当たりません。');
    if (juniorsNow.has(junior.staffId)) return fail('この対象職員には既にフェローがいます。');
    if (junior.unitId === null || !prepared.snapshot.nodes.has(junior.unitId)) return fail('対象職員の所属を判定できません。');
    if (slot === undefined) return fail('フェローのプールに、基準日に受け入れられるフェローとして登録されていません。');
    const group = prepared.groupOf(junior.unitId);
    const why = structuralExclusion(slot, junior.staffId, group, prepared.chainOf(junior.staffId, junior.unitId));
    if (why === 'self') return fail('本人をフェローにはできません。');
    if (why === 'chain') return fail('フェローが対象職員の評価者・確認者・所属長です。');
    if (why === 'same-group') return fail(`フェローと対象職員が${settings.separation === 'department' ? '同じ部' : '同じ課'}です。`);
    if (why === 'low-commitment') return fail(`${lowCommitmentLabel(slot.lowCommitment)}とされたフェローは候補に含めません。`);
    const used = slot.used + (extra.get(slot.staffId) ?? 0);
    if (used >= slot.capacity) return fail(`フェローの受入れ枠(${slot.capacity}人)が埋まっています。`);
    extra.set(slot.staffId, (extra.get(slot.staffId) ?? 0) + 1);
    juniorsNow.add(junior.staffId);
    reasons.push(proposalReason(prepared, slot, group, used + 1));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reasons };
}

export type StandingPairProblem = { fellowStaffId: number; juniorStaffId: number; message: string };

/**
 * Pairs in force that no longer meet the hard rules on the date — after a transfer or a reorganisation the fellow
 * may now sit in the junior's 部 or evaluation chain, or HR may have flagged the fellow since. Capacity and the
 * junior rule are not re-checked: a pair runs its course once confirmed.
 */
export function listStandingPairProblems(input: FellowMatchingInput): StandingPairProblem[] {
  const prepared = prepareMatching({ ...input, activePairs: [] });
  const problems: StandingPairProblem[] = [];
  const sorted = [...input.activePairs].sort((a, b) => a.juniorStaffId - b.juniorStaffId || a.fellowStaffId - b.fellowStaffId);
  for (const pair of sorted) {
    const junior = prepared.people.get(pair.juniorStaffId);
    const slot = prepared.slotByStaff.get(pair.fellowStaffId);
    const report = (message: string) => problems.push({ ...pair, message });
    if (junior === undefined || junior.unitId === null || !prepared.snapshot.nodes.has(junior.unitId)) {
      report('対象職員の所属を判定できません(退職・配属なし)。');
      continue;
    }
    if (slot === undefined) {
      report('フェローがプールの期間外か、所属がありません。');
      continue;
    }
    const why = structuralExclusion(slot, junior.staffId, prepared.groupOf(junior.unitId), prepared.chainOf(junior.staffId, junior.unitId));
    if (why === 'chain') report('フェローが対象職員の評価者・確認者・所属長になっています。');
    else if (why === 'same-group') report(`フェローと対象職員が${prepared.settings.separation === 'department' ? '同じ部' : '同じ課'}になっています。`);
    else if (why === 'low-commitment') report(`フェローが${lowCommitmentLabel(slot.lowCommitment)}とされています。`);
  }
  return problems;
}
