import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { parseRankPeriod, type RankPeriod } from '../../../src/core/calendar/periods.js';
import { scoreAgents, type AgentResult } from '../../../src/core/scoring/index.js';
import { Fixture, withRules } from './fixtures.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';

const calendar = new WorkCalendar();
const q = (id: string): RankPeriod => {
  const p = parseRankPeriod(id);
  if (!p) throw new Error(id);
  return p;
};
const Q2 = q('2026Q2');
const Q3 = q('2026Q3');

function result(f: Fixture, name: string, quarter = Q3): AgentResult {
  const a = scoreAgents({ data: f.data(), quarter, calendar }).agents.find((x) => x.name === name);
  if (!a) throw new Error(`no result for ${name}`);
  return a;
}

describe('scoreAgents: categories and bounds', () => {
  it('gives every agent of the roster a full result, even with no events', () => {
    const f = new Fixture().agent('张三').agent('李四', '二级');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.quarter).toBe('2026Q3');
    expect(a.agents.map((x) => [x.name, x.level, x.total, x.rank])).toEqual([
      ['李四', '二级', 100, 1],
      ['张三', '一级', 100, 1],
    ]);
    expect(a.agents[0]?.scores).toEqual({
      political: 10,
      performance: 30,
      discipline: 20,
      democratic: 20,
      integrity: 10,
      overall: 10,
    });
    expect(a.lines).toEqual([]);
    expect(a.issues).toEqual([]);
  });

  it('stops a category at 0 when its deductions exceed the full score (扣完为止)', () => {
    const f = new Fixture().agent('张三').incident('2026-07-10', '张三', '5.2', { count: 2 });
    const r = result(f, '张三');
    expect(r.scores.integrity).toBe(0);
    expect(r.total).toBe(90);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ code: '5.2', count: 2, points: -20, perOccurrence: -10 });
  });

  it('never lifts a category above its full score with a bonus (2.5, 4.1 非常满意)', () => {
    const f = new Fixture()
      .agent('张三')
      .project('P1')
      .incident('2026-07-10', '张三', '2.5', { count: 3 })
      .approval('DB-1', {
        projectId: 'P1',
        primaryAgent: '张三',
        startDate: '2026-07-01',
        limitDays: 20,
        doneDate: '2026-07-10',
        onSiteRating: '非常满意',
      });
    const r = result(f, '张三');
    expect(r.scores.performance).toBe(30);
    expect(r.scores.democratic).toBe(20);
    expect(r.total).toBe(100);
    expect(r.lines.map((l) => [l.code, l.points])).toEqual([
      ['2.5', 0.6],
      ['4.1', 1],
    ]);
  });

  it('lets a bonus make up for deductions, whatever the order of events', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2026-07-01', '张三', '2.5', { count: 3 })
      .incident('2026-08-01', '张三', '2.7')
      .incident('2026-09-01', '张三', '6.1', { count: 6 })
      .incident('2026-09-02', '张三', '6.3', { points: 3 });
    const r = result(f, '张三');
    expect(r.scores.performance).toBe(29.6); // 30 − 1 + 0.6
    // 10 − 12 + 3 = 1: the sum is bounded, not each step (a step-wise floor would give 3).
    expect(r.scores.overall).toBe(1);
    expect(r.total).toBe(90.6);
  });

  it('applies 6.3 discretionary points as typed, times the count, both signs', () => {
    const f = new Fixture()
      .agent('张三')
      .agent('李四')
      .incident('2026-07-01', '张三', '6.3', { points: -0.5, count: 3, note: '工作热情不足' })
      .incident('2026-07-01', '李四', '6.1')
      .incident('2026-07-02', '李四', '6.3', { points: 0.5, count: 2 });
    const z = result(f, '张三');
    expect(z.scores.overall).toBe(8.5);
    expect(z.lines[0]).toMatchObject({ code: '6.3', count: 3, points: -1.5, perOccurrence: -0.5 });
    expect(z.lines[0]?.detail).toBe('2026-07-01 记录，3 次，每次 -0.5 分；说明：工作热情不足');
    expect(result(f, '李四').scores.overall).toBe(9); // 10 − 2 + 1
  });

  it('keeps exact sums: ten 3.1a (−0.2) cost exactly 2', () => {
    const f = new Fixture().agent('张三');
    for (let i = 1; i <= 10; i++) f.incident(`2026-07-${String(i).padStart(2, '0')}`, '张三', '3.1a');
    const r = result(f, '张三');
    expect(r.scores.discipline).toBe(18);
    expect(r.total).toBe(98);
  });

  it('follows bounds settings: without a floor a category goes below 0, without a cap above full', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2026-07-10', '张三', '5.2', { count: 2 })
      .incident('2026-07-10', '张三', '2.5');
    f.rules = withRules((r) => {
      r.bounds.floorAtZero = false;
      r.bounds.capAtFull = false;
    });
    const r = result(f, '张三');
    expect(r.scores.integrity).toBe(-10);
    expect(r.scores.performance).toBe(30.2);
  });

  it('reports incidents dated outside the quarter, and does not count them', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2026-06-30', '张三', '3.3')
      .incident('2026-10-01', '张三', '3.3')
      .incident('2026-07-01', '张三', '3.3');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.agents[0]?.scores.discipline).toBe(18);
    expect(a.issues.map((i) => [i.code, i.severity, i.sheet, i.row, i.params['value']])).toEqual([
      ['score.outsidePeriod', 'info', '扣分记录', 2, '2026-06-30'],
      ['score.outsidePeriod', 'info', '扣分记录', 3, '2026-10-01'],
    ]);
  });

  it('sums up incidents of other years in one note instead of a line each', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2025-08-01', '张三', '3.3')
      .incident('2024-08-01', '张三', '3.3')
      .incident('2026-08-01', '张三', '3.3');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.agents[0]?.scores.discipline).toBe(18);
    expect(a.issues).toEqual([
      {
        code: 'score.outsideYear',
        severity: 'info',
        sheet: '扣分记录',
        params: { count: 2, year: '2026', period: '2026Q3' },
      },
    ]);
  });

  it('reports approvals naming an agent who is not in the roster, and scores the rest', () => {
    const f = new Fixture()
      .agent('张三')
      .agent('李四', '二级')
      .project('S')
      // Overdue at the end of Q3: 2.1b for an unknown 一级代办员, 2.4 for a known 二级代办员.
      .approval('A1', {
        projectId: 'S',
        primaryAgent: '王五',
        secondaryAgent: '李四',
        startDate: '2026-07-01',
        limitDays: 5,
      })
      // Done and rated in Q3 (4.1) for an unknown 一级代办员.
      .approval('A2', {
        projectId: 'S',
        primaryAgent: '王五',
        startDate: '2026-07-01',
        limitDays: 5,
        doneDate: '2026-07-03',
        onSiteRating: '满意',
      });
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.issues.map((i) => [i.code, i.row, i.params['header'], i.params['value']])).toEqual([
      ['score.unknownAgent', 2, '一级代办员', '王五'],
      ['score.unknownAgent', 3, '一级代办员', '王五'],
    ]);
    expect(a.lines.map((l) => [l.agent, l.code, l.row])).toEqual([['李四', '2.4', 2]]);
  });

  it('warns when a due date runs into a year without holiday data', () => {
    const cal = new WorkCalendar();
    const f = new Fixture()
      .agent('张三')
      .project('S')
      .approval('A1', { projectId: 'S', primaryAgent: '张三', startDate: '2026-12-21', limitDays: 10 });
    const a = scoreAgents({ data: f.data(), quarter: q('2026Q4'), calendar: cal });
    expect(cal.covers(2027)).toBe(false);
    expect(a.issues.map((i) => [i.code, i.severity, i.params['year']])).toEqual([
      ['calendar.yearMissing', 'warning', 2027],
    ]);
  });

  it('reports rows naming an agent who is not in the roster', () => {
    const f = new Fixture().agent('张三').incident('2026-07-01', '王五', '3.3');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.lines).toEqual([]);
    expect(a.issues.map((i) => [i.code, i.params['value']])).toEqual([['score.unknownAgent', '王五']]);
  });

  it('reports incident rows the master reader would have rejected, instead of skipping them', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2026-07-01', '张三', '7.1')
      .incident('2026-07-01', '张三', '2.1a')
      .incident('2026-07-01', '张三', '4.2')
      .incident('2026-07-01', '张三', '6.3')
      .incident('2026-07-01', '张三', ' 3.1A ');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.issues.map((i) => [i.code, i.row, i.params['value'], i.params['sheet']])).toEqual([
      ['incident.unknownRule', 2, '7.1', undefined],
      ['incident.derivedRule', 3, '2.1a', '代办事项'],
      ['incident.derivedRule', 4, '4.2', '满意度测评'],
      ['incident.pointsNeeded', 5, '6.3', undefined],
    ]);
    expect(a.lines.map((l) => [l.code, l.row])).toEqual([['3.1a', 6]]);
  });

  it('changes points when the rule table changes', () => {
    const f = new Fixture()
      .agent('张三')
      .project('P1')
      .incident('2026-07-01', '张三', '3.1a', { count: 2 })
      .survey('张三', '2026-09-01', '非常满意')
      .approval('DB-1', { projectId: 'P1', primaryAgent: '张三', startDate: '2026-06-01', limitDays: 10 });
    f.rules = withRules((r) => {
      r.agentPoints['3.1a'] = -0.5;
      r.agentPoints['2.1b'] = -2;
      r.levelPoints.非常满意 = 3;
      r.categories.discipline = 25;
      r.categories.democratic = 15;
    });
    const r = result(f, '张三');
    expect(r.scores.discipline).toBe(24);
    expect(r.scores.performance).toBe(28);
    expect(r.scores.democratic).toBe(15); // +3 capped at the new full score
    expect(r.total).toBe(10 + 28 + 24 + 15 + 10 + 10);
  });

  it('rejects a half-year: 附件1 is quarterly', () => {
    expect(() => scoreAgents({ data: new Fixture().data(), quarter: q('2026H2'), calendar })).toThrow(
      RangeError,
    );
  });
});

