/** Input schemas of the access area, shared by the forms and the server. Strict: unknown fields are refused. */
import { z } from 'zod';
import { roles } from './roles.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const signInInputSchema = z.strictObject({
  loginId: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(256),
  municipalityCode: z.string().max(40).optional(),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const preferencesInputSchema = z.strictObject({ dateStyle: z.enum(['wareki', 'seireki']) });

export const changePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const createAccountInputSchema = z.strictObject({
  staffId: z.number().int().positive(),
  password: z.string().min(1).max(256),
});

export const setAccountDisabledInputSchema = z.strictObject({ isDisabled: z.boolean() });

export const resetPasswordInputSchema = z.strictObject({ password: z.string().min(1).max(256) });

export const grantRoleInputSchema = z.strictObject({
  role: z.enum(roles),
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  reason: z.string().max(400).nullable().default(null),
});
export type GrantRoleInput = z.infer<typeof grantRoleInputSchema>;
