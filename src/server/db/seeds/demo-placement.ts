/**
 * Demo placement inputs (issue 5) for みどり野市 (デモ): transfer wishes for the 年度 of the next April 1 from a share of
 * the rotation-period staff (most at the end of the period, not all — so R4 flags some), 定数 per unit and position
 * level close to the current headcounts (some units tight, a couple already over), and a few HR-recorded expertise
 * fields. Deterministic for a seed and a date; obviously fictitious; skipped when the city has any placement input.
 */
import { nextAprilFirst, fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { positionLevels, type PositionLevel } from '../../../domain/org/org-model.js';
import { isAtRotationEnd, isRotationCandidate, isPastRotation } from '../../../domain/placement/rules.js';
import { loadPlacementFactsWith } from '../../placement/facts.service.js';
import {
  findMunicipalityIdByCode,
  hasPlacementInputs,
  insertExpertiseBatch,
  insertQuotasBatch,
  insertWishesBatch,
} from '../../placement/rules.repository.js';
import { demoMunicipality } from './demo-city.js';
import { createPrng } from './prng.js';
import type { DemoAreaSeeder } from './demo-areas.js';

const wishReasons = [
  '窓口以外の業務も経験したい(デモ)',
  '福祉の現場で住民と関わりたい(デモ)',
  '企画・政策の仕事に挑戦したい(デモ)',
  '税務の知識を深めたい(デモ)',
  '子育てと両立しやすい職場を希望(デモ)',
  '',
];
const demoFields = ['税務', '福祉', '都市計画', '情報政策', '防災', '子育て支援', '財政'];

export const demoPlacementSeeder: DemoAreaSeeder = {
  label: '配置ルール',
  async seed(database, opts) {
    const exec = database.db;
    const municipalityId = await findMunicipalityIdByCode(exec, demoMunicipality.code);
    if (municipalityId === undefined || (await hasPlacementInputs(exec, municipalityId))) return { wishes: 0, quotas: 0, expertise: 0 };
    const effectiveDate = nextAprilFirst(opts.today);
    const fiscalYear = fiscalYearOf(effectiveDate);
    const facts = await loadPlacementFactsWith(exec, municipalityId, effectiveDate);
    const rng = createPrng(opts.seed).fork(`placement-${effectiveDate}`);
    const unitIds = facts.units.map((u) => u.unitId);

    // Wishes: 65% of those at the end of ① (the rest stay flagged by R4), 25% of the other R1 candidates.
    const wishes: Array<{ staffId: number; fiscalYear: number; rank: number; unitId: number; reason: string }> = [];
    for (const p of facts.people) {
      const share = isAtRotationEnd(p, facts) ? 0.65 : isRotationCandidate(p, facts) ? 0.25 : 0;
      const personRng = rng.fork(p.staffId);
      if (share === 0 || !personRng.chance(share)) continue;
      const choices = personRng.shuffle(unitIds.filter((id) => id !== p.currentUnitId)).slice(0, personRng.int(1, 3));
      choices.forEach((unitId, i) => wishes.push({ staffId: p.staffId, fiscalYear, rank: i + 1, unitId, reason: i === 0 ? personRng.pick(wishReasons) : '' }));
    }

    // 定数: per unit and level with members, the headcount (tight) or one more; a few units one below (already over).
    const quotas: Array<{ unitId: number; level: PositionLevel; fiscalYear: number; headcount: number }> = [];
    for (const u of facts.units) {
      const unitRng = rng.fork(`quota-${u.unitId}`);
      const kind = unitRng.weighted([
        ['room', 55],
        ['tight', 40],
        ['over', 5],
      ] as const);
      for (const level of positionLevels) {
        const n = u.headcount[level] ?? 0;
        if (n === 0 && level !== 'staff') continue;
        const headcount = kind === 'room' ? n + 1 : kind === 'tight' ? n : Math.max(0, n - 1);
        quotas.push({ unitId: u.unitId, level, fiscalYear, headcount });
      }
    }

    // Expertise: about one in ten past ① gets a field recorded by HR (a qualification or a long career in it).
    const expertise: Array<{ staffId: number; field: string; note: string }> = [];
    for (const p of facts.people) {
      const personRng = rng.fork(`expertise-${p.staffId}`);
      if (!isPastRotation(p) || !personRng.chance(0.1)) continue;
      expertise.push({ staffId: p.staffId, field: personRng.pick(demoFields), note: 'デモ: 人事担当の聞き取り' });
    }

    await database.db.transaction(async (tx) => {
      await insertWishesBatch(tx, municipalityId, wishes);
      await insertQuotasBatch(tx, municipalityId, quotas);
      await insertExpertiseBatch(tx, municipalityId, expertise);
    });
    return { wishes: wishes.length, quotas: quotas.length, expertise: expertise.length };
  },
};
