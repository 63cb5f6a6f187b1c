import { defineSheet, defineTemplate, PROJECT_ID_NOTE } from './define.js';
import {
  AGENT_LEVELS,
  APPROVAL_DEPARTMENTS,
  APPROVAL_ITEMS,
  DAY_TYPES,
  DIFFICULTIES,
  LEVEL_ALIASES,
  PROJECT_CATEGORIES,
  RANK_OUTCOMES,
  SATISFACTION_LEVELS,
  SITE_ROLES,
  SUBMISSION_STATUSES,
  SURVEY_ITEMS,
  TIME_SOURCES,
} from '../rules/vocab.js';
import { CRITERION_KEYS, UNIT_CRITERIA } from '../rules/unit.js';
import { WEEKLY_LOG } from './weekly.js';

/** 总台账: the clerk's master workbook (DOMAIN §9). */

const REGISTER = { sheet: '项目登记', header: '项目编号' } as const;
const ROSTER = { sheet: '代办员名册', header: '姓名' } as const;

export const PROJECTS = defineSheet({
  key: 'projects',
  name: '项目登记',
  title: '重点项目登记表',
  money: true,
  landscape: true,
  blankRows: 30,
  columns: [
    {
      key: 'projectId',
      header: '项目编号',
      type: 'text',
      required: true,
      unique: true,
      width: 14,
      note: '每个项目唯一，如 AY-2026-001',
    },
    { key: 'name', header: '项目名称', type: 'text', required: true, width: 28 },
    {
      key: 'category',
      header: '项目类别',
      type: 'enum',
      required: true,
      values: PROJECT_CATEGORIES,
      width: 12,
    },
    { key: 'content', header: '建设内容', type: 'text', width: 30 },
    { key: 'location', header: '建设地点', type: 'text', width: 12, note: '所在乡镇（街道）' },
    {
      key: 'totalInvestment',
      header: '总投资（万元）',
      type: 'money',
      required: true,
      min: 0,
      width: 13,
      total: true,
    },
    {
      key: 'annualPlan',
      header: '年度计划投资（万元）',
      type: 'money',
      required: true,
      min: 0,
      width: 13,
      total: true,
      note: '不大于总投资',
    },
    { key: 'plannedStart', header: '计划开工日期', type: 'date', width: 13 },
    { key: 'plannedEnd', header: '计划竣工日期', type: 'date', width: 13 },
    {
      key: 'hq',
      header: '指挥部',
      type: 'text',
      required: true,
      requiredCode: 'project.fiveOnes',
      width: 18,
    },
    {
      key: 'commander',
      header: '指挥长',
      type: 'text',
      required: true,
      requiredCode: 'project.fiveOnes',
      width: 10,
      note: '县级领导',
    },
    { key: 'unit', header: '责任单位', type: 'text', required: true, width: 14 },
    {
      key: 'unitHead',
      header: '责任单位一把手',
      type: 'text',
      required: true,
      requiredCode: 'project.fiveOnes',
      width: 10,
    },
    {
      key: 'agent',
      header: '代办员',
      type: 'text',
      required: true,
      requiredCode: 'project.fiveOnes',
      width: 10,
      listFrom: ROSTER,
      note: '一级代办员，须在「代办员名册」中',
    },
    {
      key: 'townCadre',
      header: '乡镇科级干部',
      type: 'text',
      required: true,
      requiredCode: 'project.fiveOnes',
      width: 10,
    },
    {
      key: 'contactEmail',
      header: '联系邮箱',
      type: 'text',
      width: 24,
      note: '指挥部接收报送提醒和催报的邮箱，多个用分号隔开；同一指挥部的项目填一处即可',
    },
  ],
});

export const MILESTONES = defineSheet({
  key: 'milestones',
  name: '节点计划',
  title: '项目建设进度计划节点表（挂图作战）',
  blankRows: 40,
  columns: [
    {
      key: 'projectId',
      header: '项目编号',
      type: 'text',
      required: true,
      width: 14,
      listFrom: REGISTER,
      note: PROJECT_ID_NOTE,
    },
    { key: 'seq', header: '节点序号', type: 'integer', required: true, min: 1, width: 8 },
    { key: 'name', header: '节点名称', type: 'text', required: true, width: 26 },
    { key: 'plannedDate', header: '计划完成日期', type: 'date', required: true, width: 13 },
    { key: 'actualDate', header: '实际完成日期', type: 'date', width: 13 },
    {
      key: 'predecessors',
      header: '前置节点',
      type: 'text',
      width: 10,
      note: '本项目节点序号，多个用逗号分隔',
    },
  ],
});

