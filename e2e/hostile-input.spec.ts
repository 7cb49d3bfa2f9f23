import { expect, test, type APIRequestContext } from '@playwright/test';
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
