// What a password must be to be accepted, wherever one is set: at least 12
// characters, and not one of the passwords people use most, nor the account's
// own e-mail or name.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

const COMMON = new Set([
  "123456789012", "1234567890123", "qwertyuiopas", "passwordpassword", "password1234", "abcdefghijkl",
  "iloveyou1234", "matkhau12345", "matkhaucuatoi", "admin1234567", "administrator", "qwerty123456",
]);

const lengthOf = (password: string) => [...password.normalize("NFC")].length;

/** Why `password` is not acceptable, as one phrase for the user, or null when it is. */
export function passwordProblem(password: string, context: { email?: string | null; name?: string | null } = {}): string | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.normalize("NFC").toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (COMMON.has(lower) || COMMON.has(core) || /^(.)\1+$/u.test(lower)) return "is one of the most common passwords: choose another";
  const personal = [context.email?.toLowerCase(), context.email?.toLowerCase().split("@")[0], context.name?.normalize("NFC").toLowerCase()];
  if (personal.some((word) => word && word.length >= 3 && (lower === word || core === word))) return "must not be the account's e-mail or name";
  return null;
}
