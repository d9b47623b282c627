// Nobody can lock an account's owner out by guessing wrong: sign-in attempts are
// throttled per client address and per account from one address, never per account
// alone. The defaults (10 per account and address, 50 per address, 15 minutes).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { LoginDocument } from "../../clients/generated/graphql";
import { createTestApp, execute, gql, type GraphQLResponse, type TestApp } from "../support/app";
import { hashPassword } from "../../src/services/passwords";

// Every attempt hashes a password: slow on a busy machine.

const PASSWORD = "mật khẩu đúng của quản trị";

function login(t: TestApp, email: string, password: string, address: string) {
  return execute(t, LoginDocument, { email, password }, { address });
}
const codesOf = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

describe("an attacker cannot lock an administrator out", () => {
  let t: TestApp;
  const admin = "quan-tri@example.vn";
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    await t.app.db.user.create({ data: { name: "Quản trị", email: admin, role: "ADMIN", passwordHash: await hashPassword(PASSWORD) } });
  });
  afterAll(() => t.close());

  it("ten wrong passwords from one address throttle that address, not the owner elsewhere", async () => {
    const attacker = "203.0.113.66";
    for (let i = 0; i < 10; i++) expect(codesOf(await login(t, admin, `sai ${i}`, attacker))).toEqual(["UNAUTHENTICATED"]);
    // The attacker is slowed down, even when trying the right password now.
    expect(codesOf(await login(t, admin, PASSWORD, attacker))).toEqual(["RATE_LIMITED"]);
    expect(codesOf(await login(t, admin.toUpperCase(), "sai nữa", attacker))).toEqual(["RATE_LIMITED"]);
    // The owner, from their own address, signs in at once.
    const owner = await login(t, admin, PASSWORD, "198.51.100.5");
    expect(codesOf(owner)).toEqual([]);
    expect(owner.data?.login?.user?.role).toBe("ADMIN");
  });

  it("wrong passwords spread over many addresses never lock the account", async () => {
    for (let i = 0; i < 20; i++) expect(codesOf(await login(t, admin, "sai", `192.0.2.${i + 1}`))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await login(t, admin, PASSWORD, "198.51.100.6"))).toEqual([]);
  });

  it("the right password stays refused from the guessing address until its window ends", async () => {
    const attacker = "203.0.113.67";
    for (let i = 0; i < 10; i++) await login(t, admin, "sai", attacker);
    // Again and again: the owner elsewhere is never affected.
    for (let round = 0; round < 3; round++) {
      expect(codesOf(await login(t, admin, "sai", attacker))).toEqual(["RATE_LIMITED"]);
      expect(codesOf(await login(t, admin, PASSWORD, `198.51.100.${10 + round}`))).toEqual([]);
    }
  });

  it("aliases cannot batch guesses past the per-account limit of one address", async () => {
    const attacker = "203.0.113.68";
    // Aliases: no contract operation sends this.
    const aliased = `mutation Guess($email: String!, $password: String!) {
      ${Array.from({ length: 11 }, (_, i) => `a${i}: login(email: $email, password: $password) { token }`).join("\n")}
    }`;
    expect(codesOf(await gql(t, aliased, { email: admin, password: "sai" }, { address: attacker }))).toEqual(["RATE_LIMITED"]);
    expect(codesOf(await login(t, admin, PASSWORD, "198.51.100.20"))).toEqual([]);
  });

  it("one address guessing many accounts is still stopped by the per-address limit", async () => {
    // A smaller per-address limit than the default 50, for a shorter test: the same rule.
    const small = await createTestApp({ seed: false, config: { LOGIN_LIMIT_PER_ADDRESS: 12 } });
    try {
      await small.app.db.user.create({ data: { name: "Quản trị", email: admin, role: "ADMIN", passwordHash: await hashPassword(PASSWORD) } });
      const attacker = "203.0.113.69";
      for (let i = 0; i < 12; i++) expect(codesOf(await login(small, `ai-${i}@example.vn`, "sai", attacker))).toEqual(["UNAUTHENTICATED"]);
      expect(codesOf(await login(small, "ai-moi@example.vn", "sai", attacker))).toEqual(["RATE_LIMITED"]);
      expect(codesOf(await login(small, admin, PASSWORD, attacker))).toEqual(["RATE_LIMITED"]);
      expect(codesOf(await login(small, admin, PASSWORD, "198.51.100.21"))).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
