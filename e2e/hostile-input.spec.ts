import net from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { latestArticlePath } from './helpers/e2e-db';

/**
 * No request makes a 500. A table of hostile inputs (odd ids, path traversal, NUL, emoji,
 * invalid UTF-8, 10 KB strings, odd page numbers, malformed and oversized beacon bodies, wrong
 * methods) against every public route and API. Each must answer with a 4xx (or, for the staff
 * area and the article-URL canonicaliser, a redirect), pages with the site's own error page,
 * APIs with JSON, and never with a stack trace or a server path.
 */

const LONG = 'x'.repeat(10 * 1024);
const HOSTILE_IDS = [
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%F0%9F%98%80', // emoji
  '%ff', // not UTF-8
  '%E4%B8', // truncated UTF-8
  "1'%20OR%201=1",
  '1.5',
  '0x10',
  LONG,
];
const HOSTILE_PAGES = ['0', '-1', 'abc', '1e9', '1.5', '%00', '99999999999999999999', '%ff', LONG, '1&page=2'];

type Expect = 'page-error' | 'json-error' | 'any-4xx' | 'staff-redirect' | 'no-5xx';
type Case = { method?: string; path: string; body?: string; headers?: Record<string, string>; expect: Expect };

function cases(articlePath: string): Case[] {
  const list: Case[] = [];
  for (const id of HOSTILE_IDS) {
    list.push(
      { path: `/news/longquan/${id}`, expect: 'page-error' },
      { path: `/news/${id}`, expect: 'page-error' },
      { path: `/news/${id}/rss.xml`, expect: 'any-4xx' },
      { path: `/sitemaps/${id}`, expect: 'any-4xx' },
      { path: `/media/images/${id}`, expect: 'any-4xx' },
      { path: `/${id}`, expect: 'page-error' },
      { path: `/admin/articles/${id}`, expect: 'staff-redirect' },
      { path: `/api/auth/${id}`, expect: 'any-4xx' },
      { path: `/search?q=${id}`, expect: 'no-5xx' },
    );
  }
  for (const page of HOSTILE_PAGES) {
    list.push(
      { path: `/news/longquan?page=${page}`, expect: 'page-error' },
      { path: `/news/news?page=${page}`, expect: 'page-error' },
      { path: `/hot?page=${page}`, expect: 'page-error' },
      // Search treats a bad page as page 1 (a lenient 200); it must still never fail.
      { path: `/search?q=${encodeURIComponent('龙泉')}&page=${page}`, expect: 'no-5xx' },
      { path: `/search?q=${page}`, expect: 'no-5xx' },
    );
  }
  const beacon = (body: string, headers: Record<string, string> = {}): Case => ({
    method: 'POST',
    path: '/api/views',
    body,
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36', ...headers },
    expect: 'json-error',
  });
  list.push(
    beacon('{'),
    beacon('null'),
    beacon('[]'),
    beacon('"😀"'),
    beacon('{"id":-1}'),
    beacon('{"id":0}'),
    beacon('{"id":1e309}'),
    beacon('{"id":"1e309"}'),
    beacon('{"id":99999999999999999999}'),
    beacon('{"id":"..%2f..%2fetc%2fpasswd"}'),
    beacon('{"id":"\\u0000"}'),
    beacon('{"id":1,"extra":true}'),
    beacon('{"id":{"$gt":0}}'),
    beacon(''),
    beacon(LONG),
    beacon(JSON.stringify({ id: 'x'.repeat(1024 * 1024) })),
  );
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) list.push({ method, path: '/api/views', expect: 'json-error' });
  for (const method of ['POST', 'PUT', 'DELETE']) list.push({ method, path: '/api/health', expect: 'json-error' });
  for (const method of ['POST', 'PUT', 'DELETE']) {
    list.push(
      { method, path: '/rss.xml', expect: 'any-4xx' },
      { method, path: '/news/longquan/rss.xml', expect: 'any-4xx' },
      { method, path: '/sitemap.xml', expect: 'any-4xx' },
      { method, path: '/', expect: 'any-4xx' },
    );
  }
  list.push(
    { method: 'PUT', path: '/api/auth/session', expect: 'any-4xx' },
    { method: 'DELETE', path: '/api/auth/signin', expect: 'any-4xx' },
    { method: 'POST', path: '/api/images', body: LONG, expect: 'any-4xx' },
    { method: 'GET', path: '/api/images', expect: 'any-4xx' },
    { method: 'POST', path: '/api/internal/scheduler', expect: 'any-4xx' },
    // Without the process's own secret the revalidation route does not exist, whatever the body.
    { method: 'POST', path: '/api/internal/revalidate', body: '{"pages":["/"],"layouts":["/"]}', expect: 'any-4xx' },
    // A real article with junk in the query string is still that article.
    { path: `${articlePath}?page=${LONG}`, expect: 'no-5xx' },
  );
  return list;
}

