/**
 * DX推進体制 (policy IV-1): the DX推進本部 with its working groups, their members with roles and periods, one
 * DX推進リーダー per 課 (division) for a period with the coverage check, the register of external DX推進アドバイザー,
 * and the exchange programmes with other municipalities (IV-2-(10)). Pure rules and input schemas.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../common/fiscal-year.js';

const isoDate = (label: string) => z.string(`${label}を入力してください`).refine(isValidIsoDate, `${label}はYYYY-MM-DD形式で入力してください`);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください`);
const required = (label: string, max: number) => z.string(`${label}を入力してください`).trim().min(1, `${label}を入力してください`).max(max, `${label}は${max}文字以内で入力してください`);
const positiveId = (message: string) => z.int(message).positive(message);

/** An inclusive period; an open end means "until further notice". */
export type Period = { startsOn: string; endsOn: string | null };

const periodCheck = <T extends Period>(value: T, ctx: z.core.$RefinementCtx<T>, endKey = 'endsOn') => {
  if (value.endsOn !== null && value.endsOn < value.startsOn) ctx.addIssue({ code: 'custom', path: [endKey], message: '終了日は開始日以降にしてください' });
};

/** Do two inclusive periods share a day? */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}

export function isCurrentOn(period: Period, date: string): boolean {
  return period.startsOn <= date && (period.endsOn === null || date <= period.endsOn);
}

// 推進本部・ワーキンググループ

export const dxBodyKinds = ['hq', 'working_group'] as const;
export type DxBodyKind = (typeof dxBodyKinds)[number];
export const dxBodyKindLabels: Record<DxBodyKind, string> = { hq: 'DX推進本部', working_group: 'ワーキンググループ' };

export const dxMemberRoles = ['chief', 'deputy', 'member', 'leader'] as const;
export type DxMemberRole = (typeof dxMemberRoles)[number];
export const dxMemberRoleLabels: Record<DxMemberRole, string> = { chief: '本部長', deputy: '副本部長', member: '構成員', leader: 'リーダー' };

export const dxBodyInputSchema = z
  .strictObject({
    kind: z.enum(dxBodyKinds, '本部かワーキンググループかを選んでください'),
    /** the HQ, for a working group; null for the HQ */
    parentBodyId: positiveId('推進本部を選んでください').nullable(),
    name: required('名称', 100),
    theme: text('テーマ', 500).default(''),
    startsOn: isoDate('開始日'),
    endsOn: isoDate('終了日').nullable(),
  })
  .superRefine((v, ctx) => {
    periodCheck(v, ctx);
    if (v.kind === 'working_group' && v.parentBodyId === null) ctx.addIssue({ code: 'custom', path: ['parentBodyId'], message: 'ワーキンググループの推進本部を選んでください' });
    if (v.kind === 'hq' && v.parentBodyId !== null) ctx.addIssue({ code: 'custom', path: ['parentBodyId'], message: '推進本部は他の本部に属しません' });
  });
export type DxBodyInput = z.infer<typeof dxBodyInputSchema>;

export const dxMemberInputSchema = z
  .strictObject({
    staffId: positiveId('職員を選んでください'),
    role: z.enum(dxMemberRoles, '役割を選んでください'),
    startsOn: isoDate('開始日'),
    endsOn: isoDate('終了日').nullable(),
  })
  .superRefine((v, ctx) => periodCheck(v, ctx));
export type DxMemberInput = z.infer<typeof dxMemberInputSchema>;

/** 本部長・副本部長 belong to the HQ; a working group has a リーダー and 構成員. */
export function roleFitsBody(kind: DxBodyKind, role: DxMemberRole): boolean {
  return kind === 'hq' ? role !== 'leader' : role === 'leader' || role === 'member';
}

/** Only one 本部長 (chief) at a time: the existing chief's period overlapping the new one, if any. */
export function overlappingChief<T extends Period & { role: string }>(members: readonly T[], candidate: Period & { role: DxMemberRole }): T | undefined {
  if (candidate.role !== 'chief') return undefined;
  return members.find((m) => m.role === 'chief' && periodsOverlap(m, candidate));
}

// DX推進リーダー

export const dxLeaderInputSchema = z
  .strictObject({
    unitId: positiveId('課を選んでください'),
    staffId: positiveId('職員を選んでください'),
    startsOn: isoDate('開始日'),
    endsOn: isoDate('終了日').nullable(),
  })
  .superRefine((v, ctx) => periodCheck(v, ctx));
export type DxLeaderInput = z.infer<typeof dxLeaderInputSchema>;

export const dxLeaderEndInputSchema = z.strictObject({ endsOn: isoDate('終了日') });

/** One DX推進リーダー per unit at a time: the existing appointment of the unit that shares a day with the new one. */
export function overlappingLeader<T extends Period & { id: number; unitId: number }>(leaders: readonly T[], candidate: Period & { unitId: number }, exceptId?: number): T | undefined {
  return leaders.find((l) => l.unitId === candidate.unitId && l.id !== exceptId && periodsOverlap(l, candidate));
}

export type CoverageStatus = 'covered' | 'missing' | 'leader-moved';
export const coverageStatusLabels: Record<CoverageStatus, string> = { covered: '配置済み', missing: '未配置', 'leader-moved': 'リーダーが異動' };

export type CoverageUnit = { unitId: number; name: string; path: string; parentId: number | null; kind: string };
export type CoverageRow = {
  unitId: number;
  unitName: string;
  unitPath: string;
  status: CoverageStatus;
  leader: { id: number; staffId: number; name: string; startsOn: string; endsOn: string | null; currentUnitName: string | null } | null;
};

