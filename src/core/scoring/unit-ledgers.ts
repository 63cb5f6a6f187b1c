import { scheduleFraction } from '../calendar/fraction.js';
import type { IsoDate } from '../values/dates.js';
import { weekStart } from '../values/dates.js';
import { reportPeriodId, reportPeriodsIn, type RankPeriod } from '../calendar/periods.js';
import { assessedWeeks } from '../calendar/schedule.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { CriterionKey } from '../rules/unit.js';
import type { Approval, Located, MasterData, Project } from '../master/types.js';
import { fromUnits, toUnits } from './points.js';

/**
 * What the ledgers say about each unit in a ranking period: for each criterion, what was
 * counted (numerator / denominator) and how. Every ledger is read once into maps keyed by unit,
 * project or HQ, so the work grows with the number of rows, not with rows × units.
 */

export interface Counted {
  readonly numerator: number;
  readonly denominator: number;
  /** The share in [0, 1]; 1 when there is nothing to count. */
  readonly share: number;
  readonly note: string;
}

export const NOTHING_TO_COUNT = '无可计项，按满分';

/** Money is kept in hundredths of 万元 (2 decimals) so sums do not depend on row order. */
const CENTS = 100;
const money = (cents: number): string => fromUnits(cents, CENTS).toFixed(2);
const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;

function ratio(done: number, total: number, what: (done: number, total: number) => string): Counted {
  if (total === 0) return { numerator: 0, denominator: 0, share: 1, note: NOTHING_TO_COUNT };
  const share = done / total;
  return { numerator: done, denominator: total, share, note: `${what(done, total)}，${percent(share)}` };
}

class Tally {
  done = 0;
  total = 0;
  add(done: boolean): void {
    this.total++;
    if (done) this.done++;
  }
}

function tallyOf<K>(m: Map<K, Tally>, k: K): Tally {
  let t = m.get(k);
  if (!t) {
    t = new Tally();
    m.set(k, t);
  }
  return t;
}

export interface UnitLedgers {
  /** The computed criteria of a unit (by its match key). */
  criteria(unitKey: string): Record<CriterionKey, Counted>;
}

