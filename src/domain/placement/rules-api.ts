/**
 * The placement rules page and HR's placement inputs (issue 5): request schemas the web and the server validate alike,
 * and the views the API returns. Pure.
 */
import { z } from 'zod';
import { positionLevels, type CareerPhase, type PositionLevel } from '../org/org-model.js';
import { ruleIds, type PlacementSettings, type RuleFlag, type RuleId } from './placement-model.js';

export const rulesPageSize = 50;

/** One flag as the rules page lists it: the rule's finding plus who and where. */
export type RuleFlagItem = RuleFlag & {
  employeeNumber: string;
  name: string;
  phase: CareerPhase | null;
  unitId: number;
  unitName: string;
  unitPath: string;
};

export type RuleFlagsView = {
  effectiveDate: string;
  /** the next April 1 after today, the page's default */
  defaultDate: string;
  rule: RuleId | null;
  unitId: number | null;
  /** flags per rule over the whole city (before the unit filter and paging) */
  countsByRule: Record<RuleId, number>;
  people: number;
  total: number;
  page: number;
  pageSize: number;
  items: RuleFlagItem[];
  /** the units people can be filtered by (placeable units on the date) */
  units: Array<{ unitId: number; name: string; path: string }>;
  thresholds: { rotationYearsPerUnit: number; expertCycleYears: number; rotationEndWindowYears: number; rotationYears: number };
};

export type PlacementSettingsView = {
  settings: PlacementSettings;
  defaults: PlacementSettings;
  isDefault: boolean;
  updatedAt: string | null;
  /** R1's and R3's years, from the org settings (edited on the organisation settings page) */
  orgThresholds: { rotationYearsPerUnit: number; expertCycleYears: number; rotationYears: number };
};

const positiveId = (label: string) => z.int(`${label}を選んでください`).positive(`${label}を選んでください`);
const fiscalYearMessage = '年度は2000〜9998の西暦4桁で指定してください';
export const fiscalYearSchema = z.int(fiscalYearMessage).min(2000, fiscalYearMessage).max(9998, fiscalYearMessage);

/** Up to three ranked wished units of a person for a 年度 (HR enters them until the self-declaration exists). */
export const wishesInputSchema = z
  .strictObject({
    wishes: z
      .array(
        z.strictObject({
          rank: z.int('順位を選んでください').min(1, '順位は1〜3です').max(3, '順位は1〜3です'),
          unitId: positiveId('希望の所属'),
          reason: z.string().trim().max(500, '理由は500文字以内で入力してください'),
        }),
      )
      .max(3, '異動希望は第3希望までです'),
  })
  .superRefine((v, ctx) => {
    const ranks = new Set<number>();
    const units = new Set<number>();
    v.wishes.forEach((w, i) => {
      if (ranks.has(w.rank)) ctx.addIssue({ code: 'custom', path: ['wishes', i, 'rank'], message: `第${w.rank}希望が重複しています` });
      if (units.has(w.unitId)) ctx.addIssue({ code: 'custom', path: ['wishes', i, 'unitId'], message: '同じ所属を複数の順位に希望しています' });
      ranks.add(w.rank);
      units.add(w.unitId);
    });
  });
export type WishesInput = z.infer<typeof wishesInputSchema>;

export type WishView = { rank: number; unitId: number; unitName: string; reason: string; source: 'hr' | 'self-declaration'; recordedAt: string };

export type StaffBrief = { staffId: number; employeeNumber: string; name: string; unitName: string | null };

export type PersonWishesView = {
  staff: StaffBrief;
  fiscalYear: number;
  wishes: WishView[];
  /** the units that can be wished for: placeable on April 1 of the 年度 */
  units: Array<{ unitId: number; name: string; path: string }>;
};

export type WishListView = {
  fiscalYear: number;
  total: number;
  page: number;
  pageSize: number;
  items: Array<{ staff: StaffBrief; wishes: WishView[] }>;
};

export const expertiseInputSchema = z.strictObject({
  fields: z
    .array(
      z.strictObject({
        field: z.string('分野を入力してください').trim().min(1, '分野を入力してください').max(50, '分野は50文字以内で入力してください'),
        note: z.string().trim().max(500, '備考は500文字以内で入力してください'),
      }),
    )
    .max(20, '専門分野は20件までです')
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.field)) ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `分野「${f.field}」が重複しています` });
        seen.add(f.field);
      });
    }),
});
export type ExpertiseInput = z.infer<typeof expertiseInputSchema>;

export type ExpertiseView = {
  staff: StaffBrief;
  /** recorded by HR */
  fields: Array<{ field: string; note: string }>;
  /** earned by serving rotationYearsPerUnit years or more in a unit with a field (as of today) */
  servedFields: string[];
  /** fields known in the organisation and already recorded, for suggestions */
  knownFields: string[];
};

export const quotasInputSchema = z.strictObject({
  cells: z
    .array(
      z.strictObject({
        unitId: positiveId('所属'),
        level: z.enum(positionLevels, '職位区分を選んでください'),
        /** null: no 定数 of this 年度 for the level (an earlier 年度's row, if any, applies) */
        headcount: z.int('定数は整数で入力してください').min(0, '定数は0以上で入力してください').max(10_000, '定数は10000以下で入力してください').nullable(),
      }),
    )
    .max(20_000, '一度に保存できるのは20000件までです'),
});
export type QuotasInput = z.infer<typeof quotasInputSchema>;

export type QuotaCell = {
  /** 定数 in force for the 年度 (this 年度's row or an earlier one), null = no limit */
  quota: number | null;
  /** the 年度 the quota comes from */
  fromFiscalYear: number | null;
  /** members with a regular post (regular / 定年延長 staff) on the eve of April 1 of the 年度 */
  headcount: number;
};

export type QuotaGridView = {
  fiscalYear: number;
  levels: PositionLevel[];
  units: Array<{ unitId: number; name: string; path: string; cells: Record<PositionLevel, QuotaCell> }>;
};

export const ruleIdSchema = z.enum(ruleIds);
