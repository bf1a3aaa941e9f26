/**
 * Demo self-declaration (issue 6 item 1) for みどり野市 (デモ): this 年度's campaign, open from two weeks ago for
 * another month, with about 60% of the staff submitted and some drafts. Texts are obviously fictitious. The
 * transfer wishes of the submitted declarations go to transfer_wishes (source 'self-declaration') unless HR
 * entered wishes for the person already (HR wins, ADR 0019). The demo logins A0001–A0009 get nothing, so the
 * journeys start clean. Deterministic for a seed and a date; skipped when the city has any campaign.
 */
import { addDays, clampDate, fiscalYearRange } from '../../../domain/common/fiscal-year.js';
import { formatFiscalYear } from '../../../domain/common/wareki.js';
import { continueWorkingKey, defaultSelfDeclarationForm, wishRowsOf, type Answers, type TransferWishAnswer } from '../../../domain/workplace/self-declaration-form.js';
import { campaignFiscalYear, wishEffectiveDate, wishFiscalYear } from '../../../domain/workplace/self-declaration-campaign.js';
import {
  countHrWishes,
  findMunicipalityIdByCode,
  insertCampaign,
  insertDeclarationsBatch,
  listCampaigns,
  listPopulation,
  listUnitTreeOn,
  replaceSelfDeclarationWishes,
} from '../../workplace/self-declaration.repository.js';
import { demoMunicipality } from './demo-city.js';
import { createPrng } from './prng.js';
import type { DemoAreaSeeder } from './demo-areas.js';

const careerNotes = ['(デモ)窓口業務の経験を活かしたい', '(デモ)いろいろな分野を経験したい', '(デモ)企画の仕事に挑戦したい', ''];
const reasons = ['(デモ)これまでの経験を活かしたい', '(デモ)新しい分野を学びたい', '(デモ)通勤の事情', ''];
const qualifications = ['(デモ)架空検定3級', '(デモ)架空資格試験 合格', '', ''];
const demoLogins = /^A000[1-9]$/;

export const demoSelfDeclarationSeeder: DemoAreaSeeder = {
  label: '自己申告',
  async seed(database, opts) {
    const exec = database.db;
    const municipalityId = await findMunicipalityIdByCode(exec, demoMunicipality.code);
    if (municipalityId === undefined || (await listCampaigns(exec, municipalityId)).length > 0) return { campaigns: 0, submitted: 0, drafts: 0, wishes: 0 };
    const fiscalYear = campaignFiscalYear(opts.today);
    const range = fiscalYearRange(fiscalYear);
    const opensOn = clampDate(addDays(opts.today, -14), range.startsOn, range.endsOn);
    const closesOn = clampDate(addDays(opts.today, 30), opts.today, range.endsOn);
    const rng = createPrng(opts.seed).fork(`self-declaration-${fiscalYear}`);
    return database.db.transaction(async (tx) => {
      const campaign = await insertCampaign(tx, {
        municipalityId,
        fiscalYear,
        title: `${formatFiscalYear(fiscalYear, 'wareki')} 自己申告`,
        opensOn,
        closesOn,
        form: defaultSelfDeclarationForm,
      });
      if (!campaign) return { campaigns: 0, submitted: 0, drafts: 0, wishes: 0 };
      const people = (await listPopulation(tx, municipalityId, campaign.id, opts.today, { careerIntentionKey: null, transferWishKey: null })).filter(
        (p) => !demoLogins.test(p.employeeNumber),
      );
      const tree = await listUnitTreeOn(tx, municipalityId, wishEffectiveDate(opensOn));
      const parents = new Set(tree.map((u) => u.parentId));
      const leaves = tree.filter((u) => !parents.has(u.unitId)).map((u) => u.unitId);
      const rows: Array<Parameters<typeof insertDeclarationsBatch>[1][number]> = [];
      const wishes: Array<{ staffId: number; rows: ReturnType<typeof wishRowsOf> }> = [];
      for (const p of people) {
        const r = rng.fork(p.staffId);
        const roll = r.next();
        if (roll >= 0.7) continue; // not started
        const isSubmitted = roll < 0.6;
        const wantsMove = r.chance(0.3);
        const wish: TransferWishAnswer = wantsMove
          ? { wish: 'yes', units: r.shuffle(leaves.filter((u) => u !== p.unitId)).slice(0, r.int(1, 3)).map((unitId) => ({ unitId, reason: r.pick(reasons) })) }
          : { wish: 'no', units: [] };
        const answers: Answers = {
          workSatisfaction: r.int(2, 5),
          workload: r.int(1, 5),
          careerIntention: r.pick(['specialist', 'generalist', 'undecided']),
          careerNote: r.pick(careerNotes),
          transferWish: wish,
          familyCircumstances: r.chance(0.15) ? [r.pick(['childcare', 'familyCare'])] : [],
          familyNote: '',
          healthConcerns: '',
          qualificationsGained: r.pick(qualifications),
          messageToHr: r.chance(0.1) ? '(デモ)架空の連絡事項です' : '',
        };
        // The commitment indicator (fellow matching): most want to stay, a few think of leaving, some leave it blank.
        const staying = r.fork('continue-working').pick(['yes', 'yes', 'yes', 'ratherYes', 'ratherYes', 'ratherNo', 'no', null]);
        if (staying) answers[continueWorkingKey] = staying;
        const day = addDays(opensOn, r.int(0, 13));
        const at = new Date(`${day > opts.today ? opts.today : day}T10:00:00+09:00`).toISOString();
        rows.push({ municipalityId, campaignId: campaign.id, staffId: p.staffId, answers, status: isSubmitted ? 'submitted' : 'draft', submittedAt: isSubmitted ? at : null, updatedAt: at });
        if (isSubmitted) wishes.push({ staffId: p.staffId, rows: wishRowsOf(wish) });
      }
      await insertDeclarationsBatch(tx, rows);
      const year = wishFiscalYear(opensOn);
      let written = 0;
      for (const w of wishes) {
        if (w.rows.length === 0 || (await countHrWishes(tx, municipalityId, w.staffId, year)) > 0) continue;
        await replaceSelfDeclarationWishes(tx, municipalityId, w.staffId, year, w.rows);
        written += w.rows.length;
      }
      return { campaigns: 1, submitted: wishes.length, drafts: rows.length - wishes.length, wishes: written };
    });
  },
};
