// Crawlers, monitors and headless fetchers announce themselves; their hits are not readers.
const BOT_PATTERN =
  /bot|crawl|spider|slurp|baiduspider|sogou|bytespider|yisou|360spider|headlesschrome|lighthouse|curl|wget|python-requests|httpclient|go-http-client|java\/|facebookexternalhit|preview|monitor|uptime/i;

export function isBotUserAgent(userAgent: string | null): boolean {
  if (!userAgent || userAgent.length < 8) return true;
  return BOT_PATTERN.test(userAgent);
}
