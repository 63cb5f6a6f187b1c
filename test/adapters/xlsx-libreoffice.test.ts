/**
 * A workbook as a foreign program writes it: exceljs output converted by LibreOffice headless.
 * Skipped (with a message) where `soffice` is missing, except in CI, where it must be present.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/values/grid.js';
import { readXlsx, type XlsxReadResult } from '../../src/adapters/xlsx-read.js';
import { tempDir } from './helpers.js';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const inCI = process.env.CI === 'true';
if (!hasSoffice && !inCI) {
  console.warn(
    'xlsx-libreoffice.test.ts: soffice (LibreOffice) not found, skipping the foreign-program round trip',
  );
}

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe.skipIf(!hasSoffice && !inCI)('readXlsx on a workbook re-saved by LibreOffice', () => {
  let original: XlsxReadResult;
  let converted: XlsxReadResult;
  const expected: Cell[][] = [['序号', '项目名称', '总投资（万元）', '开工日期', '是否开工', '两倍']];
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    if (!hasSoffice) throw new Error('soffice (LibreOffice) is required in CI for this test');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进展表');
    ws.addRow(expected[0]!);
    for (let r = 1; r <= 60; r++) {
      const name = `第${r}号重点项目：县城道路改造（二期）`;
      ws.addRow([
        r,
        name,
        r * 1234.25,
        new Date(Date.UTC(2026, r % 12, 1 + (r % 28))),
        r % 3 === 0,
        { formula: `A${r + 1}*2`, result: r * 2 },
      ]);
      expected.push([
        r,
        name,
        r * 1234.25,
        { kind: 'date', serial: serial(2026, (r % 12) + 1, 1 + (r % 28)) },
        r % 3 === 0,
        r * 2,
      ]);
    }
    ws.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
    wb.addWorksheet('说明', { state: 'hidden' }).getCell('A1').value = '隐藏的说明';
    wb.definedNames.add("'进展表'!$A$1", 'KPD_TEMPLATE');

    dir = tempDir('lo');
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const input = path.join(inDir, '进展表.xlsx');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    writeFileSync(input, bytes);
    original = readXlsx(bytes);
    const run = spawnSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        input,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
    converted = readXlsx(new Uint8Array(readFileSync(path.join(outDir, '进展表.xlsx'))));
  }, 150_000);

  it('reads the same values as from the original (Chinese text, numbers, dates, booleans, formula results)', () => {
    expect(original.workbook.sheets[0]!.rows).toEqual(expected);
    expect(converted.workbook.sheets[0]!.rows).toEqual(expected);
  });

  it('keeps sheet order, hidden state and defined names', () => {
    expect(converted.workbook.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['进展表', false],
      ['说明', true],
    ]);
    expect(converted.workbook.sheets[1]!.rows).toEqual([['隐藏的说明']]);
    expect(converted.workbook.definedNames?.get('KPD_TEMPLATE')).toMatch(/进展表'?!\$A\$1$/);
    expect(converted.flags.application).toMatch(/LibreOffice/);
    expect(converted.flags.sheetNames).toEqual(['进展表', '说明']);
  });
});
