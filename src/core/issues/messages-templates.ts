import type { MessageDef } from './codes.js';

/**
 * The fixed words of the workbooks we write (templates, papers, result sheets): the data
 * validation's prompts and error texts people read in Excel, the unit line, the page footer, the
 * note mark. The templates are issued in Chinese; English is there for `--lang en` papers.
 */
export const TEMPLATE_MESSAGES = {
  // ---- data validation (adapters/exceljs/validation.ts): Excel shows these on a wrong entry -----
  'template.dv.wrongTitle': { severity: 'info', zh: '输入有误', en: 'Invalid entry' },
  'template.dv.checkTitle': { severity: 'info', zh: '请核对', en: 'Please check' },
  'template.dv.dateTitle': { severity: 'info', zh: '请输入日期', en: 'Enter a date' },
  'template.dv.enum': {
    severity: 'info',
    zh: '「{header}」只能填写：{values}。请从下拉列表中选择。',
    en: '"{header}" takes only: {values}. Choose from the drop-down list.',
  },
  'template.dv.listFrom': {
    severity: 'info',
    zh: '「{header}」不在「{sheet}」中，请先登记或从下拉列表中选择。',
    en: '"{header}" is not in "{sheet}": register it there first, or choose from the drop-down list.',
  },
  'template.dv.integerBetween': {
    severity: 'info',
    zh: '「{header}」应为 {min}～{max} 的整数。',
    en: '"{header}" must be a whole number from {min} to {max}.',
  },
  'template.dv.integerFrom': {
    severity: 'info',
    zh: '「{header}」应为不小于 {min} 的整数。',
    en: '"{header}" must be a whole number of at least {min}.',
  },
  'template.dv.number': {
    severity: 'info',
    zh: '「{header}」应为数字。',
    en: '"{header}" must be a number.',
  },
  'template.dv.numberFrom': {
    severity: 'info',
    zh: '「{header}」应为不小于 {min} 的数字。',
    en: '"{header}" must be a number of at least {min}.',
  },
  'template.dv.money': {
    severity: 'info',
    zh: '「{header}」应为数字（单位：万元，不要填写文字）。',
    en: '"{header}" must be a number (in 10,000 yuan, no words).',
  },
  'template.dv.moneyFrom': {
    severity: 'info',
    zh: '「{header}」应为不小于 {min} 的数字（单位：万元，不要填写文字）。',
    en: '"{header}" must be a number of at least {min} (in 10,000 yuan, no words).',
  },
  'template.dv.date': {
    severity: 'info',
    zh: '「{header}」应为日期，如 2026-11-03 或 2026年11月3日。',
    en: '"{header}" must be a date, such as 2026-11-03.',
  },
  // ---- the sheets' fixed words (write-template.ts, office/excel.ts, wps/write.ts) ---------------
  'template.unit': { severity: 'info', zh: '单位：万元', en: 'Unit: 10,000 yuan' },
  'template.pageFooter': { severity: 'info', zh: '&C第 &P 页，共 &N 页', en: '&CPage &P of &N' },
  'template.note': { severity: 'info', zh: '注：{text}', en: 'Note: {text}' },
  'template.resultsTitle': { severity: 'info', zh: '结果', en: 'Results' },
  // ---- names joined in a sentence -----------------------------------------------------------------
  'values.quoted': { severity: 'info', zh: '「{name}」', en: '"{name}"' },
} as const satisfies Record<string, MessageDef>;
