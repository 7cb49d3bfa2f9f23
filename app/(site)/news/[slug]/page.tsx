import type { Metadata } from 'next';
import { SectionListing, sectionListingMetadata } from './section-listing';

// Page 1 of a section list, from the cache; publishing revalidates it (lib/cache-tags.ts). Other
// pages (?page=N) are rewritten by server.ts (lib/http/front-door.ts) to ./page/[n], cached the same way.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionListingMetadata((await params).slug, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />;
}
