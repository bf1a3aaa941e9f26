/**
 * Global roles, granted to accounts for a period. Evaluator, confirmer, unit head and "self" are NOT roles:
 * they are relations derived from the organisation and checked per object (ADR 0004).
 */
export const roles = [
  'hr_admin',
  'hr_officer',
  'auditor',
  'stress_implementer',
  'case_handler',
  'training_officer',
  'recruiter',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  hr_admin: '人事管理者(職員課)',
  hr_officer: '人事担当(職員課)',
  auditor: '監査担当',
  stress_implementer: 'ストレスチェック実施者・実施事務従事者',
  case_handler: '相談・通報対応業務従事者',
  training_officer: '研修担当',
  recruiter: '採用担当',
  system_admin: 'システム管理者',
};

/** Roles that carry personnel authority (人事権) over examinees. */
export const personnelAuthorityRoles: readonly Role[] = ['hr_admin', 'hr_officer'];

export type RoleGrant = { role: Role; startsOn: string; endsOn: string | null };

export type RoleGrantRefusal =
  | { ok: true }
  | { ok: false; code: 'access.role-conflict-stress-check'; conflictingRole: Role | 'supervisor' }
  | { ok: false; code: 'access.role-period-invalid' };

function overlaps(a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }): boolean {
  return (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);
}

/**
 * security.md 3 / 労働安全衛生規則52条の10: whoever has personnel authority over examinees (HR with 人事権,
 * or a supervisor) may not do the stress check's administrative work. Refused at grant time, both ways round.
 */
export function checkRoleGrant(
  existing: readonly RoleGrant[],
  requested: RoleGrant,
  holdsSupervisoryPost: boolean,
): RoleGrantRefusal {
  if (requested.endsOn !== null && requested.endsOn < requested.startsOn) return { ok: false, code: 'access.role-period-invalid' };
  const live = existing.filter((g) => overlaps(g, requested));
  if (requested.role === 'stress_implementer') {
    if (holdsSupervisoryPost) return { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: 'supervisor' };
    const conflict = live.find((g) => personnelAuthorityRoles.includes(g.role));
    if (conflict) return { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: conflict.role };
  }
  if (personnelAuthorityRoles.includes(requested.role)) {
    const conflict = live.find((g) => g.role === 'stress_implementer');
    if (conflict) return { ok: false, code: 'access.role-conflict-stress-check', conflictingRole: conflict.role };
  }
  return { ok: true };
}
