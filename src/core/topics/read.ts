import type { WorkbookGrid } from '../values/grid.js';
import { TOPIC_LIST } from '../schema/topics.js';
import type { RecordOf } from '../schema/types.js';
import { readTable } from '../table/read.js';
import { locateSheet } from '../table/locate.js';
import { issue, type Issue } from '../issues/issue.js';
import { meetingForTopic } from '../calendar/schedule.js';
import { Meetings } from '../calendar/meetings.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Located } from '../master/types.js';
import { MESSAGES } from '../issues/codes.js';
import { TOPIC_TIME_SOURCE, type TopicTimeSource } from '../rules/vocab.js';

type TopicRecord = RecordOf<typeof TOPIC_LIST>;

/**
 * When a form arrived, where a more trusted time than its typed 申报时间 is known: the e-mail's
 * or the clerk's (the order of trust of DOMAIN §3, as for reports). The typed time can be
 * mistyped or typed early; the mail's time is when the topic reached the 重点办.
 */
export interface TopicArrival {
  readonly at: string;
  readonly source: typeof TOPIC_TIME_SOURCE.mail | typeof TOPIC_TIME_SOURCE.clerk;
}

export interface TopicsRead {
  readonly unit?: string;
  /** 申报时间 as typed in the form. */
  readonly submittedAt?: string;
  /** The time that placed the topics (the arrival's when known, else 申报时间), and which it is. */
  readonly at?: string;
  readonly timeSource?: TopicTimeSource;
  /** The Saturday meeting the topics go to, and whether they missed this week's cut-off. */
  readonly meeting?: string;
  readonly late: boolean;
  /** When late: the meeting the topics were meant for, and its cut-off they missed. */
  readonly missed?: { readonly meeting: string; readonly cutoff: string };
  readonly topics: readonly Located<TopicRecord>[];
  readonly issues: readonly Issue[];
}

/**
 * Reads a 周例会议题申报表: signatures flagged; the topics go to the first meeting still to be
 * held whose cut-off they meet (DOMAIN §5), late only when they missed the one meant for.
 */
export function readTopics(
  wb: WorkbookGrid,
  rules: RuleSet,
  calendar?: WorkCalendar,
  arrival?: TopicArrival,
  meetings?: Meetings,
): TopicsRead {
  const found = locateSheet(wb, TOPIC_LIST, [TOPIC_LIST]);
  if (found.kind === 'missing')
    return { late: false, topics: [], issues: [issue('sheet.missing', {}, { sheet: TOPIC_LIST.name })] };
  const sheet = found.grid.name;
  if (found.kind === 'unrecognised') return unrecognised(sheet, found.rows);
  const t = readTable(found.grid, TOPIC_LIST);
  const issues: Issue[] = [...t.issues];
  if (found.kind === 'renamed')
    issues.unshift(issue('sheet.renamed', { sheet }, { sheet, expected: TOPIC_LIST.name }));
  const unit = t.fields.get('unit')?.value;
  const submitted = t.fields.get('submittedAt');
  const typed = typeof submitted?.value === 'string' ? submitted.value : undefined;
  const at = arrival?.at ?? typed;
  const timeSource = arrival?.source ?? (typed !== undefined ? TOPIC_TIME_SOURCE.typed : undefined);
  // The typed time is in a cell; a mail's time is not in the workbook at all.
  const where = arrival
    ? { sheet: t.sheet }
    : { sheet: t.sheet, row: submitted?.row, column: submitted?.column };
  const placed =
    at !== undefined && timeSource !== undefined
      ? placement(at, timeSource, where, rules, calendar, meetings)
      : { late: false };
  if (placed.issue) issues.push(placed.issue);
  const { meeting, late, missed } = placed;
  const topics = t.rows
    .filter((r) => r.ok)
    .map((r) => ({ sheet: t.sheet, row: r.row, record: r.record, columns: t.columns }));
  return {
    ...(typeof unit === 'string' && { unit }),
    ...(typed !== undefined && { submittedAt: typed }),
    ...(at !== undefined && { at }),
    ...(timeSource !== undefined && { timeSource }),
    ...(meeting !== undefined && { meeting }),
    late,
    ...(missed && { missed }),
    topics,
    issues,
  };
}

/** A sheet not recognised as 议题申报: never read as "no topics" — the sheet and every filled row are said. */
function unrecognised(sheet: string, rows: readonly number[]): TopicsRead {
  const headers = TOPIC_LIST.columns
    .filter((c) => 'required' in c && c.required)
    .map((c) => c.header)
    .join(MESSAGES['values.listSeparator'].zh);
  const params = { sheet, expected: TOPIC_LIST.name, headers };
  return {
    late: false,
    topics: [],
    issues: [
      issue('sheet.unrecognised', { sheet }, { ...params, count: rows.length }),
      ...rows.map((row) => issue('sheet.unrecognisedRow', { sheet, row, column: 1 }, params)),
    ],
  };
}

/** The meeting a form's time places its topics at; when late, the one missed and a finding. */
function placement(
  at: string,
  source: TopicTimeSource,
  where: Parameters<typeof issue>[1],
  rules: RuleSet,
  calendar: WorkCalendar | undefined,
  meetings: Meetings | undefined,
): { meeting?: string; late: boolean; missed?: { meeting: string; cutoff: string }; issue?: Issue } {
  const m = meetingForTopic(at, rules, calendar, meetings ?? new Meetings(rules, calendar));
  if (!m.late) return { meeting: m.meeting, late: false };
  return {
    meeting: m.meeting,
    late: true,
    missed: { meeting: m.intended, cutoff: m.cutoff },
    issue: issue('topic.late', where, {
      source,
      value: at.slice(0, 16),
      cutoff: m.cutoff.slice(0, 16),
      meeting: m.meeting,
      intended: m.intended,
    }),
  };
}
