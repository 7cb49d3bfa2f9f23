import { NotFoundMessage } from '@/components/not-found-message';

export const metadata = { title: '页面不存在', robots: { index: false } };

/**
 * The 404 of the staff area (an unknown article id in /admin). Reader URLs get the framed 404 of
 * app/(site)/not-found.tsx through app/(site)/[...missing]; this one stays small because Next
 * inlines it into every page's React payload.
 */
export default function NotFound() {
  return (
    <main id="main" className="wrap p-4">
      <NotFoundMessage />
    </main>
  );
}
