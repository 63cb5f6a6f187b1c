import { isoWeekday } from '../values/dates.js';
import { withinExcelLimits, type BulletinSheets } from '../bulletin/render.js';
import { AGENDA_DECISIONS, AGENDA_ITEMS, AGENDA_PROBLEMS, AGENDA_TOPICS } from '../schema/agenda.js';
import type { RowValues } from '../template/samples.js';
import { message, SEVERITY_LABEL } from '../issues/issue.js';
import { reasonsText } from '../bulletin/model.js';
import type { Agenda } from './build.js';

const WEEKDAY_ZH = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const zhDate = (d: string): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The agenda as sheets of rows and placeholder values: what any writer fills into its template. */
export function agendaSheets(a: Agenda, opts: { office?: string } = {}): BulletinSheets {
  const count = (state: string): number => a.decisions.filter((d) => d.state === state).length;
  const units = new Set(a.topics.map((t) => t.unit));
  const basis = a.basis
    ? `按${a.basis.label}报告期的进展（总台账「进展记录」中最近一期，序时进度 ${pct(a.basis.fraction)}）`
    : '总台账「进展记录」中还没有已通报的进展，只按节点计划列入';
  const placeholders = new Map<string, string>([
    ['会议日期', zhDate(a.meeting)],
    ['星期', WEEKDAY_ZH[isoWeekday(a.meeting)] ?? ''],
    ['上次会议', zhDate(a.previousMeeting)],
    ['议题截止', `${zhDate(a.cutoff.slice(0, 10))} ${a.cutoff.slice(11, 16)}`],
    ['编制单位', opts.office ?? '发展改革局重点项目办公室'],
    ['议题数', String(a.topics.length)],
    ['申报单位数', String(units.size)],
    ['滞后项目数', String(a.behind.length)],
    ['进展依据', basis],
    ['督办数', String(a.decisions.length)],
    ['已完成', String(count('已完成') + count('逾期完成'))],
    ['逾期完成', String(count('逾期完成'))],
    ['未到期', String(count('未到期'))],
    ['逾期未完成', String(count('逾期未完成'))],
    ['文件数', String(a.files.received)],
    ['列入文件数', String(a.files.used)],
    ['规则集', a.rulesLabel],
    ['截止星期', a.cutoffRule.weekday],
    ['截止时刻', a.cutoffRule.time],
    ['节假日依据', a.calendarBasis.map((i) => message(i)).join('')],
  ]);

  // The three parts of the meeting (DOMAIN §5); part two is one line per HQ that has business.
  const groupsWithBusiness = a.groups.filter(
    (g) => a.topics.some((t) => t.group === g) || a.behind.some((p) => p.hq === g),
  );
  const overdue = count('逾期未完成');
  const items: RowValues[] = [
    {
      seq: '一',
      item: '督查室通报上次会议议定事项落实情况',
      content: `督办事项 ${a.decisions.length} 项：已完成 ${count('已完成') + count('逾期完成')} 项，未到期 ${count('未到期')} 项，逾期未完成 ${overdue} 项${overdue > 0 ? '（责任单位说明原因）' : ''}`,
      reporter: '督查室',
      sheet: '督办落实',
    },
    {
      seq: '二',
      item: '各指挥部汇报存在问题及滞后项目',
      content:
        groupsWithBusiness.length === 0
          ? '本次没有申报的议题和滞后项目'
          : `议题 ${a.topics.length} 个，滞后项目 ${a.behind.length} 个，按以下顺序逐个汇报`,
      reporter: '各指挥长',
      sheet: '议题及滞后项目',
    },
    ...groupsWithBusiness.map((g, i) => {
      const t = a.topics.filter((x) => x.group === g).length;
      const b = a.behind.filter((x) => x.hq === g).length;
      const commander = a.behind.find((x) => x.hq === g)?.commander;
      return {
        seq: `（${i + 1}）`,
        item: g,
        content: [t > 0 ? `议题 ${t} 个` : '', b > 0 ? `滞后项目 ${b} 个（须说明原因）` : '']
          .filter(Boolean)
          .join('，'),
        reporter: commander ?? g,
        sheet: '议题及滞后项目',
      };
    }),
    {
      seq: '三',
      item: '主任总结讲话，安排部署下步工作',
      content: '议定事项由督查室列入「督办事项」跟踪',
      reporter: '主任',
      sheet: null,
    },
  ];

  const decisions: RowValues[] = a.decisions.map((d, i) => ({
    seq: i + 1,
    itemId: d.itemId,
    meetingDate: d.meetingDate,
    content: d.content,
    unit: d.unit,
    deadline: d.deadline,
    doneDate: d.doneDate ?? null,
    state: d.state,
    overdueDays: d.overdueDays ?? null,
    note: d.note ?? null,
  }));

  // HQ by HQ: its topics first, then its projects behind.
  const lines: RowValues[] = [];
  for (const g of a.groups) {
    for (const t of a.topics.filter((x) => x.group === g))
      lines.push({
        group: g,
        kind: '申报议题',
        projectId: t.projectId ?? null,
        name: t.projectName ?? null,
        topic: t.topic,
        problem: t.problem ?? null,
        proposal: t.proposal ?? null,
        unit: t.unit,
        note: t.notes.join('；') || null,
      });
    for (const p of a.behind.filter((x) => x.hq === g))
      lines.push({
        group: g,
        kind: '滞后项目',
        projectId: p.projectId,
        name: p.name,
        topic: reasonsText(p.reasons),
        problem: null,
        proposal: null,
        unit: p.commander,
        note: '须说明原因和措施',
      });
  }

  const problems: RowValues[] = a.problems.map((p, i) => ({
    seq: i + 1,
    file: p.file,
    sheet: p.sheet,
    cell: p.cell ?? (p.row !== null ? `第${p.row}行` : null),
    handling: p.rejected ? '未列入' : p.code === 'agenda.topicsDeferred' ? '顺延' : '提示',
    severity: SEVERITY_LABEL[p.severity].zh,
    code: p.code,
    message: p.message,
  }));

  return withinExcelLimits({
    placeholders,
    tables: [
      { sheet: AGENDA_ITEMS, rows: items },
      { sheet: AGENDA_DECISIONS, rows: decisions },
      { sheet: AGENDA_TOPICS, rows: lines.map((l, i) => ({ seq: i + 1, ...l })) },
      { sheet: AGENDA_PROBLEMS, rows: problems },
    ],
  });
}
