/**
 * Route handlers export only the methods they serve; Next answers the rest with an empty 405.
 * Machine clients get JSON like every other API answer instead, with the Allow header.
 */
export function methodNotAllowed(allowed: string[]): () => Response {
  return () =>
    Response.json(
      { error: 'method not allowed' },
      { status: 405, headers: { Allow: allowed.join(', '), 'Cache-Control': 'private, no-store' } },
    );
}
