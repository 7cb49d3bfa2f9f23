import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage } from '@/lib/params';
import { HotListing, hotListingMetadata } from '../../hot-listing';

// The cached form of /hot?page=N (2 ≤ N ≤ HOT_MAX_PAGES): server.ts rewrites to it; a page past
// the end of the list renders the 404 page (at most HOT_MAX_PAGES such entries can be cached).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ n: string }> {
  return [];
}

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePage((await params).n);
  return page === null ? {} : hotListingMetadata(page);
}

export default async function HotPageN({ params }: Props) {
  const page = parsePage((await params).n);
  if (page === null || page < 2) notFound();
  return <HotListing page={page} />;
}
