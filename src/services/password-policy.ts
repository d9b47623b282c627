// What a password must be to be accepted, wherever one is set (the API, the admin
// command line, ADMIN_PASSWORD in production): 12 to 1024 characters, not on the
// common-password list, not the account's own e-mail or name, and not easy to
// guess. The list and the strength estimate are zxcvbn-ts's (@zxcvbn-ts/core with
// @zxcvbn-ts/language-common: the most used passwords of public leaks, common
// names and words, keyboard patterns, sequences, repeats, dates).
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
/** zxcvbn's score from 0 to 4; 3: about 10^8 to 10^10 guesses, "safely unguessable" against an online attack and a slow hash. */
export const PASSWORD_MIN_SCORE = 3;
/** The estimate looks at this many characters at most (it is costly on long inputs; a longer password is not weaker). */
const ESTIMATED_CHARACTERS = 100;

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

const lengthOf = (password: string) => [...password.normalize("NFC")].length;

/** Words of the portal itself an attacker would try first. */
const SITE_WORDS = ["portal", "congthongtin", "matkhau", "admin", "quantri", "bientap", "kientuong", "longan"];

/** Why `password` is not acceptable, as one phrase for the user, or null when it is. */
export function passwordProblem(password: string, context: { email?: string | null; name?: string | null } = {}): string | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.normalize("NFC").toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  const email = context.email?.toLowerCase();
  const personal = [email, email?.split("@")[0], context.name?.normalize("NFC").toLowerCase()];
  if (personal.some((word) => word && word.length >= 3 && (lower === word || core === word))) return "must not be the account's e-mail or name";

  const inputs = [...personal.filter((w): w is string => Boolean(w)), ...(context.name?.normalize("NFC").toLowerCase().split(/\s+/) ?? []), ...SITE_WORDS];
  const result = zxcvbn([...password.normalize("NFC")].slice(0, ESTIMATED_CHARACTERS).join(""), inputs);
  // One match from the list of leaked passwords covering (nearly) the whole password.
  const listed = result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords" && m.token.length >= length - 4);
  if (listed) return "is on the list of the most common passwords: choose another";
  if (result.score < PASSWORD_MIN_SCORE) return "is too easy to guess: use a longer phrase of unrelated words";
  return null;
}
