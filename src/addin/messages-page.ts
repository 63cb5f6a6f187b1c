/**
 * The task pane's page (taskpane.html) in English, by element id: Chinese is in the HTML. The
 * names of sheets and of the pane's Chinese buttons stay Chinese in brackets, as the clerk sees
 * them in the workbook.
 */
export const PAGE_ENGLISH: Readonly<Record<string, string>> = {
  title: 'Key Project Desk',
  'h-rank': 'Agent assessment and unit ranking',
  'l-period': 'Period',
  'hint-period': 'A quarter as 2026Q3, a half-year as 2026H2 (half-years rank units only).',
  rank: 'Rank (计算排名)',
  'hint-rank':
    'Results go to the sheets 代办员考核结果, 扣分明细, 单位考评排名, 排名历史 and 数据问题; no other sheet changes.',
  'h-merge': 'Half-month bulletin',
  'l-report-period': 'Period',
  'hint-report-period':
    '2026-11-1 for the first half (due the 12th), 2026-11-2 for the month (due the 25th).',
  'l-reports': 'Reports received (several allowed; .xlsx, .eml or .zip)',
  merge: 'Merge into bulletin (汇总通报)',
  'hint-merge':
    'Merges them against this master into the 重点项目情况通报, opened as a new workbook (the master and the files are not changed); save it. Then import it into the ledgers from here.',
  'h-ledger': 'Import a bulletin into the ledgers',
  'l-bulletin-template': 'Your own bulletin template (optional; made in Excel, with your masthead)',
  'l-bulletin': 'Bulletin file (the one just merged needs no choosing: use the button under the result)',
  cancel: 'Cancel',
  ledger: 'Import into ledgers (导入台账)',
  'hint-ledger':
    'Writes the period’s progress, submissions and site work into 进展记录, 报送记录 and 一线工作记录 of this workbook (importing a period again replaces it); the unit ranking reads them.',
  'h-agenda': 'Weekly meeting agenda',
  'l-meeting': 'Meeting day (Saturday)',
  agenda: 'Build agenda',
  'l-topics': 'Topic forms received (several allowed; .xlsx, .eml or .zip)',
  'hint-agenda':
    'Writes 议程, 督办落实 and 议题及滞后项目: the decisions, the topics sent in and the projects behind. With forms chosen, the files and rows not used go to 议题数据问题. Files are only read.',
  'h-chart': 'Progress chart (挂图作战)',
  'l-chart-day': 'As of',
  chart: 'Progress chart (进度图)',
  'hint-chart':
    'Draws each project’s milestones (节点计划) as the printable progress chart: one A3 landscape sheet per HQ, done milestones red, overdue ones black; opened as a new workbook.',
  'h-holidays': 'Holiday arrangements',
  'l-notice-text': 'The State Council’s holiday notice (paste its full text)',
  'l-notice-year': 'Year (when the notice does not say it)',
  holidays: 'Import the notice (导入放假通知)',
  'hint-holidays':
    'Checked item by item, then written into 节假日 of this workbook (rest days 休, 调休 working days 班); a notice with errors changes nothing and says where.',
  'h-check': 'Check this workbook',
  check: 'Check',
  'l-live': 'Check entries as they are typed (master workbook, half-month report, topic form)',
};
