import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { MASTER } from '../../src/core/schema/master.js';
import { BASE } from './master.js';

/**
 * A 总台账 with one case of seven approvals (DB-2026-101: five done, two open) and the
 * enterprise's survey of its agent: what the agents' forms are printed from in tests.
 */
const approval = (
  item: string,
  department: string,
  startDate: string,
  limitDays: number,
  doneDate?: string,
  onSiteRating?: string,
) => ({
  caseId: 'DB-2026-101',
  projectId: 'AY-2026-001',
  company: '安阳示例装备制造有限公司',
  item,
  department,
  primaryAgent: '张伟',
  secondaryAgent: '刘芳',
  difficulty: '难',
  limitDays,
  startDate,
  ...(doneDate !== undefined && { doneDate }),
  ...(onSiteRating !== undefined && { onSiteRating }),
});

export const CASE_APPROVALS = [
  approval('项目备案', '发改', '2026-03-02', 5, '2026-03-06', '非常满意'),
  approval('用地预审', '国土', '2026-03-09', 20, '2026-04-10', '满意'),
  approval('项目选址许可', '规划', '2026-03-16', 15, '2026-04-01', '非常满意'),
  approval('环境影响评价', '环保', '2026-04-01', 30, '2026-05-25', '一般'),
  approval('用地规划许可', '国土', '2026-04-15', 20, '2026-05-12'),
  approval('工程规划许可', '规划', '2026-05-20', 20),
  approval('施工许可', '住建', '2026-06-01', 15),
];

export const CASE_SURVEY = {
  agent: '张伟',
  date: '2026-05-28',
  company: '安阳示例装备制造有限公司',
  attitude: '非常满意',
  efficiency: '满意',
  answers: '非常满意',
  appearance: '满意',
  fees: '非常满意',
  knowledge: '一般',
  lawful: '非常满意',
  comments: '代办员服务主动，环评阶段材料补正次数较多，希望一次性告知。',
  filledBy: '陈经理',
  phone: '0372-5550000',
};

export const caseMasterRows = {
  projects: BASE.projects,
  agents: BASE.agents,
  approvals: CASE_APPROVALS,
  surveys: [CASE_SURVEY],
};

export const caseMasterBytes = (): Promise<Uint8Array> => writeTemplate(MASTER, { rows: caseMasterRows });
