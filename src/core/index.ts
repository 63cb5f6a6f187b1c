/**
 * The pure core of 重点项目推进助手: calendar, rules, schemas, readers, validation, scoring,
 * ranking and the bulletin model. No Office.js, no file system, no exceljs, no process.
 */
export * from './values/grid.js';
export * from './calendar/index.js';
export * from './master/holidays.js';
export * from './rules/index.js';
export * from './schema/index.js';
export * from './table/index.js';
export * from './issues/codes.js';
export * from './issues/issue.js';
export * from './validate/workbook.js';
export * from './workbook/identify.js';
export * from './master/index.js';
export * from './report/read.js';
export * from './topics/read.js';
export * from './template/layout.js';
export * from './template/samples.js';
export * from './values/parse.js';
export * from './values/text.js';
export * from './values/csv.js';
export * from './bulletin/index.js';
export * from './scoring/index.js';
