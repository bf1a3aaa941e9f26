/**
 * 休業・休職 (periods away): what kinds there are, how HR enters them, and the two facts other areas read —
 * whether someone is away on a date, and whether they came back recently (the training target 「休業からの復帰」,
 * 両立支援研修). A period's end date is its last day away; null while the person is still away.
 */
import { z } from 'zod';
import { addDays, isValidIsoDate } from '../common/fiscal-year.js';

export const leaveKinds = ['childcare', 'family-care', 'sickness', 'other'] as const;
export type LeaveKind = (typeof leaveKinds)[number];
export const leaveKindLabels: Record<LeaveKind, string> = {
  childcare: '育児休業',
  'family-care': '介護休業',
  sickness: '病気休職',
  other: 'その他の休業・休職',
};

export type StaffLeave = { id: number; staffId: number; kind: LeaveKind; startsOn: string; endsOn: string | null; note: string };

const isoDate = z.string().refine(isValidIsoDate, '日付は YYYY-MM-DD の形式で入力してください');
export const leaveInputSchema = z
  .strictObject({
    kind: z.enum(leaveKinds, '種類を選んでください'),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    note: z.string().trim().max(200, '備考は200文字以内で入力してください').default(''),
  })
  .refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, { message: '終了日は開始日以降にしてください', path: ['endsOn'] });
export type LeaveInput = z.infer<typeof leaveInputSchema>;

const overlaps = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);

/** A person's periods away may not overlap (the id being edited is left out). */
export function overlappingLeave(existing: readonly StaffLeave[], input: Pick<LeaveInput, 'startsOn' | 'endsOn'>, editingId: number | null): StaffLeave | undefined {
  return existing.find((l) => l.id !== editingId && overlaps(l, input));
}

/** The period the person is away in on `date`, if any. */
export function leaveOn(leaves: readonly StaffLeave[], date: string): StaffLeave | undefined {
  return leaves.find((l) => l.startsOn <= date && (l.endsOn === null || l.endsOn >= date));
}

/** Months after the return during which someone counts as 「休業からの復帰」 (a training setting; default 12). */
export const defaultReturnWindowMonths = 12;

/**
 * The latest period away that ended before `date` with the return (the day after its end) within `windowMonths`
 * months before `date`, when the person is not away again on `date`.
 */
export function recentReturn(leaves: readonly StaffLeave[], date: string, windowMonths: number): StaffLeave | undefined {
  if (leaveOn(leaves, date)) return undefined;
  const windowStart = monthsBefore(date, windowMonths);
  return leaves
    .filter((l) => l.endsOn !== null && l.endsOn < date && addDays(l.endsOn, 1) >= windowStart)
    .sort((a, b) => (a.endsOn! < b.endsOn! ? 1 : -1))[0];
}

function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
