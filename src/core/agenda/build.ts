import { addDays, dayNumber, type IsoDate, type IsoDateTime } from '../values/dates.js';
import { behindPlan, scheduleFraction, type ScheduleFraction } from '../calendar/fraction.js';
import { parseReportPeriod, reportPeriodRange, type ReportPeriod } from '../calendar/periods.js';
import { periodSchedule } from '../calendar/schedule.js';
import { calendarBasis, calendarWarnings } from '../calendar/warnings.js';
import { masterMeetings } from '../master/meetings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { behindProjects, type ProjectStanding } from '../bulletin/behind.js';
import { rejectedRow, type BehindProject, type ReceivedFile, type RejectedRow } from '../bulletin/model.js';
import type { Decision, MasterData, Project } from '../master/types.js';
import { matchHq, registerIndex } from '../report/read.js';
import { TOPIC_LIST, TOPICS } from '../schema/topics.js';
import { readTopics, type TopicArrival, type TopicsRead } from '../topics/read.js';
import { formatMessage, issue, message, type Issue, type Locale, type IgnoredFile } from '../issues/issue.js';
import { matchKey } from '../values/text.js';
import { identifyTemplate, isIssue } from '../workbook/identify.js';
import { compareText } from '../values/collate.js';
import {
  DEADLINE_STATE,
  TOPIC_TIME_SOURCE,
  type DeadlineState,
  type TopicTimeSource,
} from '../rules/vocab.js';
import type { IssueCode } from '../issues/codes.js';
import type { WorkbookGrid } from '../values/grid.js';
import { printed } from '../document/text.js';
import { PROJECTS } from '../schema/master.js';

/**
 * The weekly meeting's agenda (DOMAIN §5): (1) the decisions being tracked, each with its state
 * on the meeting day; (2) HQ by HQ, the topics submitted for this meeting and every project behind
 * 序时进度 (added automatically); (3) the chair's summary. Pure: the CLI and the task pane alike.
 */

export type { DeadlineState };

interface AgendaDecision {
  readonly itemId: string;
  readonly meetingDate: IsoDate;
  readonly content: string;
  readonly unit: string;
  readonly deadline: IsoDate;
  readonly doneDate?: IsoDate;
  /** 落实情况 as typed in 督办事项. */
  readonly note?: string;
  readonly state: DeadlineState;
  /** Days past the deadline: on the meeting day (not done), or when it was done (done late). */
  readonly overdueDays?: number;
}

interface AgendaTopic {
  /** The HQ it is heard under: its project's, its unit's, or the unit itself (a township, a bureau). */
  readonly group: string;
  readonly unit: string;
  readonly projectId?: string;
  readonly projectName?: string;
  readonly topic: string;
  readonly problem?: string;
  readonly proposal?: string;
  readonly file: string;
  readonly submittedAt?: IsoDateTime;
  readonly notes: readonly string[];
}

export interface Agenda {
  readonly meeting: IsoDate;
  /** The last meeting actually held before this one (holiday Saturdays have none). */
  readonly previousMeeting: IsoDate;
  /** Topics for this meeting had to arrive by then. */
  readonly cutoff: IsoDateTime;
  readonly decisions: readonly AgendaDecision[];
  readonly topics: readonly AgendaTopic[];
  readonly behind: readonly BehindProject[];
  /** The HQs in register order, then other submitting units: the order they report in. */
  readonly groups: readonly string[];
  /** The half-month period whose progress the behind list is measured on (the latest imported). */
  readonly basis?: { readonly period: string; readonly label: string; readonly fraction: number };
  readonly files: { readonly received: number; readonly used: number };
  readonly problems: readonly RejectedRow[];
  readonly rulesLabel: string;
  readonly warnings: readonly Issue[];
  /** What the dates stand on (the {{节假日依据}} line of 议程), the warnings included. */
  readonly calendarBasis: readonly Issue[];
  /** The topic cut-off of the rule table in force (星期二, 17:00): the agenda quotes it. */
  readonly cutoffRule: { readonly weekday: string; readonly time: string };
}