// A stack frame, an error class name followed by its message, or a server path.
const LEAKS = [/\n\s+at [^\n]+:\d+:\d+/, /\b(?:SqliteError|TypeError|ReferenceError|RangeError|SyntaxError|URIError)\b/, /node_modules\//, /\.next[^"'\s]*\/server\//];

async function send(request: APIRequestContext, c: Case) {
  return request.fetch(c.path, {
    method: c.method ?? 'GET',
    data: c.body,
    headers: c.headers,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

test('no hostile request makes a 500, leaks a stack trace or misses the error page', async ({ request }) => {
  test.setTimeout(240_000);
  const failures: string[] = [];
  const table = cases(latestArticlePath());
  for (const c of table) {
    const label = `${c.method ?? 'GET'} ${c.path.replace(LONG, 'x…(10 KB)')}${c.body ? ` body=${c.body.slice(0, 40)}` : ''}`;
    const res = await send(request, c);
    const status = res.status();
    const body = await res.text();
    const type = res.headers()['content-type'] ?? '';
    const problems: string[] = [];
    if (status >= 500) problems.push(`status ${status}`);
    const leak = LEAKS.find((re) => re.test(body));
    if (leak) problems.push(`leaks ${leak}`);
    switch (c.expect) {
      case 'page-error':
        if (![400, 404].includes(status)) problems.push(`status ${status}, expected 400/404`);
        else if (!type.includes('text/html') || !body.includes('页面不存在')) problems.push('not the site error page');
        break;
      case 'json-error':
        if (![400, 404, 405, 413].includes(status)) problems.push(`status ${status}, expected 400/404/405/413`);
        else if (!type.includes('application/json')) problems.push(`content-type ${type}, expected JSON`);
        else {
          try {
            JSON.parse(body);
          } catch {
            problems.push('body is not JSON');
          }
        }
        break;
      case 'any-4xx':
        if (status < 400 || status >= 500) problems.push(`status ${status}, expected 4xx`);
        break;
      case 'no-5xx':
        break;
      case 'staff-redirect': {
        const location = res.headers()['location'] ?? '';
        const redirectsToLogin = [302, 303, 307, 308].includes(status) && location.includes('/admin/login');
        if (!redirectsToLogin && ![400, 401, 403, 404].includes(status)) problems.push(`status ${status} → ${location}`);
        break;
      }
    }
    if (problems.length) failures.push(`${label}: ${problems.join(', ')}`);
  }
  expect(failures, `${failures.length} of ${table.length} hostile requests misbehaved`).toEqual([]);
});

test('the server is still healthy after the hostile table', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect((await res.json()).ok).toBe(true);
});

// ---------------------------------------------------------------------------------------------
// The protocol layer: requests Playwright's client would normalise (methods, Host, raw paths,
// chunked bodies) are written to a socket as they are.

const { port } = new URL(baseURL);
const HOST = `Host: 127.0.0.1:${port}\r\n`;

type RawAnswer = { status: number; head: string; body: string };

/** Sends `text` as is on a fresh connection and reads the answer until the server closes it. */
function rawRequest(text: string): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const all = Buffer.concat(chunks);
      const at = all.indexOf('\r\n\r\n');
      const head = (at < 0 ? all : all.subarray(0, at)).toString('latin1');
      let body: Buffer = at < 0 ? Buffer.alloc(0) : Buffer.from(all.subarray(at + 4));
      if (/^transfer-encoding: chunked/im.test(head)) body = dechunk(body);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body: body.toString('utf8') });
    };
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', finish);
    // Written, not ended: a half-closed socket may be dropped before the answer (Connection: close ends it).
    socket.write(Buffer.from(text, 'latin1'));
  });
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const header = (head: string, name: string) => new RegExp(`^${name}: ([^\\r\\n]*)`, 'im').exec(head)?.[1];
/** A UTF-8 path or header value as the bytes a raw client puts on the wire. */
const wire = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const request = (method: string, target: string, extra = '', host = HOST) => `${method} ${target} HTTP/1.1\r\n${host}${extra}Connection: close\r\n\r\n`;
const chunked = (method: string, target: string, contentType: string, chunks: string) =>
  `${method} ${target} HTTP/1.1\r\n${HOST}Content-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}`;

