// Keyed, daily-rotating visitor hashes ("Privacy"): no raw visitor id
// or address is ever stored, in memory, Redis or the database. A visitor is
// HMAC-SHA256(dailyKey(day), visitorId) — or of the client address and user agent
// when the client sends no visitorId — where dailyKey(day) = HMAC-SHA256(secret,
// day). The same visitor hashes alike within a day (unique counts) and unlinkably
// across days; the secret is shared by every instance (STATS_SECRET, or a random
// one kept in the data folder, like the JWT secret).
import { createHmac } from "node:crypto";
import { resolveSecret } from "../secrets";

export class VisitorHasher {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {}

  private keyOf(day: string): Buffer {
    let key = this.keys.get(day);
    if (!key) {
      key = createHmac("sha256", this.secret).update(`visitor-key:${day}`).digest();
      // Only today's and yesterday's keys are ever needed.
      if (this.keys.size > 4) this.keys.clear();
      this.keys.set(day, key);
    }
    return key;
  }

  /** A client address as a key (128 bits, base64url): bounds per address never store the address itself. */
  addressKey(address: string): string {
    return createHmac("sha256", this.secret).update(`address\u0000${address}`).digest().subarray(0, 16).toString("base64url");
  }

  /** The visitor's hash on `day` (128 bits, base64url). */
  hash(day: string, visitor: VisitorIdentity): string {
    const material = visitor.visitorId !== null ? `id\u0000${visitor.visitorId}` : `net\u0000${visitor.address ?? ""}\u0000${visitor.userAgent ?? ""}`;
    return createHmac("sha256", this.keyOf(day)).update(material).digest().subarray(0, 16).toString("base64url");
  }
}

export interface VisitorIdentity {
  visitorId: string | null;
  address: string | null;
  userAgent: string | null;
}

/** STATS_SECRET when configured; otherwise a random secret made once and kept in the data folder. */
export function resolveStatsSecret(configured: string | undefined, dataDir: string): string {
  return resolveSecret(configured, dataDir, "stats-secret");
}
