/**
 * 自己啓発 (issue 4 item 6, policy II-4-(3) 自主研修): what a person records of their own learning (e-learning, 通信教育,
 * a 自主研修グループ's activity, other), the supervisor's confirmation, and which records reach the performance sheet
 * of a period. Pure rules and the shapes the form and the server share.
 */
import { z } from 'zod';

export const selfDevelopmentKinds = ['e-learning', 'correspondence', 'study-group', 'other'] as const;
export type SelfDevelopmentKind = (typeof selfDevelopmentKinds)[number];
export const selfDevelopmentKindLabels: Record<SelfDevelopmentKind, string> = {
  'e-learning': 'e-ラーニング',
  correspondence: '通信教育',
  'study-group': '自主研修グループ',
  other: 'その他',
};

export const selfDevelopmentStatuses = ['recorded', 'confirmed', 'returned'] as const;
export type SelfDevelopmentStatus = (typeof selfDevelopmentStatuses)[number];
export const selfDevelopmentStatusLabels: Record<SelfDevelopmentStatus, string> = { recorded: '確認待ち', confirmed: '確認済み', returned: '差戻し' };

const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}を日付で入力してください`);
const hours = z.int('時間数は整数で入力してください').min(0, '時間数は0以上で入力してください').max(2000, '時間数は2000以内で入力してください').nullable().default(null);
const note = z.string().trim().max(1000, '備考は1000文字以内で入力してください').default('');

const selfDevelopmentFields = {
  kind: z.enum(selfDevelopmentKinds, '種類を選んでください'),
  title: z.string().trim().min(1, '名称を入力してください').max(200, '名称は200文字以内で入力してください'),
  startedOn: isoDate('開始日'),
  endedOn: isoDate('終了日').nullable().default(null),
  hours,
  note,
};
const endsAfterStart = [
  (r: { startedOn: string; endedOn: string | null }) => r.endedOn === null || r.endedOn >= r.startedOn,
  { message: '終了日は開始日以降にしてください', path: ['endedOn'] as PropertyKey[] },
] as const;
export const selfDevelopmentInputSchema = z.strictObject(selfDevelopmentFields).refine(...endsAfterStart);
export const selfDevelopmentUpdateSchema = z
  .strictObject({ ...selfDevelopmentFields, version: z.int('版は整数で指定してください').positive('版が正しくありません') })
  .refine(...endsAfterStart);
export type SelfDevelopmentInput = z.output<typeof selfDevelopmentInputSchema>;

export const studyGroupInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'グループ名を入力してください').max(100, 'グループ名は100文字以内で入力してください'),
  description: z.string().trim().max(1000, '説明は1000文字以内で入力してください').default(''),
  startsOn: isoDate('活動開始日'),
});
export type StudyGroupInput = z.output<typeof studyGroupInputSchema>;

export const studyGroupActivityInputSchema = z.strictObject({
  heldOn: isoDate('活動日'),
  title: z.string().trim().min(1, '活動内容を入力してください').max(200, '活動内容は200文字以内で入力してください'),
  hours,
  note,
});
export type StudyGroupActivityInput = z.output<typeof studyGroupActivityInputSchema>;

/** The owner may change or delete a record until the supervisor confirms it (a returned one is edited and resubmitted). */
export const isEditableByOwner = (status: SelfDevelopmentStatus): boolean => status !== 'confirmed';

export type ReviewAction = 'confirm' | 'return';
export type ReviewOutcome = { ok: true; to: SelfDevelopmentStatus } | { ok: false; reason: 'not-awaiting' | 'own-record' };

/** The supervisor confirms or returns a record waiting for them; nobody reviews their own record. */
export function review(input: { status: SelfDevelopmentStatus; ownerStaffId: number; reviewerStaffId: number | null; action: ReviewAction }): ReviewOutcome {
  if (input.reviewerStaffId !== null && input.reviewerStaffId === input.ownerStaffId) return { ok: false, reason: 'own-record' };
  if (input.status !== 'recorded') return { ok: false, reason: 'not-awaiting' };
  return { ok: true, to: input.action === 'confirm' ? 'confirmed' : 'returned' };
}

/** A record or a session belongs to a sheet's period when it starts within it (both ends inclusive). */
export const isStartedWithin = (startedOn: string, period: { startsOn: string; endsOn: string }): boolean =>
  startedOn >= period.startsOn && startedOn <= period.endsOn;

/** The self-development record a member makes of a group's activity with one click. */
export function recordOfActivity(group: { name: string }, activity: { heldOn: string; title: string; hours: number | null; note: string }): SelfDevelopmentInput {
  return { kind: 'study-group', title: `${group.name}: ${activity.title}`.slice(0, 200), startedOn: activity.heldOn, endedOn: activity.heldOn, hours: activity.hours, note: activity.note };
}

export type SelfDevelopmentRecord = {
  id: number;
  staffId: number;
  employeeNumber: string;
  name: string;
  kind: SelfDevelopmentKind;
  title: string;
  startedOn: string;
  endedOn: string | null;
  hours: number | null;
  note: string;
  groupId: number | null;
  status: SelfDevelopmentStatus;
  confirmedByName: string | null;
  confirmedAt: string | null;
  /** the supervisor's comment on the last confirmation or return */
  reviewComment: string;
  version: number;
};
export type SelfDevelopmentList = { items: SelfDevelopmentRecord[] };
export type SelfDevelopmentUpdate = SelfDevelopmentInput & { version: number };
export type ReviewInput = { version: number; comment: string };

export type StudyGroupMember = { staffId: number; employeeNumber: string; name: string; joinedOn: string; isLeader: boolean };
export type StudyGroupActivity = {
  id: number;
  heldOn: string;
  title: string;
  hours: number | null;
  note: string;
  createdByName: string | null;
  /** the reader has already recorded it as self-development */
  isRecordedByMe: boolean;
};
export type StudyGroupSummary = { id: number; name: string; description: string; startsOn: string; leaderName: string | null; isLeader: boolean; memberCount: number; version: number };
export type StudyGroupDetail = StudyGroupSummary & { members: StudyGroupMember[]; activities: StudyGroupActivity[] };
export type StudyGroupList = { items: StudyGroupSummary[] };

/** One line of 「研修の受講・自己啓発(記録から)」 on a performance sheet. */
export type SheetTrainingRecord = {
  source: 'training' | 'self-development';
  id: number;
  title: string;
  /** the course's mode for trainings ('classroom' …), the self-development kind otherwise */
  kind: string;
  kindLabel: string;
  startedOn: string;
  endedOn: string | null;
  hours: number | null;
};
