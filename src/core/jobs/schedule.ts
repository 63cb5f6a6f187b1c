import {
  addDays,
  dateTime,
  isoDateTimeToSerial,
  weekStart,
  yearOf,
  type IsoDate,
  type IsoDateTime,
} from '../values/dates.js';
import { reportPeriodId, type ReportPeriod } from '../calendar/periods.js';
import { dueDeadline, periodSchedule, weekSchedule } from '../calendar/schedule.js';
import { calendarWarnings } from '../calendar/warnings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { WEEKDAYS } from '../rules/schedule.js';
import type { MasterData } from '../master/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { Issue } from '../issues/issue.js';
import { compareText } from '../values/collate.js';

/**
 * The clerk's fortnight as a plan (issue #17): given the time, the calendar in force, the rule
 * table and what has been done, which steps are due now. Pure: the clock is a parameter, so a
 * test can run a whole fortnight in a loop and `kpd schedule --once --at …` can replay any moment.
 *
 * Steps of a report period P (DOMAIN §3): the last working day before P's due date → remind every
 * HQ; the end of the due date → fetch and merge a draft bulletin; the bulletin day's morning →
 * fetch, final merge, 催报. Steps of a weekly meeting M that is held (DOMAIN §5): the topic
 * cut-off → fetch topic forms; the agenda day (Friday, moved to the working day before it) →
 * fetch again and draft the agenda.
 */

type StepKind = 'remind' | 'draft' | 'final' | 'topics' | 'agenda';

/** The office's clock times of the steps (its settings, not the notice's: see 邮箱.toml). */
export interface StepTimes {
  readonly remind: string;
  readonly draft: string;
  readonly final: string;
  readonly agenda: string;
}

export const DEFAULT_STEP_TIMES: StepTimes = {
  remind: '09:00',
  draft: '17:30',
  final: '08:30',
  agenda: '09:00',
};

export interface PlannedStep {
  /** `remind:2026-11-1`, `topics:2026-11-14`: what the state records as done. */
  readonly id: string;
  readonly kind: StepKind;
  /** The report period (remind, draft, final) or the meeting day (topics, agenda). */
  readonly key: string;
  /** When it is due. */
  readonly at: IsoDateTime;
  /** From then on it is too late: the step is recorded as missed, never run. */
  readonly until: IsoDateTime;
  /** The dates it is about: due date and bulletin day, or the meeting's topic cut-off. */
  readonly due?: IsoDate;
  readonly bulletin?: IsoDate;
  readonly cutoff?: IsoDateTime;
}

export interface StepRecord {
  /** When it last ran (or was found missed). */
  readonly at: IsoDateTime;
  readonly outcome: 'done' | 'failed' | 'missed';
  readonly attempts: number;
}

export interface ScheduleState {
  /** The first moment the schedule ran: steps due before it belong to the time before the tool. */
  readonly since?: IsoDateTime;
  readonly steps: Readonly<Record<string, StepRecord>>;
}

interface PlanInput {
  readonly now: IsoDateTime;
  readonly calendar: WorkCalendar;
  readonly rules: RuleSet;
  readonly state: ScheduleState;
  readonly times?: StepTimes;
  /** Meetings the office lists as held although their day is a statutory rest day. */
  readonly heldMeetings?: readonly IsoDate[];
  /** A failed step is tried again after this many minutes (while it is not too late). */
  readonly retryMinutes?: number;
}

interface Plan {
  /** Due now, in the order to run them. */
  readonly due: readonly PlannedStep[];
  /** Too late and never run: to be logged once and recorded. */
  readonly missed: readonly PlannedStep[];
  /** The next step after now (for a long-running schedule to sleep until). */
  readonly next?: PlannedStep;
  /** Set when the schedule must stop: the year of `now` has no holiday data (DOMAIN §3). */
  readonly stop?: Issue;
  /** Loud, not stopping: the office's own days only, or next year not yet known. */
  readonly warnings: readonly Issue[];
}

/** Whether a meeting day is held: a statutory rest day has none unless the office lists it (DOMAIN §5). */
function meetingHeld(day: IsoDate, calendar: WorkCalendar, held: readonly IsoDate[] = []): boolean {
  if (held.includes(day) || calendar.isWorkday(day)) return true;
  // An ordinary weekend has no name; a holiday (休) of the State Council notice or the office has.
  return calendar.dayName(day) === undefined;
}

/** The meeting held most recently before `meeting` (weeks back, at most `weeks`). */
export function previousHeldMeeting(
  meeting: IsoDate,
  calendar: WorkCalendar,
  held: readonly IsoDate[] = [],
  weeks = 6,
): IsoDate | undefined {
  for (let k = 1; k <= weeks; k++) {
    const d = addDays(meeting, -7 * k);
    if (meetingHeld(d, calendar, held)) return d;
  }
  return undefined;
}

const weekdayOffset = (name: string): number => WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);

