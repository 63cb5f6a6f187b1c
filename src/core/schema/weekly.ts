import { defineSheet, defineTemplate, PROJECT_ID_NOTE } from './define.js';
import { APPROVAL_DEPARTMENTS, APPROVAL_ITEMS } from '../rules/vocab.js';

/**
 * 代办员周报: each agent's Thursday report to the 重点办 (代办员制度 八、2: 每周四下午 … 包括代办项目审批
 * 进度和项目进展过程中遇到的问题) — one workbook per agent per week; the master keeps the rows
 * in 代办周报记录 (kpd ledger import).
 */

/** Where an approval stands in the agent's week. */
const APPROVAL_PROGRESS = ['未启动', '办理中', '已办结', '暂缓'] as const;
export const DONE_PROGRESS = '已办结';

const columns = [
  {
    key: 'caseId',
    header: '案卷号',
    type: 'text',
    required: true,
    width: 12,
    note: '与「代办事项」中的案卷号一致',
  },
  { key: 'projectId', header: '项目编号', type: 'text', width: 13, note: PROJECT_ID_NOTE },
  { key: 'company', header: '企业名称', type: 'text', width: 20 },
  { key: 'item', header: '审批事项', type: 'text', required: true, width: 14, suggest: APPROVAL_ITEMS },
  { key: 'department', header: '审批部门', type: 'text', width: 9, suggest: APPROVAL_DEPARTMENTS },
  { key: 'progress', header: '办理进度', type: 'enum', required: true, values: APPROVAL_PROGRESS, width: 9 },
  { key: 'doneDate', header: '办结日期', type: 'date', width: 12, note: '已办结的填写' },
  { key: 'thisWeek', header: '本周进展', type: 'text', width: 28 },
  { key: 'problems', header: '存在问题及需协调事项', type: 'text', width: 28 },
] as const;

export const WEEKLY_REPORT = defineSheet({
  key: 'weekly',
  name: '代办员周报',
  title: '行政审批服务代办员工作周报',
  landscape: true,
  blankRows: 12,
  fields: [
    { key: 'agent', label: '代办员', type: 'text', required: true },
    { key: 'reportDate', label: '填报日期', type: 'date', required: true, note: '每周四下午报发改局重点办' },
    { key: 'phone', label: '联系电话', type: 'text' },
  ],
  notes: [
    '每周四下午向发改局重点办上报本周工作进展情况，包括代办项目审批进度和项目进展过程中遇到的问题（代办员制度 八、2）。',
    '每个在办的审批事项填一行；已办结的填写办结日期。',
  ],
  columns,
});

export const AGENT_WEEKLY = defineTemplate({
  id: 'kpd.agentWeekly',
  version: 1,
  fileName: '代办员周报.xlsx',
  title: '代办员工作周报',
  sheets: [WEEKLY_REPORT],
});

/** 代办周报记录: the master's history of the agents' weekly reports (imported, one row per line). */
export const WEEKLY_LOG = defineSheet({
  key: 'weeklyLog',
  name: '代办周报记录',
  title: '代办员周报记录（由代办员周报导入）',
  landscape: true,
  blankRows: 10,
  columns: [
    { key: 'reportDate', header: '填报日期', type: 'date', required: true, width: 12 },
    { key: 'agent', header: '代办员', type: 'text', required: true, width: 10 },
    ...columns,
  ],
});
