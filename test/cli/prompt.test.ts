import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKpd } from '../helpers/cli.js';
import { fingerprint } from '../helpers/merge-world.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * A mistake at the prompt is exit 2, a sentence saying what to do, and no document: a path that
 * does not exist, a period not written exactly, an output that would land on an input — for
 * every command.
 */
const tmp = useTempDir('kpd-prompt-');
let dir = '';
let before: Record<string, string> = {};

const MERGE = ['reports', '--master', '总台账.xlsx', '--period', '2026-11-1'];

beforeAll(async () => {
  dir = tmp();
  await cp(repoPath('examples', '总台账.xlsx'), join(dir, '总台账.xlsx'));
  await cp(repoPath('examples', 'reports', '2026-11-1'), join(dir, 'reports'), { recursive: true });
  await cp(repoPath('examples', 'topics'), join(dir, 'topics'), { recursive: true });
  await writeFile(join(dir, '节假日.csv'), '日期,类型,说明\n2026-11-10,休,本县放假\n');
  await writeFile(join(dir, '登记.csv'), '文件,收到时间\n');
  await mkdir(join(dir, 'out'));
  // A bulletin to import, made by a run that is right.
  const ok = await runKpd(['merge', ...MERGE, '--out', 'out/通报.xlsx'], dir);
  expect(ok.code, ok.err).toBe(0);
  await cp(join(dir, 'out', '通报.xlsx'), join(dir, '通报.xlsx'));
  before = await fingerprint(dir);
}, 120_000);

describe.each([
  // [what, argv, the sentence]
  [
    'merge: a mistyped folder',
    ['merge', 'reports-typo', ...MERGE.slice(1), '--out', 'o.xlsx'],
    /找不到「reports-typo」：没有这个文件或文件夹/u,
  ],
  [
    'merge: a period without its half',
    ['merge', ...MERGE.slice(0, 4), '2026-11', '--out', 'o.xlsx'],
    /请写 2026-11-1（上半月）或 2026-11-2（下半月）/u,
  ],
  [
    'merge: a period in words',
    ['merge', ...MERGE.slice(0, 4), '2026年11月', '--out', 'o.xlsx'],
    /请写 2026-11-1（上半月）或 2026-11-2（下半月）/u,
  ],
  [
    'merge: --out is the --template',
    ['merge', ...MERGE, '--template', '通报.xlsx', '--out', '通报.xlsx'],
    /就是输入文件「.*通报\.xlsx」/u,
  ],
  [
    'merge: --out is the --holidays file',
    ['merge', ...MERGE, '--holidays', '节假日.csv', '--out', '节假日.csv'],
    /应以 \.xlsx 结尾|就是输入文件/u,
  ],
  [
    'merge: --out is the --received file',
    ['merge', ...MERGE, '--received', '登记.csv', '--out', '登记.csv'],
    /应以 \.xlsx 结尾|就是输入文件/u,
  ],
  [
    'merge: --out replaces a report in an input folder',
    ['merge', ...MERGE, '--out', 'reports/new.xlsx'],
    /在输入文件夹「.*reports」中/u,
  ],
  [
    'merge: a missing --template',
    ['merge', ...MERGE, '--template', 'nope.xlsx', '--out', 'o.xlsx'],
    /找不到「nope\.xlsx」/u,
  ],
  [
    'merge: a missing --holidays',
    ['merge', ...MERGE, '--holidays', 'nope.csv', '--out', 'o.xlsx'],
    /找不到「nope\.csv」/u,
  ],
  [
    'agenda: a mistyped folder',
    ['agenda', 'topic', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', 'o.xlsx'],
    /找不到「topic」/u,
  ],
  [
    'agenda: --out inside an input folder',
    ['agenda', 'topics', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', 'topics/议程.xlsx'],
    /在输入文件夹「.*topics」中/u,
  ],
  [
    'agenda: --out is the master',
    ['agenda', 'topics', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '总台账.xlsx'],
    /就是输入文件「.*总台账\.xlsx」/u,
  ],
  [
    'score: a quarter that is not one',
    ['score', '总台账.xlsx', '--period', '2026Q5', '--out', 'o.xlsx'],
    /考评期「2026Q5」无法识别：请写如 2026Q3（季度）或 2026H2（半年）/u,
  ],
  [
    'score: a half-month period',
    ['score', '总台账.xlsx', '--period', '2026-11-1', '--out', 'o.xlsx'],
    /考评期「2026-11-1」无法识别/u,
  ],
  [
    'score: a master that does not exist',
    ['score', '总台账2.xlsx', '--period', '2026Q3', '--out', 'o.xlsx'],
    /找不到「总台账2\.xlsx」/u,
  ],
  [
    'score: --out is the master',
    ['score', '总台账.xlsx', '--period', '2026Q3', '--out', '总台账.xlsx'],
    /--out 不能与总台账是同一个文件/u,
  ],
  [
    'ledger import: a bulletin that does not exist',
    ['ledger', 'import', '通报2.xlsx', '--into', '总台账.xlsx', '--out', 'o.xlsx'],
    /找不到「通报2\.xlsx」/u,
  ],
  [
    'ledger import: a period without its half',
    ['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--period', '2026-11', '--out', 'o.xlsx'],
    /请写 2026-11-1（上半月）或 2026-11-2（下半月）/u,
  ],
  [
    'ledger import: --out is the bulletin',
    ['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', '通报.xlsx'],
    /就是输入文件「.*通报\.xlsx」/u,
  ],
  ['validate: a path that does not exist', ['validate', 'reports-typo'], /找不到文件/u],
  [
    'validate: a --master that does not exist',
    ['validate', 'reports', '--master', 'nope.xlsx'],
    /找不到文件/u,
  ],
  ['deadlines: no year', ['deadlines', 'next'], /请给出年份/u],
  [
    'deadlines: a missing --holidays',
    ['deadlines', '2026', '--holidays', 'nope.csv'],
    /无法读取节假日文件「.*nope\.csv」/u,
  ],
  ['templates: --out is a file', ['templates', '--out', '总台账.xlsx'], /无法写入「总台账\.xlsx」/u],
] as const)('%s', (_, argv, sentence) => {
  it('exits 2 with the sentence, writes nothing and leaves every input alone', async () => {
    const r = await runKpd(argv, dir);
    expect(r.code, r.err + r.out).toBe(2);
    expect(r.err + r.out).toMatch(sentence);
    expect(await fingerprint(dir)).toEqual(before);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n === 'o.xlsx')).toEqual([]);
  });
});

describe('the same in English', () => {
  it('says a missing path and a period without its half in English with --lang en', async () => {
    const a = await runKpd(
      ['merge', 'reports-typo', ...MERGE.slice(1), '--out', 'o.xlsx', '--lang', 'en'],
      dir,
    );
    expect([a.code, a.err]).toEqual([
      2,
      expect.stringMatching(/^Cannot find "reports-typo": no such file or folder/u),
    ]);
    const b = await runKpd(
      ['merge', ...MERGE.slice(0, 4), '2026-11', '--out', 'o.xlsx', '--lang', 'en'],
      dir,
    );
    expect(b.err).toMatch(/write 2026-11-1 \(first half\) or 2026-11-2 \(second half\)/u);
  });
});
