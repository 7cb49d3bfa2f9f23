import { siteConfig } from '@/lib/site-config';
import { absoluteUrl, LOGO_PATH, LOGO_SIZE } from '@/lib/seo/urls';

/** The publisher of every article: the newsroom, with the logo Google requires for NewsArticle. */
export function publisherOrganization() {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl('/#organization'),
    name: siteConfig.name,
    alternateName: siteConfig.organizer,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO_PATH), ...LOGO_SIZE },
  };
}
