/**
 * Demo stress check (issue 6 item 2) for みどり野市 (デモ): last 年度's campaign, closed, answered by about 85% of the
 * staff with synthetic answers (each unit leaning its own way, so the 判定図 has something to show), some consents,
 * interview requests and interviews; and this 年度's campaign, open for the next month, with about a third of the
 * staff part-way or done. Deterministic for a seed and a date; the answers are invented, never real health data.
 * Skipped when the city has any campaign.
 */
import { addDays, fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { questionnaireVersion, reversedItemNos, stressItems } from '../../../domain/stress-check/questionnaire.js';
import { defaultThresholds, scoreAnswers, type AnswerMap, type AnswerValue } from '../../../domain/stress-check/stress-scoring.js';
import { groupEntryScoresOf, unitPaths } from '../../../domain/stress-check/group-analysis.js';
import {
  findMunicipalityIdByCode,
  freezeUnitPaths,
  hasCampaigns,
  insertCampaign,
  insertConsentsBatch,
  insertGroupEntriesBatch,
  insertInterviewRequestsBatch,
  insertInterviewsBatch,
  insertResponsesBatch,
  insertResultsBatch,
  listGroupEntryUnitIds,
  listPlacementsOn,
  listUnitsOn,
} from '../../stress-check/stress-check.repository.js';
import { demoMunicipality } from './demo-city.js';
import { createPrng, type Prng } from './prng.js';
import type { DemoAreaSeeder } from './demo-areas.js';
import type { Tx } from '../client.js';

/** Stress-direction value 1–4 around the person's level, turned back into the stored answer position. */
function answersOf(rng: Prng, level: number): AnswerMap {
  const answers: AnswerMap = {};
  for (const item of stressItems) {
    const sv = Math.min(4, Math.max(1, Math.round(level + (rng.next() - 0.5) * 2.2)));
    answers[item.no] = (reversedItemNos.has(item.no) ? 5 - sv : sv) as AnswerValue;
  }
  return answers;
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+09:00`).toISOString();

async function seedCampaign(
  tx: Tx,
  opts: { municipalityId: number; name: string; fiscalYear: number; opensOn: string; closesOn: string; status: 'open' | 'closed'; share: number; finishedShare: number; rng: Prng; day: string },
) {
  const campaign = await insertCampaign(tx, {
    municipalityId: opts.municipalityId,
    name: opts.name,
    fiscalYear: opts.fiscalYear,
    opensOn: opts.opensOn,
    closesOn: opts.closesOn,
    status: opts.status,
    method: 'simple-sum',
    thresholds: defaultThresholds,
    questionnaireVersion,
  });
  const people = await listPlacementsOn(tx, opts.municipalityId, opts.day);
  const unitLevel = new Map<number, number>();
  const responses: Parameters<typeof insertResponsesBatch>[1] = [];
  const results: Parameters<typeof insertResultsBatch>[1] = [];
  const entries: Parameters<typeof insertGroupEntriesBatch>[1] = [];
  for (const p of people) {
    const rng = opts.rng.fork(p.staffId);
    if (!rng.chance(opts.share)) continue;
    if (!unitLevel.has(p.unitId)) unitLevel.set(p.unitId, 1.9 + opts.rng.fork(`unit-${p.unitId}`).next() * 0.9);
    const answers = answersOf(rng, unitLevel.get(p.unitId)! + (rng.next() - 0.5) * 0.6);
    const finished = rng.chance(opts.finishedShare);
    const day = addDays(opts.opensOn, rng.int(0, 6));
    const partial = finished ? answers : Object.fromEntries(Object.entries(answers).slice(0, rng.int(10, 50)));
    responses.push({ municipalityId: opts.municipalityId, campaignId: campaign.id, staffId: p.staffId, answers: partial, startedAt: at(day, 9), updatedAt: at(day, 10), submittedAt: finished ? at(day, 10) : null });
    if (!finished) continue;
    const outcome = scoreAnswers(answers, 'simple-sum', defaultThresholds);
    if (!outcome.ok) continue;
    results.push({ municipalityId: opts.municipalityId, campaignId: campaign.id, staffId: p.staffId, score: outcome.score, isHighStress: outcome.score.isHighStress, computedAt: at(day, 10), shownAt: at(day, 10) });
    entries.push({ municipalityId: opts.municipalityId, campaignId: campaign.id, unitId: p.unitId, sex: p.sex === 'male' || p.sex === 'female' ? p.sex : null, scores: groupEntryScoresOf(outcome.score) });
  }
  await insertResponsesBatch(tx, responses);
  const inserted = await insertResultsBatch(tx, results);
  await insertGroupEntriesBatch(tx, opts.rng.shuffle(entries)); // no order to link entries back to people
  if (opts.status === 'closed') {
    const units = await listUnitsOn(tx, opts.municipalityId, opts.closesOn);
    await freezeUnitPaths(tx, campaign.id, unitPaths(units, await listGroupEntryUnitIds(tx, campaign.id)));
  }
  const byStaff = new Map(results.map((r) => [r.staffId, r]));
  const consents: Parameters<typeof insertConsentsBatch>[1] = [];
  const requests: Parameters<typeof insertInterviewRequestsBatch>[1] = [];
  for (const r of inserted) {
    const result = byStaff.get(r.staffId)!;
    const rng = opts.rng.fork(`after-${r.staffId}`);
    const choice = rng.weighted([['given', 25], ['refused', 45], ['none', 30]] as const);
    if (choice !== 'none') consents.push({ municipalityId: opts.municipalityId, campaignId: campaign.id, resultId: r.id, staffId: r.staffId, decision: choice, decidedAt: result.shownAt!, resultShownAt: result.shownAt! });
    if (result.isHighStress && rng.chance(0.4)) requests.push({ municipalityId: opts.municipalityId, campaignId: campaign.id, resultId: r.id, staffId: r.staffId, requestedAt: result.shownAt!, status: opts.status === 'closed' ? 'held' : 'requested' });
  }
  await insertConsentsBatch(tx, consents);
  const madeRequests = await insertInterviewRequestsBatch(tx, requests);
  if (opts.status === 'closed') {
    await insertInterviewsBatch(
      tx,
      madeRequests.map((q) => ({ municipalityId: opts.municipalityId, campaignId: campaign.id, requestId: q.id, heldOn: addDays(opts.closesOn, 14), physicianName: '産業医 デモ', opinion: 'normal', note: 'デモ: 架空の記録' })),
    );
  }
  return { responses: responses.length, results: results.length, requests: madeRequests.length };
}

export const demoStressCheckSeeder: DemoAreaSeeder = {
  label: 'ストレスチェック',
  async seed(database, opts) {
    const exec = database.db;
    const municipalityId = await findMunicipalityIdByCode(exec, demoMunicipality.code);
    if (municipalityId === undefined || (await hasCampaigns(exec, municipalityId))) return { campaigns: 0, results: 0 };
    const fy = fiscalYearOf(opts.today);
    const rng = createPrng(opts.seed).fork(`stress-check-${fy}`);
    return database.db.transaction(async (tx) => {
      const last = await seedCampaign(tx, {
        municipalityId,
        name: `${fy - 1}年度ストレスチェック(デモ)`,
        fiscalYear: fy - 1,
        opensOn: `${fy - 1}-10-01`,
        closesOn: `${fy - 1}-10-31`,
        status: 'closed',
        share: 0.85,
        finishedShare: 1,
        rng: rng.fork('last'),
        day: `${fy - 1}-10-31`,
      });
      const current = await seedCampaign(tx, {
        municipalityId,
        name: `${fy}年度ストレスチェック(デモ)`,
        fiscalYear: fy,
        opensOn: addDays(opts.today, -7),
        closesOn: addDays(opts.today, 30),
        status: 'open',
        share: 0.35,
        finishedShare: 0.7,
        rng: rng.fork('current'),
        day: opts.today,
      });
      return { campaigns: 2, results: last.results + current.results, interviewRequests: last.requests + current.requests };
    });
  },
};
