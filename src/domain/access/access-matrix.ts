/**
 * The access matrix as data (ADR 0004): for each permission, the roles that grant it and the relations to the
 * object that grant it. Relations are checked per object and per date; roles only while their grant is in force.
 * Health (stress check) and whistleblowing permissions never list hr_admin or system_admin: those walls are legal.
 */
import type { Role } from './roles.js';

export const relations = ['self', 'unit-head', 'evaluator', 'confirmer', 'former-rater', 'sitting-rater'] as const;
/**
 * How the actor stands to the object: it is theirs, they head its unit, they evaluate or confirm its owner, or —
 * for an evaluation sheet only — they evaluated or confirmed it before a transfer (read-only until feedback, ADR 0011).
 * For a sheet, evaluator and confirmer are the people named on the sheet, not today's relations. `sitting-rater`
 * concerns a recruitment sitting (試験の回): the actor is assigned to rate it (評定者・面接官) and its campaign is not
 * finished — with an applicant, the applicant also sits in it; without an object, they rate some such sitting (ADR 0018).
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
  'placement.careers.city': {
    description: 'the city-wide heat maps of tenure and frontline coverage per unit (経歴の見える化)',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
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
  'training.history.read': {
    description: "a person's training history (研修受講履歴: enrolments, confirmed self-development, certificates), on screen, printed or downloaded",
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: ['self', 'unit-head', 'evaluator', 'confirmer'],
  },
  'training.reports.read': {
    description: 'the training reports of a 年度: completion by course and position level, hours per person, and their settings',
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
  },
  'training.reports.export': {
    description: 'download the training reports (completion, hours per person, the ability → training loop) as Excel or CSV',
    roles: ['hr_admin', 'hr_officer', 'training_officer'],
    relations: [],
    isAuditedRead: true,
  },
  'training.self-development.confirm': {
    description: "see a staff member's self-development records (自己啓発) and confirm or return them as their evaluator (supervisor), or HR",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['evaluator'],
  },
  'digital.assessment.confirm': {
    description: "see a staff member's digital-skill self-assessment (デジタルスキルの自己評価) and confirm or return it as their evaluator (supervisor), or HR",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['evaluator'],
  },
  'digital.assessment.read-all': {
    description: "every staff member's digital-skill self-assessments of a 年度 and the summary per area and unit",
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'digital.manage': {
    description: 'change the digital-skill framework, the DX推進本部 and working groups with their members, the DX推進リーダー, the advisor register and the exchange programmes',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'placement.plans.manage': {
    description: 'transfer plans (異動案): create scenarios, add moves, pin or forbid moves, evaluate, compare and export them',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'placement.rules.read': {
    description: 'the rotation rules (R1–R5) as of a date: flags with their facts, and the placement facts they are checked against',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'placement.inputs.manage': {
    description: 'the placement settings, transfer wishes entered by HR, expertise fields per person and 定数 per unit and position level',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'placement.plans.approve': {
    description: 'approve a transfer plan and apply it (creates the new assignments and re-derives evaluator/confirmer relations), and undo the apply before its effective date',
    roles: ['hr_admin'],
    relations: [],
  },
  'knowledge.moderate': {
    description: 'write knowledge-base articles by role, and delete any article, or an abusive Q&A question or answer with a reason (audited, ADR 0016)',
    roles: ['hr_admin', 'hr_officer', 'system_admin'],
    relations: [],
  },
  // Stress check (ADR 0017). Individual data: the person and the implementer side only; HR (hr_officer) only what
  // the person consented to; hr_admin and system_admin never. Group figures (suppressed < 10) and counts: HR too.
  'stress-check.campaigns.manage': {
    description: 'create, open and close stress-check campaigns (method, thresholds and questionnaire fixed per campaign)',
    roles: ['stress_implementer'],
    relations: [],
  },
  'stress-check.results.read': {
    description: "a person's individual stress-check result, and the list of everyone's results (実施者・実施事務従事者)",
    roles: ['stress_implementer'],
    relations: [],
    isAuditedRead: true,
  },
  'stress-check.results.read-consented': {
    description: 'individual results whose owner consented to pass them to the employer (人事担当 only; never hr_admin)',
    roles: ['hr_officer'],
    relations: [],
    isAuditedRead: true,
  },
  'stress-check.interviews.manage': {
    description: 'see the physician-interview requests (面接指導の申出) and record the interviews',
    roles: ['stress_implementer'],
    relations: [],
    isAuditedRead: true,
  },
  'stress-check.paper-entry': {
    description: 'enter a paper questionnaire for a named examinee of an open campaign (代理入力), scored as an online submission',
    roles: ['stress_implementer'],
    relations: [],
  },
  'stress-check.groups.read': {
    description: 'group analysis (集団分析) per unit and across units: scale means, 判定図, 健康リスク, last year — groups under the threshold suppressed',
    roles: ['stress_implementer', 'hr_admin', 'hr_officer'],
    relations: [],
  },
  'stress-check.unit-actions.manage': {
    description: 'the high-risk units of the group analysis and their follow-up actions (職場環境改善)',
    roles: ['stress_implementer', 'hr_admin', 'hr_officer'],
    relations: [],
  },
  'stress-check.progress.read': {
    description: 'answer progress by unit (counts only) and the counts for the yearly report to the labour office',
    roles: ['stress_implementer', 'hr_admin', 'hr_officer'],
    relations: [],
  },
  'recruitment.campaigns.manage': {
    description: 'create and edit recruitment campaigns (採用試験: eligibility, stages, rubrics, schedule, FAQ), open and close them, import e-application CSV files, and set the recruitment settings (rubrics, attachments, retention)',
    roles: ['hr_admin', 'hr_officer', 'recruiter'],
    relations: [],
  },
  'recruitment.internships.manage': {
    description: "handle internship and workplace-experience requests (インターン・職場体験): students' details, host unit, dates, acceptance, feedback",
    roles: ['hr_admin', 'hr_officer', 'recruiter'],
    relations: [],
    isAuditedRead: true,
  },
  // Recruitment pipeline (issue 7, ADR 0018). Applicants' data: recruitment staff only; raters (面接官・評定者) are the
  // relation 'sitting-rater' by assignment to a sitting, checked by the guard per sitting and applicant.
  'recruitment.pipeline.manage': {
    description: "a campaign's pipeline: applicants per stage, sittings with applicants and raters, score imports, calibration, stage decisions, offers, withdrawals and notices (採用担当)",
    roles: ['hr_admin', 'hr_officer', 'recruiter'],
    relations: [],
  },
  'recruitment.scoring.rate': {
    description: "as a rater assigned to a sitting (評定者・面接官), see its applicants (name, receipt number, group only; each read audited) and save one's own scores until the stage is decided — never other raters' scores; no role grants it",
    roles: [],
    relations: ['sitting-rater'],
  },
  'recruitment.applicants.export': {
    description: "export the applicants of a campaign's stage to CSV or Excel (personal data; formula-safe)",
    roles: ['hr_admin', 'hr_officer', 'recruiter'],
    relations: [],
    isAuditedRead: true,
  },
  'recruitment.analytics.read': {
    description: 'recruitment funnel per campaign, category and year: stages passed, offers, acceptances, age bands, sources and channels',
    roles: ['hr_admin', 'hr_officer', 'recruiter'],
    relations: [],
  },
  // Consultation and whistleblowing desks (ADR 0020). Contents: only handlers assigned to the case (checked per case
  // by the desk services; administrator roles are refused there even if also granted case_handler). hr_admin may
  // manage designations and read the suppressed statistics, never a case, a message or a reporter's identity.
  'workplace.desk-cases.handle': {
    description: 'the cases a designated 相談員・公益通報対応業務従事者 is assigned to: contents, timeline, messages, the reporter and cooperators (every read audited), and the intake queue without contents',
    roles: ['case_handler'],
    relations: [],
  },
  'workplace.desk-designations.manage': {
    description: 'designate staff as 相談員 or 公益通報対応業務従事者 with dates and the document, and end designations (no case contents)',
    roles: ['hr_admin', 'case_handler'],
    relations: [],
  },
  'workplace.desk-statistics.read': {
    description: 'desk case counts per desk × category × status of a 年度, with no identity and small cells suppressed',
    roles: ['hr_admin', 'hr_officer', 'case_handler'],
    relations: [],
  },
  // Self-declaration (自己申告書, ADR 0019). HR sees every field; the supervisor (evaluator, unit head) only the fields
  // the campaign's form allows and never health — cut field by field by the service, which audits every read by
  // anyone but the owner. Writing one's own declaration is 'signed-in' (the owner is the actor).
  'workplace.self-declaration.manage': {
    description: 'open and close the yearly self-declaration campaign, set the form (fields and what the supervisor sees), see progress per unit and remind',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'workplace.self-declaration.read-all': {
    description: "list a campaign's declarations of everyone with filters (unit, transfer wish, career intention); audited",
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
  },
  'workplace.self-declaration.read': {
    description: "a person's self-declaration: HR in full, the owner in full, the evaluator and unit head only the fields the form allows (never health); reads by anyone but the owner audited",
    roles: ['hr_admin', 'hr_officer'],
    relations: ['self', 'evaluator', 'unit-head'],
  },
  // Fellow programme (ADR 0021): HR manages; the fellow and the junior act on their own pair only, checked by the
  // service on every pair and meeting route (routes 'signed-in'; a pair that is not theirs answers 404).
  'workplace.fellows.manage': {
    description: 'the fellow programme (フェロー制度): the pool of fellows, its settings, matching proposals, confirming and ending pairs, every pair with its meetings and feedback, monitoring',
    roles: ['hr_admin', 'hr_officer'],
    relations: [],
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
