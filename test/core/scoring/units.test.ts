import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { parseRankPeriod, type RankPeriod } from '../../../src/core/calendar/periods.js';
import {
  ACTION_LABEL,
  NOTHING_TO_COUNT,
  OUTCOME_LABEL,
  rankUnits,
  type UnitResult,
} from '../../../src/core/scoring/index.js';
import { Fixture, withRules } from './fixtures.js';

const calendar = new WorkCalendar();
const q = (id: string): RankPeriod => {
  const p = parseRankPeriod(id);
  if (!p) throw new Error(id);
  return p;
};
const Q3 = q('2026Q3');

/** A unit with no projects and a typed 投资完成: total = typed + 60 (the other criteria are full). */
const scored = (f: Fixture, period: string, unit: string, total: number): Fixture =>
  f.unitScore(period, unit, { investment: total - 60 });

const rank = (f: Fixture, period: RankPeriod = Q3) => rankUnits({ data: f.data(), period, calendar });
const summary = (u: UnitResult) => [u.unit, u.total, u.rank, u.outcome, u.lastPlace];
const unitOf = (f: Fixture, name: string, period: RankPeriod = Q3): UnitResult => {
  const u = rank(f, period).units.find((x) => x.unit === name);
  if (!u) throw new Error(`no result for ${name}`);
  return u;
};

describe('rankUnits: which units', () => {
  it('ranks the units of 省重点 and 市重点 projects and the units typed for the period', () => {
    const f = new Fixture()
      .project('P1', { category: '省重点', unit: '住建局' })
      .project('P2', { category: '市重点', unit: '交通局' })
      .project('P3', { category: '招商引资', unit: '商务局' })
      .project('P4', { category: '其他', unit: '水利局' })
      .unitScore('2026Q3', '水利局')
      .unitScore('2026Q2', '农业局');
    expect(
      rank(f)
        .units.map((u) => u.unit)
        .sort(),
    ).toEqual(['交通局', '住建局', '水利局'].sort());
  });

  it('shows a unit as spelled in the register and matches other spellings to it', () => {
    const f = new Fixture()
      .project('P1', { unit: '住建局' })
      .unitScore('2026Q3', ' 住建局 ', { reports: 10 });
    const r = rank(f);
    expect(r.units.map((u) => u.unit)).toEqual(['住建局']);
    expect(r.units[0]?.criteria.reports).toMatchObject({ points: 10, typed: true });
  });
});

