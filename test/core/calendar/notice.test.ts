import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { readHolidayNotice } from '../../../src/core/calendar/notice.js';
import { message } from '../../../src/core/issues/issue.js';
import { repoPath } from '../../helpers/paths.js';

/** The published notices (test/fixtures/holiday-notices) read into 节假日 rows, against chinese-days. */
const notice = (year: number): string =>
  readFileSync(repoPath('test', 'fixtures', 'holiday-notices', `${year}.txt`), 'utf8');
const ofYear = (o: Record<string, string>, year: number): string[] =>
  Object.keys(o)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();
const errorsOf = (r: ReturnType<typeof readHolidayNotice>) =>
  r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, message(i)]);

describe('readHolidayNotice on the published notices', () => {
  // 2017 has a day off in lieu (1月2日（星期一）补休), a wording the later notices no longer use.
  for (const year of [2017, 2024, 2025, 2026]) {
    it(`reads the ${year} notice as chinese-days has that year: every 休 and every 班 day`, () => {
      const r = readHolidayNotice(notice(year));
      expect(errorsOf(r)).toEqual([]);
      expect(r.year).toBe(year);
      expect(r.days.filter((d) => d.type === '休').map((d) => d.date)).toEqual(ofYear(data.holidays, year));
      expect(r.days.filter((d) => d.type === '班').map((d) => d.date)).toEqual(ofYear(data.workdays, year));
    });
  }

  it('says what it read of 2026, item by item, and names each day by its holiday', () => {
    const r = readHolidayNotice(notice(2026));
    expect(
      r.items.map((i) => [i.name, i.rest.map((s) => `${s.from}~${s.to}:${s.days}`), i.workdays]),
    ).toEqual([
      ['元旦', ['2026-01-01~2026-01-03:3'], ['2026-01-04']],
      ['春节', ['2026-02-15~2026-02-23:9'], ['2026-02-14', '2026-02-28']],
      ['清明节', ['2026-04-04~2026-04-06:3'], []],
      ['劳动节', ['2026-05-01~2026-05-05:5'], ['2026-05-09']],
      ['端午节', ['2026-06-19~2026-06-21:3'], []],
      ['中秋节', ['2026-09-25~2026-09-27:3'], []],
      ['国庆节', ['2026-10-01~2026-10-07:7'], ['2026-09-20', '2026-10-10']],
    ]);
    expect(r.days.find((d) => d.date === '2026-10-10')).toEqual({
      date: '2026-10-10',
      type: '班',
      note: '国庆节',
    });
    expect(r.days.find((d) => d.date === '2026-09-26')).toEqual({
      date: '2026-09-26',
      type: '休',
      note: '中秋节',
    });
    // Nothing of the notice was left unread but its closing paragraph (not an item).
    expect(r.issues).toEqual([]);
  });

  it('reads 2024’s “与周末连休” as that day only, and says the 除夕 sentence is not an arrangement', () => {
    const r = readHolidayNotice(notice(2024));
    expect(r.items[0]?.rest).toEqual([{ from: '2024-01-01', to: '2024-01-01', days: 1 }]);
    expect(r.issues.map((i) => [i.code, i.params['line']])).toEqual([['notice.sentenceIgnored', 10]]);
    expect(message(r.issues[0] ?? ({} as never))).toContain('安排职工在除夕(2月9日)休息');
  });

  it('reads 2025’s lunar notes in brackets ((农历除夕、周二)) and “国庆节、中秋节” as one item of 8 days', () => {
    const r = readHolidayNotice(notice(2025));
    expect(r.items.find((i) => i.name === '春节')?.rest).toEqual([
      { from: '2025-01-28', to: '2025-02-04', days: 8 },
    ]);
    expect(r.items.find((i) => i.name === '国庆节、中秋节')?.rest[0]?.days).toBe(8);
  });

  it('takes the year from --year when the text has none, and refuses a year that disagrees', () => {
    const body = notice(2026)
      .split('\n')
      .filter((l) => /^[一二三四五六七]、/u.test(l))
      .join('\n');
    expect(readHolidayNotice(body).issues.map((i) => i.code)).toEqual(['notice.noYear']);
    expect(readHolidayNotice(body, { year: 2026 }).days).toHaveLength(39);
    const wrong = readHolidayNotice(notice(2026), { year: 2027 });
    expect(errorsOf(wrong)).toEqual([
      [
        'notice.yearMismatch',
        '给出的年份是 2027 年，通知写的是 2026 年。请核对是否选错了通知，或改正 --year。',
      ],
    ]);
    expect(wrong.days).toEqual([]);
  });
});

