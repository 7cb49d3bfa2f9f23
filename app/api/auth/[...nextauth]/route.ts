import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the signing secret may be generated on first use (lib/auth/secret.ts).
async function handler(req: Request, context: Context): Promise<Response> {
  return NextAuth(req as never, context as never, authOptions()) as Promise<Response>;
}

export const dynamic = 'force-dynamic';
export { handler as GET, handler as POST };
