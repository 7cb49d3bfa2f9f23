import { siteConfig } from '@/lib/site-config';
import { HOME_PATH } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';
import { publisherOrganization } from './organization';
import type { JsonLd } from './serialize';

/**
 * A schema.org action attached to the WebSite node, e.g. the site search:
 * { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: '…?q={search_term_string}' },
 *   'query-input': 'required name=search_term_string' }
 */
export type PotentialAction = { '@type': string; [key: string]: unknown };

/** The home page's WebSite node. Pass `potentialAction` (a SearchAction) once the site has search. */
export function websiteJsonLd(options: { potentialAction?: PotentialAction } = {}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${absoluteUrl(HOME_PATH)}#website`,
    name: siteConfig.name,
    alternateName: siteConfig.shortName,
    url: absoluteUrl(HOME_PATH),
    description: siteConfig.description,
    inLanguage: 'zh-CN',
    publisher: publisherOrganization(),
    ...(options.potentialAction ? { potentialAction: options.potentialAction } : {}),
  };
}
