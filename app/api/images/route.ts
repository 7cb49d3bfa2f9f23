import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { ImageRejected, MAX_IMAGE_BYTES, storeImage } from '@/lib/images/image-store';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function refuse(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: NO_STORE });
}

/** Image upload for staff (multipart field `file`); the bytes decide what it is, never the name. */
export async function POST(request: Request): Promise<Response> {
  const user = await authorizeAction('reporter');
  // Cookies are SameSite=Lax already; refusing foreign origins also stops same-site form posts.
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin && origin !== process.env.SITE_URL) {
    return refuse('请求来源无效。', 403);
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES + 64 * 1024) return refuse('图片不能超过 10 MB。', 413);
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('file');
  } catch {
    return refuse('请求格式无效:请用表单上传图片文件。', 400);
  }
  if (!(file instanceof File)) return refuse('请选择要上传的图片文件。', 400);
  try {
    const stored = await storeImage(Buffer.from(await file.arrayBuffer()), user.id);
    await recordAudit({ actorId: user.id, actorName: user.username, action: 'image.upload', target: `image:${stored.hash}`, detail: `${stored.mime} ${stored.width}×${stored.height}`, ip: await clientIp() });
    return Response.json(stored, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (error instanceof ImageRejected) return refuse(error.message, error.status);
    throw error;
  }
}
