/**
 * Turns HTML pasted from Word or WPS into plain structure before the editor parses it: their
 * lists are paragraphs with `mso-list` styles, their headings and tables carry class and style
 * noise, and they bring <o:p>, conditional comments and <style> blocks. The editor's schema
 * then drops any styling left; the server's sanitizer is the final gate either way.
 */
export function cleanPastedHtml(pasted: string): string {
  // The page's title is the only h1: a pasted top-level heading becomes a section heading.
  const html = pasted.replace(/<(\/?)h1\b/gi, '<$1h2');
  if (!/class="?Mso|urn:schemas-microsoft-com|mso-|<o:p|wps|kingsoft/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), 'text/html');
  doc.querySelectorAll('style, meta, link, xml, o\\:p, script').forEach((el) => el.remove());

  // Word list paragraphs → real lists. A paragraph's style says mso-list; a bullet glyph or
  // a number marker (1. 1) 一、) at its start says which kind.
  const isListPara = (el: Element) => el.tagName === 'P' && /mso-list|MsoListParagraph/i.test(`${el.getAttribute('style')} ${el.className}`);
  for (const first of Array.from(doc.body.querySelectorAll('p'))) {
    if (!first.isConnected || !isListPara(first) || (first.previousElementSibling && isListPara(first.previousElementSibling))) continue;
    const items: Element[] = [];
    for (let el: Element | null = first; el && isListPara(el); el = el.nextElementSibling) items.push(el);
    const markerText = (el: Element) => (el.textContent ?? '').trim();
    const ordered = /^(\d+|[a-zA-Z]|[一二三四五六七八九十]+)[.、)]/.test(markerText(first));
    const list = doc.createElement(ordered ? 'ol' : 'ul');
    first.before(list);
    for (const item of items) {
      // Word puts the marker in a span styled mso-list:Ignore: drop it, the list draws its own.
      item.querySelectorAll('span[style*="mso-list"]').forEach((s) => {
        if (/Ignore/i.test(s.getAttribute('style') ?? '')) s.remove();
      });
      const li = doc.createElement('li');
      li.innerHTML = item.innerHTML.replace(/^\s*(?:[·•▪o§Ø]|\d+[.、)]|[一二三四五六七八九十]+、)\s*/, '');
      list.append(li);
      item.remove();
    }
  }
  doc.body.querySelectorAll('*').forEach((el) => {
    el.removeAttribute('style');
    el.removeAttribute('class');
    el.removeAttribute('lang');
  });
  return doc.body.innerHTML;
}
