import type { RecordOf } from '../schema/types.js';
import type {
  AGENTS,
  APPROVALS,
  DECISIONS,
  INCIDENTS,
  MILESTONES,
  PROGRESS_LOG,
  PROJECTS,
  RANKING_HISTORY,
  MEETINGS,
  SITE_WORK_LOG,
  SITE_WORK_WEEKS,
  SUBMISSION_LOG,
  SURVEYS,
  UNIT_SCORES,
} from '../schema/master.js';
import type { DayOverride } from '../calendar/workdays.js';
import type { Cell } from '../values/grid.js';
import type { RuleSet } from '../rules/ruleset.js';

/** A record with the sheet and 1-based row it came from, so every figure can be traced. */
export interface Located<R> {
  readonly sheet: string;
  readonly row: number;
  readonly record: R;
  /** Column key → 1-based column in that sheet (headers are matched by text, so order may vary). */
  readonly columns: ReadonlyMap<string, number>;
}

export type Project = RecordOf<typeof PROJECTS>;
export type Milestone = RecordOf<typeof MILESTONES>;
export type Agent = RecordOf<typeof AGENTS>;
export type Approval = RecordOf<typeof APPROVALS>;
export type Survey = RecordOf<typeof SURVEYS>;
export type Incident = RecordOf<typeof INCIDENTS>;
export type UnitScore = RecordOf<typeof UNIT_SCORES>;
export type RankingRow = RecordOf<typeof RANKING_HISTORY>;
export type Decision = RecordOf<typeof DECISIONS>;
export type ProgressRow = RecordOf<typeof PROGRESS_LOG>;
export type SubmissionRow = RecordOf<typeof SUBMISSION_LOG>;
export type SiteWorkRow = RecordOf<typeof SITE_WORK_LOG>;
export type SiteWorkWeekRow = RecordOf<typeof SITE_WORK_WEEKS>;
export type MeetingRow = RecordOf<typeof MEETINGS>;

/** The master workbook as the core uses it: only rows that can be used; the rest are issues. */
export interface MasterData {
  readonly projects: readonly Located<Project>[];
  readonly milestones: readonly Located<Milestone>[];
  readonly agents: readonly Located<Agent>[];
  readonly approvals: readonly Located<Approval>[];
  readonly surveys: readonly Located<Survey>[];
  readonly incidents: readonly Located<Incident>[];
  readonly unitScores: readonly Located<UnitScore>[];
  readonly rankingHistory: readonly Located<RankingRow>[];
  readonly decisions: readonly Located<Decision>[];
  readonly progressLog: readonly Located<ProgressRow>[];
  readonly submissionLog: readonly Located<SubmissionRow>[];
  /** 一线工作记录: one row per visit. */
  readonly siteWorkLog: readonly Located<SiteWorkRow>[];
  /** 一线工作记录 of an earlier version: one row per person and week, with the count. */
  readonly siteWorkWeeks: readonly Located<SiteWorkWeekRow>[];
  /**
   * An older master's 一线工作记录 (the weekly layout) as typed, for the ledger import to move it
   * unchanged to 一线工作记录（按周）: every row of its table (those with errors too), and the
   * columns a person added. Absent when 一线工作记录 is in the current layout.
   */
  readonly olderSiteWork?: OlderSiteWork;
  /** 例会: meetings held on days the calendar would not give. */
  readonly meetings: readonly Located<MeetingRow>[];
  readonly holidays: readonly DayOverride[];
  readonly rules: RuleSet;
  /** Which rule set: 默认规则 … or 自定义规则 R… */
  readonly rulesLabel: string;
}

export interface OlderSiteWork {
  /** Headers of the columns a person added beside 周 … 次数, in sheet order. */
  readonly extraHeaders: readonly string[];
  /** Every row of the table: its 1-based sheet row; cells by column key, added columns as `extra<i>`. */
  readonly rows: readonly { readonly row: number; readonly cells: Readonly<Record<string, Cell>> }[];
}