export function unitLedgers(input: {
  readonly data: MasterData;
  readonly period: RankPeriod;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly due: (a: Located<Approval>) => IsoDate;
  readonly key: (s: string) => string;
  readonly calendar: WorkCalendar;
}): UnitLedgers {
  const { data, period, from, to } = input;
  const matchKey = input.key;
  const rules = data.rules;
  const within = (d: IsoDate): boolean => d >= from && d <= to;

  // 项目登记: each project once (first row wins, as the reader's uniqueness check does).
  const projects = new Map<string, Located<Project>>();
  for (const p of data.projects) {
    const k = matchKey(p.record.projectId);
    const prev = projects.get(k);
    if (!prev || p.row < prev.row) projects.set(k, p);
  }
  const unitOfProject = new Map<string, string>();
  const planCents = new Map<string, number>();
  const hqsOfUnit = new Map<string, Set<string>>();
  for (const [pk, p] of projects) {
    const u = matchKey(p.record.unit);
    unitOfProject.set(pk, u);
    planCents.set(u, (planCents.get(u) ?? 0) + toUnits(p.record.annualPlan, CENTS));
    const hqs = hqsOfUnit.get(u) ?? new Set<string>();
    hqs.add(matchKey(p.record.hq));
    hqsOfUnit.set(u, hqs);
  }

  // 进展记录: the latest row of the year up to the period's end, per project.
  const year = period.year;
  const firstId = reportPeriodId({ year, month: 1, half: 1 });
  const lastId = reportPeriodId({ year, month: Number(to.slice(5, 7)), half: 2 });
  const latest = new Map<string, { period: string; row: number; cents: number }>();
  for (const l of data.progressLog) {
    const r = l.record;
    if (r.cumulative === undefined || r.period < firstId || r.period > lastId) continue;
    const pk = matchKey(r.projectId);
    const prev = latest.get(pk);
    if (!prev || r.period > prev.period || (r.period === prev.period && l.row > prev.row)) {
      latest.set(pk, { period: r.period, row: l.row, cents: toUnits(r.cumulative, CENTS) });
    }
  }
  const doneCents = new Map<string, number>();
  for (const [pk, v] of latest) {
    const u = unitOfProject.get(pk);
    if (u !== undefined) doneCents.set(u, (doneCents.get(u) ?? 0) + v.cents);
  }
  const fraction = scheduleFraction(to, rules);

  // 节点计划: milestones planned in the period, done by their planned date.
  const milestones = new Map<string, Tally>();
  for (const l of data.milestones) {
    const r = l.record;
    const u = unitOfProject.get(matchKey(r.projectId));
    if (u === undefined || !within(r.plannedDate)) continue;
    tallyOf(milestones, u).add(r.actualDate !== undefined && r.actualDate <= r.plannedDate);
  }

  // 报送记录: (HQ, report period) pairs reported on time.
  const reportIds = reportPeriodsIn(period).map(reportPeriodId);
  const reportIdSet = new Set(reportIds);
  const onTime = new Set<string>();
  for (const l of data.submissionLog) {
    const r = l.record;
    if (r.status === '按时' && reportIdSet.has(r.period)) onTime.add(`${r.period}|${matchKey(r.hq)}`);
  }

  // 一线工作记录: person-weeks per HQ, derived from the visits (DOMAIN §3, revised).
  const personWeeks = sitePersonWeeks(data, period, from, to, input.calendar, matchKey, projects);
  const minVisits = rules.schedule.siteVisitsPerWeek;

  // 督办事项: assigned to the unit, deadline in the period, done by it.
  const decisions = new Map<string, Tally>();
  for (const l of data.decisions) {
    const r = l.record;
    if (!within(r.deadline)) continue;
    tallyOf(decisions, matchKey(r.unit)).add(r.doneDate !== undefined && r.doneDate <= r.deadline);
  }

  // 代办事项: of the unit's projects, due in the period, done within the time limit.
  const approvals = new Map<string, Tally>();
  for (const l of data.approvals) {
    const u = unitOfProject.get(matchKey(l.record.projectId));
    if (u === undefined) continue;
    const due = input.due(l);
    if (!within(due)) continue;
    const done = l.record.doneDate;
    tallyOf(approvals, u).add(done !== undefined && done <= due);
  }

  const tally = (m: Map<string, Tally>, u: string): Tally => m.get(u) ?? new Tally();

  return {
    criteria(u) {
      const hqs = hqsOfUnit.get(u) ?? new Set<string>();

      const plan = planCents.get(u) ?? 0;
      const expected = plan * fraction.value;
      const done = doneCents.get(u) ?? 0;
      const investment: Counted =
        expected <= 0
          ? { numerator: 0, denominator: 0, share: 1, note: NOTHING_TO_COUNT }
          : {
              numerator: fromUnits(done, CENTS),
              denominator: Math.round(expected) / CENTS,
              share: Math.min(1, done / expected),
              note:
                `年度累计完成投资 ${money(done)} 万元 / 序时计划投资 ${money(Math.round(expected))} 万元` +
                `（年度计划 ${money(plan)} × ${fraction.text}），${percent(done / expected)}` +
                (done > expected ? '，超过 100% 按 100% 计' : ''),
            };

      let reportsDone = 0;
      for (const hq of hqs) for (const id of reportIds) if (onTime.has(`${id}|${hq}`)) reportsDone++;

      const site = new Tally();
      for (const hq of hqs)
        for (const visits of personWeeks.get(hq)?.values() ?? []) site.add(visits >= minVisits);

      const m = tally(milestones, u);
      const d = tally(decisions, u);
      const a = tally(approvals, u);
      return {
        investment,
        milestones: ratio(m.done, m.total, (x, n) => `按期完成节点 ${x} 个 / 期内计划节点 ${n} 个`),
        reports: ratio(
          reportsDone,
          hqs.size * reportIds.length,
          (x, n) => `按时报送 ${x} 次 / 应报送 ${n} 次（${hqs.size} 个指挥部 × ${reportIds.length} 期）`,
        ),
        siteWork: ratio(
          site.done,
          site.total,
          (x, n) => `达标人周 ${x} / 一线工作人周 ${n}（每人每周至少 ${minVisits} 次）`,
        ),
        decisions: ratio(d.done, d.total, (x, n) => `按期落实 ${x} 项 / 期内到期督办事项 ${n} 项`),
        approvals: ratio(a.done, a.total, (x, n) => `按时限办结 ${x} 项 / 期内到期审批事项 ${n} 项`),
      };
    },
  };
}

