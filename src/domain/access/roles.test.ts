import { describe, expect, it } from 'vitest';
import { checkRoleGrant, type RoleGrant, type RoleGrantRefusal } from './roles.js';

const open = (role: RoleGrant['role'], startsOn = '2025-04-01', endsOn: string | null = null): RoleGrant => ({ role, startsOn, endsOn });

describe('checkRoleGrant', () => {
  const cases: [string, RoleGrant[], RoleGrant, boolean, RoleGrantRefusal][] = [
    ['stress_implementer on a clean account', [], open('stress_implementer'), false, { ok: true }],
    [
      'stress_implementer while holding hr_admin',
      [open('hr_admin')],
      open('stress_implementer'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'hr_admin' },
    ],
    [
      'stress_implementer while holding hr_officer',
      [open('hr_officer')],
      open('stress_implementer'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'hr_officer' },
    ],
    [
      'hr_admin while holding stress_implementer',
      [open('stress_implementer')],
      open('hr_admin'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'stress_implementer' },
    ],
    [
      'hr_officer while holding stress_implementer',
      [open('stress_implementer')],
      open('hr_officer'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'stress_implementer' },
    ],
    [
      'stress_implementer for someone in a supervisory post',
      [],
      open('stress_implementer'),
      true,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'supervisor' },
    ],
    ['hr_officer for someone in a supervisory post (only the stress check is walled)', [], open('hr_officer'), true, { ok: true }],
    ['stress_implementer beside roles without personnel authority', [open('auditor'), open('training_officer'), open('case_handler')], open('stress_implementer'), false, { ok: true }],
    ['hr_admin beside hr_officer', [open('hr_officer')], open('hr_admin'), false, { ok: true }],
    [
      'stress_implementer after hr_officer ended the day before',
      [open('hr_officer', '2020-04-01', '2025-03-31')],
      open('stress_implementer', '2025-04-01'),
      false,
      { ok: true },
    ],
    [
      'stress_implementer starting on the last day of hr_officer (inclusive ends overlap)',
      [open('hr_officer', '2020-04-01', '2025-04-01')],
      open('stress_implementer', '2025-04-01'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'hr_officer' },
    ],
    [
      'hr_admin ending before a future stress_implementer grant',
      [open('stress_implementer', '2026-04-01')],
      open('hr_admin', '2025-04-01', '2026-03-31'),
      false,
      { ok: true },
    ],
    [
      'open hr_admin reaching a future stress_implementer grant',
      [open('stress_implementer', '2026-04-01')],
      open('hr_admin', '2025-04-01'),
      false,
      { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'stress_implementer' },
    ],
    ['a period ending before it starts', [], open('auditor', '2025-04-01', '2025-03-31'), false, { ok: false, code: 'access.role-period-invalid' }],
    [
      'an invalid period is reported before any conflict',
      [open('hr_admin')],
      open('stress_implementer', '2025-04-01', '2025-03-31'),
      true,
      { ok: false, code: 'access.role-period-invalid' },
    ],
    ['a one-day period', [], open('recruiter', '2025-04-01', '2025-04-01'), false, { ok: true }],
  ];

  it.each(cases)('%s', (_name, existing, requested, holdsSupervisoryPost, expected) => {
    expect(checkRoleGrant(existing, requested, holdsSupervisoryPost)).toEqual(expected);
  });
});
