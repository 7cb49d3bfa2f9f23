/**
 * Reads the saved article page the portal started from (db/fixtures/seed-article.txt) and
 * keeps only the article: breadcrumb, title, date/source line, body paragraphs and byline.
 * The page furniture after the body (信息中心, 周热点 +更多 …) is dropped.
 */
export type ParsedSeedArticle = {
  sectionTrail: string[];
  title: string;
  publishedDay: string;
  source: string;
  paragraphs: string[];
  byline: string[];
};

// Surnames common enough to split a run of names such as 张杰廖玉蓉 into 张杰 / 廖玉蓉.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);

/** Splits concatenated Chinese personal names (2–3 characters each) at surname boundaries. */
export function splitNames(run: string): string[] {
  const parts = run.split(/[\s、,,]+/).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    let rest = part;
    while (rest.length > 3) {
      // Prefer a 2-character name when the third character starts another surname.
      const cut = SURNAMES.has(rest[2]!) ? 2 : 3;
      names.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (rest) names.push(rest);
  }
  return names;
}

const FURNITURE = /^(信息中心|周热点|国内新闻|国际新闻)(\s*\+更多)?$/;

export function parseSeedArticle(text: string): ParsedSeedArticle {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l.length > 0);

  const crumb = nonEmpty.find((l) => l.startsWith('当前位置'));
  if (!crumb) throw new Error('seed article: no 当前位置 breadcrumb line');
  const sectionTrail = crumb
    .replace(/^当前位置\s*[::]\s*/, '')
    .split(/\s*>>\s*/)
    .filter(Boolean);

  const metaIndex = nonEmpty.findIndex((l) => /^发布日期\s*[::]/.test(l));
  if (metaIndex < 1) throw new Error('seed article: no 发布日期 line');
  const meta = nonEmpty[metaIndex]!;
  const dateMatch = /发布日期\s*[::]\s*(\d{4}-\d{2}-\d{2})/.exec(meta);
  const sourceMatch = /来源\s*[::]\s*(\S+)/.exec(meta);
  if (!dateMatch) throw new Error('seed article: unreadable 发布日期');
  const title = nonEmpty[metaIndex - 1]!;

  const body: string[] = [];
  for (const line of nonEmpty.slice(metaIndex + 1)) {
    if (FURNITURE.test(line)) break;
    body.push(line);
  }
  if (body.length === 0) throw new Error('seed article: empty body');

  let byline: string[] = [];
  const last = body[body.length - 1]!;
  const bylineMatch = /[((]\s*记者\s*([^()()]+?)\s*[))]\s*$/.exec(last);
  if (bylineMatch) {
    byline = splitNames(bylineMatch[1]!);
    body[body.length - 1] = last.slice(0, bylineMatch.index).trimEnd();
  }

  return {
    sectionTrail,
    title,
    publishedDay: dateMatch[1]!,
    source: sourceMatch?.[1] ?? '原创',
    paragraphs: body,
    byline,
  };
}
