/**
 * デジタルスキルの自己評価 (policy IV-2-(7), issue 4 item 7): per 年度 the person gives a level per framework area with a
 * note, saves drafts, submits; their evaluator (or HR) confirms or returns it with a comment. Confirmed assessments
 * are shown on that 年度's ability-evaluation sheet. Pure rules: validation against the framework, the workflow, and
 * the HR summary.
 */
import { z } from 'zod';
import type { SkillFramework } from './skill-framework.js';

export const assessmentStatuses = ['draft', 'submitted', 'confirmed', 'returned'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  draft: '下書き',
  submitted: '確認待ち',
  confirmed: '確認済み',
  returned: '差戻し',
};

/** As stored in `digital_skill_assessments.levels`: areaId → level and note. */
export type AssessmentLevels = Record<string, { level: number; note: string }>;

export const assessmentLevelsSchema = z.record(
  z.string().max(60),
  z.strictObject({
    level: z.int('段階は整数で指定してください').min(1, '段階を選んでください').max(9, '段階が正しくありません'),
    note: z.string().trim().max(500, 'メモは500文字以内で入力してください').default(''),
  }),
);

/** PUT /api/digital/assessments/mine/{fiscalYear}: the owner's draft (partial is fine until submitting). */
export const saveAssessmentInputSchema = z.strictObject({
  levels: assessmentLevelsSchema,
  selfComment: z.string().trim().max(1000, 'コメントは1000文字以内で入力してください').default(''),
  /** null for the first save of the year */
  version: z.int().positive('版が正しくありません').nullable(),
});
export type SaveAssessmentInput = z.infer<typeof saveAssessmentInputSchema>;

export type LevelIssue = { path: string; message: string };

/**
 * Levels against the framework: every area id known, every level on the scale; for a submission every area rated.
 * Answers the issues (empty = fine), with paths `levels.<areaId>` for the form.
 */
export function checkLevels(framework: SkillFramework, levels: AssessmentLevels, opts: { isSubmission: boolean }): LevelIssue[] {
  const issues: LevelIssue[] = [];
  const areaIds = new Set(framework.areas.map((a) => a.id));
  const maxLevel = framework.levels.length;
  for (const [areaId, value] of Object.entries(levels)) {
    if (!areaIds.has(areaId)) issues.push({ path: `levels.${areaId}`, message: `分野「${areaId}」は枠組みにありません` });
    else if (value.level < 1 || value.level > maxLevel) issues.push({ path: `levels.${areaId}`, message: `段階は1〜${maxLevel}で選んでください` });
  }
  if (opts.isSubmission) {
    for (const area of framework.areas) {
      if (levels[area.id] === undefined) issues.push({ path: `levels.${area.id}`, message: `「${area.label}」の段階を選んでください` });
    }
  }
  return issues;
}

