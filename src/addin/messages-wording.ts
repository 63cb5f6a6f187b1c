import type { Locale } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';

/**
 * The pane's own wording of the core's findings whose text names a command-line option (the
 * CLI's --year, --period, --holidays, --json): inside Excel the clerk has a field or a sheet
 * instead. Same placeholders as the core's text (a test checks it, and that every such code is
 * here or only the CLI can give it).
 */
export const PANE_WORDING = {
  'notice.noYear': {
    zh: '通知中找不到年份（应有“关于2027年部分节假日安排的通知”或“现将2027年……”）。请在「年份」框中填写，如 2027。',
    en: 'No year found in the notice (as in “关于2027年部分节假日安排的通知”). Type it in the Year box, e.g. 2027.',
  },
  'notice.yearMismatch': {
    zh: '「年份」框中填的是 {given} 年，通知写的是 {found} 年。请核对是否贴错了通知，或改正「年份」。',
    en: 'The Year box says {given}; the notice is for {found}. Check the notice or the Year box.',
  },
  'holidays.badYear': {
    zh: '「年份」应是四位年份，如 2027，而不是「{value}」。',
    en: 'The Year must be a four-digit year such as 2027, not "{value}".',
  },
  'ledger.noPeriod': {
    zh: '通报中没有记录报告期（隐藏的模板信息缺失或被改动），无法确定导入哪一期。请用「汇总通报」重新生成本期通报，再导入它。',
    en: 'The bulletin does not record its period (its hidden template data is missing or changed). Make the bulletin again with Merge, then import that one.',
  },
  'calendar.yearMissing': {
    zh: '没有 {year} 年的法定节假日和调休数据：只按周末推算，节假日未计入。请用「导入放假通知」或在「节假日」表中录入 {year} 年国务院放假安排。',
    en: 'No statutory holiday data for {year}: weekends only. Import the notice (导入放假通知) or enter the year in the 节假日 sheet.',
  },
  'calendar.yearOfficeOnly': {
    zh: '没有内置的 {year} 年国务院放假安排，只用了「节假日」表中录入的 {count} 天。请确认已录全该年全部放假日和调休上班日。',
    en: 'No built-in holiday data for {year}; only the {count} days entered in 节假日 are used. Make sure the whole year is entered.',
  },
  'output.rowsOmitted': {
    zh: '……另有 {count} 行未列出：一张 Excel 工作表最多 1,048,576 行。{detail}',
    en: '… {count} more rows not listed: an Excel sheet holds at most 1,048,576 rows. {detail}',
  },
} as const satisfies Partial<Record<IssueCode, Readonly<Record<Locale, string>>>>;
