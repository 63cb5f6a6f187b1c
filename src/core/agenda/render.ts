import { isoWeekday } from '../values/dates.js';
import { withinExcelLimits, type BulletinSheets } from '../bulletin/render.js';
import {
  AGENDA_DECISIONS,
  AGENDA_ITEMS,
  AGENDA_LINE_KIND,
  AGENDA_PLACEHOLDERS,
  AGENDA_PROBLEMS,
  AGENDA_TOPICS,
} from '../schema/agenda.js';
import { DEFAULT_OFFICE } from '../schema/chart.js';
import { DECISIONS, PROGRESS_LOG } from '../schema/master.js';
import { DEADLINE_STATE, type DeadlineState } from '../rules/vocab.js';
import { WEEKDAYS } from '../rules/schedule.js';
import type { RowValues } from '../template/samples.js';
import type { IssueCode } from '../issues/codes.js';
import { formatMessage, message, SEVERITY_LABEL, type IssueParams, type Locale } from '../issues/issue.js';
import { printed, zhDate } from '../document/text.js';
import { zhNumeral } from '../values/zh-number.js';
import { reasonsText } from '../bulletin/model.js';
import type { Agenda } from './build.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** How each language numbers the parts of the meeting: 一 二 三, or 1 2 3. */
const NUMERALS: Readonly<Record<Locale, (n: number) => string>> = { zh: zhNumeral, en: String };

/** The sheets' words in one language. */
type Say = (code: IssueCode, params?: IssueParams) => string;

/** How the agenda's sheets are written: the office, and the language (Chinese unless said). */
interface AgendaSheetOptions {
  office?: string;
  locale?: Locale;
}

/** The agenda as sheets of rows and placeholder values: what any writer fills into its template. */
export function agendaSheets(a: Agenda, opts: AgendaSheetOptions = {}): BulletinSheets {
  const locale = opts.locale ?? 'zh';
  const say: Say = (code, params = {}) => formatMessage(code, params, locale);
  return withinExcelLimits({
    placeholders: agendaPlaceholders(a, opts.office, locale),
    tables: [
      { sheet: AGENDA_ITEMS, rows: itemRows(a, say, locale) },
      { sheet: AGENDA_DECISIONS, rows: decisionRows(a) },
      { sheet: AGENDA_TOPICS, rows: lineRows(a, say) },
      { sheet: AGENDA_PROBLEMS, rows: problemRows(a, say, locale) },
    ],
  });
}

/** How many decisions are in each state. */
function stateCounts(a: Agenda): Readonly<Record<DeadlineState, number>> {
  const count = (state: DeadlineState): number => a.decisions.filter((d) => d.state === state).length;
  return {
    [DEADLINE_STATE.done]: count(DEADLINE_STATE.done),
    [DEADLINE_STATE.doneLate]: count(DEADLINE_STATE.doneLate),
    [DEADLINE_STATE.pending]: count(DEADLINE_STATE.pending),
    [DEADLINE_STATE.overdue]: count(DEADLINE_STATE.overdue),
  };
}

/** The {{placeholders}} of the agenda's titles and lead lines. */
function agendaPlaceholders(a: Agenda, office: string | undefined, locale: Locale): Map<string, string> {
  const n = stateCounts(a);
  const basis = a.basis
    ? printed(
        'agendaSheet.basis',
        {
          label: a.basis.label,
          sheet: PROGRESS_LOG.name,
          fraction: pct(a.basis.fraction),
        },
        locale,
      )
    : printed('agendaSheet.noBasis', { sheet: PROGRESS_LOG.name }, locale);
  const values: Record<keyof typeof AGENDA_PLACEHOLDERS, string> = {
    meetingDate: zhDate(a.meeting, locale),
    weekday: WEEKDAYS[isoWeekday(a.meeting) - 1] ?? '',
    previousMeeting: zhDate(a.previousMeeting, locale),
    cutoff: `${zhDate(a.cutoff.slice(0, 10), locale)} ${a.cutoff.slice(11, 16)}`,
    office: office ?? DEFAULT_OFFICE,
    topics: String(a.topics.length),
    units: String(new Set(a.topics.map((t) => t.unit)).size),
    behind: String(a.behind.length),
    basis,
    decisions: String(a.decisions.length),
    done: String(n[DEADLINE_STATE.done] + n[DEADLINE_STATE.doneLate]),
    doneLate: String(n[DEADLINE_STATE.doneLate]),
    pending: String(n[DEADLINE_STATE.pending]),
    overdue: String(n[DEADLINE_STATE.overdue]),
    files: String(a.files.received),
    filesUsed: String(a.files.used),
    rules: a.rulesLabel,
    cutoffWeekday: a.cutoffRule.weekday,
    cutoffTime: a.cutoffRule.time,
    calendarBasis: a.calendarBasis.map((i) => message(i, locale)).join(''),
  };
  return new Map(
    (Object.keys(values) as (keyof typeof AGENDA_PLACEHOLDERS)[]).map((k) => [
      AGENDA_PLACEHOLDERS[k],
      values[k],
    ]),
  );
}

