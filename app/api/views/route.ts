import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { isViewableArticle } from '@/db/queries/hot';
import { isBotUserAgent } from '@/lib/views/bots';
import { MAX_BEACON_BYTES, parseBeacon } from '@/lib/views/parse-beacon';
import { viewCounter } from '@/lib/views/view-counter';

const noStore = { 'Cache-Control': 'private, no-store' };

function error(status: number, message: string) {
  return Response.json({ error: message }, { status, headers: noStore });
}

/** The view beacon: counts one view of a published article into the in-memory buffer. */
export async function POST(request: Request) {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BEACON_BYTES) return error(400, 'body too large');
  const text = await readLimited(request, MAX_BEACON_BYTES);
  const id = text === null ? null : parseBeacon(text);
  if (id === null) return error(400, 'expected {"id": <article id>}');
  if (!(await isViewableArticle(id))) return error(400, 'unknown article');
  // Respond 204 even to bots so they don't retry, but don't count them.
  if (!isBotUserAgent(request.headers.get('user-agent'))) viewCounter().record(id);
  return new Response(null, { status: 204, headers: noStore });
}

async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Anything but POST: a JSON 405 like the other beacon errors (lib/http/method-not-allowed.ts).
const notAllowed = methodNotAllowed(['POST']);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