interface AgendaInput {
  /** The meeting day (the rule table's meeting weekday, Saturday by default). */
  readonly meeting: IsoDate;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  /** 议题申报表 as received, in a deterministic order. */
  readonly files: readonly ReceivedFile[];
  readonly ignored?: readonly IgnoredFile[];
  readonly locale?: Locale;
}

const STATE_ORDER: Readonly<Record<DeadlineState, number>> = {
  [DEADLINE_STATE.overdue]: 0,
  [DEADLINE_STATE.pending]: 1,
  [DEADLINE_STATE.doneLate]: 2,
  [DEADLINE_STATE.done]: 3,
};

/** 申报单位, and 项目编号 / 项目登记: the words of the notes the agenda writes, from the schema. */
const UNIT_LABEL = TOPIC_LIST.fields.find((f) => f.key === 'unit')?.label ?? '';
const UNKNOWN_PROJECT = {
  column: TOPIC_LIST.columns.find((c) => c.key === 'projectId')?.header ?? '',
  sheet: PROJECTS.name,
};

const days = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);
const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;

/**
 * The decisions the 督查室 reports on: those of the last meeting, those still open, and those
 * done since the last meeting — each with its state on the meeting day. "The last meeting" is
 * the last one actually held (DOMAIN §5): after the 国庆 holidays it may be three weeks back.
 */
export function trackedDecisions(
  decisions: readonly { readonly record: Decision }[],
  meeting: IsoDate,
  previous: IsoDate = addDays(meeting, -7),
): AgendaDecision[] {
  const out: AgendaDecision[] = [];
  for (const { record: d } of decisions) {
    if (d.meetingDate >= meeting) continue; // decided at this meeting or later: not yet tracked
    const done = d.doneDate !== undefined && d.doneDate <= meeting;
    const lastMeeting = d.meetingDate >= previous;
    const doneSince = done && (d.doneDate as IsoDate) > previous;
    if (done && !lastMeeting && !doneSince) continue; // closed before the last meeting
    let state: DeadlineState;
    let overdueDays: number | undefined;
    if (done) {
      const late = days(d.deadline, d.doneDate as IsoDate);
      state = late > 0 ? DEADLINE_STATE.doneLate : DEADLINE_STATE.done;
      if (late > 0) overdueDays = late;
    } else if (d.deadline < meeting) {
      state = DEADLINE_STATE.overdue;
      overdueDays = days(d.deadline, meeting);
    } else state = DEADLINE_STATE.pending;
    out.push({
      itemId: d.itemId,
      meetingDate: d.meetingDate,
      content: d.content,
      unit: d.unit,
      deadline: d.deadline,
      ...(done && { doneDate: d.doneDate as IsoDate }),
      ...(d.status !== undefined && { note: d.status }),
      state,
      ...(overdueDays !== undefined && { overdueDays }),
    });
  }
  return out.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (b.overdueDays ?? 0) - (a.overdueDays ?? 0) ||
      compareText(a.meetingDate, b.meetingDate) ||
      compareText(a.itemId, b.itemId),
  );
}

/** The latest half-month period of 进展记录 whose bulletin came out by the meeting day. */
function basisPeriod(
  master: MasterData,
  meeting: IsoDate,
  calendar: WorkCalendar,
): { period: ReportPeriod; id: string; label: string } | undefined {
  let best: { period: ReportPeriod; id: string; label: string; bulletin: IsoDate } | undefined;
  const seen = new Set<string>();
  for (const { record } of master.progressLog) {
    if (seen.has(record.period)) continue;
    seen.add(record.period);
    const p = parseReportPeriod(record.period);
    if (!p) continue;
    const s = periodSchedule(p, calendar, master.rules);
    if (s.bulletin > meeting) continue;
    if (!best || s.bulletin > best.bulletin)
      best = { period: p, id: s.period, label: s.label, bulletin: s.bulletin };
  }
  return best && { period: best.period, id: best.id, label: best.label };
}

