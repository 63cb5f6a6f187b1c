import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../src/core/values/dates.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { AGENT_RULES, CATEGORY_KEYS, type AgentRuleDef } from '../../../src/core/rules/agent.js';
import { SATISFACTION_LEVELS } from '../../../src/core/rules/satisfaction.js';
import { PROJECT_CATEGORIES } from '../../../src/core/rules/vocab.js';
import type { MasterData } from '../../../src/core/master/types.js';
import { rankUnits, scoreAgents } from '../../../src/core/scoring/index.js';
import { dueDates } from '../../../src/core/scoring/due.js';
import { Fixture, seeded, shuffleData } from './fixtures.js';

const calendar = new WorkCalendar();
const Q3 = { year: 2026, kind: 'Q', index: 3 } as const;
const RUN = { seed: 42, numRuns: 200 } as const;

const AGENTS = ['张三', '李四', '王五', '赵六'] as const;
const UNITS = ['住建局', '交通局', '水利局', '发改局', '教育局', '卫健局', '商务局'] as const;
const PROJECTS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;
const TYPABLE = (Object.entries(AGENT_RULES) as [string, AgentRuleDef][])
  .filter(([, d]) => d.source === 'incident' || d.source === 'discretionary')
  .map(([c]) => c);
const DEDUCTIONS = (Object.entries(AGENT_RULES) as [string, AgentRuleDef][])
  .filter(([, d]) => d.source === 'incident' && (d.points ?? 0) < 0)
  .map(([c]) => c);

const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));
const level = fc.constantFrom(...SATISFACTION_LEVELS);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const incidentArb = fc.record({
  date: day('2026-06-15', 120),
  agent: fc.constantFrom(...AGENTS),
  code: fc.constantFrom(...TYPABLE),
  count: maybe(fc.integer({ min: 1, max: 4 })),
  points: fc.integer({ min: -8, max: 8 }).map((n) => n / 2),
});

const approvalArb = fc.record({
  project: fc.constantFrom(...PROJECTS),
  primary: fc.constantFrom(...AGENTS),
  secondary: maybe(fc.constantFrom(...AGENTS)),
  start: day('2026-04-01', 200),
  limit: fc.integer({ min: 1, max: 40 }),
  doneAfter: maybe(fc.integer({ min: 0, max: 90 })),
  difficulty: fc.constantFrom('难', '易' as const),
  rating: maybe(level),
});

const surveyArb = fc.record({
  agent: fc.constantFrom(...AGENTS),
  date: day('2026-04-01', 182),
  items: fc
    .array(maybe(level), { minLength: 7, maxLength: 7 })
    .filter((xs) => xs.some((x) => x !== undefined)),
});

const projectArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  category: fc.constantFrom(...PROJECT_CATEGORIES),
  hq: fc.constantFrom('H1', 'H2', 'H3', 'H4'),
  plan: fc.integer({ min: 0, max: 5000 }),
});

const ledgerArb = fc.record({
  projects: fc.tuple(...PROJECTS.map(() => projectArb)),
  progress: fc.array(
    fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      half: fc.constantFrom(1, 2),
      project: fc.constantFrom(...PROJECTS),
      cumulative: maybe(fc.integer({ min: 0, max: 600_000 }).map((n) => n / 100)),
    }),
    { maxLength: 20 },
  ),
  milestones: fc.array(
    fc.record({
      project: fc.constantFrom(...PROJECTS),
      planned: day('2026-05-01', 200),
      late: maybe(fc.integer({ min: -20, max: 20 })),
    }),
    { maxLength: 15 },
  ),
  submissions: fc.array(
    fc.record({
      month: fc.integer({ min: 6, max: 10 }),
      half: fc.constantFrom(1, 2),
      hq: fc.constantFrom('H1', 'H2', 'H3', 'H4'),
      status: fc.constantFrom('按时', '迟报', '未报' as const),
    }),
    { maxLength: 20 },
  ),
  site: fc.array(
    fc.record({
      week: fc.integer({ min: 0, max: 20 }).map((n) => addDays('2026-06-01', n * 7)),
      hq: fc.constantFrom('H1', 'H2', 'H3', 'H4'),
      person: fc.constantFrom('甲', '乙', '丙'),
      visits: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 20 },
  ),
  decisions: fc.array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      deadline: day('2026-06-01', 150),
      late: maybe(fc.integer({ min: -10, max: 10 })),
    }),
    { maxLength: 10 },
  ),
  typed: fc.array(
    fc.record({
      period: fc.constantFrom('2026Q3', '2026Q2'),
      unit: fc.constantFrom(...UNITS),
      investment: maybe(fc.integer({ min: 0, max: 4000 }).map((n) => n / 100)),
      reports: maybe(fc.integer({ min: 0, max: 15 })),
    }),
    { maxLength: 6 },
  ),
  history: fc.array(
    fc.record({
      period: fc.constantFrom('2026Q1', '2026Q2', '2026Q3', '2026H1'),
      unit: fc.constantFrom(...UNITS),
      rank: fc.integer({ min: 1, max: 7 }),
      streak: maybe(fc.integer({ min: 0, max: 3 })),
    }),
    { maxLength: 12 },
  ),
});

