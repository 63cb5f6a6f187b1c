import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { periodSchedule } from '../../../src/core/calendar/schedule.js';
import type { Bulletin } from '../../../src/core/bulletin/model.js';
import { composeReminders, hqContacts, splitAddresses } from '../../../src/core/jobs/remind.js';
import type { Located, Project } from '../../../src/core/master/types.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';
import { message } from '../../../src/core/issues/issue.js';

const schedule = periodSchedule({ year: 2026, month: 11, half: 1 }, new WorkCalendar(), DEFAULT_RULES);

const project = (row: number, projectId: string, hq: string, contactEmail?: string): Located<Project> => ({
  sheet: '项目登记',
  row,
  columns: new Map(),
  record: {
    projectId,
    name: `项目${projectId}`,
    category: '省重点',
    content: undefined,
    location: undefined,
    totalInvestment: 100,
    annualPlan: 50,
    plannedStart: undefined,
    plannedEnd: undefined,
    hq,
    commander: '指挥长',
    unit: '县发改局',
    unitHead: '一把手',
    agent: '代办员',
    townCadre: '干部',
    contactEmail,
  },
});

const PROJECTS = [
  project(3, 'P1', '甲指挥部', 'jia@example.cn；jia2@example.cn'),
  project(4, 'P2', '甲指挥部', 'JIA@example.cn'),
  project(5, 'P3', '乙指挥部', 'yi@example.cn'),
  project(6, 'P4', '丙指挥部', '丙的邮箱'),
  project(7, 'P5', '丁指挥部', 'ding@example.cn'),
];

/** What the merge of the reports received says (only the fields the reminders read). */
const STATUS = {
  submissions: [
    {
      hq: '甲指挥部',
      file: '收件/20261111-1732 甲 #3.eml › 甲进展.xlsx',
      receivedAt: '2026-11-11 17:32:00',
      replaces: [],
    },
    { hq: '乙指挥部', file: '乙进展.xlsx', receivedAt: '2026-11-12 09:00:00', replaces: [] },
  ],
  missing: ['丙指挥部', '丁指挥部'],
  unsigned: ['乙指挥部'],
  projects: [
    { projectId: 'P1', name: '项目P1', hq: '甲指挥部', status: '正常' },
    { projectId: 'P2', name: '项目P2', hq: '甲指挥部', status: '未报' },
    { projectId: 'P3', name: '项目P3', hq: '乙指挥部', status: '正常' },
  ],
} as unknown as Bulletin;

const base = {
  schedule,
  projects: PROJECTS,
  office: '县发改局重点项目办',
  attachmentName: '半月进展报表.xlsx',
};

describe('reminders and 催报', () => {
  it('reads the 联系邮箱 of each HQ: lists split, repeats merged, bad addresses and none said', () => {
    expect(splitAddresses(' a@x.cn ; b@x.cn，c@x.cn、d@x.cn ')).toEqual([
      'a@x.cn',
      'b@x.cn',
      'c@x.cn',
      'd@x.cn',
    ]);
    const { hqs, issues } = hqContacts(PROJECTS);
    expect(hqs).toEqual([
      { hq: '甲指挥部', to: ['jia@example.cn', 'jia2@example.cn'] },
      { hq: '乙指挥部', to: ['yi@example.cn'] },
      { hq: '丙指挥部', to: [] },
      { hq: '丁指挥部', to: ['ding@example.cn'] },
    ]);
    expect(issues.map((i) => message(i))).toEqual([
      '「丙指挥部」的联系邮箱「丙的邮箱」不是有效的邮箱地址，未使用。',
      '「丙指挥部」在「项目登记」的联系邮箱一栏没有填写邮箱，无法给它发提醒和催报。',
    ]);
    expect(issues[0]).toMatchObject({ sheet: '项目登记', row: 6, column: 16 });
  });

  it('before the due date: every HQ with an address, told what has arrived', () => {
    const { result } = composeReminders({ ...base, today: '2026-11-11', status: STATUS });
    expect(result.phase).toBe('before');
    expect(result.reminders.map((r) => [r.hq, r.to, r.reasons])).toEqual([
      ['甲指挥部', ['jia@example.cn', 'jia2@example.cn'], ['due', 'received', 'projectsMissing']],
      ['乙指挥部', ['yi@example.cn'], ['due', 'received', 'unsigned']],
      ['丁指挥部', ['ding@example.cn'], ['due']],
    ]);
    const jia = result.reminders[0];
    expect(jia?.subject).toBe('【提醒】请于 2026-11-12 前报送2026年11月上半月重点项目进展报表');
    expect(jia?.text).toBe(
      [
        '甲指挥部负责同志：',
        '请于 2026-11-12 前报送2026年11月上半月重点项目进展报表：电子版（.xlsx）发送至本邮箱，纸质版经指挥长签字后报送重点项目办。空白模板见附件。',
        '本办已于 2026-11-11 17:32 收到贵指挥部本期报表。',
        '以下项目本期没有填报或数据有误：P2 项目P2。请补全后重新报送。',
        '本期《重点项目情况通报》将于 2026-11-13 印发。',
        '',
        '县发改局重点项目办',
        '2026-11-11',
        '',
      ].join('\n'),
    );
    expect(result.reminders[1]?.text).toMatch(/贵指挥部报送的报表（乙进展\.xlsx）未经指挥长签字/u);
    // Before the due date nothing is chased.
    expect(result.chase).toEqual([]);
    // Without the reports, the reminder is the same for all.
    const plain = composeReminders({ ...base, today: '2026-11-11' }).result;
    expect(plain.reminders.every((r) => r.reasons.join() === 'due')).toBe(true);
  });

  it('after the due date: only those missing, unsigned or lacking projects; the HQ knows its file by its name', () => {
    const { result } = composeReminders({ ...base, today: '2026-11-13', status: STATUS });
    expect(result.phase).toBe('after');
    expect(result.chase.map((c) => [c.hq, c.reasons, c.to])).toEqual([
      ['甲指挥部', ['projectsMissing'], ['jia@example.cn', 'jia2@example.cn']],
      ['乙指挥部', ['unsigned'], ['yi@example.cn']],
      ['丙指挥部', ['missing'], []],
      ['丁指挥部', ['missing'], ['ding@example.cn']],
    ]);
    // 丙 has no address: on the 催报名单, but no message.
    expect(result.reminders.map((r) => r.hq)).toEqual(['甲指挥部', '乙指挥部', '丁指挥部']);
    expect(result.reminders[0]?.subject).toBe('【催报】2026年11月上半月重点项目进展报表');
    expect(result.reminders[2]?.text).toMatch(
      /截至 2026-11-13，本办未收到贵指挥部2026年11月上半月的半月进展报表（报送截止 2026-11-12）。逾期未报将在全县通报批评/u,
    );
  });

  it('needs the reports received after the due date, and speaks English when asked', () => {
    const { result, issues } = composeReminders({ ...base, today: '2026-11-13' });
    expect(result.reminders).toEqual([]);
    expect(issues.map((i) => i.code)).toContain('mail.remindNeedsReports');
    const en = composeReminders({ ...base, today: '2026-11-11', locale: 'en' }).result.reminders[0];
    expect(en?.subject).toBe('[Reminder] Key project report for 2026年11月上半月 due 2026-11-12');
    expect(en?.text.split('\n')[0]).toBe('To 甲指挥部:');
  });
});
