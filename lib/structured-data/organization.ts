import { siteConfig } from '@/lib/site-config';
import { HOME_PATH, LOGO_PATH, LOGO_SIZE } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';

/** The publisher of every article: the newsroom, with the logo Google requires for NewsArticle. */
export function publisherOrganization() {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${absoluteUrl(HOME_PATH)}#organization`,
    name: siteConfig.name,
    alternateName: siteConfig.organizer,
    url: absoluteUrl(HOME_PATH),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO_PATH), ...LOGO_SIZE },
  };
}
