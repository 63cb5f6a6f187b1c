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
  // ---- the lines of 扣分明细 (附件1), as the 考核 sheets print them ---------------------------
  'score.line.incident': {
    severity: 'info',
    zh: '{date} 记录，{points} 分{=notePart}{=byPart}',
    en: '{date}: recorded, {points} points{=notePart}{=byPart}',
  },
  'score.line.incidentTimes': {
    severity: 'info',
    zh: '{date} 记录，{count} 次，每次 {points} 分{=notePart}{=byPart}',
    en: '{date}: recorded, {count} times, {points} points each{=notePart}{=byPart}',
  },
  'score.line.note': { severity: 'info', zh: '；说明：{note}', en: '; note: {note}' },
  'score.line.recordedBy': {
    severity: 'info',
    zh: '；记录人：{recordedBy}',
    en: '; recorded by {recordedBy}',
  },
  'score.line.limit': {
    severity: 'info',
    zh: '时限 {days} 个工作日，应于 {due} 办结',
    en: 'time limit {days} working days, due {due}',
  },
  'score.line.doneLater': { severity: 'info', zh: '（{done} 办结）', en: ' (done {done})' },
  'score.line.overdue': {
    severity: 'info',
    zh: '{caseId} {item}（项目 {projectId}，{category}，难度{difficulty}），{=limitPart}，季末未办结{=laterPart}',
    en: "{caseId} {item} (project {projectId}, {category}, difficulty {difficulty}), {=limitPart}, not done at the quarter's end{=laterPart}",
  },
  'score.line.lateOpen': {
    severity: 'info',
    zh: '{caseId} {item}，{=limitPart}，季末未办结{=laterPart}',
    en: "{caseId} {item}, {=limitPart}, not done at the quarter's end{=laterPart}",
  },
  'score.line.lateDone': {
    severity: 'info',
    zh: '{caseId} {item}，{=limitPart}，{done} 办结，逾期',
    en: '{caseId} {item}, {=limitPart}, done {done}, late',
  },
  'score.line.onSite': {
    severity: 'info',
    zh: '{caseId} {item}，{done} 办结，现场评价：{rating}',
    en: '{caseId} {item}, done {done}, on-site rating: {rating}',
  },
  'score.line.survey': {
    severity: 'info',
    zh: '{date} 满意度测评，{answered} 项平均 {mean}，综合等次：{level}',
    en: '{date} satisfaction survey, mean of {answered} items {mean}, overall: {level}',
  },
  'score.line.surveyOf': {
    severity: 'info',
    zh: '{date} 满意度测评（{company}），{answered} 项平均 {mean}，综合等次：{level}',
    en: '{date} satisfaction survey ({company}), mean of {answered} items {mean}, overall: {level}',
  },
  // ---- how each criterion of a unit was counted (排名计算说明) ------------------------------
  'score.unit.nothingToCount': {
    severity: 'info',
    zh: '无可计项，按满分',
    en: 'nothing to count: full marks',
  },
  'score.unit.manual': { severity: 'info', zh: '手工录入', en: 'typed in' },
  'score.unit.investment': {
    severity: 'info',
    zh: '年度累计完成投资 {done} 万元 / 序时计划投资 {expected} 万元（年度计划 {plan} × {fraction}），{percent}{=cappedPart}',
    en: 'investment done this year {done} / scheduled {expected} (10k yuan; annual plan {plan} × {fraction}), {percent}{=cappedPart}',
  },
  'score.unit.capped': { severity: 'info', zh: '，超过 100% 按 100% 计', en: '; over 100% counts as 100%' },
  'score.unit.milestones': {
    severity: 'info',
    zh: '按期完成节点 {done} 个 / 期内计划节点 {total} 个，{percent}',
    en: 'milestones done on time {done} / planned in the period {total}, {percent}',
  },
  'score.unit.reports': {
    severity: 'info',
    zh: '按时报送 {done} 次 / 应报送 {total} 次（{hqs} 个指挥部 × {periods} 期），{percent}',
    en: 'reports on time {done} / due {total} ({hqs} HQs × {periods} periods), {percent}',
  },
  'score.unit.siteWork': {
    severity: 'info',
    zh: '达标人周 {done} / 一线工作人周 {total}（每人每周至少 {min} 次），{percent}',
    en: 'person-weeks meeting the bar {done} / person-weeks {total} (at least {min} visits a week), {percent}',
  },
  'score.unit.decisions': {
    severity: 'info',
    zh: '按期落实 {done} 项 / 期内到期督办事项 {total} 项，{percent}',
    en: 'decisions done on time {done} / due in the period {total}, {percent}',
  },
  'score.unit.approvals': {
    severity: 'info',
    zh: '按时限办结 {done} 项 / 期内到期审批事项 {total} 项，{percent}',
    en: 'approvals done within the limit {done} / due in the period {total}, {percent}',
  },
  // ---- the result sheets' filled-in words -----------------------------------------------------
  'score.handling.excluded': { severity: 'info', zh: '未计入', en: 'not counted' },
  'score.handling.note': { severity: 'info', zh: '提示', en: 'note' },
} as const satisfies Record<string, MessageDef>;