/**
 * What an answer must be: the site's error page (HTML titled 页面不存在), JSON, a full reader
 * page, Node's bare protocol refusal (no body: the request never reached the portal), a local
 * redirect, or a short plain-text refusal (Next's image optimiser and method checks).
 */
type Shape = 'error-page' | 'json' | 'page' | 'bare' | 'local-redirect' | 'text' | 'head';
type RawCase = { label: string; request: string; status: number; shape: Shape };

function protocolCases(articlePath: string): RawCase[] {
  const list: RawCase[] = [];
  const add = (label: string, raw: string, status: number, shape: Shape) => list.push({ label, request: raw, status, shape });
  // Methods. HEAD is GET without a body; unknown tokens never pass Node's parser.
  for (const path of ['/', articlePath, '/news/longquan', '/hot', '/search?q=a', '/admin/login']) add(`HEAD ${path}`, request('HEAD', path), 200, 'head');
  add('HEAD /api/health', request('HEAD', '/api/health'), 200, 'head');
  add('HEAD /api/views', request('HEAD', '/api/views'), 405, 'head');
  for (const method of ['FOO', 'BREW', 'GET\u0000']) for (const path of ['/', articlePath, '/api/health']) add(`${JSON.stringify(method)} ${path}`, request(method, path), 400, 'bare');
  add('OPTIONS /', request('OPTIONS', '/'), 405, 'text');
  add('OPTIONS /hot', request('OPTIONS', '/hot'), 405, 'text');
  add('OPTIONS /api/views', request('OPTIONS', '/api/views'), 405, 'json');
  add('PROPFIND /api/views', request('PROPFIND', '/api/views'), 405, 'json');
  for (const method of ['PATCH', 'DELETE']) add(`${method} /api/health`, request(method, '/api/health'), 405, 'json');
  // Headers: oversized cookies are refused by Node (431); garbage ones are nobody's session.
  add('20 KB cookie', request('GET', '/', `Cookie: a=${'x'.repeat(20_000)}\r\n`), 431, 'bare');
  add('9 KB cookie', request('GET', '/', `Cookie: a=${'x'.repeat(9_000)}\r\n`), 200, 'page');
  add('garbage cookies on an article', request('GET', articlePath, 'Cookie: ;;;=;=x;%ff=%ff; next-auth.session-token=%00\r\n'), 200, 'page');
  add('garbage session on the login page', request('GET', '/admin/login', 'Cookie: next-auth.session-token=garbage\r\n'), 200, 'page');
  add('garbage session on /admin', request('GET', '/admin', `Cookie: next-auth.session-token=${'e'.repeat(8_000)}\r\n`), 307, 'local-redirect');
  add('no Host', request('GET', '/', '', ''), 400, 'bare');
  for (const host of ['evil.example', '', 'h'.repeat(5_000), '127.0.0.1@evil.example', 'evil.example:99999']) {
    add(`Host: ${host.slice(0, 30)}`, request('GET', '/', '', `Host: ${host}\r\n`), 200, 'page');
  }
  add('two Hosts', request('GET', '/', '', `${HOST}Host: evil.example\r\n`), 200, 'page');
  add('X-Forwarded-*', request('GET', '/', 'X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: javascript\r\nX-Forwarded-For: <script>\r\nX-Forwarded-Port: 99999\r\n'), 200, 'page');
  add('X-Forwarded-Host on the login page', request('GET', '/admin/login', 'X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n'), 200, 'page');
  add('x-middleware-subrequest', request('GET', '/admin', 'x-middleware-subrequest: proxy:proxy:proxy:proxy:proxy\r\n'), 307, 'local-redirect');
  // Paths as a raw client sends them, unnormalised.
  for (const path of ['/../etc/passwd', '/news/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/news/%2e%2e/%2e%2e/etc/passwd', '/%252e%252e/etc/passwd', '/news/longquan/%252e%252e', '/news%5c..%5c..%5cetc', '/_next/static/../../../etc/passwd', '/_next/static/%2e%2e/%2e%2e/server/app.js']) {
    add(`GET ${path}`, request('GET', path), 404, 'error-page');
  }
  for (const path of ['/news\\..\\..\\etc\\passwd', '//evil.example/', '//evil.example/news', '///', '/news//longquan']) add(`GET ${path}`, request('GET', path), 308, 'local-redirect');
  add('GET \\\\evil.example', request('GET', '\\\\evil.example'), 400, 'bare');
  // The absolute form is served as its path (lib/http/front-door.ts), never redirected to its host.
  add('GET http://evil.example/ (absolute form)', request('GET', 'http://evil.example/'), 200, 'page');
  add('GET http://evil.example/news/longquan/0 (absolute form)', request('GET', 'http://evil.example/news/longquan/0'), 404, 'error-page');
  for (const [query, status] of [
    ['', 400],
    ['?url=', 400],
    ['?url=//evil.example/x.png&w=64&q=75', 400],
    ['?url=http://169.254.169.254/&w=64&q=75', 400],
    ['?url=/nope.png&w=64&q=75', 404],
    ['?url=/favicon.ico&w=abc&q=75', 400],
    ['?url=/favicon.ico&w=99999&q=75', 400],
    ['?url=/favicon.ico&w=64&q=0', 400],
    ['?url=%ff&w=64&q=75', 400],
    ['?url=/api/health&w=64&q=75', 400],
  ] as const) {
    add(`/_next/image${query}`, request('GET', `/_next/image${query}`), status, 'text');
  }
  // Overlong UTF-8, bidi and zero-width characters, full-width digits.
  const odd = ['%C0%AE%C0%AE', '3%E2%80%8B', '%E2%80%AE3', '%EF%BC%93', '3%C0%80', wire('３'), wire('3\u200b'), wire('\u202e3')];
  for (const id of odd.slice(0, 5)) {
    add(`article id ${id}`, request('GET', `/news/longquan/${id}`), 404, 'error-page');
    add(`section page ${id}`, request('GET', `/news/longquan?page=${id}`), 404, 'error-page');
    add(`hot page ${id}`, request('GET', `/hot?page=${id}`), 404, 'error-page');
    add(`internal list page ${id}`, request('GET', `/news/longquan/page/${id}`), 404, 'error-page');
    add(`search ${id}`, request('GET', `/search?q=${id}&page=${id}`), 200, 'page');
  }
  // Raw (unencoded) non-ASCII bytes in the request line never pass Node's parser.
  for (const id of odd.slice(5)) {
    add(`raw bytes in an article id ${JSON.stringify(id)}`, request('GET', `/news/longquan/${id}`), 400, 'bare');
    add(`raw bytes in a query ${JSON.stringify(id)}`, request('GET', `/search?q=${id}`), 400, 'bare');
  }
  add('zero-width slug', request('GET', '/news/%E2%80%8Blongquan'), 404, 'error-page');
  add('full-width root', request('GET', '/%EF%BC%91'), 404, 'error-page');
  add('overlong UTF-8 in an API path', request('GET', '/api/health%C0%AE'), 400, 'json');
  add('overlong UTF-8 in an API segment', request('GET', '/api/%C0%AE%C0%AE/health'), 400, 'json');
  // Chunked bodies with no length (the 413 past a limit is e2e/front-door-hardening.spec.ts's).
  add('chunked beacon', chunked('POST', '/api/views', 'application/json', '7\r\n{"id":0\r\n1\r\n}\r\n0\r\n\r\n'), 400, 'json');
  add('chunked beacon, bad chunk size', chunked('POST', '/api/views', 'application/json', 'zz\r\nxx\r\n0\r\n\r\n'), 400, 'bare');
  add('chunked and Content-Length', `POST /api/views HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n`, 400, 'bare');
  add('chunked to /api/health', chunked('POST', '/api/health', 'application/json', '2\r\n{}\r\n0\r\n\r\n'), 405, 'json');
  // authorizeAction's 401 interrupt answers a route handler with an empty body, not JSON.
  add('chunked upload, signed out', chunked('POST', '/api/images', 'multipart/form-data; boundary=x', '5\r\nhello\r\n0\r\n\r\n'), 401, 'text');
  add('chunked to /', chunked('POST', '/', 'application/json', '2\r\n{}\r\n0\r\n\r\n'), 405, 'text');
  return list;
}

