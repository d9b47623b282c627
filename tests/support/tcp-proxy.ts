// A TCP proxy the fault tests control: `cut()` drops every connection and
// refuses new ones, as a stopped PostgreSQL or Redis would; `restore()` listens
// again on the same port; `connections` counts the connections it carries and
// `idle()` waits until it carries none.
import { createServer, connect, type Server, type Socket } from "node:net";
import { Changes } from "./wait";

export interface TcpProxy {
  port: number;
  /** Client connections open through the proxy now. */
  readonly connections: number;
  /** Resolves once no client connection is open through the proxy. */
  idle(): Promise<void>;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  const closing = new Changes();
  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        clients.add(client);
        client.on("close", () => {
          clients.delete(client);
          closing.notify();
        });
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        port = typeof address === "object" && address ? address.port : port;
        resolve();
      });
    });
  await listen();
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  };
  return {
    get port() {
      return port;
    },
    get connections() {
      return clients.size;
    },
    idle: () => closing.until(() => clients.size === 0, "the connections through the proxy closing"),
    cut,
    restore: listen,
    close: cut,
  };
}
