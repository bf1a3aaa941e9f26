/** Use cases of account administration: HR administrators manage accounts, including acting for staff without one. */
import { verify as argonVerify } from '@node-rs/argon2';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { checkPassword } from '../../domain/access/password-policy.js';
import { checkRoleGrant, roleLabels, type Role } from '../../domain/access/roles.js';
import type { GrantRoleInput } from '../../domain/access/access.schemas.js';
import { addDays } from '../../domain/common/fiscal-year.js';
import type { Paged } from '../../domain/common/paged.js';
import type { AccountItem, Me } from '../../domain/access/access-api.js';
import { getOrgSettings } from '../org/settings.service.js';
import { isRelationHolder, isUnitHeadOfAny, listUnitsHeadedDirectly } from './access.repository.js';
import { can } from './access.service.js';
import {
  deleteRoleGrant,
  endAllSessionsOfAccount,
  endRoleGrant,
  findAccount,
  findAccountByLogin,
  findRoleGrant,
  findStaffBrief,
  insertAccount,
  insertRoleGrant,
  listAccounts,
  listGrantsOfAccounts,
  updateAccountDateStyle,
  updateAccountDisabled,
  updateAccountPassword,
} from './accounts.repository.js';
import { auditInTx } from './audit.service.js';
import { hashPassword } from './auth.service.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

export async function describeMe(ctx: ServiceContext): Promise<Me> {
  const { actor } = ctx;
  const { unitHeadLevels } = await getOrgSettings(ctx.database.db, actor.municipalityId);
  const headedUnitIds = actor.staffId === null ? [] : await listUnitsHeadedDirectly(ctx.database.db, actor.staffId, ctx.today, unitHeadLevels);
  // The 'sitting-rater' relation to any sitting: one indexed lookup, and nothing about which sittings.
  const ratesSittings = (await can(ctx.database, actor, 'recruitment.scoring.rate', {}, ctx.today)).allowed;
  return {
    account: {
      id: actor.accountId,
      loginId: actor.loginId,
      displayName: actor.displayName,
      staffId: actor.staffId,
      roles: actor.roles,
      dateStyle: actor.dateStyle,
      headsUnits: headedUnitIds.length > 0,
      headedUnitIds,
      ratesSittings,
    },
    csrfToken: actor.csrfToken,
  };
}

export async function setDateStyle(ctx: ServiceContext, dateStyle: 'wareki' | 'seireki') {
  await updateAccountDateStyle(ctx.database.db, ctx.actor.accountId, dateStyle);
}

function assertPassword(password: string, loginId: string) {
  const verdict = checkPassword(password, loginId);
  if (!verdict.ok) throw new AppError('auth.weak-password', verdict.message, { reason: verdict.reason });
}

export async function changeOwnPassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const account = await findAccount(ctx.database.db, ctx.actor.municipalityId, ctx.actor.accountId);
  if (!account || !(await argonVerify(account.passwordHash, input.currentPassword).catch(() => false))) {
    throw new AppError('auth.invalid-credentials', '現在のパスワードが正しくありません。');
  }
  assertPassword(input.newPassword, account.loginId);
  const hash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await updateAccountPassword(tx, account.id, hash);
    await auditInTx(tx, auditSource(ctx), { action: 'access.password-changed', outcome: 'succeeded', objectType: 'account', objectId: account.id });
  });
}

export async function listAccountsWithGrants(ctx: ServiceContext, q: { search?: string; page: number; pageSize: number }): Promise<Paged<AccountItem>> {
  const exec = ctx.database.db;
  const { total, rows } = await listAccounts(exec, ctx.actor.municipalityId, { search: q.search, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const grants = await listGrantsOfAccounts(exec, rows.map((r) => r.id));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      ...r,
      grants: grants
        .filter((g) => g.accountId === r.id)
        .map((g) => ({ id: g.id, role: g.role, roleLabel: roleLabels[g.role as Role] ?? g.role, startsOn: g.startsOn, endsOn: g.endsOn, reason: g.reason })),
    })),
  };
}

export async function createAccountForStaff(ctx: ServiceContext, input: { staffId: number; password: string }) {
  const exec = ctx.database.db;
  const person = await findStaffBrief(exec, ctx.actor.municipalityId, input.staffId);
  if (!person) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  if (await findAccountByLogin(exec, ctx.actor.municipalityId, person.employeeNumber)) {
    throw new AppError('access.account-exists', 'この職員のアカウントは既にあります。');
  }
  assertPassword(input.password, person.employeeNumber);
  const passwordHash = await hashPassword(input.password);
  return exec.transaction(async (tx) => {
    const id = await insertAccount(tx, {
      municipalityId: ctx.actor.municipalityId,
      staffId: person.id,
      loginId: person.employeeNumber,
      displayName: `${person.familyName} ${person.givenName}`,
      passwordHash,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'access.account-created', outcome: 'succeeded', objectType: 'account', objectId: id, details: { staffId: person.id } });
    return { id };
  });
}

