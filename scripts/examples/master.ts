/** The example 总台账: register, plans, agents' quarter (2026Q3), and the ledgers July–October. */
import type { RowValues } from '../../src/core/template/samples.js';
import { ruleSetToRows } from '../../src/core/rules/sheet.js';
import { DEFAULT_RULES } from '../../src/core/rules/ruleset.js';
import { APPROVAL_ITEMS } from '../../src/core/rules/vocab.js';
import {
  AGENTS,
  cumulativeAt,
  HQS,
  PROJECT_DEFS,
  projectId,
  projectRows,
  prng,
  round2,
  SECONDARY_BY_DEPT,
  UNIT_HEADS,
} from './world.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const date = (m: number, d: number): string => `2026-${pad(m)}-${pad(d)}`;

function milestones(): RowValues[] {
  const rows: RowValues[] = [];
  PROJECT_DEFS.forEach((p, i) => {
    const id = projectId(i);
    rows.push({
      projectId: id,
      seq: 1,
      name: '取得施工许可',
      plannedDate: date(4 + (i % 2), 10 + (i % 15)),
      actualDate: date(4 + (i % 2), 8 + (i % 15)),
    });
    const m2 = date(7 + (i % 3), 5 + ((i * 3) % 20));
    const behind = p.pace < 0.85;
    rows.push({
      projectId: id,
      seq: 2,
      name:
        p.category === '棚户区改造'
          ? '主体结构封顶'
          : p.category === '基础设施'
            ? '主体工程完工50%'
            : '主要设备进场',
      plannedDate: m2,
      ...(behind ? {} : { actualDate: p.pace < 0.95 ? date(8 + (i % 3), 20) : m2 }),
      predecessors: '1',
    });
    rows.push({
      projectId: id,
      seq: 3,
      name: i % 3 === 0 ? '竣工验收' : '试生产（试运行）',
      plannedDate: date(11 + (i % 2), 28),
      predecessors: '2',
    });
  });
  return rows;
}

const DEPT_OF: Readonly<Record<string, string>> = {
  项目备案: '发改',
  环境影响评价: '环保',
  项目选址许可: '规划',
  用地规划许可: '国土',
  工程规划许可: '规划',
  用地预审: '国土',
  施工许可: '住建',
};

