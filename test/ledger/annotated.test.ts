import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { shiftFormula } from '../../src/core/table/formula.js';
import { findHeaderRow } from '../../src/core/table/header.js';
import { isBlank, type WorkbookGrid } from '../../src/core/values/grid.js';
import {
  PROGRESS_LOG,
  RANKING_HISTORY,
  SITE_WORK_LOG,
  SUBMISSION_LOG,
} from '../../src/core/schema/master.js';
import { AGENT_RESULTS, SCORE_LINES, SCORE_PROBLEMS, UNIT_RANKING } from '../../src/core/schema/results.js';
import type { SheetSpec } from '../../src/core/schema/types.js';
import { cellText } from '../../src/core/values/parse.js';
import { annotateWithOpenpyxl, storedSheet, withoutRef, type StoredSheet } from '../corpus/annotated.js';
import { PRODUCERS } from '../corpus/producers.js';
import { runKpd } from '../helpers/cli.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../helpers/libreoffice.js';
import { fingerprint, REPO } from '../helpers/merge-world.js';
import { checkOoxmlBatch, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * Issue 18: nothing a person added to the master is lost. A master annotated by openpyxl, and the
 * same re-saved by LibreOffice, gets a bulletin imported twice and 计算排名 run twice: every
 * cell, comment and note the person added comes out byte for byte the same (in the row it
 * belongs to), every computed cell is what a clean master gives, and a re-import of the period
 * without one HQ's report keeps what was typed beside the rows that remain.
 */
const tmp = useTempDir('kpd-annotated-');
const tools = requireTool('/usr/bin/python3', 'soffice', ...OOXML_TOOLS);

const LEDGERS: readonly SheetSpec[] = [PROGRESS_LOG, SUBMISSION_LOG, SITE_WORK_LOG];
const RESULTS: readonly SheetSpec[] = [
  AGENT_RESULTS,
  SCORE_LINES,
  UNIT_RANKING,
  RANKING_HISTORY,
  SCORE_PROBLEMS,
];
const PERIOD = '2026-11-1';
const DROPPED = '农产品加工园指挥部';

interface Chain {
  readonly input: string;
  readonly i1: string;
  readonly i2: string;
  /** 计算排名 of the base's own period again (2026Q3), then of the next (2026Q4), twice. */
  readonly q3: string;
  readonly s1: string;
  readonly s2: string;
  readonly s1Json: { readonly warnings: readonly { readonly code: string; readonly sheet: string | null }[] };
}

let dir = '';
const chains = new Map<string, Chain>();
let clean: { i1: string; s1: string };
let reimport: {
  before: string;
  after: string;
  json: { tables: { sheet: string; removed: { label: string }[] }[] };
};
let before: Record<string, string>;

async function kpd(args: string[]): Promise<string> {
  const r = await runKpd(args, dir);
  if (r.code !== 0) throw new Error(`kpd ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r.out;
}
const importInto = (bulletin: string, into: string, out: string) =>
  kpd(['ledger', 'import', bulletin, '--into', into, '--out', out, '--json']);
const scoreOf = (master: string, out: string, period = '2026Q4') =>
  kpd(['score', master, '--period', period, '--out', out, '--json']);
const grid = async (file: string): Promise<WorkbookGrid> =>
  readXlsx(await readFile(join(dir, file))).workbook;

/** Row number → the row's key (its rowKey columns' text) for the table's rows, and the table's last row. */
function keyedRows(wb: WorkbookGrid, spec: SheetSpec): { keys: Map<number, string>; last: number } {
  const sheet = wb.sheets.find((s) => s.name === spec.name);
  if (!sheet) throw new Error(`no ${spec.name}`);
  const h = findHeaderRow(sheet, spec);
  if (!h) throw new Error(`no header in ${spec.name}`);
  const cols = (spec.rowKey ?? []).map((k) => h.columns.get(k) ?? -1);
  const keys = new Map<number, string>();
  let r = h.index + 1;
  for (; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((c) => isBlank(c))) break;
    keys.set(r + 1, cols.map((c) => cellText(row[c])).join('|'));
  }
  return { keys, last: r };
}

/** Cells a person added, by the key of their row: extra columns' cells, and rows of other periods whole. */
function addedCells(
  stored: StoredSheet,
  wb: WorkbookGrid,
  spec: SheetSpec,
  whole: (key: string) => boolean,
): Map<string, { row: number; xml: string }> {
  const { keys } = keyedRows(wb, spec);
  const ours = spec.columns.length;
  const seen = new Map<string, number>();
  const out = new Map<string, { row: number; xml: string }>();
  for (const [row, key] of keys) {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    for (const [col, xml] of stored.rows.get(row) ?? [])
      if (col > ours || whole(key)) out.set(`${key}#${n}@${col}`, { row, xml });
  }
  return out;
}

/** The rows under the table (notes), as cell XML without references. */
function notesUnder(stored: StoredSheet, last: number): string[] {
  return [...stored.rows]
    .filter(([r]) => r > last)
    .map(([, cells]) => [...cells.values()].map(withoutRef).join(''))
    .filter((x) => x !== '');
}

/** A person's cell moved with its row: the same XML, its formula moved as Excel moves formulas. */
function sameCell(a: { row: number; xml: string }, b: { row: number; xml: string } | undefined): string {
  if (!b) return 'missing';
  const f = /(<f\b[^>]*>)([^<]*)<\/f>/u.exec(a.xml);
  const expected = f ? a.xml.replace(f[0], `${f[1]}${shiftFormula(f[2] ?? '', b.row - a.row)}</f>`) : a.xml;
  return withoutRef(expected) === withoutRef(b.xml) ? 'same' : `${a.xml} → ${b.xml}`;
}

async function expectKept(input: string, output: string, specs: readonly SheetSpec[], period?: string) {
  const [gi, go] = [await grid(input), await grid(output)];
  for (const spec of specs) {
    const [si, so] = [
      await storedSheet(join(dir, input), spec.name),
      await storedSheet(join(dir, output), spec.name),
    ];
    // Rows of other periods, typed or imported earlier, stay whole; the person's cells stay everywhere.
    const whole = (key: string) => period !== undefined && !key.startsWith(`${period}|`);
    const a = addedCells(si, gi, spec, whole);
    const b = addedCells(so, go, spec, whole);
    expect(a.size, spec.name).toBeGreaterThan(5);
    const diffs = [...a].map(([k, cell]) => [k, sameCell(cell, b.get(k))]).filter(([, d]) => d !== 'same');
    expect(diffs, spec.name).toEqual([]);
    // Notes under the table, comments (on the row they belong to), filter and drop-down list.
    expect(notesUnder(so, keyedRows(go, spec).last), spec.name).toEqual(
      notesUnder(si, keyedRows(gi, spec).last),
    );
    const byKey = (s: StoredSheet, g: WorkbookGrid) => {
      const keys = keyedRows(g, spec).keys;
      return [...s.comments].map(
        ([ref, text]) =>
          `${keys.get(Number(/\d+$/u.exec(ref)?.[0])) ?? ref}:${ref.replace(/\d+$/u, '')}:${text}`,
      );
    };
    expect(byKey(so, go).sort(), spec.name).toEqual(byKey(si, gi).sort());
    expect(so.autoFilter, spec.name).toMatch(/^A\d+:[A-Z]+\d+$/u);
    expect(so.validations.length, spec.name).toBeGreaterThanOrEqual(1);
  }
}

/** The periods of the rows the person typed by hand (test/corpus/annotated.ts): not in a clean master. */
const HAND = ['2025-12-2|', '2025-12-22|', '2024Q4|'];

/** The tool's columns of a sheet, row by row (the hand-typed rows aside): what must equal a clean master's. */
async function ourRecords(file: string, spec: SheetSpec) {
  return ourRecordsOf(await grid(file), spec).filter((r) => !HAND.some((h) => r.startsWith(h)));
}

beforeAll(async () => {
  if (tools.plan !== 'run') return;
  dir = tmp();
  await copyFile(join(REPO, 'examples', '总台账.xlsx'), join(dir, '总台账.xlsx'));
  const reports = join(REPO, 'examples', 'reports', PERIOD);
  await kpd(['merge', reports, '--master', '总台账.xlsx', '--period', PERIOD, '--out', '通报.xlsx']);
  await mkdir(join(dir, 'less'));
  for (const f of await readdir(reports))
    if (!f.startsWith(DROPPED)) await copyFile(join(reports, f), join(dir, 'less', f));
  await kpd(['merge', 'less', '--master', '总台账.xlsx', '--period', PERIOD, '--out', '通报-少一份.xlsx']);
  // A master with result sheets (a first 计算排名), then worked in by a person.
  await kpd(['score', '总台账.xlsx', '--period', '2026Q3', '--out', 'base.xlsx']);
  const sheets = [...LEDGERS, ...RESULTS].map((s) => s.name);
  await annotateWithOpenpyxl(join(dir, 'base.xlsx'), join(dir, 'openpyxl.xlsx'), sheets);
  const lo = PRODUCERS.find((p) => p.name === 'libreoffice');
  if (!lo) throw new Error('no LibreOffice producer');
  await writeFile(join(dir, 'libreoffice.xlsx'), await lo.resave(await readFile(join(dir, 'openpyxl.xlsx'))));
  before = await fingerprint(dir);

  await importInto('通报.xlsx', 'base.xlsx', 'clean-i1.xlsx');
  await scoreOf('clean-i1.xlsx', 'clean-s1.xlsx');
  clean = { i1: 'clean-i1.xlsx', s1: 'clean-s1.xlsx' };
  for (const p of ['openpyxl', 'libreoffice']) {
    const f = { input: `${p}.xlsx`, i1: `${p}-i1.xlsx`, i2: `${p}-i2.xlsx`, q3: `${p}-q3.xlsx` };
    await importInto('通报.xlsx', f.input, f.i1);
    await importInto('通报.xlsx', f.i1, f.i2);
    await scoreOf(f.i2, f.q3, '2026Q3');
    const s1Json = JSON.parse(await scoreOf(f.i2, `${p}-s1.xlsx`)) as Chain['s1Json'];
    await scoreOf(`${p}-s1.xlsx`, `${p}-s2.xlsx`);
    chains.set(p, { ...f, s1: `${p}-s1.xlsx`, s2: `${p}-s2.xlsx`, s1Json });
  }
  // The period's rows annotated too, then the period imported again without one HQ's report.
  await annotateWithOpenpyxl(
    join(dir, 'openpyxl-i1.xlsx'),
    join(dir, 'period-annotated.xlsx'),
    LEDGERS.map((s) => s.name),
    PERIOD,
  );
  const json = JSON.parse(await importInto('通报-少一份.xlsx', 'period-annotated.xlsx', 'reimported.xlsx'));
  reimport = { before: 'period-annotated.xlsx', after: 'reimported.xlsx', json };
}, 900_000);

tools.describe('ledger import and 计算排名 over a master a person worked in', () => {
  for (const p of ['openpyxl', 'libreoffice'])
    describe(`made by ${p}`, () => {
      const c = () => chains.get(p) as Chain;

      it('import: every cell, comment and note the person added is kept, byte for byte', async () => {
        await expectKept(c().input, c().i1, LEDGERS, PERIOD);
        await expectKept(c().input, c().i1, RESULTS);
      });

      it('import: the ledgers’ own columns are what a clean master gets', async () => {
        for (const spec of LEDGERS)
          expect(await ourRecords(c().i1, spec), spec.name).toEqual(await ourRecords(clean.i1, spec));
      });

      it('import again and 计算排名 again change nothing', async () => {
        for (const spec of [...LEDGERS, ...RESULTS]) {
          expect(await storedSheet(join(dir, c().i2), spec.name)).toEqual(
            await storedSheet(join(dir, c().i1), spec.name),
          );
          expect(await storedSheet(join(dir, c().s2), spec.name)).toEqual(
            await storedSheet(join(dir, c().s1), spec.name),
          );
        }
      });

      it('计算排名 of the same period again: every cell the person added is kept, byte for byte', async () => {
        await expectKept(c().i2, c().q3, RESULTS);
        await expectKept(c().i2, c().q3, LEDGERS, '');
      });

      it('计算排名 of the next period: own columns right, the person’s cells went with their rows', async () => {
        for (const spec of RESULTS)
          expect(await ourRecords(c().s1, spec), spec.name).toEqual(await ourRecords(clean.s1, spec));
        // Agents and units are ranked again (rows reordered by rank): what was typed beside them follows.
        await expectKept(c().i2, c().s1, [AGENT_RESULTS, UNIT_RANKING, RANKING_HISTORY]);
        await expectKept(c().i2, c().s1, LEDGERS, '');
        // 扣分明细 lines of the last quarter are not this quarter's: said before they go.
        const removed = c()
          .s1Json.warnings.filter((w) => w.code === 'table.removedRows')
          .map((w) => w.sheet);
        expect(removed).toContain(SCORE_LINES.name);
      });
    });

  it('re-importing the period keeps what was typed beside the rows that remain, and lists those that went', async () => {
    const removed = reimport.json.tables.find((t) => t.sheet === PROGRESS_LOG.name)?.removed ?? [];
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.label.startsWith(PERIOD))).toBe(true);
    const [gb, ga] = [await grid(reimport.before), await grid(reimport.after)];
    for (const spec of LEDGERS) {
      const [sb, sa] = [
        await storedSheet(join(dir, reimport.before), spec.name),
        await storedSheet(join(dir, reimport.after), spec.name),
      ];
      const a = addedCells(sb, gb, spec, () => false);
      const b = addedCells(sa, ga, spec, () => false);
      // Each ledger lists the rows of the period that went (the dropped HQ's progress and visits).
      const went = reimport.json.tables.find((t) => t.sheet === spec.name)?.removed ?? [];
      const gone = new Set(went.map((r) => r.label.replace(/ /gu, '|')));
      const kept = [...a].filter(([k]) => ![...gone].some((g) => k.startsWith(`${g}#`)));
      expect(kept.length, spec.name).toBeGreaterThan(0);
      expect(
        kept.map(([k, cell]) => [k, sameCell(cell, b.get(k))]).filter(([, d]) => d !== 'same'),
        spec.name,
      ).toEqual([]);
    }
    // The HQ that did not report this time: its progress rows went, its 报送记录 row says 未报.
    const subs = ga.sheets.find((s) => s.name === SUBMISSION_LOG.name)?.rows ?? [];
    expect(subs.some((r) => r[0] === PERIOD && r[1] === DROPPED && r[4] === '未报')).toBe(true);
  });

  it(
    'writes workbooks that conform to ECMA-376 and that LibreOffice opens with every sheet and value',
    async () => {
      // Each output and the workbook it was made from.
      const made = [...chains.values()]
        .flatMap((c) => [
          [c.i1, c.input],
          [c.q3, c.i2],
          [c.s1, c.i2],
        ])
        .concat([[reimport.after, reimport.before]]);
      const outputs = made.map(([out]) => out as string);
      const check = await checkOoxmlBatch(outputs.map((f) => join(dir, f)));
      // A part the person's program wrote goes back byte for byte (LibreOffice writes a chart's
      // c:dLbl after the elements the schema puts it before): only the parts we wrote must conform.
      const violations: string[] = [];
      for (const [out, from] of made) {
        const mine = unzipSync(await readFile(join(dir, out as string)));
        const theirs = unzipSync(await readFile(join(dir, from as string)));
        const same = (part: string): boolean => {
          const a = mine[part];
          const b = theirs[part];
          return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
        };
        const report =
          check.output.split(/\n(?=\/)/u).find((r) => r.startsWith(join(dir, out as string))) ?? '';
        for (const line of report.split('\n').slice(1)) {
          const part = /^\s+([^:\s]+):\s*\d+:\d+:/u.exec(line)?.[1];
          if (part !== undefined && !same(part)) violations.push(`${out} ${line.trim()}`);
        }
        expect(report, `${out} was checked`).toMatch(/parts checked/u);
      }
      expect(violations, check.output).toEqual([]);
      await mkdir(join(dir, 'lo'));
      convertWithLibreOffice(
        outputs.map((f) => join(dir, f)),
        'xlsx:Calc MS Excel 2007 XML',
        join(dir, 'lo'),
      );
      for (const f of outputs) {
        const ours = await grid(f);
        const lo = readXlsx(await readFile(join(dir, 'lo', f))).workbook;
        expect(
          lo.sheets.map((s) => s.name),
          f,
        ).toEqual(ours.sheets.map((s) => s.name));
        for (const spec of [...LEDGERS, ...RESULTS])
          expect(await ourRecordsOf(lo, spec), `${f} ${spec.name}`).toEqual(await ourRecordsOf(ours, spec));
      }
    },
    OOXML_TIMEOUT_MS + LIBREOFFICE_TIMEOUT_MS,
  );

  it('leaves its inputs as they were', async () => {
    const now = await fingerprint(dir);
    for (const [file, print] of Object.entries(before)) expect(now[file], file).toBe(print);
  });
});

function ourRecordsOf(wb: WorkbookGrid, spec: SheetSpec): string[] {
  const sheet = wb.sheets.find((s) => s.name === spec.name);
  const h = sheet && findHeaderRow(sheet, spec);
  if (!sheet || !h) return [];
  const { keys } = keyedRows(wb, spec);
  // A note line of the template (注：…) is no record: where it stands depends on what the person typed.
  return [...keys.keys()]
    .map((r) => spec.columns.map((c) => cellText(sheet.rows[r - 1]?.[h.columns.get(c.key) ?? -1])).join('|'))
    .filter((line) => !/^(注|说明)[:：]/u.test(line));
}
