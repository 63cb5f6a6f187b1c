import type { MessageDef } from './codes.js';

/**
 * The file names the command line suggests when one is missing or wrong ("give a file name, e.g.
 * 通报.xlsx"), the names it gives files it makes beside another, and its internal-error line.
 * Chinese first.
 */
export const EXAMPLE_MESSAGES = {
  'example.result': { severity: 'info', zh: '结果.xlsx', en: 'result.xlsx' },
  'example.master': { severity: 'info', zh: '总台账.xlsx', en: 'master.xlsx' },
  'example.newMaster': { severity: 'info', zh: '新总台账.xlsx', en: 'new-master.xlsx' },
  'example.bulletin': { severity: 'info', zh: '通报.xlsx', en: 'bulletin.xlsx' },
  'example.bulletinAnnex': { severity: 'info', zh: '通报附件.xlsx', en: 'bulletin-annex.xlsx' },
  'example.agenda': { severity: 'info', zh: '周例会议程.xlsx', en: 'agenda.xlsx' },
  'example.scores': { severity: 'info', zh: '考核结果.xlsx', en: 'assessment.xlsx' },
  'example.chart': { severity: 'info', zh: '进度图.xlsx', en: 'progress-chart.xlsx' },
  'example.formsFolder': { severity: 'info', zh: '代办表格', en: 'case-forms' },
  // The decisions form written beside the minutes (纪要.docx → 纪要-议定事项.xlsx): one name in
  // both languages, as the office files it.
  'example.minutesFormSuffix': { severity: 'info', zh: '-议定事项.xlsx', en: '-议定事项.xlsx' },
  // ---- said before the language is known (src/cli/run.ts): Chinese ----------------------------
  'cli.internalError': {
    severity: 'error',
    zh: '程序内部错误（请把以下信息发给维护人员）：',
    en: 'Internal error (send what follows to whoever maintains kpd):',
  },
} as const satisfies Record<string, MessageDef>;
