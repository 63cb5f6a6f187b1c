/** The example period 2026-11-1: the reports the HQs e-mailed, with the mistakes people make. */
import type { Cell } from '../../src/core/values/grid.js';
import type { RowValues } from '../../src/core/template/samples.js';
import { cumulativeAt, HQS, PROJECT_DEFS, projectId, round2 } from './world.js';

export interface ExampleReport {
  readonly fileName: string;
  readonly fields: Readonly<Record<string, Cell | undefined>>;
  readonly progress: readonly RowValues[];
  readonly siteVisits: readonly RowValues[];
  /** When it was e-mailed, for the .eml version (China time). */
  readonly sentAt: string;
  /** Deliver as an e-mail message (.eml) with this attachment name instead of a plain file. */
  readonly asEmail?: { readonly from: string; readonly attachmentName: string };
}

const PERIOD_LABEL = '2026年11月上半月';

function progressRows(hq: number): RowValues[] {
  const rows: RowValues[] = [];
  PROJECT_DEFS.forEach((p, i) => {
    if (p.hq !== hq) return;
    const cum = cumulativeAt(i, 11, 1);
    const prev = cumulativeAt(i, 10, 2);
    const behind = p.pace < 0.85;
    rows.push({
      projectId: projectId(i),
      name: p.name,
      annualPlan: p.plan,
      current: round2(Math.max(0, cum - prev)),
      cumulative: cum,
      image: behind ? '主体施工进度滞后约一个月' : '按计划推进，主体施工中',
      milestones: behind ? '节点2逾期未完成' : '节点按期完成',
      problems: behind ? '资金到位慢，需协调专项债资金' : '',
    });
  });
  return rows;
}

function visits(hq: number, lazy: readonly string[] = []): RowValues[] {
  const h = HQS[hq];
  if (!h) return [];
  const rows: RowValues[] = [];
  // The weeks the 2026-11-1 bulletin assesses (ended after the 2026-10-2 report was due, by
  // this one's), and the first day of the next week, logged before the report was filled.
  const weeks = [
    ['2026-10-20', '2026-10-22'],
    ['2026-10-27', '2026-10-29'],
    ['2026-11-03', '2026-11-05'],
    ['2026-11-10'],
  ];
  const firstProject = projectId(PROJECT_DEFS.findIndex((p) => p.hq === hq));
  for (const [person, role] of [[h.commander, '指挥长'], ...h.members.map((m) => [m, '成员'])] as const) {
    for (const days of weeks) {
      const ds = lazy.includes(person) ? days.slice(0, 1) : days;
      for (const d of ds)
        rows.push({
          date: d,
          person,
          role,
          projectId: firstProject,
          matter: '现场查看施工进度，协调解决问题',
        });
    }
  }
  return rows;
}

const fields = (hq: number, filledOn: string, extra: Readonly<Record<string, Cell | undefined>> = {}) => {
  const h = HQS[hq];
  return {
    reporter: h?.name,
    period: PERIOD_LABEL,
    filledOn,
    signature: h?.commander,
    filledBy: h?.filler,
    phone: h?.phone,
    ...extra,
  };
};

const name = (hq: number, suffix = ''): string => `${HQS[hq]?.name}-2026年11月上半月进展${suffix}.xlsx`;

