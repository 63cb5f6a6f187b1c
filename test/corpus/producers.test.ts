import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { isDateCell, type Cell, type WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd } from '../helpers/cli.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../helpers/libreoffice.js';
import { fingerprint } from '../helpers/merge-world.js';
import { checkOoxmlBatch, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { PRODUCERS, type ProducerName } from './producers.js';

/**
 * Issue 11, "writing into a workbook another program saved": the example master, a report and the
 * bulletin template re-saved by every producer of the corpus; for each, kpd score and kpd ledger
 * import into that master, kpd merge --template with that template, and kpd merge of that master
 * with that report. Every output parses, conforms to ECMA-376 and opens in LibreOffice with every
 * sheet and value; the --json is the original's wherever the producer kept the content; the
 * inputs are byte-identical afterwards.
 */
const tmp = useTempDir('kpd-producers-');
const tools = requireTool(
  'soffice',
  'ssconvert',
  ...OOXML_TOOLS,
  ...new Set(PRODUCERS.flatMap((p) => p.tools)),
);

const PERIOD = '2026-11-1';
const REPORT = '农产品加工园指挥部-2026年11月上半月进展.xlsx';
const COMMANDS = ['score', 'ledger', 'template', 'inputs'] as const;
type Command = (typeof COMMANDS)[number];

let dir = '';
const json = new Map<string, unknown>();
let before: Record<string, string>;

const out = (p: ProducerName | 'original', c: Command) => `out/${p}-${c}.xlsx`;

async function kpd(args: string[]): Promise<unknown> {
  const r = await runKpd([...args, '--json'], dir);
  if (r.code !== 0) throw new Error(`kpd ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out);
}

/** The four commands writing into (or reading) producer `p`'s files. */
async function runAll(p: ProducerName | 'original'): Promise<void> {
  const m = `in/${p}-总台账.xlsx`;
  json.set(`${p}-score`, await kpd(['score', m, '--period', '2026Q3', '--out', out(p, 'score')]));
  json.set(
    `${p}-ledger`,
    await kpd(['ledger', 'import', 'in/通报.xlsx', '--into', m, '--out', out(p, 'ledger')]),
  );
  json.set(
    `${p}-template`,
    await kpd([
      'merge',
      'reports',
      '--master',
      'in/original-总台账.xlsx',
      '--period',
      PERIOD,
      '--template',
      `in/${p}-重点项目情况通报.xlsx`,
      '--out',
      out(p, 'template'),
    ]),
  );
  await mkdir(join(dir, `reports-${p}`));
  for (const f of await readdir(join(dir, 'reports')))
    await copyFile(
      f === REPORT ? join(dir, 'in', `${p}-${REPORT}`) : join(dir, 'reports', f),
      join(dir, `reports-${p}`, f),
    );
  json.set(
    `${p}-inputs`,
    await kpd(['merge', `reports-${p}`, '--master', m, '--period', PERIOD, '--out', out(p, 'inputs')]),
  );
}

beforeAll(async () => {
  if (tools.plan !== 'run') return;
  dir = tmp();
  await Promise.all(['in', 'out', 'reports'].map((d) => mkdir(join(dir, d))));
  const from = repoPath('examples', 'reports', PERIOD);
  for (const f of await readdir(from)) await copyFile(join(from, f), join(dir, 'reports', f));
  const originals = {
    '总台账.xlsx': repoPath('examples', '总台账.xlsx'),
    '重点项目情况通报.xlsx': repoPath('templates', '重点项目情况通报.xlsx'),
    [REPORT]: join(from, REPORT),
  };
  for (const [name, file] of Object.entries(originals)) {
    const bytes = new Uint8Array(await readFile(file));
    await writeFile(join(dir, 'in', `original-${name}`), bytes);
    for (const p of PRODUCERS) await writeFile(join(dir, 'in', `${p.name}-${name}`), await p.resave(bytes));
  }
  await kpd([
    'merge',
    'reports',
    '--master',
    'in/original-总台账.xlsx',
    '--period',
    PERIOD,
    '--out',
    'in/通报.xlsx',
  ]);
  before = await fingerprint(join(dir, 'in'));
  await runAll('original');
  for (const p of PRODUCERS) await runAll(p.name);
}, 1_800_000);

const outputs = (): string[] =>
  ['original' as const, ...PRODUCERS.map((p) => p.name)].flatMap((p) => COMMANDS.map((c) => out(p, c)));

/** A cell as LibreOffice and we both show it: dates as serials, '' as empty, numbers to 9 places. */
const plain = (c: Cell | undefined): string | number | boolean | null => {
  if (c === undefined || c === null || c === '') return null;
  if (isDateCell(c)) return Math.round(c.serial * 1e6) / 1e6;
  if (typeof c === 'object') return `#${c.code}`;
  return typeof c === 'number' ? Math.round(c * 1e9) / 1e9 : c;
};
const content = (wb: WorkbookGrid) =>
  wb.sheets.map((s) => {
    const rows = s.rows.map((r) => {
      const cells = r.map(plain);
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    return [s.name, rows] as const;
  });

tools.describe('every producer’s master, report and template', () => {
  tools.it('come out of every command as XML that parses, part by part', () => {
    const script =
      'import sys, zipfile\nfrom lxml import etree\nbad = []\nfor f in sys.argv[1:]:\n' +
      '    z = zipfile.ZipFile(f)\n    for n in z.namelist():\n' +
      "        if n.endswith('.xml') or n.endswith('.rels') or n.endswith('.vml'):\n" +
      '            try: etree.fromstring(z.read(n))\n' +
      "            except Exception as e: bad.append(f'{f} {n}: {e}')\nprint('\\n'.join(bad))\n";
    const r = spawnSync('/usr/bin/python3', ['-c', script, ...outputs().map((f) => join(dir, f))], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('');
  });

  tools.it(
    'conform to ECMA-376 in every part',
    async () => {
      const r = await checkOoxmlBatch(outputs().map((f) => join(dir, f)));
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS * 2,
  );

  tools.it(
    'open in LibreOffice with every sheet and value',
    async () => {
      await mkdir(join(dir, 'lo'));
      // What kpd wrote into the producers' own files (the merges of their inputs make our bulletin).
      const files = outputs().filter((f) => !f.endsWith('-inputs.xlsx'));
      convertWithLibreOffice(
        files.map((f) => join(dir, f)),
        'xlsx:Calc MS Excel 2007 XML',
        join(dir, 'lo'),
        LIBREOFFICE_TIMEOUT_MS * 6,
      );
      for (const f of files) {
        const ours = readXlsx(await readFile(join(dir, f))).workbook;
        const lo = readXlsx(await readFile(join(dir, 'lo', f.replace('out/', '')))).workbook;
        expect(content(lo), f).toEqual(content(ours));
      }
    },
    LIBREOFFICE_TIMEOUT_MS * 7,
  );

  tools.it('give the original’s --json wherever the producer kept the content', () => {
    // The reports were read from a folder of the producer's name: the same files otherwise.
    const same = (v: unknown) =>
      JSON.parse(JSON.stringify(v).replace(/reports-[\w-]+\//gu, 'reports/')) as unknown;
    const differ = PRODUCERS.flatMap((p) =>
      COMMANDS.filter(
        (c) =>
          JSON.stringify(same(json.get(`${p.name}-${c}`))) !==
          JSON.stringify(same(json.get(`original-${c}`))),
      ).map((c) => `${p.name} ${c}`),
    );
    expect(differ).toEqual([]);
  });

  tools.it(
    'fill every producer’s bulletin template to the same cells as ours: placeholders, 合计 row, totals',
    async () => {
      const want = content(readXlsx(await readFile(join(dir, out('original', 'template')))).workbook);
      for (const p of PRODUCERS) {
        const got = content(readXlsx(await readFile(join(dir, out(p.name, 'template')))).workbook);
        expect(got, p.name).toEqual(want);
        expect(JSON.stringify(got), p.name).not.toContain('{{');
      }
    },
  );

  tools.it('leave every input byte for byte as it was', async () => {
    expect(await fingerprint(join(dir, 'in'))).toEqual(before);
  });
});
