import { articleRoute } from '@/db/queries/article-route';
import { isVisibleToReaders } from '@/db/visibility';
import { escapeHtml } from '@/lib/html';
import { parsePositiveId } from '@/lib/params';
import { articlePath, HOME_PATH, matchArticlePath } from '@/lib/routes';
import { siteConfig } from '@/lib/site-config';
import { NOT_FOUND_PAGE, type FrontDoorDecision, type HttpAnswer } from '@/lib/http/front-door-types';

/**
 * HTTP answers an App Router page cannot give for /news/<slug>/<id>:
 * - 301 to the canonical URL when the id is right but the section slug is not (moved article,
 *   hand-typed link), so crawlers merge the two URLs;
 * - 410 Gone for a withdrawn article, so it leaves search indexes for good.
 * An id that never existed gets the 404 page without reaching the ISR route, which would
 * otherwise write a cached 404 to disk for every number anyone cares to try. Anything else (a
 * live article, a draft) falls through to the page, which renders it or answers 404.
 * One prepared primary-key read; no other work. A slug that is not valid percent-encoding never
 * gets here through the front door (malformedUrlDecision answers it first), so the matcher may
 * treat it as no article path at all.
 */
export function articleUrlDecision(pathname: string, search: string, now = Date.now()): FrontDoorDecision {
  const match = matchArticlePath(pathname);
  if (!match) return undefined;
  const id = parsePositiveId(match.rawId);
  if (id === null) return undefined;
  const route = articleRoute(id);
  if (!route) return NOT_FOUND_PAGE;
  if (route.status === 'withdrawn') return goneAnswer();
  if (match.slug === route.sectionSlug) return undefined;
  // A draft under any other slug is a 404 too; only its own URL may be cached (and revalidated on publish).
  if (!isVisibleToReaders(route, now)) return NOT_FOUND_PAGE;
  // A path-absolute Location (RFC 9110 resolves it against the request URL): right behind any
  // proxy, whatever Host it was asked for. The query string survives the move (?from= links).
  return {
    kind: 'answer',
    status: 301,
    headers: { Location: articlePath(route.sectionSlug, id) + search, 'Cache-Control': 'public, max-age=3600' },
    body: '',
  };
}

/** The not-found page's look, with noindex, for an article that has been withdrawn. */
export function goneAnswer(): HttpAnswer {
  const name = escapeHtml(siteConfig.name);
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>文章已撤销 - ${name}</title>
<style>
body{margin:0;background:#f6f6f4;color:#1f2328;font-family:'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif;line-height:1.7}
header{background:#b5121b;color:#fff;padding:20px 16px}header a{color:#fff;font-size:1.75rem;font-weight:700;text-decoration:none}
main{max-width:72rem;margin:20px auto;padding:0 12px}
.box{background:#fff;border:1px solid #e3e5e8;padding:48px 24px;text-align:center}
h1{font-size:1.5rem;margin:0}p{color:#5b6169}.home{display:inline-block;background:#b5121b;color:#fff;padding:8px 20px;text-decoration:none}
a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
</style>
</head>
<body>
<header><a href="${HOME_PATH}">${name}</a></header>
<main id="main"><div class="box">
<h1>文章已撤销</h1>
<p>您访问的文章已被撤销,不再提供阅读。</p>
<p><a class="home" href="${HOME_PATH}">返回首页</a></p>
</div></main>
</body>
</html>
`;
  return {
    kind: 'answer',
    status: 410,
    body: html,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'X-Robots-Tag': 'noindex',
      'Cache-Control': 'public, max-age=0, s-maxage=300',
    },
  };
}