/** Every registered project against 序时进度 on the basis period, in register order by HQ. */
function standings(
  master: MasterData,
  basis: { period: ReportPeriod; id: string } | undefined,
  exact: ScheduleFraction | undefined,
): { list: ProjectStanding[]; hqOrder: string[] } {
  const fraction = exact?.value ?? 0;
  const cumulative = new Map<string, number>();
  if (basis)
    for (const { record } of master.progressLog)
      if (record.period === basis.id && record.cumulative !== undefined)
        cumulative.set(matchKey(record.projectId), record.cumulative);
  const hqOrder = [...new Set(master.projects.map((p) => p.record.hq ?? ''))].filter((h) => h !== '');
  const rank = new Map(hqOrder.map((h, i) => [h, i]));
  const projects = [...master.projects].sort(
    (a, b) =>
      (rank.get(a.record.hq ?? '') ?? hqOrder.length) - (rank.get(b.record.hq ?? '') ?? hqOrder.length) ||
      a.row - b.row,
  );
  const list = projects.map(({ record: p }) => {
    const c = cumulative.get(matchKey(p.projectId));
    const rate = c !== undefined && p.annualPlan > 0 ? round4(c / p.annualPlan) : undefined;
    // Exact amounts decide "behind" (DOMAIN §3); the rounded rate is for display.
    const behind =
      rate !== undefined && c !== undefined && exact !== undefined && behindPlan(c, p.annualPlan, exact);
    return {
      projectId: p.projectId,
      name: p.name,
      hq: p.hq ?? '',
      commander: p.commander ?? '',
      unit: p.unit,
      ...(rate !== undefined && { rate, behindPlan: behind }),
      fraction: round4(fraction),
    };
  });
  return { list, hqOrder };
}

/** What the agenda needs of a run, computed once for all its files. */
export interface AgendaContext {
  readonly meeting: IsoDate;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
  readonly meetings: ReturnType<typeof masterMeetings>;
  /** The last meeting actually held before this one, and this one's topic cut-off. */
  readonly previousMeeting: IsoDate;
  readonly cutoff: string;
  readonly index: ReturnType<typeof registerIndex>;
}

export function agendaContext(input: Omit<AgendaInput, 'files' | 'ignored'>): AgendaContext {
  const meetings = masterMeetings(input.master, input.calendar);
  return {
    meeting: input.meeting,
    master: input.master,
    calendar: input.calendar,
    locale: input.locale ?? 'zh',
    meetings,
    previousMeeting: meetings.before(input.meeting),
    cutoff: meetings.cutoff(input.meeting),
    index: registerIndex({ projects: input.master.projects }),
  };
}

/** What one received file gave the agenda: compact, so many can be held without their workbooks. */
export interface TopicFileRead {
  readonly topics: readonly AgendaTopic[];
  readonly problems: readonly RejectedRow[];
  /** Its topics are for this meeting. */
  readonly used: boolean;
}

/** Reads one 议题申报表 for the meeting: its topics, or why they are not on this agenda. */
export function readTopicFile(f: ReceivedFile, ctx: AgendaContext): TopicFileRead {
  const problems: RejectedRow[] = [];
  const note = (i: Issue, rejected: boolean): void => {
    problems.push(rejectedRow(f.file, i, rejected, ctx.locale));
  };
  const form = topicForm(f, ctx.locale);
  if ('refused' in form) {
    note(form.refused, true);
    return { topics: [], problems, used: false };
  }
  for (const i of [...f.packageIssues, ...form.issues]) note(i, false);
  const read = readTopics(form.workbook, ctx.master.rules, ctx.calendar, arrivalOf(f), ctx.meetings);
  if (read.meeting !== undefined && read.meeting !== ctx.meeting) {
    note(otherMeeting(read, read.meeting, ctx), false);
    return { topics: [], problems, used: false };
  }
  // Rows with errors are not listed; everything else is said once in 数据问题.
  for (const i of read.issues) note(i, i.severity === 'error' && i.row !== undefined);
  if (read.meeting === undefined) note(issue('agenda.topicsUndated', {}, { meeting: ctx.meeting }), false);
  return { topics: topicsOf(read, f.file, ctx), problems, used: true };
}

