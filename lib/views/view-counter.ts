import { beforeDbClose, getDb } from '@/db/client';
import { ViewBuffer } from './view-buffer';

type GlobalWithViews = typeof globalThis & { __portalViews?: ViewBuffer };

/**
 * The process's one view buffer. Flushed on a timer and, synchronously, when the process is
 * asked to stop, so counts acknowledged to browsers survive a restart.
 */
export function viewCounter(): ViewBuffer {
  const g = globalThis as GlobalWithViews;
  if (!g.__portalViews) {
    const buffer = new ViewBuffer(getDb().$client, {
      flushIntervalMs: Number(process.env.VIEW_FLUSH_MS) || 5_000,
    });
    g.__portalViews = buffer;
    const flushOnExit = () => {
      try {
        buffer.flush();
      } catch (error) {
        console.error('view buffer flush on shutdown failed', error);
      }
    };
    process.once('SIGTERM', flushOnExit);
    process.once('SIGINT', flushOnExit);
    process.once('beforeExit', flushOnExit);
    // `next start` answers SIGTERM by closing the server, letting in-flight requests finish
    // (they may still record views) and then calling process.exit: flush once more there.
    beforeDbClose(flushOnExit);
  }
  return g.__portalViews;
}
