import type { MessageDef } from './codes.js';

/**
 * What the merge (kpd merge, 汇总通报) and the ledger import (kpd ledger import, 导入通报) say
 * about their own run: the master refused, the template refused, the summary printed on the
 * terminal and in the pane. Chinese first; names (units, sheets, files) stay as written.
 */
export const MERGE_RUN_MESSAGES = {
  // ---- is this the master? (core/workbook/master-kind.ts) ------------------------------------
  'master.openOtherKind': {
    severity: 'error',
    zh: '当前工作簿是「{title}」，不是总台账。请在总台账中使用本功能。',
    en: 'This workbook is a "{title}", not the master workbook (总台账). Open the master first.',
  },
  'master.openNoProjects': {
    severity: 'error',
    zh: '当前工作簿中找不到「{sheet}」表，不是总台账。请在总台账中使用本功能。',
    en: 'This workbook has no "{sheet}" sheet: it is not the master workbook (总台账).',
  },
  'cli.masterOtherKind': {
    severity: 'error',
    zh: '「{file}」不是总台账，而是「{title}」。请给出总台账.xlsx。',
    en: '"{file}" is not the master workbook but a "{title}". Give the master with --master.',
  },
  'cli.masterNoProjects': {
    severity: 'error',
    zh: '「{file}」不是总台账：找不到「{sheet}」表。请给出总台账.xlsx。',
    en: '"{file}" is not the master workbook: it has no "{sheet}" sheet.',
  },
  // ---- the merge's inputs ----------------------------------------------------------------------
  'merge.periodUnknown': {
    severity: 'error',
    zh: '报告期「{value}」无法识别：上半月写 2026-11-1，当月写 2026-11-2。',
    en: 'Period "{value}" not understood: 2026-11-1 (first half) or 2026-11-2 (whole month).',
  },
  'merge.nothingPicked': {
    severity: 'error',
    zh: '请先选择收到的半月进展报表（可多选：.xlsx、.eml 邮件或 .zip 压缩包）。',
    en: 'Choose the reports received first (.xlsx, .eml or .zip; several at once).',
  },
  'cli.mergeNeedMaster': { severity: 'error', zh: '缺少 --master 总台账.xlsx。', en: 'Missing --master.' },
  'cli.mergeNeedOut': { severity: 'error', zh: '缺少 --out 通报.xlsx。', en: 'Missing --out.' },
  'cli.mergeNeedPeriod': {
    severity: 'error',
    zh: '请用 --period 给出报告期，如 2026-11-1。',
    en: 'Give --period, e.g. 2026-11-1.',
  },
  'cli.mergeNeedInputs': {
    severity: 'error',
    zh: '请给出要汇总的文件或文件夹。',
    en: 'Give the files or folders to merge.',
  },
  'cli.receivedUnreadable': {
    severity: 'error',
    zh: '无法读取登记时间文件「{path}」：文件不存在或无权读取。',
    en: 'Cannot read the --received file {path}.',
  },
  'cli.receivedTimeBad': {
    severity: 'warning',
    zh: '登记时间文件第 {line} 行未使用：时间「{value}」无法识别（应如 2026-11-12 16:30）',
    en: '--received line {line} not used: time "{value}" not understood',
  },
  'cli.receivedNoName': {
    severity: 'warning',
    zh: '登记时间文件第 {line} 行未使用：缺少文件名',
    en: '--received line {line} not used: no file name',
  },
  'cli.receivedUnknownFile': {
    severity: 'warning',
    zh: '登记时间文件中的「{name}」不是本次输入中的任何文件，未使用',
    en: '--received names "{name}", which is not among the inputs',
  },
  // ---- the bulletin template (core/jobs/merge.ts templateIssues) ------------------------------
  'merge.templateUnusable': {
    severity: 'error',
    zh: '通报模板「{template}」不是可用的 .xlsx 工作簿。',
    en: 'The bulletin template "{template}" is not a usable .xlsx.',
  },
  'merge.templateNoTables': {
    severity: 'error',
    zh: '通报模板「{template}」中找不到通报的任何一张表（应有「汇总」「项目进展」等表及其表头）。',
    en: 'The template "{template}" has none of the bulletin tables.',
  },
  'merge.templateSheetMissing': {
    severity: 'warning',
    zh: '通报模板中没有「{sheet}」表（或找不到其表头），该部分未写入。',
    en: 'the template has no "{sheet}" table; not written.',
  },
  // ---- what the merge says when done (cli/render/merge.ts, src/addin/actions/merge.ts) ---------
  'run.warning': { severity: 'warning', zh: '警告：{text}', en: 'Warning: {text}' },
  'run.ignoredLine': { severity: 'info', zh: '忽略　{file}　{=why}', en: 'Ignored　{file}　{=why}' },
  'run.wrote': { severity: 'info', zh: '已生成 {path}', en: 'Wrote {path}' },
  'run.moreInAll': { severity: 'info', zh: '……共 {count} 条', en: '… {count} in all' },
  'run.filesInAll': { severity: 'info', zh: '……共 {count} 个', en: '… {count} in all' },
  'mergeOut.heading': {
    severity: 'info',
    zh: '重点项目情况通报（第{number}期）（{period}，报送截止 {due}，通报日 {bulletinDate}）',
    en: 'Key project bulletin no. {number} ({period}, due {due}, bulletin {bulletinDate})',
  },
  'mergeOut.columns': {
    severity: 'info',
    zh: '指挥部|状态|报送时间|时间来源|签字|文件',
    en: 'HQ|Status|Received|Time from|Signed|File',
  },
  'mergeOut.replaced': { severity: 'info', zh: '已替换', en: 'replaced' },
  'mergeOut.late': { severity: 'info', zh: '迟报', en: 'late' },
  'mergeOut.onTime': { severity: 'info', zh: '按时', en: 'on time' },
  'mergeOut.missing': { severity: 'info', zh: '未报', en: 'missing' },
  'mergeOut.signed': { severity: 'info', zh: '已签', en: 'signed' },
  'mergeOut.unsigned': { severity: 'info', zh: '未签', en: 'not signed' },
  'mergeOut.time.mail': { severity: 'info', zh: '邮件时间', en: 'e-mail' },
  'mergeOut.time.clerk': { severity: 'info', zh: '登记时间', en: 'logged' },
  'mergeOut.time.filled': { severity: 'info', zh: '填报日期', en: 'form date' },
  'mergeOut.time.mtime': { severity: 'info', zh: '文件修改时间', en: 'file time' },
  'mergeOut.countColumns': { severity: 'info', zh: '项目|数量', en: 'Item|Count' },
  'mergeOut.countDue': { severity: 'info', zh: '应报指挥部', en: 'HQs due' },
  'mergeOut.countTimely': { severity: 'info', zh: '按时 / 迟报 / 未报', en: 'On time / late / missing' },
  'mergeOut.countUnsigned': { severity: 'info', zh: '未签字', en: 'Not signed' },
  'mergeOut.countBehind': { severity: 'info', zh: '滞后项目', en: 'Projects behind' },
  'mergeOut.countShortfalls': {
    severity: 'info',
    zh: '一线工作不足（人周）',
    en: 'Site-visit shortfalls (person-weeks)',
  },
  'mergeOut.countRows': {
    severity: 'info',
    zh: '数据行：收到 = 并入 + 未并入',
    en: 'Rows: received = merged + not merged',
  },
  'mergeOut.countIgnored': { severity: 'info', zh: '忽略的文件', en: 'Files ignored' },
  'mergeOut.ignoredHeading': { severity: 'info', zh: '忽略的文件：', en: 'Ignored files:' },
  'mergeOut.rejectedHeading': {
    severity: 'info',
    zh: '未并入的数据（详见通报「数据问题」表）：',
    en: 'Rows not merged (see the 数据问题 sheet):',
  },
  'mergeOut.rejectedHeadingAnnex': {
    severity: 'info',
    zh: '未并入的数据（详见附件 {path} 的「数据问题」表）：',
    en: 'Rows not merged (see the 数据问题 sheet of the annex {path}):',
  },
  'mergeOut.wholeFile': {
    severity: 'info',
    zh: '{file}（整份 {rows} 行）  {reason}',
    en: '{file} (all {rows} rows)  {reason}',
  },
  'mergeOut.rowAt': { severity: 'info', zh: '第{row}行', en: 'row {row}' },
  'mergeOut.paneDone': {
    severity: 'info',
    zh: '重点项目情况通报（第{number}期）（{period}，报送截止 {due}）{how}「{file}」：应报 {due_hqs} 个指挥部，按时 {onTime}、迟报 {late}、未报 {missing}；滞后项目 {behind} 个；数据行 {rowsIn} = 并入 {merged} + 未并入 {rejected}。',
    en: 'Key project bulletin no. {number} of {period} (due {due}) {how} "{file}": {due_hqs} HQs due, {onTime} on time, {late} late, {missing} missing; {behind} projects behind; rows {rowsIn} = {merged} merged + {rejected} not merged.',
  },
  // The made workbook's file name: a name, the same in both languages.
  'mergeOut.fileName': {
    severity: 'info',
    zh: '重点项目情况通报-第{number}期.xlsx',
    en: '重点项目情况通报-第{number}期.xlsx',
  },
  'mergeOut.paneOpened': {
    severity: 'info',
    zh: '已在新工作簿中打开，请另存为',
    en: 'opened as a new workbook; save it as',
  },
  'mergeOut.paneDownloaded': { severity: 'info', zh: '已下载为', en: 'downloaded as' },
  'mergeOut.paneMissing': { severity: 'info', zh: '未报：{names}', en: 'Missing: {names}' },
  'mergeOut.paneLate': { severity: 'info', zh: '迟报：{names}', en: 'Late: {names}' },
  'mergeOut.paneUnsigned': { severity: 'info', zh: '未经指挥长签字：{names}', en: 'Not signed: {names}' },
  // ---- kpd ledger import / 导入通报 -----------------------------------------------------------------
  'cli.ledgerUsage': {
    severity: 'error',
    zh: '用法：kpd ledger import 通报.xlsx --into 总台账.xlsx --out 新总台账.xlsx',
    en: 'Usage: kpd ledger import bulletin.xlsx --into master.xlsx --out new-master.xlsx',
  },
  'cli.ledgerNeedIntoOut': {
    severity: 'error',
    zh: '缺少 --into 总台账.xlsx 或 --out 新总台账.xlsx。',
    en: 'Missing --into or --out.',
  },
  'ledgerOut.imported': {
    severity: 'info',
    zh: '已导入 {period}：进展记录 {progress} 行，报送记录 {submissions} 行，一线工作记录 {siteVisits} 行{replaced}。',
    en: 'Imported {period}: {progress} progress rows, {submissions} submission rows, {siteVisits} site-visit rows{replaced}.',
  },
  'ledgerOut.replaced': {
    severity: 'info',
    zh: '（替换了该期原有的 {count} 行）',
    en: ' (replacing {count} rows of that period)',
  },
  'ledgerOut.wroteKept': {
    severity: 'info',
    zh: '已生成 {path}（原总台账未修改）',
    en: 'Wrote {path} (the master itself is unchanged)',
  },
  'ledgerOut.chooseBulletin': {
    severity: 'error',
    zh: '请选择一份《重点项目情况通报》（.xlsx，由「汇总通报」或 kpd merge 生成）。',
    en: 'Choose one bulletin (.xlsx, made by 汇总通报 or kpd merge).',
  },
} as const satisfies Record<string, MessageDef>;
