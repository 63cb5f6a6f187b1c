import { describe, expect, it } from 'vitest';
import {
  bulletinNumber,
  comparePeriods,
  compareRankPeriods,
  parseRankPeriod,
  parseReportPeriod,
  previousRankPeriod,
  quarterOf,
  rankPeriodId,
  rankPeriodLabel,
  rankPeriodRange,
  reportPeriodId,
  reportPeriodLabel,
  reportPeriodRange,
  reportPeriodsIn,
  reportPeriodsOfYear,
} from '../../../src/core/calendar/periods.js';

describe('parseReportPeriod', () => {
  it.each([
    ['2026-11-1', 1],
    ['2026-11-2', 2],
    ['2026年11月上半月', 1],
    ['2026年11月', 2],
    ['2026年11月当月', 2],
    ['2026年11月下半月', 2],
    ['2026年11月全月', 2],
    ['2026.11上半月', 1],
    ['2026.11 上半月', 1],
    ['2026/11', 2],
    ['2026 年 11 月 上半月', 1],
    ['２０２６年１１月上半月', 1],
    ['2026年11月第一期', 1],
    ['2026年11月第二期', 2],
    ['2026年11月上半月进展', 1],
  ] as const)('reads %j as 2026-11-%d', (text, half) => {
    expect(parseReportPeriod(text)).toEqual({ year: 2026, month: 11, half });
  });

  it.each([
    '',
    '2026年13月',
    '2026-11-3',
    '2026-11-01',
    '2026年11月1日',
    '11月上半月',
    '1999年11月',
    '上半月',
    'abc',
  ])('refuses %j', (text) => {
    expect(parseReportPeriod(text)).toBeUndefined();
  });

  it('labels and numbers periods as the bulletin does', () => {
    const p = { year: 2026, month: 11, half: 1 } as const;
    expect(reportPeriodId(p)).toBe('2026-11-1');
    expect(reportPeriodLabel(p)).toBe('2026年11月上半月');
    expect(reportPeriodLabel({ ...p, half: 2 })).toBe('2026年11月');
    expect(reportPeriodId({ year: 2026, month: 4, half: 2 })).toBe('2026-04-2');
    expect(bulletinNumber(p)).toBe(21);
    expect(bulletinNumber({ year: 2026, month: 1, half: 1 })).toBe(1);
    expect(bulletinNumber({ year: 2026, month: 12, half: 2 })).toBe(24);
  });

  it('round-trips every period of a year through its id and its label', () => {
    const year = reportPeriodsOfYear(2026);
    expect(year).toHaveLength(24);
    for (const p of year) {
      expect(parseReportPeriod(reportPeriodId(p))).toEqual(p);
      expect(parseReportPeriod(reportPeriodLabel(p))).toEqual(p);
    }
    expect([...year].sort(comparePeriods)).toEqual(year);
  });

  it('covers the 1st–15th and the 16th–month end', () => {
    expect(reportPeriodRange({ year: 2026, month: 2, half: 1 })).toEqual({
      from: '2026-02-01',
      to: '2026-02-15',
    });
    expect(reportPeriodRange({ year: 2028, month: 2, half: 2 })).toEqual({
      from: '2028-02-16',
      to: '2028-02-29',
    });
  });
});

describe('parseRankPeriod', () => {
  it.each([
    ['2026Q3', 'Q', 3],
    ['2026q3', 'Q', 3],
    ['2026-Q3', 'Q', 3],
    ['2026H2', 'H', 2],
    ['2026年第三季度', 'Q', 3],
    ['2026年第3季度', 'Q', 3],
    ['2026年三季度', 'Q', 3],
    ['２０２６年第四季度', 'Q', 4],
    ['2026年上半年', 'H', 1],
    ['2026年下半年', 'H', 2],
  ] as const)('reads %j', (text, kind, index) => {
    expect(parseRankPeriod(text)).toEqual({ year: 2026, kind, index });
  });

  it.each(['', '2026Q5', '2026Q0', '2026H3', '2026年第五季度', '2026', 'Q3', '1999Q1'])(
    'refuses %j',
    (text) => {
      expect(parseRankPeriod(text)).toBeUndefined();
    },
  );

  it('labels, ranges and steps back', () => {
    const q3 = { year: 2026, kind: 'Q', index: 3 } as const;
    expect(rankPeriodId(q3)).toBe('2026Q3');
    expect(rankPeriodLabel(q3)).toBe('2026年第3季度');
    expect(rankPeriodLabel({ year: 2026, kind: 'H', index: 2 })).toBe('2026年下半年');
    expect(rankPeriodRange(q3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(rankPeriodRange({ year: 2026, kind: 'H', index: 2 })).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(previousRankPeriod({ year: 2026, kind: 'Q', index: 1 })).toEqual({
      year: 2025,
      kind: 'Q',
      index: 4,
    });
    expect(previousRankPeriod({ year: 2026, kind: 'H', index: 1 })).toEqual({
      year: 2025,
      kind: 'H',
      index: 2,
    });
    expect(quarterOf('2026-11-03')).toEqual({ year: 2026, kind: 'Q', index: 4 });
    expect(compareRankPeriods(q3, { year: 2026, kind: 'Q', index: 4 })).toBeLessThan(0);
  });

  it('lists the report periods inside a ranking period', () => {
    expect(reportPeriodsIn({ year: 2026, kind: 'Q', index: 3 }).map(reportPeriodId)).toEqual([
      '2026-07-1',
      '2026-07-2',
      '2026-08-1',
      '2026-08-2',
      '2026-09-1',
      '2026-09-2',
    ]);
    expect(reportPeriodsIn({ year: 2026, kind: 'H', index: 1 })).toHaveLength(12);
  });
});