function shapeProblem(c: RawCase, res: RawAnswer): string | null {
  const type = header(res.head, 'content-type') ?? '';
  switch (c.shape) {
    case 'error-page':
      return type.includes('text/html') && res.body.includes('<title>页面不存在') ? null : `not the site's error page (${type})`;
    case 'json':
      if (!type.includes('application/json')) return `content-type ${type || 'none'}, expected JSON`;
      try {
        JSON.parse(res.body);
        return null;
      } catch {
        return 'body is not JSON';
      }
    case 'page':
      return type.includes('text/html') && res.body.includes('</html>') && !res.body.includes('<title>页面不存在') ? null : `not a full page (${type})`;
    case 'head':
      return res.body === '' ? null : 'HEAD answered with a body';
    case 'bare':
      return res.body === '' ? null : `a body from past the parser: ${res.body.slice(0, 60)}`;
    case 'local-redirect': {
      const location = header(res.head, 'location') ?? '';
      return location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\') ? null : `redirects off-site: ${location}`;
    }
    case 'text':
      return type.includes('text/html') && !res.body.includes('页面不存在') ? 'an HTML page where a short refusal was expected' : null;
  }
}

test('methods, headers, raw paths, odd characters and chunked bodies get exact, clean answers', async () => {
  test.setTimeout(180_000);
  const failures: string[] = [];
  const table = protocolCases(latestArticlePath());
  for (const c of table) {
    const res = await rawRequest(c.request);
    const problems: string[] = [];
    if (res.status !== c.status) problems.push(`status ${res.status}, expected ${c.status}`);
    const leak = LEAKS.find((re) => re.test(res.body));
    if (leak) problems.push(`leaks ${leak}`);
    if (c.shape === 'page' && /evil\.example/.test(res.body)) problems.push('echoes the forged host');
    const shape = shapeProblem(c, res);
    if (shape) problems.push(shape);
    if (problems.length) failures.push(`${c.label}: ${problems.join(', ')}`);
  }
  expect(failures, `${failures.length} of ${table.length} raw requests misbehaved`).toEqual([]);
});

