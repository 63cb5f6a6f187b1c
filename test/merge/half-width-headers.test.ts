import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECTS } from '../../src/core/schema/master.js';
import { PROGRESS } from '../../src/core/schema/report.js';
import { runKpd } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * The forms now print 「年度计划投资（万元）」 with full-width brackets; the reports and masters
 * the HQs filled in on the older templates say 「年度计划投资(万元)」. Both are read alike: the
 * same example reports and master, their headers rewritten to the old spelling by openpyxl (as
 * an older template filled in another program would be), give the same merge.
 */
const PY = '/usr/bin/python3';
const python = requireTool(PY);
const tmp = useTempDir('kpd-half-width-');

/** Every header cell with full-width brackets written back with half-width ones, by openpyxl. */
function oldSpelling(from: string, to: string): number {
  const script = `
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value in sys.argv[3:]:
                c.value = c.value.replace('（', '(').replace('）', ')')
                n += 1
wb.save(sys.argv[2])
print(n)
`;
  const headers = [...PROJECTS.columns, ...PROGRESS.columns]
    .map((c) => c.header)
    .filter((h) => h.includes('（'));
  return Number(execFileSync(PY, ['-c', script, from, to, ...headers], { encoding: 'utf8' }).trim());
}

python.describe('half-width brackets in the headers of older forms', () => {
  python.it('reads an old-spelling master and old-spelling reports as the current ones', async () => {
    const reports = repoPath('examples', 'reports', '2026-11-1');
    const files = (await readdir(reports)).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(3);
    let rewritten = 0;
    for (const side of ['new', 'old'] as const) {
      const dir = join(tmp(), side);
      await mkdir(join(dir, 'reports'), { recursive: true });
      const master = repoPath('examples', '总台账.xlsx');
      if (side === 'new') await copyFile(master, join(dir, '总台账.xlsx'));
      else rewritten += oldSpelling(master, join(dir, '总台账.xlsx'));
      for (const f of files) {
        if (side === 'new') await copyFile(join(reports, f), join(dir, 'reports', f));
        else rewritten += oldSpelling(join(reports, f), join(dir, 'reports', f));
      }
    }
    // 项目登记 (2 headers) and every report's 进展情况 (3 headers) were written the old way.
    expect(rewritten).toBeGreaterThanOrEqual(2 + 3 * files.length);
    const merge = (side: string) =>
      runKpd(
        [
          'merge',
          'reports',
          '--master',
          '总台账.xlsx',
          '--period',
          '2026-11-1',
          '--out',
          '通报.xlsx',
          '--json',
        ],
        join(tmp(), side),
      );
    const current = await merge('new');
    const old = await merge('old');
    expect(current.code).toBe(0);
    expect(old.code).toBe(0);
    const now = JSON.parse(current.out) as { rows: { merged: number }; rejected: unknown[] };
    expect(now.rows.merged).toBeGreaterThan(0);
    expect(JSON.parse(old.out)).toEqual(now);
    expect(old.err).toBe(current.err);
  });
});
