import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Separate build folders let a test run and a dev session build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // Next hashes the whole HTML (FNV, char by char) on every response to make an ETag, even for
  // pages served from its cache: 18% of the server's CPU on a 90 KB article page (profiled under
  // `npm run bench`). Pages carry s-maxage for caches in front; browsers just re-fetch.
  generateEtags: false,
  // CSP, nosniff, Referrer-Policy, frame-ancestors, Permissions-Policy and HSTS on https are
  // set by server.ts on every response (lib/http/security-headers.ts says why not headers() here).
  reactStrictMode: true,
  // Metadata always in <head>, for every client: list pages read searchParams (dynamic), and
  // streamed metadata would put <title>/<meta> in <body> for browsers, validators and Lighthouse.
  htmlLimitedBots: /.*/,
  // unauthorized()/forbidden() give staff actions and handlers real 401/403 answers (lib/auth/session.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
