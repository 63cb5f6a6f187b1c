import type { MessageDef } from './codes.js';

/**
 * The fixed words of the bulletin's sheets (core/bulletin/render.ts) and the punctuation that joins
 * names in a finding (core/issues/issue.ts). Chinese first; labels are 'info'.
 */
export const SHEETS_BULLETIN_MESSAGES = {
  // ---- joining names ---------------------------------------------------------------------------
  'values.clauseSeparator': { severity: 'info', zh: '；', en: '; ' },
  /** Between names inside 「…」: 「进展情况」或「总台账」. */
  'values.orQuoted': { severity: 'info', zh: '」或「', en: '" or "' },
  'values.sheetQuoted': { severity: 'info', zh: '「{sheet}」', en: "'{sheet}'" },
  'values.rowRef': { severity: 'info', zh: '第{row}行', en: 'row {row}' },
  'severity.error': { severity: 'info', zh: '错误', en: 'error' },
  'severity.warning': { severity: 'info', zh: '警告', en: 'warning' },
  'severity.info': { severity: 'info', zh: '提示', en: 'note' },
  // ---- what a template field expects (field.invalid's {expected}) -------------------------------
  'field.expected.text': { severity: 'info', zh: '文字', en: 'text' },
  'field.expected.date': { severity: 'info', zh: '日期，如 2026-11-12', en: 'a date, e.g. 2026-11-12' },
  'field.expected.datetime': {
    severity: 'info',
    zh: '日期和时间，如 2026-11-10 16:30',
    en: 'a date and time, e.g. 2026-11-10 16:30',
  },
  'field.expected.period': {
    severity: 'info',
    zh: '报告期，如 2026年11月上半月 或 2026年11月',
    en: 'a report period as the form has it, e.g. 2026年11月上半月 or 2026年11月',
  },
  // ---- the bulletin's sheets -------------------------------------------------------------------
  'sheets.bulletin.defaultOffice': {
    severity: 'info',
    zh: '发展改革局重点项目办公室',
    en: 'Key Project Office, Development and Reform Bureau',
  },
  'sheets.bulletin.noWeeks': {
    severity: 'info',
    zh: '本期没有要考核的周',
    en: 'no week to assess this period',
  },
  'sheets.bulletin.allProjects': { severity: 'info', zh: '全部项目', en: 'All projects' },
  'sheets.bulletin.subtotalProjects': { severity: 'info', zh: '共 {count} 个项目', en: '{count} projects' },
  'sheets.bulletin.subtotalStatus': {
    severity: 'info',
    zh: '，{count} 个{status}',
    en: ', {count} {status}',
  },
  'sheets.bulletin.subtotalUnreported': {
    severity: 'info',
    zh: '，{count} 个无本期数据',
    en: ', {count} without figures this period',
  },
  'sheets.bulletin.replacedBy': { severity: 'info', zh: '已被「{file}」替换', en: 'Replaced by "{file}"' },
  'sheets.bulletin.corrected': {
    severity: 'info',
    zh: '更正重报，替换 {count} 份',
    en: 'Correction: replaces {count} earlier',
  },
  'sheets.bulletin.lateNote': {
    severity: 'info',
    zh: '晚于报送截止 {due}，通报批评',
    en: 'After the due date {due}: criticised',
  },
  'sheets.bulletin.missingNote': {
    severity: 'info',
    zh: '本期未报送，通报批评',
    en: 'Not reported this period: criticised',
  },
  'sheets.bulletin.setAsideNote': {
    severity: 'info',
    zh: '收到的文件未并入（{reasons}），本期视为未报送；请核实后重报',
    en: 'The files received were not merged ({reasons}): counted as not reported; check them and report again',
  },
  'sheets.bulletin.notReport': {
    severity: 'info',
    zh: '这是「{title}」，不是半月进展报表，未并入',
    en: 'This is "{title}", not a half-monthly progress report: not merged',
  },
} as const satisfies Record<string, MessageDef>;
