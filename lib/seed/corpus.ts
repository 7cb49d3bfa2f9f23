/**
 * Deterministic generator of plausible Chinese news copy for the demo and the benchmarks.
 * Article i is a pure function of (i, section list): re-running the seed reproduces it.
 */

/** mulberry32: a tiny, fast, well-distributed PRNG; good enough for demo text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const PLACES = ['龙泉驿区', '十陵街道', '大面街道', '龙泉街道', '同安街道', '洛带镇', '西河街道', '柏合街道', '山泉镇', '茶店镇', '经开区', '东安湖片区'];
const NATIONAL_PLACES = ['北京', '上海', '广东', '浙江', '江苏', '四川', '重庆', '湖北', '陕西', '福建', '山东', '云南'];
const WORLD_PLACES = ['联合国', '东盟', '欧盟', '非洲联盟', '日内瓦', '新加坡', '巴黎', '开罗', '圣保罗', '莫斯科', '雅加达', '内罗毕'];
const TOPICS = ['营商环境', '乡村振兴', '城市更新', '生态保护', '汽车产业', '数字经济', '招商引资', '民生实事', '基层治理', '文化旅游', '教育发展', '医疗卫生', '安全生产', '森林防火', '水果产业', '5G网络', '新能源汽车', 'GDP增长', '人工智能', '消费市场'];
const ACTIONS = ['召开专题会议研究部署', '开展调研督导', '发布实施方案推进', '举行签约仪式推动', '启动专项行动加强', '召开推进会落实', '开展集中宣传活动聚焦', '出台政策措施支持'];
const OUTCOMES = ['取得阶段性成效', '跑出加速度', '迈上新台阶', '交出亮眼成绩单', '按下快进键', '实现稳中有进', '形成良好态势', '惠及群众数万人'];
const NOTICES = ['关于开展', '关于做好', '关于印发', '关于公布', '关于征集'];
const NOTICE_OBJECTS = ['2024年度重点项目申报工作的通知', '安全生产大检查的通知', '公共服务事项清单的公告', '民生实事项目意见建议的公告', '春季森林防火工作的通知', '城乡居民医保缴费工作的通知'];
const SENTENCES = [
  '会议强调,要坚持问题导向、目标导向、结果导向,确保各项任务落地见效。',
  '{place}相关负责人介绍,今年以来围绕{topic}已完成投资逾{n}亿元,带动就业{m}余人。',
  '据了解,此次{topic}工作覆盖{n}个社区,群众满意度持续提升。',
  '下一步,{place}将继续深化改革创新,推动{topic}与产业发展深度融合。',
  '现场,工作人员详细讲解了政策要点,并就群众关心的问题逐一答疑。',
  '各级各部门要压紧压实责任,加强统筹协调,形成工作合力。',
  '活动吸引了{m}余名市民参与,现场气氛热烈,好评如潮。',
  '专家表示,{topic}是推动高质量发展的重要抓手,前景广阔。',
  '截至目前,{place}已累计办理相关事项{m}件,平均办理时限压缩{n}%。',
  '与会人员一致认为,要以更高标准、更实举措推进{topic},为全年目标任务打下坚实基础。',
  '据统计,2020年以来该项目累计接待游客{m}万人次,实现综合收入{n}亿元。',
  '该负责人还提醒广大市民注意出行安全,合理安排行程。',
];
const OUTLETS = ['原创', '原创', '原创', '新华社', '人民日报', '四川日报', '成都日报', '央视新闻', '中国新闻网'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = '杰敏静丽强磊军洋勇艳娟涛明超秀霞平刚桂英华玉兰芳燕红辉鹏飞宇浩然欣怡子涵雨轩';

export type SectionKind = 'local' | 'domestic' | 'international' | 'notice' | 'government';

export type GeneratedArticle = {
  title: string;
  summary: string;
  paragraphs: string[];
  source: string;
  byline: string[];
  responsibleEditor: string;
};

function person(r: () => number): string {
  const given = GIVEN[Math.floor(r() * GIVEN.length)]! + (r() < 0.5 ? GIVEN[Math.floor(r() * GIVEN.length)]! : '');
  return SURNAMES[Math.floor(r() * SURNAMES.length)]! + given;
}

function fill(r: () => number, template: string, place: string, topic: string): string {
  return template
    .replaceAll('{place}', place)
    .replaceAll('{topic}', topic)
    .replaceAll('{n}', String(2 + Math.floor(r() * 98)))
    .replaceAll('{m}', String(100 + Math.floor(r() * 9900)));
}

export function generateArticle(i: number, kind: SectionKind): GeneratedArticle {
  const r = rng(0x5eed + i * 7919);
  const placeList = kind === 'domestic' ? NATIONAL_PLACES : kind === 'international' ? WORLD_PLACES : PLACES;
  const place = pick(r, placeList);
  const topic = pick(r, TOPICS);
  const title =
    kind === 'notice'
      ? `${place}${pick(r, NOTICES)}${pick(r, NOTICE_OBJECTS)}`
      : `${place}${pick(r, ACTIONS)}${topic}工作${r() < 0.5 ? ',' + pick(r, OUTCOMES) : ''}`;
  const count = 2 + Math.floor(r() * 3);
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    const n = 2 + Math.floor(r() * 2);
    let text = '';
    for (let s = 0; s < n; s++) text += fill(r, pick(r, SENTENCES), place, topic);
    paragraphs.push(text);
  }
  const summary = paragraphs[0]!.slice(0, 60).replace(/[,。、]$/, '') + '。';
  const source = kind === 'international' || kind === 'domestic' ? pick(r, OUTLETS.slice(3)) : pick(r, OUTLETS);
  const byline = source === '原创' ? Array.from({ length: 1 + Math.floor(r() * 2) }, () => person(r)) : [];
  return { title, summary, paragraphs, source, byline, responsibleEditor: person(r) };
}
