import type http from 'node:http';

/**
 * Who is on the other end of a request, decided once in the front door (server.ts,
 * scripts/views-server.ts) from what a client cannot forge: the socket's peer address, and
 * X-Forwarded-For entries only as far as TRUST_PROXY says proxies we run wrote them.
 *
 * TRUST_PROXY is the number of proxy hops in front of this process (0, the default: none, so
 * X-Forwarded-For is ignored outright; deploy/nginx.conf: 1). With N hops the socket's peer is
 * the nearest proxy, and the client is the entry the farthest trusted proxy appended: the Nth
 * from the right. Entries left of it are whatever the client sent and are never read.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-ip';

export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  const hops = Number(value ?? 0);
  return Number.isSafeInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

function normalise(address: string | undefined): string | null {
  const trimmed = address?.trim();
  if (!trimmed) return null;
  // IPv4 clients on a dual-stack socket show up as ::ffff:a.b.c.d; one client, one spelling.
  return trimmed.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 64);
}

/** The client's address from the socket peer and the X-Forwarded-For header, trusting `hops` proxies. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | null {
  if (hops === 0) return normalise(socketAddress);
  // Several X-Forwarded-For headers are one list, in order (RFC 9110 §5.3).
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const entries = joined.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return normalise(socketAddress);
  // Fewer entries than trusted hops: a proxy in the chain wrote none; the farthest one any of
  // ours wrote is still ours, never the client's own (there is nothing left of it).
  return normalise(entries[Math.max(0, entries.length - hops)]);
}

/** The address of the client behind a node:http request. */
export function requestClientAddress(req: http.IncomingMessage, hops: number = trustedProxyHops()): string | null {
  return clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
}

/**
 * Replaces whatever CLIENT_ADDRESS_HEADER the client sent with the address the front door
 * worked out, so code under Next (which sees headers, not the socket) reads one it can trust
 * (lib/auth/client-ip.ts).
 */
export function stampClientAddress(req: http.IncomingMessage, hops: number = trustedProxyHops()): void {
  const address = requestClientAddress(req, hops);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}
