import type { MessageDef } from './codes.js';

/** Messages of kpd schedule: the lines of its log and of --dry-run, Chinese first. */
export const SCHEDULE_MESSAGES = {
  'schedule.step.remind': { severity: 'info', zh: '{key} 期报送提醒', en: 'reminders for {key}' },
  'schedule.step.draft': { severity: 'info', zh: '{key} 期通报草稿', en: 'draft bulletin for {key}' },
  'schedule.step.final': {
    severity: 'info',
    zh: '{key} 期正式通报和催报',
    en: 'bulletin and overdue notices for {key}',
  },
  'schedule.step.topics': {
    severity: 'info',
    zh: '{key} 例会议题收取',
    en: 'topics for the meeting of {key}',
  },
  'schedule.step.agenda': { severity: 'info', zh: '{key} 例会议程', en: 'agenda of the meeting of {key}' },

  'schedule.started': {
    severity: 'info',
    zh: '自动运行开始（总台账 {master}，邮箱设置 {config}；{send}）。',
    en: 'Schedule started (master {master}, settings {config}; {send}).',
  },
  'schedule.sendOn': {
    severity: 'info',
    zh: '加了 --send：提醒和催报直接发出',
    en: '--send: reminders and overdue notices are sent',
  },
  'schedule.sendOff': {
    severity: 'info',
    zh: '未加 --send：邮件只写入待发送文件夹，不发出',
    en: 'no --send: messages are only written to the outbox folder',
  },
  'schedule.begin': {
    severity: 'info',
    zh: '开始「{step}」（应于 {at}）。',
    en: 'Starting "{step}" (due {at}).',
  },
  'schedule.done': { severity: 'info', zh: '完成「{step}」。', en: 'Done: "{step}".' },
  'schedule.failed': {
    severity: 'error',
    zh: '「{step}」未完成：{reason} {retry} 分钟后再试（到 {until} 为止）。',
    en: '"{step}" failed: {reason} Trying again in {retry} minutes (until {until}).',
  },
  'schedule.missed': {
    severity: 'warning',
    zh: '错过了「{step}」：应于 {at} 执行，到 {until} 电脑未运行本程序，未补做。请手工处理。',
    en: 'Missed "{step}": due {at}, the schedule did not run before {until}. Do it by hand.',
  },
  'schedule.idle': {
    severity: 'info',
    zh: '下一步是「{step}」，在 {at}。',
    en: 'Next: "{step}" at {at}.',
  },
  'schedule.stopped': {
    severity: 'error',
    zh: '自动运行已停止：{reason} 录入后再启动。',
    en: 'The schedule stopped: {reason} Start it again once entered.',
  },
  'schedule.warning': { severity: 'warning', zh: '注意：{reason}', en: 'Warning: {reason}' },
  'schedule.dryRun': {
    severity: 'info',
    zh: '（试运行，什么也不做）「{step}」将：',
    en: '(dry run, nothing done) "{step}" would:',
  },
  'schedule.dryNothing': {
    severity: 'info',
    zh: '（试运行）{now} 没有到时的步骤。',
    en: '(dry run) {now}: nothing due.',
  },

  'schedule.do.fetchReports': {
    severity: 'info',
    zh: '从邮箱「{folder}」取 {key} 期的半月进展报表邮件，存入「{into}」',
    en: 'fetch the half-month reports of {key} from "{folder}" into "{into}"',
  },
  'schedule.do.fetchTopics': {
    severity: 'info',
    zh: '从邮箱「{folder}」取 {key} 例会的议题申报表邮件，存入「{into}」',
    en: 'fetch the topic forms for the meeting of {key} from "{folder}" into "{into}"',
  },
  'schedule.do.merge': {
    severity: 'info',
    zh: '按总台账汇总「{from}」中的报表，写出「{out}」',
    en: 'merge the reports in "{from}" against the master into "{out}"',
  },
  'schedule.do.chaseList': {
    severity: 'info',
    zh: '写出催报名单「{out}」',
    en: 'write the overdue list "{out}"',
  },
  'schedule.do.remind': {
    severity: 'info',
    zh: '给各指挥部联系邮箱写{what}（{how}）',
    en: "write {what} to the HQs' contacts ({how})",
  },
  'schedule.do.send': { severity: 'info', zh: '直接发出', en: 'sent' },
  'schedule.do.outbox': {
    severity: 'info',
    zh: '写入「{dir}」，不发出',
    en: 'written to "{dir}", not sent',
  },
  'schedule.do.agenda': {
    severity: 'info',
    zh: '编制 {key} 例会议程，写出「{out}」',
    en: 'draft the agenda of {key} into "{out}"',
  },

  'schedule.result.fetch': {
    severity: 'info',
    zh: '取邮件：新保存 {saved} 封，跳过 {skipped} 封（{into}）',
    en: 'fetched: {saved} saved, {skipped} skipped ({into})',
  },
  'schedule.result.merge': {
    severity: 'info',
    zh: '通报「{out}」：应报 {expected}，按时 {onTime}，迟报 {late}，未报 {missing}，未签字 {unsigned}',
    en: 'bulletin "{out}": {expected} expected, {onTime} on time, {late} late, {missing} missing, {unsigned} unsigned',
  },
  'schedule.result.remind': {
    severity: 'info',
    zh: '{what} {count} 封：{how}',
    en: '{count} {what}: {how}',
  },
  'schedule.result.agenda': {
    severity: 'info',
    zh: '议程「{out}」：议题 {topics} 个，滞后项目 {behind} 个，督办事项 {decisions} 项',
    en: 'agenda "{out}": {topics} topics, {behind} projects behind, {decisions} decisions',
  },
  'schedule.result.command': {
    severity: 'error',
    zh: '{command} 未能完成：{detail}',
    en: '{command} did not complete: {detail}',
  },
  'schedule.noReports': {
    severity: 'info',
    zh: '「{dir}」中还没有报表，按全部未报汇总。',
    en: 'No reports in "{dir}" yet; merged as all missing.',
  },

  // File names the schedule writes (what the clerk finds in the output folder).
  'schedule.file.draft': {
    severity: 'info',
    zh: '重点项目情况通报-第{number}期（草稿）',
    en: '重点项目情况通报-第{number}期（draft）',
  },
  'schedule.file.final': {
    severity: 'info',
    zh: '重点项目情况通报-第{number}期',
    en: '重点项目情况通报-第{number}期',
  },
  'schedule.file.chase': { severity: 'info', zh: '催报名单-{key}', en: 'overdue-{key}' },
  'schedule.file.agenda': { severity: 'info', zh: '周例会议程-{key}', en: '周例会议程-{key}' },
  'schedule.file.outbox': { severity: 'info', zh: '待发送', en: 'outbox' },
} as const satisfies Record<string, MessageDef>;
