/**
 * Generated placement instances for the optimiser's tests and bench: a city of `staff` people in `units` leaf units,
 * seeded (same seed → same facts). Pure; no database.
 */
import type { CareerPhase, PositionLevel } from '../../../domain/org/org-model.js';
import { defaultPlacementSettings, type PlacementFacts, type PlacementPerson, type PlacementUnit, type PlanConstraint, type WishRank } from '../../../domain/placement/placement-model.js';
import { createPrng } from '../../db/seeds/prng.js';

const fields = ['土木', '建築', '福祉', '税務', '情報', '保健', '教育', '財務'];

export type InstanceSpec = {
  seed: number;
  staff: number;
  units: number;
  /** share of units with a 定数 above the headcount at some level (vacancies) */
  vacancyShare?: number;
  continuity?: { share: number; count: number; penalty: number };
  /** many more movers (a third with wishes, long stays): small instances for the tests that stress the model */
  moverRich?: boolean;
};

export function generateFacts(spec: InstanceSpec): PlacementFacts {
  const rng = createPrng(spec.seed);
  const units: PlacementUnit[] = [];
  for (let i = 0; i < spec.units; i++) {
    units.push({
      unitId: 1000 + i,
      name: `第${i + 1}係`,
      path: `第${Math.floor(i / 4) + 1}課`,
      isFrontline: rng.chance(0.35),
      expertiseField: rng.chance(0.6) ? rng.pick(fields) : null,
      quotas: {},
      headcount: {},
    });
  }
  const people: PlacementPerson[] = [];
  for (let k = 0; k < spec.staff; k++) {
    const staffId = 1 + k * 3 + rng.int(0, 2);
    const years = rng.int(0, 35);
    const phase: CareerPhase | null = rng.chance(0.04) ? null : years < 10 ? 'rotation' : years < 20 ? 'core' : 'expert';
    const level: PositionLevel = years < 12 ? 'staff' : years < 25 ? rng.weighted<PositionLevel>([['staff', 2], ['supervisor', 3]]) : rng.weighted<PositionLevel>([['supervisor', 2], ['chief', 1], ['manager', 1]]);
    const unit = rng.pick(units);
    // about a fifth of the staff are movers (R1 candidates, R2, wishes, due past ①), as in the sizes
    const rich = spec.moverRich === true;
    const yearsInUnit = Math.min(
      years,
      phase === 'rotation' ? (rng.chance(rich ? 0.5 : 0.35) ? rng.int(3, 5) : rng.int(0, 2)) : rng.chance(rich ? 0.5 : 0.12) ? rng.int(5, 9) : rng.int(0, 4),
    );
    const wishes: PlacementPerson['wishes'] = [];
    if (rng.chance(rich ? 0.35 : 0.08)) {
      const n = rng.int(1, 3);
      const picked = rng.shuffle(units).slice(0, n);
      picked.forEach((u, i) => wishes.push({ rank: (i + 1) as WishRank, unitId: u.unitId }));
    }
    const expertiseFields = phase !== 'rotation' && rng.chance(0.7) ? [...new Set([rng.pick(fields), ...(rng.chance(0.3) ? [rng.pick(fields)] : [])])] : [];
    const isDispatched = rng.chance(0.02);
    people.push({
      staffId,
      employeeNumber: String(staffId).padStart(6, '0'),
      name: `職員${staffId}`,
      hireDate: `${2025 - years}-04-01`,
      phase,
      phaseReason: '',
      yearsSinceHire: years,
      rotationEndsAtYears: 10,
      currentUnitId: unit.unitId,
      currentPositionId: 1,
      currentPositionLevel: level,
      inUnitSince: `${2026 - yearsInUnit}-04-01`,
      yearsInUnit,
      hasFrontlineExperience: phase !== 'rotation' || rng.chance(rich ? 0.6 : 0.8),
      expertiseFields,
      wishes,
      isDispatched,
    });
  }
  for (const p of people) {
    if (p.isDispatched) continue;
    const u = units.find((x) => x.unitId === p.currentUnitId)!;
    u.headcount[p.currentPositionLevel] = (u.headcount[p.currentPositionLevel] ?? 0) + 1;
  }
  const vacancyShare = spec.vacancyShare ?? 0.5;
  for (const u of units) {
    for (const [level, n] of Object.entries(u.headcount) as Array<[PositionLevel, number]>) {
      u.quotas[level] = rng.chance(vacancyShare) ? n + rng.int(1, 2) : rng.chance(0.8) ? n : Math.max(0, n - 1);
    }
    if (rng.chance(0.3)) u.quotas.staff = (u.quotas.staff ?? 0) + 1;
  }
  const c = spec.continuity ?? { share: 0.5, count: 3, penalty: 40 };
  return {
    effectiveDate: '2026-04-01',
    settings: {
      ...defaultPlacementSettings,
      continuityMaxLeavingShare: c.share,
      continuityMaxLeavingCount: c.count,
      weights: { ...defaultPlacementSettings.weights, continuityPenalty: c.penalty },
      rotationYearsPerUnit: 3,
      expertCycleYears: 5,
    },
    people,
    units,
  };
}

/** A few pins, forbids and stays on random people (some of them invalid on purpose). */
export function generateConstraints(facts: PlacementFacts, seed: number, count: number): PlanConstraint[] {
  const rng = createPrng(seed);
  const out: PlanConstraint[] = [];
  for (let i = 0; i < count; i++) {
    const p = rng.pick(facts.people);
    const u = rng.pick(facts.units);
    const kind = rng.weighted<'pin' | 'forbid' | 'stay'>([['pin', 2], ['forbid', 3], ['stay', 1]]);
    out.push(kind === 'stay' ? { kind, staffId: p.staffId } : { kind, staffId: p.staffId, unitId: u.unitId });
  }
  return out;
}
