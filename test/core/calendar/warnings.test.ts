import { describe, expect, it } from 'vitest';
import { calendarWarnings } from '../../../src/core/calendar/warnings.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';

describe('calendarWarnings', () => {
  it('is silent for a year of the built-in data, loud for a year without any', () => {
    const cal = new WorkCalendar();
    expect(calendarWarnings(cal, [2026]).map((i) => i.code)).toEqual([]);
    expect(calendarWarnings(cal, [2099, 2099]).map((i) => [i.code, i.params])).toEqual([
      ['calendar.yearMissing', { year: 2099 }],
    ]);
  });

  it('does not let two typed days pass for a whole year', () => {
    const cal = new WorkCalendar([
      { date: '2099-01-01', type: '休', note: '元旦' },
      { date: '2099-10-01', type: '休', note: '国庆' },
    ]);
    expect(calendarWarnings(cal, [2099]).map((i) => [i.code, i.severity, i.params])).toEqual([
      ['calendar.yearOfficeOnly', 'warning', { year: 2099, count: 2 }],
    ]);
    // The office's own entries for a year the built-in data covers are just overrides.
    const own = new WorkCalendar([{ date: '2026-11-13', type: '休', note: '本地' }]);
    expect(calendarWarnings(own, [2026])).toEqual([]);
  });
});
