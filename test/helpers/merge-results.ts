import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { Cell, WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd, type CliRun } from './cli.js';
import { jsonCell } from './merge-bulletin.js';
import { repoPath } from './paths.js';

/** kpd score and kpd ledger import on a copy of the example 总台账: runs, their JSON, their workbooks. */

export const RESULT_SHEETS = [
  '代办员考核结果',
  '扣分明细',
  '单位考评排名',
  '排名计算说明',
  '排名历史',
  '数据问题',
] as const;
export const LEDGER_SHEETS = ['进展记录', '报送记录', '一线工作记录'] as const;

export interface ScoreJson {
  readonly period: string;
  readonly agents: readonly {
    readonly name: string;
    readonly level: string;
    readonly scores: Readonly<Record<string, number>>;
    readonly total: number;
    readonly rank: number;
    readonly actions: readonly string[];
  }[];
  readonly units: readonly {
    readonly unit: string;
    readonly criteria: Readonly<Record<string, number>>;
    readonly total: number;
    readonly rank: number;
    readonly outcome: 'praise' | 'criticize' | null;
    readonly lastPlaceStreak: number;
    readonly action: 'admonition' | 'organization' | null;
  }[];
  readonly warnings: readonly {
    readonly code: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly sheet: string | null;
    readonly row: number | null;
    readonly message: string;
  }[];
}

/** The example master copied into `dir` as 总台账.xlsx. */
export async function exampleMaster(dir: string, name = '总台账.xlsx'): Promise<string> {
  await copyFile(repoPath('examples', '总台账.xlsx'), join(dir, name));
  return name;
}

export interface ScoreRun extends CliRun {
  readonly json: ScoreJson;
  readonly grid: WorkbookGrid;
  readonly bytes: Uint8Array;
}

/** `kpd score MASTER --period P --out OUT --json` in `dir`; throws unless it exits 0. */
export async function score(dir: string, master: string, period: string, out: string): Promise<ScoreRun> {
  const r = await runKpd(['score', master, '--period', period, '--out', out, '--json'], dir);
  if (r.code !== 0) throw new Error(`kpd score exited ${r.code}: ${r.err}`);
  const bytes = await readFile(join(dir, out));
  return { ...r, json: JSON.parse(r.out) as ScoreJson, bytes, grid: readXlsx(bytes).workbook };
}

/** A sheet's cells as plain values, an empty string taken as an empty cell, trailing blanks dropped. */
export function sheetValues(
  wb: WorkbookGrid,
  name: string,
): (string | number | boolean | null)[][] | undefined {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) return undefined;
  const rows = s.rows.map((r) => {
    const cells = r.map((c: Cell) => (c === '' ? null : jsonCell(c)));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/** Rows of a table whose header row starts with `firstHeader`, as records by header. */
export function records(wb: WorkbookGrid, sheet: string, firstHeader: string): Record<string, Cell>[] {
  const rows = wb.sheets.find((x) => x.name === sheet)?.rows ?? [];
  const h = rows.findIndex((r) => r[0] === firstHeader);
  if (h < 0) throw new Error(`no table headed ${firstHeader} in ${sheet}`);
  const headers = (rows[h] ?? []).map(String);
  return rows
    .slice(h + 1)
    .filter((r) => r.some((c) => c !== null && c !== ''))
    .map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i] ?? null])));
}
