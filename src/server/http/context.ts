/** What every request carries: its id, the clock, the database, and — once signed in — the actor. */
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import type { Role } from '../../domain/access/roles.js';

export type Actor = {
  accountId: number;
  municipalityId: number;
  staffId: number | null;
  loginId: string;
  displayName: string;
  /** roles whose grant is in force today */
  roles: Role[];
  dateStyle: 'wareki' | 'seireki';
  sessionId: number;
  csrfToken: string;
};

export type Deps = {
  database: Database;
  config: Config;
  /** injectable clock so tests can move time */
  clock: () => Date;
};

/** Passed to every service function: (ctx, input). */
export type ServiceContext = {
  database: Database;
  actor: Actor;
  /** the instant of the request */
  now: Date;
  /** today's date in Asia/Tokyo, 'YYYY-MM-DD' */
  today: string;
  requestId: string;
  config: Config;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    now: Date;
    actor: Actor | null;
    /** relations and roles that let the current request through the access layer (for the audit row) */
    grantedVia: string | null;
  };
};

/** Today's date in Asia/Tokyo — municipal dates are Japanese dates whatever the server's zone. */
export function tokyoDate(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
