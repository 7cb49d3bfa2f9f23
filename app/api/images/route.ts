import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { BODY_LIMITS } from '@/lib/http/body-limit';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { ImageRejected, storeImage } from '@/lib/images/image-store';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function refuse(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: NO_STORE });
}

/** Image upload for staff (multipart field `file`); the bytes decide what it is, never the name. */
export async function POST(request: Request): Promise<Response> {
  const user = await authorizeAction('reporter');
  // Cookies are SameSite=Lax already; refusing foreign origins also stops same-site form posts.
  if (!isSameOriginRequest(request.headers)) return refuse('请求来源无效。', 403);
  // The front door (lib/http/body-limit.ts) has bounded the body as it streamed; this only spares
  // parsing a form whose declared size is already too much.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > BODY_LIMITS.imageUpload) return refuse('图片不能超过 10 MB。', 413);
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