describe('readHolidayNotice on malformed notices: clear Chinese errors, nothing guessed', () => {
  const year = (body: string) => `国务院办公厅关于2027年部分节假日安排的通知\n${body}`;
  const read = (body: string) => readHolidayNotice(year(body));

  it('refuses a span whose length is not the 共N天 stated, and writes nothing', () => {
    // 10/1 … 10/7 is 7 days, the text says 8.
    const r = read('一、国庆节：10月1日（周五）至7日（周四）放假调休，共8天。');
    expect(errorsOf(r)).toEqual([
      [
        'notice.countMismatch',
        '第 2 行：国庆节 2027-10-01 至 2027-10-07 是 7 天，通知写的是共 8 天。请按通知原文核对。',
      ],
    ]);
    expect(r.days).toEqual([]);
  });

  it('refuses a weekday in brackets that is not the date’s (2027-01-01 is a Friday)', () => {
    const r = read('一、元旦：1月1日（周四）放假，共1天。');
    expect(errorsOf(r)).toEqual([
      [
        'notice.weekdayMismatch',
        '第 2 行：2027-01-01 是星期五，通知中写的是“周四”。日期或星期有误，请按通知原文核对。',
      ],
    ]);
  });

  it('refuses a 上班 day that is not a weekend, a date that is none, and a span running backwards', () => {
    const r = read(
      [
        '一、元旦：1月1日（周五）放假，共1天。1月4日（周一）上班。',
        '二、春节：2月30日至3月2日放假调休，共3天。',
        '三、劳动节：5月5日至1日放假调休，共5天。',
      ].join('\n'),
    );
    expect(errorsOf(r).map(([c]) => c)).toEqual([
      'notice.workdayNotWeekend',
      'notice.badDate',
      'notice.backwards',
    ]);
    expect(errorsOf(r)[0]?.[1]).toBe('第 2 行：调休上班日 2027-01-04 不是周六或周日。请按通知原文核对。');
    expect(r.days).toEqual([]);
  });

  it('refuses an item without its number, an item without rest dates, and text with no items', () => {
    expect(errorsOf(read('元旦：1月1日（周五）放假，共1天。')).map(([c]) => c)).toEqual([
      'notice.lineIgnored',
      'notice.noItems',
    ]);
    expect(errorsOf(read('一、元旦：1月1日（周五）休息一天。')).map(([c]) => c)).toEqual(['notice.noRest']);
    expect(errorsOf(readHolidayNotice('随便一段文字', { year: 2027 })).map(([c]) => c)).toEqual([
      'notice.noItems',
    ]);
  });

  it('refuses a day said twice (a 上班 day inside a rest span)', () => {
    const r = read('一、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。10月2日（周六）上班。');
    expect(errorsOf(r)).toEqual([
      [
        'notice.dayTwice',
        '第 2 行：2027-10-02 已在“国庆节”中出现（放假或上班只能有一种）。请按通知原文核对。',
      ],
    ]);
  });

  it('reads full-width digits and half-width punctuation alike, and a span across the new year written with years', () => {
    const r = readHolidayNotice(
      '国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共３天。2018年12月29日（星期六）上班。',
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.days.map((d) => `${d.date}${d.type}`)).toEqual([
      '2018-12-29班',
      '2018-12-30休',
      '2018-12-31休',
      '2019-01-01休',
    ]);
    // Dates outside the notice's year are written as it says, and said.
    expect(r.issues.map((i) => [i.code, i.params['date']])).toEqual([
      ['notice.otherYear', '2018-12-30'],
      ['notice.otherYear', '2018-12-29'],
    ]);
  });
});
