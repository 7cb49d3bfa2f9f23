import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ElderModeScript } from '@/components/elder-mode-script';
import { contentSecurityPolicy, everyResponseHeaders, staffPageHeaders } from '@/lib/http/security-headers';

const scriptSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src '))!.split(' ').slice(1);

describe('Content-Security-Policy', () => {
  it("names the site's own inline script by its sha256 on staff pages, with a nonce and no 'unsafe-inline'", () => {
    const element = ElderModeScript() as unknown as { props: { dangerouslySetInnerHTML: { __html: string } } };
    const text = element.props.dangerouslySetInnerHTML.__html;
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const csp = staffPageHeaders('/admin/articles', { siteUrl: 'https://news.example.cn', dev: false, nonce: 'bm9uY2Ux' })!['Content-Security-Policy']!;
    expect(scriptSrc(csp)).toEqual(["'self'", "'nonce-bm9uY2Ux'", hash]);
  });

  it("keeps 'unsafe-inline' on public pages and lists no hash or nonce beside it (browsers would then ignore it)", () => {
    const csp = everyResponseHeaders({ siteUrl: 'https://news.example.cn', dev: false })['Content-Security-Policy']!;
    expect(scriptSrc(csp)).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp).toContain("script-src-attr 'none'");
  });

  it('never allows eval in production, and leaves next dev its inline tooling', () => {
    expect(contentSecurityPolicy({ https: false, dev: false, nonce: 'x' })).not.toContain('unsafe-eval');
    expect(staffPageHeaders('/admin', { siteUrl: '', dev: true, nonce: 'x' })).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    expect(staffPageHeaders('/administrator', { siteUrl: '', dev: false, nonce: 'x' })).toBeUndefined();
  });
});
