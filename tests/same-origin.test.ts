import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from '@/lib/http/same-origin';

const request = (headers: Record<string, string>) => new Headers(headers);

describe('same-origin check for uploads', () => {
  it('accepts the address the browser used even when it is not SITE_URL', () => {
    // The browser at http://127.0.0.1:PORT while SITE_URL names the public address.
    expect(isSameOriginRequest(request({ origin: 'http://127.0.0.1:3320', host: '127.0.0.1:3320' }), 'https://news.example.cn')).toBe(true);
    expect(isSameOriginRequest(request({ origin: 'https://news.example.cn', host: 'news.example.cn' }), undefined)).toBe(true);
  });

  it('accepts SITE_URL when a proxy rewrote Host, and requests with no Origin', () => {
    expect(isSameOriginRequest(request({ origin: 'https://news.example.cn', host: '127.0.0.1:3000' }), 'https://news.example.cn/')).toBe(true);
    expect(isSameOriginRequest(request({ host: '127.0.0.1:3000' }), undefined)).toBe(true);
  });

  it('refuses other sites, other ports, opaque and non-web origins', () => {
    const site = 'https://news.example.cn';
    expect(isSameOriginRequest(request({ origin: 'https://evil.example', host: 'news.example.cn' }), site)).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:3320' }), site)).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'null', host: 'news.example.cn' }), site)).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'file://news.example.cn', host: 'news.example.cn' }), site)).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'https://news.example.cn.evil.example', host: 'news.example.cn' }), site)).toBe(false);
  });
});