export const AGENTS = defineSheet({
  key: 'agents',
  name: '代办员名册',
  title: '行政审批服务代办员名册',
  blankRows: 20,
  columns: [
    { key: 'name', header: '姓名', type: 'text', required: true, unique: true, width: 10 },
    {
      key: 'level',
      header: '级别',
      type: 'enum',
      required: true,
      values: AGENT_LEVELS,
      width: 8,
      note: '一级：全程代办；二级：审批部门副科级领导',
    },
    { key: 'unit', header: '单位', type: 'text', width: 18 },
  ],
});

export const APPROVALS = defineSheet({
  key: 'approvals',
  name: '代办事项',
  title: '代办档案·审批事项登记表',
  landscape: true,
  blankRows: 40,
  columns: [
    { key: 'caseId', header: '案卷号', type: 'text', required: true, width: 12 },
    {
      key: 'projectId',
      header: '项目编号',
      type: 'text',
      required: true,
      width: 14,
      listFrom: REGISTER,
      note: PROJECT_ID_NOTE,
    },
    { key: 'company', header: '企业名称', type: 'text', width: 22 },
    { key: 'item', header: '审批事项', type: 'text', required: true, width: 16, suggest: APPROVAL_ITEMS },
    { key: 'department', header: '审批部门', type: 'text', width: 10, suggest: APPROVAL_DEPARTMENTS },
    { key: 'primaryAgent', header: '一级代办员', type: 'text', required: true, width: 10, listFrom: ROSTER },
    { key: 'secondaryAgent', header: '二级代办员', type: 'text', width: 10, listFrom: ROSTER },
    { key: 'difficulty', header: '难度', type: 'enum', required: true, values: DIFFICULTIES, width: 6 },
    {
      key: 'limitDays',
      header: '时限（工作日）',
      type: 'integer',
      required: true,
      min: 1,
      max: 365,
      width: 10,
    },
    { key: 'startDate', header: '开始日期', type: 'date', required: true, width: 12 },
    { key: 'doneDate', header: '办结日期', type: 'date', width: 12 },
    {
      key: 'onSiteRating',
      header: '现场评价',
      type: 'enum',
      values: SATISFACTION_LEVELS,
      aliases: LEVEL_ALIASES,
      width: 10,
      note: '办结后企业现场打分',
    },
  ],
});

const LEVEL_COL = { type: 'enum', values: SATISFACTION_LEVELS, aliases: LEVEL_ALIASES, width: 10 } as const;

export const SURVEYS = defineSheet({
  key: 'surveys',
  name: '满意度测评',
  title: '代办员满意度测评登记表（附件3）',
  landscape: true,
  blankRows: 30,
  columns: [
    { key: 'agent', header: '代办员', type: 'text', required: true, width: 10, listFrom: ROSTER },
    { key: 'date', header: '测评日期', type: 'date', required: true, width: 12 },
    { key: 'company', header: '企业名称', type: 'text', width: 20 },
    ...SURVEY_ITEMS.map((it) => ({ key: it.key, header: it.header, ...LEVEL_COL, width: it.width })),
    { key: 'comments', header: '意见和建议', type: 'text', width: 24 },
    { key: 'filledBy', header: '填写人', type: 'text', width: 10 },
    { key: 'phone', header: '联系电话', type: 'text', width: 14 },
  ],
});

export const INCIDENTS = defineSheet({
  key: 'incidents',
  name: '扣分记录',
  title: '代办员考核扣（加）分记录',
  blankRows: 40,
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true, width: 12 },
    { key: 'agent', header: '代办员', type: 'text', required: true, width: 10, listFrom: ROSTER },
    {
      key: 'ruleCode',
      header: '规则编号',
      type: 'text',
      required: true,
      width: 10,
      note: '考核办法条目编号，如 1.1、3.1a、6.3（见「规则」表）',
    },
    { key: 'count', header: '次数', type: 'integer', min: 1, width: 6, note: '正整数，空白按 1 次' },
    {
      key: 'points',
      header: '分值',
      type: 'number',
      width: 8,
      note: '仅 6.3 等酌情加减分的规则填写，如 +1 或 -0.5',
    },
    { key: 'note', header: '说明', type: 'text', width: 30 },
    { key: 'recordedBy', header: '记录人', type: 'text', width: 10 },
  ],
});

