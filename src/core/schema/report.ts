import { defineSheet, defineTemplate, PROJECT_ID_NOTE } from './define.js';
import { SITE_ROLES } from '../rules/vocab.js';
import { SCHEDULE_PARAMS } from '../rules/schedule.js';
import { zhCount } from '../values/zh-number.js';

// The form quotes the rule table's defaults (the notice's 12日、25日, 每周至少两次).
const FIRST = SCHEDULE_PARAMS.firstReportDay.value;
const SECOND = SCHEDULE_PARAMS.secondReportDay.value;
const VISITS = zhCount(SCHEDULE_PARAMS.siteVisitsPerWeek.value);

/** 半月进展报表: one workbook per HQ per period, e-mailed in (DOMAIN §9). */

export const PROGRESS = defineSheet({
  key: 'progress',
  name: '进展情况',
  title: '重点项目建设进展情况表',
  money: true,
  totalRow: true,
  landscape: true,
  blankRows: 20,
  fields: [
    { key: 'reporter', label: '填报单位', type: 'text', required: true, note: '指挥部名称，与项目登记一致' },
    {
      key: 'period',
      label: '报告期',
      type: 'period',
      required: true,
      note: `如 2026年11月上半月（${FIRST}日报）或 2026年11月（${SECOND}日报）`,
    },
    { key: 'filledOn', label: '填报日期', type: 'date', required: true },
    { key: 'signature', label: '指挥长签字', type: 'text', blankCode: 'report.unsigned' },
    { key: 'filledBy', label: '填报人', type: 'text' },
    { key: 'phone', label: '联系电话', type: 'text' },
  ],
  notes: [
    `1. 每月${FIRST}日、${SECOND}日前报送（遇节假日提前），纸质版由指挥长签字。`,
    '2. 年度累计完成投资应包含本期完成投资；完成率自动计算。',
    '3. 未按序时进度完成的项目，须在「存在问题及需协调事项」中说明原因。',
  ],
  columns: [
    { key: 'projectId', header: '项目编号', type: 'text', required: true, width: 13, note: PROJECT_ID_NOTE },
    { key: 'name', header: '项目名称', type: 'text', width: 19 },
    {
      key: 'annualPlan',
      header: '年度计划投资（万元）',
      type: 'money',
      min: 0,
      width: 11,
      total: true,
      headerAliases: ['年度计划投资', '年度计划'],
    },
    {
      key: 'current',
      header: '本期完成投资（万元）',
      type: 'money',
      required: true,
      min: 0,
      width: 11,
      total: true,
      // As under a merged group label (投资情况 over 本期 / 累计).
      headerAliases: ['本期完成投资', '本期完成', '本期'],
    },
    {
      key: 'cumulative',
      header: '年度累计完成投资（万元）',
      type: 'money',
      required: true,
      min: 0,
      width: 11,
      total: true,
      headerAliases: ['年度累计完成投资', '累计完成投资', '累计完成', '年度累计', '累计'],
    },
    {
      key: 'rate',
      header: '完成率',
      type: 'percent',
      width: 8,
      formula: (r) => `IF(N(${r['annualPlan']})>0,N(${r['cumulative']})/${r['annualPlan']},"")`,
      total: true,
    },
    { key: 'image', header: '形象进度', type: 'text', width: 18 },
    { key: 'milestones', header: '节点完成情况', type: 'text', width: 13 },
    { key: 'problems', header: '存在问题及需协调事项', type: 'text', width: 19 },
    { key: 'remark', header: '备注', type: 'text', width: 6 },
  ],
});

export const SITE_VISITS = defineSheet({
  key: 'siteVisits',
  name: '一线工作',
  title: '指挥部一线工作（现场办公）记录',
  blankRows: 30,
  notes: [
    `指挥长和指挥部成员每周至少${VISITS}次到项目建设一线现场办公，每次一行。`,
    '每次现场办公只记一次：上期报表已记的不要再记。跨两期的那一周，两期报表所记合并考核（同日、同人、同项目只计一次）。',
  ],
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true, width: 12 },
    { key: 'person', header: '姓名', type: 'text', required: true, width: 10 },
    { key: 'role', header: '职务', type: 'enum', required: true, values: SITE_ROLES, width: 8 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 13 },
    { key: 'matter', header: '现场办公事项', type: 'text', width: 40 },
  ],
});

export const REPORT = defineTemplate({
  id: 'kpd.report',
  version: 1,
  fileName: '半月进展报表.xlsx',
  title: '重点项目半月进展报表',
  sheets: [PROGRESS, SITE_VISITS],
});
