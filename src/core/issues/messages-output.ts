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
  // ---- an output that could not be written (adapters/files.ts OutputError) ---------------------
  'output.cannotWrite': {
    severity: 'error',
    zh: '无法写入「{file}」：{=why}。',
    en: 'Cannot write "{file}": {=why}.',
  },
  'output.why.noPermission': { severity: 'error', zh: '没有写入权限', en: 'no permission to write' },
  'output.why.readOnly': { severity: 'error', zh: '所在的盘是只读的', en: 'the drive is read-only' },
  'output.why.diskFull': { severity: 'error', zh: '磁盘空间不足', en: 'the disk is full' },
  'output.why.fileInPath': {
    severity: 'error',
    zh: '路径中有一段是文件而不是文件夹',
    en: 'a part of the path is a file, not a folder',
  },
  'output.why.folderExists': {
    severity: 'error',
    zh: '同名的文件夹已存在',
    en: 'a folder of that name exists',
  },
  'output.why.busy': {
    severity: 'error',
    zh: '文件正被其他程序（如 Excel、WPS）打开，请先关闭',
    en: 'the file is open in another program (Excel, WPS …): close it first',
  },
  'output.why.noFolder': { severity: 'error', zh: '文件夹无法创建', en: 'the folder cannot be created' },
  'output.why.system': { severity: 'error', zh: '系统错误 {code}', en: 'system error {code}' },
  'output.why.unknown': { severity: 'error', zh: '系统错误 未知', en: 'unknown system error' },
} as const satisfies Record<string, MessageDef>;
