import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipFromHeaders } from '@/lib/auth/client-ip';
import { CLIENT_ADDRESS_HEADER, clientAddress, stampClientAddress, trustedProxyHops } from '@/lib/http/client-address';

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy wrote it', () => {
    expect(clientAddress('10.0.0.7', '198.51.100.23', 0)).toBe('10.0.0.7');
    expect(clientAddress('::ffff:10.0.0.7', undefined, 0)).toBe('10.0.0.7');
  });

  it('takes the entry the trusted proxy appended, never the ones the client sent', () => {
    // nginx ($proxy_add_x_forwarded_for) appends the address it saw to whatever the client sent.
    expect(clientAddress('127.0.0.1', '198.51.100.23, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', ['198.51.100.23', '203.0.113.9'], 1)).toBe('203.0.113.9');
    // Two proxies: the CDN appended the client, nginx appended the CDN.
    expect(clientAddress('127.0.0.1', '198.51.100.23, 203.0.113.9, 192.0.2.1', 2)).toBe('203.0.113.9');
    // No header through a proxy that should have written one: the socket peer, not nothing.
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
  });

  it('reads TRUST_PROXY as a small hop count and anything else as 0', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('1')).toBe(1);
    for (const bad of ['true', '-1', '1.5', 'x', '99']) expect(trustedProxyHops(bad)).toBe(0);
  });

  it('reads only the front door header under Next, never X-Forwarded-For or X-Real-IP', () => {
    expect(ipFromHeaders({ 'x-forwarded-for': '198.51.100.23', 'x-real-ip': '198.51.100.24' })).toBeNull();
    expect(ipFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.23' }))).toBe('203.0.113.9');
  });
});

describe('the front door stamps the address a client cannot forge', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    // What server.ts does before Next: stamp, then Next's code reads the stamped header.
    server = http.createServer((req, res) => {
      stampClientAddress(req, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hops')));
      res.end(JSON.stringify({ ip: ipFromHeaders(req.headers) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts a sign-in with forged X-Forwarded-For and a forged stamp under the socket address', async () => {
    const res = await fetch(`${base}/api/auth/callback/credentials?hops=0`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': '198.51.100.23', [CLIENT_ADDRESS_HEADER]: '198.51.100.99', 'X-Real-IP': '198.51.100.24' },
    });
    expect(await res.json()).toEqual({ ip: '127.0.0.1' });
  });

  it('behind one trusted proxy, the address the proxy appended', async () => {
    const res = await fetch(`${base}/?hops=1`, {
      headers: { 'X-Forwarded-For': '198.51.100.23, 203.0.113.9', [CLIENT_ADDRESS_HEADER]: '198.51.100.99' },
    });
    expect(await res.json()).toEqual({ ip: '203.0.113.9' });
  });
});
