/**
 * Site identity, in one place: the header, footer, metadata, feeds and structured data all
 * read it. Every value can be overridden by an environment variable (see .env.example);
 * the defaults are demo values for the 龙泉 district newsroom the portal started from.
 */
function env(name: string, fallback: string): string {
  const value = process.env[name];
  return value && value.trim() ? value.trim() : fallback;
}

export const siteConfig = {
  name: env('SITE_NAME', '龙泉新闻网'),
  shortName: env('SITE_SHORT_NAME', '龙泉新闻'),
  description: env('SITE_DESCRIPTION', '龙泉驿区权威新闻发布平台:本地要闻、政务信息、国内国际新闻。'),
  url: env('SITE_URL', 'http://localhost:3000').replace(/\/+$/, ''),
  organizer: env('SITE_ORGANIZER', '龙泉驿区新闻中心'),
  icp: env('SITE_ICP', '蜀ICP备00000000号-1'),
  policeRecord: env('SITE_POLICE_RECORD', '川公网安备 51011202000000号'),
  siteIdCode: env('SITE_ID_CODE', '5101120000'),
  contact: env('SITE_CONTACT', '电话:028-00000000  邮箱:news@example.gov.cn'),
  address: env('SITE_ADDRESS', '四川省成都市龙泉驿区'),
  /** Sections shown as sidebar boxes (by slug), in order; 周热点 sits after the first. */
  sidebarSections: env('SITE_SIDEBAR_SECTIONS', 'info,domestic,international')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
} as const;

export type SiteConfig = typeof siteConfig;
