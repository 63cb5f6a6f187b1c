import { readFile } from 'node:fs/promises';
import { readXlsx } from '../../../src/adapters/xlsx-read/index.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import type { WorkbookGrid } from '../../../src/core/values/grid.js';
import { readMaster, type MasterRead } from '../../../src/core/master/read.js';
import { repoPath } from '../../helpers/paths.js';

/** The bundled example county's workbooks, read as the jobs receive them (grids, not files). */
export async function exampleGrid(...path: string[]): Promise<WorkbookGrid> {
  return readXlsx(await readFile(repoPath('examples', ...path))).workbook;
}

export async function exampleMasterRead(): Promise<{
  grid: WorkbookGrid;
  master: MasterRead;
  calendar: WorkCalendar;
}> {
  const grid = await exampleGrid('总台账.xlsx');
  const master = readMaster(grid);
  return { grid, master, calendar: new WorkCalendar(master.data.holidays) };
}