describe('rankUnits: criteria', () => {
  function example(): Fixture {
    const f = new Fixture()
      .project('P1', { unit: '住建局', hq: 'H1', annualPlan: 1200, category: '省重点' })
      .project('P2', { unit: '住建局', hq: 'H2', annualPlan: 800, category: '其他' })
      .project('P9', { unit: '交通局', hq: 'H9', annualPlan: 100, category: '市重点' });
    // 投资完成: latest 2026 row up to 2026-09-2 per project: P1 700, P2 200 → 900 / (2000 × 9/12).
    f.progress('2026-08-2', 'H1', 'P1', 500)
      .progress('2026-09-2', 'H1', 'P1', 700)
      .progress('2026-10-1', 'H1', 'P1', 900)
      .progress('2025-12-2', 'H2', 'P2', 300)
      .progress('2026-06-2', 'H2', 'P2', 200);
    // 节点完成: planned in Q3 — on time, late, open; P2 on time; one in Q2 ignored → 2 / 4.
    f.milestone('P1', 1, '2026-07-15', '2026-07-10')
      .milestone('P1', 2, '2026-08-15', '2026-08-20')
      .milestone('P1', 3, '2026-09-30')
      .milestone('P1', 4, '2026-06-30', '2026-07-20')
      .milestone('P2', 1, '2026-09-01', '2026-09-01');
    // 按时报送: H1, H2 × 6 report periods = 12 expected; H1 on time 5 times, H2 4 times → 9 / 12.
    for (const p of ['2026-07-1', '2026-07-2', '2026-08-1', '2026-08-2', '2026-09-1'])
      f.submission(p, 'H1', '按时');
    f.submission('2026-09-2', 'H1', '迟报');
    for (const p of ['2026-07-1', '2026-07-2', '2026-08-1', '2026-08-2']) f.submission(p, 'H2', '按时');
    f.submission('2026-09-1', 'H2', '未报').submission('2026-06-2', 'H2', '按时');
    // 一线工作 (an older master's weekly rows): person-weeks A/07-06 (2 ✓), A/07-13 (1 ✗),
    // B/07-06 (1+1 ✓), C/09-28 (3 ✓) → 3 / 4; 06-29 is before the quarter.
    f.siteWorkWeek('2026-07-06', 'H1', 'A', 2)
      .siteWorkWeek('2026-07-13', 'H1', 'A', 1)
      .siteWorkWeek('2026-07-06', 'H1', 'B', 1)
      .siteWorkWeek('2026-07-06', 'H1', 'B', 1)
      .siteWorkWeek('2026-09-28', 'H2', 'C', 3)
      .siteWorkWeek('2026-06-29', 'H2', 'C', 0);
    // 督办落实: due in Q3 — on time, late, open; one due in Q4; one of another unit → 1 / 3.
    f.decision('D1', '住建局', '2026-07-20', '2026-07-19')
      .decision('D2', '住建局', '2026-08-10', '2026-08-11')
      .decision('D3', '住建局', '2026-09-30')
      .decision('D4', '住建局', '2026-10-10')
      .decision('D5', '交通局', '2026-08-10');
    // 审批办理: due in Q3 — 07-29 on the day, 07-29 a day late, 08-10 early; one due 10-08 → 2 / 3.
    f.agent('张三')
      .approval('A1', {
        projectId: 'P1',
        primaryAgent: '张三',
        startDate: '2026-07-01',
        limitDays: 20,
        doneDate: '2026-07-29',
      })
      .approval('A2', {
        projectId: 'P1',
        primaryAgent: '张三',
        startDate: '2026-07-01',
        limitDays: 20,
        doneDate: '2026-07-30',
      })
      .approval('A3', { projectId: 'P1', primaryAgent: '张三', startDate: '2026-09-30', limitDays: 1 })
      .approval('A4', {
        projectId: 'P2',
        primaryAgent: '张三',
        startDate: '2026-08-03',
        limitDays: 5,
        doneDate: '2026-08-07',
      });
    return f;
  }

  it('computes each share over the unit’s projects and ledgers (worked by hand)', () => {
    const u = unitOf(example(), '住建局');
    expect(u.criteria.investment).toEqual({
      points: 24,
      typed: false,
      share: 0.6,
      numerator: 900,
      denominator: 1500,
      note: '年度累计完成投资 900.00 万元 / 序时计划投资 1500.00 万元（年度计划 2000.00 × 9/12），60.00%',
    });
    expect(u.criteria.milestones).toMatchObject({ points: 10, share: 0.5, numerator: 2, denominator: 4 });
    expect(u.criteria.reports).toMatchObject({ points: 11.25, share: 0.75, numerator: 9, denominator: 12 });
    expect(u.criteria.reports.note).toBe('按时报送 9 次 / 应报送 12 次（2 个指挥部 × 6 期），75.00%');
    expect(u.criteria.siteWork).toMatchObject({ points: 7.5, share: 0.75, numerator: 3, denominator: 4 });
    expect(u.criteria.decisions).toMatchObject({ points: 3.33, numerator: 1, denominator: 3 });
    expect(u.criteria.approvals).toMatchObject({ points: 3.33, numerator: 2, denominator: 3 });
    expect(u.total).toBe(59.41);
  });

  it('uses the day-based schedule fraction when the rule says 按日', () => {
    const f = example();
    f.rules = withRules((r) => {
      r.schedule.scheduleFraction = '按日';
    });
    const inv = unitOf(f, '住建局').criteria.investment;
    // 2026-09-30 is day 273 of 365: 2000 × 273/365 = 1495.89
    expect(inv.note).toContain('× 273/365');
    expect(inv.denominator).toBe(1495.89);
    expect(inv.share).toBeCloseTo(900 / (2000 * (273 / 365)), 12);
  });

  it('caps investment at 100 %', () => {
    const f = new Fixture()
      .project('P1', { unit: '住建局', annualPlan: 1200 })
      .progress('2026-09-2', 'H', 'P1', 1000);
    const inv = unitOf(f, '住建局').criteria.investment;
    expect(inv).toMatchObject({ points: 40, share: 1, numerator: 1000, denominator: 900 });
    expect(inv.note).toContain('超过 100% 按 100% 计');
  });

  it('gives full marks with “无可计项，按满分” when there is nothing to count', () => {
    const f = new Fixture().unitScore('2026Q3', '水利局');
    const u = unitOf(f, '水利局');
    expect(NOTHING_TO_COUNT).toBe('无可计项，按满分');
    for (const c of Object.values(u.criteria)) {
      expect(c).toMatchObject({
        typed: false,
        share: 1,
        numerator: 0,
        denominator: 0,
        note: '无可计项，按满分',
      });
    }
    expect(u.total).toBe(100);
  });

  it('counts no progress report as no investment', () => {
    const u = unitOf(new Fixture().project('P1', { unit: '住建局' }), '住建局');
    expect(u.criteria.investment).toMatchObject({ points: 0, share: 0, numerator: 0 });
    expect(u.criteria.reports).toMatchObject({ points: 0, share: 0, numerator: 0, denominator: 6 });
  });

  it('lets a typed 单位考评 value win, marked as typed', () => {
    const f = example().unitScore('2026Q3', '住建局', { reports: 14.5, approvals: 0 });
    const u = unitOf(f, '住建局');
    expect(u.criteria.reports).toEqual({
      points: 14.5,
      typed: true,
      share: null,
      numerator: 14.5,
      denominator: 15,
      note: '手工录入',
    });
    expect(u.criteria.approvals).toMatchObject({ points: 0, typed: true, share: null });
    expect(u.criteria.investment.typed).toBe(false);
    expect(u.total).toBe(24 + 10 + 14.5 + 7.5 + 3.33 + 0);
  });

  it('ignores typed values of another period and reports a criterion typed twice', () => {
    const f = new Fixture()
      .project('P1', { unit: '住建局' })
      .unitScore('2026Q2', '住建局', { reports: 1 })
      .unitScore('2026Q3', '住建局', { reports: 5 })
      .unitScore('2026Q3', '住建局', { reports: 7 });
    const r = rank(f);
    expect(r.units[0]?.criteria.reports.points).toBe(5);
    expect(r.issues.map((i) => [i.code, i.row, i.params['firstRow']])).toEqual([
      ['score.unitScoreDuplicate', 4, 3],
    ]);
  });
});