/** The owner edits a draft or a returned assessment; a submitted one waits for the supervisor, a confirmed one is final. */
export function isEditableByOwner(status: AssessmentStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export type ReviewAction = 'confirm' | 'return';

export type ReviewOutcome = { ok: true; to: 'confirmed' | 'returned' } | { ok: false; reason: 'own-assessment' | 'not-submitted' | 'comment-required' };

/** The supervisor's decision on a submitted assessment: never one's own; returning needs a comment saying why. */
export function review(input: { status: AssessmentStatus; ownerStaffId: number; reviewerStaffId: number | null; action: ReviewAction; comment: string }): ReviewOutcome {
  if (input.reviewerStaffId !== null && input.reviewerStaffId === input.ownerStaffId) return { ok: false, reason: 'own-assessment' };
  if (input.status !== 'submitted') return { ok: false, reason: 'not-submitted' };
  if (input.action === 'return' && input.comment.trim() === '') return { ok: false, reason: 'comment-required' };
  return { ok: true, to: input.action === 'confirm' ? 'confirmed' : 'returned' };
}

export type AssessmentView = {
  id: number | null;
  staffId: number;
  employeeNumber: string;
  name: string;
  unitName: string | null;
  fiscalYear: number;
  levels: AssessmentLevels;
  selfComment: string;
  status: AssessmentStatus;
  submittedAt: string | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
  supervisorComment: string;
  version: number | null;
};

/** GET /api/digital/assessments/mine/{fiscalYear}: the framework in force and the person's assessment (or an empty draft). */
export type MyAssessmentView = { framework: SkillFramework; assessment: AssessmentView; isCurrentYear: boolean };
export type AssessmentList = { framework: SkillFramework; items: AssessmentView[] };

/** Per area, how many confirmed assessments gave each level; per unit, how many people are at each status. */
export type AssessmentSummary = {
  fiscalYear: number;
  framework: SkillFramework;
  statusCounts: Record<AssessmentStatus, number>;
  areas: Array<{ areaId: string; label: string; counts: Record<string, number>; average: number | null }>;
  units: Array<{ unitId: number | null; unitName: string; statusCounts: Record<AssessmentStatus, number>; averages: Record<string, number | null> }>;
};

const emptyStatusCounts = (): Record<AssessmentStatus, number> => ({ draft: 0, submitted: 0, confirmed: 0, returned: 0 });
const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10);

/**
 * The HR summary of a 年度. Level counts and averages use confirmed assessments only (a draft is not yet an
 * assessment); units are the person's division, sorted as given by `unitOrder`.
 */
export function summarise(
  fiscalYear: number,
  framework: SkillFramework,
  rows: ReadonlyArray<{ status: AssessmentStatus; levels: AssessmentLevels; unitId: number | null; unitName: string | null }>,
  unitOrder: readonly number[] = [],
): AssessmentSummary {
  const statusCounts = emptyStatusCounts();
  for (const r of rows) statusCounts[r.status] += 1;
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const areas = framework.areas.map((area) => {
    const counts: Record<string, number> = Object.fromEntries(framework.levels.map((l) => [String(l.level), 0]));
    const values: number[] = [];
    for (const r of confirmed) {
      const v = r.levels[area.id];
      if (v === undefined) continue;
      counts[String(v.level)] = (counts[String(v.level)] ?? 0) + 1;
      values.push(v.level);
    }
    return { areaId: area.id, label: area.label, counts, average: average(values) };
  });
  const byUnit = new Map<number | null, { unitName: string; rows: typeof rows[number][] }>();
  for (const r of rows) {
    const entry = byUnit.get(r.unitId) ?? { unitName: r.unitName ?? '所属なし', rows: [] };
    entry.rows.push(r);
    byUnit.set(r.unitId, entry);
  }
  const rank = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : unitOrder.indexOf(id) === -1 ? Number.MAX_SAFE_INTEGER - 1 : unitOrder.indexOf(id));
  const units = [...byUnit.entries()]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || x.unitName.localeCompare(y.unitName, 'ja'))
    .map(([unitId, entry]) => {
      const counts = emptyStatusCounts();
      for (const r of entry.rows) counts[r.status] += 1;
      const unitConfirmed = entry.rows.filter((r) => r.status === 'confirmed');
      const averages = Object.fromEntries(
        framework.areas.map((area) => [area.id, average(unitConfirmed.flatMap((r) => (r.levels[area.id] ? [r.levels[area.id]!.level] : [])))]),
      );
      return { unitId, unitName: entry.unitName, statusCounts: counts, averages };
    });
  return { fiscalYear, framework, statusCounts, areas, units };
}

/** On the ability-evaluation sheet: the confirmed self-assessment of that 年度, grouped by the digital ability item. */
export type SheetDigitalSkills = {
  fiscalYear: number;
  confirmedAt: string | null;
  confirmedByName: string | null;
  items: Array<{ abilityItemId: string; areas: Array<{ areaId: string; label: string; level: number; levelLabel: string; note: string }> }>;
};
