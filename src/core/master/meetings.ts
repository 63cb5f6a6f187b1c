import { Meetings } from '../calendar/meetings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { MasterData } from './types.js';

/**
 * The meetings of a master (DOMAIN §5): the rule table's meeting weekday off statutory rest days,
 * plus the days of its 例会 sheet and the 会议日期 of its 督办事项 (a decision was taken there,
 * so that meeting was held).
 */
export function masterMeetings(data: MasterData, calendar: WorkCalendar): Meetings {
  return new Meetings(data.rules, calendar, [
    ...data.meetings.map((m) => m.record.date),
    ...data.decisions.map((d) => d.record.meetingDate),
  ]);
}
