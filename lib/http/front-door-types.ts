import type { ServerResponse } from 'node:http';

/**
 * What the front door (server.ts, before Next) decides for a request, in plain data so the
 * rules are testable without a server: answer it outright, hand Next a different URL, or let
 * it through untouched (undefined).
 */
export type HttpAnswer = { kind: 'answer'; status: number; headers: Record<string, string>; body: string };
export type Rewrite = { kind: 'rewrite'; url: string };
export type FrontDoorDecision = HttpAnswer | Rewrite | undefined;

/**
 * The site's 404 page without reaching any route: '/_not-found-page' matches nothing (folders
 * starting with _ are private in the App Router), so Next renders the root not-found page,
 * with status 404 and uncached.
 */
export const NOT_FOUND_PAGE: Rewrite = { kind: 'rewrite', url: '/_not-found-page' };

export function jsonAnswer(status: number, body: unknown): HttpAnswer {
  return {
    kind: 'answer',
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' },
    body: JSON.stringify(body),
  };
}

/** Writes an answer to a node:http response, on top of any headers already set (HEAD: headers only). */
export function sendAnswer(res: ServerResponse, answer: HttpAnswer, method?: string): void {
  res
    .writeHead(answer.status, { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) })
    .end(method === 'HEAD' ? undefined : answer.body);
}
