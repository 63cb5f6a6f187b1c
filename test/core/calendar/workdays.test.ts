import { describe, expect, it } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { BUILTIN_HOLIDAYS } from '../../../src/core/calendar/builtin.js';
import { holidaySheet, readDayOverrides } from '../../../src/core/master/holidays.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { HOLIDAYS } from '../../../src/core/schema/master.js';
import { tableGrid } from '../../helpers/grids.js';

// 2026 as the State Council notice has it, checked against node_modules/chinese-days (1.5.7):
// 国庆 2026-10-01 … 10-07 off, Sunday 09-20 and Saturday 10-10 worked (调休); 中秋 09-25 … 09-27 off.
describe('the built-in 2026 calendar', () => {
  const cal = new WorkCalendar();

  it('is chinese-days data', () => {
    expect(Object.keys(data.holidays)).toContain('2026-10-01');
    expect(BUILTIN_HOLIDAYS.holidays.get('2026-10-01')).toBe('国庆节');
    expect(BUILTIN_HOLIDAYS.workdays.get('2026-10-10')).toBe('国庆节');
    expect(BUILTIN_HOLIDAYS.years.has(2026)).toBe(true);
    expect(BUILTIN_HOLIDAYS.years.has(2005)).toBe(true);
  });

  it('rests on 国庆 2026-10-01 … 10-07, weekdays included', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2026-10-0${d}`), `2026-10-0${d}`).toBe(false);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.dayName('2026-10-05')).toBe('国庆节');
  });

  it('works on the 调休 weekend days Sunday 2026-09-20 and Saturday 2026-10-10', () => {
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
  });

  it('steps back and forward to working days', () => {
    // 2026-04-12 is a Sunday: the report of 2026-04-1 is due Friday 04-10.
    expect(cal.onOrBefore('2026-04-12')).toBe('2026-04-10');
    expect(cal.onOrBefore('2026-10-07')).toBe('2026-09-30');
    expect(cal.onOrAfter('2026-10-01')).toBe('2026-10-08');
    expect(cal.onOrAfter('2026-09-26')).toBe('2026-09-28');
    expect(cal.onOrBefore('2026-11-12')).toBe('2026-11-12');
  });

  it('adds working days across the 国庆 holidays', () => {
    // The JSDoc example of addWorkdays says '2026-10-09'; Thursday 10-08 is the first working day.
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkdays('2026-11-02', 0)).toBe('2026-11-02');
    expect(cal.addWorkdays('2026-11-06', 1)).toBe('2026-11-09');
  });

  it('says which years it covers and where a year comes from', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2030)).toBe(false);
    expect(cal.source(2026)).toBe('builtin');
    expect(cal.source(2030)).toBe('none');
  });
});

describe('the office overrides (节假日 sheet, --holidays file)', () => {
  it('win over the built-in data in both directions', () => {
    const cal = new WorkCalendar([
      { date: '2026-10-10', type: '休', note: '本单位不调休' },
      { date: '2026-10-05', type: '班' },
    ]);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-10-05')).toBe(true);
    expect(cal.dayName('2026-10-10')).toBe('本单位不调休');
  });

  it('make a year the data lacks covered, from the office', () => {
    const cal = new WorkCalendar([{ date: '2030-01-01', type: '休', note: '元旦' }]);
    expect(cal.covers(2030)).toBe(true);
    expect(cal.source(2030)).toBe('office');
    expect(cal.isWorkday('2030-01-01')).toBe(false);
    // Without data a year falls back to weekends only.
    expect(cal.isWorkday('2030-01-05')).toBe(false);
    expect(cal.isWorkday('2030-01-07')).toBe(true);
  });

  it('are read from a 节假日 sheet, bad rows reported and left out', () => {
    const { grid, rowOf, ref } = tableGrid(HOLIDAYS, [
      { date: '2030-01-01', type: '休', note: '元旦' },
      { date: '2030.2.2', type: '班' },
      { date: '2030-02-30', type: '休' },
      { date: '2030-03-01', type: '放假' },
    ]);
    const { days, issues } = readDayOverrides(grid);
    expect(days).toEqual([
      { date: '2030-01-01', type: '休', note: '元旦' },
      { date: '2030-02-02', type: '班' },
    ]);
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['cell.date', rowOf(2), 1],
      ['cell.enum', rowOf(3), 2],
    ]);
    expect(ref('type', 3)).toBe('B6');
  });

  it('are found on a sheet named 节假日, or on the first sheet with its headers', () => {
    const holidays = tableGrid(HOLIDAYS, [{ date: '2030-01-01', type: '休' }]).grid;
    const other = { name: '说明', rows: [['本文件为节假日']] };
    expect(holidaySheet({ sheets: [other, holidays] })).toBe(holidays);
    const renamed = { ...holidays, name: 'Sheet1' };
    expect(holidaySheet({ sheets: [other, renamed] })).toBe(renamed);
    expect(holidaySheet({ sheets: [other] })).toBeUndefined();
  });
});
