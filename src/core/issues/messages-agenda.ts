import type { MessageDef } from './codes.js';

/** Messages of the weekly agenda (kpd agenda), Chinese first. */
export const AGENDA_MESSAGES = {
  'agenda.notTopics': {
    severity: 'error',
    zh: '{=what}，不是周例会议题申报表，未列入议程。',
    en: '{=what}: not a 周例会议题申报表; not on the agenda.',
  },
  'agenda.topicsDeferred': {
    severity: 'info',
    zh: '「{unit}」{at} 申报{=via}，晚于本次会议的议题截止（{cutoff}），转入 {meeting} 的例会。',
    en: '"{unit}" submitted at {at}{=via}, after this meeting\'s cut-off ({cutoff}); goes to the meeting of {meeting}.',
  },
  'agenda.topicsPast': {
    severity: 'warning',
    zh: '「{unit}」{at} 申报{=via}的议题属于 {meeting} 的例会（已开过），未列入本次；如仍需上会，请重新申报。',
    en: '"{unit}" submitted at {at}{=via} for the meeting of {meeting}, already held; not on this agenda. Submit again if still needed.',
  },
  'agenda.topicsUndated': {
    severity: 'warning',
    zh: '申报时间未填写或无法识别，无法判断是否逾期；按本次会议（{meeting}）列入，请核实。',
    en: 'No readable 申报时间, so lateness cannot be judged; listed for this meeting ({meeting}). Please check.',
  },
  'agenda.lateNote': {
    severity: 'info',
    zh: '错过 {intended} 例会的议题截止（{cutoff}），转入本次',
    en: 'missed the cut-off of the meeting of {intended} ({cutoff}); moved to this one',
  },
  // ---- what the agenda says of a form and beside its topics -------------------------------------
  'agenda.otherForm': { severity: 'info', zh: '这是「{title}」', en: 'This is "{title}"' },
  'agenda.viaMail': { severity: 'info', zh: '（按邮件时间）', en: ' (e-mail time)' },
  'agenda.viaClerk': { severity: 'info', zh: '（按登记时间）', en: ' (time logged by the clerk)' },
  'agenda.unsignedNote': { severity: 'info', zh: '未经{label}', en: 'not signed: {label}' },
  'agenda.unsignedNoteLeader': { severity: 'info', zh: '未经领导', en: 'not signed by the leaders' },
  'agenda.unknownProjectNote': {
    severity: 'info',
    zh: '{column}不在{sheet}中',
    en: '{column} not in {sheet}',
  },
  'agenda.noUnit': { severity: 'info', zh: '（未填{field}）', en: '({field} not filled in)' },
} as const satisfies Record<string, MessageDef>;
