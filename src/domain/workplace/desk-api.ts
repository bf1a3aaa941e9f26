/** Shapes the desk API answers (shared by the server and the SPA). */
import type { CaseStatus, Desk, DeskCategory } from './desk-rules.js';
import type { DeskStatistics } from './desk-statistics.js';

/** Shown once after filing: the secret is never stored in clear and cannot be shown again. */
export type FiledReceipt = { receiptCode: string; secret: string; deskLabel: string; categoryLabel: string };

export type ReporterCaseView = {
  receiptCode: string;
  deskLabel: string;
  categoryLabel: string;
  status: CaseStatus;
  statusLabel: string;
  receivedAt: string;
  summary: string;
  isOpen: boolean;
  events: Array<{ id: number; kind: 'message' | 'status'; from: 'reporter' | 'desk'; body: string; statusTo: CaseStatus | null; createdAt: string }>;
};

export type CaseListItem = { id: number; desk: Desk; category: DeskCategory; status: CaseStatus; pseudonym: string; receivedAt: string; lastEventAt: string | null };
export type CaseInbox = {
  assigned: CaseListItem[];
  /** cases of the actor's desks with nobody assigned: no contents, only enough to take them */
  unassigned: Array<{ id: number; desk: Desk; receivedAt: string }>;
  /** the desks the actor is designated for today */
  desks: Desk[];
};

export type CaseDetail = {
  id: number;
  desk: Desk;
  category: DeskCategory;
  status: CaseStatus;
  nextStatuses: CaseStatus[];
  pseudonym: string;
  isAnonymous: boolean;
  summary: string;
  receivedAt: string;
  closedAt: string | null;
  version: number;
  handlers: Array<{ staffId: number; name: string; assignedAt: string }>;
  events: Array<{
    id: number;
    kind: 'message' | 'status' | 'note' | 'cooperator';
    /** the reporter's pseudonym or the handler's name */
    authorLabel: string;
    fromReporter: boolean;
    body: string;
    statusTo: CaseStatus | null;
    cooperator: { staffId: number; employeeNumber: string; name: string } | null;
    createdAt: string;
  }>;
};

export type ReporterIdentity = { isAnonymous: boolean; employeeNumber: string | null; staffName: string | null; name: string; contact: string };

export type Designation = { id: number; staffId: number; employeeNumber: string; name: string; desk: Desk; designatedOn: string; endsOn: string | null; documentRef: string; isInForce: boolean };
export type DesignationList = { designations: Designation[]; canManageDesks: Desk[] };
export type DesignatedHandler = { staffId: number; employeeNumber: string; name: string };

export type DeskStatisticsView = DeskStatistics & { fiscalYear: number };