/** The file as a 议题申报表 (its workbook and what identifying it found), or why it is not one. */
function topicForm(
  f: ReceivedFile,
  locale: Locale,
): { readonly refused: Issue } | { readonly workbook: WorkbookGrid; readonly issues: readonly Issue[] } {
  if (!f.workbook) return { refused: f.unusable ?? issue('file.corrupt', {}, { detail: '' }) };
  const id = identifyTemplate(f.workbook);
  if (isIssue(id)) return { refused: issue('agenda.notTopics', {}, { what: message(id, locale) }) };
  if (id.template.id !== TOPICS.id)
    return { refused: issue('agenda.notTopics', {}, { what: 'agenda.otherForm', title: id.template.title }) };
  return { workbook: f.workbook, issues: id.issues };
}

/** The mail's (or the clerk's) time outranks the typed 申报时间, as for reports (DOMAIN §3). */
const arrivalOf = (f: ReceivedFile): TopicArrival | undefined =>
  f.emailTime
    ? { at: f.emailTime, source: TOPIC_TIME_SOURCE.mail }
    : f.clerkTime
      ? { at: f.clerkTime, source: TOPIC_TIME_SOURCE.clerk }
      : undefined;

/** How a finding says the time that placed a form, when it is not the one typed in it. */
const VIA: Partial<Readonly<Record<TopicTimeSource, IssueCode>>> = {
  [TOPIC_TIME_SOURCE.mail]: 'agenda.viaMail',
  [TOPIC_TIME_SOURCE.clerk]: 'agenda.viaClerk',
};

/** Topics for another meeting: deferred to a later one, or meant for one already held. */
function otherMeeting(read: TopicsRead, meeting: IsoDate, ctx: AgendaContext): Issue {
  return issue(
    meeting > ctx.meeting ? 'agenda.topicsDeferred' : 'agenda.topicsPast',
    {},
    {
      unit: read.unit ?? '',
      at: (read.at ?? '').slice(0, 16),
      via: read.timeSource === undefined ? '' : (VIA[read.timeSource] ?? ''),
      meeting,
      cutoff: ctx.cutoff.slice(0, 16),
    },
  );
}

/** What the agenda notes beside every topic of a file: unsigned, or late for the meeting meant. */
function fileNotes(read: TopicsRead, locale: Locale): string[] {
  const notes: string[] = [];
  for (const i of read.issues)
    if (i.code === 'topic.unsignedLeader')
      notes.push(
        i.params['label'] === undefined
          ? printed('agenda.unsignedNoteLeader')
          : printed('agenda.unsignedNote', { label: i.params['label'] }),
      );
  if (read.meeting !== undefined && read.late && read.missed !== undefined)
    notes.push(
      formatMessage(
        'agenda.lateNote',
        { intended: read.missed.meeting, cutoff: read.missed.cutoff.slice(0, 16) },
        locale,
      ),
    );
  return notes;
}

/** A form's topics, each under the HQ it is heard by: its project's, its unit's, or the unit. */
function topicsOf(read: TopicsRead, file: string, ctx: AgendaContext): AgendaTopic[] {
  const unit = read.unit ?? '';
  const notes = fileNotes(read, ctx.locale);
  const unitHq = unit !== '' ? matchHq(unit, ctx.index)?.hq : undefined;
  return read.topics.map(({ record: t }) => {
    const project: Project | undefined =
      t.projectId !== undefined ? ctx.index.byProject.get(matchKey(t.projectId)) : undefined;
    const unknown = t.projectId !== undefined && !project;
    return {
      group: project?.hq ?? unitHq ?? (unit || printed('agenda.noUnit', { field: UNIT_LABEL })),
      unit,
      ...(t.projectId !== undefined && { projectId: t.projectId }),
      ...(project && { projectName: project.name }),
      topic: t.topic,
      ...(t.problem !== undefined && { problem: t.problem }),
      ...(t.proposal !== undefined && { proposal: t.proposal }),
      file,
      ...(read.at !== undefined && { submittedAt: read.at }),
      notes: unknown ? [...notes, printed('agenda.unknownProjectNote', UNKNOWN_PROJECT)] : [...notes],
    };
  });
}

