import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { REPORT } from '../../src/core/schema/report.js';
import { runKpd } from '../helpers/cli.js';
import { readBulletin } from '../helpers/merge-bulletin.js';
import { mailBytes } from '../helpers/merge-mail.js';
import { HQ, merge, reportFill, scenario, writeReport, type MergeJson } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * DOMAIN §3: the due date from the working-day calendar; the time of a submission from the most
 * trusted source (e-mail Date > --received > 填报日期 > file time), named in the bulletin; late,
 * missing and unsigned reports listed.
 */
const tmp = useTempDir('kpd-merge-timing-');

const row = (id: string) => [{ projectId: id, current: 10, cumulative: 1_000 }];

describe('kpd merge: due date and bulletin date from the calendar', () => {
  it.each([
    ['2026-11-1', '2026-11-12', '2026-11-13', '2026年11月13日', 21],
    ['2026-11-2', '2026-11-25', '2026-11-26', '2026年11月26日', 22],
    // 12 December 2026 is a Saturday: due the Friday before; the 13th is a Sunday: issued Monday.
    ['2026-12-1', '2026-12-11', '2026-12-14', '2026年12月14日', 23],
  ])('%s is due %s, issued %s', async (period, due, bulletinDate, zhDate, n) => {
    const dir = await scenario(tmp(), 'due');
    await writeFile(join(dir, 'x.txt'), 'x');
    const r = await runKpd(
      ['merge', 'x.txt', '--master', '总台账.xlsx', '--period', period, '--out', 'b.xlsx', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as MergeJson;
    expect([json.period, json.due, json.bulletinDate]).toEqual([period, due, bulletinDate]);
    const { grid } = readBulletin(await readFile(join(dir, 'b.xlsx')));
    const heading = grid.sheets[0]?.rows.slice(0, 2).flat();
    expect(heading).toEqual([`重点项目情况通报（第${n}期）`, expect.stringContaining(zhDate)]);
  });
});

describe('kpd merge: the time of each submission', () => {
  it('takes the e-mail Date, then the clerk’s --received time, then 填报日期, and says which', async () => {
    const dir = await scenario(tmp(), 'sources');
    // A: e-mailed on time although 填报日期 says the 13th.
    const a = await writeTemplate(
      REPORT,
      reportFill(HQ.a, row('AY-2026-101'), { fields: { filledOn: '2026-11-13' } }),
    );
    await writeFile(
      join(dir, 'a.eml'),
      mailBytes({
        from: 'a@example.cn',
        subject: 'a',
        date: 'Thu, 12 Nov 2026 21:10:00 +0800',
        attachments: [{ name: 'a.xlsx', bytes: a }],
      }),
    );
    // B: 填报日期 the 12th, but the clerk logged it on the 13th morning: late.
    await writeReport(
      dir,
      'b.xlsx',
      reportFill(HQ.b, row('AY-2026-104'), { fields: { filledOn: '2026-11-12' } }),
    );
    await writeFile(
      join(dir, '收到时间.csv'),
      '文件,收到时间\nb.xlsx,2026-11-13 08:30\nother.xlsx,2026-11-01 08:00\n',
    );
    // C: 填报日期 the 13th beats a file time of the 1st: late.
    await writeReport(
      dir,
      'c.xlsx',
      reportFill(HQ.c, row('AY-2026-106'), { fields: { filledOn: '2026-11-13' } }),
    );
    await utimes(
      join(dir, 'c.xlsx'),
      new Date('2026-11-01T09:00:00+08:00'),
      new Date('2026-11-01T09:00:00+08:00'),
    );
    const r = await merge(dir, ['a.eml', 'b.xlsx', 'c.xlsx'], ['--received', '收到时间.csv']);
    expect(r.json.submissions.map((s) => [s.hq, s.receivedAt, s.timeSource, s.late])).toEqual([
      [HQ.a, '2026-11-12 21:10:00', '邮件时间', false],
      [HQ.b, '2026-11-13 08:30:00', '登记时间', true],
      [HQ.c, '2026-11-13', '填报日期', true],
    ]);
    expect(r.json.late).toEqual([HQ.b, HQ.c]);
    // A logged name that matches no input is said, not silently skipped.
    expect(r.err).toContain('登记时间文件中的「other.xlsx」不是本次输入中的任何文件，未使用');
    const sheet = readBulletin(r.bulletin).tables.报送情况;
    expect(sheet.map((s) => [s['指挥部'], s['报送状态'], s['报送时间'], s['时间来源']])).toEqual([
      [HQ.a, '按时', '2026-11-12 21:10:00', '邮件时间'],
      [HQ.b, '迟报', '2026-11-13 08:30:00', '登记时间'],
      [HQ.c, '迟报', '2026-11-13', '填报日期'],
    ]);
    expect(sheet[1]?.['说明']).toBe('晚于报送截止 2026-11-12，通报批评');
  });

  it('falls back to the file’s modification time when nothing else is known', async () => {
    const dir = await scenario(tmp(), 'mtime');
    await writeReport(
      dir,
      'a.xlsx',
      reportFill(HQ.a, row('AY-2026-101'), { fields: { filledOn: undefined } }),
    );
    await utimes(
      join(dir, 'a.xlsx'),
      new Date('2026-11-14T09:05:00+08:00'),
      new Date('2026-11-14T09:05:00+08:00'),
    );
    await writeReport(
      dir,
      'b.xlsx',
      reportFill(HQ.b, row('AY-2026-104'), { fields: { filledOn: undefined } }),
    );
    await utimes(
      join(dir, 'b.xlsx'),
      new Date('2026-11-12T16:00:00+08:00'),
      new Date('2026-11-12T16:00:00+08:00'),
    );
    const r = await merge(dir, ['a.xlsx', 'b.xlsx']);
    expect(r.json.submissions.map((s) => [s.hq, s.receivedAt, s.timeSource, s.late])).toEqual([
      [HQ.a, '2026-11-14 09:05:00', '文件修改时间', true],
      [HQ.b, '2026-11-12 16:00:00', '文件修改时间', false],
    ]);
    expect(readBulletin(r.bulletin).tables.来源.map((s) => s['时间来源'])).toEqual([
      '文件修改时间',
      '文件修改时间',
    ]);
  });
});

describe('kpd merge: missing and unsigned', () => {
  it('lists every register HQ without a usable report as missing, and a report without 指挥长签字 as unsigned', async () => {
    const dir = await scenario(tmp(), 'missing');
    await writeReport(
      dir,
      'a.xlsx',
      reportFill(HQ.a, row('AY-2026-101'), { fields: { signature: undefined } }),
    );
    await writeFile(join(dir, 'b.xlsx'), 'not a workbook at all');
    const r = await merge(dir, ['a.xlsx', 'b.xlsx']);
    expect([r.json.missing, r.json.unsigned, r.json.late]).toEqual([[HQ.b, HQ.c], [HQ.a], []]);
    expect(r.json.submissions.map((s) => s.signed)).toEqual([false]);
    const b = readBulletin(r.bulletin);
    expect(b.tables.报送情况.map((s) => [s['指挥部'], s['指挥长'], s['报送状态'], s['指挥长签字']])).toEqual([
      [HQ.a, '王一', '按时', '未签'],
      [HQ.b, '赵三', '未报', ''],
      [HQ.c, '钱四', '未报', ''],
    ]);
    expect(b.heading('汇总').join('')).toContain(
      '本期应报送指挥部 3 个：按时 1 个，迟报 0 个，未报 2 个；未经指挥长签字 1 份',
    );
  });
});
