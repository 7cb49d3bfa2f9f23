import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNginxConfig } from '@/lib/http/nginx-config';

/**
 * deploy/nginx.conf as shipped (only its `# bench:` lines rewritten into a temporary prefix),
 * run by the real nginx in front of a stand-in upstream that counts the requests it gets:
 * pages are cached and survive the upstream going down, admin/API and cookie-setting answers
 * are never shared, signed-in staff bypass the cache, the localhost refresh works, gzip is on.
 * Needs the Debian nginx package (CI installs it); skipped where there is no nginx binary.
 */
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
function get(port: number, pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
  });
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe.skipIf(!nginxBin)('deploy/nginx.conf in front of the app', () => {
  const hits = new Map<string, number>();
  const seenAcceptEncoding: Array<string | undefined> = [];
  let upstream: http.Server;
  let nginx: ChildProcess;
  let port = 0;
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      const url = req.url ?? '/';
      const n = (hits.get(url) ?? 0) + 1;
      hits.set(url, n);
      seenAcceptEncoding.push(req.headers['accept-encoding']);
      // Like Next: a React Server Components request (RSC: 1) gets the Flight payload, a prefetch a
      // partial one; everything else gets the HTML page. No Vary header: the config must not need it.
      const flight = req.headers['rsc'] === '1';
      const prefetch = flight && req.headers['next-router-prefetch'] === '1';
      if (flight) {
        res.writeHead(200, { 'content-type': 'text/x-component', 'cache-control': 's-maxage=3600' });
        res.end(prefetch ? `0:"prefetch of ${url}"` : `0:"flight of ${url}"`);
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (url.startsWith('/api/') || url.startsWith('/admin')) headers['cache-control'] = 'private, no-store';
      else headers['cache-control'] = 's-maxage=3600, stale-while-revalidate=86400';
      if (url === '/set-cookie') headers['set-cookie'] = 'session=abc; HttpOnly';
      res.writeHead(200, headers);
      res.end(`<p>${url} answer ${n}</p>${'<p>正文段落</p>'.repeat(url === '/news/big/1' ? 400 : 1)}`);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const upstreamPort = (upstream.address() as AddressInfo).port;
    port = await freePort();
    fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
    const conf = renderNginxConfig(fs.readFileSync(path.join(process.cwd(), 'deploy', 'nginx.conf'), 'utf8'), {
      prefix,
      listenPort: port,
      upstreams: [`127.0.0.1:${upstreamPort}`],
      runAsRoot: process.getuid?.() === 0,
    });
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
    const args = ['-p', prefix, '-e', path.join(prefix, 'logs', 'error.log'), '-c', path.join(prefix, 'nginx.conf')];
    const check = spawnSync(nginxBin!, [...args, '-t'], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(nginxBin!, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
    for (let i = 0; i < 100; i++) {
      try {
        await get(port, '/api/ping');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    if (nginx && nginx.exitCode === null) await new Promise((r) => nginx.once('exit', r));
    upstream?.closeAllConnections();
    upstream?.close();
    fs.rmSync(prefix, { recursive: true, force: true });
  });

  it('never serves a Flight payload for a page, nor a prefetch for a navigation', async () => {
    const page = '/news/rsc/1';
    expect((await get(port, page, { RSC: '1', 'Next-Router-Prefetch': '1' })).body).toContain('prefetch of');
    const navigation = await get(port, page, { RSC: '1' });
    expect(navigation.headers['content-type']).toBe('text/x-component');
    expect(navigation.body).toContain('flight of');
    for (let i = 0; i < 2; i++) {
      const plain = await get(port, page);
      expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(plain.body).toContain(`${page} answer`);
    }
  });

  it('caches a public page: the second reader is served without the upstream', async () => {
    const first = await get(port, '/news/a/1');
    const second = await get(port, '/news/a/1');
    expect(first.body).toContain('answer 1');
    expect(second.body).toContain('answer 1');
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(hits.get('/news/a/1')).toBe(1);
  });

  it('never caches the API, the admin or a response that sets a cookie', async () => {
    for (const url of ['/api/health', '/admin/articles', '/set-cookie']) {
      await get(port, url);
      const again = await get(port, url);
      expect(again.body, url).toContain('answer 2');
    }
  });

  it('lets signed-in staff bypass the cache without replacing what readers get', async () => {
    await get(port, '/news/b/2');
    const staff = await get(port, '/news/b/2', { cookie: 'next-auth.session-token=x' });
    expect(staff.body).toContain('answer 2');
    expect(staff.headers['x-cache-status']).toBe('BYPASS');
    expect((await get(port, '/news/b/2')).body).toContain('answer 1');
  });

  it('refreshes one URL on request from this machine (the purge after publishing)', async () => {
    await get(port, '/news/c/3');
    const refreshed = await get(port, '/news/c/3', { 'x-portal-refresh': '1' });
    expect(refreshed.body).toContain('answer 2');
    const reader = await get(port, '/news/c/3');
    expect(reader.body).toContain('answer 2');
    expect(reader.headers['x-cache-status']).toBe('HIT');
  });

  it('compresses for the client and asks the upstream for identity', async () => {
    seenAcceptEncoding.length = 0;
    const big = await get(port, '/news/big/1', { 'accept-encoding': 'gzip' });
    expect(big.headers['content-encoding']).toBe('gzip');
    // One request reached the upstream, and it carried no Accept-Encoding (nginx compresses).
    expect(hits.get('/news/big/1')).toBe(1);
    expect(seenAcceptEncoding).toEqual([undefined]);
  });

  it('keeps serving the cached page when the upstream is down', async () => {
    await get(port, '/news/d/4');
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
    // Past the 10 s freshness, so nginx must go upstream, fail, and fall back to the stale copy.
    await new Promise((r) => setTimeout(r, 11_000));
    const during = await get(port, '/news/d/4');
    expect(during.status).toBe(200);
    expect(during.body).toContain('answer 1');
    expect(['STALE', 'UPDATING']).toContain(during.headers['x-cache-status']);
  }, 30_000);
});
