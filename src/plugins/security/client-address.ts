// The client's address for rate limits and counters. Behind a reverse proxy the
// socket address is the proxy's; X-Forwarded-For is believed only for as many
// hops as TRUST_PROXY says, because any client can send that header itself.
export function clientAddressOf(
  headers: { get(name: string): string | null },
  socketAddress: string | null | undefined,
  trustedProxies: number,
): string | null {
  const socket = normalise(socketAddress ?? null);
  if (trustedProxies <= 0) return socket;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Each trusted proxy appends the address it received the request from, so the
  // client is the entry written by the outermost trusted proxy.
  const candidate = forwarded[forwarded.length - trustedProxies] ?? forwarded[0];
  return normalise(candidate ?? null) ?? socket;
}

function normalise(address: string | null): string | null {
  if (!address) return null;
  const trimmed = address.trim().slice(0, 100);
  // IPv4 seen through an IPv6 socket.
  return trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed;
}
