import { articleMedia } from '@/lib/files/media-access';
import { serveStoredFile } from '@/lib/files/serve-file';

type Context = { params: Promise<{ id: string }> };

/** A video's WebVTT captions, for its <track>. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const file = await articleMedia((await params).id, 'captions');
  if (!file) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return serveStoredFile(request, file);
}
