/**
 * Demo pipeline data for the intake's demo applicants (issue 7): decisions for the stages they have already passed
 * or failed, test scores for past written stages, and for applicants now waiting at a rubric stage (集団討論, 面接)
 * sittings of up to 6 with the demo evaluator (A0004) and unit head (A0003) as raters and their rubric scores — so the
 * raters' "評定" page, the stage proposals and the calibration view have something to show. Deterministic; does
 * nothing without campaigns or when sittings already exist.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../client.js';
import { rubricStageKinds, stageSchema } from '../../../domain/recruitment/recruitment-model.js';
import { raterTotal } from '../../../domain/recruitment/scoring.js';
import * as repo from '../../recruitment/pipeline.repository.js';
import type { DemoAreaSeeder } from './demo-areas.js';

export const demoRecruitmentPipelineSeeder: DemoAreaSeeder = {
  label: '採用(選考)',
  async seed(database, { today, seed }) {
    const exec = database.db;
    const counts = { sittings: 0, scores: 0, decisions: 0 };
    const campaigns = await queryRows<{ id: number; municipalityId: number }>(exec, sql`select id, municipality_id as "municipalityId" from recruitment_campaigns order by id`);
    if (campaigns.length === 0) return counts;
    const existing = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from recruitment_sittings`);
    if (Number(existing[0]?.n) > 0) return counts;
    const raters = (await queryRows<{ id: number }>(exec, sql`select staff_id as id from accounts where login_id in ('A0003', 'A0004') and staff_id is not null order by login_id`)).map((r) => Number(r.id));
    const at = new Date(`${today}T09:00:00+09:00`);
    await exec.transaction(async (tx) => {
      for (const c of campaigns) {
        const municipalityId = Number(c.municipalityId);
        const campaign = await repo.findCampaign(tx, municipalityId, Number(c.id));
        if (!campaign) continue;
        const parsed = z.array(stageSchema).safeParse(campaign.stages);
        if (!parsed.success) continue;
        const stages = parsed.data;
        const applicants = await repo.listAllApplicants(tx, campaign.id, {});
        const decisions: repo.DecisionInsert[] = [];
        for (const a of applicants) {
          const decidedUpTo = a.stageOutcome === 'waiting' ? a.stageIndex : a.stageIndex + 1;
          for (let i = 0; i < Math.min(decidedUpTo, stages.length); i++) {
            const outcome = i < a.stageIndex ? 'passed' : a.stageOutcome;
            decisions.push({ municipalityId, applicantId: a.id, stageIndex: i, action: 'decide', outcome, reason: outcome === 'passed' ? '選考基準を満たす(デモ)' : '選考基準に達しない(デモ)', decidedAt: at.toISOString() });
          }
        }
        await repo.insertDecisions(tx, decisions);
        counts.decisions += decisions.length;
        // Written stages already decided: one score each (passed ones above the bar).
        for (const [i, s] of stages.entries()) {
          if (s.kind !== 'written') continue;
          const scored = applicants.filter((a) => a.stageIndex > i || (a.stageIndex === i && a.stageOutcome !== 'waiting'));
          const rows = scored.map((a) => ({ applicantId: a.id, total: a.stageIndex > i ? 60 + ((a.id * 7 + seed) % 35) : 30 + ((a.id * 11) % 25) }));
          if (rows.length > 0) await repo.upsertSingleScores(tx, municipalityId, i, rows, at);
          counts.scores += rows.length;
        }
        // Rubric stages with applicants waiting: sittings of up to 6 with both raters and their scores.
        if (raters.length < 2) continue;
        for (const [i, s] of stages.entries()) {
          if (!rubricStageKinds.includes(s.kind) || s.rubric === null) continue;
          const waiting = applicants.filter((a) => a.stageIndex === i && a.stageOutcome === 'waiting' && (a.status === 'applied' || a.status === 'in-progress'));
          for (let g = 0; g * 6 < waiting.length; g++) {
            const group = waiting.slice(g * 6, g * 6 + 6);
            const [sitting] = await repo.insertSittings(tx, [
              {
                municipalityId,
                campaignId: campaign.id,
                stageIndex: i,
                startsAt: new Date(at.getTime() + (7 + g) * 86_400_000).toISOString(),
                room: '本庁舎 第2会議室',
                groupLabel: `グループ${String.fromCharCode(0xff21 + (g % 26))}`,
                capacity: 6,
              },
            ]);
            counts.sittings += 1;
            await repo.insertSittingApplicants(tx, group.map((a) => ({ municipalityId, sittingId: sitting!.id, applicantId: a.id })));
            await repo.replaceSittingRaters(tx, municipalityId, sitting!.id, raters);
            // The first group is scored by both raters (the second rater a little stricter); later groups are left to rate.
            if (g > 0) continue;
            for (const a of group) {
              for (const [r, raterStaffId] of raters.entries()) {
                const scores = Object.fromEntries(s.rubric.items.map((item, k) => [item.id, Math.max(1, Math.min(s.rubric!.scaleMax, 2 + ((a.id + k + seed) % 3) - r))]));
                await repo.upsertRaterScore(tx, { municipalityId, applicantId: a.id, stageIndex: i, raterStaffId, scores, total: raterTotal(s.rubric, scores), comment: '', now: at });
                counts.scores += 1;
              }
            }
          }
        }
      }
    });
    return counts;
  },
};