describe('rankUnits: ranks and outcomes', () => {
  it('praises every unit tied at the top, criticises none of them, and has no last place (praise wins)', () => {
    const f = new Fixture();
    for (const u of ['甲局', '乙局', '丙局', '丁局']) scored(f, '2026Q3', u, 90);
    const r = rank(f);
    expect(r.units.map((u) => [u.rank, u.outcome, u.lastPlace])).toEqual([
      [1, 'praise', false],
      [1, 'praise', false],
      [1, 'praise', false],
      [1, 'praise', false],
    ]);
    // DOMAIN §4, revised: a praised unit is never 倒数第一; with everyone praised nobody is last.
    expect(r.overlap).toEqual({ units: ['丙局', '丁局', '甲局', '乙局'], noLastPlace: true });
  });

  it('gives 90/85/80/80/80 (the issue’s case) praise to all five and 诫勉谈话 to none', () => {
    // Ranks 1, 2, 3, 3, 3 (competition ranks): every unit is within 前三名 → 通报表扬.
    // From the bottom the three 80s are 1st: within 后三名 too — praise wins, so no 通报批评 and
    // no 倒数第一, even for a unit whose history says it was last the quarter before.
    const f = new Fixture();
    for (const [u, t] of [
      ['甲局', 90],
      ['乙局', 85],
      ['丙局', 80],
      ['丁局', 80],
      ['戊局', 80],
    ] as const)
      scored(f, '2026Q3', u, t);
    f.history('2026Q2', '戊局', 5, { streak: 1 });
    const r = rank(f);
    expect(r.units.map((u) => [u.unit, u.rank, u.outcome, u.lastPlace, u.lastPlaceStreak, u.action])).toEqual(
      [
        ['甲局', 1, 'praise', false, 0, null],
        ['乙局', 2, 'praise', false, 0, null],
        ['丙局', 3, 'praise', false, 0, null],
        ['丁局', 3, 'praise', false, 0, null],
        ['戊局', 3, 'praise', false, 0, null],
      ],
    );
    expect(r.overlap).toEqual({ units: ['丙局', '丁局', '戊局'], noLastPlace: true });
  });

  it('says when tied units are praised although within the bottom group, and ranks the rest as usual', () => {
    // 90/85/80/80/70/60: ranks 1, 2, 3, 3, 5, 6; from the bottom 6, 5, 3, 3, 2, 1.
    // 前三名: 甲 乙 丙 丁. 后三名 (from the bottom ≤ 3): 丙 丁 戊 己 — 丙 丁 praised (praise wins),
    // so 通报批评 goes to 戊 and 己 only, and 己 (60) is 倒数第一.
    const f = new Fixture();
    for (const [u, t] of [
      ['甲局', 90],
      ['乙局', 85],
      ['丙局', 80],
      ['丁局', 80],
      ['戊局', 70],
      ['己局', 60],
    ] as const)
      scored(f, '2026Q3', u, t);
    const r = rank(f);
    expect(r.units.map(summary)).toEqual([
      ['甲局', 90, 1, 'praise', false],
      ['乙局', 85, 2, 'praise', false],
      ['丙局', 80, 3, 'praise', false],
      ['丁局', 80, 3, 'praise', false],
      ['戊局', 70, 5, 'criticize', false],
      ['己局', 60, 6, 'criticize', true],
    ]);
    expect(r.overlap).toEqual({ units: ['丙局', '丁局'], noLastPlace: false });
  });

  it('criticises every unit tied at the bottom and marks them all last', () => {
    const f = new Fixture();
    const totals: [string, number][] = [
      ['甲局', 100],
      ['乙局', 95],
      ['丙局', 90],
      ['丁局', 85],
      ['戊局', 80],
      ['己局', 70],
      ['庚局', 70],
    ];
    for (const [u, t] of totals) scored(f, '2026Q3', u, t);
    expect(rank(f).units.map(summary)).toEqual([
      ['甲局', 100, 1, 'praise', false],
      ['乙局', 95, 2, 'praise', false],
      ['丙局', 90, 3, 'praise', false],
      ['丁局', 85, 4, null, false],
      ['戊局', 80, 5, 'criticize', false],
      ['庚局', 70, 6, 'criticize', true], // gēng before jǐ
      ['己局', 70, 6, 'criticize', true],
    ]);
  });

  it('works with fewer than six units', () => {
    const four = new Fixture();
    for (const [u, t] of [
      ['甲局', 90],
      ['乙局', 80],
      ['丙局', 70],
      ['丁局', 60],
    ] as const)
      scored(four, '2026Q3', u, t);
    expect(rank(four).units.map(summary)).toEqual([
      ['甲局', 90, 1, 'praise', false],
      ['乙局', 80, 2, 'praise', false],
      ['丙局', 70, 3, 'praise', false],
      ['丁局', 60, 4, 'criticize', true],
    ]);
    const two = new Fixture();
    scored(two, '2026Q3', '甲局', 90);
    scored(two, '2026Q3', '乙局', 80);
    expect(rank(two).units.map((u) => [u.unit, u.rank, u.outcome])).toEqual([
      ['甲局', 1, 'praise'],
      ['乙局', 2, 'praise'],
    ]);
    expect(rank(new Fixture()).units).toEqual([]);
  });

  it('uses the ranking counts of the rule table', () => {
    const f = new Fixture();
    for (const [u, t] of [
      ['甲局', 90],
      ['乙局', 80],
      ['丙局', 70],
      ['丁局', 60],
    ] as const)
      scored(f, '2026Q3', u, t);
    f.rules = withRules((r) => {
      r.ranking.praiseCount = 1;
      r.ranking.criticizeCount = 2;
    });
    expect(rank(f).units.map((u) => u.outcome)).toEqual(['praise', null, 'criticize', 'criticize']);
  });

  it('labels outcomes and actions in Chinese', () => {
    expect(OUTCOME_LABEL).toEqual({ praise: '通报表扬', criticize: '通报批评' });
    expect(ACTION_LABEL).toEqual({ admonition: '诫勉谈话', organization: '报请组织部门处理' });
  });
});