const masterArb = fc.record({
  incidents: fc.array(incidentArb, { maxLength: 25 }),
  approvals: fc.array(approvalArb, { maxLength: 15 }),
  surveys: fc.array(surveyArb, { maxLength: 12 }),
  ledgers: ledgerArb,
});
type MasterSpec = typeof masterArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: MasterSpec): Fixture {
  const f = new Fixture();
  AGENTS.forEach((a, i) => f.agent(a, i % 2 === 0 ? '一级' : '二级'));
  PROJECTS.forEach((id, i) => {
    const p = s.ledgers.projects[i];
    if (p) f.project(id, { unit: p.unit, category: p.category, hq: p.hq, annualPlan: p.plan });
  });
  for (const i of s.incidents) {
    const discretionary = AGENT_RULES[i.code as keyof typeof AGENT_RULES].source === 'discretionary';
    f.incident(i.date, i.agent, i.code, {
      ...(i.count !== undefined && { count: i.count }),
      ...(discretionary && { points: i.points }),
    });
  }
  s.approvals.forEach((a, n) =>
    f.approval(`A${n}`, {
      projectId: a.project,
      primaryAgent: a.primary,
      secondaryAgent: a.secondary,
      startDate: a.start,
      limitDays: a.limit,
      doneDate: a.doneAfter === undefined ? undefined : addDays(a.start, a.doneAfter),
      difficulty: a.difficulty,
      onSiteRating: a.doneAfter === undefined ? undefined : a.rating,
    }),
  );
  for (const v of s.surveys) f.survey(v.agent, v.date, v.items);
  const l = s.ledgers;
  for (const p of l.progress) {
    f.progress(`2026-${String(p.month).padStart(2, '0')}-${p.half}`, 'H1', p.project, p.cumulative);
  }
  l.milestones.forEach((m, n) =>
    f.milestone(m.project, n + 1, m.planned, m.late === undefined ? undefined : addDays(m.planned, m.late)),
  );
  for (const x of l.submissions)
    f.submission(`2026-${String(x.month).padStart(2, '0')}-${x.half}`, x.hq, x.status);
  for (const x of l.site) f.siteWorkWeek(x.week, x.hq, x.person, x.visits);
  l.decisions.forEach((d, n) =>
    f.decision(`D${n}`, d.unit, d.deadline, d.late === undefined ? undefined : addDays(d.deadline, d.late)),
  );
  for (const t of l.typed) f.unitScore(t.period, t.unit, { investment: t.investment, reports: t.reports });
  for (const h of l.history)
    f.history(h.period, h.unit, h.rank, h.streak === undefined ? {} : { streak: h.streak });
  return f;
}

const score = (data: MasterData) => scoreAgents({ data, quarter: Q3, calendar });