test('no header or query poisons a cached public page: a plain GET afterwards is the full HTML page', async () => {
  test.setTimeout(180_000);
  const articlePath = latestArticlePath();
  const failures: string[] = [];
  const variants: Array<{ label: string; send: (path: string) => string }> = [
    { label: 'RSC: 1', send: (p) => request('GET', p, 'RSC: 1\r\n') },
    { label: 'RSC: 1 + prefetch', send: (p) => request('GET', p, 'RSC: 1\r\nNext-Router-Prefetch: 1\r\n') },
    { label: '_rsc', send: (p) => request('GET', `${p}${p.includes('?') ? '&' : '?'}_rsc=abc`, 'RSC: 1\r\n') },
    { label: 'Next-Router-State-Tree', send: (p) => request('GET', p, 'Next-Router-State-Tree: %ff%ff\r\n') },
    { label: 'RSC + garbage state tree', send: (p) => request('GET', `${p}${p.includes('?') ? '&' : '?'}_rsc=x`, 'RSC: 1\r\nNext-Router-State-Tree: [["",{}]]\r\n') },
    { label: 'Next-Action on GET', send: (p) => request('GET', p, 'Next-Action: abc\r\n') },
    { label: 'Next-Action POST', send: (p) => `POST ${p} HTTP/1.1\r\n${HOST}Next-Action: 7f${'0'.repeat(40)}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]` },
    { label: 'Host: evil.example', send: (p) => request('GET', p, '', 'Host: evil.example\r\n') },
    { label: 'X-Forwarded-Host', send: (p) => request('GET', p, 'X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n') },
  ];
  for (const path of ['/', articlePath, '/news/longquan', '/news/longquan?page=2', '/hot']) {
    const baseline = await rawRequest(request('GET', path));
    expect(baseline.status, path).toBe(200);
    const title = /<title>[^<]*<\/title>/.exec(baseline.body)?.[0];
    expect(title, path).toBeTruthy();
    for (const v of variants) {
      const sent = await rawRequest(v.send(path));
      if (sent.status >= 500 || LEAKS.some((re) => re.test(sent.body))) failures.push(`${v.label} ${path}: ${sent.status}`);
      const plain = await rawRequest(request('GET', path));
      const type = header(plain.head, 'content-type') ?? '';
      if (plain.status !== 200 || !type.includes('text/html') || !plain.body.includes(title!) || !plain.body.includes('</html>') || plain.body.includes('evil.example')) {
        failures.push(`after ${v.label} ${path}: plain GET answered ${plain.status} ${type}, ${plain.body.length} bytes`);
      }
    }
  }
  expect(failures).toEqual([]);
});

// Next cannot build a Web Request for TRACE (undici forbids it) and would answer a bare 500 on
// route handlers and proxied staff pages: server.ts refuses it first (lib/http/front-door.ts).
// TRACK is not an HTTP method Node's parser knows: it answers 400 before any of our code runs.
test('TRACE answers 405 and TRACK 400, never 500', async () => {
  for (const [method, status] of [['TRACE', 405], ['TRACK', 400]] as const) {
    for (const path of ['/api/health', '/rss.xml', '/admin/login', '/']) {
      const res = await rawRequest(request(method, path));
      expect(res.status, `${method} ${path}`).toBe(status);
    }
  }
});
