import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { databaseHealth } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** For load balancers and monitors: 200 when the database answers and is migrated. */
export async function GET() {
  const health = await databaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'private, no-store' } });
}

const notAllowed = methodNotAllowed(['GET', 'HEAD']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
