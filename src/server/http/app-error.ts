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
