/** Evaluator and confirmer relations (staff_relations): rule-derived rows and HR's manual overrides. */
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { staff, staffRelations } from '../db/schema/org.js';
import type { RelationKind } from '../../domain/org/org-model.js';

export type RelationRow = {
  id: number;
  kind: RelationKind;
  subjectStaffId: number;
  holderStaffId: number;
  source: 'rule' | 'manual';
  reason: string | null;
  startsOn: string;
  endsOn: string | null;
};

/** The columns of a relation row as every reader takes them (also the transfer-plan apply record). */
export const relationColumns = {
  id: staffRelations.id,
  kind: staffRelations.kind,
  subjectStaffId: staffRelations.subjectStaffId,
  holderStaffId: staffRelations.holderStaffId,
  source: staffRelations.source,
  reason: staffRelations.reason,
  startsOn: staffRelations.startsOn,
  endsOn: staffRelations.endsOn,
};

const typed = <T extends { kind: string; source: string }>(r: T) => ({ ...r, kind: r.kind as RelationKind, source: r.source as 'rule' | 'manual' });

/** Open-ended, or ending on `date` or later. */
const notEndedBefore = (date: string) => or(isNull(staffRelations.endsOn), gte(staffRelations.endsOn, date));

const inForceOn = (date: string) => and(lte(staffRelations.startsOn, date), notEndedBefore(date));

const subject = aliasedTable(staff, 'subject');
const holder = aliasedTable(staff, 'holder');

/** Every relation (history included) where the person is the subject or the holder, newest first, with both names. */
export async function listRelationsInvolving(exec: Executor, municipalityId: number, staffId: number) {
  const rows = await exec
    .select({
      ...relationColumns,
      subjectFamilyName: subject.familyName,
      subjectGivenName: subject.givenName,
      holderFamilyName: holder.familyName,
      holderGivenName: holder.givenName,
    })
    .from(staffRelations)
    .innerJoin(subject, eq(subject.id, staffRelations.subjectStaffId))
    .innerJoin(holder, eq(holder.id, staffRelations.holderStaffId))
    .where(
      and(
        eq(staffRelations.municipalityId, municipalityId),
        or(eq(staffRelations.subjectStaffId, staffId), eq(staffRelations.holderStaffId, staffId)),
      ),
    )
    .orderBy(desc(staffRelations.startsOn), asc(staffRelations.kind), desc(staffRelations.id));
  return rows.map(typed);
}

/** Relations of the given subjects in force on `date` (both sources). */
export async function listRelationsOfSubjectsOn(exec: Executor, municipalityId: number, subjectStaffIds: readonly number[], date: string) {
  if (subjectStaffIds.length === 0) return [];
  const rows = await exec
    .select(relationColumns)
    .from(staffRelations)
    .where(and(eq(staffRelations.municipalityId, municipalityId), inArray(staffRelations.subjectStaffId, [...subjectStaffIds]), inForceOn(date)));
  return rows.map(typed);
}

/** Manual relations in force on `date` (they settle what the rules could not). */
export async function listManualRelationsOn(exec: Executor, municipalityId: number, date: string) {
  const rows = await exec
    .select(relationColumns)
    .from(staffRelations)
    .where(and(eq(staffRelations.municipalityId, municipalityId), eq(staffRelations.source, 'manual'), inForceOn(date)));
  return rows.map(typed);
}

/**
 * Rule rows in force on `date` or starting later: what a derivation for `date` reconsiders (with their creation
 * time, so that a removed row can be put back whole when a transfer plan's apply is undone).
 */
export async function listRuleRelationsFrom(exec: Executor, municipalityId: number, date: string) {
  const rows = await exec
    .select({ ...relationColumns, createdAt: staffRelations.createdAt })
    .from(staffRelations)
    .where(
      and(
        eq(staffRelations.municipalityId, municipalityId),
        eq(staffRelations.source, 'rule'),
        notEndedBefore(date),
      ),
    );
  return rows.map(typed);
}

