import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parsePage } from '@/lib/params';
import { SectionListing, sectionListingMetadata } from '../../section-listing';

// The cached form of /news/<slug>?page=N (N ≥ 2): server.ts rewrites to it after checking the
// section exists and N is within the list, so only real pages are ever rendered and cached.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; n: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = parsePage(n);
  return page === null ? {} : sectionListingMetadata(slug, page);
}

export default async function SectionPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePage(n);
  if (page === null) notFound();
  return <SectionListing slug={slug} page={page} />;
}
