import { HotListing, hotListingMetadata } from './hot-listing';

// 周热点 from the cache: new view counts refresh it (lib/views/hot-refresh.ts), publishing
// refreshes it with the layout, and 5 minutes bound what another process's counts wait for.
// Other pages (?page=N) are rewritten by server.ts to ./page/[n], cached the same way.
export const revalidate = 300;

export const metadata = hotListingMetadata(1);

export default function HotPage() {
  return <HotListing page={1} />;
}
