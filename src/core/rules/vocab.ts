/** Closed vocabularies shared by several sheets (the drop-down lists). */
import { SATISFACTION_LEVELS } from './satisfaction.js';

export const PROJECT_CATEGORIES = ['省重点', '市重点', '招商引资', '棚户区改造', '基础设施', '其他'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const AGENT_LEVELS = ['一级', '二级'] as const;
export const DIFFICULTIES = ['难', '易'] as const;
export const SITE_ROLES = ['指挥长', '成员'] as const;
export const DAY_TYPES = ['休', '班'] as const;
export const SUBMISSION_STATUSES = ['按时', '迟报', '未报'] as const;
export const TIME_SOURCES = ['邮件时间', '登记时间', '填报日期', '文件修改时间'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];
export const RANK_OUTCOMES = ['通报表扬', '通报批评'] as const;

export const APPROVAL_ITEMS = [
  '项目备案',
  '环境影响评价',
  '项目选址许可',
  '用地规划许可',
  '工程规划许可',
  '用地预审',
  '施工许可',
];
export const APPROVAL_DEPARTMENTS = ['发改', '国土', '住建', '环保', '规划'];

export { SATISFACTION_LEVELS };
/** 比较满意 / 基本满意 are accepted and read as 一般. */
export const LEVEL_ALIASES = { 比较满意: '一般', 基本满意: '一般', 较满意: '一般' } as const;

/**
 * The seven items of 附件3: the column headers of 满意度测评 (generated from this list), the words
 * the printed form uses where they differ from the header, and the column widths.
 */
export const SURVEY_ITEMS = [
  { key: 'attitude', header: '服务态度', width: 10 },
  { key: 'efficiency', header: '办事效率', width: 10 },
  { key: 'answers', header: '解答问题准确、耐心、细致', width: 12 },
  { key: 'appearance', header: '着装整洁、挂牌服务', width: 10 },
  { key: 'fees', header: '无乱收费、乱培训、乱摊派', width: 12 },
  {
    key: 'knowledge',
    header: '业务知识熟练、要求提供的材料一次性告知',
    printed: '业务知识熟练 要求提供的材料一次性告知',
    width: 14,
  },
  { key: 'lawful', header: '遵纪守法、无吃拿卡要现象', printed: '遵纪守法 无吃、拿、卡、要现象', width: 12 },
] as const satisfies readonly { key: string; header: string; printed?: string; width: number }[];

// ---- k3: scoring and calendar vocabulary, by meaning (compare against these, never retype) ----

/** 报送记录's 状态, by meaning. */
export const SUBMISSION_STATUS = {
  onTime: SUBMISSION_STATUSES[0],
  late: SUBMISSION_STATUSES[1],
  missing: SUBMISSION_STATUSES[2],
} as const;

/** 节假日's 类型: a day off (休) or a make-up working day (班). */
export const DAY_TYPE = { rest: DAY_TYPES[0], work: DAY_TYPES[1] } as const;
export type DayType = (typeof DAY_TYPES)[number];

/** 代办员名册's 级别. */
export const AGENT_LEVEL = { first: AGENT_LEVELS[0], second: AGENT_LEVELS[1] } as const;
export type AgentLevel = (typeof AGENT_LEVELS)[number];

/** 五、考核问责: a unit's outcome (排名历史's 通报) and the consequences of last places in a row. */
export const RANK_OUTCOME = { praise: RANK_OUTCOMES[0], criticize: RANK_OUTCOMES[1] } as const;
export const UNIT_ACTION = { admonition: '诫勉谈话', organization: '报请组织部门处理' } as const;

/**
 * A project's 状态 in a bulletin (正常/预警/滞后/未报/有误), by meaning. (k3 needed the last two for
 * the reminders; if the bulletin's own block declares the same list, keep one.)
 */
export const PROGRESS_STATUSES = ['正常', '预警', '滞后', '未报', '有误'] as const;
export const PROGRESS_STATUS = {
  normal: PROGRESS_STATUSES[0],
  warning: PROGRESS_STATUSES[1],
  behind: PROGRESS_STATUSES[2],
  missing: PROGRESS_STATUSES[3],
  wrong: PROGRESS_STATUSES[4],
} as const;
