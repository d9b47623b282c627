// Access tokens: HS256 JWTs (jose) carrying the user id and the user's token
// version; raising the version revokes every token issued before.
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from "jose";
import { resolveSecret } from "./secrets";

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** When the token stops being valid (set by verify). */
  expiresAt?: Date;
}

/** An HS256 JWT for `audience`: the user as subject, `claims`, issued at `now` and valid for `ttlSeconds`. */
async function sign(
  key: Uint8Array,
  audience: string,
  userId: string,
  claims: JWTPayload,
  now: Date,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((iat + ttlSeconds) * 1000);
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuedAt(iat)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setAudience(audience)
    .sign(key);
  return { token, expiresAt };
}

/** The payload of a valid HS256 token for `audience`, or null for an expired, tampered or malformed one. */
async function verified(key: Uint8Array, audience: string, token: string, now: Date): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"], audience, currentDate: now });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: TokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    return sign(this.key, "portal", claims.userId, { ver: claims.tokenVersion }, now, this.ttlSeconds);
  }

  /** The claims of a valid token, or null for an expired, tampered or malformed one. */
  async verify(token: string, now = new Date()): Promise<TokenClaims | null> {
    const payload = await verified(this.key, "portal", token, now);
    if (typeof payload?.sub !== "string" || typeof payload.ver !== "number") return null;
    return {
      userId: payload.sub,
      tokenVersion: payload.ver,
      ...(typeof payload.exp === "number" && { expiresAt: new Date(payload.exp * 1000) }),
    };
  }
}

/** What a download link allows: one file, for one user, for a few minutes. */
export interface DownloadClaims extends TokenClaims {
  /** The path and query the link is for ("/exports/royalties.xlsx?month=2026-11"). */
  resource: string;
}

export class DownloadTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    // Signed with the same secret as access tokens but for another audience: one can never pass for the other.
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: DownloadClaims, now: Date, ttlSeconds = 300): Promise<{ token: string; expiresAt: Date }> {
    return sign(this.key, "portal-download", claims.userId, { ver: claims.tokenVersion, res: claims.resource }, now, ttlSeconds);
  }

  async verify(token: string, now: Date): Promise<DownloadClaims | null> {
    const payload = await verified(this.key, "portal-download", token, now);
    if (typeof payload?.sub !== "string" || typeof payload.ver !== "number" || typeof payload.res !== "string") return null;
    return { userId: payload.sub, tokenVersion: payload.ver, resource: payload.res };
  }
}

/**
 * JWT_SECRET when configured; otherwise a random secret made once and kept in the
 * data folder, so tokens survive a restart and no secret is ever in the code.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  return resolveSecret(configured, dataDir, "jwt-secret");
}
