import { describe, expect, it } from 'vitest';
import { isoDateToSerial } from '../../../src/core/values/dates.js';
import { dateCell } from '../../../src/core/values/grid.js';
import {
  cellText,
  hasTime,
  parseDate,
  parseDateTime,
  parseNumber,
  parseText,
} from '../../../src/core/values/parse.js';

/** Excel serial of 2024-01-01 in the 1900 date system, as Excel itself shows it. */
const SERIAL_2024_01_01 = 45_292;

describe('parseNumber', () => {
  it.each([
    [1200.5, 1200.5, false],
    [0, 0, false],
    [-3, -3, false],
    ['1,234.5', 1234.5, true],
    ['１２３', 123, true],
    ['１,２００.５', 1200.5, true],
    [' 12 万元', 12, true],
    ['85%', 0.85, true],
    ['+5', 5, true],
    ['-0.25', -0.25, true],
    ['.5', 0.5, true],
    ['1e3', 1000, true],
  ] as const)('reads %j as %d (coerced: %s)', (input, value, coerced) => {
    expect(parseNumber(input)).toEqual({ ok: true, value, coerced });
  });

  it.each([null, undefined, '', '   '])('calls %j blank', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: 'blank' });
  });

  it.each([
    'abc',
    '12元5',
    '1.2.3',
    '两次',
    true,
    dateCell(46_000),
    { kind: 'error', code: '#DIV/0!' } as const,
    NaN,
    Infinity,
  ])('calls %j invalid', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseDate', () => {
  it('reads a date cell without calling it coerced', () => {
    expect(parseDate(dateCell(SERIAL_2024_01_01))).toEqual({ ok: true, value: '2024-01-01', coerced: false });
    expect(parseDate(dateCell(SERIAL_2024_01_01 + 0.75))).toEqual({
      ok: true,
      value: '2024-01-01',
      coerced: false,
    });
  });

  it('reads a serial typed as a plain number', () => {
    expect(parseDate(SERIAL_2024_01_01)).toEqual({ ok: true, value: '2024-01-01', coerced: true });
    expect(parseDate(isoDateToSerial('2026-11-03'))).toMatchObject({ ok: true, value: '2026-11-03' });
  });

  it.each([
    '2026.11.3',
    '2026-11-03',
    '2026/11/3',
    '2026年11月3日',
    '2026年11月3号',
    '2026 年 11 月 3 日',
    '２０２６年１１月３日',
    '２０２６－１１－０３',
    '20261103',
  ])('reads the text %j as 2026-11-03', (text) => {
    expect(parseDate(text)).toEqual({ ok: true, value: '2026-11-03', coerced: true });
  });

  it('reads 20261103 typed as a number', () => {
    expect(parseDate(20_261_103)).toEqual({ ok: true, value: '2026-11-03', coerced: true });
  });

  it('knows leap days', () => {
    expect(parseDate('2028-02-29')).toMatchObject({ ok: true, value: '2028-02-29' });
    expect(parseDate('2026-02-29')).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each(['2026-13-01', '2026-11-31', '2026年11月', '11/3/2026', 'abc', '下周一', 5, 100_000, true])(
    'calls %j invalid',
    (input) => {
      expect(parseDate(input)).toEqual({ ok: false, reason: 'invalid' });
    },
  );

  // Regression (was a bug, fixed): src/core/values/parse.ts parseDateParts takes any date cell's serial as it is. Typing
  // 20261103 into a date-formatted cell (every date column of our templates) gives the date cell
  // { serial: 20261103 }, read as '57373-01-04'. Expected: 2026-11-03, as for the same number in a
  // General cell, or else invalid — never a date of year 57373.
  it('does not turn 20261103 in a date-formatted cell into the year 57373', () => {
    const p = parseDate(dateCell(20_261_103));
    expect(p.ok ? p.value : p.reason).toMatch(/^(2026-11-03|invalid)$/u);
  });

  it('calls empty cells blank', () => {
    expect(parseDate(null)).toEqual({ ok: false, reason: 'blank' });
    expect(parseDate(' ')).toEqual({ ok: false, reason: 'blank' });
  });
});

describe('parseDateTime and hasTime', () => {
  it.each([
    ['2026-11-10 17:30', '2026-11-10 17:30:00'],
    ['2026-11-10T17:30:15', '2026-11-10 17:30:15'],
    ['2026年11月10日 17时30分', '2026-11-10 17:30:00'],
    ['2026年11月10日 17：30', '2026-11-10 17:30:00'],
    ['2026-11-10', '2026-11-10 00:00:00'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value: expected, coerced: true });
  });

  it('reads the time of a date cell to the second', () => {
    const serial = isoDateToSerial('2026-11-10') + (17 * 3600 + 5 * 60 + 9) / 86_400;
    expect(parseDateTime(dateCell(serial))).toEqual({
      ok: true,
      value: '2026-11-10 17:05:09',
      coerced: false,
    });
    expect(hasTime(dateCell(serial))).toBe(true);
    expect(hasTime(dateCell(isoDateToSerial('2026-11-10')))).toBe(false);
  });

  it('refuses impossible times', () => {
    expect(parseDateTime('2026-11-10 24:00')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateTime('2026-11-10 17:60')).toEqual({ ok: false, reason: 'invalid' });
    expect(hasTime('2026-11-10')).toBe(false);
    expect(hasTime('2026-11-10 08:00')).toBe(true);
  });
});

describe('cellText and parseText', () => {
  it('normalises what people type: full width, spaces', () => {
    expect(cellText('  高端装备　产业园  ')).toBe('高端装备 产业园');
    expect(cellText('（１２）')).toBe('(12)');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(dateCell(SERIAL_2024_01_01))).toBe('2024-01-01');
    expect(cellText({ kind: 'error', code: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('treats a formula error as invalid text and blank as blank', () => {
    expect(parseText({ kind: 'error', code: '#REF!' })).toEqual({ ok: false, reason: 'invalid' });
    expect(parseText('')).toEqual({ ok: false, reason: 'blank' });
    expect(parseText(' 张伟 ')).toEqual({ ok: true, value: '张伟', coerced: false });
  });
});
