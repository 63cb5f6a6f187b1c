import { describe, expect, it } from 'vitest';
import { behindProjects } from '../../../src/core/bulletin/behind.js';
import { reasonsText } from '../../../src/core/bulletin/model.js';

const project = {
  projectId: 'AY-2026-001',
  name: '农产品冷链物流园',
  hq: '农产品加工园指挥部',
  commander: '王建国',
  unit: '县商务局',
  rate: 0.4528,
  fraction: 0.525,
  behindPlan: true,
};
const milestone = {
  record: {
    projectId: 'AY-2026-001',
    seq: 3,
    name: '主体封顶',
    plannedDate: '2026-11-10',
    actualDate: undefined,
    predecessors: undefined,
  },
};

describe('behindProjects: reasons as codes and values, said where printed', () => {
  it('gives each reason a code and its figures', () => {
    const [p] = behindProjects([project], [milestone], '2026-11-15');
    expect(p?.reasons).toEqual([
      { code: 'behind.investment', params: { rate: '45.3', fraction: '52.5', gap: '7.2' } },
      { code: 'behind.milestone', params: { seq: 3, name: '主体封顶', date: '2026-11-10' } },
    ]);
  });

  it('reads as the printed 滞后情况 in Chinese, and in English on request', () => {
    const [p] = behindProjects([project], [milestone], '2026-11-15');
    expect(reasonsText(p?.reasons ?? [])).toBe(
      '投资完成率 45.3%，低于序时进度 52.5%（差 7.2 个百分点）；节点3「主体封顶」计划 2026-11-10 完成，逾期未完成',
    );
    expect(reasonsText(p?.reasons ?? [], 'en')).toBe(
      'investment 45.3% of the annual plan, below the time-elapsed rate 52.5% (7.2 points); milestone 3 "主体封顶" planned for 2026-11-10, not done',
    );
  });
});
