/**
 * The pipeline's settings document (settings key 'recruitment.pipeline'): the spread between raters that the
 * calibration view flags, and the notice templates (合否通知) with placeholders. Pure: rendering fills the
 * placeholders with plain text — a notice never carries anything but what its template and these fields say.
 */
import { z } from 'zod';
import type { NoticeTemplateKey } from './pipeline-api.js';

const template = z.strictObject({
  subject: z.string().trim().min(1, '件名を入力してください').max(120),
  body: z.string().trim().min(1, '本文を入力してください').max(4000),
});
export const pipelineSettingsSchema = z.strictObject({
  /** points of 100 between the highest and lowest rater total that make HR look again */
  spreadThreshold: z.number().min(1).max(100),
  templates: z.strictObject({ pass: template, fail: template, offer: template }),
});
export type PipelineSettings = z.infer<typeof pipelineSettingsSchema>;

export const noticePlaceholders = ['{氏名}', '{試験名}', '{受付番号}', '{段階}', '{日付}'] as const;

export const defaultPipelineSettings: PipelineSettings = {
  spreadThreshold: 20,
  templates: {
    pass: {
      subject: '【{試験名}】{段階}の結果について',
      body: '{氏名} 様\n\n受付番号 {受付番号}\n\n{試験名}の{段階}の結果、合格となりましたのでお知らせします。\n次の試験の日時・会場は、別途お知らせします。\n\n{日付}\n職員課 人事係',
    },
    fail: {
      subject: '【{試験名}】{段階}の結果について',
      body: '{氏名} 様\n\n受付番号 {受付番号}\n\n{試験名}の{段階}の結果、誠に残念ながら不合格となりましたのでお知らせします。\nご応募いただき、ありがとうございました。\n\n{日付}\n職員課 人事係',
    },
    offer: {
      subject: '【{試験名}】採用内定のお知らせ',
      body: '{氏名} 様\n\n受付番号 {受付番号}\n\n{試験名}の結果、採用を内定しましたのでお知らせします。\n今後の手続きは、別途ご案内します。\n\n{日付}\n職員課 人事係',
    },
  },
};

export type NoticeFields = { name: string; examTitle: string; receiptNumber: string; stageName: string; date: string };

/** Fills the placeholders; unknown braces stay as written. The result is plain text (mail text/plain, or a letter). */
export function renderNotice(settings: PipelineSettings, key: NoticeTemplateKey, f: NoticeFields): { subject: string; body: string } {
  const values: Record<string, string> = { '{氏名}': f.name, '{試験名}': f.examTitle, '{受付番号}': f.receiptNumber, '{段階}': f.stageName, '{日付}': f.date };
  const fill = (text: string) => text.replace(/\{(氏名|試験名|受付番号|段階|日付)\}/gu, (m) => values[m] ?? m);
  const t = settings.templates[key];
  // A subject is one line: a line break in a field must not start a header of its own.
  return { subject: fill(t.subject).replace(/[\r\n]+/g, ' '), body: fill(t.body) };
}

export const ageBandLabels = ['〜19', '20〜24', '25〜29', '30〜34', '35〜39', '40〜44', '45〜49', '50〜54', '55〜59', '60〜', '不明'] as const;

/** The 5-year band of an age (null: birth date unknown or anonymised). */
export function ageBand(age: number | null): (typeof ageBandLabels)[number] {
  if (age === null) return '不明';
  if (age < 20) return '〜19';
  if (age >= 60) return '60〜';
  const lo = Math.floor(age / 5) * 5;
  return `${lo}〜${lo + 4}` as (typeof ageBandLabels)[number];
}