export const UNIT_SCORES = defineSheet({
  key: 'unitScores',
  name: '单位考评',
  title: '责任单位考评（手工评分）',
  blankRows: 20,
  notes: ['各项留空则由系统按台账自动计算；填写则以手工得分为准（0 至该项权重）。'],
  columns: [
    {
      key: 'period',
      header: '考评期',
      type: 'rankPeriod',
      required: true,
      width: 10,
      note: '如 2026Q3（季度）或 2026H2（半年）',
    },
    { key: 'unit', header: '责任单位', type: 'text', required: true, width: 16 },
    ...CRITERION_KEYS.map(
      (k) => ({ key: k, header: UNIT_CRITERIA[k].name, type: 'number', min: 0, width: 9 }) as const,
    ),
  ],
});

export const RANKING_HISTORY = defineSheet({
  key: 'rankingHistory',
  name: '排名历史',
  title: '责任单位考评排名历史',
  blankRows: 10,
  rowKey: ['period', 'unit'],
  periodColumn: 'period',
  columns: [
    { key: 'period', header: '考评期', type: 'rankPeriod', required: true, width: 10 },
    { key: 'unit', header: '责任单位', type: 'text', required: true, width: 16 },
    { key: 'total', header: '总分', type: 'number', width: 8, numFmt: '0.00' },
    { key: 'rank', header: '名次', type: 'integer', required: true, min: 1, width: 6 },
    { key: 'outcome', header: '结果', type: 'enum', values: RANK_OUTCOMES, width: 10 },
    { key: 'streak', header: '连续倒数第一次数', type: 'integer', min: 0, width: 10 },
    { key: 'action', header: '处理', type: 'text', width: 18 },
    { key: 'rules', header: '规则集', type: 'text', width: 24 },
  ],
});

export const DECISIONS = defineSheet({
  key: 'decisions',
  name: '督办事项',
  title: '周例会议定事项督办台账',
  landscape: true,
  blankRows: 30,
  columns: [
    { key: 'meetingDate', header: '会议日期', type: 'date', required: true, width: 12 },
    { key: 'itemId', header: '事项编号', type: 'text', required: true, unique: true, width: 10 },
    { key: 'content', header: '事项内容', type: 'text', required: true, width: 36 },
    { key: 'unit', header: '责任单位', type: 'text', required: true, width: 14 },
    { key: 'deadline', header: '完成时限', type: 'date', required: true, width: 12 },
    { key: 'doneDate', header: '完成日期', type: 'date', width: 12 },
    { key: 'status', header: '落实情况', type: 'text', width: 24 },
  ],
});

export const PROGRESS_LOG = defineSheet({
  key: 'progressLog',
  name: '进展记录',
  title: '项目进展记录（由通报导入）',
  money: true,
  blankRows: 10,
  rowKey: ['period', 'projectId'],
  periodColumn: 'period',
  columns: [
    { key: 'period', header: '报告期', type: 'period', required: true, width: 16 },
    { key: 'hq', header: '指挥部', type: 'text', required: true, width: 18 },
    { key: 'projectId', header: '项目编号', type: 'text', required: true, width: 14 },
    { key: 'current', header: '本期完成投资（万元）', type: 'money', min: 0, width: 13 },
    { key: 'cumulative', header: '年度累计完成投资（万元）', type: 'money', min: 0, width: 13 },
    { key: 'image', header: '形象进度', type: 'text', width: 24 },
    { key: 'problems', header: '存在问题及需协调事项', type: 'text', width: 28 },
  ],
});

export const SUBMISSION_LOG = defineSheet({
  key: 'submissionLog',
  name: '报送记录',
  title: '半月报送记录（由通报导入）',
  blankRows: 10,
  rowKey: ['period', 'hq'],
  periodColumn: 'period',
  columns: [
    { key: 'period', header: '报告期', type: 'period', required: true, width: 16 },
    { key: 'hq', header: '指挥部', type: 'text', required: true, width: 18 },
    { key: 'submittedAt', header: '报送时间', type: 'datetime', width: 18 },
    { key: 'timeSource', header: '时间来源', type: 'enum', values: TIME_SOURCES, width: 12 },
    { key: 'status', header: '状态', type: 'enum', required: true, values: SUBMISSION_STATUSES, width: 8 },
    { key: 'signed', header: '指挥长签字', type: 'text', width: 10 },
    { key: 'file', header: '文件', type: 'text', width: 30 },
  ],
});