/** The three parts of the meeting (DOMAIN §5); part two is one line per HQ that has business. */
function itemRows(a: Agenda, say: Say, locale: Locale): RowValues[] {
  const n = stateCounts(a);
  const overdue = n[DEADLINE_STATE.overdue];
  const groupsWithBusiness = a.groups.filter(
    (g) => a.topics.some((t) => t.group === g) || a.behind.some((p) => p.hq === g),
  );
  const content = say('agendaSheet.decisionsContent', {
    total: a.decisions.length,
    done: n[DEADLINE_STATE.done] + n[DEADLINE_STATE.doneLate],
    pending: n[DEADLINE_STATE.pending],
    overdue,
  });
  return [
    {
      seq: NUMERALS[locale](1),
      item: say('agendaSheet.decisionsItem'),
      content: overdue > 0 ? content + say('agendaSheet.overdueExplained') : content,
      reporter: say('agendaSheet.supervisor'),
      sheet: AGENDA_DECISIONS.name,
    },
    {
      seq: NUMERALS[locale](2),
      item: say('agendaSheet.groupsItem'),
      content:
        groupsWithBusiness.length === 0
          ? say('agendaSheet.noBusiness')
          : say('agendaSheet.groupsContent', { topics: a.topics.length, behind: a.behind.length }),
      reporter: say('agendaSheet.commanders'),
      sheet: AGENDA_TOPICS.name,
    },
    ...groupsWithBusiness.map((g, i) => groupItem(a, g, i + 1, say)),
    {
      seq: NUMERALS[locale](3),
      item: say('agendaSheet.summaryItem'),
      content: printed('agendaSheet.summaryContent', { sheet: DECISIONS.name }, locale),
      reporter: say('agendaSheet.director'),
      sheet: null,
    },
  ];
}

/** Part two's line for one HQ: how many topics and projects behind it brings, and who reports. */
function groupItem(a: Agenda, g: string, seq: number, say: Say): RowValues {
  const t = a.topics.filter((x) => x.group === g).length;
  const b = a.behind.filter((x) => x.hq === g).length;
  const commander = a.behind.find((x) => x.hq === g)?.commander;
  return {
    seq: say('agendaSheet.groupSeq', { n: seq }),
    item: g,
    content: [
      t > 0 ? say('agendaSheet.groupTopics', { n: t }) : '',
      b > 0 ? say('agendaSheet.groupBehind', { n: b }) : '',
    ]
      .filter(Boolean)
      .join(say('agendaSheet.partSeparator')),
    reporter: commander ?? g,
    sheet: AGENDA_TOPICS.name,
  };
}

function decisionRows(a: Agenda): RowValues[] {
  return a.decisions.map((d, i) => ({
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
}

/** HQ by HQ: its topics first, then its projects behind. */
function lineRows(a: Agenda, say: Say): RowValues[] {
  const lines: RowValues[] = [];
  for (const g of a.groups) {
    for (const t of a.topics.filter((x) => x.group === g))
      lines.push({
        group: g,
        kind: AGENDA_LINE_KIND.topic,
        projectId: t.projectId ?? null,
        name: t.projectName ?? null,
        topic: t.topic,
        problem: t.problem ?? null,
        proposal: t.proposal ?? null,
        unit: t.unit,
        note: t.notes.join(say('agendaSheet.noteSeparator')) || null,
      });
    for (const p of a.behind.filter((x) => x.hq === g))
      lines.push({
        group: g,
        kind: AGENDA_LINE_KIND.behind,
        projectId: p.projectId,
        name: p.name,
        topic: reasonsText(p.reasons),
        problem: null,
        proposal: null,
        unit: p.commander,
        note: say('agendaSheet.behindNote'),
      });
  }
  return lines.map((l, i) => ({ seq: i + 1, ...l }));
}

function problemRows(a: Agenda, say: Say, locale: Locale): RowValues[] {
  return a.problems.map((p, i) => ({
    seq: i + 1,
    file: p.file,
    sheet: p.sheet,
    cell: p.cell ?? (p.row !== null ? say('mergeOut.rowAt', { row: p.row }) : null),
    handling: say(
      p.rejected
        ? 'agendaSheet.notListed'
        : p.code === 'agenda.topicsDeferred'
          ? 'agendaSheet.deferred'
          : 'agendaSheet.noted',
      {},
    ),
    severity: SEVERITY_LABEL[p.severity][locale],
    code: p.code,
    message: p.message,
  }));
}
