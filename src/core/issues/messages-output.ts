import type { MessageDef } from './codes.js';

/** What the documents we write say about their own limits (Excel's), and the shells about them. */
export const OUTPUT_MESSAGES = {
  'output.rowsOmitted': {
    severity: 'warning',
    zh: '……另有 {count} 行未列出：一张 Excel 工作表最多 1,048,576 行。{detail}完整清单见命令的 --json 输出。',
    en: "… {count} more rows not listed: an Excel sheet holds at most 1,048,576 rows. {detail}The full list is in the command's --json output.",
  },
  'output.rowsOmittedByCode': {
    severity: 'info',
    zh: '未列出的按问题代码：{counts}。',
    en: 'Not listed, by code: {counts}. ',
  },
  'output.textCut': {
    severity: 'info',
    zh: '……（另有 {count} 字未写入：Excel 一个单元格最多 32,767 字）',
    en: '… ({count} more characters not written: an Excel cell holds at most 32,767)',
  },
  'output.sheetCapped': {
    severity: 'warning',
    zh: '「{sheet}」表有 {total} 行，超出 Excel 一张工作表的上限，只写入了前 {kept} 行，其余 {omitted} 行在表末尾汇总说明。',
    en: 'Sheet "{sheet}" has {total} rows, more than an Excel sheet holds: the first {kept} were written, the other {omitted} are summarised at its end.',
  },
} as const satisfies Record<string, MessageDef>;
