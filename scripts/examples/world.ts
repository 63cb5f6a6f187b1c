/**
 * The example county: 8 HQs, 30 projects, 12 responsible units, 10 agents — realistic names
 * and figures, deterministic. Everything in examples/ is generated from here.
 */
import type { RowValues } from '../../src/core/template/samples.js';

export interface HqDef {
  readonly name: string;
  readonly commander: string;
  readonly members: readonly string[];
  readonly filler: string;
  readonly phone: string;
}

export const HQS: readonly HqDef[] = [
  { name: '高端装备产业园指挥部', commander: '王建国', members: ['马俊峰', '郭晓东'], filler: '郭晓东', phone: '0372-3221001' },
  { name: '文旅康养小镇指挥部', commander: '李红梅', members: ['韩雪', '吴志刚'], filler: '韩雪', phone: '0372-3221002' },
  { name: '城区棚户区改造指挥部', commander: '张国庆', members: ['冯建军', '许丽'], filler: '许丽', phone: '0372-3221003' },
  { name: '现代物流园指挥部', commander: '刘志强', members: ['何振华', '罗敏'], filler: '罗敏', phone: '0372-3221004' },
  { name: '新能源汽车零部件指挥部', commander: '陈立新', members: ['高鹏', '林晓燕'], filler: '林晓燕', phone: '0372-3221005' },
  { name: '水系连通工程指挥部', commander: '赵永刚', members: ['宋海涛', '谢婷'], filler: '谢婷', phone: '0372-3221006' },
  { name: '农产品加工园指挥部', commander: '孙秀英', members: ['唐明', '邓丽娟'], filler: '唐明', phone: '0372-3221007' },
  { name: '智慧城市建设指挥部', commander: '周文斌', members: ['曹磊', '彭雅琴'], filler: '曹磊', phone: '0372-3221008' },
];

export const UNIT_HEADS: Readonly<Record<string, string>> = {
  县工信局: '李明',
  县文广旅局: '王芳',
  县住建局: '张强',
  县商务局: '刘军',
  县交通运输局: '陈勇',
  县发改局: '杨光',
  县科工局: '黄涛',
  县水利局: '赵刚',
  县农业农村局: '周平',
  县城管局: '吴斌',
  县卫健委: '徐静',
  县自然资源局: '孙亮',
};

export const AGENTS = [
  { name: '张伟', level: '一级', unit: '县发改局重点项目办' },
  { name: '王磊', level: '一级', unit: '县发改局重点项目办' },
  { name: '李娜', level: '一级', unit: '县发改局重点项目办' },
  { name: '刘洋', level: '一级', unit: '县发改局重点项目办' },
  { name: '陈静', level: '一级', unit: '县发改局重点项目办' },
  { name: '杨帆', level: '一级', unit: '县发改局重点项目办' },
  { name: '刘芳', level: '二级', unit: '县自然资源局' },
  { name: '赵敏', level: '二级', unit: '县住建局' },
  { name: '孙杰', level: '二级', unit: '县生态环境分局' },
  { name: '周涛', level: '二级', unit: '县发改局' },
] as const;

export const SECONDARY_BY_DEPT: Readonly<Record<string, string>> = { 国土: '刘芳', 规划: '刘芳', 住建: '赵敏', 环保: '孙杰', 发改: '周涛' };

interface ProjectDef {
  readonly name: string;
  readonly category: string;
  readonly hq: number;
  readonly unit: string;
  readonly agent: string;
  readonly town: string;
  readonly cadre: string;
  readonly content: string;
  readonly total: number;
  readonly plan: number;
  /** How far along the year's plan the project is at the end of October, as a share of 序时. */
  readonly pace: number;
}

const P = (
  name: string, category: string, hq: number, unit: string, agent: string, town: string, cadre: string,
  content: string, total: number, plan: number, pace: number,
): ProjectDef => ({ name, category, hq, unit, agent, town, cadre, content, total, plan, pace });

