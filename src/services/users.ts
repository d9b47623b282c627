// User administration (ADMIN) and one's own password: create, change role,
// deactivate and reactivate, reset a password, change one's own. Each is one
// transaction that writes its audit event. The rule that always holds: at
// least one active ADMIN. Changes of role and activation take the "users" lock
// first, so two administrators demoting each other at the same instant cannot
// both succeed and leave nobody in charge.
import { randomInt } from "node:crypto";
import type { Db, Role } from "../db/client";
import { lockFor } from "../db/locks";
import { badInput, conflict, notFound } from "./errors";
import { audit, type Actor } from "./audit";
import { passwordProblem } from "./password-policy";
import { hashPassword, verifyPassword } from "./passwords";
import type { Tx } from "./versioning";
import { foldVietnamese } from "./vietnamese";

export interface UserDeps {
  db: Db;
  provider: "sqlite" | "postgres";
  actor: Actor;
  now: Date;
}

/** The folded text the user search matches (name and e-mail, no marks, lower case). */
export const userSearchText = (name: string, email: string) => `${foldVietnamese(name)} ${email.toLowerCase()}`;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(password: string, field: string, context: { email?: string; name?: string }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw badInput(`${field}: the password ${problem}.`, [field]);
}

const transaction = <T>(db: Db, run: (tx: Tx) => Promise<T>) => db.$transaction((tx) => run(tx as Tx), { timeout: 15_000, maxWait: 15_000 });

export async function createUser(deps: UserDeps, input: { name: string; email: string; password: string; role: Role }): Promise<string> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  checkPassword(input.password, "password", { email, name });
  const passwordHash = await hashPassword(input.password);
  return transaction(deps.db, async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw conflict(`A user with e-mail ${email} already exists.`, { fields: ["email"] });
    }
    const user = await tx.user.create({
      data: { name, email, role: input.role, passwordHash, searchText: userSearchText(name, email), createdAt: deps.now },
      select: { id: true },
    });
    await audit(tx, deps.actor, deps.now, {
      action: "USER_CREATE",
      targetType: "User",
      targetId: user.id,
      after: { name, email, role: input.role, active: true },
    });
    return user.id;
  });
}

/** Name and e-mail of a user (ADMIN). */
export async function updateUser(deps: UserDeps, userId: string, input: { name?: string | null; email?: string | null }): Promise<string> {
  return transaction(deps.db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
    if (!user) throw notFound("The user");
    const next = { name: input.name?.trim() || user.name, email: input.email ? normaliseEmail(input.email) : user.email };
    if (next.email !== user.email && (await tx.user.findUnique({ where: { email: next.email }, select: { id: true } }))) {
      throw conflict(`A user with e-mail ${next.email} already exists.`, { fields: ["email"] });
    }
    await tx.user.update({ where: { id: userId }, data: { ...next, searchText: userSearchText(next.name, next.email) } });
    await audit(tx, deps.actor, deps.now, { action: "USER_UPDATE", targetType: "User", targetId: userId, ...diff(user, next) });
    return userId;
  });
}

function diff<T extends Record<string, unknown>>(before: T, after: T) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/**
 * Refuses a change that would leave no active ADMIN: `userId` is about to stop
 * being one (demoted or deactivated). Runs under the "users" lock.
 */
async function keepAnAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) {
    throw conflict("This is the last active administrator: make another user ADMIN first.", { activeAdmins: 1 });
  }
}

export async function changeUserRole(deps: UserDeps, userId: string, role: Role): Promise<string> {
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "users");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!user) throw notFound("The user");
    if (user.role === role) return userId;
    if (user.role === "ADMIN" && !user.deactivatedAt) await keepAnAdmin(tx, userId);
    // A lower role takes effect at once: tokens are checked against the stored role on every request.
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, deps.actor, deps.now, {
      action: "USER_ROLE_CHANGE",
      targetType: "User",
      targetId: userId,
      before: { role: user.role },
      after: { role },
    });
    return userId;
  });
}

/**
 * Deactivates (or reactivates) an account. A deactivated user cannot sign in,
 * and every token they hold stops working at once (the token version is raised).
 */
export async function setUserActive(deps: UserDeps, userId: string, active: boolean): Promise<string> {
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "users");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!user) throw notFound("The user");
    if (active === (user.deactivatedAt === null)) return userId;
    if (!active && user.role === "ADMIN") await keepAnAdmin(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: active ? { deactivatedAt: null } : { deactivatedAt: deps.now, tokenVersion: { increment: 1 } },
    });
    await audit(tx, deps.actor, deps.now, {
      action: active ? "USER_REACTIVATE" : "USER_DEACTIVATE",
      targetType: "User",
      targetId: userId,
      before: { active: !active },
      after: { active },
    });
    return userId;
  });
}

// No 0/O, 1/l/I: the password is read off a screen and typed or dictated.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password of four groups of five (about 117 bits), e.g. "k7Qm2-..." */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/**
 * Gives a user a new generated password, returned once and stored only as a
 * hash; their tokens stop working. Reactivation is separate: a deactivated user
 * stays deactivated.
 */
export async function resetUserPassword(deps: UserDeps, userId: string): Promise<{ userId: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await transaction(deps.db, async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, tokenVersion: { increment: 1 } } });
    if (count !== 1) throw notFound("The user");
    // Never the password itself, nor its hash.
    await audit(tx, deps.actor, deps.now, { action: "USER_PASSWORD_RESET", targetType: "User", targetId: userId });
  });
  return { userId, password };
}

/**
 * The signed-in user's own password. Every token they hold stops working, this
 * one included; the caller issues a new one for the new token version.
 */
export async function changeOwnPassword(deps: UserDeps, userId: string, current: string, next: string): Promise<{ tokenVersion: number }> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw notFound("The user");
  if (!(await verifyPassword(current, user.passwordHash))) throw badInput("currentPassword: this is not your current password.", ["currentPassword"]);
  if (current === next) throw badInput("newPassword: the new password must differ from the current one.", ["newPassword"]);
  checkPassword(next, "newPassword", { email: user.email, name: user.name });
  const passwordHash = await hashPassword(next);
  return transaction(deps.db, async (tx) => {
    // Only if the password is still the one checked above (no concurrent change).
    const { count } = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, tokenVersion: { increment: 1 } },
    });
    if (count !== 1) throw conflict("Your password changed meanwhile: sign in again.");
    await audit(tx, deps.actor, deps.now, { action: "PASSWORD_CHANGE", targetType: "User", targetId: userId });
    const { tokenVersion } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { tokenVersion: true } });
    return { tokenVersion };
  });
}
