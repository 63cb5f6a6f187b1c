import type { RuleSet } from '../rules/ruleset.js';
import { WEEKDAYS } from '../rules/schedule.js';
import { addDays, dateTime, isoDate, weekStart, type IsoDate, type IsoDateTime } from '../values/dates.js';
import {
  bulletinNumber,
  previousReportPeriod,
  reportPeriodId,
  reportPeriodLabel,
  reportPeriodsOfYear,
  type ReportPeriod,
} from './periods.js';
import { WorkCalendar } from './workdays.js';
import { Meetings } from './meetings.js';

/** The dates of one half-month report (DOMAIN §3). */
export interface PeriodSchedule {
  readonly period: string;
  readonly label: string;
  readonly number: number;
  /** The 12th or 25th. */
  readonly nominal: IsoDate;
  /** 报送截止日: the nominal day, or the last working day before it. */
  readonly due: IsoDate;
  /** 通报日: the 13th or 26th, or the next working day. */
  readonly bulletin: IsoDate;
}

/**
 * @example periodSchedule({ year: 2026, month: 4, half: 1 }, cal, rules).due // '2026-04-10'
 */
export function periodSchedule(p: ReportPeriod, cal: WorkCalendar, rules: RuleSet): PeriodSchedule {
  const s = rules.schedule;
  const nominal = isoDate(p.year, p.month, p.half === 1 ? s.firstReportDay : s.secondReportDay);
  const bulletinDay = isoDate(p.year, p.month, p.half === 1 ? s.firstBulletinDay : s.secondBulletinDay);
  return {
    period: reportPeriodId(p),
    label: reportPeriodLabel(p),
    number: bulletinNumber(p),
    nominal,
    due: cal.onOrBefore(nominal),
    bulletin: cal.onOrAfter(bulletinDay),
  };
}

/**
 * The Monday–Sunday weeks whose 一线工作 a bulletin assesses (DOMAIN §3 Decision): those ending
 * after the previous report's due date and by this report's, so every week is assessed exactly
 * once, in the first bulletin whose report was due after the week ended.
 */
export function assessedWeeks(p: ReportPeriod, cal: WorkCalendar, rules: RuleSet): IsoDate[] {
  const due = periodSchedule(p, cal, rules).due;
  const prevDue = periodSchedule(previousReportPeriod(p), cal, rules).due;
  const weeks: IsoDate[] = [];
  // The first Sunday after the previous due date, then every week up to this due date.
  let sunday = addDays(weekStart(prevDue), 6);
  if (sunday <= prevDue) sunday = addDays(sunday, 7);
  for (; sunday <= due; sunday = addDays(sunday, 7)) weeks.push(addDays(sunday, -6));
  return weeks;
}

export function yearSchedule(year: number, cal: WorkCalendar, rules: RuleSet): PeriodSchedule[] {
  return reportPeriodsOfYear(year).map((p) => periodSchedule(p, cal, rules));
}

/** The moment a report stops being on time: the end of its due day. */
export function dueDeadline(s: PeriodSchedule): IsoDateTime {
  return `${s.due} 23:59:59`;
}

const weekdayNumber = (name: string): number => WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]) + 1;

/** The weekly cycle around one Saturday meeting (DOMAIN §5, §6). */
export interface WeekSchedule {
  /** Monday of the week. */
  readonly week: IsoDate;
  readonly meeting: IsoDate;
  /** Whether the meeting is held: not when its day is a statutory rest day (unless listed). */
  readonly held: boolean;
  /** Topics for this meeting must arrive by then (Tuesday 17:00). */
  readonly topicCutoff: IsoDateTime;
  /** Agents' weekly report due (Thursday 18:00). */
  readonly agentReportDue: IsoDateTime;
}

/**
 * The week's meeting and cut-offs. A cut-off that falls on a holiday moves to the last working
 * day before it, as the half-month reports do ("遇节假日提前"); the meeting keeps its day.
 */
export function weekSchedule(
  anyDay: IsoDate,
  rules: RuleSet,
  calendar: WorkCalendar = new WorkCalendar(),
  meetings: Meetings = new Meetings(rules, calendar),
): WeekSchedule {
  const s = rules.schedule;
  const monday = weekStart(anyDay);
  const day = (name: string): IsoDate => addDays(monday, weekdayNumber(name) - 1);
  const working = (d: IsoDate): IsoDate => calendar.onOrBefore(d);
  const meeting = day(s.meetingWeekday);
  return {
    week: monday,
    meeting,
    held: meetings.isHeld(meeting),
    topicCutoff: meetings.cutoff(meeting),
    agentReportDue: dateTime(working(day(s.agentReportWeekday)), s.agentReportTime),
  };
}

/**
 * The meeting a topic submitted at `at` goes to (DOMAIN §5): the first meeting still to be held
 * whose cut-off it meets, late only when it missed the one it was meant for. Meetings skip
 * statutory rest days unless listed as held.
 */
export function meetingForTopic(
  at: IsoDateTime,
  rules: RuleSet,
  calendar: WorkCalendar = new WorkCalendar(),
  meetings: Meetings = new Meetings(rules, calendar),
): { meeting: IsoDate; late: boolean; cutoff: IsoDateTime; intended: IsoDate } {
  return meetings.forTopic(at);
}

export function weeksOfYear(
  year: number,
  rules: RuleSet,
  calendar: WorkCalendar = new WorkCalendar(),
  meetings: Meetings = new Meetings(rules, calendar),
): WeekSchedule[] {
  const out: WeekSchedule[] = [];
  let monday = weekStart(isoDate(year, 1, 1));
  while (true) {
    const w = weekSchedule(monday, rules, calendar, meetings);
    if (Number(w.meeting.slice(0, 4)) > year) break;
    if (Number(w.meeting.slice(0, 4)) === year) out.push(w);
    monday = addDays(monday, 7);
  }
  return out;
}
