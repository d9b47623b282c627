// HTTP-level protections: CORS from configuration, CSRF prevention for the
// request kinds a browser sends without a preflight, security headers, and
// switching introspection off for production.
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { CORSOptions, Plugin } from "graphql-yoga";
import type { Config } from "../../env";

const list = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Yoga's `cors` option: "*" lets any origin read (tokens travel in a header, never in cookies). */
export function corsOptions(config: Config): CORSOptions {
  const origins = list(config.CORS_ORIGINS);
  return {
    origin: origins.includes("*") ? "*" : origins,
    credentials: false,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["authorization", "content-type", "x-request-id", ...list(config.CSRF_HEADERS)],
    maxAge: 600,
  };
}

/**
 * Multipart, form and text/plain POSTs are "simple" requests a hostile page can
 * make a browser send to us; they must carry one of the CSRF headers, which only
 * a script allowed by CORS can set. An Authorization header proves the same (it
 * is not CORS-safelisted either, so the browser preflighted the request). JSON
 * POSTs are preflighted already, and GET never runs a mutation.
 */
export function useCsrf(config: Config): Plugin {
  const headers = [...list(config.CSRF_HEADERS), "authorization"];
  const csrf = useCSRFPrevention({ requestHeaders: headers }) as Plugin;
  return {
    onRequestParse(payload) {
      if (payload.request.method === "GET") return;
      try {
        return csrf.onRequestParse?.(payload);
      } catch (error) {
        // The same refusal (HTTP 403), with a code and what to send, as every other error.
        if (!(error instanceof GraphQLError)) throw error;
        throw new GraphQLError(`Required CSRF header not present: a form, multipart or text/plain POST must carry one of ${headers.join(", ")}.`, {
          extensions: { code: "BAD_USER_INPUT", http: { status: 403 } },
        });
      }
    },
  };
}

const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
// GraphiQL is served by this server, scripts and styles included (no CDN).
const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

export function useSecurityHeaders(config: Config): Plugin {
  const https = config.PUBLIC_URL?.startsWith("https://") ?? false;
  return {
    onResponse({ response }) {
      if (!config.SECURITY_HEADERS) return;
      const headers = response.headers;
      const html = (headers.get("content-type") ?? "").includes("text/html");
      headers.set("x-content-type-options", "nosniff");
      headers.set("x-frame-options", "DENY");
      headers.set("referrer-policy", "no-referrer");
      headers.set("cross-origin-opener-policy", "same-origin");
      headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
      if (!headers.has("content-security-policy")) headers.set("content-security-policy", html ? GRAPHIQL_CSP : JSON_CSP);
      if (https) headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
    },
  };
}

/** INTROSPECTION=false: __schema and __type are refused at validation. */
export function useIntrospectionSwitch(config: Config): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!config.INTROSPECTION) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
