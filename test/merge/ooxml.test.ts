import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runKpd } from '../helpers/cli.js';
import { reportXlsx, PROGRESS_HEADERS } from '../helpers/merge-xlsx.js';
import { officeTemplate } from '../helpers/merge-template.js';
import { REPO, type MergeJson } from '../helpers/merge-world.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * Every .xlsx the merge writes conforms to ECMA-376 (or Excel offers to "repair" it): the
 * example bulletin with hostile text added, the office's own template filled, an empty bulletin.
 */
const ooxml = requireTool(...OOXML_TOOLS);
const tmp = useTempDir('kpd-merge-ooxml-');
const outputs: string[] = [];
const missing: (readonly string[])[] = [];

ooxml.describe('kpd merge output: ECMA-376 conformance', () => {
  beforeAll(async () => {
    const dir = tmp();
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'office.xlsx'), await officeTemplate());
    // The HQ the example period lacks, reporting text that is hostile to a spreadsheet writer.
    await writeFile(
      join(dir, '水系.xlsx'),
      reportXlsx({
        fields: {
          填报单位: '水系连通工程指挥部',
          报告期: '2026年11月上半月',
          填报日期: '2026-11-12',
          指挥长签字: '赵永刚',
        },
        progressHeaders: [...PROGRESS_HEADERS, '__proto__'],
        progress: [
          ['AY-2026-020', 100, 20_000, '=HYPERLINK("http://x","y")', '进度\u0001滞后\u001f', 'p'],
          ['AY-2026-021', 50, 9_000, '@SUM(A1)', '长'.repeat(40_000)],
          ['AY-2026-022', 10, 4_000, '<b>&amp;"\'</b>', '\ud800 孤立代理'],
        ],
        visits: [['2026-11-03', '赵永刚', '指挥长', '', '-1']],
      }),
    );
    const example = [
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
    ];
    const runs: [string, string[]][] = [
      ['hostile.xlsx', [...example, join(dir, '水系.xlsx')]],
      ['office.xlsx', [...example, '--template', join(dir, 'office.xlsx')]],
      ['empty.xlsx', [join(dir, 'empty'), ...example.slice(1)]],
    ];
    for (const [name, args] of runs) {
      const out = join(dir, `bulletin-${name}`);
      const r = await runKpd(['merge', ...args, '--out', out, '--json'], REPO);
      if (r.code !== 0) throw new Error(r.err);
      missing.push((JSON.parse(r.out) as MergeJson).missing);
      outputs.push(out);
    }
  }, 60_000);

  it(
    'writes bulletins with every part valid: hostile text, an office template, nothing merged',
    async () => {
      expect(outputs).toHaveLength(3);
      expect(missing[0]).toEqual([]); // the hostile report was merged, not refused
      const r = await checkOoxml(outputs);
      expect(r.status, r.output).toBe(0);
      expect(r.output.match(/ 0 violations/gu), r.output).toHaveLength(3);
    },
    OOXML_TIMEOUT_MS,
  );
});
