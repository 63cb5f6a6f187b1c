import { describe, expect, it } from 'vitest';
import { isoDateTimeToSerial } from '../../../src/core/values/dates.js';
import { dateCell } from '../../../src/core/values/grid.js';
import { DEFAULT_RULES, type RuleSet } from '../../../src/core/rules/ruleset.js';
import { TOPIC_LIST } from '../../../src/core/schema/topics.js';
import { readTopics } from '../../../src/core/topics/read.js';
import { tableGrid, type Values } from '../../helpers/grids.js';

const FIELDS: Values = {
  unit: '智慧城市建设指挥部',
  submittedAt: '2026-11-10 15:30',
  leaderSignature: '周文斌',
  countySignature: '周文斌',
};
const TOPIC: Values = {
  projectId: 'AY-2026-029',
  topic: '综合管廊资金缺口',
  problem: '缺口约6000万元',
  proposal: '调度专项债',
};
const topics = (fields: Values, rows: readonly Values[] = [TOPIC]) => ({
  sheets: [tableGrid(TOPIC_LIST, rows, { fields }).grid],
});

describe('readTopics (周例会议题申报表)', () => {
  it('sends a Tuesday-afternoon topic to this Saturday’s meeting', () => {
    const r = readTopics(topics(FIELDS), DEFAULT_RULES);
    expect(r).toMatchObject({
      unit: '智慧城市建设指挥部',
      submittedAt: '2026-11-10 15:30:00',
      meeting: '2026-11-14',
      late: false,
    });
    expect(r.issues).toEqual([]);
    expect(r.topics.map((t) => t.record.topic)).toEqual(['综合管廊资金缺口']);
  });

  it('moves a Wednesday topic to the next Saturday and marks it late', () => {
    const r = readTopics(topics({ ...FIELDS, submittedAt: '2026年11月11日 9:20' }), DEFAULT_RULES);
    expect([r.meeting, r.late]).toEqual(['2026-11-21', true]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row, i.column, i.params])).toEqual([
      [
        'topic.late',
        'warning',
        3,
        2,
        {
          source: '申报时间',
          value: '2026-11-11 09:20',
          cutoff: '2026-11-10 17:00',
          meeting: '2026-11-21',
          intended: '2026-11-14',
        },
      ],
    ]);
  });

  it('places the topics by the e-mail’s time when the form came by mail, whatever time was typed', () => {
    // Typed on Wednesday, but the mail reached the office on Tuesday morning: on time.
    const wed = topics({ ...FIELDS, submittedAt: '2026-11-11 09:20' });
    const mailed = readTopics(wed, DEFAULT_RULES, undefined, {
      at: '2026-11-10 09:30:00',
      source: '邮件时间',
    });
    expect(mailed).toMatchObject({
      submittedAt: '2026-11-11 09:20:00',
      at: '2026-11-10 09:30:00',
      timeSource: '邮件时间',
      meeting: '2026-11-14',
      late: false,
    });
    expect(mailed.issues).toEqual([]);
    // Typed on Tuesday, mailed on Wednesday: late, and the message says which time decided.
    const r = readTopics(topics(FIELDS), DEFAULT_RULES, undefined, {
      at: '2026-11-11 08:05:00',
      source: '邮件时间',
    });
    expect([r.meeting, r.late, r.timeSource]).toEqual(['2026-11-21', true, '邮件时间']);
    expect(r.issues.map((i) => [i.code, i.row, i.params['source'], i.params['value']])).toEqual([
      ['topic.late', undefined, '邮件时间', '2026-11-11 08:05'],
    ]);
  });

  it('reads a submission time typed as an Excel date-time', () => {
    const at = dateCell(isoDateTimeToSerial('2026-11-10 17:30:00'));
    const r = readTopics(topics({ ...FIELDS, submittedAt: at }), DEFAULT_RULES);
    expect([r.submittedAt, r.meeting, r.late]).toEqual(['2026-11-10 17:30:00', '2026-11-21', true]);
  });

  it('follows the cut-off of the rule table', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      schedule: { ...DEFAULT_RULES.schedule, topicCutoffWeekday: '星期三', topicCutoffTime: '12:00' },
    };
    expect(readTopics(topics({ ...FIELDS, submittedAt: '2026-11-11 11:00' }), rules).late).toBe(false);
  });

  it('flags each missing signature and a missing 申报单位 or 申报时间', () => {
    const r = readTopics(topics({ leaderSignature: '周文斌' }), DEFAULT_RULES);
    expect(r.issues.map((i) => [i.code, i.severity, i.params['label']])).toEqual([
      ['field.required', 'error', '申报单位'],
      ['field.required', 'error', '申报时间'],
      ['topic.unsignedLeader', 'warning', '分管县级领导签字'],
    ]);
    expect(r.late).toBe(false);
  });

  it('requires a 议题 on each row, and the sheet itself', () => {
    const r = readTopics(
      topics(FIELDS, [TOPIC, { projectId: 'AY-2026-027', problem: '无议题' }]),
      DEFAULT_RULES,
    );
    expect(r.issues.map((i) => i.code)).toEqual(['cell.required']);
    expect(r.topics).toHaveLength(1);
    expect(readTopics({ sheets: [] }, DEFAULT_RULES).issues.map((i) => i.code)).toEqual(['sheet.missing']);
  });
});
