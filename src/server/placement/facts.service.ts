/**
 * The placement facts (issue 5) as of a plan's effective date: who can be moved, their career phase, tenure,
 * frontline experience, expertise and wishes, and the placeable units with 定数 and headcount. Shared by the rules
 * page, the transfer plans and the optimiser. Loaded in a handful of set-based queries, then built in memory by the
 * pure `buildPlacementFacts` (career.ts per person).
 */
import type { ServiceContext } from '../http/context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { isValidIsoDate, addDays } from '../../domain/common/fiscal-year.js';
import type { PlacementFacts } from '../../domain/placement/placement-model.js';
import { buildPlacementFacts, movableEmploymentTypes, placementFiscalYear } from '../../domain/placement/placement-facts.js';
import { listPositions, listUnitEvents, listUnitVersions } from '../org/org.repository.js';
import { getOrgSettings } from '../org/settings.service.js';
import { getPlacementSettings } from './placement-settings.service.js';
import {
  listAssignmentsOfMovableStaff,
  listExpertiseFields,
  listQuotasInForce,
  listMovableStaff,
  listWishesOfYear,
} from './facts.repository.js';

/** The facts from any executor (a transaction of the plans' apply step, a worker's connection). */
export async function loadPlacementFactsWith(exec: Executor, municipalityId: number, effectiveDate: string): Promise<PlacementFacts> {
  if (!isValidIsoDate(effectiveDate)) throw new AppError('common.validation', `発令日「${effectiveDate}」は正しい日付ではありません。`);
  const eve = addDays(effectiveDate, -1);
  const fiscalYear = placementFiscalYear(effectiveDate);
  // One after the other: `exec` may be a transaction, i.e. a single connection.
  const orgSettings = await getOrgSettings(exec, municipalityId);
  const placementSettings = await getPlacementSettings(exec, municipalityId);
  const versions = await listUnitVersions(exec, municipalityId);
  const events = await listUnitEvents(exec, municipalityId);
  const positions = await listPositions(exec, municipalityId);
  const staff = await listMovableStaff(exec, municipalityId, eve, movableEmploymentTypes);
  const assignments = await listAssignmentsOfMovableStaff(exec, municipalityId, eve, movableEmploymentTypes, effectiveDate);
  const expertise = await listExpertiseFields(exec, municipalityId);
  const wishes = await listWishesOfYear(exec, municipalityId, fiscalYear);
  const quotas = await listQuotasInForce(exec, municipalityId, fiscalYear);
  return buildPlacementFacts({
    effectiveDate,
    orgSettings,
    placementSettings,
    versions,
    events,
    positions,
    staff,
    assignments,
    expertise,
    wishes,
    quotas,
  });
}

/** The placement facts of the actor's municipality as of `effectiveDate` ('YYYY-MM-DD'). */
export async function loadPlacementFacts(ctx: ServiceContext, effectiveDate: string): Promise<PlacementFacts> {
  return loadPlacementFactsWith(ctx.database.db, ctx.actor.municipalityId, effectiveDate);
}