describe('scoreAgents: approvals (2.1, 2.2, 2.4, 4.1)', () => {
  // Due 2026-07-29 (20 working days from 2026-07-01): overdue and open at the end of Q3.
  const overdue = (f: Fixture, caseId: string, projectId: string, difficulty: '难' | '易') =>
    f.approval(caseId, {
      projectId,
      primaryAgent: '张三',
      startDate: '2026-07-01',
      limitDays: 20,
      difficulty,
    });

  it('chooses 2.1a / 2.1b / 2.2a / 2.2b by project category and difficulty; other categories cost nothing', () => {
    const f = new Fixture()
      .agent('张三')
      .project('S', { category: '省重点' })
      .project('M', { category: '市重点' })
      .project('O', { category: '招商引资' });
    overdue(f, 'A1', 'S', '难');
    overdue(f, 'A2', 'S', '易');
    overdue(f, 'A3', 'M', '难');
    overdue(f, 'A4', 'M', '易');
    overdue(f, 'A5', 'O', '难');
    overdue(f, 'A6', 'O', '易');
    const r = result(f, '张三');
    expect(r.lines.map((l) => [l.code, l.points, l.row])).toEqual([
      ['2.1a', -0.5, 2],
      ['2.1b', -1, 3],
      ['2.2a', -0.3, 4],
      ['2.2b', -0.5, 5],
    ]);
    expect(r.scores.performance).toBe(27.7);
    expect(r.lines[0]?.detail).toBe(
      'A1 用地规划许可（项目 S，省重点，难度难），时限 20 个工作日，应于 2026-07-29 办结，季末未办结',
    );
  });

  it('charges an approval open past due in every quarter it stays open', () => {
    // Due 2026-06-30, the last day of Q2: at the end of Q2 the due date has passed.
    const f = new Fixture()
      .agent('张三')
      .project('S')
      .approval('A1', { projectId: 'S', primaryAgent: '张三', startDate: '2026-06-01', limitDays: 20 });
    expect(result(f, '张三', Q2).lines.map((l) => l.code)).toEqual(['2.1b']);
    expect(result(f, '张三', Q3).lines.map((l) => l.code)).toEqual(['2.1b']);
    expect(result(f, '张三', q('2026Q1')).lines).toEqual([]);
  });

  it('does not charge an approval done by the quarter end, or not yet due', () => {
    const f = new Fixture()
      .agent('张三')
      .project('S')
      .approval('A1', {
        projectId: 'S',
        primaryAgent: '张三',
        startDate: '2026-06-01',
        limitDays: 20,
        doneDate: '2026-07-15',
      })
      // 2026-09-30 + 1 working day is after the National Day holiday: not due in Q3.
      .approval('A2', { projectId: 'S', primaryAgent: '张三', startDate: '2026-09-30', limitDays: 1 });
    expect(result(f, '张三', Q2).lines.map((l) => [l.code, l.row])).toEqual([['2.1b', 2]]);
    expect(result(f, '张三', Q3).lines).toEqual([]);
  });

  it('charges 2.4 to the 二级代办员 once, in the quarter of the due date', () => {
    const f = new Fixture()
      .agent('张三')
      .agent('李四', '二级')
      .project('S')
      // due 2026-06-30, done late in Q3
      .approval('A1', {
        projectId: 'S',
        primaryAgent: '张三',
        secondaryAgent: '李四',
        startDate: '2026-06-01',
        limitDays: 20,
        doneDate: '2026-07-06',
      })
      // due 2026-07-29, never done: open past due in Q3 (and Q4, but charged in Q3 only)
      .approval('A2', {
        projectId: 'S',
        primaryAgent: '张三',
        secondaryAgent: '李四',
        startDate: '2026-07-01',
        limitDays: 20,
      })
      // due 2026-07-29, done on time
      .approval('A3', {
        projectId: 'S',
        primaryAgent: '张三',
        secondaryAgent: '李四',
        startDate: '2026-07-01',
        limitDays: 20,
        doneDate: '2026-07-29',
      });
    const lines = (p: RankPeriod) => result(f, '李四', p).lines.map((l) => [l.code, l.row, l.detail]);
    expect(lines(Q2)).toEqual([
      ['2.4', 2, 'A1 用地规划许可，时限 20 个工作日，应于 2026-06-30 办结，季末未办结（2026-07-06 办结）'],
    ]);
    expect(lines(Q3)).toEqual([
      ['2.4', 3, 'A2 用地规划许可，时限 20 个工作日，应于 2026-07-29 办结，季末未办结'],
    ]);
    expect(lines(q('2026Q4'))).toEqual([]);
    expect(result(f, '李四', Q3).scores.performance).toBe(29);
  });

  it('charges 2.4 for an approval done late within its due quarter', () => {
    const f = new Fixture().agent('张三').agent('李四', '二级').project('S').approval('A1', {
      projectId: 'S',
      primaryAgent: '张三',
      secondaryAgent: '李四',
      startDate: '2026-07-01',
      limitDays: 20,
      doneDate: '2026-08-03',
    });
    expect(result(f, '李四').lines.map((l) => l.detail)).toEqual([
      'A1 用地规划许可，时限 20 个工作日，应于 2026-07-29 办结，2026-08-03 办结，逾期',
    ]);
    expect(result(f, '张三').lines).toEqual([]); // done by the quarter's end: no 2.1
  });

  it('gives 4.1 only for approvals done in the quarter', () => {
    const f = new Fixture()
      .agent('张三')
      .project('S')
      .approval('A1', {
        projectId: 'S',
        primaryAgent: '张三',
        startDate: '2026-06-01',
        limitDays: 5,
        doneDate: '2026-06-05',
        onSiteRating: '不满意',
      })
      .approval('A2', {
        projectId: 'S',
        primaryAgent: '张三',
        startDate: '2026-07-01',
        limitDays: 5,
        doneDate: '2026-07-03',
        onSiteRating: '一般',
      })
      .approval('A3', {
        projectId: 'S',
        primaryAgent: '张三',
        startDate: '2026-07-01',
        limitDays: 5,
        doneDate: '2026-07-03',
      });
    const r = result(f, '张三');
    expect(r.lines.map((l) => [l.code, l.row, l.points, l.detail])).toEqual([
      ['4.1', 3, -1, 'A2 用地规划许可，2026-07-03 办结，现场评价：一般'],
    ]);
    expect(r.scores.democratic).toBe(19);
  });
});

