import path from 'node:path';

/**
 * Node arguments that run the portal's server (server.ts: Next behind its front door) on a
 * production build, for every script and test that starts one.
 */
export function portalServerArgs(port: number | string, hostname = '127.0.0.1'): string[] {
  return ['--import', 'tsx', path.join(process.cwd(), 'server.ts'), '-p', String(port), '-H', hostname];
}
