import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../domain/access/roles.js';
import { toSession } from './session.js';
import { navGroupOf, navItemsFor, navSectionsFor } from './shell.js';

const sessionOf = (grants: Role[], opts: { staffId?: number | null; headsUnits?: boolean; ratesSittings?: boolean } = {}) =>
  toSession({
    account: {
      id: 1,
      loginId: 'A0001',
      displayName: 'デモ 太郎',
      staffId: opts.staffId === undefined ? 7 : opts.staffId,
      roles: grants,
      dateStyle: 'wareki',
      headsUnits: opts.headsUnits ?? false,
      headedUnitIds: [],
      ratesSittings: opts.ratesSittings ?? false,
    },
    csrfToken: 'x',
  });

describe('the raters’ entry', () => {
  it('is shown only to staff who rate a sitting of a campaign not yet finished (the server’s ratesSittings)', () => {
    const labels = (opts: { ratesSittings?: boolean; staffId?: number | null }) => navItemsFor(sessionOf([], opts)).map((i) => i.label);
    expect(labels({ ratesSittings: true })).toContain('評定(面接官)');
    expect(labels({ ratesSittings: false })).not.toContain('評定(面接官)');
    expect(labels({ ratesSittings: true, staffId: null })).not.toContain('評定(面接官)');
  });
});

describe('menu sections', () => {
  it('puts the own page under わたし and each area under its section', () => {
    const session = sessionOf(['hr_admin']);
    const groupOf = (to: string) => navGroupOf({ to, label: '', description: '' }, session);
    expect(groupOf('/staff/7')).toBe('me');
    expect(groupOf('/staff')).toBe('org');
    expect(groupOf('/staff/8')).toBe('org');
    expect(groupOf('/evaluation')).toBe('evaluation');
    expect(groupOf('/competency')).toBe('evaluation');
    expect(groupOf('/training/plan')).toBe('training');
    expect(groupOf('/trainingx')).toBe('org');
    expect(groupOf('/settings')).toBe('admin');
  });

  it.each<[Role[]]>([...roles.map((r): [Role[]] => [[r]]), [[]], [['hr_admin', 'auditor']]])(
    'loses or repeats no entry for %j',
    (grants) => {
      for (const session of [sessionOf(grants), sessionOf(grants, { headsUnits: true }), sessionOf(grants, { staffId: null })]) {
        const flat = navSectionsFor(session).flatMap((s) => s.items);
        expect(flat).toEqual(expect.arrayContaining(navItemsFor(session)));
        expect(flat).toHaveLength(navItemsFor(session).length);
        expect(navSectionsFor(session).every((s) => s.items.length > 0)).toBe(true);
      }
    },
  );
});
