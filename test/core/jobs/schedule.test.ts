import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/values/dates.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import {
  planSchedule,
  recordStep,
  startState,
  type PlannedStep,
  type ScheduleState,
  type StepRecord,
} from '../../../src/core/jobs/schedule.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';

const calendar = new WorkCalendar();
const rules = DEFAULT_RULES;

interface Happened {
  readonly at: string;
  readonly id: string;
  readonly outcome: StepRecord['outcome'];
  readonly step: PlannedStep;
}

/**
 * The schedule as a long-running process sees it: the clock ticks every `every` minutes from
 * `from` to `to`; whatever is due runs (or fails, when `fails` says so) and is recorded.
 */
function run(
  from: string,
  to: string,
  o: {
    every?: number;
    state?: ScheduleState;
    off?: (now: string) => boolean;
    fails?: (id: string, now: string) => boolean;
    cal?: WorkCalendar;
    held?: string[];
  } = {},
): { happened: Happened[]; state: ScheduleState } {
  const every = o.every ?? 15;
  let state = o.state ?? startState(from);
  const happened: Happened[] = [];
  for (let day = from.slice(0, 10); day <= to.slice(0, 10); day = addDays(day, 1))
    for (let m = 0; m < 1440; m += every) {
      const now = `${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
      if (now < from || now > to || o.off?.(now)) continue;
      const plan = planSchedule({
        now,
        calendar: o.cal ?? calendar,
        rules,
        state,
        ...(o.held && { heldMeetings: o.held }),
      });
      expect(plan.stop).toBeUndefined();
      for (const s of plan.missed) {
        happened.push({ at: now, id: s.id, outcome: 'missed', step: s });
        state = recordStep(state, s, 'missed', now);
      }
      for (const s of plan.due) {
        const outcome = o.fails?.(s.id, now) ? 'failed' : 'done';
        happened.push({ at: now, id: s.id, outcome, step: s });
        state = recordStep(state, s, outcome, now);
      }
    }
  return { happened, state };
}

describe('the plan of a fortnight (injected clock)', () => {
  it('runs each step once, on its day, around the 中秋 holiday of 2026', () => {
    // 14–28 September 2026: 中秋 is 25–27 September, so 2026-09-2's due date (the 25th) moves to
    // Thursday the 24th and its bulletin (the 26th) to Monday the 28th; Saturday the 26th is a
    // statutory rest day, so that week has no meeting and no topics to fetch.
    const { happened } = run('2026-09-14 00:00:00', '2026-09-28 23:45:00');
    expect(happened.map((h) => [h.at, h.id, h.outcome])).toEqual([
      ['2026-09-14 08:30:00', 'final:2026-09-1', 'done'],
      ['2026-09-15 17:00:00', 'topics:2026-09-19', 'done'],
      ['2026-09-18 09:00:00', 'agenda:2026-09-19', 'done'],
      ['2026-09-23 09:00:00', 'remind:2026-09-2', 'done'],
      ['2026-09-24 17:30:00', 'draft:2026-09-2', 'done'],
      ['2026-09-28 08:30:00', 'final:2026-09-2', 'done'],
    ]);
    const final = happened.find((h) => h.id === 'final:2026-09-2')?.step;
    expect(final).toMatchObject({
      kind: 'final',
      key: '2026-09-2',
      due: '2026-09-24',
      bulletin: '2026-09-28',
    });
    expect(happened.find((h) => h.id === 'topics:2026-09-19')?.step.cutoff).toBe('2026-09-15 17:00:00');
  });

  it('moves the topic cut-off and the agenda off holidays (国庆 2026: Tuesday the 6th → Wednesday 30 September)', () => {
    // The meeting of Saturday 10 October (a 调休 working day) is held: its Tuesday is a holiday,
    // so topics are due at 17:00 of the last working day before it.
    const { happened } = run('2026-09-28 00:00:00', '2026-10-10 23:45:00');
    expect(happened.filter((h) => h.id.endsWith('2026-10-10')).map((h) => [h.at, h.id])).toEqual([
      ['2026-09-30 17:00:00', 'topics:2026-10-10'],
      ['2026-10-09 09:00:00', 'agenda:2026-10-10'],
    ]);
    // The Saturday of 3 October (国庆) has no meeting; the office may list one as held.
    expect(happened.some((h) => h.id.endsWith('2026-10-03'))).toBe(false);
    const held = run('2026-09-28 00:00:00', '2026-10-03 23:45:00', { held: ['2026-10-03'] }).happened;
    expect(held.filter((h) => h.id.endsWith('2026-10-03')).map((h) => h.id)).toEqual([
      'topics:2026-10-03',
      'agenda:2026-10-03',
    ]);
  });

  it('catches up after the PC was off, and says what is too late', () => {
    // Off from Tuesday evening to Friday morning: the reminder (until the end of the due date) is
    // missed, the draft (until the bulletin morning) is made late, once.
    const off = (now: string): boolean => now > '2026-09-22 18:00:00' && now < '2026-09-25 08:00:00';
    const { happened } = run('2026-09-21 00:00:00', '2026-09-28 12:00:00', { off });
    expect(happened.map((h) => [h.at, h.id, h.outcome])).toEqual([
      ['2026-09-25 08:00:00', 'remind:2026-09-2', 'missed'],
      ['2026-09-25 08:00:00', 'draft:2026-09-2', 'done'],
      ['2026-09-28 08:30:00', 'final:2026-09-2', 'done'],
    ]);
  });

  it('tries a failed step again after the retry interval, until it is done', () => {
    let failures = 2;
    const fails = (id: string): boolean => id === 'remind:2026-09-2' && failures-- > 0;
    const { happened } = run('2026-09-23 00:00:00', '2026-09-23 12:00:00', { fails });
    expect(happened.map((h) => [h.at, h.outcome])).toEqual([
      ['2026-09-23 09:00:00', 'failed'],
      ['2026-09-23 09:30:00', 'failed'],
      ['2026-09-23 10:00:00', 'done'],
    ]);
  });

  it('leaves what was due before the first run to the office, but runs what is due on its day', () => {
    // Started on the afternoon of the due date: the morning's… nothing; the draft at 17:30 runs.
    const first = run('2026-09-24 14:00:00', '2026-09-24 23:45:00').happened.map((h) => h.id);
    expect(first).toEqual(['draft:2026-09-2']);
    // Started at 09:05 on the reminder day: the 09:00 reminder is still sent.
    const late = run('2026-09-23 09:05:00', '2026-09-23 10:00:00').happened.map((h) => h.id);
    expect(late).toEqual(['remind:2026-09-2']);
  });

  it('says when the next step is', () => {
    const plan = planSchedule({
      now: '2026-11-10 12:00:00',
      calendar,
      rules,
      state: startState('2026-11-10 12:00:00'),
    });
    expect(plan.due).toEqual([]);
    expect(plan.next).toMatchObject({ id: 'topics:2026-11-14', at: '2026-11-10 17:00:00' });
  });
});

describe('a year the calendar does not know', () => {
  it('stops the schedule with the loud warning', () => {
    const plan = planSchedule({
      now: '2027-01-11 09:00:00',
      calendar,
      rules,
      state: startState('2026-12-01 09:00:00'),
    });
    expect(plan.due).toEqual([]);
    expect(plan.stop).toMatchObject({ code: 'calendar.yearMissing', params: { year: 2027 } });
  });

  it('warns in December that next year is not known yet, and goes on', () => {
    const plan = planSchedule({
      now: '2026-12-24 09:00:00',
      calendar,
      rules,
      state: startState('2026-12-24 00:00:00'),
    });
    expect(plan.stop).toBeUndefined();
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'calendar.yearMissing', params: { year: 2027 } }),
    );
    expect(plan.due.map((s) => s.id)).toEqual(['remind:2026-12-2']);
  });

  it("runs a year the office entered itself, with the warning that it is the office's own data", () => {
    const cal = new WorkCalendar([
      { date: '2027-01-01', type: '休', note: '元旦' },
      { date: '2027-01-02', type: '休', note: '元旦' },
    ]);
    const plan = planSchedule({
      now: '2027-01-11 09:00:00',
      calendar: cal,
      rules,
      state: startState('2027-01-04 00:00:00'),
    });
    expect(plan.stop).toBeUndefined();
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'calendar.yearOfficeOnly' }));
    expect(plan.due.map((s) => s.id)).toEqual(['remind:2027-01-1']);
  });
});
