/**
 * JSON for a <script type="application/ld+json"> body. `<` is escaped so a title containing
 * "</script>" can never end the script element early; `>` and `&` likewise and U+2028/2029 for
 * old parsers. The result is still plain JSON (the escapes are JSON string escapes).
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export type JsonLd = { '@context': 'https://schema.org'; '@type': string; [key: string]: unknown };