/**
 * The person-weeks of a ranking period, HQ by HQ (person-week key → visits), as the bulletins
 * assessed them: for each half-month period of the ranking period, the weeks its bulletin assessed,
 * for every HQ that reported, its commander and everyone who logged a visit; a week's visits are
 * the distinct (date, person, project) of 一线工作记录 from whichever report logged them. Rows of
 * an older master's weekly layout count as they were kept: the period's weeks, visits added.
 */
function sitePersonWeeks(
  data: MasterData,
  period: RankPeriod,
  from: IsoDate,
  to: IsoDate,
  calendar: WorkCalendar,
  matchKey: (s: string) => string,
  projects: ReadonlyMap<string, Located<Project>>,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (hq: string, key: string, visits: number): void => {
    const weeks = out.get(hq) ?? new Map<string, number>();
    out.set(hq, weeks);
    weeks.set(key, (weeks.get(key) ?? 0) + visits);
  };
  for (const l of data.siteWorkWeeks) {
    const r = l.record;
    if (r.week < from || r.week > to) continue;
    add(matchKey(r.hq), `${r.week}|${matchKey(r.person)}`, r.visits);
  }
  // With an older master's weekly rows, a period is derived from the visits only once visits
  // were imported for it; before that its weeks are the weekly rows themselves.
  const visitPeriods = new Set(data.siteWorkLog.map((l) => l.record.period));
  const derived = (id: string): boolean => data.siteWorkWeeks.length === 0 || visitPeriods.has(id);

  // The visits, each once: by HQ, person and week.
  const visits = new Map<string, Set<string>>();
  const peopleOf = new Map<string, Set<string>>();
  const note = (k: string, person: string): void => {
    const s = peopleOf.get(k) ?? new Set<string>();
    peopleOf.set(k, s);
    s.add(person);
  };
  for (const l of data.siteWorkLog) {
    const r = l.record;
    const hq = matchKey(r.hq);
    const person = matchKey(r.person);
    const k = `${hq}|${person}|${weekStart(r.date)}`;
    const set = visits.get(k) ?? new Set<string>();
    visits.set(k, set);
    set.add(`${r.date}|${matchKey(r.projectId ?? '')}`);
    note(`${hq}|${r.period}`, person);
    note(`${hq}|@${weekStart(r.date)}`, person);
  }
  const commanders = new Map<string, string>();
  for (const p of [...projects.values()].sort((a, b) => a.row - b.row)) {
    const hq = matchKey(p.record.hq);
    if (p.record.commander && !commanders.has(hq)) commanders.set(hq, matchKey(p.record.commander));
  }
  const reported = new Map<string, Set<string>>();
  for (const l of data.submissionLog) {
    if (l.record.status === '未报') continue;
    const s = reported.get(l.record.period) ?? new Set<string>();
    reported.set(l.record.period, s);
    s.add(matchKey(l.record.hq));
  }
  for (const l of data.siteWorkLog) {
    const s = reported.get(l.record.period) ?? new Set<string>();
    reported.set(l.record.period, s);
    s.add(matchKey(l.record.hq));
  }
  for (const p of reportPeriodsIn(period)) {
    const id = reportPeriodId(p);
    if (!derived(id)) continue;
    const weeks = assessedWeeks(p, calendar, data.rules);
    for (const hq of reported.get(id) ?? []) {
      const commander = commanders.get(hq);
      for (const week of weeks) {
        const people = new Set<string>([
          ...(commander !== undefined ? [commander] : []),
          ...(peopleOf.get(`${hq}|${id}`) ?? []),
          ...(peopleOf.get(`${hq}|@${week}`) ?? []),
        ]);
        for (const person of people)
          add(hq, `${week}|${person}`, visits.get(`${hq}|${person}|${week}`)?.size ?? 0);
      }
    }
  }
  return out;
}