describe('scoreAgents: surveys (4.2) and 第六条', () => {
  it('rounds a survey to its overall level, halves toward 满意', () => {
    const f = new Fixture()
      .agent('张三')
      // 5,5,5,4,4,4,4 → 31/7 = 4.43 → 满意 (0)
      .survey('张三', '2026-07-01', ['非常满意', '非常满意', '非常满意', '满意', '满意', '满意', '满意'])
      // 5,4 → 4.5 → 满意 (half toward 满意)
      .survey('张三', '2026-07-02', ['非常满意', '满意'])
      // 3,4 → 3.5 → 满意
      .survey('张三', '2026-07-03', ['一般', '满意'])
      // 2,3 → 2.5 → 一般 (−1)
      .survey('张三', '2026-07-04', ['不满意', '一般'])
      // 1,2 → 1.5 → 不满意 (−1.5)
      .survey('张三', '2026-07-05', ['非常不满意', '不满意'])
      // 5,5,5,5,4 → 4.8 → 非常满意 (+1)
      .survey('张三', '2026-07-06', ['非常满意', '非常满意', '非常满意', '非常满意', '满意']);
    const r = result(f, '张三');
    expect(r.lines.map((l) => [l.row, l.points])).toEqual([
      [2, 0],
      [3, 0],
      [4, 0],
      [5, -1],
      [6, -1.5],
      [7, 1],
    ]);
    expect(r.lines[0]?.detail).toBe('2026-07-01 满意度测评，7 项平均 4.43，综合等次：满意');
    expect(r.scores.democratic).toBe(18.5);
    // Rating: levels 4,4,4,3,2,5 → 22/6 = 3.67 → 满意
    expect(r.rating).toBe('满意');
    expect(r.actions.map((a) => a.label)).toEqual([]);
  });

  it('has no rating without surveys', () => {
    const r = result(new Fixture().agent('张三'), '张三');
    expect(r.rating).toBeUndefined();
    expect('rating' in r).toBe(false);
  });

  it('gives 警告 for a first 非常不满意 rating', () => {
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2026-04-10', '不满意')
      .survey('张三', '2026-08-10', '非常不满意');
    const r = result(f, '张三');
    expect(r.rating).toBe('非常不满意');
    expect(r.actions).toEqual([{ kind: 'first', label: '警告', quarters: 1 }]);
    expect(r.actions.map((a) => a.label)).toEqual(['警告']);
  });

  it('gives 警告或诫勉谈话并书面检查 for 非常不满意 in two consecutive quarters', () => {
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2026-06-30', '非常不满意')
      .survey('张三', '2026-07-01', '非常不满意');
    expect(result(f, '张三').actions.map((a) => a.label)).toEqual(['警告或诫勉谈话并书面检查']);
    expect(result(f, '张三', Q2).actions.map((a) => a.label)).toEqual(['警告']);
  });

  it('gives 警告 only when the 非常不满意 quarters are not consecutive', () => {
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2026-02-10', '非常不满意')
      .survey('张三', '2026-08-10', '非常不满意');
    expect(result(f, '张三').actions.map((a) => a.label)).toEqual(['警告']);
  });

  it('reads the rating as the rounded mean of the quarter’s survey levels', () => {
    // 1 and 2 → 1.5 → 不满意: no 第六条 action although one survey was 非常不满意.
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2026-07-10', '非常不满意')
      .survey('张三', '2026-08-10', '不满意');
    const r = result(f, '张三');
    expect(r.rating).toBe('不满意');
    expect(r.actions.map((a) => a.label)).toEqual([]);
  });

  it('continues the 第六条 streak across years (2025Q4 → 2026Q1)', () => {
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2025-12-20', '非常不满意')
      .survey('张三', '2026-01-05', '非常不满意');
    expect(result(f, '张三', q('2026Q1')).actions.map((a) => a.label)).toEqual(['警告或诫勉谈话并书面检查']);
  });

  it('takes the outcomes and the quarters in a row from the rule table (第六条 as data)', () => {
    // 2026Q1, Q2, Q3 all rated 非常不满意. With "3 in a row" and other words: Q2 is the second
    // quarter in a row (2 < 3 → the first outcome), Q3 the third (3 ≥ 3 → the repeated one).
    const f = new Fixture()
      .agent('张三')
      .survey('张三', '2026-03-10', '非常不满意')
      .survey('张三', '2026-06-10', '非常不满意')
      .survey('张三', '2026-09-10', '非常不满意');
    f.rules = {
      ...DEFAULT_RULES,
      appraisal: { firstAction: '提醒谈话', repeatedAction: '诫勉谈话', repeatCount: 3 },
    };
    expect(result(f, '张三', Q2).actions).toEqual([{ kind: 'first', label: '提醒谈话', quarters: 2 }]);
    expect(result(f, '张三', Q3).actions).toEqual([{ kind: 'repeated', label: '诫勉谈话', quarters: 3 }]);
  });
});

