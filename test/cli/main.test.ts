import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { runKpd } from '../helpers/cli.js';
import { useTempDir } from '../helpers/tmp.js';

const tmp = useTempDir('kpd-cli-main-');

describe('kpd (the command line)', () => {
  it('prints its usage in Chinese, exit 2 without a command and 0 when asked', async () => {
    const none = await runKpd([], tmp());
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/^重点项目推进助手（kpd）/u);
    for (const cmd of ['kpd templates', 'kpd validate', 'kpd deadlines']) expect(none.out).toContain(cmd);
    expect((await runKpd(['--help'], tmp())).code).toBe(0);
    expect((await runKpd(['help'], tmp())).code).toBe(0);
  });

  it('says its version', async () => {
    const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V', 'version'])
      expect(await runKpd([flag], tmp())).toEqual({ code: 0, out: `kpd ${version}\n`, err: '' });
  });

  it('names an unknown command in one line, exit 2', async () => {
    const r = await runKpd(['merge-all'], tmp());
    expect(r).toEqual({ code: 2, out: '', err: '没有 merge-all 这个命令。全部命令见 kpd help。\n' });
  });

  it('shows a command’s usage with --help', async () => {
    const r = await runKpd(['validate', '--help'], tmp());
    expect([r.code, r.out.startsWith('kpd validate')]).toEqual([0, true]);
  });

  it('explains a wrong option instead of crashing, exit 2', async () => {
    const r = await runKpd(['deadlines', '2026', '--frobnicate'], tmp());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^不认识的选项 --frobnicate。kpd deadlines 的用法：\n\nkpd deadlines YEAR/u);
  });

  it('says what is missing in the person’s language', async () => {
    expect((await runKpd(['validate'], tmp())).err).toMatch(/^请给出要检查的文件。/u);
    const en = await runKpd(['validate', '--lang', 'en'], tmp());
    expect([en.code, en.err.split('\n')[0]]).toEqual([2, 'Give the files to check.']);
    const env = await runKpd(['deadlines'], tmp(), { KPD_LANG: 'en' });
    expect(env.err).toMatch(/^Give a year, e\.g\. kpd deadlines 2026/u);
  });
});