export function exampleReports(): ExampleReport[] {
  // 文旅康养小镇: the mistakes people make.
  const tourism = progressRows(1).map((r, k) =>
    k === 0
      ? { ...r, current: '１２０.５', cumulative: Number(r.cumulative) + 120.5 - Number(r.current) }
      : k === 1
        ? { ...r, current: 99999 }
        : r,
  );
  tourism.push({
    projectId: 'AY-2026-099',
    name: '文旅夜市（未登记）',
    annualPlan: 3000,
    current: 200,
    cumulative: 1800,
    image: '招商中',
  });
  const tourismVisits = visits(1).map((v, k) =>
    k === 0 ? { ...v, date: '2026.11.3' } : k === 5 ? { ...v, role: '副指挥长' } : v,
  );

  // 新能源汽车零部件: first file with a blank figure, then a corrected resubmission.
  const ev = progressRows(4);
  const evFirst = ev.map((r, k) => (k === 1 ? { ...r, current: undefined } : r));

  // 农产品加工园: the same project typed twice.
  const agri = progressRows(6);
  const agriDup = [
    ...agri,
    { ...agri[0], current: 0, cumulative: agri[0]?.cumulative, problems: '重复填报' },
  ];

  return [
    {
      fileName: name(0),
      fields: fields(0, '2026-11-11'),
      progress: progressRows(0),
      siteVisits: visits(0),
      sentAt: '2026-11-11 17:32:10',
    },
    {
      fileName: name(1),
      fields: fields(1, '2026-11-12'),
      progress: tourism,
      siteVisits: tourismVisits,
      sentAt: '2026-11-12 11:05:44',
    },
    {
      fileName: name(2),
      fields: fields(2, '2026-11-12', { signature: undefined }),
      progress: progressRows(2),
      siteVisits: visits(2),
      sentAt: '2026-11-12 15:20:00',
    },
    {
      fileName: name(3),
      fields: fields(3, '2026-11-13'),
      progress: progressRows(3),
      siteVisits: visits(3),
      sentAt: '2026-11-13 09:12:31',
      asEmail: { from: '罗敏 <wuliu_zhb@example.cn>', attachmentName: '现代物流园指挥部11月上半月进展.xlsx' },
    },
    {
      fileName: name(4),
      fields: fields(4, '2026-11-10'),
      progress: evFirst,
      siteVisits: visits(4),
      sentAt: '2026-11-10 16:02:00',
    },
    {
      fileName: name(4, '（更正）'),
      fields: fields(4, '2026-11-11'),
      progress: ev,
      siteVisits: visits(4),
      sentAt: '2026-11-11 10:40:00',
    },
    {
      fileName: name(6),
      fields: fields(6, '2026-11-12', { period: '2026.11上半月' }),
      progress: agriDup,
      siteVisits: visits(6),
      sentAt: '2026-11-12 18:30:00',
    },
    {
      fileName: name(7),
      fields: fields(7, '2026-11-12'),
      progress: progressRows(7),
      siteVisits: visits(7, ['彭雅琴', '曹磊']),
      sentAt: '2026-11-12 20:45:00',
    },
  ];
}

/** Two topic submissions for the meeting of Saturday 2026-11-14: one in time, one late and half signed. */
export function exampleTopics(): {
  fileName: string;
  fields: Readonly<Record<string, Cell | undefined>>;
  rows: RowValues[];
}[] {
  return [
    {
      fileName: '智慧城市建设指挥部-议题申报-1114.xlsx',
      fields: {
        unit: '智慧城市建设指挥部',
        submittedAt: '2026-11-10 15:30',
        leaderSignature: '周文斌',
        countySignature: '周文斌',
      },
      rows: [
        {
          projectId: 'AY-2026-029',
          topic: '城市综合管廊建设资金缺口',
          problem: '二期资金缺口约6000万元，影响施工进度',
          proposal: '申请调度专项债资金，县财政局牵头',
        },
        {
          projectId: 'AY-2026-027',
          topic: '智慧城管平台数据共享',
          problem: '公安、交通数据接口未开放',
          proposal: '由县大数据中心协调各部门开放接口',
        },
      ],
    },
    {
      fileName: '水系连通工程指挥部-议题申报-1114.xlsx',
      fields: { unit: '水系连通工程指挥部', submittedAt: '2026-11-11 09:20', leaderSignature: '赵永刚' },
      rows: [
        {
          projectId: 'AY-2026-020',
          topic: '洹河闸坝施工占地补偿',
          problem: '永和镇两村补偿标准未达成一致',
          proposal: '请县自然资源局会同永和镇召开协调会',
        },
      ],
    },
  ];
}
