/**
 * The enrolment API contract (issue 4 item 3): the JSON /api/training answers with for rosters, one's own
 * enrolments and the supervisor's approvals, and the bodies it takes. Types only.
 */
import type { PlanSession } from './training-api.js';
import type { AttendanceStatus, EnrolmentRoute, EnrolmentStatus, ReportInput, Survey } from './enrolment.js';

/** One person on one session. */
export type EnrolmentView = {
  id: number;
  sessionId: number;
  staffId: number;
  employeeNumber: string;
  name: string;
  unitName: string | null;
  route: EnrolmentRoute;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
  /** who recommended, designated, pushed or decided the application */
  decidedByName: string | null;
  note: string;
  report: string | null;
  survey: Survey | null;
  certificate: string | null;
  version: number;
};

/** GET /api/training/sessions/{id}/enrolments: the roster (HR: everyone; a unit head: the members of their units). */
export type SessionRoster = {
  session: PlanSession;
  /** seats taken (enrolled, attended, completed, absent) and people waiting, over the whole session */
  seatsTaken: number;
  waitlistLength: number;
  canManage: boolean;
  canRecommend: boolean;
  /** the course is held outside the city: a certificate may be recorded */
  isExternal: boolean;
  items: EnrolmentView[];
};

/** An enrolment with its session, for one's own list and the approvals list. */
export type EnrolmentWithSession = EnrolmentView & { session: PlanSession; isExternal: boolean };

/** GET /api/training/enrolments/mine */
export type MyEnrolments = {
  items: EnrolmentWithSession[];
  /** sessions of this and next 年度 open for application (希望) that the person is not on */
  openForApplication: PlanSession[];
};

/** GET /api/training/enrolments/approvals: applications awaiting the actor's decision. */
export type PendingApprovals = { items: EnrolmentWithSession[] };

/** POST /api/training/sessions/{id}/enrolments: recommend (所属推薦) or designate (指定) people. */
export type NominationInput = { route: 'unit-recommendation' | 'designation'; staffIds: number[]; note: string };
/** The answer of a nomination or of enrolling the must-attend list. */
export type NominationResult = { added: EnrolmentView[]; alreadyOn: number[] };

/** POST /api/training/sessions/{id}/apply */
export type ApplicationInput = { note: string };
/** POST /api/training/enrolments/{id}/approve | reject | cancel */
export type DecisionInput = { version: number; note: string };
/** POST /api/training/enrolments/{id}/attendance */
export type AttendanceInput = { version: number; status: AttendanceStatus; certificate: string | null };
/** PUT /api/training/enrolments/{id}/report */
export type ReportUpdate = ReportInput & { version: number };
