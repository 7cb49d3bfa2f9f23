import { describe, expect, it } from 'vitest';
import { imagesMissingAlt, sanitizeArticleHtml } from '@/lib/sanitize/article-html';

const HASH = 'a'.repeat(64);
const OWN_IMG = `/media/images/${HASH}-960.webp`;

describe('sanitizeArticleHtml', () => {
  it('removes script elements and their content', () => {
    const out = sanitizeArticleHtml('<p>前</p><script>alert(1)</script><p>后</p>');
    expect(out).toBe('<p>前</p><p>后</p>');
  });

  it('removes event handlers and foreign images', () => {
    const out = sanitizeArticleHtml('<p>x<img src="x" onerror="alert(1)"></p>');
    expect(out).not.toMatch(/onerror|<img/i);
    const own = sanitizeArticleHtml(`<figure><img src="${OWN_IMG}" alt="图" onload="alert(1)"><figcaption>说明</figcaption></figure>`);
    expect(own).toBe(`<figure><img src="${OWN_IMG}" alt="图" /><figcaption>说明</figcaption></figure>`);
  });

  it('drops javascript:, data: and protocol-relative URLs', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java&#x09;script:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x']) {
      const out = sanitizeArticleHtml(`<p><a href="${href}">链接</a></p>`);
      expect(out, href).toBe('<p><a>链接</a></p>');
    }
    expect(sanitizeArticleHtml('<p><img src="data:image/png;base64,AAAA" alt="a"></p>')).toBe('');
    expect(sanitizeArticleHtml('<p><a href="https://example.com/a" target="_blank">好</a></p>')).toBe(
      '<p><a href="https://example.com/a" target="_blank" rel="noopener noreferrer">好</a></p>',
    );
  });

  it('removes svg with its script and handlers', () => {
    const out = sanitizeArticleHtml('<p>a</p><svg onload="alert(1)"><script>alert(2)</script></svg><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('removes style attributes and elements (no expression(), no CSS injection)', () => {
    const out = sanitizeArticleHtml(
      '<style>body{background:url(javascript:alert(1))}</style><p style="width: expression(alert(1)); color:red">正文</p>',
    );
    expect(out).toBe('<p>正文</p>');
  });

  it('removes iframes, objects, forms and meta refreshes', () => {
    const out = sanitizeArticleHtml(
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><form action="/x"><input name="a"></form><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>留下</p>',
    );
    expect(out).toBe('<p>留下</p>');
  });

  it('survives nested and malformed markup without letting a tag through', () => {
    const inputs = [
      '<scr<script>ipt>alert(1)</script>',
      '<<img src=x onerror=alert(1)//>',
      '<p><b><i>未闭合',
      '<img """><script>alert(1)</script>">',
      '<a href="jav&#x61;script:alert(1)">x</a>',
      '<div><p onclick="alert(1)">嵌套</p></div>',
    ];
    for (const input of inputs) {
      const out = sanitizeArticleHtml(input);
      expect(out, input).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
    }
    expect(sanitizeArticleHtml('<p><b><i>未闭合')).toBe('<p><strong><em>未闭合</em></strong></p>');
  });

  it('keeps the structure of a pasted office document and drops its styling', () => {
    const word = `<h1 class="MsoTitle" style="mso-line-height:150%"><span lang="ZH-CN" style="font-family:宋体">标题</span></h1>
      <p class="MsoNormal"><span style="font-size:14pt"><b>加粗</b>与<i>斜体</i></span><o:p></o:p></p>
      <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
      <table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tr><td width="200" style="width:100pt"><p>格</p></td></tr></table>
      <ul><li class="MsoListParagraph">条目</li></ul><blockquote>引语</blockquote>`;
    const out = sanitizeArticleHtml(word);
    expect(out).not.toMatch(/class=|style=|lang=|<span|<o:p|width=/);
    expect(out).toContain('<h2>标题</h2>');
    expect(out).toContain('<strong>加粗</strong>与<em>斜体</em>');
    expect(out).toContain('<table><tr><td><p>格</p></td></tr></table>');
    expect(out).toContain('<ul><li>条目</li></ul><blockquote>引语</blockquote>');
  });
});

describe('imagesMissingAlt', () => {
  it('counts images without a description', () => {
    expect(imagesMissingAlt(`<img src="${OWN_IMG}" alt="图" /><img src="${OWN_IMG}" alt=" " /><img src="${OWN_IMG}" />`)).toBe(2);
  });
});
