import { describe, expect, it } from 'vitest';
import { attachmentMaxMbCeiling, publicApplicationMaxBytes } from './upload-limits.js';
import { defaultRecruitmentIntakeSettings, maxAttachments, recruitmentIntakeSettingsSchema } from './intake.js';

describe('public application limits', () => {
  it('let the largest attachments the setting allows through the route’s body limit, with room for the form', () => {
    const base64Bytes = maxAttachments * Math.ceil((attachmentMaxMbCeiling * 1024 * 1024) / 3) * 4;
    expect(base64Bytes + 1024 * 1024).toBeLessThanOrEqual(publicApplicationMaxBytes);
  });

  it('refuse a per-file setting above the ceiling, in Japanese', () => {
    const over = recruitmentIntakeSettingsSchema.safeParse({ ...defaultRecruitmentIntakeSettings, attachmentMaxMb: attachmentMaxMbCeiling + 0.5 });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toContain(`${attachmentMaxMbCeiling}MB`);
    expect(recruitmentIntakeSettingsSchema.safeParse({ ...defaultRecruitmentIntakeSettings, attachmentMaxMb: attachmentMaxMbCeiling }).success).toBe(true);
  });
});
