import { headers } from 'next/headers';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as { get?: unknown }).get === 'function') {
    return (source as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's address for throttling and the audit log: the header the front door (server.ts)
 * writes from the socket and TRUST_PROXY (lib/http/client-address.ts), replacing any copy the
 * client sent. X-Forwarded-For and X-Real-IP are never read here: anyone can send them straight
 * to the Node server. Null when the app runs without the front door (which production refuses):
 * unknown beats an address the client chose.
 */
export function ipFromHeaders(source: HeaderSource): string | null {
  const ip = read(source, CLIENT_ADDRESS_HEADER)?.trim();
  return ip ? ip.slice(0, 64) : null;
}

/** The current request's client address (server components, actions, route handlers). */
export async function clientIp(): Promise<string | null> {
  return ipFromHeaders(await headers());
}
