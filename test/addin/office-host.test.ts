import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfficeHost } from '../../src/adapters/office/host.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';

/**
 * OfficeHost: Excel behind the same WorkbookHost as WPS 表格, over the strict fake of Office.js.
 * What it can do follows the requirement sets; what it reads is what our .xlsx reader reads.
 */
let grid: WorkbookGrid;

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
});

describe('OfficeHost', () => {
  it('says what this Excel can do, from its requirement sets', () => {
    const never = { open: async () => undefined, download: () => undefined };
    expect(new OfficeHost(fakeWorkbook(grid, '1.1').excel, never).capabilities).toEqual({
      dropDowns: false,
      openWorkbook: false,
      editEvents: false,
      mergeAndWidths: false,
      freezePanes: false,
    });
    expect(new OfficeHost(fakeWorkbook(grid, '1.7').excel, never).capabilities).toEqual({
      dropDowns: false,
      openWorkbook: false,
      editEvents: false,
      mergeAndWidths: true,
      freezePanes: true,
    });
    expect(new OfficeHost(fakeWorkbook(grid, '1.13').excel, never).capabilities).toEqual({
      dropDowns: true,
      openWorkbook: true,
      editEvents: true,
      mergeAndWidths: true,
      freezePanes: true,
    });
    // Without a way to hand a workbook over, none is opened.
    expect(new OfficeHost(fakeWorkbook(grid).excel).capabilities.openWorkbook).toBe(false);
  });

  it('reads the sheets asked for, and rows of one sheet at their place', async () => {
    const host = new OfficeHost(fakeWorkbook(grid).excel);
    const some = await host.readWorkbook(['代办员', '项目登记']);
    // In the workbook's order, whatever the order asked.
    expect(some.sheets.map((s) => s.name)).toEqual(
      grid.sheets.map((s) => s.name).filter((n) => n === '代办员' || n === '项目登记'),
    );
    const projects = grid.sheets.find((s) => s.name === '项目登记')?.rows ?? [];
    expect(trimmed(some.sheets.find((s) => s.name === '项目登记')?.rows ?? [])).toEqual(trimmed(projects));
    const rows = await host.readRows('项目登记', 4, 6);
    expect(trimmed(rows.rows.slice(3))).toEqual(trimmed(projects.slice(3, 6)));
    expect(rows.rows.slice(0, 3).every((r) => r.length === 0)).toBe(true);
    expect((await host.readRows('没有这张表', 1, 3)).rows).toEqual([]);
  });

  it('opens a made workbook where Excel can (1.8), else downloads it', async () => {
    const got: string[] = [];
    const delivery = {
      open: async () => void got.push('open'),
      download: (_bytes: Uint8Array, name: string) => void got.push(`download ${name}`),
    };
    const bytes = new Uint8Array([1]);
    expect(await new OfficeHost(fakeWorkbook(grid).excel, delivery).deliver(bytes, '通报.xlsx')).toBe(
      'opened',
    );
    expect(await new OfficeHost(fakeWorkbook(grid, '1.7').excel, delivery).deliver(bytes, '通报.xlsx')).toBe(
      'downloaded',
    );
    expect(got).toEqual(['open', 'download 通报.xlsx']);
  });
});
