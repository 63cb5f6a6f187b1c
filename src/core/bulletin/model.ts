import type { Cell, WorkbookGrid } from '../values/grid.js';
import type { IsoDate, IsoDateTime } from '../values/dates.js';
import {
  cellRef,
  formatMessage,
  message,
  type Issue,
  type IssueParams,
  type Locale,
  type IgnoredFile,
} from '../issues/issue.js';
import type { SummaryGroup, TimeSource, VisitAssessmentValue } from '../rules/vocab.js';
import type { ProgressStatus } from './status.js';

/** One file as received: its workbook (or why it has none) and every time we know for it. */
export interface ReceivedFile {
  /** Display path, e.g. "收件/物流.eml › 进展.xlsx". */
  readonly file: string;
  readonly workbook?: WorkbookGrid;
  /** Why the file cannot be used (not an .xlsx, encrypted, …). */
  readonly unusable?: Issue;
  /** Findings about the package: macros, external links, truncated sheets. */
  readonly packageIssues: readonly Issue[];
  /** The Date of the message that carried it (China time). */
  readonly emailTime?: IsoDateTime;
  /** A received time the clerk gave. */
  readonly clerkTime?: IsoDateTime;
  readonly mtime?: IsoDateTime;
  readonly sender?: string;
}

export interface Submission {
  readonly hq: string;
  readonly file: string;
  readonly receivedAt: IsoDateTime | null;
  readonly timeSource: TimeSource | null;
  readonly late: boolean;
  readonly signed: boolean;
  /** The file this one replaced (an earlier report of the same HQ and period). */
  readonly replaces: readonly string[];
  /** Replaced by a later report: not merged. */
  readonly replacedBy?: string;
  readonly sender?: string;
}

export interface ProjectProgress {
  readonly projectId: string;
  readonly name: string;
  readonly category: string;
  readonly hq: string;
  readonly unit: string;
  readonly commander: string;
  readonly annualPlan: number;
  readonly current?: number;
  readonly cumulative?: number;
  /** 年度累计 / 年度计划, when reported and the plan is positive. */
  readonly rate?: number;
  readonly fraction: number;
  /** rate − fraction, in percentage points. */
  readonly gapPoints?: number;
  /** Behind 序时进度 by exact amounts: cumulative < annual plan × fraction (DOMAIN §3). */
  readonly behindPlan?: boolean;
  readonly status: ProgressStatus;
  readonly image?: string;
  readonly problems?: string;
  /** Where the figures came from. */
  readonly source?: {
    readonly file: string;
    readonly sheet: string;
    readonly row: number;
    readonly receivedAt: IsoDateTime | null;
    readonly timeSource: TimeSource | null;
    readonly sender?: string;
  };
}

export interface BehindProject {
  readonly projectId: string;
  readonly name: string;
  readonly hq: string;
  readonly commander: string;
  readonly unit: string;
  readonly rate?: number;
  readonly fraction: number;
  /** Why it is behind, as codes and values (behind.investment, behind.milestone), said where printed. */
  readonly reasons: readonly BehindReason[];
}

export interface BehindReason {
  readonly code: 'behind.investment' | 'behind.milestone';
  readonly params: IssueParams;
}

/** A project's reasons as read, one each. */
export function reasonLines(reasons: readonly BehindReason[], locale: Locale = 'zh'): string[] {
  return reasons.map((r) => formatMessage(r.code, r.params, locale));
}

/** A project's reasons as one line of a table cell (滞后情况): the reasons joined with ； in Chinese. */
export function reasonsText(reasons: readonly BehindReason[], locale: Locale = 'zh'): string {
  return reasonLines(reasons, locale).join(formatMessage('values.clauseSeparator', {}, locale));
}

export interface SiteVisitWeek {
  readonly hq: string;
  readonly person: string;
  readonly role: string;
  /** Monday of the week. */
  readonly week: IsoDate;
  /** Distinct (date, person, project) visits of the week, from this report or an earlier one. */
  readonly visits: number;
  /** Of which logged only in an earlier report (read from the master's 一线工作记录). */
  readonly fromEarlier: number;
}

