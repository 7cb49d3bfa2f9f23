/**
 * Turns deploy/nginx.conf into a config nginx can run from a temporary prefix without root:
 * only the lines marked `# bench: <kind>` change (paths, ports, user), so the benchmark and
 * the tests exercise the very caching rules production uses.
 */
export type NginxRenderOptions = {
  /** Folder for the pid file, logs, temp files and the cache. */
  prefix: string;
  listenPort: number;
  /** host:port of each portal process (server.ts). */
  upstreams: string[];
  /** As root, nginx would switch its workers to www-data, who cannot write the prefix. */
  runAsRoot: boolean;
  /** host:port of scripts/views-server.ts; absent means beacons go to the first upstream. */
  views?: string;
};

export function renderNginxConfig(template: string, o: NginxRenderOptions): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of template.split('\n')) {
    const marker = line.match(/#\s*bench:\s*([a-z_]+)\s*$/);
    if (!marker) {
      out.push(line);
      continue;
    }
    const kind = marker[1]!;
    const indent = line.match(/^\s*/)![0];
    seen.add(kind);
    switch (kind) {
      case 'user':
        if (o.runAsRoot) out.push(`${indent}user root;`);
        break;
      case 'pid':
        out.push(`${indent}pid ${o.prefix}/nginx.pid;`);
        break;
      case 'error_log':
        out.push(`${indent}error_log ${o.prefix}/logs/error.log warn;`);
        break;
      case 'access_log':
        // Writing a log line per request would measure the disk, not the proxy.
        out.push(`${indent}access_log off;`);
        break;
      case 'path':
        out.push(line.replace(/\/var\/lib\/nginx\/portal/g, o.prefix).replace(/#.*$/, ''));
        break;
      case 'upstream':
        // Every marked upstream line is replaced by the full list once.
        if (!out.some((l) => l.includes('# rendered upstreams'))) {
          out.push(`${indent}# rendered upstreams`);
          for (const u of o.upstreams) out.push(`${indent}server ${u};`);
        }
        break;
      case 'views':
        out.push(`${indent}server ${o.views ?? o.upstreams[0]};`);
        break;
      case 'views_backup':
        // The backup is Next; without a separate views process there is nothing to back up.
        if (o.views) out.push(`${indent}server ${o.upstreams[0]} backup;`);
        break;
      case 'listen':
        out.push(`${indent}listen 127.0.0.1:${o.listenPort};`);
        break;
      default:
        throw new Error(`deploy/nginx.conf: unknown bench marker "${kind}"`);
    }
  }
  for (const kind of ['user', 'pid', 'error_log', 'access_log', 'path', 'upstream', 'listen', 'views', 'views_backup']) {
    if (!seen.has(kind)) throw new Error(`deploy/nginx.conf lost its "# bench: ${kind}" line`);
  }
  return out.join('\n');
}
