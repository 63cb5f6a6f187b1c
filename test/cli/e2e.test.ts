import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT } from '../../src/core/schema/report.js';
import { parseValidateJson } from '../helpers/cli.js';
import { OLD_XLS, writeFilled } from '../helpers/files.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/** One real process: the installed entry point, built code, exit code and streams as a shell sees them. */
const tmp = useTempDir('kpd-e2e-');
const BUILT = repoPath('dist', 'cli', 'run.js');

function node(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd, env: { ...process.env, KPD_LANG: 'zh' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('node bin/kpd.js (end to end)', () => {
  it('validates a good report and an old .xls in one run: exit 2, both in the JSON', async (ctx) => {
    if (!existsSync(BUILT)) ctx.skip('dist/ is missing: run `npm run build` first (npm test does)');
    const dir = tmp();
    await writeFilled(dir, '报表.xlsx', REPORT, {
      rows: { progress: [{ projectId: 'AY-2026-001', current: 100, cumulative: 200 }] },
      fields: {
        progress: {
          reporter: '甲指挥部',
          period: '2026年11月上半月',
          filledOn: '2026-11-11',
          signature: '王',
        },
      },
    });
    await writeFile(join(dir, '旧表.xls'), OLD_XLS());
    const r = await node([repoPath('bin', 'kpd.js'), 'validate', '报表.xlsx', '旧表.xls', '--json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(2);
    expect(
      parseValidateJson(r.out).files.map((f) => [f.file, f.template, f.version, f.issues.map((i) => i.code)]),
    ).toEqual([
      ['报表.xlsx', '重点项目半月进展报表', 1, []],
      ['旧表.xls', null, null, ['file.xls']],
    ]);
  });
});
