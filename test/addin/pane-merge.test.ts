import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { readWorkbookGrid } from '../../src/adapters/office/excel.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { computeRanking, importLedger, type PickedFile } from '../../src/addin/pane.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { annotateWithOpenpyxl } from '../corpus/annotated.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster } from '../helpers/merge-results.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';

/**
 * Issue 18 in the task pane: 导入台账 and 计算排名 over a master a person worked in (columns,
 * notes under the tables, added by openpyxl) do what kpd ledger import and kpd score do to the
 * same file — the person's columns and notes kept, rows of other periods untouched, the tool's
 * rows refreshed — and say what was kept.
 */
const python = requireTool('/usr/bin/python3');
const SHEETS = [
  '进展记录',
  '报送记录',
  '一线工作记录',
  '代办员考核结果',
  '单位考评排名',
  '排名历史',
  '数据问题',
];

let annotated: WorkbookGrid;
let cliImport: WorkbookGrid;
let cliScore: WorkbookGrid;
let bulletin: PickedFile;

async function kpd(dir: string, args: string[]): Promise<void> {
  const r = await runKpd(args, dir);
  if (r.code !== 0) throw new Error(`kpd ${args.join(' ')}: ${r.err}`);
}

beforeAll(async () => {
  if (python.plan !== 'run') return;
  const dir = await mkdtemp(join(tmpdir(), 'kpd-pane-merge-'));
  await exampleMaster(dir);
  const from = repoPath('examples', 'reports', '2026-11-1');
  for (const n of await readdir(from)) await copyFile(join(from, n), join(dir, n));
  await kpd(dir, ['merge', from, '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx']);
  await kpd(dir, ['score', '总台账.xlsx', '--period', '2026Q3', '--out', 'base.xlsx']);
  await annotateWithOpenpyxl(join(dir, 'base.xlsx'), join(dir, 'annotated.xlsx'), SHEETS);
  await kpd(dir, ['ledger', 'import', '通报.xlsx', '--into', 'annotated.xlsx', '--out', 'imported.xlsx']);
  await kpd(dir, ['score', 'imported.xlsx', '--period', '2026Q4', '--out', 'scored.xlsx']);
  const grid = async (f: string) => readXlsx(await readFile(join(dir, f))).workbook;
  annotated = await grid('annotated.xlsx');
  cliImport = await grid('imported.xlsx');
  cliScore = await grid('scored.xlsx');
  bulletin = { name: '通报.xlsx', bytes: new Uint8Array(await readFile(join(dir, '通报.xlsx'))) };
}, 300_000);

/** A sheet's values, the formula column the person added left out (the fake does not calculate). */
const values = (wb: WorkbookGrid, sheet: string): unknown[][] => {
  const rows = trimmed(wb.sheets.find((s) => s.name === sheet)?.rows ?? []);
  const header = rows.findIndex((r) => r.includes('备注'));
  const formulaCol = (rows[header] ?? []).indexOf('核实人') + 1;
  return rows.map((r) => r.filter((_, c) => c !== formulaCol).map((v) => (v === '' ? null : v)));
};

python.describe('导入台账 and 计算排名 in the pane over a master a person worked in', () => {
  python.it('keep the person’s columns and notes, as kpd does to the same file, and say so', async () => {
    const book = fakeWorkbook(annotated);
    const excel = book.excel;
    const imported = await importLedger(excel, [bulletin]);
    expect(imported.ok).toBe(true);
    expect(imported.lines).toContain('「进展记录」保留了您添加的列：备注、核实人。');
    const afterImport = await book.run((ctx) => readWorkbookGrid(ctx, excel));
    for (const sheet of SHEETS) expect(values(afterImport, sheet), sheet).toEqual(values(cliImport, sheet));

    const ranked = await computeRanking(excel, '2026Q4');
    expect(ranked.ok).toBe(true);
    expect(ranked.lines).toContain('「单位考评排名」保留了您添加的列：备注、核实人。');
    const afterScore = await book.run((ctx) => readWorkbookGrid(ctx, excel));
    for (const sheet of SHEETS) expect(values(afterScore, sheet), sheet).toEqual(values(cliScore, sheet));

    // Again: nothing changes.
    await importLedger(excel, [bulletin]);
    await computeRanking(excel, '2026Q4');
    const again = await book.run((ctx) => readWorkbookGrid(ctx, excel));
    for (const sheet of SHEETS) expect(values(again, sheet), sheet).toEqual(values(afterScore, sheet));
  });
});
