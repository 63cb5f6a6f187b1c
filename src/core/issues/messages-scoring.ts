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
  'score.emptyPeriod': {
    severity: 'error',
    zh: '{period}（{from} 至 {to}）没有可考评的数据：总台账中没有该期的进展记录、报送记录、一线工作记录，没有该期到期的督办事项或审批事项，「单位考评」中也没有该期的手工评分。本期未排名，也未写入「排名历史」（否则各单位都按满分并列、全部通报表扬）。请先导入该期各期通报（「导入台账」或 kpd ledger import），或录入该期数据后再计算。',
    en: '{period} ({from} to {to}) has no data to rank: no progress, reports or site visits of its half-month periods, no decisions or approvals due in it, no typed 单位考评 row. Not ranked and not written to 排名历史 (every unit would tie at full marks and be praised). Import the period’s bulletins (kpd ledger import) or enter its data first.',
  },
  'score.overlap': {
    severity: 'info',
    zh: '因总分并列，前 {praise} 名与后 {criticize} 名有重叠：{units}在前 {praise} 名内，按表扬优先通报表扬，不列入通报批评，也不计倒数第一。',
    en: 'Ties make the top {praise} and the bottom {criticize} overlap: {units} are within the top {praise}, praised (praise wins), not criticised and not counted as last.',
  },
  'score.overlapNoLast': {
    severity: 'info',
    zh: '因总分并列，全部单位都在前 {praise} 名内：都通报表扬，本期没有通报批评，也没有倒数第一。',
    en: 'Ties put every unit within the top {praise}: all are praised; this period nobody is criticised or last.',
  },
} as const satisfies Record<string, MessageDef>;
