import type { Cell } from '../values/grid.js';
import { ruleSetToRows, RULE_SHEET_HEADERS } from '../rules/sheet.js';
import { DEFAULT_RULES } from '../rules/ruleset.js';

/** Values of a row to write, by column key; dates as ISO strings. */
export type RowValues = Readonly<Record<string, Cell | undefined>>;

/**
 * The worked-example rows of the 总台账 template: one or two per sheet, showing how a real
 * row looks. The 规则 sheet is filled with the default rule set.
 */
export const MASTER_SAMPLES: Readonly<Record<string, readonly RowValues[]>> = {
  projects: [
    {
      projectId: 'AY-2026-001',
      name: '（示例）安阳县高端装备制造产业园一期',
      category: '省重点',
      content: '新建标准化厂房12万平方米及配套设施',
      location: '柏庄镇',
      totalInvestment: 150000,
      annualPlan: 60000,
      plannedStart: '2026-03-01',
      plannedEnd: '2027-12-31',
      hq: '高端装备产业园指挥部',
      commander: '王建国',
      unit: '县发改局',
      unitHead: '李明',
      agent: '张伟',
      townCadre: '赵强',
      contactEmail: 'gaoduan_zhb@example.cn',
    },
  ],
  milestones: [
    {
      projectId: 'AY-2026-001',
      seq: 1,
      name: '取得施工许可',
      plannedDate: '2026-04-30',
      actualDate: '2026-04-28',
    },
    { projectId: 'AY-2026-001', seq: 2, name: '主体结构封顶', plannedDate: '2026-10-31', predecessors: '1' },
  ],
  agents: [
    { name: '张伟', level: '一级', unit: '县发改局重点项目办' },
    { name: '刘芳', level: '二级', unit: '县自然资源局' },
  ],
  approvals: [
    {
      caseId: 'DB-2026-001',
      projectId: 'AY-2026-001',
      company: '安阳示例装备制造有限公司',
      item: '用地规划许可',
      department: '国土',
      primaryAgent: '张伟',
      secondaryAgent: '刘芳',
      difficulty: '难',
      limitDays: 20,
      startDate: '2026-03-02',
      doneDate: '2026-03-25',
      onSiteRating: '非常满意',
    },
  ],
  surveys: [
    {
      agent: '张伟',
      date: '2026-09-28',
      company: '安阳示例装备制造有限公司',
      attitude: '非常满意',
      efficiency: '满意',
      answers: '非常满意',
      appearance: '满意',
      fees: '非常满意',
      knowledge: '满意',
      lawful: '非常满意',
      comments: '服务周到',
      filledBy: '陈经理',
      phone: '0372-5550000',
    },
  ],
  incidents: [
    {
      date: '2026-08-05',
      agent: '张伟',
      ruleCode: '3.1a',
      count: 1,
      note: '（示例）无故迟到',
      recordedBy: '重点办',
    },
  ],
  unitScores: [],
  rankingHistory: [],
  decisions: [
    {
      meetingDate: '2026-09-05',
      itemId: 'DB-0905-01',
      content: '（示例）协调解决产业园一期施工用电问题',
      unit: '县供电公司',
      deadline: '2026-09-20',
      doneDate: '2026-09-18',
      status: '已落实',
    },
  ],
  progressLog: [],
  submissionLog: [],
  siteWorkLog: [],
  holidays: [{ date: '2026-10-01', type: '休', note: '国庆节（示例：内置数据已包含，可按需补录）' }],
  weeklyLog: [
    {
      reportDate: '2026-03-26',
      agent: '张伟',
      caseId: 'DB-2026-001',
      projectId: 'AY-2026-001',
      company: '安阳示例装备制造有限公司',
      item: '用地规划许可',
      department: '国土',
      progress: '已办结',
      doneDate: '2026-03-25',
      thisWeek: '（示例）取得用地规划许可证',
    },
  ],
  rules: ruleSetToRows(DEFAULT_RULES).map((r) =>
    Object.fromEntries(['group', 'code', 'name', 'value', 'note'].map((k, i) => [k, r[i] ?? null])),
  ),
};

export { RULE_SHEET_HEADERS };
