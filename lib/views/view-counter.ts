import { beforeDbClose, getDb } from '@/db/client';
import { processSingleton } from '@/lib/process-registry';
import { ViewBuffer } from './view-buffer';

/**
 * The process's one view buffer (lib/process-registry.ts: server.ts's beacon and the app's
 * bundles count into the same one). Flushed on a timer and, synchronously, when the process is
 * asked to stop, so counts acknowledged to browsers survive a restart.
 */
export function viewCounter(): ViewBuffer {
  return processSingleton('view-buffer', () => {
    const buffer = new ViewBuffer(getDb().$client, {
      flushIntervalMs: Number(process.env.VIEW_FLUSH_MS) || 5_000,
    });
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
    // server.ts answers SIGTERM by closing the server, letting in-flight requests finish
    // (they may still record views) and then calling process.exit: flush once more there.
    beforeDbClose(flushOnExit);
    return buffer;
  });
}
