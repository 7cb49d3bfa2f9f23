import { headers } from 'next/headers';

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as { get?: unknown }).get === 'function') {
    return (source as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The caller's address for throttling and the audit log. We take the LAST X-Forwarded-For entry:
 * it is the one written by the nearest hop we trust (nginx's $proxy_add_x_forwarded_for, or
 * Next itself from the socket when nothing is in front), whereas earlier entries are whatever
 * the client chose to send.
 */
export function ipFromHeaders(source: HeaderSource): string | null {
  const forwarded = read(source, 'x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  const ip = last || read(source, 'x-real-ip')?.trim();
  return ip ? ip.replace(/^::ffff:/, '').slice(0, 64) : null;
}

/** The current request's client address (server components, actions, route handlers). */
export async function clientIp(): Promise<string | null> {
  return ipFromHeaders(await headers());
}
