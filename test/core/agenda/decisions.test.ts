import { describe, expect, it } from 'vitest';
import { trackedDecisions } from '../../../src/core/agenda/build.js';
import type { Decision } from '../../../src/core/master/types.js';

/** 督办事项 on the day of the meeting of Saturday 2026-11-14 (the last one was 11-07). */
const MEETING = '2026-11-14';
const d = (
  itemId: string,
  meetingDate: string,
  deadline: string,
  doneDate?: string,
): { record: Decision } => ({
  record: {
    meetingDate,
    itemId,
    content: `事项${itemId}`,
    unit: '县住建局',
    deadline,
    doneDate,
    status: doneDate ? '已落实' : '正在推进',
  },
});
const states = (rows: ReturnType<typeof trackedDecisions>) =>
  rows.map((r) => [r.itemId, r.state, r.overdueDays ?? null]);

describe('trackedDecisions: what the 督查室 reports at the meeting, and each item’s state that day', () => {
  it('gives each state with its days: overdue on the day, done late, done, not yet due', () => {
    const rows = trackedDecisions(
      [
        d('A', '2026-10-17', '2026-10-27'), // open, 18 days past its deadline on 11-14
        d('B', '2026-10-31', '2026-11-10', '2026-11-12'), // done two days late, since the last meeting
        d('C', '2026-11-07', '2026-11-12', '2026-11-11'), // last meeting's, done in time
        d('D', '2026-11-07', '2026-11-20'), // last meeting's, not yet due
        d('E', '2026-11-07', '2026-11-14'), // due on the meeting day itself: not yet overdue
      ],
      MEETING,
    );
    expect(states(rows)).toEqual([
      ['A', '逾期未完成', 18],
      ['D', '未到期', null],
      ['E', '未到期', null],
      ['B', '逾期完成', 2],
      ['C', '已完成', null],
    ]);
  });

  it('leaves out items closed before the last meeting, and items decided at this meeting or later', () => {
    const rows = trackedDecisions(
      [
        d('old-done', '2026-09-26', '2026-10-06', '2026-10-05'),
        d('done-on-last-meeting-day', '2026-10-24', '2026-11-03', '2026-11-07'),
        d('today', '2026-11-14', '2026-11-24'),
        d('later', '2026-11-21', '2026-12-01'),
        d('old-open', '2026-07-04', '2026-07-14'),
      ],
      MEETING,
    );
    expect(rows.map((r) => r.itemId)).toEqual(['old-open']);
  });

  it('counts a completion dated after the meeting as not done on the day', () => {
    const rows = trackedDecisions([d('F', '2026-10-31', '2026-11-10', '2026-11-16')], MEETING);
    expect(states(rows)).toEqual([['F', '逾期未完成', 4]]);
    expect(rows[0]?.doneDate).toBeUndefined();
  });

  it('puts the most overdue first, whatever order they were typed in', () => {
    const typed = [
      d('x1', '2026-08-01', '2026-08-11'),
      d('x2', '2026-07-04', '2026-07-14'),
      d('x3', '2026-10-17', '2026-10-27'),
    ];
    const a = trackedDecisions(typed, MEETING).map((r) => r.itemId);
    const b = trackedDecisions([...typed].reverse(), MEETING).map((r) => r.itemId);
    expect(a).toEqual(['x2', 'x1', 'x3']);
    expect(b).toEqual(a);
  });
});
