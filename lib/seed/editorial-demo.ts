import type { DB } from '@/db/client';
import { visibleClause } from '@/db/visibility';
import { ownPageClause } from '@/db/queries/entry-rules';
import { shanghaiDay, startOfShanghaiDay } from '@/lib/time';
import { demoCovers } from './demo-covers';

/**
 * The editors' controls, shown off on a fresh install: cover pictures, 图片新闻 slides, 头条,
 * 置顶 (one with an end time), 推荐, a bold coloured title, an article listed in a second
 * section (一稿多发) and an external-link entry (跳转).
 *
 * Which articles get what is decided by rank among the newest visible news stories (and, for
 * pins and 一稿多发, within named demo sections), so the same command always picks the same
 * ones. It runs once per database (site_meta `seed.editorial`): re-seeding never moves a flag an
 * editor has since changed.
 */

const SLIDES = 4;
/** Also the leads: 头条 takes the two covers that are not slides, so the page does not repeat a story. */
const HEADLINES = [4, 5];
const RECOMMENDED = [6, 7, 8];
const NEWS_SECTIONS = ['longquan', 'domestic', 'international'];

export const DEMO_EXTERNAL_ENTRY = {
  title: '中国政府网:国务院政策文件与解读',
  source: '中国政府网',
  url: 'https://www.gov.cn/zhengce/',
} as const;

type SeedContext = {
  db: DB;
  now: Date;
  sectionIds: Map<string, number>;
  log: (line: string) => void;
  meta: (key: string) => string | undefined;
  setMeta: (key: string, value: string) => void;
};

export function seedEditorialDemo({ db, now, sectionIds, log, meta, setMeta }: SeedContext): void {
  const sqlite = db.$client;
  if (meta('seed.editorial') !== undefined) return;

  const at = { now: now.getTime() };
  const newest = (sections: number[], limit: number) =>
    (
      sqlite
        .prepare(
          `select id from articles where ${visibleClause()} and ${ownPageClause()}
           and section_id in (${sections.map(Number).join(', ')}) order by published_at desc, id desc limit ${limit}`,
        )
        .all(at) as Array<{ id: number }>
    ).map((r) => r.id);
  // Pictures, slides, leads and 推荐 go to news stories, not to notices or government records.
  const newsSections = NEWS_SECTIONS.flatMap((slug) => sectionIds.get(slug) ?? []);
  const recent = newsSections.length > 0 ? newest(newsSections, 12) : [];
  if (recent.length < 9) {
    log('editorial demo: too few articles, skipped');
    return;
  }
  // Before the transaction: the drawing child process writes to this database.
  const covers = demoCovers(db);
  const inSection = (slug: string, rank: number) => {
    const id = sectionIds.get(slug);
    return id === undefined ? undefined : newest([id], rank + 1)[rank];
  };

  const set = (column: string, value: unknown, id: number | undefined) => {
    if (id !== undefined) sqlite.prepare(`update articles set ${column} = ? where id = ?`).run(value, id);
  };
  const minute = 60_000;
  const today0800 = startOfShanghaiDay(shanghaiDay(now)).getTime() + 8 * 3_600_000;

  sqlite.transaction(() => {
    covers.forEach((cover, i) => {
      sqlite.prepare('update articles set cover_image = ?, cover_alt = ? where id = ?').run(cover.url, cover.alt, recent[i]!);
    });
    for (let i = 0; i < SLIDES; i++) set('slide', 1, recent[i]);
    HEADLINES.forEach((rank, i) => set('headline_rank', i + 1, recent[rank]));
    for (const rank of RECOMMENDED) set('recommended', 1, recent[rank]);

    // 置顶: an older local story pinned for good; a notice pinned for two weeks, styled bold red.
    set('pinned', 1, inSection('longquan', 4));
    const notice = inSection('notices', 3);
    set('pinned', 1, notice);
    set('pin_ends_at', Math.floor((now.getTime() + 14 * 86_400_000) / minute) * minute, notice);
    set('title_color', 'red', notice);
    set('title_bold', 1, notice);

    // 一稿多发: the newest local story is also listed under 政务公开; its URL stays under 龙泉新闻.
    const shared = inSection('longquan', 0);
    const second = sectionIds.get('open-government');
    if (shared !== undefined && second !== undefined) {
      sqlite.prepare('insert into article_sections (article_id, section_id) values (?, ?) on conflict do nothing').run(shared, second);
    }

    // 跳转: a reprint entry that is only a title, a source and a link to the original.
    const external = sectionIds.get('open-government');
    if (external !== undefined) {
      const publishedAt = today0800 - 30 * minute;
      sqlite
        .prepare(
          `insert into articles (section_id, title, summary, body, source, byline, status, published_at, created_at, updated_at, external_url)
           values (?, ?, '', '', ?, '[]', 'published', ?, ?, ?, ?)`,
        )
        .run(external, DEMO_EXTERNAL_ENTRY.title, DEMO_EXTERNAL_ENTRY.source, publishedAt, publishedAt, publishedAt, DEMO_EXTERNAL_ENTRY.url);
    }
    setMeta('seed.editorial', 'done');
  })();
  log(`editorial demo: ${covers.length} covers, ${SLIDES} slides, 头条, 置顶, 推荐, 一稿多发, 跳转`);
}