describe('rankUnits: last-place streaks', () => {
  /** Five units, 丙局 last in the computed period (rank 5; 前三名 are praised, so never last). */
  function current(period: string): Fixture {
    const f = new Fixture();
    scored(f, period, '甲局', 95);
    scored(f, period, '乙局', 85);
    scored(f, period, '丁局', 80);
    scored(f, period, '戊局', 75);
    scored(f, period, '丙局', 70);
    return f;
  }
  const last = (f: Fixture, period: RankPeriod = Q3) => {
    const u = unitOf(f, '丙局', period);
    return [u.lastPlace, u.lastPlaceStreak, u.action];
  };

  it('is 1 with no history', () => {
    expect(last(current('2026Q3'))).toEqual([true, 1, null]);
  });

  it('escalates to 报请组织部门处理 at the third last place in a row (computed from ranks)', () => {
    const f = current('2026Q3')
      .history('2026Q1', '甲局', 1)
      .history('2026Q1', '丙局', 4)
      .history('2026Q2', '甲局', 1)
      .history('2026Q2', '乙局', 2)
      .history('2026Q2', '丙局', 5);
    expect(last(f)).toEqual([true, 3, 'organization']);
  });

  it('gives 诫勉谈话 at the second, and trusts a typed streak', () => {
    const two = current('2026Q3').history('2026Q2', '甲局', 1).history('2026Q2', '丙局', 4);
    expect(last(two)).toEqual([true, 2, 'admonition']);
    const typed = current('2026Q3').history('2026Q2', '丙局', 5, { streak: 4 });
    expect(last(typed)).toEqual([true, 5, 'organization']);
    const typedZero = current('2026Q3').history('2026Q2', '丙局', 5, { streak: 0 });
    expect(last(typedZero)).toEqual([true, 1, null]);
  });

  it('does not count a previous period in which the unit was not last', () => {
    const f = current('2026Q3').history('2026Q2', '丙局', 1).history('2026Q2', '甲局', 2);
    expect(last(f)).toEqual([true, 1, null]);
  });

  it('breaks the streak when a quarter is missing from the history, or the unit from a quarter', () => {
    const gap = current('2026Q3').history('2026Q1', '丙局', 3).history('2025Q4', '丙局', 3);
    expect(last(gap)).toEqual([true, 1, null]);
    const absent = current('2026Q3')
      .history('2026Q2', '甲局', 1)
      .history('2026Q2', '乙局', 2)
      .history('2026Q1', '丙局', 3);
    expect(last(absent)).toEqual([true, 1, null]);
  });

  it('keeps the half-year cadence apart from the quarters', () => {
    const f = current('2026H2').history('2026Q3', '丙局', 4).history('2026Q2', '丙局', 4);
    expect(last(f, q('2026H2'))).toEqual([true, 1, null]);
    f.history('2026H1', '丙局', 4).history('2025H2', '丙局', 4);
    expect(last(f, q('2026H2'))).toEqual([true, 3, 'organization']);
  });

  it('crosses the year (2025Q4 → 2026Q1)', () => {
    const f = current('2026Q1').history('2025Q4', '丙局', 4).history('2025Q3', '丙局', 4);
    expect(last(f, q('2026Q1'))).toEqual([true, 3, 'organization']);
  });

  it('ignores rows of the period being ranked (a re-run replaces them) and says so', () => {
    const f = current('2026Q3').history('2026Q3', '丙局', 3, { streak: 7 }).history('2026Q2', '丙局', 4);
    const r = rank(f);
    expect(r.units.find((u) => u.unit === '丙局')?.lastPlaceStreak).toBe(2);
    expect(r.issues.map((i) => [i.code, i.severity, i.params['count']])).toEqual([
      ['score.historyReplaced', 'info', 1],
    ]);
  });

  it('never counts a praised period as a last place (praise wins, DOMAIN §4 revised)', () => {
    // 2026Q2: 丙局 had the largest rank, but that rank (3) is within 前三名, and the row says
    // 通报表扬 — all units tied. It was not 倒数第一, so Q3 starts a new streak.
    const byRank = current('2026Q3').history('2026Q2', '甲局', 1).history('2026Q2', '丙局', 3);
    expect(last(byRank)).toEqual([true, 1, null]);
    const byOutcome = current('2026Q3')
      .history('2026Q2', '甲局', 5, { outcome: '通报表扬' })
      .history('2026Q2', '丙局', 5, { outcome: '通报表扬' });
    expect(last(byOutcome)).toEqual([true, 1, null]);
  });

  it('is 0 for a unit that is not last', () => {
    const f = current('2026Q3').history('2026Q2', '乙局', 3, { streak: 2 });
    const u = unitOf(f, '乙局');
    expect([u.lastPlace, u.lastPlaceStreak, u.action]).toEqual([false, 0, null]);
  });
});
