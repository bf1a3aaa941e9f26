/**
 * Demo fellow programme (issue 6 item 4) for みどり野市 (デモ): a pool of about ten fellows (one flagged for very low
 * organisational commitment), pairs confirmed about five months ago by the matching rules themselves, meetings held
 * every five to seven weeks with both sides' feedback, one upcoming meeting per pair, and one pair whose only meeting
 * was long ago (listed by monitoring). The demo logins A0001–A0009 are left out so journeys start clean. Deterministic
 * for a seed and a date; feedback is invented. Skipped when the city has any fellow.
 */
import { addDays } from '../../../domain/common/fiscal-year.js';
import { defaultFellowSettings, type MeetingFeedback } from '../../../domain/workplace/fellow-model.js';
import { isJunior, proposeFellows } from '../../../domain/workplace/fellow-matching.js';
import { loadMatchingInput } from '../../workplace/fellow.service.js';
import { findMunicipalityIdByCode, hasFellowData, insertFellow, insertMeetings, insertPairs, listStaffFacts, type MeetingRow } from '../../workplace/fellow.repository.js';
import { demoAccounts } from './demo-accounts.js';
import { demoMunicipality } from './demo-city.js';
import { createPrng, type Prng } from './prng.js';
import type { DemoAreaSeeder } from './demo-areas.js';

const comments = ['仕事の進め方を相談できた', '他の部の様子が分かった', '気軽に話せた', '', '資格の勉強の進め方を聞いた', ''];

function feedbackOf(rng: Prng): MeetingFeedback {
  return { usefulness: rng.int(3, 5), easeOfTalking: rng.int(3, 5), comment: rng.pick(comments) };
}

export const demoFellowsSeeder: DemoAreaSeeder = {
  label: 'フェロー制度',
  async seed(database, opts) {
    const exec = database.db;
    const municipalityId = await findMunicipalityIdByCode(exec, demoMunicipality.code);
    if (municipalityId === undefined || (await hasFellowData(exec, municipalityId))) return { fellows: 0, pairs: 0, meetings: 0 };
    const rng = createPrng(opts.seed).fork(`fellows-${opts.today}`);
    const startsOn = addDays(opts.today, -150);
    const logins = new Set(demoAccounts.map((a) => a.employeeNumber));
    // A small demo city has few people in their first two years: the demo pairs take the first three.
    const settings = { ...defaultFellowSettings, juniorHiredWithinYears: 3 };
    return exec.transaction(async (tx) => {
      const input = await loadMatchingInput(tx, municipalityId, startsOn, settings);
      const facts = await listStaffFacts(tx, municipalityId);
      const isLogin = new Set(facts.filter((f) => logins.has(f.employeeNumber)).map((f) => f.staffId));
      // Fellows: regular staff with 10+ years and a post, not logins, not juniors, about ten picked evenly by staff id.
      const seniors = input.people.filter(
        (p) => !isLogin.has(p.staffId) && !p.isSeparated && p.unitId !== null && p.employmentType === 'regular' && p.hireDate <= addDays(startsOn, -3650) && !isJunior(p, startsOn, settings),
      );
      const step = Math.max(1, Math.floor(seniors.length / 10));
      const chosen = seniors.filter((_, i) => i % step === 0).slice(0, 10);
      const pool = chosen.map((p, i) => ({ staffId: p.staffId, capacity: rng.int(1, 2), isLowCommitment: i === 3, note: i === 3 ? '面談で本人の意欲の低さを確認(デモ)' : '', startsOn, endsOn: null }));
      for (const f of pool) await insertFellow(tx, { municipalityId, ...f });
      const result = proposeFellows({
        ...input,
        people: input.people.filter((p) => !isLogin.has(p.staffId)),
        fellows: pool.map((f) => ({ staffId: f.staffId, capacity: f.capacity, startsOn: f.startsOn, endsOn: f.endsOn, lowCommitment: f.isLowCommitment ? ['hr-flag'] : [] })),
      });
      const proposals = result.proposals.slice(0, 6);
      const pairIds = await insertPairs(
        tx,
        proposals.map((p) => ({ municipalityId, fellowStaffId: p.fellowStaffId, juniorStaffId: p.juniorStaffId, status: 'confirmed' as const, startsOn, endsOn: null, reason: p.reason })),
      );
      const meetings: (Omit<MeetingRow, 'id'> & { municipalityId: number })[] = [];
      pairIds.forEach((pairId, i) => {
        const r = rng.fork(pairId);
        if (i === pairIds.length - 1) {
          // The pair that drifted: one meeting soon after the start, nothing since (more than 8 weeks).
          const day = addDays(startsOn, 14);
          meetings.push({ municipalityId, pairId, plannedOn: day, heldOn: day, status: 'held', fellowFeedback: feedbackOf(r), juniorFeedback: null });
          return;
        }
        let day = addDays(startsOn, r.int(7, 20));
        while (day <= addDays(opts.today, -7)) {
          const cancelled = r.chance(0.1);
          meetings.push({
            municipalityId,
            pairId,
            plannedOn: day,
            heldOn: cancelled ? null : day,
            status: cancelled ? 'cancelled' : 'held',
            fellowFeedback: cancelled || r.chance(0.2) ? null : feedbackOf(r),
            juniorFeedback: cancelled || r.chance(0.15) ? null : feedbackOf(r),
          });
          day = addDays(day, r.int(35, 49));
        }
        meetings.push({ municipalityId, pairId, plannedOn: addDays(opts.today, r.int(3, 20)), heldOn: null, status: 'planned', fellowFeedback: null, juniorFeedback: null });
      });
      await insertMeetings(tx, meetings);
      return { fellows: pool.length, pairs: pairIds.length, meetings: meetings.length };
    });
  },
};
