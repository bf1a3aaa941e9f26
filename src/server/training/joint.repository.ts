/** 合同研修の参加者 (`training_external_participants`): people of co-host municipalities on a session, without accounts. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { trainingExternalParticipants } from '../db/schema/training.js';
import { municipalities, staff } from '../db/schema/org.js';

export type ExternalParticipantRow = typeof trainingExternalParticipants.$inferSelect;
export type ExternalParticipantValues = Pick<
  ExternalParticipantRow,
  'fromMunicipality' | 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'unitName' | 'positionName' | 'status'
>;

export async function listExternalParticipants(exec: Executor, municipalityId: number, sessionId: number): Promise<ExternalParticipantRow[]> {
  return exec
    .select()
    .from(trainingExternalParticipants)
    .where(and(eq(trainingExternalParticipants.municipalityId, municipalityId), eq(trainingExternalParticipants.sessionId, sessionId)))
    .orderBy(asc(trainingExternalParticipants.fromMunicipality), asc(trainingExternalParticipants.familyNameKana), asc(trainingExternalParticipants.id));
}

export async function findExternalParticipant(exec: Executor, municipalityId: number, participantId: number): Promise<ExternalParticipantRow | undefined> {
  const [row] = await exec
    .select()
    .from(trainingExternalParticipants)
    .where(and(eq(trainingExternalParticipants.municipalityId, municipalityId), eq(trainingExternalParticipants.id, participantId)));
  return row;
}

export async function insertExternalParticipant(exec: Executor, municipalityId: number, sessionId: number, values: ExternalParticipantValues): Promise<ExternalParticipantRow> {
  const [row] = await exec
    .insert(trainingExternalParticipants)
    .values({ ...values, municipalityId, sessionId })
    .returning();
  return row!;
}

/** Changes the participant if still at `version` (undefined: changed since); a version of null skips the check (imports). */
export async function updateExternalParticipant(
  exec: Executor,
  municipalityId: number,
  participantId: number,
  version: number | null,
  values: ExternalParticipantValues,
): Promise<ExternalParticipantRow | undefined> {
  const conditions = [eq(trainingExternalParticipants.municipalityId, municipalityId), eq(trainingExternalParticipants.id, participantId)];
  if (version !== null) conditions.push(eq(trainingExternalParticipants.version, version));
  const [row] = await exec
    .update(trainingExternalParticipants)
    .set({ ...values, version: sql`${trainingExternalParticipants.version} + 1` })
    .where(and(...conditions))
    .returning();
  return row;
}

export async function getMunicipalityName(exec: Executor, municipalityId: number): Promise<string> {
  const [row] = await exec.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return row?.name ?? '';
}

/** The kana of the given staff (the roster carries them so the co-host can tell people apart). */
export async function listStaffKana(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<Map<number, { familyNameKana: string; givenNameKana: string }>> {
  if (staffIds.length === 0) return new Map();
  const rows = await exec
    .select({ id: staff.id, familyNameKana: staff.familyNameKana, givenNameKana: staff.givenNameKana })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...staffIds])));
  return new Map(rows.map((r) => [r.id, { familyNameKana: r.familyNameKana, givenNameKana: r.givenNameKana }]));
}
