import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './http/test-harness.js';
import { runRetentionJobs } from './retention-jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('retention jobs', () => {
  it('runs the recruitment and stress-check jobs and says what each did, twice without harm', async () => {
    const now = new Date('2025-10-01T03:00:00Z');
    const first = await runRetentionJobs(h.database, now, '2025-10-01');
    expect(first.lines).toHaveLength(2);
    expect(first.lines[0]).toMatch(/^採用: .*\(\d+ 件\)$/);
    expect(first.lines[1]).toMatch(/^ストレスチェック: \d{4}-\d{2}-\d{2} より前に終了した実施を削除しました \(\d+ 件\)$/);
    const second = await runRetentionJobs(h.database, now, '2025-10-01');
    expect(second.lines).toEqual(['採用: 保存期間を過ぎた応募者・インターンの個人情報を匿名化しました (0 件)', expect.stringContaining('(0 件)')]);
  });
});