function approvals(): RowValues[] {
  const rnd = prng(2026_07);
  const rows: RowValues[] = [];
  const ratings = ['非常满意', '满意', '满意', '非常满意', '比较满意', undefined];
  let n = 0;
  PROJECT_DEFS.forEach((p, i) => {
    if (i % 4 === 3) return;
    const count = 1 + (i % 2);
    for (let k = 0; k < count; k++) {
      n++;
      const item = APPROVAL_ITEMS[(i + k * 3) % APPROVAL_ITEMS.length] ?? '项目备案';
      const dept = DEPT_OF[item] ?? '发改';
      const month = 6 + Math.floor(rnd() * 3.6);
      const start = date(month, 1 + Math.floor(rnd() * 27));
      const limit = [10, 15, 20, 30][Math.floor(rnd() * 4)] ?? 20;
      const fate = rnd();
      // Most done on time; the slow projects' approvals run late or stay open.
      const slow = p.pace < 0.85;
      const lateDays = slow || fate > 0.85 ? 12 + Math.floor(rnd() * 20) : 0;
      const open = slow && fate > 0.5;
      const startDay = new Date(`${start}T00:00:00Z`);
      const done = new Date(startDay.getTime() + (limit * 1.3 + lateDays) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      rows.push({
        caseId: `DB-2026-${String(n).padStart(3, '0')}`,
        projectId: projectId(i),
        company: `${p.name.replace(/项目|工程|建设/gu, '')}建设单位`,
        item,
        department: dept,
        primaryAgent: p.agent,
        secondaryAgent: SECONDARY_BY_DEPT[dept],
        difficulty: fate > 0.55 ? '难' : '易',
        limitDays: limit,
        startDate: start,
        ...(open || done > '2026-11-20' ? {} : { doneDate: done }),
        ...(open || done > '2026-09-30'
          ? {}
          : ratings[n % ratings.length]
            ? { onSiteRating: ratings[n % ratings.length] }
            : {}),
      });
    }
  });
  // Started in the second quarter and still open: it costs again in the third.
  rows.push({
    caseId: 'DB-2026-090',
    projectId: projectId(21),
    company: '县污水处理厂扩建建设单位',
    item: '环境影响评价',
    department: '环保',
    primaryAgent: '刘洋',
    secondaryAgent: '孙杰',
    difficulty: '难',
    limitDays: 30,
    startDate: '2026-04-20',
  });
  return rows;
}

const LEVELS = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
const ITEMS = ['attitude', 'efficiency', 'answers', 'appearance', 'fees', 'knowledge', 'lawful'] as const;

function survey(
  agent: string,
  d: string,
  company: string,
  levels: readonly number[],
  comments = '',
  filledBy = '企业代表',
): RowValues {
  const row: Record<string, string> = { agent, date: d, company, comments, filledBy, phone: '13700000000' };
  ITEMS.forEach((k, i) => {
    const l = LEVELS[levels[i % levels.length] ?? 1];
    if (l) row[k] = l;
  });
  return row;
}

function surveys(): RowValues[] {
  return [
    survey('陈静', '2026-06-26', '城东安置房建设单位', [4, 4, 3, 4, 4, 4, 4], '多次催办无回应'),
    survey('张伟', '2026-07-15', '高端装备制造产业园建设单位', [0, 0, 0, 1, 0, 0, 0], '服务主动，效率高'),
    survey('张伟', '2026-09-10', '动力电池壳体生产建设单位', [0, 1, 0, 1, 0, 0, 0]),
    survey('王磊', '2026-07-22', '智能农机装备制造建设单位', [1, 1, 0, 1, 1, 1, 0]),
    survey('王磊', '2026-09-18', '县人民医院新院区建设单位', [1, 1, 1, 1, 1, 1, 1]),
    survey('李娜', '2026-08-05', '殷商文化旅游小镇建设单位', [1, 2, 1, 1, 1, 2, 1], '材料要求多次补正'),
    survey('李娜', '2026-09-25', '洹河水系连通建设单位', [1, 1, 1, 0, 1, 1, 1]),
    survey('刘洋', '2026-08-12', '北关片区棚户区改造建设单位', [2, 3, 2, 1, 1, 2, 1], '办事拖沓'),
    survey('刘洋', '2026-09-28', '城市综合管廊建设单位', [2, 2, 2, 1, 1, 2, 1]),
    survey(
      '陈静',
      '2026-07-30',
      '豫北冷链物流中心建设单位',
      [4, 4, 4, 3, 4, 4, 3],
      '推诿扯皮，问题长期不解决',
    ),
    survey('陈静', '2026-09-16', '小麦深加工建设单位', [3, 4, 4, 3, 4, 4, 4]),
    survey('杨帆', '2026-08-20', '公铁联运物流园建设单位', [4, 4, 4, 4, 3, 4, 4], '服务态度差'),
    survey('杨帆', '2026-09-08', '县域电商产业园建设单位', [3, 4, 4, 4, 4, 4, 4]),
    survey('杨帆', '2026-09-29', '高标准农田建设单位', [2, 3, 3, 2, 2, 3, 3]),
    survey('刘芳', '2026-09-12', '高端装备制造产业园建设单位', [1, 1, 1, 1, 1, 1, 1]),
    survey('赵敏', '2026-09-14', '北关片区棚户区改造建设单位', [0, 1, 1, 1, 0, 1, 1]),
  ];
}

const inc = (
  d: string,
  agent: string,
  ruleCode: string,
  count: number | string | undefined,
  note: string,
  points?: number,
): RowValues => ({
  date: d,
  agent,
  ruleCode,
  ...(count !== undefined && { count }),
  ...(points !== undefined && { points }),
  note,
  recordedBy: '重点办 石敬',
});

function incidents(): RowValues[] {
  return [
    inc('2026-07-03', '刘洋', '3.1a', 3, '7月迟到3次'),
    inc('2026-07-10', '刘洋', '3.3', 4, '私自外出未请假'),
    inc('2026-07-24', '刘洋', '3.2', 5, '上班时间办私事'),
    inc('2026-08-14', '刘洋', '3.1b', 8, '无故旷工4天（按半天计8次）'),
    inc('2026-08-21', '刘洋', '1.1', 1, '不服从重点办调度'),
    inc('2026-09-04', '刘洋', '2.7', 2, '交办的材料未按时限报送'),
    inc('2026-07-08', '张伟', '2.5', 2, '协助原单位办结备案两项'),
    inc('2026-09-02', '张伟', '3.1a', 1, '迟到'),
    inc('2026-07-16', '王磊', '6.3', 1, '业务熟练，主动服务，酌情加分', 1),
    inc('2026-08-06', '王磊', '3.4', 1, '办公室文件摆放杂乱'),
    inc('2026-07-21', '李娜', '1.4', 1, '未一次性告知补正材料，企业投诉属实'),
    inc('2026-08-27', '李娜', '2.3', 1, '企业对办理结果不满意'),
    inc('2026-07-29', '陈静', '1.3', 2, '工作作风被企业反映'),
    inc('2026-08-18', '陈静', '6.1', 1, '领导交办事项未落实'),
    inc('2026-09-09', '陈静', '6.2', 1, '不服从工作安排'),
    inc('2026-09-15', '陈静', '6.3', 1, '工作热情不足', -1.5),
    inc('2026-08-11', '杨帆', '3.1a', 2, '迟到'),
    inc('2026-09-22', '杨帆', '5.3', 1, '违反优化营商环境规定，经查属实'),
    inc('2026-07-14', '刘芳', '3.1a', 1, '迟到'),
    inc('2026-08-19', '赵敏', '1.2', 1, '未及时报告审批延误'),
    inc('2026-09-01', '周涛', '2.5', 1, '协助办结项目备案'),
    inc('2026-06-28', '张伟', '3.1a', 1, '迟到（二季度，不计入三季度）'),
    // Mistakes a person makes: a count in words, a rule that does not exist, an unknown name.
    inc('2026-08-25', '王磊', '3.1a', '两次', '迟到'),
    inc('2026-09-03', '李娜', '7.1', 1, '规则编号写错'),
    inc('2026-09-17', '张薇', '3.2', 1, '姓名写错（应为张伟）'),
  ];
}

function decisions(): RowValues[] {
  const rows: RowValues[] = [];
  const units = Object.keys(UNIT_HEADS);
  const meetings = [
    '2026-07-04',
    '2026-07-18',
    '2026-08-01',
    '2026-08-15',
    '2026-08-29',
    '2026-09-12',
    '2026-09-26',
    // The autumn meetings: some items still open on the day of the example's next meeting (11-14).
    '2026-10-17',
    '2026-10-31',
    '2026-11-07',
  ];
  /** The example's "today": the 2026-11-1 bulletin is out, the 11-14 meeting is next. */
  const asOf = '2026-11-13';
  const topics = [
    '协调施工用电',
    '解决征地遗留问题',
    '加快办理规划许可',
    '协调资金拨付',
    '解决施工道路占用',
    '推进管线迁改',
  ];
  let k = 0;
  meetings.forEach((m, mi) => {
    for (let j = 0; j < 3; j++) {
      const unit = units[(mi * 3 + j) % units.length] ?? '县发改局';
      const deadlineDay = new Date(Date.parse(`${m}T00:00:00Z`) + (10 + j * 5) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const poor = unit === '县城管局' || (unit === '县文广旅局' && j === 1);
      const planned = new Date(Date.parse(`${deadlineDay}T00:00:00Z`) - (j + 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const done = poor || planned > asOf ? undefined : planned;
      k++;
      rows.push({
        meetingDate: m,
        itemId: `DB-${m.slice(5, 7)}${m.slice(8, 10)}-${j + 1}`,
        content: `${topics[k % topics.length]}（${unit}牵头）`,
        unit,
        deadline: deadlineDay,
        ...(done && { doneDate: done }),
        status: done ? '已落实' : deadlineDay < asOf ? '正在推进，逾期未完成' : '正在推进',
      });
    }
  });
  return rows;
}

const PERIODS: readonly [number, 1 | 2][] = [
  [7, 1],
  [7, 2],
  [8, 1],
  [8, 2],
  [9, 1],
  [9, 2],
  [10, 1],
  [10, 2],
];
const periodId = (m: number, h: 1 | 2): string => `2026-${pad(m)}-${h}`;

function progressLog(): RowValues[] {
  const rows: RowValues[] = [];
  for (const [m, h] of PERIODS) {
    PROJECT_DEFS.forEach((p, i) => {
      const prev = h === 1 ? cumulativeAt(i, m - 1, 2) : cumulativeAt(i, m, 1);
      const cum = cumulativeAt(i, m, h);
      rows.push({
        period: periodId(m, h),
        hq: HQS[p.hq]?.name,
        projectId: projectId(i),
        current: round2(Math.max(0, cum - prev)),
        cumulative: cum,
        image: p.pace < 0.85 ? '施工进度滞后' : '按计划推进',
        problems: p.pace < 0.85 ? '资金到位慢，施工队伍不足' : '',
      });
    });
  }
  return rows;
}

function submissionLog(): RowValues[] {
  const rows: RowValues[] = [];
  for (const [m, h] of PERIODS) {
    const due = h === 1 ? 12 : 25;
    HQS.forEach((hq, k) => {
      const late = (k === 7 && (m === 7 || m === 8) && h === 2) || (k === 1 && m === 9 && h === 1);
      const missing = k === 7 && m === 9 && h === 1;
      rows.push({
        period: periodId(m, h),
        hq: hq.name,
        ...(!missing && {
          submittedAt: `2026-${pad(m)}-${pad(late ? due + 2 : due - 1)} ${late ? '10:20' : '16:45'}:00`,
          timeSource: '邮件时间',
        }),
        status: missing ? '未报' : late ? '迟报' : '按时',
        ...(!missing && { signed: '已签', file: `${hq.name}-${m}月${h === 1 ? '上半月' : ''}进展.xlsx` }),
      });
    });
  }
  return rows;
}

/**
 * 一线工作记录, one row per visit (DOMAIN §3, revised): each person's visits of a week on its
 * Tuesday, Wednesday, Thursday, Friday as many as that week had, at the HQ's first project, in the
 * report that logged them (the 12th's up to the 12th, the 25th's up to the 25th, else the next).
 */
function siteWorkLog(): RowValues[] {
  const rows: RowValues[] = [];
  const reportOf = (d: string): string => {
    const [m, day] = [Number(d.slice(5, 7)), Number(d.slice(8, 10))];
    return day <= 12 ? periodId(m, 1) : day <= 25 ? periodId(m, 2) : periodId(m + 1, 1);
  };
  for (
    let d = Date.parse('2026-07-06T00:00:00Z');
    d <= Date.parse('2026-10-12T00:00:00Z'); // the last week the 2026-10-2 bulletin assessed
    d += 7 * 86_400_000
  ) {
    const w = Math.round((d - Date.parse('2026-07-06T00:00:00Z')) / (7 * 86_400_000));
    HQS.forEach((hq, k) => {
      const project = projectId(PROJECT_DEFS.findIndex((p) => p.hq === k));
      [hq.commander, ...hq.members].forEach((person, j) => {
        let visits = 2 + ((w + j + k) % 3);
        if (k === 7 && j > 0) visits = (w + j) % 3 === 0 ? 2 : 1; // 智慧城市: members seldom on site
        if (k === 5 && j === 0 && w % 4 === 1) visits = 1;
        for (let v = 0; v < visits; v++) {
          const day = new Date(d + (1 + v) * 86_400_000).toISOString().slice(0, 10);
          rows.push({
            period: reportOf(day),
            date: day,
            hq: hq.name,
            person,
            role: j === 0 ? '指挥长' : '成员',
            projectId: project,
          });
        }
      });
    });
  }
  return rows;
}

function rankingHistory(): RowValues[] {
  const q1 = [
    '县工信局',
    '县发改局',
    '县住建局',
    '县水利局',
    '县商务局',
    '县科工局',
    '县交通运输局',
    '县农业农村局',
    '县卫健委',
    '县文广旅局',
    '县城管局',
    '县自然资源局',
  ];
  const q2 = [
    '县发改局',
    '县工信局',
    '县水利局',
    '县住建局',
    '县科工局',
    '县商务局',
    '县农业农村局',
    '县交通运输局',
    '县自然资源局',
    '县卫健委',
    '县文广旅局',
    '县城管局',
  ];
  const rows: RowValues[] = [];
  for (const [period, order] of [
    ['2026Q1', q1],
    ['2026Q2', q2],
  ] as const) {
    order.forEach((unit, i) => {
      const rank = i + 1;
      rows.push({
        period,
        unit,
        total: round2(96 - i * 2.7 - (period === '2026Q2' ? 0.4 : 0)),
        rank,
        ...(rank <= 3 ? { outcome: '通报表扬' } : rank > order.length - 3 ? { outcome: '通报批评' } : {}),
        // Q1's last (县自然资源局) was not last in Q2; Q2's last (县城管局) starts a streak.
        streak: rank === order.length ? 1 : 0,
      });
    });
  }
  return rows;
}

export function masterRows(): Readonly<Record<string, readonly RowValues[]>> {
  return {
    projects: projectRows(),
    milestones: milestones(),
    agents: AGENTS.map((a) => ({ ...a })),
    approvals: approvals(),
    surveys: surveys(),
    incidents: incidents(),
    unitScores: [{ period: '2026Q3', unit: '县交通运输局', decisions: 9 }],
    rankingHistory: rankingHistory(),
    decisions: decisions(),
    progressLog: progressLog(),
    submissionLog: submissionLog(),
    siteWorkLog: siteWorkLog(),
    holidays: [],
    rules: ruleSetToRows(DEFAULT_RULES).map((r) =>
      Object.fromEntries(['group', 'code', 'name', 'value', 'note'].map((k, i) => [k, r[i] ?? null])),
    ),
  };
}
