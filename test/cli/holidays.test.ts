import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { parseCsv } from '../../src/core/values/csv.js';
import { runKpd } from '../helpers/cli.js';
import { records } from '../helpers/merge-results.js';
import { smallMaster, type MergeJson } from '../helpers/merge-world.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * 2027 (DOMAIN §3): the built-in data has no 2027. The warning travels with the documents, and
 * `kpd holidays import` turns the State Council's notice into 节假日 rows. The 2027 notice below
 * is made up for the test (the real one is not out yet); its dates are checked like a real one.
 */
const NOTICE_2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
  '二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。',
].join('\n');

const tmp = useTempDir('kpd-cli-holidays-');
let dir = '';
const text = async (f: string) => readFile(join(dir, f), 'utf8');

beforeAll(async () => {
  dir = tmp();
  await writeFile(join(dir, '总台账.xlsx'), await smallMaster());
  await writeFile(join(dir, '通知2027.txt'), NOTICE_2027);
  await writeFile(
    join(dir, '通知2026.txt'),
    await readFile(repoPath('test', 'fixtures', 'holiday-notices', '2026.txt')),
  );
  // GBK, as a notice saved from a Chinese Windows editor often is: 2027's, with one wrong weekday.
  await writeFile(
    join(dir, '有误.txt'),
    NOTICE_2027.replace('1月1日（周五）', '1月1日（周四）').replace('共8天', '共9天'),
  );
  await mkdir(join(dir, '报表'));
});

describe('kpd holidays import', () => {
  it('writes the notice’s days into 节假日 of a copy of the master, says what it read, and a CSV', async () => {
    const r = await runKpd(
      [
        'holidays',
        'import',
        '通知2027.txt',
        '--into',
        '总台账.xlsx',
        '--out',
        '总台账2027.xlsx',
        '--csv',
        '节假日2027.csv',
      ],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('元旦：2027-01-01 至 2027-01-03 放假，共 3 天；不调休。');
    expect(r.out).toContain(
      '春节：2027-02-05 至 2027-02-12 放假，共 8 天；调休上班 2027-02-14、2027-02-20。',
    );
    expect(r.out).toContain('读取 2027 年放假安排 2 项：放假 11 天，调休上班 2 天。');
    expect(r.out).toContain('已生成 总台账2027.xlsx：「节假日」表写入 2027 年放假 11 天、调休上班 2 天');
    const rows = records(
      readXlsx(await readFile(join(dir, '总台账2027.xlsx'))).workbook,
      '节假日',
      '日期',
    ).filter((x) => x['类型'] === '休' || x['类型'] === '班');
    expect(rows.map((x) => x['类型']).join('')).toBe('休休休休休休休休休休休班班');
    expect(rows[0]?.['说明']).toBe('元旦');
    const csv = parseCsv(await text('节假日2027.csv'));
    expect(csv[0]).toEqual(['日期', '类型', '说明']);
    expect(csv.slice(1).map((x) => x.slice(0, 2).join(''))).toContain('2027-02-20班');
    expect(csv).toHaveLength(14);
  });

  it('refuses a notice with errors in Chinese, line by line, and writes nothing (exit 1)', async () => {
    const r = await runKpd(['holidays', 'import', '有误.txt', '--csv', '有误.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误：第 2 行：2027-01-01 是星期五，通知中写的是“周四”。');
    expect(r.out).toContain('错误：第 3 行：春节 2027-02-05 至 2027-02-12 是 8 天，通知写的是共 9 天。');
    expect(r.err).toContain('通知有 2 处问题（见上），没有写入任何文件。');
    expect(existsSync(join(dir, '有误.csv'))).toBe(false);
  });

  it('says a wrong year, a missing output and a wrong --year in Chinese (exit 2)', async () => {
    const wrong = await runKpd(
      ['holidays', 'import', '通知2026.txt', '--year', '2027', '--csv', 'x.csv'],
      dir,
    );
    expect([wrong.code, wrong.out]).toEqual([
      1,
      expect.stringContaining('给出的年份是 2027 年，通知写的是 2026 年'),
    ]);
    const none = await runKpd(['holidays', 'import', '通知2027.txt'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请说明写到哪里');
    const bad = await runKpd(['holidays', 'import', '通知2027.txt', '--year', '27', '--csv', 'x.csv'], dir);
    expect([bad.code, bad.err.split('\n')[0]]).toEqual([2, '--year 应是四位年份，如 2027，而不是「27」。']);
    const missing = await runKpd(['holidays', 'import', '没有.txt', '--csv', 'x.csv'], dir);
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([
      2,
      '无法读取通知文件「没有.txt」：文件不存在或无权读取。请把通知全文另存为 .txt 文件后再导入。',
    ]);
  });

  it('speaks English when asked, the sheet names staying Chinese', async () => {
    const r = await runKpd(['holidays', 'import', '通知2027.txt', '--csv', 'en.csv', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read 2 holiday items of 2027: 11 rest days and 2 make-up working days.');
  });
});

describe('2027 in the documents', () => {
  const merge = async (master: string, out: string) => {
    const r = await runKpd(
      ['merge', '报表', '--master', master, '--period', '2027-01-1', '--out', out, '--json'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as MergeJson & {
      warnings: { code: string; message: string }[];
      calendar: { code: string }[];
    };
    const first =
      readXlsx(await readFile(join(dir, out)))
        .workbook.sheets[0]?.rows.flat()
        .join('') ?? '';
    return { json, first, err: r.err };
  };

  it('puts the loud warning on the bulletin’s first sheet and in --json, and marks the due date unchecked', async () => {
    const b = await merge('总台账.xlsx', '通报2027.xlsx');
    expect(b.json.warnings.map((w) => w.code)).toContain('calendar.yearMissing');
    expect(b.first).toContain('节假日依据：没有 2027 年的法定节假日和调休数据：只按周末推算');
    expect(b.first).toContain('报送截止 2027年1月12日（未核对节假日）');
  });

  it('says after the import that the office’s 2027 days are used, and the due date is plain', async () => {
    const b = await merge('总台账2027.xlsx', '通报2027-导入后.xlsx');
    // (This small master has no ledgers: 2026-12-2 not imported is said too.)
    expect(b.json.warnings.map((w) => w.code)).toEqual([
      'calendar.yearOfficeOnly',
      'siteWork.earlierNotImported',
    ]);
    expect(b.first).toContain('只用了「节假日」表或 --holidays 文件中录入的 13 天');
    expect(b.first).toContain('报送截止 2027年1月12日）');
  });

  it('carries it on the agenda’s first sheet and in its --json', async () => {
    const r = await runKpd(
      ['agenda', '--master', '总台账.xlsx', '--meeting', '2027-01-09', '--out', '议程2027.xlsx', '--json'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { warnings: { code: string }[] };
    expect(json.warnings.map((w) => w.code)).toEqual(['calendar.yearMissing']);
    const first =
      readXlsx(await readFile(join(dir, '议程2027.xlsx')))
        .workbook.sheets[0]?.rows.flat()
        .join('') ?? '';
    expect(first).toContain('节假日依据：没有 2027 年的法定节假日和调休数据');
  });

  it('refuses to rank 2027Q1, which has no data yet (exit 2, nothing written)', async () => {
    const r = await runKpd(['score', '总台账.xlsx', '--period', '2027Q1', '--out', '排名2027.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2027Q1（2027-01-01 至 2027-03-31）没有可考评的数据');
    expect(existsSync(join(dir, '排名2027.xlsx'))).toBe(false);
  });
});
