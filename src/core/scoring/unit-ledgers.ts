import { scheduleFraction, type ScheduleFraction } from '../calendar/fraction.js';
import type { IsoDate } from '../values/dates.js';
import { weekStart } from '../values/dates.js';
import { reportPeriodId, reportPeriodsIn, type RankPeriod } from '../calendar/periods.js';
import { assessedWeeks } from '../calendar/schedule.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { CriterionKey } from '../rules/unit.js';
import type { Approval, Located, MasterData, Project } from '../master/types.js';
import { fromUnits, toUnits } from './points.js';
import { formatMessage, type IssueParams, type Locale } from '../issues/issue.js';
import type { IssueCode } from '../issues/codes.js';
import { SUBMISSION_STATE } from '../rules/vocab.js';

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

/** The note of a criterion with nothing to count (it scores full marks). */
export const NOTHING_TO_COUNT = formatMessage('score.unit.nothingToCount', {});

/** Money is kept in hundredths of 万元 (2 decimals) so sums do not depend on row order. */
const CENTS = 100;
const money = (cents: number): string => fromUnits(cents, CENTS).toFixed(2);
const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;

type Say = (code: IssueCode, params: IssueParams) => string;

function nothingToCount(say: Say): Counted {
  return { numerator: 0, denominator: 0, share: 1, note: say('score.unit.nothingToCount', {}) };
}

