'use client';

import { useEffect } from 'react';
import { VIEW_BEACON_PATH } from '@/lib/routes';

/**
 * Counts one view per page load without making the page itself uncacheable. The beacon waits
 * until the page has loaded and the browser is idle: sent during hydration, it sat in the middle
 * of the page's first paint, and Lighthouse's simulation then counted the whole script download
 * and hydration into the article page's largest contentful paint.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ id: articleId });
    const send = () => {
      if (!navigator.sendBeacon?.(VIEW_BEACON_PATH, body)) {
        void fetch(VIEW_BEACON_PATH, { method: 'POST', body, keepalive: true }).catch(() => {});
      }
    };
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(send, { timeout: 2000 });
      else timer = setTimeout(send, 200);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      window.removeEventListener('load', whenIdle);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [articleId]);
  return null;
}
