/**
 * Password rules per security.md (ASVS 5.0 L2): at least 8 characters (15 recommended), no composition rules,
 * no forced rotation, refused when on an offline list of common or breached passwords or when it contains the
 * login id. The list is bundled: no breached-password service is called (closed network).
 */

// A short offline list of the most common passwords and municipal-flavoured guesses; extend with a file if needed.
const commonPasswords = new Set([
  'password', 'password1', 'password123', 'passw0rd', '12345678', '123456789', '1234567890', '11111111', '00000000',
  'qwertyui', 'qwerty123', 'iloveyou', 'abc12345', 'abcd1234', 'a1234567', 'asdfghjk', 'letmein1', 'welcome1',
  'baseball', 'football', 'sunshine', 'princess', 'superman', 'trustno1', 'jinzai123', 'annaka123', 'shiyakusho',
  'yakuba123', 'admin123', 'administrator', 'changeme', 'p@ssw0rd', 'zaq12wsx', '1qaz2wsx', 'qazwsxedc', 'aaaaaaaa',
  'demo-pass-2025',
]);

export const minPasswordLength = 8;
export const recommendedPasswordLength = 15;
export const maxPasswordLength = 128;

export type PasswordVerdict = { ok: true } | { ok: false; reason: 'too-short' | 'too-long' | 'common' | 'contains-login-id'; message: string };

export function checkPassword(password: string, loginId: string, opts: { allowDemo?: boolean } = {}): PasswordVerdict {
  const length = [...password].length;
  if (length < minPasswordLength) return { ok: false, reason: 'too-short', message: `パスワードは${minPasswordLength}文字以上にしてください(推奨${recommendedPasswordLength}文字以上)。` };
  if (length > maxPasswordLength) return { ok: false, reason: 'too-long', message: `パスワードは${maxPasswordLength}文字以下にしてください。` };
  const lowered = password.normalize('NFKC').toLowerCase();
  if (commonPasswords.has(lowered) && !(opts.allowDemo && lowered === 'demo-pass-2025'))
    return { ok: false, reason: 'common', message: 'よく使われるパスワードのため使用できません。' };
  if (loginId.length >= 4 && lowered.includes(loginId.normalize('NFKC').toLowerCase()))
    return { ok: false, reason: 'contains-login-id', message: 'パスワードに職員番号を含めないでください。' };
  return { ok: true };
}