/** The steps of one report period. */
function periodSteps(
  p: ReportPeriod,
  calendar: WorkCalendar,
  rules: RuleSet,
  times: StepTimes = DEFAULT_STEP_TIMES,
): PlannedStep[] {
  const s = periodSchedule(p, calendar, rules);
  const next = periodSchedule(
    p.half === 1
      ? { ...p, half: 2 }
      : p.month === 12
        ? { year: p.year + 1, month: 1, half: 1 }
        : { ...p, month: p.month + 1, half: 1 },
    calendar,
    rules,
  );
  const key = reportPeriodId(p);
  const dates = { due: s.due, bulletin: s.bulletin };
  const final = dateTime(s.bulletin, times.final);
  return [
    {
      id: `remind:${key}`,
      kind: 'remind',
      key,
      at: dateTime(calendar.onOrBefore(addDays(s.due, -1)), times.remind),
      until: dueDeadline(s),
      ...dates,
    },
    { id: `draft:${key}`, kind: 'draft', key, at: dateTime(s.due, times.draft), until: final, ...dates },
    // The bulletin is still owed when the PC was off that morning: until the next draft.
    { id: `final:${key}`, kind: 'final', key, at: final, until: dateTime(next.due, times.draft), ...dates },
  ];
}

/** The steps of the meeting of the week of `anyDay`, if that meeting is held. */
function meetingSteps(
  anyDay: IsoDate,
  calendar: WorkCalendar,
  rules: RuleSet,
  times: StepTimes = DEFAULT_STEP_TIMES,
  held: readonly IsoDate[] = [],
): PlannedStep[] {
  const w = weekSchedule(anyDay, rules, calendar);
  if (!meetingHeld(w.meeting, calendar, held)) return [];
  const agendaDay = calendar.onOrBefore(addDays(w.week, weekdayOffset(rules.schedule.agendaWeekday)));
  const agendaAt = dateTime(agendaDay, times.agenda);
  const key = w.meeting;
  return [
    { id: `topics:${key}`, kind: 'topics', key, at: w.topicCutoff, until: agendaAt, cutoff: w.topicCutoff },
    {
      id: `agenda:${key}`,
      kind: 'agenda',
      key,
      at: agendaAt,
      until: `${w.meeting} 23:59:59`,
      cutoff: w.topicCutoff,
    },
  ];
}

const minutesBetween = (a: IsoDateTime, b: IsoDateTime): number =>
  Math.round((isoDateTimeToSerial(b) - isoDateTimeToSerial(a)) * 1440);

/**
 * What is due at `now`.
 * @example planSchedule({ now: '2026-11-11 09:00:00', calendar, rules, state: { steps: {} } }).due[0]?.id
 * // 'remind:2026-11-1'
 */
export function planSchedule(input: PlanInput): Plan {
  const { now, calendar, rules, state } = input;
  const times = input.times ?? DEFAULT_STEP_TIMES;
  const today = now.slice(0, 10);
  const year = yearOf(today);
  if (!calendar.covers(year)) {
    const [stop] = calendarWarnings(calendar, [year]);
    return { due: [], missed: [], ...(stop && { stop }), warnings: [] };
  }
  const warnings = calendarWarnings(calendar, [year]);
  const candidates: PlannedStep[] = [];
  const [y, m] = [year, Number(today.slice(5, 7))];
  // The periods of last month, this month and next (a step is never due further away than that).
  for (let k = -1; k <= 1; k++) {
    const month = ((m - 1 + k + 12) % 12) + 1;
    const py = y + Math.floor((m - 1 + k) / 12);
    if (!calendar.covers(py)) {
      if (py > year) warnings.push(...calendarWarnings(calendar, [py]));
      continue;
    }
    for (const half of [1, 2] as const)
      candidates.push(...periodSteps({ year: py, month, half }, calendar, rules, times));
  }
  for (let monday = weekStart(addDays(today, -14)); monday <= addDays(today, 21); monday = addDays(monday, 7))
    if (calendar.covers(yearOf(monday)) && calendar.covers(yearOf(addDays(monday, 6))))
      candidates.push(...meetingSteps(monday, calendar, rules, times, input.heldMeetings));

  const since = state.since ?? now;
  const retry = input.retryMinutes ?? 30;
  const due: PlannedStep[] = [];
  const missed: PlannedStep[] = [];
  let next: PlannedStep | undefined;
  const seen = new Set<string>();
  for (const s of candidates) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const rec = state.steps[s.id];
    if (rec?.outcome === 'done' || rec?.outcome === 'missed') continue;
    if (s.at > now) {
      if (!next || s.at < next.at) next = s;
      continue;
    }
    // Before the day the schedule was first run: the office did it by hand.
    if (s.at.slice(0, 10) < since.slice(0, 10)) continue;
    if (now >= s.until) missed.push(s);
    else if (!rec || minutesBetween(rec.at, now) >= retry) due.push(s);
  }
  const order = (a: PlannedStep, b: PlannedStep): number =>
    compareText(a.at, b.at) || compareText(a.id, b.id);
  return {
    due: due.sort(order),
    missed: missed.sort(order),
    ...(next && { next }),
    warnings: dedupe(warnings),
  };
}

function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}:${JSON.stringify(i.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The state of a schedule run for the first time at `now`. */
export const startState = (now: IsoDateTime): ScheduleState => ({ since: now, steps: {} });

/** The state after a step ran (or was found missed). */
export function recordStep(
  state: ScheduleState,
  step: PlannedStep,
  outcome: StepRecord['outcome'],
  now: IsoDateTime,
): ScheduleState {
  const attempts = (state.steps[step.id]?.attempts ?? 0) + (outcome === 'missed' ? 0 : 1);
  return {
    since: state.since ?? now,
    steps: { ...state.steps, [step.id]: { at: now, outcome, attempts } },
  };
}

/** The meetings the master shows as held: those whose decisions 督办事项 records (DOMAIN §5). */
export function heldMeetingsOf(master: Pick<MasterData, 'decisions'>): IsoDate[] {
  return [...new Set(master.decisions.map((d) => d.record.meetingDate))].sort(compareText);
}