describe('scoring properties (seeded)', () => {
  it('keeps every category score in [0, full]', () => {
    fc.assert(
      fc.property(masterArb, (s) => {
        const data = build(s).data();
        for (const a of score(data).agents) {
          for (const c of CATEGORY_KEYS) {
            expect(a.scores[c]).toBeGreaterThanOrEqual(0);
            expect(a.scores[c]).toBeLessThanOrEqual(data.rules.categories[c]);
          }
          expect(a.total).toBeCloseTo(
            CATEGORY_KEYS.reduce((t, c) => t + a.scores[c], 0),
            9,
          );
        }
      }),
      RUN,
    );
  });

  it('never raises a score or total when a deduction is added', () => {
    const deduction = fc.record({
      date: day('2026-07-01', 91),
      agent: fc.constantFrom(...AGENTS),
      code: fc.constantFrom(...DEDUCTIONS, '6.3'),
      count: fc.integer({ min: 1, max: 3 }),
      points: fc.integer({ min: 1, max: 8 }).map((n) => -n / 2),
    });
    fc.assert(
      fc.property(masterArb, deduction, (s, d) => {
        const before = score(build(s).data());
        const f = build(s).incident(d.date, d.agent, d.code, {
          count: d.count,
          ...(d.code === '6.3' && { points: d.points }),
        });
        const after = score(f.data());
        for (const a of after.agents) {
          const b = before.agents.find((x) => x.name === a.name);
          if (!b) throw new Error(a.name);
          expect(a.total).toBeLessThanOrEqual(b.total);
          for (const c of CATEGORY_KEYS) expect(a.scores[c]).toBeLessThanOrEqual(b.scores[c]);
        }
      }),
      RUN,
    );
  });

  it('gives the same results whatever the order of the input rows', () => {
    fc.assert(
      fc.property(masterArb, fc.integer(), (s, seed) => {
        const data = build(s).data();
        const shuffled = shuffleData(data, seeded(seed));
        expect(score(shuffled)).toEqual(score(data));
        expect(rankUnits({ data: shuffled, period: Q3, calendar })).toEqual(
          rankUnits({ data, period: Q3, calendar }),
        );
      }),
      RUN,
    );
  });

  it('ranks units consistently with their totals, and never praises and criticises one unit', () => {
    fc.assert(
      fc.property(masterArb, fc.constantFrom('2026Q3', '2026H2'), (s, id) => {
        const period = id === '2026Q3' ? Q3 : ({ year: 2026, kind: 'H', index: 2 } as const);
        const { units } = rankUnits({ data: build(s).data(), period, calendar });
        for (const a of units) {
          for (const b of units) {
            if (a.total > b.total) expect(a.rank).toBeLessThan(b.rank);
            if (a.total === b.total) expect(a.rank).toBe(b.rank);
          }
          expect(a.rank).toBe(1 + units.filter((b) => b.total > a.total).length);
          let sum = 0;
          for (const c of Object.values(a.criteria)) {
            sum += c.points;
            if (c.share !== null) expect(c.share).toBeGreaterThanOrEqual(0);
            if (c.share !== null) expect(c.share).toBeLessThanOrEqual(1);
          }
          expect(a.total).toBeCloseTo(sum, 9);
        }
        const praised = new Set(units.filter((u) => u.outcome === 'praise').map((u) => u.unit));
        const criticised = units.filter((u) => u.outcome === 'criticize').map((u) => u.unit);
        expect(criticised.filter((u) => praised.has(u))).toEqual([]);
        // Last place: the lowest total among the units not praised (praise wins, DOMAIN §4).
        const others = units.filter((u) => u.outcome !== 'praise');
        const lowest = Math.min(...others.map((u) => u.total));
        expect(units.filter((u) => u.lastPlace).map((u) => u.unit)).toEqual(
          others.filter((u) => u.total === lowest).map((u) => u.unit),
        );
        expect(units.filter((u) => u.lastPlace && u.outcome === 'praise')).toEqual([]);
        expect(units.map((u) => u.rank)).toEqual([...units.map((u) => u.rank)].sort((x, y) => x - y));
      }),
      RUN,
    );
  });
});

describe('due dates (seeded)', () => {
  it('agree with calendar.addWorkdays, in any order of starts, with office overrides', () => {
    const cal = new WorkCalendar([
      { date: '2026-07-04', type: '班' },
      { date: '2026-07-07', type: '休' },
      { date: '2027-01-04', type: '休' },
    ]);
    const approvals = fc.array(
      fc.record({ start: day('2025-11-01', 500), limit: fc.integer({ min: 1, max: 365 }) }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(approvals, (xs) => {
        const f = new Fixture();
        xs.forEach((x, i) =>
          f.approval(`A${i}`, { projectId: 'P', primaryAgent: 'X', startDate: x.start, limitDays: x.limit }),
        );
        const rows = f.data().approvals;
        // Built from the first half only: later starts may come before the table's first day.
        const dues = dueDates(cal, rows.slice(0, Math.ceil(rows.length / 2)));
        for (const a of rows)
          expect(dues.due(a)).toBe(cal.addWorkdays(a.record.startDate, a.record.limitDays));
      }),
      RUN,
    );
  });
});
