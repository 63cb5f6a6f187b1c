import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKpd } from '../helpers/cli.js';
import { HQ, merge, reportFill, scenario, visitsOf, writeReport } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/** kpd merge --json: the exact shape of issue #4, and the exit codes (0 written, 2 not). */
const tmp = useTempDir('kpd-merge-json-');
const shapes = (xs: readonly object[]): string[] => [...new Set(xs.map((x) => Object.keys(x).join(',')))];
let dir = '';

beforeAll(async () => {
  dir = await scenario(tmp(), 'json');
  await mkdir(join(dir, 'in'));
  await writeReport(
    join(dir, 'in'),
    'a.xlsx',
    reportFill(
      HQ.a,
      [
        { projectId: 'AY-2026-101', current: 500, cumulative: 10_500 },
        { projectId: 'AY-2026-102', current: 300, cumulative: 6_000 },
        { projectId: 'AY-2026-199', current: 1, cumulative: 2 },
      ],
      { visits: visitsOf(HQ.a), fields: { signature: undefined, filledOn: '2026-11-13' } },
    ),
  );
  await writeFile(join(dir, 'in', 'readme.txt'), '说明');
  await mkdir(join(dir, 'nodir-but-a-folder'));
  await writeFile(join(dir, 'nodir-but-a-folder', 'keep.txt'), 'x');
});

describe('kpd merge --json', () => {
  it('has exactly the keys of issue #4, in order', async () => {
    const { json, code, out } = await merge(dir, ['in']);
    expect(code).toBe(0);
    expect(out.endsWith('}\n')).toBe(true);
    expect(Object.keys(json)).toEqual([
      'period',
      'due',
      'bulletinDate',
      'submissions',
      'missing',
      'late',
      'unsigned',
      'rows',
      'rejected',
      'behindSchedule',
      'siteVisitShortfalls',
      // Issue #12: the visits left to the next bulletin, and the warnings that travel with the
      // document (a year without holiday data, an earlier period not imported).
      'siteVisitsNextPeriod',
      'ignored',
      'calendar',
      'warnings',
    ]);
    expect(shapes(json.submissions)).toEqual(['hq,file,receivedAt,timeSource,late,signed,replaced']);
    expect(shapes([json.rows])).toEqual(['in,merged,rejected']);
    expect(shapes(json.rejected)).toEqual(['file,sheet,cell,code,message']);
    expect(shapes(json.behindSchedule)).toEqual(['projectId,reasons']);
    expect(shapes(json.siteVisitShortfalls)).toEqual(['hq,person,week,visits,fromEarlier']);
    expect(shapes(json.ignored)).toEqual(['file,reason']);
  });

  it('carries the values a clerk acts on', async () => {
    const { json } = await merge(dir, ['in']);
    expect(json).toEqual({
      period: '2026-11-1',
      due: '2026-11-12',
      bulletinDate: '2026-11-13',
      submissions: [
        {
          hq: HQ.a,
          file: join('in', 'a.xlsx'),
          receivedAt: '2026-11-13',
          timeSource: '填报日期',
          late: true,
          signed: false,
          replaced: false,
        },
      ],
      missing: [HQ.b, HQ.c],
      late: [HQ.a],
      unsigned: [HQ.a],
      rows: { in: 14, merged: 13, rejected: 1 },
      rejected: [
        {
          file: join('in', 'a.xlsx'),
          sheet: '进展情况',
          cell: expect.stringMatching(/^A\d+$/u) as unknown as string,
          code: 'ref.project',
          message: '项目编号「AY-2026-199」不在「项目登记」中。请先登记项目或更正编号。',
        },
      ],
      behindSchedule: [
        {
          projectId: 'AY-2026-102',
          reasons: ['投资完成率 75.0%，低于序时进度 87.5%（差 12.5 个百分点）'],
        },
        { projectId: 'AY-2026-106', reasons: ['节点1「闸坝主体完工」计划 2026-10-20 完成，逾期未完成'] },
      ],
      siteVisitShortfalls: [{ hq: HQ.a, person: '李二', week: '2026-11-02', visits: 1, fromEarlier: 0 }],
      siteVisitsNextPeriod: 0,
      ignored: [{ file: join('in', 'readme.txt'), reason: '不是 .xlsx 工作簿（.txt），已忽略' }],
      calendar: [
        {
          code: 'calendar.basisBuiltin',
          severity: 'info',
          message: '2026 年按国务院办公厅放假安排（内置数据）。',
        },
      ],
      // This master has no ledgers: the week 10-19, which 2026-10-2's report could log, is said.
      warnings: [
        {
          code: 'siteWork.earlierNotImported',
          severity: 'warning',
          message:
            '上期（2026年10月）的通报尚未导入总台账：跨两期的 2026-10-19 至 2026-10-25 这一周只计入本期报表所记的现场办公。请先导入上期通报（「导入台账」或 kpd ledger import），再重新汇总本期。',
        },
      ],
    });
  });
});

