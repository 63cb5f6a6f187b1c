import type { RuleSet } from '../rules/ruleset.js';
import { WEEKDAYS } from '../rules/schedule.js';
import { addDays, dateTime, isoWeekday, weekStart, type IsoDate, type IsoDateTime } from '../values/dates.js';
import { WorkCalendar } from './workdays.js';

/**
 * The weekly meetings actually held (DOMAIN §5, holidays): every meeting weekday (Saturday) that is
 * not a statutory rest day, and every day the office lists as a meeting (the 例会 sheet, the
 * 会议日期 of 督办事项). A rest-day Saturday the office does not list has no meeting. Each
 * meeting's topic cut-off is 17:00 of its week's Tuesday, or of the last working day before it
 * when that Tuesday is not a working day.
 * @example new Meetings(DEFAULT_RULES, cal2026).cutoff('2026-10-10') // '2026-09-30 17:00:00'
 */
export class Meetings {
  private readonly listed: ReadonlySet<IsoDate>;
  private readonly weekday: number;

  constructor(
    private readonly rules: RuleSet,
    private readonly calendar: WorkCalendar = new WorkCalendar(),
    listed: Iterable<IsoDate> = [],
  ) {
    this.listed = new Set(listed);
    this.weekday = weekdayNumber(rules.schedule.meetingWeekday);
  }

  /** Whether a meeting is held that day. */
  isHeld(day: IsoDate): boolean {
    if (this.listed.has(day)) return true;
    return isoWeekday(day) === this.weekday && !this.calendar.isRestDay(day);
  }

  /** Whether the day is the meeting weekday but a statutory rest day, and not listed as held. */
  isCancelled(day: IsoDate): boolean {
    return isoWeekday(day) === this.weekday && !this.isHeld(day);
  }

  /** The first meeting on or after `day` (a meeting is held at least every few weeks). */
  onOrAfter(day: IsoDate): IsoDate {
    let d = day;
    for (let i = 0; i < 120 && !this.isHeld(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The last meeting before `day`, the one "the last meeting" means (DOMAIN §5). */
  before(day: IsoDate): IsoDate {
    let d = addDays(day, -1);
    for (let i = 0; i < 120 && !this.isHeld(d); i++) d = addDays(d, -1);
    return d;
  }

  /**
   * A meeting's topic cut-off: the cut-off weekday of its week (before the meeting), at the cut-off
   * time, moved to the last working day before it when that day is not a working day.
   */
  cutoff(meeting: IsoDate): IsoDateTime {
    const s = this.rules.schedule;
    let day = addDays(weekStart(meeting), weekdayNumber(s.topicCutoffWeekday) - 1);
    if (day >= meeting) day = addDays(meeting, -1);
    return dateTime(this.calendar.onOrBefore(day), s.topicCutoffTime);
  }

  /**
   * The meeting a topic submitted at `at` goes to: the first meeting still to be held whose
   * cut-off it meets. It is late only when it missed the cut-off of the meeting it was meant for:
   * the first meeting held on or after the day it was sent (its week's, or the next one held).
   */
  forTopic(at: IsoDateTime): {
    meeting: IsoDate;
    late: boolean;
    /** The cut-off that placed it: the one missed when late, else its meeting's. */
    cutoff: IsoDateTime;
    /** The meeting it was meant for. */
    intended: IsoDate;
  } {
    const intended = this.onOrAfter(at.slice(0, 10));
    let meeting = intended;
    // A time without seconds or a date alone still compares as a date-time string.
    for (let i = 0; i < 60 && at > this.cutoff(meeting); i++) meeting = this.onOrAfter(addDays(meeting, 1));
    const late = meeting !== intended;
    return { meeting, late, cutoff: this.cutoff(late ? intended : meeting), intended };
  }
}

function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]) + 1;
}
