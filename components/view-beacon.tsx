'use client';

import { useEffect } from 'react';

/** Counts one view per page load without making the page itself uncacheable. */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ id: articleId });
    if (!navigator.sendBeacon?.('/api/views', body)) {
      void fetch('/api/views', { method: 'POST', body, keepalive: true }).catch(() => {});
    }
  }, [articleId]);
  return null;
}
