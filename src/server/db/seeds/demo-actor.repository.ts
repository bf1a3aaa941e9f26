/** The demo HR admin as an actor, for seeding steps that go through the services (and leave audit rows as theirs). */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import type { Actor } from '../../http/context.js';
import { demoAccounts } from './demo-accounts.js';

export async function findDemoActor(exec: Executor): Promise<Actor | undefined> {
  const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
  const [row] = await queryRows<{ id: number; municipality_id: number; staff_id: number | null; login_id: string; display_name: string }>(
    exec,
    sql`select id, municipality_id, staff_id, login_id, display_name from accounts where login_id = ${admin.employeeNumber} order by id limit 1`,
  );
  if (!row) return undefined;
  return {
    accountId: Number(row.id),
    municipalityId: Number(row.municipality_id),
    staffId: row.staff_id === null ? null : Number(row.staff_id),
    loginId: row.login_id,
    displayName: row.display_name,
    roles: admin.roles,
    dateStyle: 'wareki',
    sessionId: 0,
    csrfToken: '',
  };
}
