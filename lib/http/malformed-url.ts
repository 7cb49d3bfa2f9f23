import { parsePositiveId } from '@/lib/params';
import { API_PATH, matchArticlePath } from '@/lib/routes';
import { jsonAnswer, NOT_FOUND_PAGE, type FrontDoorDecision } from './front-door-types';

/**
 * A path whose percent-encoding is not valid UTF-8 (`/news/%ff`) makes Next's dynamic-route
 * matcher throw a DecodeError; Next then looks for a /400 page the App Router does not have
 * and answers a bare 500. Catch it first: APIs get a JSON 400, pages the site's 404 page.
 * Costs one string scan when there is no "%".
 */
export function malformedUrlDecision(pathname: string): FrontDoorDecision {
  if (isBogusArticlePath(pathname)) return NOT_FOUND_PAGE;
  if (!pathname.includes('%')) return undefined;
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return pathname.startsWith(`${API_PATH}/`) ? jsonAnswer(400, { error: 'malformed URL' }) : NOT_FOUND_PAGE;
  }
}

/**
 * /news/<slug>/<id> is an ISR route with dynamicParams: Next renders any id on first request
 * and writes the result, 404s included, to its cache on disk. Ids that cannot be an article
 * (`-1`, `1e309`, `..%2f`, 10 KB of x) would let anyone fill the disk with cached 404s, so
 * they get the 404 page without reaching the route. The section's own sub-routes (rss.xml,
 * page) are not article paths to the matcher and pass; so does an undecodable slug, which
 * gets the same 404 page from the percent-encoding check in malformedUrlDecision.
 */
function isBogusArticlePath(pathname: string): boolean {
  const match = matchArticlePath(pathname);
  return match !== null && parsePositiveId(match.rawId) === null;
}