async function getAccountOrThrow(ctx: ServiceContext, accountId: number) {
  const account = await findAccount(ctx.database.db, ctx.actor.municipalityId, accountId);
  if (!account) throw new AppError('common.not-found', 'アカウントが見つかりません。');
  return account;
}

/** Disabling an account ends all its sessions at once (security.md). */
export async function setAccountDisabled(ctx: ServiceContext, accountId: number, isDisabled: boolean) {
  const account = await getAccountOrThrow(ctx, accountId);
  await ctx.database.db.transaction(async (tx) => {
    await updateAccountDisabled(tx, account.id, isDisabled);
    if (isDisabled) await endAllSessionsOfAccount(tx, account.id, ctx.now);
    await auditInTx(tx, auditSource(ctx), { action: isDisabled ? 'access.account-disabled' : 'access.account-enabled', outcome: 'succeeded', objectType: 'account', objectId: account.id });
  });
}

export async function resetPassword(ctx: ServiceContext, accountId: number, password: string) {
  const account = await getAccountOrThrow(ctx, accountId);
  assertPassword(password, account.loginId);
  const hash = await hashPassword(password);
  await ctx.database.db.transaction(async (tx) => {
    await updateAccountPassword(tx, account.id, hash);
    await endAllSessionsOfAccount(tx, account.id, ctx.now);
    await auditInTx(tx, auditSource(ctx), { action: 'access.password-reset', outcome: 'succeeded', objectType: 'account', objectId: account.id });
  });
}

export async function grantRole(ctx: ServiceContext, accountId: number, input: GrantRoleInput) {
  const exec = ctx.database.db;
  const account = await getAccountOrThrow(ctx, accountId);
  const existing = (await listGrantsOfAccounts(exec, [account.id])).map((g) => ({ role: g.role as Role, startsOn: g.startsOn, endsOn: g.endsOn }));
  let holdsSupervisoryPost = false;
  if (input.role === 'stress_implementer' && account.staffId !== null) {
    const { unitHeadLevels } = await getOrgSettings(exec, ctx.actor.municipalityId);
    holdsSupervisoryPost =
      (await isUnitHeadOfAny(exec, account.staffId, input.startsOn, unitHeadLevels)) || (await isRelationHolder(exec, account.staffId, input.startsOn));
  }
  const verdict = checkRoleGrant(existing, { role: input.role, startsOn: input.startsOn, endsOn: input.endsOn }, holdsSupervisoryPost);
  if (!verdict.ok) {
    await exec.transaction((tx) =>
      auditInTx(tx, auditSource(ctx), { action: 'access.role-granted', outcome: 'denied', objectType: 'account', objectId: account.id, details: { role: input.role, code: verdict.code } }),
    );
    if (verdict.code === 'access.role-period-invalid') throw new AppError(verdict.code, '終了日が開始日より前です。');
    const conflict = verdict.conflictingRole === 'supervisor' ? '部下を評価・管理する職(所属長・評価者)' : roleLabels[verdict.conflictingRole];
    throw new AppError(
      verdict.code,
      `人事権を持つ者はストレスチェックの実施事務に従事できません(労働安全衛生規則第52条の10)。競合: ${conflict}`,
      { conflictingRole: verdict.conflictingRole },
    );
  }
  return exec.transaction(async (tx) => {
    const id = await insertRoleGrant(tx, {
      municipalityId: ctx.actor.municipalityId,
      accountId: account.id,
      role: input.role,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      grantedByAccountId: ctx.actor.accountId,
      reason: input.reason,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'access.role-granted', outcome: 'succeeded', objectType: 'account', objectId: account.id, details: { role: input.role, grantId: id, startsOn: input.startsOn, endsOn: input.endsOn } });
    return { id };
  });
}

/** A revoked grant ends yesterday (history kept); one that has not started yet is removed. */
export async function revokeRole(ctx: ServiceContext, accountId: number, grantId: number) {
  const grant = await findRoleGrant(ctx.database.db, ctx.actor.municipalityId, grantId);
  if (!grant || grant.accountId !== accountId) throw new AppError('common.not-found', '権限の付与が見つかりません。');
  await ctx.database.db.transaction(async (tx) => {
    if (grant.startsOn >= ctx.today) await deleteRoleGrant(tx, grant.id);
    else await endRoleGrant(tx, grant.id, addDays(ctx.today, -1));
    await auditInTx(tx, auditSource(ctx), { action: 'access.role-revoked', outcome: 'succeeded', objectType: 'account', objectId: accountId, details: { role: grant.role, grantId } });
  });
}
