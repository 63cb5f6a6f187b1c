import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { readMaster } from '../../src/core/master/read.js';
import { BULLETIN } from '../../src/core/schema/bulletin.js';
import { MASTER } from '../../src/core/schema/master.js';
import { runKpd } from '../helpers/cli.js';
import { REPO_ROOT, repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * `kpd merge … --lang en` and `kpd ledger import … --lang en` print English: what stays Chinese
 * is names — units and HQs, people, sheets and files (quoted or as paths), the register's
 * vocabulary offered as choices.
 */
const CJK = /[\u3400-\u9fff]/u;
const tmp = useTempDir('kpd-merge-en-');

/** The names of the example county: HQs, units, people, projects. */
async function countyNames(): Promise<string[]> {
  const m = readMaster(readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook).data;
  const names = [
    ...m.projects.flatMap((p) => Object.values(p.record).filter((v): v is string => typeof v === 'string')),
    ...[...BULLETIN.sheets, ...MASTER.sheets].map((s) => s.name),
  ];
  return [...new Set(names)].filter((n) => CJK.test(n)).sort((a, b) => b.length - a.length);
}

/** The lines with Chinese left once names are taken out. */
function chineseLeft(text: string, names: readonly string[]): string[] {
  return text.split('\n').flatMap((line) => {
    let l = line
      .replace(/「[^」]*」|'[^']*'!|"[^"]*"|“[^”]*”/gu, '')
      .replace(/\S*(?:\/|\.xlsx|\.eml|\.docx)\S*/gu, '');
    for (const n of names) l = l.split(n).join('');
    // A list of the register's choices after "one of:" (指挥长、成员) names the choices as typed.
    l = l.replace(/one of: [^;]*;/u, '');
    // Week spans in a bulletin note are j4's (core/bulletin params still carry 至).
    l = l.replace(/\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d/gu, '');
    return CJK.test(l) ? [line] : [];
  });
}

describe('kpd merge and kpd ledger import --lang en', () => {
  it('say everything in English but names', async () => {
    const names = await countyNames();
    const out = join(tmp(), 'b.xlsx');
    const args = ['--master', 'examples/总台账.xlsx', '--period', '2026-11-1', '--out', out];
    const merged = await runKpd(['merge', ...args, 'examples/reports/2026-11-1', '--lang', 'en'], REPO_ROOT);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/^Key project bulletin no\. 21 \(2026-11-1, due 2026-11-12/u);
    expect(merged.out).toContain('Rows: received = merged + not merged');
    expect(merged.out).toMatch(/on time +\S+ +form date/u);
    expect(chineseLeft(merged.out + merged.err, names)).toEqual([]);

    const zh = await runKpd(['merge', ...args, 'examples/reports/2026-11-1'], REPO_ROOT);
    expect(zh.out).toContain('数据行：收到 = 并入 + 未并入');

    const ledger = await runKpd(
      [
        'ledger',
        'import',
        out,
        '--into',
        'examples/总台账.xlsx',
        '--out',
        join(tmp(), 'm.xlsx'),
        '--lang',
        'en',
      ],
      REPO_ROOT,
    );
    expect(ledger.code).toBe(0);
    expect(ledger.out).toMatch(/^Imported 2026-11-1: \d+ progress rows/u);
    expect(chineseLeft(ledger.out + ledger.err, names)).toEqual([]);
  }, 120_000);

  it('refuse a report given as the master in English, naming the file', async () => {
    const report = 'examples/reports/2026-11-1/农产品加工园指挥部-2026年11月上半月进展.xlsx';
    const r = await runKpd(
      [
        'merge',
        '--master',
        report,
        '--period',
        '2026-11-1',
        '--out',
        join(tmp(), 'x.xlsx'),
        report,
        '--lang',
        'en',
      ],
      REPO_ROOT,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not the master workbook but a "重点项目半月进展报表"');
    // (The usage that follows names the bulletin and the default office as they are printed.)
    expect(chineseLeft(r.err.split('\n')[0] ?? '', [])).toEqual([]);
  });
});
