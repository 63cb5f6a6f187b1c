import { PROJECT_CATEGORIES, type ProjectCategory } from './vocab.js';

/**
 * 五、考核问责: the criteria of the unit ranking (our Decision: the notice names none) and the
 * counts of praise, criticism and escalation. Names are the 单位考评 column headers.
 */

export const UNIT_CRITERIA = {
  investment: { name: '投资完成', weight: 40, what: '年度累计完成投资 / 序时计划投资' },
  milestones: { name: '节点完成', weight: 20, what: '到期节点按期完成数 / 到期节点数' },
  reports: { name: '按时报送', weight: 15, what: '按时报送次数 / 应报送次数' },
  siteWork: { name: '一线工作', weight: 10, what: '达标人周 / 应到一线人周' },
  decisions: { name: '督办落实', weight: 10, what: '按期落实的督办事项 / 到期督办事项' },
  approvals: { name: '审批办理', weight: 5, what: '按时限办结的审批事项 / 到期审批事项' },
} as const satisfies Record<string, { name: string; weight: number; what: string }>;

export type CriterionKey = keyof typeof UNIT_CRITERIA;
export const CRITERION_KEYS = Object.keys(UNIT_CRITERIA) as CriterionKey[];

export const RANKING_PARAMS = {
  praiseCount: { name: '通报表扬名次数（前N名）', value: 3 },
  criticizeCount: { name: '通报批评名次数（后N名）', value: 3 },
  admonitionStreak: { name: '连续倒数第一次数：诫勉谈话', value: 2 },
  organizationStreak: { name: '连续倒数第一次数：报请组织部门处理', value: 3 },
} as const satisfies Record<string, { name: string; value: number }>;

export type RankingParam = keyof typeof RANKING_PARAMS;

/**
 * "承担省、市重点项目任务的单位": the project categories whose 责任单位 are ranked (DOMAIN §4).
 */
export const RANKED_CATEGORIES_PARAM = {
  name: '参加单位排名的项目类别',
  value: ['省重点', '市重点'] as readonly ProjectCategory[],
  allowed: PROJECT_CATEGORIES,
} as const;
