import { notFound } from 'next/navigation';

/**
 * Every URL no other route matches (and the front door's 404 rewrite, lib/http/front-door-types.ts)
 * lands here, so its 404 page is rendered inside the (site) layout with the full frame. The root
 * not-found then only serves the staff area and can stay small: Next inlines the root boundary
 * into the React payload of every page, and a framed one cost ~5 KB per page view.
 */
export default function MissingPage(): never {
  notFound();
}
