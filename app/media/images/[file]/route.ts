import { readServedImage } from '@/lib/images/image-store';

/**
 * Uploaded images and their variants. File names are content hashes, so a URL's bytes never
 * change: browsers and proxies may keep them for a year without asking again.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const image = await readServedImage((await params).file);
  if (!image) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(image.data), {
    headers: {
      'Content-Type': image.mime,
      'Content-Length': String(image.data.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // Even if a crafted file were ever stored, it cannot run script in our origin.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
