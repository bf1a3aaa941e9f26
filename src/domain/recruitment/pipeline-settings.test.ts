import { describe, expect, it } from 'vitest';
import { ageBand, defaultPipelineSettings, pipelineSettingsSchema, renderNotice } from './pipeline-settings.js';

describe('renderNotice', () => {
  it('fills the placeholders as plain text and keeps the subject on one line', () => {
    const r = renderNotice(defaultPipelineSettings, 'pass', { name: '試験 太郎', examTitle: '令和8年度 一般行政', receiptNumber: 'R-0001', stageName: '書類選考\r\nBcc: x', date: '令和7年10月1日' });
    expect(r.subject).toBe('【令和8年度 一般行政】書類選考 Bcc: xの結果について');
    expect(r.body).toContain('試験 太郎 様');
    expect(r.body).toContain('受付番号 R-0001');
  });
  it('the defaults pass their schema', () => {
    expect(pipelineSettingsSchema.safeParse(defaultPipelineSettings).success).toBe(true);
  });
});

describe('ageBand', () => {
  it.each([
    [null, '不明'],
    [18, '〜19'],
    [20, '20〜24'],
    [24, '20〜24'],
    [35, '35〜39'],
    [59, '55〜59'],
    [60, '60〜'],
  ] as const)('%s → %s', (age, band) => expect(ageBand(age)).toBe(band));
});
