import { beforeAll, describe, expect, it } from 'vitest';
import { exampleMaster, records, score, type ScoreRun } from '../helpers/merge-results.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * kpd score on the example 总台账 for 2026Q3: the --json shape of the issue, and the results a
 * clerk checks by hand against 附件1 and the ranking rules. 2026H2 ranks units only.
 */
const tmp = useTempDir('kpd-score-example-');
let q3: ScoreRun;
let h2: ScoreRun;

beforeAll(async () => {
  const dir = tmp();
  await exampleMaster(dir);
  q3 = await score(dir, '总台账.xlsx', '2026Q3', 'q3.xlsx');
  h2 = await score(dir, '总台账.xlsx', '2026H2', 'h2.xlsx');
}, 60_000);

const agent = (name: string) => q3.json.agents.find((a) => a.name === name);
const unit = (name: string) => q3.json.units.find((u) => u.unit === name);
const numbers = (v: unknown): number[] =>
  typeof v === 'number' ? [v] : v !== null && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];

describe('kpd score --json', () => {
  it('has the shape of the issue: period, agents, units, warnings', () => {
    const keys = (xs: readonly object[]) => [...new Set(xs.map((x) => Object.keys(x).join(',')))];
    expect(Object.keys(q3.json)).toEqual(['period', 'agents', 'units', 'warnings']);
    expect(q3.json.period).toBe('2026Q3');
    expect(keys(q3.json.agents)).toEqual(['name,level,scores,total,rank,actions']);
    expect(keys(q3.json.agents.map((a) => a.scores))).toEqual([
      'political,performance,discipline,democratic,integrity,overall',
    ]);
    expect(keys(q3.json.units)).toEqual(['unit,criteria,total,rank,outcome,lastPlaceStreak,action']);
    expect(keys(q3.json.units.map((u) => u.criteria))).toEqual([
      'investment,milestones,reports,siteWork,decisions,approvals',
    ]);
    expect(new Set(q3.json.units.map((u) => u.outcome))).toEqual(new Set(['praise', 'criticize', null]));
    expect(
      q3.json.units.every(
        (u) => u.action === null || u.action === 'admonition' || u.action === 'organization',
      ),
    ).toBe(true);
    expect(
      q3.json.agents.every((a) => Array.isArray(a.actions) && a.actions.every((x) => typeof x === 'string')),
    ).toBe(true);
  });

  it('rounds every number to 2 decimals', () => {
    const all = numbers(q3.json);
    expect(all.length).toBeGreaterThan(150);
    for (const n of all) expect(Math.round(n * 100) / 100, String(n)).toBe(n);
  });

  it('ranks agents and units by total, competition ranks', () => {
    for (const list of [q3.json.agents, q3.json.units]) {
      list.forEach((x, i) => {
        const higher = list.filter((y) => y.total > x.total).length;
        expect(x.rank, `${i}`).toBe(higher + 1);
      });
    }
  });
});

describe('the example county’s 2026Q3, as the clerk checks it', () => {
  it('puts 县城管局 last for the second time in a row: 诫勉谈话 (admonition)', () => {
    const last = Math.max(...q3.json.units.map((u) => u.rank));
    expect(unit('县城管局')).toMatchObject({
      rank: last,
      outcome: 'criticize',
      lastPlaceStreak: 2,
      action: 'admonition',
    });
    expect(q3.json.units.filter((u) => u.action !== null).map((u) => u.unit)).toEqual(['县城管局']);
    const history = records(q3.grid, '排名历史', '考评期').filter(
      (r) => r['考评期'] === '2026Q3' && r['责任单位'] === '县城管局',
    );
    expect(history.map((r) => [r['连续倒数第一次数'], r['处理']])).toEqual([[2, '诫勉谈话']]);
  });

  it('praises the top 3 and criticises the bottom 3', () => {
    const byRank = [...q3.json.units].sort((a, b) => a.rank - b.rank);
    expect(byRank.slice(0, 3).every((u) => u.outcome === 'praise')).toBe(true);
    expect(byRank.slice(-3).every((u) => u.outcome === 'criticize')).toBe(true);
    expect(byRank.slice(3, -3).every((u) => u.outcome === null)).toBe(true);
  });

  it('floors 刘洋’s 工作纪律 at 0 although his deductions add up to more than its 20 points', () => {
    expect(agent('刘洋')?.scores['discipline']).toBe(0);
    const lines = records(q3.grid, '扣分明细', '代办员').filter(
      (l) => l['代办员'] === '刘洋' && l['类别'] === '工作纪律',
    );
    const lost = lines.reduce((a, l) => a + Number(l['分值']), 0);
    expect(lost).toBeLessThan(-20);
    const row = records(q3.grid, '代办员考核结果', '名次').find((r) => r['姓名'] === '刘洋');
    expect(row?.['工作纪律']).toBe(0);
  });

  it('gives 陈静 警告或诫勉谈话并书面检查 (非常不满意 in Q2 and Q3) and 杨帆 警告 (first 非常不满意)', () => {
    expect(agent('陈静')?.actions).toEqual(['警告或诫勉谈话并书面检查']);
    expect(agent('杨帆')?.actions).toEqual(['警告']);
    expect(
      q3.json.agents
        .filter((a) => a.actions.length > 0)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['杨帆', '陈静'].sort());
    const rows = records(q3.grid, '代办员考核结果', '名次');
    expect(rows.find((r) => r['姓名'] === '陈静')?.['处理']).toBe('警告或诫勉谈话并书面检查');
  });

  it('keeps every category within [0, full] and the total their sum', () => {
    const full: Record<string, number> = {
      political: 10,
      performance: 30,
      discipline: 20,
      democratic: 20,
      integrity: 10,
      overall: 10,
    };
    for (const a of q3.json.agents) {
      for (const [k, v] of Object.entries(a.scores))
        expect(v >= 0 && v <= (full[k] ?? 0), `${a.name} ${k} ${v}`).toBe(true);
      expect(a.total).toBeCloseTo(
        Object.values(a.scores).reduce((x, y) => x + y, 0),
        2,
      );
    }
  });

  it('lists the bad rows (两次, 7.1, 张薇) as warnings with sheet and row, and scores the rest', () => {
    const lines = q3.json.warnings.filter((w) => w.sheet === '扣分记录');
    expect(lines.filter((w) => w.severity === 'error').map((w) => [w.row, w.code])).toEqual([
      [25, 'cell.integer'],
      [26, 'incident.unknownRule'],
      [27, 'ref.agent'],
    ]);
    // Notes are listed too, as on the 数据问题 sheet: a date outside the quarter is not counted.
    expect(lines.filter((w) => w.severity !== 'error').map((w) => [w.row, w.code])).toEqual([
      [24, 'score.outsidePeriod'],
    ]);
    expect(q3.json.agents).toHaveLength(10);
  });
});

describe('kpd score --period 2026H2', () => {
  it('ranks units only, and says so', () => {
    expect(h2.json.period).toBe('2026H2');
    expect(h2.json.agents).toEqual([]);
    expect(h2.json.units).toHaveLength(12);
    expect(h2.err).toContain('说明：代办员按季度考核；半年期只计算单位排名。');
    const names = h2.grid.sheets.map((s) => s.name);
    expect(names).not.toContain('代办员考核结果');
    expect(names).toContain('单位考评排名');
    expect(records(h2.grid, '排名历史', '考评期').filter((r) => r['考评期'] === '2026H2')).toHaveLength(12);
  });
});
