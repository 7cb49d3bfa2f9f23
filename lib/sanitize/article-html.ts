import sanitizeHtml from 'sanitize-html';
import { imagePath } from '@/lib/routes';

/**
 * The one allowlist for article bodies. Whatever staff paste or an attacker posts, only this
 * structure survives: no script, no event handlers, no style (attribute or element, so no
 * `expression()` or CSS injection), no iframes/objects/SVG, and links only to http(s)/mailto/
 * tel or site-relative paths. Images must come from our own media route, so a body can never
 * load a tracking pixel or a `data:`/`javascript:` URL.
 */
// A stored upload or one of its variants, under the media route of lib/routes.ts.
const IMAGE_SRC = new RegExp(`^${imagePath('').replace(/[/.]/g, '\\$&')}[a-f0-9]{64}(?:-(?:480|960|1600)\\.webp|\\.(?:jpg|png|webp|gif))$`);

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
  'ul', 'ol', 'li', 'blockquote', 'a', 'figure', 'figcaption', 'img', 'hr',
  // No colgroup/col: they only carry editor widths, and col would be written as invalid <col></col>.
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
];

const options: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Drop the content of these entirely rather than leaving their text behind.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'svg', 'math', 'template', 'iframe', 'object', 'embed'],
  disallowedTagsMode: 'discard',
  // Word/WPS headings come as h1; the page already has the article title as its h1.
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    i: 'em',
    a: (tagName, attribs) => {
      const out: Record<string, string> = {};
      if (attribs.href) out.href = attribs.href;
      if (attribs.title) out.title = attribs.title;
      // A link that opens a new tab must not hand the opener to the other site.
      if (attribs.target === '_blank') {
        out.target = '_blank';
        out.rel = 'noopener noreferrer';
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !IMAGE_SRC.test(frame.attribs.src ?? ''),
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

/** Sanitises article HTML for storage; the result is what readers are served verbatim. */
export function sanitizeArticleHtml(html: string): string {
  const clean = sanitizeHtml(html, options);
  // Empty paragraphs are what pasted office documents leave between blocks.
  return clean.replace(/<p>(?:\s|&nbsp;|<br \/>)*<\/p>/g, '').trim();
}

/** Images in a (sanitised) body whose alt text is empty: every picture needs a description. */
export function imagesMissingAlt(html: string): number {
  let missing = 0;
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    const alt = /\balt="([^"]*)"/.exec(m[0]);
    if (!alt || !alt[1]!.trim()) missing++;
  }
  return missing;
}

/** Whether a URL names an image this site serves itself (cover images are checked with this). */
export function isOwnImageUrl(url: string): boolean {
  return IMAGE_SRC.test(url);
}
