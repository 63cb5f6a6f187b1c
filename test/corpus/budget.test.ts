import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCliMissing, runKpdChild, type ChildRun } from '../helpers/child.js';
import { fingerprint, type MergeJson } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import {
  corpusMaster,
  hugeTemplate,
  ignoreCodeOf,
  manyFindings,
  MEDIUM_BUDGET_MB,
  writeMediumArchives,
} from './hostile.js';

/**
 * The run's one budget, and the sizes that used to hurt: medium archives side by side pass it
 * together (the third is not read, and says why); a report with 130,000 findings is listed in
 * text mode without a crash; a --template with an entry of 1 GiB is refused, not copied.
 */
const tmp = useTempDir('kpd-budget-');
let dir = '';
let medium: ChildRun;
let findings: ChildRun;
let before: Record<string, string> = {};

beforeAll(async () => {
  if (builtCliMissing()) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  dir = join(tmp(), 'budget');
  await mkdir(dir);
  await writeFile(join(dir, '总台账.xlsx'), await corpusMaster());
  await writeMediumArchives(join(dir, 'medium'));
  await mkdir(join(dir, 'many'));
  await writeFile(join(dir, 'many', '130k.xlsx'), manyFindings(65_000));
  await writeFile(join(dir, '模板.xlsx'), hugeTemplate());
  before = await fingerprint(dir);
  medium = await runKpdChild(
    ['merge', 'medium', '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', 'out/a.xlsx', '--json'],
    dir,
    { KPD_BUDGET_MB: String(MEDIUM_BUDGET_MB) },
  );
  findings = await runKpdChild(['validate', 'many'], dir);
}, 180_000);

describe('one budget for the whole run', () => {
  it('medium archives side by side: the ones within the budget are read, the rest listed as over it', () => {
    expect(medium.code, medium.err).toBe(0);
    const json = JSON.parse(medium.out) as MergeJson;
    const over = json.ignored.filter((x) => ignoreCodeOf(x.reason) === 'input.runBudget').map((x) => x.file);
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((f) => f.startsWith(join('medium', '中等压缩包3.zip')))).toBe(true);
    // The first two were read: their entries are no workbooks, refused one by one.
    expect(json.rejected.map((r) => r.file)).toContain(join('medium', '中等压缩包1.zip') + ' › 填报1a.xlsx');
    expect(json.ignored.find((x) => ignoreCodeOf(x.reason) === 'input.runBudget')?.reason).toMatch(
      /^本次输入的文件合计超过 40 MB 的上限，此文件未读取/u,
    );
  });

  it('a report with 130,000 findings: text mode lists them all, exit 1, in bounded memory', () => {
    expect(findings.timedOut).toBe(false);
    expect(findings.err).not.toMatch(/Maximum call stack|程序内部错误/u);
    expect(findings.code).toBe(1);
    expect(findings.maxRssMb).toBeLessThan(700);
    expect(findings.out).toMatch(/130000 个错误/u);
  });

  it('a --template with an entry of 1 GiB is refused before anything is written (exit 2)', async () => {
    const r = await runKpdChild(
      [
        'merge',
        'many',
        '--master',
        '总台账.xlsx',
        '--period',
        '2026-11-1',
        '--template',
        '模板.xlsx',
        '--out',
        'out/b.xlsx',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^通报模板「模板\.xlsx」无法使用：文件解压后异常庞大/u);
    expect(r.maxRssMb).toBeLessThan(300);
  });

  it('leaves every input as it was', async () => {
    const after = await fingerprint(dir);
    for (const k of Object.keys(after)) if (k.startsWith('out')) delete after[k];
    expect(after).toEqual(before);
  });
});