/** done / total, its note the message `counted` with done, total, the percentage and `params`. */
function ratio(say: Say, done: number, total: number, counted: IssueCode, params: IssueParams = {}): Counted {
  if (total === 0) return nothingToCount(say);
  const share = done / total;
  const note = say(counted, { ...params, done, total, percent: percent(share) });
  return { numerator: done, denominator: total, share, note };
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

interface UnitLedgers {
  /** The computed criteria of a unit (by its match key). */
  criteria(unitKey: string): Record<CriterionKey, Counted>;
}

interface LedgerInput {
  readonly data: MasterData;
  readonly period: RankPeriod;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly due: (a: Located<Approval>) => IsoDate;
  readonly key: (s: string) => string;
  readonly calendar: WorkCalendar;
  /** The language of the notes (排名计算说明 is Chinese: 'zh' unless told). */
  readonly locale?: Locale;
}

/** 项目登记 read once: each project (first row wins), its unit, each unit's plan and HQs. */
interface ProjectIndex {
  readonly projects: Map<string, Located<Project>>;
  readonly unitOfProject: Map<string, string>;
  readonly planCents: Map<string, number>;
  readonly hqsOfUnit: Map<string, Set<string>>;
}

function indexProjects(data: MasterData, matchKey: (s: string) => string): ProjectIndex {
  // Each project once (first row wins, as the reader's uniqueness check does).
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
  return { projects, unitOfProject, planCents, hqsOfUnit };
}

/** 进展记录: the latest row of the year up to the period's end, per project, summed per unit. */
function investmentDone(input: LedgerInput, unitOfProject: ReadonlyMap<string, string>): Map<string, number> {
  const matchKey = input.key;
  const year = input.period.year;
  const firstId = reportPeriodId({ year, month: 1, half: 1 });
  const lastId = reportPeriodId({ year, month: Number(input.to.slice(5, 7)), half: 2 });
  const latest = new Map<string, { period: string; row: number; cents: number }>();
  for (const l of input.data.progressLog) {
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
  return doneCents;
}

/** 节点计划, 督办事项 and 代办事项 of the period, tallied per unit: due in it, done in time. */
function dueTallies(input: LedgerInput, unitOfProject: ReadonlyMap<string, string>) {
  const { data, from, to } = input;
  const matchKey = input.key;
  const within = (d: IsoDate): boolean => d >= from && d <= to;
  // 节点计划: milestones planned in the period, done by their planned date.
  const milestones = new Map<string, Tally>();
  for (const l of data.milestones) {
    const r = l.record;
    const u = unitOfProject.get(matchKey(r.projectId));
    if (u === undefined || !within(r.plannedDate)) continue;
    tallyOf(milestones, u).add(r.actualDate !== undefined && r.actualDate <= r.plannedDate);
  }
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
  return { milestones, decisions, approvals };
}

/** 报送记录: the (report period, HQ) pairs reported on time. */
function onTimeReports(
  data: MasterData,
  reportIds: readonly string[],
  matchKey: (s: string) => string,
): Set<string> {
  const reportIdSet = new Set(reportIds);
  const onTime = new Set<string>();
  for (const l of data.submissionLog) {
    const r = l.record;
    if (r.status === SUBMISSION_STATE.onTime && reportIdSet.has(r.period))
      onTime.add(`${r.period}|${matchKey(r.hq)}`);
  }
  return onTime;
}

/** 投资完成: done against the annual plan × 序时进度, capped at 100%. */
function investmentOf(say: Say, plan: number, done: number, fraction: ScheduleFraction): Counted {
  const expected = plan * fraction.value;
  if (expected <= 0) return nothingToCount(say);
  return {
    numerator: fromUnits(done, CENTS),
    denominator: Math.round(expected) / CENTS,
    share: Math.min(1, done / expected),
    note: say('score.unit.investment', {
      done: money(done),
      expected: money(Math.round(expected)),
      plan: money(plan),
      fraction: fraction.text,
      percent: percent(done / expected),
      cappedPart: done > expected ? 'score.unit.capped' : '',
    }),
  };
}

export function unitLedgers(input: LedgerInput): UnitLedgers {
  const { data, period, from, to } = input;
  const matchKey = input.key;
  const rules = data.rules;
  const say: Say = (code, params) => formatMessage(code, params, input.locale ?? 'zh');

  const { projects, unitOfProject, planCents, hqsOfUnit } = indexProjects(data, matchKey);
  const doneCents = investmentDone(input, unitOfProject);
  const fraction = scheduleFraction(to, rules);
  const { milestones, decisions, approvals } = dueTallies(input, unitOfProject);
  const reportIds = reportPeriodsIn(period).map(reportPeriodId);
  const onTime = onTimeReports(data, reportIds, matchKey);
  // 一线工作记录: person-weeks per HQ, derived from the visits (DOMAIN §3, revised).
  const personWeeks = sitePersonWeeks(data, period, from, to, input.calendar, matchKey, projects);
  const minVisits = rules.schedule.siteVisitsPerWeek;

  const tally = (m: Map<string, Tally>, u: string): Tally => m.get(u) ?? new Tally();

  return {
    criteria(u) {
      const hqs = hqsOfUnit.get(u) ?? new Set<string>();
      const investment = investmentOf(say, planCents.get(u) ?? 0, doneCents.get(u) ?? 0, fraction);

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
        milestones: ratio(say, m.done, m.total, 'score.unit.milestones'),
        reports: ratio(say, reportsDone, hqs.size * reportIds.length, 'score.unit.reports', {
          hqs: hqs.size,
          periods: reportIds.length,
        }),
        siteWork: ratio(say, site.done, site.total, 'score.unit.siteWork', { min: minVisits }),
        decisions: ratio(say, d.done, d.total, 'score.unit.decisions'),
        approvals: ratio(say, a.done, a.total, 'score.unit.approvals'),
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

  const { visits, peopleOf } = indexVisits(data, matchKey);
  const commanders = commandersOf(projects, matchKey);
  const reported = reportingHqs(data, matchKey);
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

/**
 * The visits, each once, by HQ, person and week (`hq|person|monday` → date|project); and the
 * people who logged any, by HQ and report period (`hq|period`) and by HQ and week (`hq|@monday`).
 */
function indexVisits(data: MasterData, matchKey: (s: string) => string) {
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
  return { visits, peopleOf };
}

/** Each HQ's commander, from the first project (by row) that names one. */
function commandersOf(
  projects: ReadonlyMap<string, Located<Project>>,
  matchKey: (s: string) => string,
): Map<string, string> {
  const commanders = new Map<string, string>();
  for (const p of [...projects.values()].sort((a, b) => a.row - b.row)) {
    const hq = matchKey(p.record.hq);
    if (p.record.commander && !commanders.has(hq)) commanders.set(hq, matchKey(p.record.commander));
  }
  return commanders;
}

/** The HQs that reported, by report period: a 报送记录 row other than 未报, or a visit logged. */
function reportingHqs(data: MasterData, matchKey: (s: string) => string): Map<string, Set<string>> {
  const reported = new Map<string, Set<string>>();
  const add = (period: string, hq: string): void => {
    const s = reported.get(period) ?? new Set<string>();
    reported.set(period, s);
    s.add(matchKey(hq));
  };
  for (const l of data.submissionLog) {
    if (l.record.status !== SUBMISSION_STATE.missing) add(l.record.period, l.record.hq);
  }
  for (const l of data.siteWorkLog) add(l.record.period, l.record.hq);
  return reported;
}