export const PROJECT_DEFS: readonly ProjectDef[] = [
  P('高端装备制造产业园一期', '省重点', 0, '县工信局', '张伟', '柏庄镇', '赵强', '标准化厂房12万平方米及配套', 150000, 60000, 1.05),
  P('精密铸造生产线技术改造', '市重点', 0, '县工信局', '张伟', '柏庄镇', '赵强', '新上精密铸造生产线4条', 32000, 18000, 0.96),
  P('智能农机装备制造项目', '招商引资', 0, '县工信局', '王磊', '柏庄镇', '钱伟', '年产智能农机5000台', 45000, 15000, 0.9),
  P('装备园区道路及管网工程', '基础设施', 0, '县交通运输局', '王磊', '柏庄镇', '钱伟', '园区道路8.6公里及雨污管网', 26000, 12000, 1.0),
  P('殷商文化旅游小镇', '省重点', 1, '县文广旅局', '李娜', '瓦店乡', '孙丽', '文化街区、演艺中心及配套', 120000, 40000, 0.82),
  P('康养中心建设项目', '市重点', 1, '县卫健委', '李娜', '瓦店乡', '孙丽', '床位800张康养中心', 38000, 16000, 0.93),
  P('袁林景区提升工程', '市重点', 1, '县文广旅局', '李娜', '洹河街道', '周敏', '景区道路、游客中心改造', 15000, 9000, 1.1),
  P('文峰塔片区文旅综合体', '市重点', 1, '县文广旅局', '刘洋', '洹河街道', '周敏', '商业街区及停车设施', 28000, 10000, 0.75),
  P('北关片区棚户区改造', '棚户区改造', 2, '县住建局', '刘洋', '城关镇', '吴刚', '安置房1260套', 68000, 30000, 1.02),
  P('西关片区棚户区改造', '棚户区改造', 2, '县住建局', '刘洋', '城关镇', '吴刚', '安置房980套', 52000, 22000, 0.98),
  P('城东安置房建设项目', '棚户区改造', 2, '县住建局', '陈静', '城关镇', '郑华', '安置房640套及配套学校', 36000, 15000, 0.9),
  P('老旧小区改造提升工程', '市重点', 2, '县住建局', '陈静', '城关镇', '郑华', '改造小区42个', 12000, 8000, 1.0),
  P('豫北冷链物流中心', '省重点', 3, '县商务局', '陈静', '崔家桥镇', '王磊磊', '冷库10万吨及分拣中心', 86000, 30000, 0.97),
  P('公铁联运物流园', '市重点', 3, '县交通运输局', '杨帆', '崔家桥镇', '王磊磊', '铁路专用线及仓储', 64000, 20000, 0.85),
  P('县域电商产业园', '招商引资', 3, '县商务局', '杨帆', '崔家桥镇', '冯涛', '电商孵化及仓配中心', 18000, 8000, 1.0),
  P('动力电池壳体生产项目', '省重点', 4, '县发改局', '张伟', '白璧镇', '蒋勇', '年产电池壳体1200万套', 95000, 45000, 1.08),
  P('新能源汽车驱动电机项目', '省重点', 4, '县科工局', '王磊', '白璧镇', '蒋勇', '年产驱动电机30万台', 72000, 30000, 0.94),
  P('汽车线束生产项目', '招商引资', 4, '县科工局', '王磊', '白璧镇', '沈洁', '年产线束200万套', 22000, 10000, 1.0),
  P('氢能装备制造项目', '市重点', 4, '县发改局', '张伟', '白璧镇', '沈洁', '加氢站设备及储氢装置', 40000, 12000, 0.8),
  P('洹河水系连通工程', '省重点', 5, '县水利局', '李娜', '永和镇', '韩梅', '河道整治28公里、闸坝5座', 110000, 35000, 0.92),
  P('农村饮水安全巩固提升', '市重点', 5, '县水利局', '李娜', '永和镇', '韩梅', '新建水厂2座及管网', 26000, 14000, 1.0),
  P('污水处理厂扩建工程', '基础设施', 5, '县城管局', '刘洋', '韩陵镇', '杜鹏', '日处理能力扩至6万吨', 30000, 12000, 0.7),
  P('小麦深加工项目', '市重点', 6, '县农业农村局', '陈静', '吕村镇', '方芳', '年加工小麦30万吨', 35000, 15000, 1.0),
  P('花生精深加工项目', '市重点', 6, '县农业农村局', '陈静', '吕村镇', '方芳', '年加工花生10万吨', 24000, 10000, 0.95),
  P('农产品冷链仓储项目', '招商引资', 6, '县农业农村局', '杨帆', '洪河屯乡', '石磊', '冷链仓储5万吨', 12000, 6000, 1.1),
  P('高标准农田建设项目', '市重点', 6, '县农业农村局', '杨帆', '洪河屯乡', '石磊', '建设高标准农田8万亩', 16000, 16000, 1.0),
  P('智慧城管平台建设', '市重点', 7, '县城管局', '张伟', '城关镇', '侯军', '城市运行管理服务平台', 9000, 6000, 0.55),
  P('县人民医院新院区', '省重点', 7, '县卫健委', '王磊', '安丰乡', '龙飞', '床位1200张综合医院', 130000, 40000, 0.96),
  P('城市综合管廊工程', '基础设施', 7, '县城管局', '刘洋', '城关镇', '侯军', '综合管廊6.2公里', 48000, 16000, 0.6),
  P('国土空间规划信息平台', '市重点', 7, '县自然资源局', '杨帆', '城关镇', '龙飞', '国土空间基础信息平台', 6000, 4000, 0.9),
];

export const projectId = (i: number): string => `AY-2026-${String(i + 1).padStart(3, '0')}`;

export function projectRows(): RowValues[] {
  return PROJECT_DEFS.map((p, i) => ({
    projectId: projectId(i),
    name: p.name,
    category: p.category,
    content: p.content,
    location: p.town,
    totalInvestment: p.total,
    annualPlan: p.plan,
    plannedStart: `2026-0${1 + (i % 6)}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`,
    plannedEnd: `${2027 + (i % 2)}-${String(6 + (i % 6)).padStart(2, '0')}-30`,
    hq: HQS[p.hq]?.name,
    commander: HQS[p.hq]?.commander,
    unit: p.unit,
    unitHead: UNIT_HEADS[p.unit],
    agent: p.agent,
    townCadre: p.cadre,
  }));
}

/** A small deterministic PRNG (mulberry32), so regenerating gives the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Year-to-date investment of project i at the end of report period (month, half), following its pace. */
export function cumulativeAt(i: number, month: number, half: 1 | 2): number {
  const p = PROJECT_DEFS[i];
  if (!p) return 0;
  const fraction = (month - (half === 1 ? 0.5 : 0)) / 12;
  const wobble = 1 + (((i * 37 + month * 11 + half) % 7) - 3) / 100;
  return round2(p.plan * fraction * p.pace * wobble);
}
