import { findSheet, type WorkbookGrid } from '../grid.js';
import { TOPIC_LIST } from '../schema/topics.js';
import type { RecordOf } from '../schema/types.js';
import { readTable } from '../table/read.js';
import { issue, type Issue } from '../validate/issue.js';
import { meetingForTopic } from '../calendar/schedule.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Located } from '../master/types.js';

export type TopicRecord = RecordOf<typeof TOPIC_LIST>;

export interface TopicsRead {
  readonly unit?: string;
  readonly submittedAt?: string;
  /** The Saturday meeting the topics go to, and whether they missed this week's cut-off. */
  readonly meeting?: string;
  readonly late: boolean;
  readonly topics: readonly Located<TopicRecord>[];
  readonly issues: readonly Issue[];
}

/** Reads a 周例会议题申报表: signatures flagged, a topic after Tuesday 17:00 goes to next week. */
export function readTopics(wb: WorkbookGrid, rules: RuleSet, calendar?: WorkCalendar): TopicsRead {
  const g = findSheet(wb, TOPIC_LIST.name);
  if (!g)
    return { late: false, topics: [], issues: [issue('sheet.missing', {}, { sheet: TOPIC_LIST.name })] };
  const t = readTable<TopicRecord>(g, TOPIC_LIST);
  const issues: Issue[] = [...t.issues];
  const unit = t.fields.get('unit')?.value;
  const submitted = t.fields.get('submittedAt');
  let meeting: string | undefined;
  let late = false;
  if (typeof submitted?.value === 'string') {
    const m = meetingForTopic(submitted.value, rules, calendar);
    meeting = m.meeting;
    late = m.late;
    if (m.late) {
      issues.push(
        issue(
          'topic.late',
          { sheet: t.sheet, row: submitted.row, column: submitted.column },
          { value: submitted.value.slice(0, 16), cutoff: m.cutoff.slice(0, 16), meeting: m.meeting },
        ),
      );
    }
  }
  const topics = t.rows
    .filter((r) => r.ok)
    .map((r) => ({ sheet: t.sheet, row: r.row, record: r.record, columns: t.columns }));
  return {
    ...(typeof unit === 'string' && { unit }),
    ...(typeof submitted?.value === 'string' && { submittedAt: submitted.value }),
    ...(meeting !== undefined && { meeting }),
    late,
    topics,
    issues,
  };
}
