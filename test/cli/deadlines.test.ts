import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/core/values/dates.js';
import { DEFAULT_RULES } from '../../src/core/rules/ruleset.js';
import { ruleSetToRows } from '../../src/core/rules/sheet.js';
import { HOLIDAYS, MASTER } from '../../src/core/schema/master.js';
import { MASTER_SAMPLES } from '../../src/core/template/samples.js';
import { encodeGbk } from '../../scripts/examples/eml.js';
import { runKpd } from '../helpers/cli.js';
import { writeFilled } from '../helpers/files.js';
import { useTempDir } from '../helpers/tmp.js';
import { fixtureXlsx } from '../helpers/xlsx.js';

interface DeadlinesJson {
  readonly year: number;
  readonly calendar: string;
  readonly periods: readonly { period: string; nominal: string; due: string; bulletin: string }[];
  readonly weeks?: readonly {
    week: string;
    meeting: string;
    meetingHeld: boolean;
    topicCutoff: string;
    agentReportDue: string;
  }[];
  readonly warnings: readonly { code: string; message: string }[];
}

const tmp = useTempDir('kpd-cli-deadlines-');

async function deadlines(...args: string[]) {
  const r = await runKpd(['deadlines', ...args], tmp());
  return { ...r, json: args.includes('--json') ? (JSON.parse(r.out) as DeadlinesJson) : undefined };
}
const period = (j: DeadlinesJson | undefined, id: string) => j?.periods.find((p) => p.period === id);

beforeAll(async () => {
  const dir = tmp();
  await writeFile(
    join(dir, 'office.csv'),
    '日期,类型,说明\r\n2026-04-10,休,本单位放假\r\n2030-01-01,休,元旦\r\n',
  );
  await writeFile(join(dir, 'gbk.csv'), encodeGbk('日期,类型,说明\r\n2030-01-11,休,元旦调休\r\n'));
  await writeFile(join(dir, 'bad.csv'), '日期,类型\n2030-02-30,休\n2030-03-01,放假\n');
  await writeFile(
    join(dir, 'holidays.xlsx'),
    await fixtureXlsx([
      { name: '说明', rows: [['本文件为节假日安排']] },
      { name: HOLIDAYS.name, rows: [HOLIDAYS.columns.map((c) => c.header), ['2026-04-11', '班', '补班']] },
    ]),
  );
  await writeFile(join(dir, 'no-holidays.xlsx'), await fixtureXlsx([{ name: 'Sheet1', rows: [['日期?']] }]));
  const rules = ruleSetToRows({
    ...DEFAULT_RULES,
    schedule: { ...DEFAULT_RULES.schedule, firstReportDay: 10 },
  });
  await writeFilled(dir, 'master.xlsx', MASTER, {
    rows: {
      ...MASTER_SAMPLES,
      holidays: [{ date: '2026-11-10', type: '休', note: '本县放假' }],
      rules: rules.map((r) => ({ group: r[0], code: r[1], name: r[2], value: r[3], note: r[4] })),
    },
  });
});