describe('kpd merge: exit codes', () => {
  const run = (args: readonly string[]) => runKpd(['merge', ...args], dir);
  const base = ['in', '--master', '总台账.xlsx', '--period', '2026-11-1'];

  it('exits 0 when the bulletin was written, late, missing and rejected rows included', async () => {
    const r = await run([...base, '--out', 'ok.xlsx']);
    expect([r.code, existsSync(join(dir, 'ok.xlsx'))]).toEqual([0, true]);
    expect(r.out).toContain('迟报');
  });

  it('creates the folder of --out when it does not exist yet', async () => {
    const r = await run([...base, '--out', join('新建', '通报.xlsx')]);
    expect([r.code, existsSync(join(dir, '新建', '通报.xlsx'))]).toEqual([0, true]);
  });

  it.each([
    ['no --master', ['in', '--period', '2026-11-1', '--out', 'x.xlsx'], /缺少 --master/u],
    [
      'a master that does not exist',
      ['in', '--master', 'nope.xlsx', '--period', '2026-11-1', '--out', 'x.xlsx'],
      /总台账「.*nope\.xlsx」无法使用：找不到文件/u,
    ],
    [
      'an unreadable master',
      ['in', '--master', 'in/readme.txt', '--period', '2026-11-1', '--out', 'x.xlsx'],
      /无法使用：不是 Excel 工作簿/u,
    ],
    ['no --out', [...base], /缺少 --out/u],
    ['no --period', ['in', '--master', '总台账.xlsx', '--out', 'x.xlsx'], /请用 --period 给出报告期/u],
    [
      'a quarter for a period',
      [...base.slice(0, 4), '2026Q3', '--out', 'x.xlsx'],
      /报告期「2026Q3」无法识别：请写如 2026-11-1（上半月）或 2026-11-2（下半月）/u,
    ],
    ['month 13', [...base.slice(0, 4), '2026-13-1', '--out', 'x.xlsx'], /报告期「2026-13-1」无法识别/u],
    [
      'a month without its half',
      [...base.slice(0, 4), '2026-11', '--out', 'x.xlsx'],
      /报告期「2026-11」写法不对：请写 2026-11-1（上半月）或 2026-11-2（下半月）。/u,
    ],
    [
      'a mistyped input folder',
      ['in-typo', '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', 'x.xlsx'],
      /找不到「in-typo」：没有这个文件或文件夹/u,
    ],
    [
      'no inputs',
      ['--master', '总台账.xlsx', '--period', '2026-11-1', '--out', 'x.xlsx'],
      /请给出要汇总的文件或文件夹/u,
    ],
    [
      'an unknown option',
      [...base, '--out', 'x.xlsx', '--frobnicate'],
      /不认识的选项 --frobnicate。kpd merge 的用法：/u,
    ],
    ['--out equal to the master', [...base, '--out', '总台账.xlsx'], /就是输入文件「.*总台账\.xlsx」/u],
    ['--out equal to an input folder', [...base, '--out', 'in'], /--out「in」是一个文件夹/u],
    [
      '--out equal to an input file',
      ['in/a.xlsx', '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', './in/../in/a.xlsx'],
      /就是输入文件「.*a\.xlsx」，写出会把它覆盖/u,
    ],
  ])('exits 2 for %s, and writes nothing', async (_, args, message) => {
    const r = await run(args);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('kpd merge 输入...');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  // Regression (was a bug, fixed): src/cli/commands/merge.ts mergeCommand compares --out only with the paths given on the
  // command line, not with the files found inside a folder input: `kpd merge in --out in/a.xlsx`
  // exits 0 and overwrites the report in/a.xlsx with the bulletin. Expected: exit 2, input untouched.
  it('exits 2 for --out equal to a file inside an input folder, and leaves that report alone', async () => {
    const before = await readFile(join(dir, 'in', 'a.xlsx'));
    const r = await run([...base, '--out', 'in/a.xlsx']);
    const after = await readFile(join(dir, 'in', 'a.xlsx'));
    if (!before.equals(after)) await writeFile(join(dir, 'in', 'a.xlsx'), before); // keep the scenario intact
    expect(before.equals(after)).toBe(true);
    expect(r.code).toBe(2);
  });

  // Regression (was a bug, fixed): src/cli/commands/merge.ts mergeCommand reads --template, --received and writes --out
  // without catching ENOENT: `--template nofile.xlsx` and `--received nofile.csv` make main()
  // reject with a raw ENOENT Error (the process prints "程序内部错误" and exits 3); `--out` naming
  // an existing folder rejects with EISDIR from writeAtomic's rename. Expected: exit 2 with a
  // Chinese message naming the file.
  it.each([
    ['--template nofile.xlsx', [...base, '--out', 'x.xlsx', '--template', 'nofile.xlsx']],
    ['--received nofile.csv', [...base, '--out', 'x.xlsx', '--received', 'nofile.csv']],
    ['--out naming an existing folder', [...base, '--out', 'nodir-but-a-folder']],
  ])('exits 2 with a Chinese message for %s', async (_, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nofile|nodir/u);
  });
});
