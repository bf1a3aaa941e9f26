/**
 * The evaluation settings of a municipality (ADR 0011): the grade scale (評語), the overall-grade rule and whether
 * 会計年度任用職員 are evaluated. A cycle copies them when it opens, so a change applies from the next cycle on.
 */
import { z } from 'zod';
import { defaultGradeScale, defaultOverallRule, gradeScaleSchema, overallRuleSchema } from './grading.js';

export const evaluationSettingsSchema = z.object({
  scale: gradeScaleSchema,
  overallRule: overallRuleSchema,
  includeFiscalYearStaff: z.boolean(),
});

/** The policy gives no scale; S/A/B/C/D with B as standard is the common one (facts.md). 会計年度任用職員 are evaluated too (地方公務員法第23条の2 applies to them; HR keeps the sheets of those without an account). */
export const defaultEvaluationSettings: z.infer<typeof evaluationSettingsSchema> = {
  scale: defaultGradeScale,
  overallRule: defaultOverallRule,
  includeFiscalYearStaff: true,
};

/** Employment types always in scope of a cycle; 会計年度任用職員 (fiscal_full, fiscal_part) by setting. */
export const alwaysEvaluatedEmploymentTypes = ['regular', 'reappointed', 'extended', 'fixed_term'] as const;
export const fiscalYearEmploymentTypes = ['fiscal_full', 'fiscal_part'] as const;