/**
 * The coverage of the divisions (課) in force on `date`. A division is covered when a leader's appointment is in
 * force on the date and the leader's regular post on that date is in the division (itself or one of its sections).
 * A leader who was transferred out leaves a gap ('leader-moved'): the role is to lead the unit's own DX work (IV-1),
 * which nobody can do from another unit (ADR 0015).
 */
export function dxCoverage(
  date: string,
  units: readonly CoverageUnit[],
  leaders: ReadonlyArray<Period & { id: number; unitId: number; staffId: number; name: string }>,
  postUnitOfStaff: ReadonlyMap<number, number>,
): CoverageRow[] {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const divisionOf = (unitId: number | undefined): number | null => {
    let current = unitId === undefined ? undefined : byId.get(unitId);
    const seen = new Set<number>();
    while (current && !seen.has(current.unitId)) {
      if (current.kind === 'division') return current.unitId;
      seen.add(current.unitId);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return null;
  };
  return units
    .filter((u) => u.kind === 'division')
    .map((unit) => {
      const appointed = leaders.filter((l) => l.unitId === unit.unitId && isCurrentOn(l, date)).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
      if (!appointed) return { unitId: unit.unitId, unitName: unit.name, unitPath: unit.path, status: 'missing' as const, leader: null };
      const postUnitId = postUnitOfStaff.get(appointed.staffId);
      const isHere = divisionOf(postUnitId) === unit.unitId;
      return {
        unitId: unit.unitId,
        unitName: unit.name,
        unitPath: unit.path,
        status: isHere ? ('covered' as const) : ('leader-moved' as const),
        leader: {
          id: appointed.id,
          staffId: appointed.staffId,
          name: appointed.name,
          startsOn: appointed.startsOn,
          endsOn: appointed.endsOn,
          currentUnitName: postUnitId === undefined ? null : (byId.get(postUnitId)?.path ?? null),
        },
      };
    });
}

// DX推進アドバイザー

export const dxAdvisorInputSchema = z
  .strictObject({
    name: required('氏名', 100),
    organisation: text('所属', 200).default(''),
    expertise: text('専門分野', 500).default(''),
    contractStartsOn: isoDate('契約開始日'),
    contractEndsOn: isoDate('契約終了日').nullable(),
    contact: text('連絡先', 200).default(''),
    note: text('備考', 1000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.contractEndsOn !== null && v.contractEndsOn < v.contractStartsOn) ctx.addIssue({ code: 'custom', path: ['contractEndsOn'], message: '契約終了日は契約開始日以降にしてください' });
  });
export type DxAdvisorInput = z.infer<typeof dxAdvisorInputSchema>;

/** current: under contract on the date; upcoming: contract not started yet; past: ended. */
export function advisorStatus(contract: { contractStartsOn: string; contractEndsOn: string | null }, date: string): 'current' | 'upcoming' | 'past' {
  if (contract.contractStartsOn > date) return 'upcoming';
  return contract.contractEndsOn === null || contract.contractEndsOn >= date ? 'current' : 'past';
}
export const advisorStatusLabels = { current: '契約中', upcoming: '契約予定', past: '契約終了' } as const;

// 交流プログラム (IV-2-(10))

export const exchangeDirections = ['outgoing', 'incoming', 'mutual'] as const;
export type ExchangeDirection = (typeof exchangeDirections)[number];
export const exchangeDirectionLabels: Record<ExchangeDirection, string> = { outgoing: '派遣(当市から訪問)', incoming: '受入れ(相手から来訪)', mutual: '相互交流' };

export const exchangeParticipantInputSchema = z
  .strictObject({
    staffId: positiveId('職員を選んでください').nullable(),
    externalName: text('参加者の氏名', 100).nullable(),
    note: text('参加者の備考', 200).default(''),
  })
  .superRefine((v, ctx) => {
    const hasName = v.externalName !== null && v.externalName !== '';
    if ((v.staffId === null) === !hasName) ctx.addIssue({ code: 'custom', path: ['externalName'], message: '当市の職員を選ぶか、相手方の参加者の氏名を入力してください(どちらか一方)' });
  });
export type ExchangeParticipantInput = z.infer<typeof exchangeParticipantInputSchema>;

export const exchangeInputSchema = z
  .strictObject({
    partnerMunicipality: required('相手の自治体', 100),
    title: required('名称', 200),
    direction: z.enum(exchangeDirections, '交流の形を選んでください'),
    startsOn: isoDate('開始日'),
    endsOn: isoDate('終了日'),
    summary: text('概要', 4000).default(''),
    outcome: text('成果', 4000).default(''),
    participants: z.array(exchangeParticipantInputSchema).max(100, '参加者は100人以内にしてください').default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '終了日は開始日以降にしてください' });
    const seen = new Set<number>();
    v.participants.forEach((p, index) => {
      if (p.staffId === null) return;
      if (seen.has(p.staffId)) ctx.addIssue({ code: 'custom', path: ['participants', index, 'staffId'], message: '同じ職員が重複しています' });
      seen.add(p.staffId);
    });
  });
export type ExchangeInput = z.infer<typeof exchangeInputSchema>;

const versionField = z.int('版は整数で指定してください').positive('版が正しくありません');
/** PUT bodies carry the version read (optimistic concurrency). */
export const dxAdvisorUpdateSchema = dxAdvisorInputSchema.safeExtend({ version: versionField });
export const exchangeUpdateSchema = exchangeInputSchema.safeExtend({ version: versionField });
