import { defineSheet } from './define.js';
import { AGENT_CATEGORIES, CATEGORY_KEYS } from '../rules/agent.js';
import { CRITERION_KEYS, UNIT_CRITERIA } from '../rules/unit.js';

/** Result sheets `kpd score` writes into a copy of the master (DOMAIN §9): never over what people typed. */

export const AGENT_RESULTS = defineSheet({
  key: 'agentResults',
  name: '代办员考核结果',
  title: '代办员考核结果（{{考核期}}）',
  output: true,
  rowKey: ['name'],
  landscape: true,
  lead: [
    '依据：附件1《行政审批服务代办员考核办法》，基础分{{基础分}}分，分次扣分{{计分界限}}。第六条：季度测评“非常不满意”的，{{第六条处理}}；连续{{第六条季度数}}个季度“非常不满意”的，{{第六条连续处理}}。规则：{{规则集}}',
    '节假日依据：{{节假日依据}}',
  ],
  leadLines: [2, 2],
  columns: [
    { key: 'rank', header: '名次', type: 'integer', width: 6 },
    { key: 'name', header: '姓名', type: 'text', width: 10 },
    { key: 'level', header: '级别', type: 'text', width: 6 },
    ...CATEGORY_KEYS.map(
      (k) => ({ key: k, header: AGENT_CATEGORIES[k].name, type: 'number', width: 10 }) as const,
    ),
    { key: 'total', header: '总分', type: 'number', width: 8 },
    { key: 'rating', header: '测评等次', type: 'text', width: 10 },
    { key: 'actions', header: '处理', type: 'text', width: 26 },
  ],
});

export const SCORE_LINES = defineSheet({
  key: 'scoreLines',
  name: '扣分明细',
  title: '代办员考核扣（加）分明细（{{考核期}}）',
  output: true,
  rowKey: ['agent', 'code', 'sheet', 'row'],
  landscape: true,
  lead: ['每一行是一次计分：来自哪张表的哪一行、按哪条规则、扣（加）多少分。规则：{{规则集}}'],
  columns: [
    { key: 'agent', header: '代办员', type: 'text', width: 10 },
    { key: 'category', header: '类别', type: 'text', width: 12 },
    { key: 'code', header: '规则编号', type: 'text', width: 8 },
    { key: 'text', header: '规则内容', type: 'text', width: 32 },
    { key: 'count', header: '次数', type: 'integer', width: 6 },
    { key: 'perOccurrence', header: '每次分值', type: 'number', width: 8 },
    { key: 'points', header: '分值', type: 'number', width: 8 },
    { key: 'sheet', header: '来源表', type: 'text', width: 10 },
    { key: 'row', header: '来源行', type: 'integer', width: 7 },
    { key: 'detail', header: '说明', type: 'text', width: 46 },
  ],
});

export const UNIT_RANKING = defineSheet({
  key: 'unitRanking',
  chartsBelow: true,
  name: '单位考评排名',
  title: '承担{{考评类别}}项目任务单位综合考评排名（{{考评期}}）',
  output: true,
  rowKey: ['unit'],
  landscape: true,
  highlight: { column: 'outcome', colors: { 通报表扬: 'green', 通报批评: 'red' } },
  lead: [
    '依据：五个一分包制度 五、考核问责。前{{表扬名次}}名通报表扬，后{{批评名次}}名通报批评；连续{{诫勉次数}}次倒数第一诫勉谈话，连续{{组织处理次数}}次报请组织部门处理。{{并列说明}}各项得分的计算见「排名计算说明」表。规则：{{规则集}}',
    '节假日依据：{{节假日依据}}',
  ],
  // Ties that make the groups overlap are said in the first line: room for it.
  leadLines: [3, 2],
  columns: [
    { key: 'rank', header: '名次', type: 'integer', width: 6 },
    { key: 'unit', header: '责任单位', type: 'text', width: 14 },
    ...CRITERION_KEYS.map(
      (k) => ({ key: k, header: UNIT_CRITERIA[k].name, type: 'number', width: 9 }) as const,
    ),
    { key: 'total', header: '总分', type: 'number', width: 8 },
    { key: 'outcome', header: '结果', type: 'text', width: 10 },
    { key: 'streak', header: '连续倒数第一次数', type: 'integer', width: 10 },
    { key: 'action', header: '处理', type: 'text', width: 16 },
    { key: 'typed', header: '手工录入项', type: 'text', width: 12 },
  ],
});

/**
 * How each unit's points were counted: its own sheet, so that the ranking prints on one page
 * (the explanation of a unit runs to several lines).
 */
export const UNIT_RANKING_NOTES = defineSheet({
  key: 'unitRankingNotes',
  name: '排名计算说明',
  title: '单位考评排名计算说明（{{考评期}}）',
  output: true,
  rowKey: ['unit'],
  landscape: true,
  lead: ['每项得分＝权重×完成比例（最高为 1）；手工录入的以录入为准。规则：{{规则集}}'],
  columns: [
    { key: 'rank', header: '名次', type: 'integer', width: 6 },
    { key: 'unit', header: '责任单位', type: 'text', width: 14 },
    { key: 'notes', header: '计算说明', type: 'text', width: 90 },
  ],
});

export const SCORE_PROBLEMS = defineSheet({
  key: 'scoreProblems',
  name: '数据问题',
  title: '数据问题（未计入的行及提示，{{考核期}}）',
  output: true,
  rowKey: ['sheet', 'cell', 'code'],
  landscape: true,
  lead: ['下列行有问题：“未计入”的行没有参加计分，请更正后重新计算；“提示”仅供核对。规则：{{规则集}}'],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'sheet', header: '工作表', type: 'text', width: 12 },
    { key: 'cell', header: '单元格', type: 'text', width: 8 },
    { key: 'handling', header: '处理', type: 'text', width: 8 },
    { key: 'code', header: '问题代码', type: 'text', width: 22 },
    { key: 'message', header: '问题说明', type: 'text', width: 70 },
  ],
});

/** How the result sheets join several values in one cell (the sheets are Chinese). */
export const RESULT_JOINS = { clause: '；', labelled: '：' } as const;

/**
 * The {{placeholders}} of the result sheets' titles and leads (above), by meaning: the names a
 * person sees in the sheets' text, filled in by core/jobs/score-master.ts.
 */
export const SCORE_PLACEHOLDERS = {
  period: '考核期',
  rankPeriod: '考评期',
  rules: '规则集',
  holidayBasis: '节假日依据',
  overlap: '并列说明',
  praiseCount: '表扬名次',
  criticizeCount: '批评名次',
  admonitionStreak: '诫勉次数',
  organizationStreak: '组织处理次数',
  rankedCategories: '考评类别',
  fullScore: '基础分',
  bounds: '计分界限',
  firstAction: '第六条处理',
  repeatedAction: '第六条连续处理',
  repeatCount: '第六条季度数',
} as const;
