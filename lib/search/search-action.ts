import { SEARCH_PATH } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';
import type { PotentialAction } from '@/lib/structured-data/website';

/** schema.org SearchAction for the home page's WebSite node: how a crawler can search the site. */
export function siteSearchAction(): PotentialAction {
  return {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(SEARCH_PATH)}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
}
