import { describe, expect, it } from 'vitest';
import { Meetings } from '../../../src/core/calendar/meetings.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { trackedDecisions } from '../../../src/core/agenda/build.js';
import type { Decision } from '../../../src/core/master/types.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';

/**
 * Weekly meetings around the 2026 holidays (DOMAIN §5), worked by hand on the State Council's
 * 2026 notice: 中秋 9/25 (Fri) – 9/27 (Sun); 国庆 10/1 (Thu) – 10/7 (Wed), with Sun 9/20 and
 * Sat 10/10 worked; 劳动节 5/1 (Fri) – 5/5 (Tue), with Sat 5/9 worked.
 */
const cal = new WorkCalendar();
const meetings = new Meetings(DEFAULT_RULES, cal);

describe('which Saturdays have a meeting', () => {
  it('skips Saturdays that are statutory rest days, keeps 调休 working Saturdays', () => {
    // 9/19 an ordinary Saturday; 9/26 中秋; 10/3 国庆; 10/10 worked (调休); 5/2 劳动节; 5/9 worked.
    expect(
      ['2026-09-19', '2026-09-26', '2026-10-03', '2026-10-10', '2026-05-02', '2026-05-09'].map((d) =>
        meetings.isHeld(d),
      ),
    ).toEqual([true, false, false, true, false, true]);
  });

  it('holds a rest-day Saturday the office lists in 例会', () => {
    const listed = new Meetings(DEFAULT_RULES, cal, ['2026-10-03']);
    expect([listed.isHeld('2026-10-03'), listed.isCancelled('2026-10-03')]).toEqual([true, false]);
    expect(meetings.isCancelled('2026-10-03')).toBe(true);
  });

  it('takes "the last meeting" as the last one held: before 10/10 that is 9/19, three weeks back', () => {
    expect(meetings.before('2026-10-10')).toBe('2026-09-19');
    expect(meetings.before('2026-05-09')).toBe('2026-04-25');
    expect(meetings.before('2026-11-14')).toBe('2026-11-07');
  });
});

describe('topic cut-offs in holiday weeks', () => {
  it('moves a holiday Tuesday’s cut-off to 17:00 of the last working day before it', () => {
    // 10/10's week: Tue 10/6 is 国庆; 10/5 … 10/1 are 国庆, 9/30 (Wed) is worked → 9/30 17:00.
    expect(meetings.cutoff('2026-10-10')).toBe('2026-09-30 17:00:00');
    // 5/9's week: Tue 5/5 is 劳动节; 5/4 … 5/1 too; Thu 4/30 is worked → 4/30 17:00.
    expect(meetings.cutoff('2026-05-09')).toBe('2026-04-30 17:00:00');
    // An ordinary week: its own Tuesday.
    expect(meetings.cutoff('2026-11-14')).toBe('2026-11-10 17:00:00');
  });
});

describe('the meeting a topic goes to (the issue’s cases)', () => {
  it.each([
    // Wed 9/30 16:00: 10/3 has no meeting; the first still to be held is 10/10, whose cut-off
    // (9/30 17:00) it meets → 10/10, on time (today: "上周截止后申报").
    ['Wed 9/30 16:00', '2026-09-30 16:00:00', '2026-10-10', false, '2026-10-10'],
    // Wed 9/30 18:00: an hour after 10/10's cut-off → 10/17 (cut-off Tue 10/13 17:00), late.
    ['Wed 9/30 18:00', '2026-09-30 18:00:00', '2026-10-17', true, '2026-10-10'],
    // Sun 10/4: 10/10's cut-off (9/30) is past → not 10/10 (today it is put there) but 10/17;
    // it missed the cut-off of the meeting it was meant for (10/10), so it is marked late.
    ['Sun 10/4', '2026-10-04 10:00:00', '2026-10-17', true, '2026-10-10'],
    // Thu 9/24: 9/26 (中秋) and 10/3 (国庆) have no meeting; 10/10's cut-off is 9/30 → on time.
    ['Thu 9/24', '2026-09-24 11:00:00', '2026-10-10', false, '2026-10-10'],
    // Sun 5/3: 5/9's cut-off was Thu 4/30 17:00 → 5/16 (cut-off Tue 5/12 17:00).
    ['Sun 5/3', '2026-05-03 09:00:00', '2026-05-16', true, '2026-05-09'],
    // An ordinary week: Tuesday 17:00 sharp is in time; Wednesday goes to the next week, late.
    ['Tue 11/10 17:00', '2026-11-10 17:00:00', '2026-11-14', false, '2026-11-14'],
    ['Wed 11/11', '2026-11-11 09:20:00', '2026-11-21', true, '2026-11-14'],
    ['Sun 11/15', '2026-11-15 10:00:00', '2026-11-21', false, '2026-11-21'],
  ])('%s → %s', (_when, at, meeting, late, intended) => {
    expect(meetings.forTopic(at)).toMatchObject({ meeting, late, intended });
  });
});

describe('the decisions reported at the first meeting after the holidays', () => {
  const d = (
    itemId: string,
    meetingDate: string,
    deadline: string,
    doneDate?: string,
  ): { record: Decision } => ({
    record: { meetingDate, itemId, content: itemId, unit: '县住建局', deadline, doneDate, status: undefined },
  });

  it('reports on 10/10 a decision of 9/19 done 9/22 (the last meeting held was 9/19)', () => {
    // Last meeting held before 10/10: 9/19 (9/26 中秋 and 10/3 国庆 had none). Decided 9/19 → a
    // decision of the last meeting; done 9/22 by its deadline 9/25 → 已完成. With "seven days ago"
    // (10/3) it was neither of the last meeting nor done since, and vanished from the report.
    const rows = trackedDecisions(
      [d('DB-0919-01', '2026-09-19', '2026-09-25', '2026-09-22')],
      '2026-10-10',
      meetings.before('2026-10-10'),
    );
    expect(rows.map((r) => [r.itemId, r.state])).toEqual([['DB-0919-01', '已完成']]);
    expect(
      trackedDecisions([d('DB-0919-01', '2026-09-19', '2026-09-25', '2026-09-22')], '2026-10-10'),
    ).toEqual([]);
  });
});
