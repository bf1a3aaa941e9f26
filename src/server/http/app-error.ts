/** The one error type of the server: a namespaced code, a Japanese message for people, optional details. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const errorStatus = {
  /** the request body, query or path failed schema validation */
  'common.validation': 400,
  /** the body was not JSON or not parseable */
  'common.bad-request': 400,
  /** the requested object does not exist (or the actor may not know it exists) */
  'common.not-found': 404,
  /** a stale version was saved over a newer one */
  'common.conflict': 409,
  /** the body exceeds the configured size */
  'common.too-large': 413,
  /** an unexpected failure; details are logged with the request id, never returned */
  'common.internal': 500,
  /** the database cannot be reached */
  'common.unavailable': 503,
  /** no valid session */
  'auth.unauthenticated': 401,
  /** employee number or password wrong (never says which) */
  'auth.invalid-credentials': 401,
  /** too many failed sign-ins for this login id or address */
  'auth.rate-limited': 429,
  /** the CSRF token is missing or wrong, or the request is cross-site */
  'auth.csrf': 403,
  /** the password breaks the password policy */
  'auth.weak-password': 400,
  /** the actor lacks the role or relation the access matrix requires */
  'access.denied': 403,
  /** a role grant the law forbids, e.g. personnel authority with stress-check administration */
  'access.role-conflict-stress-check': 422,
  /** a grant period whose end is before its start */
  'access.role-period-invalid': 400,
  /** the audit row could not be written, so the sensitive action is refused */
  'access.audit-unavailable': 503,
  /** a login id or staff member already has an account */
  'access.account-exists': 409,
  /** a unit id that does not exist on the given date */
  'org.unit-not-found': 404,
  /** a staff id that does not exist in this municipality */
  'org.staff-not-found': 404,
  /** a date that cannot be read */
  'org.invalid-date': 400,
  /** the uploaded file has errors; details lists them by line and column */
  'org.import-invalid': 422,
  /** the import was already committed or discarded */
  'org.import-closed': 409,
  /** the upload exceeds IMPORT_MAX_MB */
  'org.import-too-large': 413,
  /** the encoding must be chosen by the user (no BOM to tell) */
  'org.import-encoding-required': 400,
  /** a CP932 export would lose characters and the user did not accept the substitution */
  'org.export-unencodable': 422,
  /** an Excel export above the row cap (xlsx is built in memory); CSV has no cap */
  'org.export-too-large': 422,
  /** a relation override whose period or people are invalid */
  'org.relation-invalid': 400,
  /** a change to the competency framework of a past 年度 (or withdrawing this 年度's): its sheets must not change */
  'competency.past-year-locked': 422,
  /** the cycle (年度 × period) was opened already */
  'evaluation.cycle-exists': 409,
  /** a cycle date outside its period, or a reassignment naming the evaluatee or an unknown person */
  'evaluation.invalid-request': 400,
  /** a goal linked to a team goal that is not one of the unit's for the cycle */
  'evaluation.team-goal-unknown': 422,
  /** a team goal that individual goals link to cannot be deleted */
  'evaluation.team-goal-in-use': 409,
  // The workflow's refusals (src/domain/evaluation/sheet-workflow.ts SheetErrorCode), each with its status:
  /** the sheet is closed: nothing changes any more */
  'evaluation.sheet-locked': 409,
  /** the action belongs to the other kind of sheet */
  'evaluation.action-not-applicable': 422,
  /** the action is not possible in the sheet's state */
  'evaluation.invalid-transition': 409,
  /** the action is possible now, but not for the actor's relation */
  'evaluation.forbidden-relation': 403,
  /** the action's payload does not pass its schema */
  'evaluation.invalid-input': 400,
  /** no goals on submission */
  'evaluation.goals-missing': 422,
  /** a goal without title, target or weight */
  'evaluation.goal-incomplete': 422,
  /** the weights do not add up to 100 */
  'evaluation.weights-not-100': 422,
  /** an assessment names a goal or item that is not on the sheet */
  'evaluation.unknown-entry': 422,
  /** a grade outside the sheet's scale */
  'evaluation.grade-not-in-scale': 422,
  /** goals agreed without the opening interview */
  'evaluation.opening-interview-missing': 422,
  /** rating submitted without the closing interview */
  'evaluation.closing-interview-missing': 422,
  /** self-evaluation submitted with goals or items left ungraded */
  'evaluation.self-evaluation-incomplete': 422,
  /** rating submitted with entries, overall grade or comment missing */
  'evaluation.rating-incomplete': 422,
  /** an adjusted grade without a reason */
  'evaluation.adjustment-reason-required': 422,
  /** an interview dated before the period or in the future */
  'evaluation.interview-date-invalid': 422,
  /** a complaint after the complaint period */
  'evaluation.complaint-period-over': 422,
  /** closing while the complaint period runs */
  'evaluation.complaint-period-open': 422,
  /** a complaint handled as "grade revised" without the new grade */
  'evaluation.revised-grade-required': 422,
  /** an enrolment the session's course or dates do not allow: a route it does not take, an application after the start, a report before attending, a certificate of an internal course */
  'training.enrolment-not-allowed': 422,
  /** the enrolment action is not possible in the enrolment's status (e.g. approving one already decided) */
  'training.enrolment-invalid-transition': 409,
  /** the person is already on the session (applied, enrolled, waiting or attended) */
  'training.already-enrolled': 409,
  /** a session with people on it cannot be deleted */
  'training.session-has-enrolments': 409,
  /** a joint-training roster file with errors; details lists them by line and column, nothing was written */
  'training.roster-invalid': 422,
  /** a transfer plan action its status does not allow (editing an approved or applied plan, applying a draft, …) */
  'placement.plan-invalid-transition': 409,
  /** a transfer plan move or constraint that contradicts the plan (a second move for a person, a pin against a stay, …) */
  'placement.plan-conflict': 409,
  /** approving or applying a transfer plan with rule violations; details lists them */
  'placement.plan-has-violations': 422,
  /** undoing a plan's apply that is not allowed: not applied, no apply record, effective date reached, or people touched since; details.reason says which */
  'placement.plan-undo-refused': 409,
  /** a second DX推進リーダー for a 課 whose appointment overlaps the existing one (one per unit at a time) */
  'digital.leader-overlap': 409,
  /** stress check: answering or submitting outside the campaign's open period (or before it was opened) */
  'stress-check.not-open': 422,
  /** stress check: submitting with items unanswered; details lists their numbers */
  'stress-check.answers-incomplete': 422,
  /** stress check: consent asked before the result was shown to the person (facts.md: only after notification) */
  'stress-check.consent-before-result': 409,
  /** stress check: group analysis of a campaign that has not closed yet (a new submission would be a differencing channel) */
  'stress-check.analysis-not-ready': 409,
  /** desks: a status move the case timeline does not allow (received → investigating → … → closed) */
  'workplace.desk-invalid-transition': 409,
  /** desks: the case is closed; no messages, notes or moves any more */
  'workplace.desk-case-closed': 409,
  /** desks: the person is not designated for the desk (or holds an administrator role), so cannot handle or be assigned */
  'workplace.desk-not-designated': 422,
  /** desks: too many reports, or failed receipt-code/secret attempts, from one address or for one code */
  'workplace.desk-rate-limited': 429,
  /** too many public applications or internship requests from one address; try again later */
  'recruitment.rate-limited': 429,
  /** the applicant does not meet the campaign's eligibility (age, qualifications, experience); details list the reasons */
  'recruitment.not-eligible': 422,
  /** the campaign does not accept applications now, or a status move the campaign's state does not allow */
  'recruitment.campaign-not-open': 409,
  /** an e-application CSV with errors; details list them by line (nothing was written) */
  'recruitment.import-invalid': 422,
  /** self-declaration: saving, submitting or reminding outside the campaign's period (or after it was closed) */
  'workplace.self-declaration-closed': 422,
  /** fellow programme: a pair HR confirms breaks the matching rules on the date (same 部, evaluation chain, capacity …); details list them */
  'workplace.fellow-pair-refused': 422,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown; requestId?: string } };