describe('scoreAgents: ranking and order', () => {
  it('ranks by total with competition ranks (1, 2, 2, 4), ties by name', () => {
    const f = new Fixture()
      .agent('赵六')
      .agent('王五')
      .agent('李四')
      .agent('张三')
      .incident('2026-07-01', '李四', '3.3')
      .incident('2026-07-01', '王五', '3.3')
      .incident('2026-07-01', '赵六', '5.3');
    const a = scoreAgents({ data: f.data(), quarter: Q3, calendar });
    expect(a.agents.map((x) => [x.name, x.total, x.rank])).toEqual([
      ['张三', 100, 1],
      ['李四', 98, 2], // lǐ before wáng in pinyin order
      ['王五', 98, 2],
      ['赵六', 95, 4],
    ]);
    expect(a.lines.map((l) => l.agent)).toEqual(['李四', '王五', '赵六']);
  });

  it('sorts lines by category, then rule code, sheet and row', () => {
    const f = new Fixture()
      .agent('张三')
      .incident('2026-07-03', '张三', '6.1')
      .incident('2026-07-02', '张三', '3.1b')
      .incident('2026-07-01', '张三', '3.1a')
      .incident('2026-07-04', '张三', '1.4')
      .incident('2026-07-05', '张三', '3.1a');
    expect(result(f, '张三').lines.map((l) => [l.category, l.code, l.row])).toEqual([
      ['political', '1.4', 5],
      ['discipline', '3.1a', 4],
      ['discipline', '3.1a', 6],
      ['discipline', '3.1b', 3],
      ['overall', '6.1', 2],
    ]);
  });
});