export function buildAgenda(input: AgendaInput): Agenda {
  const ctx = agendaContext(input);
  return assembleAgenda(
    ctx,
    input.files.map((f) => readTopicFile(f, ctx)),
    input.ignored ?? [],
  );
}

/** The topics and problems of every file read, how many were for this meeting, and the files not read. */
function gatherReads(
  reads: readonly TopicFileRead[],
  ignored: readonly IgnoredFile[],
  locale: Locale,
): { topics: AgendaTopic[]; problems: RejectedRow[]; used: number } {
  const topics: AgendaTopic[] = [];
  const problems: RejectedRow[] = [];
  let used = 0;
  for (const r of reads) {
    for (const t of r.topics) topics.push(t);
    for (const p of r.problems) problems.push(p);
    if (r.used) used++;
  }
  for (const x of ignored)
    problems.push({
      file: x.file,
      sheet: null,
      cell: null,
      row: null,
      code: 'ignored',
      message: message(x.reason, locale),
      severity: 'info',
      rejected: true,
    });
  return { topics, problems, used };
}

/** The agenda from the files' reads (in a deterministic order) and the files not read. */
export function assembleAgenda(
  ctx: AgendaContext,
  reads: readonly TopicFileRead[],
  ignored: readonly IgnoredFile[] = [],
): Agenda {
  const { meeting, master, calendar, previousMeeting, cutoff } = ctx;
  const rules = master.rules;

  // (1) The decisions being tracked.
  const decisions = trackedDecisions(master.decisions, meeting, previousMeeting);

  // (2a) Topics: each file read; those for this meeting listed, others said why not.
  const { topics, problems, used } = gatherReads(reads, ignored, ctx.locale);

  // (2b) Projects behind: the latest progress imported into the master, milestones on the day.
  const basis = basisPeriod(master, meeting, calendar);
  const exact = basis ? scheduleFraction(reportPeriodRange(basis.period).to, rules) : undefined;
  const fraction = exact?.value ?? 0;
  const { list, hqOrder } = standings(master, basis, exact);
  const behind = behindProjects(list, master.milestones, meeting);

  const groups = [...hqOrder];
  const inGroups = new Set(groups);
  for (const t of topics)
    if (!inGroups.has(t.group)) {
      groups.push(t.group);
      inGroups.add(t.group);
    }

  return {
    meeting,
    previousMeeting,
    cutoff,
    decisions,
    topics,
    behind,
    groups,
    ...(basis && { basis: { period: basis.id, label: basis.label, fraction: round4(fraction) } }),
    files: { received: reads.length, used },
    problems,
    rulesLabel: master.rulesLabel,
    warnings: calendarWarnings(calendar, [Number(meeting.slice(0, 4))]),
    cutoffRule: { weekday: rules.schedule.topicCutoffWeekday, time: rules.schedule.topicCutoffTime },
    calendarBasis: [
      ...calendarBasis(calendar, [Number(meeting.slice(0, 4))]),
      ...(calendar.isRestDay(meeting) ? [issue('meeting.listedRestDay', {}, { date: meeting })] : []),
    ],
  };
}

/**
 * Why an agenda cannot be made for a day (DOMAIN §5), or undefined when a meeting is held then:
 * a statutory rest day not listed in 例会, or not the meeting weekday at all.
 */
export function meetingDayProblem(
  day: IsoDate,
  master: MasterData,
  calendar: WorkCalendar,
): Issue | undefined {
  const meetings = masterMeetings(master, calendar);
  if (meetings.isHeld(day)) return undefined;
  if (meetings.isCancelled(day))
    return issue(
      'meeting.restDay',
      {},
      {
        date: day,
        name: calendar.dayName(day) ?? '',
        previous: meetings.before(day),
        next: meetings.onOrAfter(day),
      },
    );
  return issue('meeting.notMeetingDay', {}, { date: day, weekday: master.rules.schedule.meetingWeekday });
}
