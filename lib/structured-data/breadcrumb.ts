import { absoluteUrl } from '@/lib/seo/urls';
import type { JsonLd } from './serialize';

/** The same steps the visible 当前位置 breadcrumb shows, in the same order. */
export function breadcrumbJsonLd(trail: Array<{ name: string; href: string }>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href),
    })),
  };
}
