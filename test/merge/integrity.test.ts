import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { REPORT } from '../../src/core/schema/report.js';
import { runKpd } from '../helpers/cli.js';
import { gbkWord, mailBytes } from '../helpers/merge-mail.js';
import { fingerprint, HQ, merge, REPO, reportFill, scenario, writeReport } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import { differingParts } from '../helpers/xlsx.js';

/**
 * The merge only reads its inputs; it writes its one output through a temporary file renamed
 * into place, so nobody sees half a bulletin; the same inputs give the same bulletin.
 */
const tmp = useTempDir('kpd-merge-integrity-');
const row = (id: string) => [{ projectId: id, current: 10, cumulative: 1_000 }];

async function everyKindOfInput(): Promise<string> {
  const dir = await scenario(tmp(), 'inputs');
  await mkdir(join(dir, 'in', 'sub'), { recursive: true });
  await writeReport(join(dir, 'in', 'sub'), 'a.xlsx', reportFill(HQ.a, row('AY-2026-101')));
  const b = await writeTemplate(REPORT, reportFill(HQ.b, row('AY-2026-104')));
  await writeFile(join(dir, 'in', 'b.zip'), zipSync({ 'b.xlsx': b }));
  const c = await writeTemplate(REPORT, reportFill(HQ.c, row('AY-2026-106')));
  await writeFile(
    join(dir, 'in', 'c.eml'),
    mailBytes({
      from: `${gbkWord('钱四')} <c@x.cn>`,
      subject: 'c',
      date: 'Thu, 12 Nov 2026 09:00:00 +0800',
      attachments: [{ name: 'c.xlsx', bytes: c }],
    }),
  );
  await writeFile(join(dir, 'in', 'x.txt'), 'ignored');
  await writeFile(join(dir, '收到时间.csv'), '文件,收到时间\na.xlsx,2026-11-12 10:00\n');
  await writeFile(join(dir, '模板.xlsx'), await readFile(join(REPO, 'templates', '重点项目情况通报.xlsx')));
  return dir;
}

describe('kpd merge: inputs are only read', () => {
  it('leaves every input byte for byte and its modification time as it was', async () => {
    const dir = await everyKindOfInput();
    const before = await fingerprint(dir);
    await mkdir(join(dir, 'out'));
    const r = await merge(
      dir,
      ['in'],
      ['--received', '收到时间.csv', '--template', '模板.xlsx'],
      join('out', 'b.xlsx'),
    );
    expect(r.json.submissions).toHaveLength(3);
    const after = await fingerprint(dir);
    delete after[join('out', 'b.xlsx')];
    expect(after).toEqual(before);
  });
});

describe('kpd merge: the output is written whole or not at all', () => {
  it('writes a temporary file beside the output and renames it into place', async () => {
    const dir = await everyKindOfInput();
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    await writeFile(join(outDir, '通报.xlsx'), 'last week’s bulletin');
    const seen = new Set<string>();
    const watcher = watch(outDir, (_, name) => name && seen.add(String(name)));
    try {
      await merge(dir, ['in'], [], join('out', '通报.xlsx'));
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      watcher.close();
    }
    const temps = [...seen].filter((n) => /^通报\.xlsx\.kpd-部分写入-\d+-[0-9a-f]{8}\.tmp$/u.test(n));
    expect(temps, [...seen].join(', ')).toHaveLength(1);
    expect(await readdir(outDir)).toEqual(['通报.xlsx']);
    expect((await readFile(join(outDir, '通报.xlsx'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('leaves a previous bulletin untouched when the merge cannot run', async () => {
    const dir = await everyKindOfInput();
    await writeFile(join(dir, '通报.xlsx'), 'last week’s bulletin');
    await writeFile(join(dir, '坏总台账.xlsx'), 'not a workbook');
    const r = await runKpd(
      ['merge', 'in', '--master', '坏总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(await readFile(join(dir, '通报.xlsx'), 'utf8')).toBe('last week’s bulletin');
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const dir = await everyKindOfInput();
    await mkdir(join(dir, '通报.xlsx'));
    await writeFile(join(dir, '通报.xlsx', 'keep.txt'), 'x');
    // A folder where the file should go: the rename fails (exit 2 expected; see json.test.ts).
    await runKpd(
      ['merge', 'in', '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx'],
      dir,
    ).catch(() => undefined);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(join(dir, '通报.xlsx'))).toEqual(['keep.txt']);
  });
});

describe('kpd merge: the same inputs give the same bulletin', () => {
  it('writes identical parts (and the same --json) twice over, for the example county', async () => {
    const outDir = await mkdtemp(join(tmp(), 'twice-'));
    const inputs = [
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
      '--json',
    ];
    const before = await fingerprint(join(REPO, 'examples'));
    const first = await runKpd(['merge', ...inputs, '--out', join(outDir, '1.xlsx')], REPO);
    const second = await runKpd(['merge', ...inputs, '--out', join(outDir, '2.xlsx')], REPO);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.out).toBe(first.out);
    const [a, b] = await Promise.all([readFile(join(outDir, '1.xlsx')), readFile(join(outDir, '2.xlsx'))]);
    expect(differingParts(a, b)).toEqual([]);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(await fingerprint(join(REPO, 'examples'))).toEqual(before);
  });

  it('writes identical parts for inputs of every kind and an office template', async () => {
    const dir = await everyKindOfInput();
    const args = ['--received', '收到时间.csv', '--template', '模板.xlsx'];
    const one = await merge(dir, ['in'], args, '1.xlsx');
    const two = await merge(dir, ['in'], args, '2.xlsx');
    expect(differingParts(one.bulletin, two.bulletin)).toEqual([]);
    expect(two.json).toEqual(one.json);
  });

  it('gives the same bulletin whatever order the inputs are named in', async () => {
    const dir = REPO;
    const folder = 'examples/reports/2026-11-1';
    const files = (await readdir(join(REPO, folder))).sort().map((f) => join(folder, f));
    const outDir = await mkdtemp(join(tmp(), 'order-'));
    const run = async (inputs: string[], out: string) => {
      const r = await runKpd(
        [
          'merge',
          ...inputs,
          '--master',
          'examples/总台账.xlsx',
          '--period',
          '2026-11-1',
          '--json',
          '--out',
          join(outDir, out),
        ],
        dir,
      );
      expect(r.code).toBe(0);
      return { json: r.out, bytes: await readFile(join(outDir, out)) };
    };
    const forward = await run(files, 'a.xlsx');
    const backward = await run([...files].reverse(), 'b.xlsx');
    expect(backward.json).toBe(forward.json);
    expect(differingParts(forward.bytes, backward.bytes)).toEqual([]);
  });
});
