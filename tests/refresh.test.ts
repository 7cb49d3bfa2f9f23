import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './helpers/test-db';

/**
 * What a write refreshes, decided in one place (lib/cache/refresh.ts): readers' pages in this
 * process at once, the other processes through the shared log, 周热点 alone after view counts.
 */
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { refreshAfter } = await import('@/lib/cache/refresh');
const { hotPaths, stalePathsFor, WHOLE_SITE } = await import('@/lib/cache/content-change');
const { processOrigin } = await import('@/lib/cache/process-origin');
const { schedulerState } = await import('@/lib/scheduler/scheduler-state');
const { HOT_MAX_PAGES } = await import('@/db/queries/hot');

let env: ReturnType<typeof useTestDatabase>;
const ROOT = path.resolve(__dirname, '..');

function logRows(): Array<{ origin: string; pages: string[]; layouts: string[] }> {
  const rows = env.db.$client.prepare('select origin, pages, layouts from cache_invalidations order by id').all() as Array<{ origin: string; pages: string; layouts: string }>;
  return rows.map((r) => ({ origin: r.origin, pages: JSON.parse(r.pages) as string[], layouts: JSON.parse(r.layouts) as string[] }));
}

beforeAll(() => {
  env = useTestDatabase({ seed: false });
});
afterAll(() => env.cleanup());
beforeEach(() => {
  revalidatePath.mockClear();
  env.db.$client.prepare('delete from cache_invalidations').run();
});

describe('refreshAfter', () => {
  it('leaves every cache alone for a change readers cannot see (a draft saved or deleted)', async () => {
    await refreshAfter({ kind: 'article', id: 1, publicBefore: false, publicAfter: false });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(logRows()).toEqual([]);
  });

  it('refreshes every page here and logs one entry for the other processes, for a publication, a withdrawal or a section change', async () => {
    for (const change of [
      { kind: 'article', id: 2, publicBefore: false, publicAfter: true },
      { kind: 'article', id: 2, publicBefore: true, publicAfter: false },
      { kind: 'sections' },
    ] as const) {
      revalidatePath.mockClear();
      env.db.$client.prepare('delete from cache_invalidations').run();
      await refreshAfter(change);
      expect(revalidatePath.mock.calls).toEqual([['/', 'layout']]);
      expect(logRows()).toEqual([{ origin: processOrigin(), pages: [], layouts: ['/'] }]);
    }
  });

  it('reports several go-lives (one scheduler tick) as one log entry', async () => {
    await refreshAfter(
      { kind: 'article', id: 3, publicBefore: true, publicAfter: true },
      { kind: 'article', id: 4, publicBefore: true, publicAfter: true },
    );
    expect(revalidatePath.mock.calls).toEqual([['/', 'layout']]);
    expect(logRows()).toHaveLength(1);
  });

  it('refreshes 周热点 alone after new view counts, through the internal route (a flush runs outside any request), and logs nothing', async () => {
    const posted: Array<{ url: string; body: unknown }> = [];
    const state = schedulerState();
    const wasStarted = state.started;
    state.started = true;
    vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
      posted.push({ url, body: JSON.parse(init.body) });
      return new Response(null, { status: 204 });
    });
    try {
      await refreshAfter({ kind: 'views' });
      await vi.waitFor(() => expect(posted).toHaveLength(1));
    } finally {
      vi.unstubAllGlobals();
      state.started = wasStarted;
    }
    expect(posted[0]!.url).toMatch(/\/api\/internal\/revalidate$/);
    const body = posted[0]!.body as { pages: string[]; layouts: string[] };
    // Every URL of the list by name, and not the layout: the rest of the cache survives a flush.
    expect(body.layouts).toEqual([]);
    expect(body.pages).toHaveLength(HOT_MAX_PAGES);
    expect(body.pages.slice(0, 2)).toEqual(['/hot', '/hot/page/2']);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(logRows()).toEqual([]);
  });
});

describe("what revalidatePath('/', 'layout') reaches", () => {
  /** Every page file under app/, as Next names the route ("/(site)/news/[slug]/[id]/page"). */
  function pageRoutes(): string[] {
    const out: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name === 'page.tsx') out.push(`/${path.relative(path.join(ROOT, 'app'), full).split(path.sep).join('/').replace(/\.tsx$/, '')}`);
      }
    };
    visit(path.join(ROOT, 'app'));
    return out;
  }

  it('marks every cached page of the site stale, whatever URL it was reached by', async () => {
    // Next's server installs this global before loading its request stores; do the same.
    (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
    const { revalidatePath: realRevalidatePath } = await vi.importActual<typeof import('next/cache')>('next/cache');
    const { workAsyncStorage } = await import('next/dist/server/app-render/work-async-storage.external.js');
    const { getImplicitTags } = await import('next/dist/server/lib/implicit-tags.js');
    // The tag Next expires for the call refreshAfter makes, read from a stand-in request store.
    const store = { incrementalCache: {}, pendingRevalidatedTags: [] as Array<{ tag: string }> };
    workAsyncStorage.run(store as never, () => realRevalidatePath(WHOLE_SITE.layouts[0]!, 'layout'));
    const expired = store.pendingRevalidatedTags.map((t) => t.tag);
    expect(expired.length).toBeGreaterThan(0);

    const pages = pageRoutes();
    expect(pages).toEqual(expect.arrayContaining(['/(site)/news/[slug]/[id]/page', '/(site)/hot/page/[n]/page', '/(site)/page']));
    for (const page of pages) {
      const { tags } = await getImplicitTags(page, '/any/url', null);
      expect(tags.some((tag: string) => expired.includes(tag)), page).toBe(true);
    }
  });

  it('is what every content change asks for, and views ask for 周热点 only', () => {
    expect(stalePathsFor([{ kind: 'sections' }])).toEqual(WHOLE_SITE);
    expect(stalePathsFor([{ kind: 'views' }])).toEqual(hotPaths());
    expect(stalePathsFor([{ kind: 'article', id: 1, publicBefore: false, publicAfter: false }])).toEqual({ pages: [], layouts: [] });
  });
});
