import { serializeJsonLd } from '@/lib/structured-data/serialize';

/** Structured data for crawlers, one script element per node. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
