// Live updates as the mobile app and the web portal receive them: graphql-ws
// (WebSocket) with the token in connectionParams and automatic reconnection,
// and Server-Sent Events with the graphql-sse client. Both at the GraphQL path.
// Run against a real server by tests/client-recipes.test.ts; docs/clients.md
// quotes the regions.
// #region ws
import { createClient, type Client } from "graphql-ws";
import { ArticlePublishedDocument, LoginDocument } from "../generated/graphql";

/** A subscription named by its persisted-document id: no query text on the wire. */
export const byId = (document: unknown, variables: Record<string, unknown>) => ({
  query: "",
  extensions: { persistedQuery: { version: 1, sha256Hash: documentId(document) } },
  variables,
});

/** The id codegen gave a typed document ("sha256:<hex>"), kept in document.__meta__.hash. */
export const documentId = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

export interface Session {
  /** The current token, or null for an anonymous reader. */
  token: string | null;
  /** Signs in again (stored credentials, a refresh screen...) and returns the new token. */
  renew(): Promise<string>;
}

export function createLiveClient(url: string, session: Session, webSocketImpl?: unknown): Client {
  return createClient({
    url, // wss://portal.example.vn/graphql
    // Read at every (re)connection, so a renewed token is used from then on.
    connectionParams: () => (session.token ? { authorization: `Bearer ${session.token}` } : {}),
    lazy: true, // connect on the first subscription, close after the last
    retryAttempts: Infinity, // a phone loses its network: always come back
    shouldRetry: () => true,
    // 1 s, 2 s, 4 s ... at most 30 s, with jitter so that clients do not return all at once.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries) * (0.5 + Math.random() / 2))),
    keepAlive: 20_000, // a ping every 20 s keeps idle connections through proxies
    ...(webSocketImpl ? { webSocketImpl } : {}),
  });
}

type Published = { id: string; title: string };

/**
 * New articles as they are published (one category, or all). When the token has
 * expired or was revoked, the server answers UNAUTHENTICATED: renew it, drop the
 * connection (the next one carries the new token) and subscribe again.
 */
export function onArticlePublished(client: Client, session: Session, categorySlug: string | null, onArticle: (a: Published) => void) {
  let stop = () => {};
  const start = () => {
    stop = client.subscribe<{ articlePublished: Published }>(byId(ArticlePublishedDocument, { categorySlug }), {
      next: (result) => {
        const code = result.errors?.[0]?.extensions?.code;
        if (code === "UNAUTHENTICATED") return void renewAndRestart();
        if (result.data) onArticle(result.data.articlePublished);
      },
      error: (error) => {
        const code = (error as Array<{ extensions?: { code?: string } }>)?.[0]?.extensions?.code;
        if (code === "UNAUTHENTICATED") void renewAndRestart();
      },
      complete: () => {},
    });
  };
  const renewAndRestart = async () => {
    stop();
    session.token = await session.renew();
    client.terminate(); // reconnects lazily, with the new token in connectionParams
    start();
  };
  start();
  return () => stop();
}
// #endregion ws

// #region renew
/** A session that signs in again with stored credentials when its token expires. */
export function passwordSession(graphqlUrl: string, email: string, password: string): Session {
  const session: Session = {
    token: null,
    renew: async () => {
      const response = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ documentId: documentId(LoginDocument), variables: { email, password } }),
      });
      const { data, errors } = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown[] };
      if (!data) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
      return (session.token = data.login.token);
    },
  };
  return session;
}
// #endregion renew

// #region sse
import { createClient as createSseClient } from "graphql-sse";
import { ArticleViewCountDocument } from "../generated/graphql";

/** The live view counter of the article on screen, over Server-Sent Events. */
export function watchViewCount(url: string, articleId: string, onCount: (views: number) => void, token?: string) {
  const client = createSseClient({
    url, // https://portal.example.vn/graphql: plain HTTP, through any proxy
    headers: () => (token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>)),
    retryAttempts: 5,
  });
  const stop = client.subscribe<{ articleViewCount: { viewCount: number } }>(byId(ArticleViewCountDocument, { id: articleId }), {
    next: (result) => result.data && onCount(result.data.articleViewCount.viewCount),
    error: (error) => console.error("view counter stopped", error),
    complete: () => {},
  });
  return () => {
    stop();
    client.dispose();
  };
}
// #endregion sse
