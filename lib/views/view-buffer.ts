import type Database from 'better-sqlite3';
import { shanghaiDay } from '@/lib/time';

export type ViewBufferOptions = {
  /** Distinct (article, day) keys held between flushes; beyond it new keys are dropped. */
  maxKeys?: number;
  /** How often the buffer is written to article_views_daily. */
  flushIntervalMs?: number;
};

/**
 * Counts article views in memory and writes them to article_views_daily in one transaction
 * per flush, so a burst of N beacons costs one write, not N. The upsert adds to whatever is
 * stored, so several server processes sharing the database each flush their own counts safely.
 */
export class ViewBuffer {
  private counts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly maxKeys: number;
  private readonly flushIntervalMs: number;
  dropped = 0;
  /** Called after a flush that wrote counts (server.ts uses it to refresh the cached 周热点). */
  onFlushed: ((written: number) => void) | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    options: ViewBufferOptions = {},
  ) {
    this.maxKeys = options.maxKeys ?? 50_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 5_000;
  }

  /** Records one view; false when the key cap is reached and the view was dropped. */
  record(articleId: number, at: Date = new Date()): boolean {
    const key = `${articleId}|${shanghaiDay(at)}`;
    const current = this.counts.get(key);
    if (current === undefined && this.counts.size >= this.maxKeys) {
      this.dropped++;
      return false;
    }
    this.counts.set(key, (current ?? 0) + 1);
    this.schedule();
    return true;
  }

  get pendingKeys(): number {
    return this.counts.size;
  }

  /** Writes everything buffered in one transaction; returns the number of views written. */
  flush(): number {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.counts.size === 0) return 0;
    const batch = this.counts;
    this.counts = new Map();
    const upsert = this.sqlite.prepare(
      `insert into article_views_daily (article_id, day, count) values (?, ?, ?)
       on conflict(day, article_id) do update set count = count + excluded.count`,
    );
    let written = 0;
    try {
      this.sqlite.transaction(() => {
        for (const [key, n] of batch) {
          const [id, day] = key.split('|');
          upsert.run(Number(id), day, n);
          written += n;
        }
      })();
    } catch (error) {
      // Keep the counts for the next attempt rather than lose them (e.g. a deleted article).
      for (const [key, n] of batch) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      this.schedule();
      throw error;
    }
    if (written > 0) this.onFlushed?.(written);
    return written;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.flush();
      } catch (error) {
        console.error('view buffer flush failed', error);
      }
    }, this.flushIntervalMs);
    this.timer.unref();
  }
}
