import { defineSheet, defineTemplate, PROJECT_ID_NOTE } from './define.js';
import { SCHEDULE_PARAMS } from '../rules/schedule.js';

// The form quotes the rule table's defaults: 每周二 17:00 (the notice's 周二下午5点).
const CUTOFF = `每${SCHEDULE_PARAMS.topicCutoffWeekday.value}${SCHEDULE_PARAMS.topicCutoffTime.value}前`;

/** 周例会议题申报表: one workbook per submitting unit per week (DOMAIN §5, §9). */

export const TOPIC_LIST = defineSheet({
  key: 'topics',
  name: '议题申报',
  title: '重大建设项目推进工作周例会议题申报表',
  landscape: true,
  blankRows: 10,
  fields: [
    { key: 'unit', label: '申报单位', type: 'text', required: true },
    {
      key: 'submittedAt',
      label: '申报时间',
      type: 'datetime',
      required: true,
      note: `${CUTOFF}报重点办（遇节假日提前到此前最后一个工作日）`,
    },
    { key: 'leaderSignature', label: '单位主要领导签字', type: 'text', blankCode: 'topic.unsignedLeader' },
    { key: 'countySignature', label: '分管县级领导签字', type: 'text', blankCode: 'topic.unsignedLeader' },
  ],
  notes: [
    `议题须经单位主要领导和分管县级领导签字，于${CUTOFF}报示范区发改局重点办（遇节假日提前到此前最后一个工作日的${SCHEDULE_PARAMS.topicCutoffTime.value}）；逾期转入下一次例会。`,
  ],
  columns: [
    { key: 'projectId', header: '项目编号', type: 'text', width: 13, note: PROJECT_ID_NOTE },
    { key: 'topic', header: '议题', type: 'text', required: true, width: 28 },
    { key: 'problem', header: '存在问题', type: 'text', width: 34 },
    { key: 'proposal', header: '建议解决方式', type: 'text', width: 34 },
  ],
});

export const TOPICS = defineTemplate({
  id: 'kpd.topics',
  version: 1,
  fileName: '周例会议题申报表.xlsx',
  title: '周例会议题申报表',
  sheets: [TOPIC_LIST],
});
