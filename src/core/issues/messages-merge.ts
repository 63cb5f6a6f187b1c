import type { MessageDef } from './codes.js';

/** Messages of the merge (kpd merge), Chinese first. */
export const MERGE_MESSAGES = {
  'ledger.noPeriod': {
    severity: 'error',
    zh: '通报中没有记录报告期（隐藏的模板信息缺失或被改动），无法确定导入哪一期。请用 --period 给出，如 2026-11-1。',
    en: 'The bulletin does not record its period (its hidden template data is missing or changed). Give it with --period, e.g. 2026-11-1.',
  },
  'merge.replaced': {
    severity: 'info',
    zh: '本文件已被「{by}」替换（同一指挥部同一报告期以最后收到的为准），本行未并入。',
    en: 'This file was replaced by "{by}" (the latest report of an HQ and period wins); row not merged.',
  },
  'merge.correctedAfterDue': {
    severity: 'info',
    zh: '这份更正在报送截止（{due}）之后收到，已替换原报送的数据；首次报送「{first}」按时，不算迟报。',
    en: 'This correction arrived after the due date ({due}) and replaces the figures; the first report "{first}" was on time, so the HQ is not late.',
  },
  'merge.filledOnOdd': {
    severity: 'warning',
    zh: '填报日期 {value} {=why}，可能填错了；仍按它判断是否按时报送，请核实。',
    en: '填报日期 {value}: {=why}; probably a slip. Still used to judge lateness; please check.',
  },
  'merge.fileNotMerged': {
    severity: 'error',
    zh: '本文件未并入：{=reason}',
    en: 'File not merged: {=reason}',
  },
  'behind.investment': {
    severity: 'info',
    zh: '投资完成率 {rate}%，低于序时进度 {fraction}%（差 {gap} 个百分点）',
    en: 'investment {rate}% of the annual plan, below the time-elapsed rate {fraction}% ({gap} points)',
  },
  'behind.milestone': {
    severity: 'info',
    zh: '节点{seq}「{name}」计划 {date} 完成，逾期未完成',
    en: 'milestone {seq} "{name}" planned for {date}, not done',
  },
  'merge.why.beforePeriod': {
    severity: 'info',
    zh: '早于报告期开始（{from}）',
    en: 'before the period began ({from})',
  },
  'merge.why.noProgressSheet': {
    severity: 'info',
    zh: '找不到「{sheet}」表（可能被改名或删除），请用下发的模板重新填报',
    en: 'no "{sheet}" sheet (renamed or deleted?); please fill in the template sent out',
  },
  'merge.why.unknownReporter': {
    severity: 'info',
    zh: '填报单位「{reporter}」不是登记的指挥部',
    en: 'the 填报单位 "{reporter}" is not a registered HQ',
  },
  'merge.why.otherPeriod': {
    severity: 'info',
    zh: '报告期填为「{found}」，不是本期「{expected}」',
    en: 'the report period is "{found}", not this period "{expected}"',
  },
  'merge.periodAssumed': {
    severity: 'warning',
    zh: '报告期未填写或无法识别，按本期（{period}）并入。',
    en: 'Report period blank or unreadable; merged as this period ({period}).',
  },
  'merge.hqInferred': {
    severity: 'warning',
    zh: '填报单位「{value}」无法识别，按所填项目认定为「{hq}」。',
    en: 'Reporting unit "{value}" unknown; taken as "{hq}" from its projects.',
  },
  'merge.projectNotReported': {
    severity: 'warning',
    zh: '项目「{project}」（{name}）未在本指挥部报表中填报。',
    en: 'Project "{project}" ({name}) is missing from its HQ\'s report.',
  },
  'merge.unsignedReport': {
    severity: 'warning',
    zh: '「{hq}」的报表未经指挥长签字。',
    en: 'The report of "{hq}" is not signed by the commander.',
  },
  'merge.timeFuture': {
    severity: 'warning',
    zh: '{source} {value} 晚于本次汇总的日期（{now}），不可能是收到的时间，未采用；改按下一种时间判断是否按时。请核实（多见于电脑日期设错或填报日期写错）。',
    en: '{source} {value} is later than the day of this merge ({now}) and cannot be when the file arrived; not used, the next time known is. Please check (a wrong computer clock or a mistyped date).',
  },
  'merge.timeFarLate': {
    severity: 'warning',
    zh: '{source} {value} 比报送截止（{due}）晚一年以上，不可能是本期报表的收到时间，未采用；改按下一种时间判断是否按时。请核实。',
    en: '{source} {value} is more than a year after the due date ({due}) and cannot be when this report arrived; not used, the next time known is. Please check.',
  },
} as const satisfies Record<string, MessageDef>;
