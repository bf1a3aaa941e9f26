/**
 * 適用の取り消し (undoing the apply of a transfer plan, ADR 0014): what an apply wrote, the per-person fingerprint
 * that tells whether anything touched the affected people since, and the rule that decides whether the apply may
 * still be undone. Pure: the server reads the rows, hashes the canonical texts and writes.
 */

/** An assignment as the fingerprint sees it: every column that a later change could alter. */
export type AssignmentRecord = {
  id: number;
  staffId: number;
  unitId: number;
  positionId: number;
  kind: string;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
};

/** An evaluator/confirmer row (staff_relations) as the fingerprint sees it. */
export type RelationRecord = {
  id: number;
  kind: string;
  subjectStaffId: number;
  holderStaffId: number;
  source: string;
  reason: string | null;
  startsOn: string;
  endsOn: string | null;
};

/** A relation row the apply removed, whole, so that the undo can put it back with its id and creation time. */
export type RemovedRelation = RelationRecord & { createdAt: string };

/** What one apply wrote, in the order the undo reverses it. Stored as transfer_plan_apply_logs.changes. */
export type PlanApplyChanges = {
  /** the regular posts in force the day before that the apply ended that day, with their end before */
  assignmentsEnded: Array<{ id: number; staffId: number; endsOnBefore: string | null }>;
  /** the posts it created from the effective date */
  assignmentsCreated: Array<{ id: number; staffId: number }>;
  /** rule rows the re-derivation deleted (derived for a later day, or begun on the date and no longer holding) */
  relationsRemoved: RemovedRelation[];
  /** rule rows it ended the day before the date, with their end before */
  relationsEnded: Array<{ id: number; subjectStaffId: number; endsOnBefore: string | null }>;
  /** rule rows a derivation for a later day had ended and that it made open-ended again, with their end before */
  relationsReopened: Array<{ id: number; subjectStaffId: number; endsOnBefore: string | null }>;
  /** rule rows it inserted from the date */
  relationsCreated: Array<{ id: number; subjectStaffId: number }>;
};

/** staffId → digest of the person's assignments and relations right after the apply. */
export type PlanApplyFingerprints = Record<string, string>;

/**
 * The people whose rows the apply wrote: the movers (their posts) and every subject of a relation row it removed,
 * ended, reopened or created (a moved 係長's staff get a new evaluator, so they are affected too). Sorted.
 */
export function affectedPeople(changes: PlanApplyChanges): number[] {
  const ids = new Set<number>();
  for (const a of changes.assignmentsEnded) ids.add(a.staffId);
  for (const a of changes.assignmentsCreated) ids.add(a.staffId);
  for (const r of changes.relationsRemoved) ids.add(r.subjectStaffId);
  for (const r of changes.relationsEnded) ids.add(r.subjectStaffId);
  for (const r of changes.relationsReopened) ids.add(r.subjectStaffId);
  for (const r of changes.relationsCreated) ids.add(r.subjectStaffId);
  return [...ids].sort((a, b) => a - b);
}

/** The counts the audit rows and the API report. */
export function changeCounts(changes: PlanApplyChanges) {
  return {
    assignmentsEnded: changes.assignmentsEnded.length,
    assignmentsCreated: changes.assignmentsCreated.length,
    relationsRemoved: changes.relationsRemoved.length,
    relationsEnded: changes.relationsEnded.length,
    relationsReopened: changes.relationsReopened.length,
    relationsCreated: changes.relationsCreated.length,
  };
}

const byId = <T extends { id: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id - b.id);
const assignmentTuple = (a: AssignmentRecord) => [a.id, a.unitId, a.positionId, a.kind, a.dispatchTo, a.startsOn, a.endsOn];
const relationTuple = (r: RelationRecord) => [r.id, r.kind, r.subjectStaffId, r.holderStaffId, r.source, r.reason, r.startsOn, r.endsOn];

/**
 * The canonical text of each person's rows — every assignment of the person (any kind), every relation row in which
 * they are the subject or the holder — by id. Ids are part of it: an import that rewrites a history with the same
 * content still replaces the rows the undo would restore. The server stores a digest of each text.
 */
