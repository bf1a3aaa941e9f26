/**
 * The access layer (ADR 0004): "may this actor do this to this object today?" decided from roles in force,
 * relations in force and the access matrix. Routes call it through the route guard; services call `can` for
 * field-level decisions. Denials are audited.
 */
import type { Database } from '../db/client.js';
import type { Actor } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { accessMatrix, decideAccess, type Permission, type PermissionRule, type Relation } from '../../domain/access/access-matrix.js';
import { getOrgSettings } from '../org/settings.service.js';
import { isSittingRater, isUnitHeadOfAny, isUnitHeadOfStaff, isUnitHeadOfUnit, listRelationKindsBetween, listSheetRelations } from './access.repository.js';
import { audit, type AuditSource } from './audit.service.js';

/** The object a request is about; absent for lists, where relations mean "holds such a relation to anyone". */
export type ObjectRef = {
  staffId?: number;
  unitId?: number;
  sheetId?: number;
  /** a recruitment sitting (試験の回) */
  sittingId?: number;
  /** with sittingId: an applicant of that sitting */
  applicantId?: number;
};

export async function relationsToObject(database: Database, actor: Actor, ref: ObjectRef, today: string, wanted: readonly Relation[]): Promise<Set<Relation>> {
  const found = new Set<Relation>();
  const own = actor.staffId;
  if (own === null || wanted.length === 0) return found;
  const exec = database.db;
  if (ref.sheetId !== undefined) {
    for (const relation of await listSheetRelations(exec, actor.municipalityId, ref.sheetId, own)) if (wanted.includes(relation)) found.add(relation);
    return found;
  }
  // A sitting, or (with no object at all) "rates some sitting": the relation is by assignment, not to a person.
  if (wanted.includes('sitting-rater') && (ref.sittingId !== undefined || (ref.staffId === undefined && ref.unitId === undefined))) {
    if (await isSittingRater(exec, actor.municipalityId, own, { sittingId: ref.sittingId, applicantId: ref.sittingId === undefined ? undefined : ref.applicantId })) found.add('sitting-rater');
  }
  if (ref.sittingId !== undefined) return found;
  if (wanted.includes('self') && ref.staffId === own) found.add('self');
  const needsHead = wanted.includes('unit-head');
  const needsChain = wanted.includes('evaluator') || wanted.includes('confirmer');
  if (needsHead) {
    const { unitHeadLevels } = await getOrgSettings(exec, actor.municipalityId);
    const isHead =
      ref.staffId !== undefined
        ? await isUnitHeadOfStaff(exec, own, ref.staffId, today, unitHeadLevels)
        : ref.unitId !== undefined
          ? await isUnitHeadOfUnit(exec, own, ref.unitId, today, unitHeadLevels)
          : await isUnitHeadOfAny(exec, own, today, unitHeadLevels);
    if (isHead) found.add('unit-head');
  }
  if (needsChain && ref.staffId !== undefined && ref.staffId !== own) {
    for (const kind of await listRelationKindsBetween(exec, own, ref.staffId, today)) found.add(kind);
  }
  return found;
}

export async function can(database: Database, actor: Actor, permission: Permission, ref: ObjectRef, today: string) {
  const rule = accessMatrix[permission];
  const roleHit = decideAccess(permission, actor.roles, new Set());
  if (roleHit.allowed) return roleHit;
  return decideAccess(permission, actor.roles, await relationsToObject(database, actor, ref, today, rule.relations));
}

/** Throws access.denied (and audits the denial) unless allowed; audits the read when the permission says so. */
export async function authorize(
  database: Database,
  src: AuditSource & { actor: Actor },
  permission: Permission,
  ref: ObjectRef,
  today: string,
): Promise<string> {
  const decision = await can(database, src.actor, permission, ref, today);
  const objectType =
    ref.sheetId !== undefined ? 'evaluation_sheet' : ref.sittingId !== undefined ? 'recruitment_sitting' : ref.staffId !== undefined ? 'staff' : ref.unitId !== undefined ? 'org_unit' : undefined;
  const objectId = ref.sheetId ?? ref.sittingId ?? ref.staffId ?? ref.unitId;
  if (!decision.allowed) {
    await audit(database, src, { action: permission, outcome: 'denied', objectType, objectId, ...(ref.sittingId !== undefined && ref.applicantId !== undefined ? { details: { applicantId: ref.applicantId } } : {}) });
    throw new AppError('access.denied', 'この操作を行う権限がありません。');
  }
  const rule: PermissionRule = accessMatrix[permission];
  if (rule.isAuditedRead) {
    await audit(database, src, { action: permission, outcome: 'allowed', objectType, objectId, details: { via: decision.via } });
  }
  return decision.via;
}
