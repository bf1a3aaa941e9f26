/**
 * The access matrix as data (ADR 0004): for each permission, the roles that grant it and the relations to the
 * object that grant it. Relations are checked per object and per date; roles only while their grant is in force.
 * Health (stress check) and whistleblowing permissions never list hr_admin or system_admin: those walls are legal.
 */
import type { Role } from './roles.js';

export const relations = ['self', 'unit-head', 'evaluator', 'confirmer', 'former-rater'] as const;
/**
 * How the actor stands to the object: it is theirs, they head its unit, they evaluate or confirm its owner, or —
 * for an evaluation sheet only — they evaluated or confirmed it before a transfer (read-only until feedback, ADR 0011).
 * For a sheet, evaluator and confirmer are the people named on the sheet, not today's relations.
 */
export type Relation = (typeof relations)[number];

export type PermissionRule = {
  /** one line saying what the permission allows */
  description: string;
  roles: readonly Role[];
  relations: readonly Relation[];
  /** reads of this permission are written to the audit log */
  isAuditedRead?: boolean;
};

export const accessMatrix = {
  'org.units.careers': {
    description: "a unit's members with their careers (各課の在籍職員の経歴の見える化)",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['unit-head'],
  },
  'org.staff.list': {
    description: 'search the staff directory (unit heads see the members of the units they head)',
    roles: ['hr_admin', 'hr_officer'],
    relations: ['unit-head'],
  },
  'org.staff.read': {
    description: "a staff member's profile: assignment, career, qualifications",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self', 'unit-head', 'evaluator', 'confirmer'],
  },
  'org.staff.read-protected': {
    description: "a profile's protected fields (birth date, sex)",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self'],
    isAuditedRead: true,
  },
  'org.staff.update': {
    description: 'edit a staff record',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'org.import': {
    description: 'upload, preview and commit staff and assignment CSV files',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'org.export': {
    description: 'export staff and assignments to CSV or Excel (includes protected fields)',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
    isAuditedRead: true,
  },
  'org.relations.read': {
    description: 'evaluator and confirmer relations',
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self', 'unit-head'],
  },
  'org.relations.manage': {
    description: 'derive relations from the organisation and set manual overrides',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'org.settings.read': {
    description: "see the municipality's organisation settings: positions, relation rules, unit heads, career-phase thresholds",
    roles: ['hr_admin', 'hr_officer', 'system_admin'],
    relations: [],
  },
  'org.settings.manage': {
    description: 'change the organisation settings and positions, or reset the settings to the policy defaults',
    roles: ['hr_admin', 'system_admin'],
    relations: [],
  },
  'competency.frameworks.manage': {
    description: 'change or withdraw the competency framework (items per position, required abilities, digital skills) of the current or a future 年度',
    roles: ['hr_admin'],
    relations: [],
  },
  'evaluation.calendar.manage': {
    description: 'change the evaluation calendar (the deadlines of the 人事評価実施スケジュール and the complaint period) or reset it to the policy defaults',
    roles: ['hr_admin'],
    relations: [],
  },
  'evaluation.settings.manage': {
    description: 'change the evaluation settings (grade scale, overall-grade rule, whether 会計年度任用職員 are evaluated) or reset them',
    roles: ['hr_admin'],
    relations: [],
  },
  'evaluation.cycles.manage': {
    description: 'open an evaluation cycle, re-sync it after transfers, list its sheets and reassign evaluators and confirmers',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'evaluation.sheets.read': {
    description: 'read an evaluation sheet as far as the relation allows (reads by anyone but the evaluatee are audited by the service)',
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self', 'evaluator', 'confirmer', 'former-rater'],
  },
  'evaluation.sheets.act': {
    description: 'save or move an evaluation sheet on as the evaluatee, evaluator, confirmer or HR (the workflow decides which step)',
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self', 'evaluator', 'confirmer'],
  },
  'evaluation.team-goals.manage': {
    description: "set the unit's team goals (チーム目標) of a performance half",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['unit-head'],
  },
  'evaluation.progress.read': {
    description: 'see the progress of every sheet of a cycle by unit and the overdue lists, and send reminders',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'evaluation.analysis.read': {
    description: 'grade distribution by unit, position and evaluator; rater leniency',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'evaluation.grades.export': {
    description: 'export the final grades per person and period as CSV for the payroll system (勤勉手当・昇給)',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
    isAuditedRead: true,
  },
  'evaluation.unit-sheets.export': {
    description: "export a unit's sheets of a cycle to Excel",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['unit-head'],
    isAuditedRead: true,
  },
  'training.catalog.manage': {
    description: 'import the policy catalog, add, change and deactivate courses, and plan the sessions of a 年度 (職員研修計画)',
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
  },
  'training.plan.read-targets': {
    description: "a session's must-attend list: the people its course's target rule selects, with the reason",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
  },
  'training.recommendations.read': {
    description: "a person's push-type recommendations: items of the latest ability evaluation below standard and the courses developing them",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: ['self', 'evaluator', 'confirmer'],
  },
  'training.recommendations.push': {
    description: 'push a recommended course to a person with a note from the interview (their evaluator, or HR)',
    roles: ['hr_admin', 'hr_officer'],
    relations: ['evaluator'],
  },
  'training.loop.read': {
    description: 'the ability → training loop per position level: items rated low, for how many people, how many trained since',
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
  },
  'training.enrolment.manage': {
    description: "designate people for a session (指定), enrol its must-attend list, see every session's roster, record attendance and cancel enrolments",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
  },
  'training.enrolment.recommend': {
    description: "recommend members of one's unit for a session (所属推薦) and see them on the sessions' rosters",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: ['unit-head'],
  },
  'training.enrolment.approve': {
    description: "approve or reject a staff member's application (希望) for a session as their evaluator (supervisor)",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: ['evaluator'],
  },
  'training.self-development.confirm': {
    description: "see a staff member's self-development records (自己啓発) and confirm or return them as their evaluator (supervisor), or HR",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['evaluator'],
  },
  'access.accounts.read': {
    description: 'list accounts and their role grants',
    roles: ['hr_admin', 'system_admin'],
    relations: [],
  },
  'access.accounts.manage': {
    description: 'create, disable and enable accounts, reset passwords, grant and revoke roles',
    roles: ['hr_admin', 'system_admin'],
    relations: [],
  },
  'access.audit.read': {
    description: 'search the audit log',
    roles: ['auditor'],
    relations: [],
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof accessMatrix;

export type AccessDecision = { allowed: true; via: string } | { allowed: false };

/** Pure decision: roles in force today, and the relations the actor has to this object today. */
export function decideAccess(permission: Permission, roles: readonly Role[], relationsToObject: ReadonlySet<Relation>): AccessDecision {
  const rule: PermissionRule = accessMatrix[permission];
  const role = rule.roles.find((r) => roles.includes(r));
  if (role) return { allowed: true, via: `role:${role}` };
  const relation = rule.relations.find((r) => relationsToObject.has(r));
  if (relation) return { allowed: true, via: `relation:${relation}` };
  return { allowed: false };
}
