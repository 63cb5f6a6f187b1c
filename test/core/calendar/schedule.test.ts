import { describe, expect, it } from 'vitest';
import {
  dueDeadline,
  meetingForTopic,
  periodSchedule,
  weekSchedule,
  weeksOfYear,
  yearSchedule,
} from '../../../src/core/calendar/schedule.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { DEFAULT_RULES, type RuleSet } from '../../../src/core/rules/ruleset.js';

const cal = new WorkCalendar();

describe('half-month deadlines (DOMAIN §3)', () => {
  it('moves the 2026-04-1 report forward from Sunday the 12th to Friday the 10th', () => {
    expect(periodSchedule({ year: 2026, month: 4, half: 1 }, cal, DEFAULT_RULES)).toEqual({
      period: '2026-04-1',
      label: '2026年4月上半月',
      number: 7,
      nominal: '2026-04-12',
      due: '2026-04-10',
      bulletin: '2026-04-13',
    });
  });

  it('moves around 中秋 2026 (09-25 … 09-27 off)', () => {
    const s = periodSchedule({ year: 2026, month: 9, half: 2 }, cal, DEFAULT_RULES);
    expect([s.nominal, s.due, s.bulletin]).toEqual(['2026-09-25', '2026-09-24', '2026-09-28']);
  });

  it('keeps a working 12th and 13th as they are', () => {
    const s = periodSchedule({ year: 2026, month: 11, half: 1 }, cal, DEFAULT_RULES);
    expect([s.nominal, s.due, s.bulletin]).toEqual(['2026-11-12', '2026-11-12', '2026-11-13']);
    expect(dueDeadline(s)).toBe('2026-11-12 23:59:59');
  });

  it('lists 24 periods a year, in order', () => {
    const y = yearSchedule(2026, cal, DEFAULT_RULES);
    expect(y.map((s) => s.period)).toEqual(
      Array.from(
        { length: 24 },
        (_, i) => `2026-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${(i % 2) + 1}`,
      ),
    );
    expect(y.map((s) => s.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('takes its days from the rule table', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      schedule: { ...DEFAULT_RULES.schedule, firstReportDay: 10, firstBulletinDay: 11 },
    };
    const s = periodSchedule({ year: 2026, month: 11, half: 1 }, cal, rules);
    expect([s.nominal, s.due, s.bulletin]).toEqual(['2026-11-10', '2026-11-10', '2026-11-11']);
  });
});

describe('the weekly cycle (DOMAIN §5, §6)', () => {
  it('has the meeting on Saturday, topics by Tuesday 17:00, agents by Thursday 18:00', () => {
    expect(weekSchedule('2026-11-11', DEFAULT_RULES)).toEqual({
      week: '2026-11-09',
      meeting: '2026-11-14',
      held: true,
      topicCutoff: '2026-11-10 17:00:00',
      agentReportDue: '2026-11-12 18:00:00',
    });
  });

  it.each([
    ['Monday morning', '2026-11-09 08:00:00', '2026-11-14', false],
    ['Tuesday 16:59', '2026-11-10 16:59:00', '2026-11-14', false],
    ['Tuesday 17:00 sharp', '2026-11-10 17:00:00', '2026-11-14', false],
    ['Tuesday 17:00:01', '2026-11-10 17:00:01', '2026-11-21', true],
    ['Wednesday', '2026-11-11 09:20:00', '2026-11-21', true],
    ['Saturday, the meeting day', '2026-11-14 10:00:00', '2026-11-21', true],
    ['Sunday, after the meeting', '2026-11-15 10:00:00', '2026-11-21', false],
  ])('sends a topic of %s to the right meeting', (_when, at, meeting, late) => {
    expect(meetingForTopic(at, DEFAULT_RULES)).toMatchObject({ meeting, late });
  });

  it('reports the cut-off that was missed', () => {
    expect(meetingForTopic('2026-11-11 09:20:00', DEFAULT_RULES).cutoff).toBe('2026-11-10 17:00:00');
  });

  it('lists the weeks whose meeting falls in the year', () => {
    const weeks = weeksOfYear(2026, DEFAULT_RULES);
    expect(weeks).toHaveLength(52);
    expect(weeks[0]?.meeting).toBe('2026-01-03');
    expect(weeks.at(-1)?.meeting).toBe('2026-12-26');
  });
});