export const SITE_WORK_LOG = defineSheet({
  key: 'siteWorkLog',
  name: '一线工作记录',
  title: '一线工作记录（由通报导入，每次现场办公一行）',
  blankRows: 10,
  // One visit: the same day, person and project logged in one period is one row.
  rowKey: ['period', 'date', 'hq', 'person', 'projectId'],
  periodColumn: 'period',
  notes: [
    '每次到一线现场办公一行，由「导入台账」从各期通报导入；每周次数由本表按周一至周日计算，跨两期的那一周两期所记合并计算（同一天、同一人、同一项目只计一次）。',
  ],
  columns: [
    {
      key: 'period',
      header: '报告期',
      type: 'period',
      required: true,
      width: 16,
      note: '记载这次现场办公的半月报表的报告期',
    },
    { key: 'date', header: '日期', type: 'date', required: true, width: 12 },
    { key: 'hq', header: '指挥部', type: 'text', required: true, width: 18 },
    { key: 'person', header: '姓名', type: 'text', required: true, width: 10 },
    { key: 'role', header: '职务', type: 'enum', values: SITE_ROLES, width: 8 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 14 },
  ],
});

/**
 * 一线工作记录 as earlier versions kept it: one row per person and week with the week's count.
 * Still read (from a master not yet re-imported, or the sheet the import moves those rows to);
 * written only with those rows, or an older bulletin's person-weeks.
 */
export const SITE_WORK_WEEKS = defineSheet({
  key: 'siteWorkWeeks',
  name: '一线工作记录（按周）',
  title: '一线工作记录（旧版，按周汇总）',
  blankRows: 0,
  rowKey: ['week', 'hq', 'person'],
  notes: ['旧版总台账按周汇总的一线工作记录，仍参加单位排名计算；新导入的通报逐次记入「一线工作记录」。'],
  columns: [
    { key: 'week', header: '周', type: 'date', required: true, width: 12, note: '该周星期一的日期' },
    { key: 'hq', header: '指挥部', type: 'text', required: true, width: 18 },
    { key: 'person', header: '姓名', type: 'text', required: true, width: 10 },
    { key: 'role', header: '职务', type: 'enum', values: SITE_ROLES, width: 8 },
    { key: 'visits', header: '次数', type: 'integer', required: true, min: 0, width: 6 },
  ],
});

/**
 * 例会 (DOMAIN §5): the meetings actually held on a day the calendar would not give (a Saturday
 * that is a statutory rest day, a meeting moved to another day). Optional: without it, every
 * meeting weekday that is not a rest day is a meeting.
 */
export const MEETINGS = defineSheet({
  key: 'meetings',
  name: '例会',
  title: '周例会召开日期（节假日照常召开或调整日期时填写）',
  blankRows: 10,
  notes: [
    '平时不用填写：每周例会日（见「规则」表）如不是法定节假日即视为召开。遇节假日仍召开或改在其他日期召开的，在此填写实际召开日期；「督办事项」中的会议日期也视为已召开。',
  ],
  columns: [
    { key: 'date', header: '例会日期', type: 'date', required: true, unique: true, width: 12 },
    { key: 'note', header: '说明', type: 'text', width: 36 },
  ],
});

export const HOLIDAYS = defineSheet({
  key: 'holidays',
  name: '节假日',
  title: '节假日与调休（补充或更正内置数据）',
  blankRows: 20,
  // 导入放假通知 replaces the rows of the notice's dates, where they stand.
  rowKey: ['date'],
  notes: ['「休」为放假日，「班」为调休上班日。本表优先于内置的国务院放假安排。'],
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true, unique: true, width: 12 },
    { key: 'type', header: '类型', type: 'enum', required: true, values: DAY_TYPES, width: 6 },
    { key: 'note', header: '说明', type: 'text', width: 20 },
  ],
});

export const RULES = defineSheet({
  key: 'rules',
  name: '规则',
  title: '考核与时限规则表（可修改「值」列）',
  columns: [
    { key: 'group', header: '分组', type: 'text', width: 26 },
    { key: 'code', header: '编号', type: 'text', required: true, width: 26 },
    { key: 'name', header: '名称', type: 'text', width: 44 },
    { key: 'value', header: '值', type: 'any', width: 10 },
    { key: 'note', header: '说明', type: 'text', width: 40 },
  ],
});

export const MASTER = defineTemplate({
  id: 'kpd.master',
  // 2: 一线工作记录 one row per visit (报告期, 日期 …) instead of 周 / 次数; the 例会 sheet.
  version: 2,
  fileName: '总台账.xlsx',
  title: '重点项目推进总台账',
  sheets: [
    PROJECTS,
    MILESTONES,
    AGENTS,
    APPROVALS,
    SURVEYS,
    INCIDENTS,
    UNIT_SCORES,
    RANKING_HISTORY,
    DECISIONS,
    PROGRESS_LOG,
    SUBMISSION_LOG,
    SITE_WORK_LOG,
    MEETINGS,
    HOLIDAYS,
    WEEKLY_LOG,
    RULES,
  ],
});
