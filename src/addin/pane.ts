/**
 * What the task pane's buttons do, one file per action under ./actions (each reads the open
 * workbook through the WorkbookHost, calls the core job the CLI calls, and says what it did).
 * The Office page (taskpane.ts) and the WPS page (src/wps/page.ts) import them from here.
 */
export {
  hostOf,
  type ExcelHost,
  type ExcelRun,
  type PaneHost,
  type PaneResult,
  type PickedFile,
  type WorkbookDelivery,
} from './actions/common.js';
export { checkEdit, checkEditedRows, checkWorkbook, formOf, rowsOfAddress } from './actions/check.js';
export { computeRanking } from './actions/ranking.js';
export { buildMeetingAgenda, PANE_AGENDA_PROBLEMS } from './actions/agenda.js';
export { currentReportPeriod, mergeReports } from './actions/merge.js';
export { importLedger } from './actions/ledger.js';
export { progressChartPaper } from './actions/chart.js';
export { importHolidayNotice } from './actions/holidays.js';
