import type { MessageDef } from './codes.js';

/** Messages of the scoring (kpd score), Chinese first. */
export const SCORING_MESSAGES = {
  'score.outsidePeriod': {
    severity: 'info',
    zh: '日期 {value} 不在考核期 {period}（{from} 至 {to}）内，本次不计。',
    en: 'Date {value} is outside the period {period} ({from} to {to}); not counted this time.',
  },
  'score.outsideYear': {
    severity: 'info',
    zh: '另有 {count} 行的日期不在 {year} 年内，与 {period} 的考核无关，未计入。',
    en: '{count} more rows are dated outside {year}; they do not belong to {period} and were not counted.',
  },
  'score.unknownAgent': {
    severity: 'warning',
    zh: '「{header}」「{value}」不在「代办员名册」中，本行不计分。',
    en: '"{header}" "{value}" is not in 代办员名册; this row is not scored.',
  },
  'score.unknownProject': {
    severity: 'warning',
    zh: '项目编号「{value}」不在「项目登记」中，本行不计分。',
    en: 'Project id "{value}" is not in 项目登记; this row is not scored.',
  },
  'score.unitScoreDuplicate': {
    severity: 'warning',
    zh: '{period}「{unit}」的「{header}」在「单位考评」中填写了多次，采用第 {firstRow} 行的 {value}。',
    en: '{period} "{unit}" has "{header}" typed more than once in 单位考评; row {firstRow} ({value}) is used.',
  },
  'score.historyReplaced': {
    severity: 'info',
    zh: '「排名历史」中已有 {period} 的 {count} 行记录，本次按台账重新计算，写回时将替换这些记录。',
    en: '排名历史 already holds {count} rows for {period}; they are recomputed and will be replaced.',
  },
  'score.historyDuplicate': {
    severity: 'warning',
    zh: '「排名历史」中 {period}「{unit}」重复（与第 {firstRow} 行相同），采用第 {firstRow} 行。',
    en: '排名历史 lists {period} "{unit}" twice (as row {firstRow}); row {firstRow} is used.',
  },
} as const satisfies Record<string, MessageDef>;