export function canonicalPeopleRows(
  staffIds: readonly number[],
  assignments: readonly AssignmentRecord[],
  relations: readonly RelationRecord[],
): Map<number, string> {
  const wanted = new Set(staffIds);
  const rows = new Map<number, { assignments: AssignmentRecord[]; subject: RelationRecord[]; holder: RelationRecord[] }>(
    staffIds.map((id) => [id, { assignments: [], subject: [], holder: [] }]),
  );
  for (const a of assignments) if (wanted.has(a.staffId)) rows.get(a.staffId)!.assignments.push(a);
  for (const r of relations) {
    if (wanted.has(r.subjectStaffId)) rows.get(r.subjectStaffId)!.subject.push(r);
    if (wanted.has(r.holderStaffId)) rows.get(r.holderStaffId)!.holder.push(r);
  }
  const texts = new Map<number, string>();
  for (const [staffId, own] of rows) {
    texts.set(
      staffId,
      JSON.stringify({ assignments: byId(own.assignments).map(assignmentTuple), subject: byId(own.subject).map(relationTuple), holder: byId(own.holder).map(relationTuple) }),
    );
  }
  return texts;
}

/** The people whose digest now differs from the one recorded right after the apply, sorted. */
export function changedPeople(recorded: PlanApplyFingerprints, current: PlanApplyFingerprints): number[] {
  const ids = new Set([...Object.keys(recorded), ...Object.keys(current)]);
  return [...ids]
    .filter((id) => recorded[id] !== current[id])
    .map(Number)
    .sort((a, b) => a - b);
}

export type UndoRefusalReason = 'not-applied' | 'no-apply-record' | 'effective-date-reached' | 'changed-since-apply';
export type UndoRefusal = { reason: UndoRefusalReason; message: string; staffIds: number[] };

/**
 * Whether the apply of a plan may be undone, and why not in Japanese:
 * - only an applied plan with its apply record (plans applied before the record existed cannot be);
 * - only while today is before the effective date: from that day the new posts are in force — access follows the
 *   relations of the day and the evaluation, training and reporting areas act on the new organisation, none of which
 *   the apply's record covers — so a mistake found then is corrected by another plan, as any transfer is;
 * - only if nobody's assignments or relations among the affected people changed since the apply (`changed`, with
 *   names; null when not checked because an earlier condition already refuses).
 * `effectiveDate` and `today` are ISO dates.
 */
export function undoApplyRefusal(input: {
  status: string;
  hasApplyRecord: boolean;
  effectiveDate: string;
  today: string;
  changed: ReadonlyArray<{ staffId: number; name: string }> | null;
  formatDate: (iso: string) => string;
}): UndoRefusal | null {
  if (input.status !== 'applied') return { reason: 'not-applied', message: 'この異動案は発令(適用)されていないため、適用を取り消せません。', staffIds: [] };
  if (!input.hasApplyRecord) {
    return {
      reason: 'no-apply-record',
      message: 'この異動案には適用の記録(取り消しに必要な、適用で書き換えた内容)がないため、適用を取り消せません。元に戻す異動案を作成して発令してください。',
      staffIds: [],
    };
  }
  if (input.today >= input.effectiveDate) {
    return {
      reason: 'effective-date-reached',
      message: `発令日(${input.formatDate(input.effectiveDate)})になったため、適用を取り消せません。取り消せるのは発令日の前日までです。元の配属に戻す異動案を作成して発令してください。`,
      staffIds: [],
    };
  }
  const changed = input.changed ?? [];
  if (changed.length > 0) {
    const listed = changed
      .slice(0, 5)
      .map((p) => (p.name ? `${p.name}さん` : `職員#${p.staffId}`))
      .join('、');
    return {
      reason: 'changed-since-apply',
      message: `適用の後に${listed}${changed.length > 5 ? `ほか${changed.length - 5}人` : ''}の配属または評価者・確認者が変更されている(別の異動案の発令、取込み、手作業の変更など)ため、適用を取り消せません。その変更を元に戻すか、元の配属に戻す異動案を作成して発令してください。`,
      staffIds: changed.map((p) => p.staffId),
    };
  }
  return null;
}
