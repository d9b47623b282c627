// Access tokens: HS256 JWTs (jose) carrying the user id and the user's token
// version; raising the version revokes every token issued before.
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { resolveSecret } from "./secrets";

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** When the token stops being valid (set by verify). */
  expiresAt?: Date;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((iat + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ ver: claims.tokenVersion })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuedAt(iat)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setAudience("portal")
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for an expired, tampered or malformed one. */
  async verify(token: string, now = new Date()): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        audience: "portal",
        currentDate: now,
      });
      if (typeof payload.sub !== "string" || typeof payload.ver !== "number") return null;
      return {
        userId: payload.sub,
        tokenVersion: payload.ver,
        ...(typeof payload.exp === "number" && { expiresAt: new Date(payload.exp * 1000) }),
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
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

  async issue(claims: DownloadClaims, now: Date, ttlSeconds = 300): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((iat + ttlSeconds) * 1000);
    const token = await new SignJWT({ ver: claims.tokenVersion, res: claims.resource })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuedAt(iat)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setAudience("portal-download")
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string, now: Date): Promise<DownloadClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], audience: "portal-download", currentDate: now });
      if (typeof payload.sub !== "string" || typeof payload.ver !== "number" || typeof payload.res !== "string") return null;
      return { userId: payload.sub, tokenVersion: payload.ver, resource: payload.res };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}

/**
 * JWT_SECRET when configured; otherwise a random secret made once and kept in the
 * data folder, so tokens survive a restart and no secret is ever in the code.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  return resolveSecret(configured, dataDir, "jwt-secret");
}