/**
 * Where a visit a report logs is assessed (DOMAIN §3, revised): in this bulletin, in the next one
 * (a week that ends after this report was due), in an earlier one (a week already assessed), or
 * not at all (the same date, person and project logged twice).
 */
export type VisitAssessment = VisitAssessmentValue;

/** One visit as a report logged it: the bulletin lists every one, and the ledger imports them. */
export interface SiteVisitLine {
  readonly hq: string;
  readonly date: IsoDate;
  readonly person: string;
  readonly role: string;
  readonly projectId?: string;
  readonly matter?: string;
  /** Monday of its week. */
  readonly week: IsoDate;
  readonly assessment: VisitAssessment;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface RejectedRow {
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly row: number | null;
  readonly code: string;
  readonly message: string;
  readonly severity: Issue['severity'];
  /** Whether the row was left out (an error) or only noted. */
  readonly rejected: boolean;
  /** The finding's values, so that a repeated one can be said once for the whole file. */
  readonly params?: Issue['params'];
}

/** A finding as a line of 数据问题: where it is, what it says, and whether its row was left out. */
export function rejectedRow(file: string, i: Issue, rejected: boolean, locale: Locale): RejectedRow {
  return {
    file,
    sheet: i.sheet ?? null,
    cell: cellRef(i) || null,
    row: i.row ?? null,
    code: i.code,
    message: message(i, locale),
    severity: i.severity,
    rejected,
    params: i.params,
  };
}

export interface SummaryLine {
  readonly group: SummaryGroup;
  /** The category or HQ; '' on the line of all projects (named where printed). */
  readonly name: string;
  readonly projects: number;
  readonly reported: number;
  readonly plan: number;
  /** The annual plan of the projects that reported: what 完成率 is measured against. */
  readonly reportedPlan: number;
  readonly cumulative: number;
  readonly rate: number | undefined;
  readonly fraction: number;
  readonly behind: number;
  /** Projects by 状态 against 序时进度 (正常 / 预警 / 滞后, and those without figures). */
  readonly statuses: Readonly<Record<ProgressStatus, number>>;
}

export interface Bulletin {
  readonly period: string;
  readonly periodLabel: string;
  readonly number: number;
  readonly title: string;
  readonly due: IsoDate;
  readonly bulletinDate: IsoDate;
  readonly fraction: number;
  readonly rulesLabel: string;
  readonly submissions: readonly Submission[];
  readonly missing: readonly string[];
  /**
   * Files of a registered HQ received but not merged (a report for another period), by HQ: the
   * reason a merge.fileNotMerged finding, said where printed.
   */
  readonly setAside: readonly { readonly hq: string; readonly file: string; readonly reason: Issue }[];
  readonly late: readonly string[];
  readonly unsigned: readonly string[];
  readonly projects: readonly ProjectProgress[];
  readonly behind: readonly BehindProject[];
  readonly assessedWeeks: readonly IsoDate[];
  /** Every person-week under the required visits. */
  readonly shortfalls: readonly SiteVisitWeek[];
  /** Every person-week assessed. */
  readonly siteWeeks: readonly SiteVisitWeek[];
  /** Every visit the reports taken logged, with where it is assessed (the ledger imports these). */
  readonly visits: readonly SiteVisitLine[];
  /** What 一线工作 says above its table: visits left to the next bulletin, an earlier period not imported. */
  readonly siteNotes: readonly Issue[];
  /** The 12th and the 25th of the rule table in force: the sheets quote them. */
  readonly reportDays: readonly [number, number];
  readonly rows: { readonly in: number; readonly merged: number; readonly rejected: number };
  /** Problems with rows and files: rejected rows and notes. */
  readonly problems: readonly RejectedRow[];
  readonly ignored: readonly IgnoredFile[];
  readonly summary: readonly SummaryLine[];
  /** The loud calendar warnings (a year without holiday data): printed on the first sheet too. */
  readonly warnings: readonly Issue[];
  /** What the dates stand on, year by year (the {{节假日依据}} line of 汇总). */
  readonly calendarBasis: readonly Issue[];
}

export type { Cell };