/** Manual rows of the subject and kind overlapping [startsOn, endsOn]. */
export async function listOverlappingManualRelations(
  exec: Executor,
  municipalityId: number,
  v: { subjectStaffId: number; kind: RelationKind; startsOn: string; endsOn: string | null; exceptId?: number },
) {
  const rows = await exec
    .select(relationColumns)
    .from(staffRelations)
    .where(
      and(
        eq(staffRelations.municipalityId, municipalityId),
        eq(staffRelations.source, 'manual'),
        eq(staffRelations.subjectStaffId, v.subjectStaffId),
        eq(staffRelations.kind, v.kind),
        v.endsOn === null ? undefined : lte(staffRelations.startsOn, v.endsOn),
        notEndedBefore(v.startsOn),
        v.exceptId === undefined ? undefined : ne(staffRelations.id, v.exceptId),
      ),
    );
  return rows.map(typed);
}

export async function findRelation(exec: Executor, municipalityId: number, relationId: number): Promise<RelationRow | undefined> {
  const [row] = await exec
    .select(relationColumns)
    .from(staffRelations)
    .where(and(eq(staffRelations.municipalityId, municipalityId), eq(staffRelations.id, relationId)));
  return row === undefined ? undefined : typed(row);
}

export type NewRelation = Omit<RelationRow, 'id'> & { municipalityId: number };

export async function insertRelation(exec: Executor, v: NewRelation): Promise<number> {
  const [row] = await exec.insert(staffRelations).values(v).returning({ id: staffRelations.id });
  return row!.id;
}

/** Many rows at once, in batches (a whole city's derivation is tens of thousands of rows); answers their ids. */
export async function insertRelations(exec: Executor, rows: readonly NewRelation[]): Promise<Array<{ id: number; subjectStaffId: number }>> {
  const batchSize = 1000;
  const inserted: Array<{ id: number; subjectStaffId: number }> = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    inserted.push(
      ...(await exec
        .insert(staffRelations)
        .values(rows.slice(i, i + batchSize))
        .returning({ id: staffRelations.id, subjectStaffId: staffRelations.subjectStaffId })),
    );
  }
  return inserted;
}

/** Sets the last day of the given rows (null: open-ended again). */
export async function setRelationsEndsOn(exec: Executor, relationIds: readonly number[], lastDay: string | null): Promise<void> {
  const batchSize = 5000;
  for (let i = 0; i < relationIds.length; i += batchSize) {
    await exec
      .update(staffRelations)
      .set({ endsOn: lastDay })
      .where(inArray(staffRelations.id, relationIds.slice(i, i + batchSize)));
  }
}

export async function deleteRelations(exec: Executor, relationIds: readonly number[]): Promise<void> {
  const batchSize = 5000;
  for (let i = 0; i < relationIds.length; i += batchSize) {
    await exec.delete(staffRelations).where(inArray(staffRelations.id, relationIds.slice(i, i + batchSize)));
  }
}

/**
 * The days after `date` on which the rules could derive something else: a regular post or a unit version begins,
 * or the day after one ends. Ascending, as YYYY-MM-DD.
 */
export async function listRelationChangeDatesAfter(exec: Executor, municipalityId: number, date: string): Promise<string[]> {
  const rows = await queryRows<{ d: string }>(
    exec,
    sql`select distinct to_char(d, 'YYYY-MM-DD') as d from (
          select starts_on as d from assignments where municipality_id = ${municipalityId} and kind = 'regular' and starts_on > ${date}
          union select ends_on + 1 from assignments where municipality_id = ${municipalityId} and kind = 'regular' and ends_on is not null and ends_on + 1 > ${date}
          union select starts_on from org_unit_versions where municipality_id = ${municipalityId} and starts_on > ${date}
          union select ends_on + 1 from org_unit_versions where municipality_id = ${municipalityId} and ends_on is not null and ends_on + 1 > ${date}
        ) changes order by 1`,
  );
  return rows.map((r) => r.d);
}