describe('kpd deadlines YEAR --json', () => {
  it('lists the 24 periods of 2026 with nominal, due and bulletin dates (DOMAIN §3)', async () => {
    const { code, json, err } = await deadlines('2026', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(json).toMatchObject({ year: 2026, calendar: 'builtin', warnings: [] });
    expect(json?.periods).toHaveLength(24);
    expect(json?.periods[0]).toEqual({
      period: '2026-01-1',
      nominal: '2026-01-12',
      due: '2026-01-12',
      bulletin: '2026-01-13',
    });
    expect(period(json, '2026-04-1')).toEqual({
      period: '2026-04-1',
      nominal: '2026-04-12',
      due: '2026-04-10',
      bulletin: '2026-04-13',
    });
    expect(period(json, '2026-09-2')).toEqual({
      period: '2026-09-2',
      nominal: '2026-09-25',
      due: '2026-09-24',
      bulletin: '2026-09-28',
    });
    expect(json?.weeks).toBeUndefined();
  });

  it('warns loudly, in the JSON and on stderr, about a year the data does not cover', async () => {
    const { code, json, err } = await deadlines('2030', '--json');
    expect(code).toBe(0);
    expect(json?.calendar).toBe('none');
    expect(json?.warnings.map((w) => w.code)).toEqual(['calendar.yearMissing']);
    expect(json?.warnings[0]?.message).toContain('没有 2030 年的法定节假日和调休数据');
    expect(err).toMatch(/^警告：没有 2030 年的法定节假日/u);
  });

  it('lets a --holidays CSV override the built-in data and cover a missing year', async () => {
    const y2026 = await deadlines('2026', '--json', '--holidays', 'office.csv');
    expect(period(y2026.json, '2026-04-1')?.due).toBe('2026-04-09');
    const y2030 = await deadlines('2030', '--json', '--holidays', 'office.csv');
    // Used, but the office's few days never pass silently for a whole year's 放假安排.
    expect([y2030.json?.calendar, y2030.json?.warnings.map((w) => w.code)]).toEqual([
      'office',
      ['calendar.yearOfficeOnly'],
    ]);
    expect(y2030.err).toContain('没有内置的 2030 年国务院放假安排，只用了');
  });

  it('reads a CSV saved by Excel on Chinese Windows (GBK)', async () => {
    const { json } = await deadlines('2030', '--json', '--holidays', 'gbk.csv');
    // 2030-01-12 is a Saturday; with Friday the 11th off, the report is due Thursday the 10th.
    expect(period(json, '2030-01-1')?.due).toBe('2030-01-10');
    expect(json?.warnings.map((w) => w.code)).toEqual(['calendar.yearOfficeOnly']);
  });

  it('reads an .xlsx holidays file, 班 making a weekend day a working day', async () => {
    const { json } = await deadlines('2026', '--json', '--holidays', 'holidays.xlsx');
    expect(period(json, '2026-04-1')?.due).toBe('2026-04-11');
  });

  it('reports bad holiday rows and a holidays workbook without the sheet', async () => {
    const bad = await deadlines('2030', '--json', '--holidays', 'bad.csv');
    expect(bad.json?.warnings.map((w) => w.code)).toEqual(['cell.date', 'cell.enum', 'calendar.yearMissing']);
    const none = await deadlines('2026', '--json', '--holidays', 'no-holidays.xlsx');
    expect(none.json?.warnings.map((w) => w.code)).toEqual(['sheet.missing']);
  });

  it('uses the 节假日 and 规则 sheets of --master', async () => {
    const { json } = await deadlines('2026', '--json', '--master', 'master.xlsx');
    // 规则: 上半月报送日 10; 节假日: Tuesday 2026-11-10 off, so the report is due Monday the 9th.
    expect(period(json, '2026-11-1')).toMatchObject({ nominal: '2026-11-10', due: '2026-11-09' });
    expect(period(json, '2026-05-1')).toMatchObject({ nominal: '2026-05-10', due: '2026-05-09' });
  });
});

describe('kpd deadlines --weekly', () => {
  it('adds each week: meeting Saturday, topics Tuesday 17:00, agents’ report Thursday 18:00', async () => {
    const { json } = await deadlines('2026', '--json', '--weekly');
    expect(json?.weeks).toHaveLength(52);
    expect(json?.weeks?.find((w) => w.week === '2026-11-09')).toEqual({
      week: '2026-11-09',
      meeting: '2026-11-14',
      meetingHeld: true,
      topicCutoff: '2026-11-10 17:00:00',
      agentReportDue: '2026-11-12 18:00:00',
    });
    // DOMAIN §5: no meeting on 中秋 (9/26), 国庆 (10/3) or 劳动节 (5/2) Saturdays; 10/10 (worked) has one,
    // with its cut-off moved off the 国庆 Tuesday to Wed 9/30 17:00.
    const held = (w: string) => json?.weeks?.find((x) => x.week === w);
    expect(['2026-09-21', '2026-09-28', '2026-04-27'].map((w) => held(w)?.meetingHeld)).toEqual([
      false,
      false,
      false,
    ]);
    expect(held('2026-10-05')).toMatchObject({
      meeting: '2026-10-10',
      meetingHeld: true,
      topicCutoff: '2026-09-30 17:00:00',
    });
    for (const w of json?.weeks ?? []) {
      expect(isoWeekday(w.meeting)).toBe(6);
      // On their weekday, or the last working day before it when that is a holiday.
      const topic = w.topicCutoff.slice(0, 10);
      const agents = w.agentReportDue.slice(0, 10);
      expect(topic <= `${addDays(w.week, 1)}` && topic >= addDays(w.week, -7), w.week).toBe(true);
      expect(agents <= `${addDays(w.week, 3)}` && agents >= addDays(w.week, -7), w.week).toBe(true);
      expect([w.topicCutoff.slice(11), w.agentReportDue.slice(11)]).toEqual(['17:00:00', '18:00:00']);
    }
    const usual = (json?.weeks ?? []).filter((w) => isoWeekday(w.agentReportDue.slice(0, 10)) === 4);
    expect(usual.length).toBeGreaterThan(45);
  });

  it('moves a cut-off that falls on a holiday to the working day before (元旦, 春节, 国庆)', async () => {
    const { json } = await deadlines('2026', '--json', '--weekly');
    const week = (monday: string) => json?.weeks?.find((w) => w.week === monday);
    expect(week('2025-12-29')?.agentReportDue).toBe('2025-12-31 18:00:00'); // Thu 1 Jan is 元旦
    expect(week('2026-02-16')?.topicCutoff).toBe('2026-02-14 17:00:00'); // 春节: Sat 14 Feb is a 调休 working day
    expect(week('2026-10-05')?.topicCutoff).toBe('2026-09-30 17:00:00'); // 国庆 holiday week
  });

  it('prints tables for people, saying why a deadline moved', async () => {
    const { code, out } = await deadlines('2026', '--weekly');
    expect(code).toBe(0);
    expect(out).toMatch(/^2026 年半月报送时间表（内置国务院放假安排）/u);
    expect(out).toMatch(/2026年4月上半月\s+第7期\s+04-12 周日\s+04-10 周五\s+04-13 周一\s+遇休息日提前/u);
    expect(out).toMatch(/2026年9月\s+第18期\s+09-25 周五\s+09-24 周四\s+09-28 周一\s+遇中秋提前/u);
    expect(out).toMatch(/2026-11-09\s+2026-11-14\s+2026-11-10 17:00\s+2026-11-12 18:00/u);
  });

  it('refuses a missing or impossible year, exit 2', async () => {
    for (const args of [[], ['二〇二六'], ['2026', '2027']]) {
      const r = await runKpd(['deadlines', ...args], tmp());
      expect([r.code, r.err.split('\n')[0]], args.join(' ')).toEqual([
        2,
        '请给出年份，如：kpd deadlines 2026',
      ]);
    }
    const r = await runKpd(['deadlines', '1999'], tmp());
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, '年份 1999 超出范围：只支持 2000–2100 年。']);
  });
});
