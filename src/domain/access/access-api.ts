/**
 * The access area's API contract: the shapes of the JSON that /api/auth/me, /api/accounts and /api/audit answer
 * with. Types only — the server returns them and the web client reads them, so neither side can drift.
 */
import type { DateStyle } from '../common/wareki.js';
import type { AuditFields } from './audit-chain.js';
import type { Role } from './roles.js';

/** GET /api/auth/me */
export type Me = {
  account: {
    id: number;
    loginId: string;
    displayName: string;
    staffId: number | null;
    /** roles whose grant is in force today */
    roles: Role[];
    dateStyle: DateStyle;
    headsUnits: boolean;
    /** units headed directly (所属長), most senior post first */
    headedUnitIds: number[];
    /** rates some sitting (評定者・面接官) of a recruitment campaign not yet finished — the menu's 評定 entry (ADR 0018) */
    ratesSittings: boolean;
  };
  csrfToken: string;
};

export type RoleGrantItem = { id: number; role: string; roleLabel: string; startsOn: string; endsOn: string | null; reason: string | null };

/** One row of GET /api/accounts (paged). */
export type AccountItem = {
  id: number;
  loginId: string;
  displayName: string;
  staffId: number | null;
  isDisabled: boolean;
  version: number;
  grants: RoleGrantItem[];
};

/** One row of GET /api/audit (paged), newest first: the chained fields without the municipality. */
export type AuditItem = Omit<AuditFields, 'municipalityId'>;
