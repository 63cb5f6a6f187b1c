import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDateTime,
  dateTime,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  instantToCst,
  isoDateTimeToSerial,
  isoDateToSerial,
  isoWeekday,
  isValidYmd,
  secondsOfDay,
  serialToIsoDate,
  serialToIsoDateTime,
  weekStart,
} from '../../../src/core/values/dates.js';

describe('calendar dates', () => {
  it('knows month lengths and leap years', () => {
    expect([2024, 2026, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(daysInMonth(2026, 11)).toBe(30);
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(isValidYmd(2028, 2, 29)).toBe(true);
    expect(isValidYmd(2026, 0, 1)).toBe(false);
    expect(isValidYmd(2026, 1.5, 1)).toBe(false);
    expect(isValidYmd(1899, 12, 31)).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('2026-11-03'))).toBe('2026-11-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('names weekdays Monday = 1 … Sunday = 7 and finds the Monday of a week', () => {
    // 2026-11-14 is a Saturday (the weekly meeting of the examples).
    expect(isoWeekday('2026-11-14')).toBe(6);
    expect(isoWeekday('2026-11-15')).toBe(7);
    expect(isoWeekday('2026-11-09')).toBe(1);
    expect(weekStart('2026-11-15')).toBe('2026-11-09');
    expect(weekStart('2026-11-09')).toBe('2026-11-09');
  });

  it('converts Excel serials of the 1900 system', () => {
    // Excel shows 45292 as 2024-01-01 and 1 as 1900-01-01 (the serial epoch is 1899-12-30).
    expect(serialToIsoDate(45_292)).toBe('2024-01-01');
    expect(isoDateToSerial('2024-01-01')).toBe(45_292);
    expect(serialToIsoDate(45_292.99)).toBe('2024-01-01');
    expect(serialToIsoDateTime(45_292.5)).toBe('2024-01-01 12:00:00');
    expect(isoDateTimeToSerial('2024-01-01 18:00:00')).toBeCloseTo(45_292.75, 10);
  });

  it('rounds a time of day that is a hair under midnight to the next day', () => {
    expect(serialToIsoDateTime(45_292.999_999_99)).toBe('2024-01-02 00:00:00');
  });

  it('writes and reads local date-times', () => {
    expect(dateTime('2026-11-10', '17:00')).toBe('2026-11-10 17:00:00');
    expect(dateTime('2026-11-10', '9:05')).toBe('2026-11-10 09:05:00');
    expect(secondsOfDay('2026-11-10 17:30:15')).toBe(17 * 3600 + 30 * 60 + 15);
    expect(secondsOfDay('2026-11-10')).toBe(0);
    expect(compareDateTime('2026-11-10 17:00:00', '2026-11-10 17:00:01')).toBe(-1);
    expect(compareDateTime('2026-11-10 17:00:00', '2026-11-10 17:00:00')).toBe(0);
  });

  it('reads an instant in China Standard Time (UTC+8, no daylight saving)', () => {
    expect(instantToCst(new Date('2026-11-10T09:00:00Z'))).toBe('2026-11-10 17:00:00');
    expect(instantToCst(new Date('2026-11-10T20:30:00Z'))).toBe('2026-11-11 04:30:00');
    expect(instantToCst(new Date('2026-07-01T00:00:00+08:00'))).toBe('2026-07-01 00:00:00');
  });
});
