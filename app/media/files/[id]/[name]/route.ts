import { articleMedia } from '@/lib/files/media-access';
import { serveStoredFile } from '@/lib/files/serve-file';

type Context = { params: Promise<{ id: string; name: string }> };

/** An article's attachment (a download) or video (played inline), with range requests. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id, name } = await params;
  const file = await articleMedia(id, { file: name });
  if (!file) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return serveStoredFile(request, file);
}
