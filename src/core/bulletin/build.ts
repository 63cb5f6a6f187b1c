import { addDays, weekStart, type IsoDate, type IsoDateTime } from '../values/dates.js';
import { compareCodePoints, compareText } from '../values/collate.js';
import {
  parseReportPeriod,
  previousReportPeriod,
  reportPeriodId,
  reportPeriodLabel,
  reportPeriodRange,
  type ReportPeriod,
} from '../calendar/periods.js';
import { assessedWeeks, periodSchedule } from '../calendar/schedule.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Located, MasterData, Project, SiteWorkRow } from '../master/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { readReport, registerIndex, type RegisterContext, type ReportRead } from '../report/read.js';
import { PROGRESS, REPORT } from '../schema/report.js';
import { BULLETIN_PLACEHOLDERS, SUMMARY } from '../schema/bulletin.js';
import { findSheet, type WorkbookGrid } from '../values/grid.js';
import {
  PROGRESS_STATUS,
  PROJECT_CATEGORIES,
  SITE_ROLE,
  SUMMARY_GROUP,
  TIME_SOURCE,
  VISIT_ASSESSMENT,
  type TimeSource,
} from '../rules/vocab.js';
import { identifyTemplate, isIssue } from '../workbook/identify.js';
import { issue, type Issue, type Locale, type IgnoredFile } from '../issues/issue.js';
import { matchKey } from '../values/text.js';
import { fileName } from '../values/file-name.js';
import {
  rejectedRow,
  type BehindProject,
  type Bulletin,
  type ProjectProgress,
  type ReceivedFile,
  type RejectedRow,
  type SiteVisitLine,
  type SiteVisitWeek,
  type VisitAssessment,
  type Submission,
  type SummaryLine,
} from './model.js';
import { progressStatus, type ProgressStatus } from './status.js';
import { behindProjects } from './behind.js';
import { behindPlan as behindPlanOf, scheduleFraction } from '../calendar/fraction.js';
import { calendarBasis, calendarWarnings } from '../calendar/warnings.js';

interface BulletinInput {
  readonly period: ReportPeriod;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  /** Files in a deterministic order (the caller sorts them). */
  readonly files: readonly ReceivedFile[];
  readonly ignored?: readonly IgnoredFile[];
  readonly locale?: Locale;
  /** When the merge runs (China time), given by the shell; see BulletinContext.now. */
  readonly now?: IsoDateTime;
}

type Candidate = Extract<SubmissionRead, { kind: 'candidate' }>;

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const round = (n: number, d = 4): number => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The most trusted time we have for a file (DOMAIN §3): e-mail, clerk, 填报日期, file time. A
 * time that cannot be when the file arrived — after the moment of the merge, or more than a
 * year after the due date (a mail dated 2099, a 填报日期 of 2062) — is not used: the next one is,
 * and the impossible one is said in `skipped`, never taken silently as "late".
 */
function submissionTime(
  f: ReceivedFile,
  read: ReportRead,
  limits: { readonly now?: IsoDateTime; readonly due: IsoDate },
): { at: IsoDateTime | null; source: TimeSource | null; skipped: Issue[] } {
  const skipped: Issue[] = [];
  const latest = addDays(limits.due, 366);
  const possible = (at: IsoDateTime, source: TimeSource): boolean => {
    if (limits.now !== undefined && at.slice(0, 10) > addDays(limits.now.slice(0, 10), 1)) {
      skipped.push(
        issue('merge.timeFuture', {}, { source, value: at.slice(0, 16), now: limits.now.slice(0, 10) }),
      );
      return false;
    }
    if (at.slice(0, 10) > latest) {
      skipped.push(issue('merge.timeFarLate', {}, { source, value: at.slice(0, 16), due: limits.due }));
      return false;
    }
    return true;
  };
  const sources: [IsoDateTime | undefined, TimeSource][] = [
    [f.emailTime, TIME_SOURCE.email],
    [f.clerkTime, TIME_SOURCE.clerk],
    [read.fields.filledOn, TIME_SOURCE.filledOn],
    [f.mtime, TIME_SOURCE.fileTime],
  ];
  for (const [at, source] of sources) if (at && possible(at, source)) return { at, source, skipped };
  return { at: null, source: null, skipped };
}

/** The HQ all of a report's registered projects belong to, when its 填报单位 names none. */
function inferHq(read: ReportRead, byProject: ReadonlyMap<string, Project>): string | undefined {
  const hqs = new Set<string>();
  for (const { record } of read.progress) {
    const p = byProject.get(matchKey(record.projectId));
    if (p?.hq) hqs.add(p.hq);
  }
  return hqs.size === 1 ? [...hqs][0] : undefined;
}

export interface BulletinContext {
  readonly period: ReportPeriod;
  readonly periodId: string;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
  readonly register: RegisterContext;
  /** When the merge runs (China time), from the shell's clock: no time of arrival can be later. */
  readonly now?: IsoDateTime;
}

export function bulletinContext(input: Omit<BulletinInput, 'files' | 'ignored'>): BulletinContext {
  return {
    ...(input.now !== undefined && { now: input.now }),
    period: input.period,
    periodId: reportPeriodId(input.period),
    master: input.master,
    calendar: input.calendar,
    locale: input.locale ?? 'zh',
    register: { projects: input.master.projects },
  };
}

/** What one received file became: compact, so a thousand can be held without their workbooks. */
export type SubmissionRead =
  | { readonly kind: 'unusable'; readonly file: string; readonly issue: Issue }
  | { readonly kind: 'ignored'; readonly file: string; readonly reason: Issue }
  | {
      readonly kind: 'setAside';
      readonly file: string;
      /** The registered HQ it came from, when known (a report for another period). */
      readonly hq?: string;
      readonly read: ReportRead;
      readonly notes: readonly Issue[];
      readonly reason: Issue;
    }
  | {
      readonly kind: 'candidate';
      readonly file: string;
      readonly sender?: string;
      readonly hq: string;
      readonly read: ReportRead;
      readonly at: IsoDateTime | null;
      /** The file's modification time: tells apart two reports of the same 填报日期. */
      readonly mtime?: IsoDateTime;
      readonly source: TimeSource | null;
      /** Findings about the file itself (package, template, HQ or period assumed). */
      readonly notes: readonly Issue[];
    };

/**
 * Reads one received file against the register: recognised, checked row by row, and either a
 * candidate for the bulletin or set aside with the reason. The workbook is not kept.
 */
export function readSubmission(f: ReceivedFile, ctx: BulletinContext): SubmissionRead {
  if (!f.workbook) {
    return { kind: 'unusable', file: f.file, issue: f.unusable ?? issue('file.corrupt', {}, { detail: '' }) };
  }
  const id = identifyTemplate(f.workbook);
  if (isIssue(id) || id.template.id !== REPORT.id) {
    return {
      kind: 'ignored',
      file: f.file,
      reason: isIssue(id) ? id : issue('sheets.bulletin.notReport', {}, { title: id.template.title }),
    };
  }
  const notes: Issue[] = [...f.packageIssues, ...id.issues];
  const { read, hq } = readWithHq(f.workbook, ctx, notes);
  if (hq === undefined) return unknownReporter(f, f.workbook, read, notes);
  const typedPeriod = read.fields.period !== undefined ? parseReportPeriod(read.fields.period) : undefined;
  if (typedPeriod && reportPeriodId(typedPeriod) !== ctx.periodId)
    return otherPeriod(f, { hq, read, notes, typedPeriod }, ctx);
  if (!typedPeriod) notes.push(issue('merge.periodAssumed', {}, { period: reportPeriodLabel(ctx.period) }));
  return candidate(f, { hq, read, notes }, ctx);
}

/** The report read against the register; its HQ inferred from its projects when 填报单位 names none. */
function readWithHq(
  wb: WorkbookGrid,
  ctx: BulletinContext,
  notes: Issue[],
): { read: ReportRead; hq: string | undefined } {
  const read = readReport(wb, ctx.register, { rules: ctx.master.rules });
  if (read.hq !== undefined) return { read, hq: read.hq };
  const hq = inferHq(read, registerIndex(ctx.register).byProject);
  if (hq === undefined) return { read, hq };
  notes.push(issue('merge.hqInferred', {}, { value: read.fields.reporter ?? '', hq }));
  return { read: readReport(wb, ctx.register, { assumeHq: hq, rules: ctx.master.rules }), hq };
}

/** No HQ to speak of: set aside with why. */
function unknownReporter(
  f: ReceivedFile,
  wb: WorkbookGrid,
  read: ReportRead,
  notes: readonly Issue[],
): SubmissionRead {
  // Without its 进展情况 sheet (renamed or deleted) there is no 填报单位 to speak of: say that.
  const noSheet = !findSheet(wb, PROGRESS.name);
  return {
    kind: 'setAside',
    file: f.file,
    read,
    notes: [...notes, ...read.issues.filter((i) => i.row === undefined)],
    reason: issue(
      'merge.fileNotMerged',
      {},
      noSheet
        ? { reason: 'merge.why.noProgressSheet', sheet: PROGRESS.name }
        : { reason: 'merge.why.unknownReporter', reporter: read.fields.reporter ?? '' },
    ),
  };
}

/** A report for another period: set aside, its HQ known (报送情况 says so on the HQ's line). */
function otherPeriod(
  f: ReceivedFile,
  r: { hq: string; read: ReportRead; notes: readonly Issue[]; typedPeriod: ReportPeriod },
  ctx: BulletinContext,
): SubmissionRead {
  const found = reportPeriodLabel(r.typedPeriod);
  const expected = reportPeriodLabel(ctx.period);
  return {
    kind: 'setAside',
    file: f.file,
    hq: r.hq,
    read: r.read,
    notes: [...r.notes, issue('report.wrongPeriod', {}, { found, expected })],
    reason: issue('merge.fileNotMerged', {}, { reason: 'merge.why.otherPeriod', found, expected }),
  };
}

/** A report of this period: a candidate, with the most trusted time of its arrival. */
function candidate(
  f: ReceivedFile,
  r: { hq: string; read: ReportRead; notes: Issue[] },
  ctx: BulletinContext,
): SubmissionRead {
  const { notes, read } = r;
  const t = submissionTime(f, read, {
    ...(ctx.now !== undefined && { now: ctx.now }),
    due: periodSchedule(ctx.period, ctx.calendar, ctx.master.rules).due,
  });
  notes.push(...t.skipped);
  // 填报日期 is typed by a person: one before the period began is probably a slip — still used
  // (it is the best time there is), but said. (File times are no check: copying a file from an
  // e-mail or a USB stick gives it a new one.)
  if (t.source === TIME_SOURCE.filledOn && t.at !== null) {
    const day = t.at.slice(0, 10);
    const from = reportPeriodRange(ctx.period).from;
    if (day < from)
      notes.push(issue('merge.filledOnOdd', {}, { value: day, why: 'merge.why.beforePeriod', from }));
  }
  return {
    kind: 'candidate',
    file: f.file,
    ...(f.sender !== undefined && { sender: f.sender }),
    hq: r.hq,
    read,
    at: t.at,
    ...(f.mtime !== undefined && { mtime: f.mtime }),
    source: t.source,
    notes,
  };
}

/**
 * Merges the reports of one half-month period into the bulletin model: who reported on time,
 * late or not at all, every project's progress against 序时进度, the projects behind, the
 * site-work shortfalls, and every row either merged or rejected with its reason.
 */
export function buildBulletin(input: BulletinInput): Bulletin {
  const ctx = bulletinContext(input);
  return assembleBulletin(
    ctx,
    input.files.map((f) => readSubmission(f, ctx)),
    input.ignored ?? [],
  );
}

export function assembleBulletin(
  ctx: BulletinContext,
  reads: readonly SubmissionRead[],
  ignoredInputs: readonly IgnoredFile[] = [],
): Bulletin {
  const { period, master, calendar } = ctx;
  const rules = master.rules;
  const sched = periodSchedule(period, calendar, rules);
  const range = reportPeriodRange(period);
  const exactFraction = scheduleFraction(range.to, rules);
  const fraction = exactFraction.value;
  const tally = new Tally(ctx.locale);

  const files = sortReads(reads, tally);
  const { taken, submissions } = latestReports(files.candidates, sched.due, tally);
  const rows = takeRows(taken, tally);
  const hqOrder = [...new Set(master.projects.map((p) => p.record.hq ?? ''))];
  const rankOf = rankIn(hqOrder);
  const projects = projectLines(ctx, { rows, taken, rankOf, exactFraction }, tally);
  // Behind schedule: investment under 序时进度, or milestones overdue at the period's end.
  const behind = behindProjects(projects, master.milestones, range.to);
  // 一线工作 (DOMAIN §3, revised): the Monday–Sunday weeks that ended after the previous report
  // was due and by this one's, each assessed once, here. A week that straddles two reports counts
  // the visits of either: this report's and those the master's 一线工作记录 holds from the earlier
  // one, each distinct (date, person, project) once.
  const site = siteWork(
    ctx,
    [...taken].sort(([a], [b]) => rankOf(a) - rankOf(b)),
  );
  const takenSubs = submissions.filter((s) => s.replacedBy === undefined);
  return {
    period: ctx.periodId,
    periodLabel: sched.label,
    number: sched.number,
    title: SUMMARY.title.replace(`{{${BULLETIN_PLACEHOLDERS.number}}}`, String(sched.number)),
    due: sched.due,
    bulletinDate: sched.bulletin,
    fraction: round(fraction),
    rulesLabel: master.rulesLabel,
    submissions: submissions.sort(
      (a, b) => rankOf(a.hq) - rankOf(b.hq) || compareText(a.receivedAt ?? '', b.receivedAt ?? ''),
    ),
    missing: hqOrder.filter((h) => h !== '' && !taken.has(h)),
    setAside: files.setAside.filter((x) => !taken.has(x.hq)),
    late: takenSubs.filter((s) => s.late).map((s) => s.hq),
    unsigned: takenSubs.filter((s) => !s.signed).map((s) => s.hq),
    projects,
    behind,
    assessedWeeks: site.assessed,
    shortfalls: site.weeks.filter((w) => w.visits < rules.schedule.siteVisitsPerWeek),
    siteWeeks: site.weeks,
    visits: site.visits,
    siteNotes: site.notes,
    reportDays: [rules.schedule.firstReportDay, rules.schedule.secondReportDay],
    rows: { in: tally.rowsIn, merged: tally.rowsIn - tally.rowsRejected, rejected: tally.rowsRejected },
    problems: tally.problems,
    ignored: [...ignoredInputs, ...files.ignored],
    summary: summaryLines(projects, behind, hqOrder, fraction),
    warnings: [
      ...calendarWarnings(calendar, [period.year]),
      ...site.notes.filter((n) => n.severity !== 'info'),
    ],
    calendarBasis: calendarBasis(calendar, [period.year]),
  };
}

/** The findings of a merge in the order they are made, and the count of rows in and rejected. */
class Tally {
  readonly problems: RejectedRow[] = [];
  rowsIn = 0;
  rowsRejected = 0;
  constructor(private readonly locale: Locale) {}

  note(file: string, i: Issue, rejected: boolean): void {
    this.problems.push(rejectedRow(file, i, rejected, this.locale));
  }

  /** Every data row of a file not merged: one rejected line per row, with the reason. */
  rejectAllRows(file: string, read: ReportRead, reason: Issue): void {
    // Each row is named by its first cell, so the clerk can find it.
    for (const l of [...read.progress, ...read.siteVisits]) {
      this.note(
        file,
        { ...reason, sheet: l.sheet, row: l.row, column: Math.min(...l.columns.values()) },
        true,
      );
    }
    for (const r of read.rejected)
      this.note(file, { ...reason, sheet: r.sheet, row: r.row, column: 1 }, true);
    const n = read.progress.length + read.siteVisits.length + read.rejected.length;
    this.rowsIn += n;
    this.rowsRejected += n;
  }
}

/** What each file became; set-aside files have all their rows rejected with the reason. */
function sortReads(
  reads: readonly SubmissionRead[],
  tally: Tally,
): {
  candidates: Candidate[];
  setAside: { hq: string; file: string; reason: Issue }[];
  ignored: IgnoredFile[];
} {
  const candidates: Candidate[] = [];
  const setAside: { hq: string; file: string; reason: Issue }[] = [];
  const ignored: IgnoredFile[] = [];
  for (const r of reads) {
    if (r.kind === 'unusable') tally.note(r.file, r.issue, true);
    else if (r.kind === 'ignored') ignored.push({ file: r.file, reason: r.reason });
    else if (r.kind === 'setAside') {
      if (r.hq !== undefined) setAside.push({ hq: r.hq, file: r.file, reason: r.reason });
      for (const i of r.notes) tally.note(r.file, i, false);
      tally.rejectAllRows(r.file, r.read, r.reason);
      // A file with no rows we could read still says why it was set aside.
      if (r.read.progress.length + r.read.siteVisits.length + r.read.rejected.length === 0)
        tally.note(r.file, r.reason, true);
    } else candidates.push(r);
  }
  return { candidates, setAside, ignored };
}

/** The latest report of each HQ wins; earlier ones are listed as replaced. */
function latestReports(
  candidates: readonly Candidate[],
  due: IsoDate,
  tally: Tally,
): { taken: Map<string, Candidate>; submissions: Submission[] } {
  const byHq = new Map<string, Candidate[]>();
  for (const c of candidates) pushTo(byHq, c.hq, c);
  const taken = new Map<string, Candidate>();
  const submissions: Submission[] = [];
  const isLate = (c: Candidate): boolean => c.at !== null && c.at.slice(0, 10) > due;
  for (const [hq, list] of byHq) {
    // Two reports of the same day (填报日期 has no time) are ordered by when the files were
    // saved, then by file name, so the same inputs always give the same bulletin.
    const sorted = [...list].sort(
      (a, b) =>
        compareText(a.at ?? '', b.at ?? '') ||
        compareText(a.mtime ?? '', b.mtime ?? '') ||
        compareCodePoints(a.file, b.file),
    );
    const winner = sorted[sorted.length - 1] as Candidate;
    taken.set(hq, winner);
    // The HQ reported on time when its first report did; a correction after the due date
    // replaces the figures but does not make the report late (DOMAIN §3: "not in by its deadline").
    const firstOnTime = !isLate(sorted[0] as Candidate);
    if (firstOnTime && isLate(winner)) {
      const first = fileName(sorted[0]?.file ?? '');
      tally.note(winner.file, issue('merge.correctedAfterDue', {}, { first, due }), false);
    }
    for (const c of sorted) {
      const replaced = c !== winner;
      submissions.push({
        hq,
        file: c.file,
        receivedAt: c.at,
        timeSource: c.source,
        late: c === winner ? !firstOnTime : isLate(c),
        signed: c.read.fields.signature !== undefined,
        replaces: replaced ? [] : sorted.filter((x) => x !== winner).map((x) => x.file),
        ...(replaced && { replacedBy: winner.file }),
        ...(c.sender !== undefined && { sender: c.sender }),
      });
      if (replaced)
        tally.rejectAllRows(c.file, c.read, issue('merge.replaced', {}, { by: fileName(winner.file) }));
    }
  }
  return { taken, submissions };
}

/** A progress row merged: the report it came from and where. */
interface MergedRow {
  readonly c: Candidate;
  readonly row: number;
  readonly sheet: string;
  readonly rec: ReportRead['progress'][number]['record'];
}

/** Rows of the reports taken: merged (by project), or rejected with their reasons. */
function takeRows(
  taken: ReadonlyMap<string, Candidate>,
  tally: Tally,
): { merged: Map<string, MergedRow>; rejectedProjects: Set<string> } {
  const rejectedProjects = new Set<string>();
  const merged = new Map<string, MergedRow>();
  for (const c of taken.values()) {
    for (const i of c.notes) tally.note(c.file, i, false);
    const rejectedRows = new Set(c.read.rejected.map((r) => `${r.sheet}\u0000${r.row}`));
    for (const i of c.read.issues) {
      const rejects =
        i.severity === 'error' && i.row !== undefined && rejectedRows.has(`${i.sheet}\u0000${i.row}`);
      tally.note(c.file, i, rejects);
    }
    for (const p of c.read.progress)
      merged.set(matchKey(p.record.projectId), { c, row: p.row, sheet: p.sheet, rec: p.record });
    for (const r of c.read.rejected) if (r.projectId) rejectedProjects.add(matchKey(r.projectId));
    tally.rowsIn += c.read.progress.length + c.read.siteVisits.length + c.read.rejected.length;
    tally.rowsRejected += c.read.rejected.length;
  }
  return { merged, rejectedProjects };
}

/** An HQ's place in the register's order (HQs it does not name last). */
function rankIn(hqOrder: readonly string[]): (hq: string) => number {
  const hqRank = new Map(hqOrder.map((h, i) => [h, i]));
  return (h) => hqRank.get(h) ?? hqOrder.length;
}

/** Every registered project, in register order grouped by HQ, with its figures and 状态. */
function projectLines(
  ctx: BulletinContext,
  take: {
    readonly rows: ReturnType<typeof takeRows>;
    readonly taken: ReadonlyMap<string, Candidate>;
    readonly rankOf: (hq: string) => number;
    readonly exactFraction: ReturnType<typeof scheduleFraction>;
  },
  tally: Tally,
): ProjectProgress[] {
  const { rows, taken, rankOf, exactFraction } = take;
  const projectsSorted = [...ctx.master.projects].sort(
    (a, b) => rankOf(a.record.hq ?? '') - rankOf(b.record.hq ?? '') || a.row - b.row,
  );
  return projectsSorted.map(({ record: p }) => {
    const m = rows.merged.get(matchKey(p.projectId));
    const hq = p.hq ?? '';
    const rejectedRow = !m && rows.rejectedProjects.has(matchKey(p.projectId));
    const c = taken.get(hq);
    if (!m && !rejectedRow && c !== undefined) {
      tally.note(
        c.file,
        issue('merge.projectNotReported', {}, { project: p.projectId, name: p.name }),
        false,
      );
    }
    return projectLine(p, m, rejectedRow, exactFraction, ctx.master.rules);
  });
}

/** One project's line: its figures when merged, its rate against 序时进度, its 状态. */
function projectLine(
  p: Project,
  m: MergedRow | undefined,
  rejectedRow: boolean,
  exactFraction: ReturnType<typeof scheduleFraction>,
  rules: RuleSet,
): ProjectProgress {
  const fraction = exactFraction.value;
  const rate = m && p.annualPlan > 0 ? m.rec.cumulative / p.annualPlan : undefined;
  // Exact amounts decide "behind" (DOMAIN §3); rounding is for display only.
  const behindPlan =
    rate !== undefined && m !== undefined && behindPlanOf(m.rec.cumulative, p.annualPlan, exactFraction);
  return {
    projectId: p.projectId,
    name: p.name,
    category: p.category,
    hq: p.hq ?? '',
    unit: p.unit,
    commander: p.commander ?? '',
    annualPlan: p.annualPlan,
    ...(m && { current: m.rec.current, cumulative: m.rec.cumulative }),
    ...(rate !== undefined && {
      rate: round(rate),
      // (|| 0: a gap that rounds to nothing is 0, not −0.)
      gapPoints: round((rate - fraction) * 100, 2) || 0,
      behindPlan,
    }),
    fraction: round(fraction),
    status: m
      ? rate === undefined
        ? PROGRESS_STATUS.normal
        : progressStatus(rate, fraction, rules, behindPlan)
      : rejectedRow
        ? PROGRESS_STATUS.faulty
        : PROGRESS_STATUS.missing,
    ...(m?.rec.image !== undefined && { image: m.rec.image }),
    ...(m?.rec.problems !== undefined && { problems: m.rec.problems }),
    ...(m && {
      source: {
        file: m.c.file,
        sheet: m.sheet,
        row: m.row,
        receivedAt: m.c.at,
        timeSource: m.c.source,
        ...(m.c.sender !== undefined && { sender: m.c.sender }),
      },
    }),
  };
}

/** 汇总: all, by category, by HQ. Completion is over the projects with figures (an unreported plan would read as 0 done). */
function summaryLines(
  projects: readonly ProjectProgress[],
  behind: readonly BehindProject[],
  hqOrder: readonly string[],
  fraction: number,
): SummaryLine[] {
  const behindIds = new Set(behind.map((b) => b.projectId));
  const line = (group: SummaryLine['group'], name: string, ps: readonly ProjectProgress[]): SummaryLine => {
    const plan = ps.reduce((a, p) => a + p.annualPlan, 0);
    const withFigures = ps.filter((p) => p.cumulative !== undefined);
    const cumulative = withFigures.reduce((a, p) => a + (p.cumulative ?? 0), 0);
    const reportedPlan = withFigures.reduce((a, p) => a + p.annualPlan, 0);
    return {
      group,
      name,
      projects: ps.length,
      reported: withFigures.length,
      plan: round(plan, 2),
      reportedPlan: round(reportedPlan, 2),
      cumulative: round(cumulative, 2),
      rate: reportedPlan > 0 ? round(cumulative / reportedPlan) : undefined,
      fraction: round(fraction),
      behind: ps.filter((p) => behindIds.has(p.projectId)).length,
      statuses: statusCounts(ps),
    };
  };
  // The line of all projects is named where printed (render.ts).
  const summary: SummaryLine[] = [line(SUMMARY_GROUP.all, '', projects)];
  for (const cat of PROJECT_CATEGORIES) {
    const ps = projects.filter((p) => p.category === cat);
    if (ps.length > 0) summary.push(line(SUMMARY_GROUP.byCategory, cat, ps));
  }
  const byHqProjects = new Map<string, ProjectProgress[]>();
  for (const p of projects) pushTo(byHqProjects, p.hq, p);
  for (const hq of hqOrder) summary.push(line(SUMMARY_GROUP.byHq, hq, byHqProjects.get(hq) ?? []));
  return summary;
}

const visitKey = (date: string, person: string, projectId: string | undefined): string =>
  `${date}\u0000${matchKey(person)}\u0000${matchKey(projectId ?? '')}`;

/**
 * The 一线工作 of a bulletin: the person-weeks it assesses, every visit the reports taken logged
 * (with where each is assessed), and what to say about weeks shared with another bulletin.
 */
function siteWork(
  ctx: BulletinContext,
  taken: readonly (readonly [string, Candidate])[],
): { assessed: IsoDate[]; weeks: SiteVisitWeek[]; visits: SiteVisitLine[]; notes: Issue[] } {
  const { period, master, calendar } = ctx;
  const assessed = assessedWeeks(period, calendar, master.rules);
  const notes: Issue[] = [];
  const unimported = earlierNotImported(ctx, assessed);
  if (unimported) notes.push(unimported);
  const earlier = earlierVisits(ctx, new Set(assessed));
  const commanders = new Map<string, string>();
  for (const { record: p } of master.projects)
    if (p.hq && p.commander && !commanders.has(p.hq)) commanders.set(p.hq, p.commander);
  const weeks: SiteVisitWeek[] = [];
  const visits: SiteVisitLine[] = [];
  for (const [hq, c] of taken) {
    const lines = visitLines(hq, c, assessed);
    visits.push(...lines);
    weeks.push(
      ...personWeeks(hq, lines, {
        assessed,
        earlier: earlier.get(matchKey(hq)) ?? [],
        commander: commanders.get(hq),
      }),
    );
  }
  const next = visits.filter((v) => v.assessment === VISIT_ASSESSMENT.nextPeriod);
  if (next.length > 0)
    notes.push(
      issue(
        'siteWork.nextPeriod',
        {},
        {
          count: next.length,
          weeks: [...new Set(next.map((v) => v.week))].join(','),
        },
      ),
    );
  return { assessed, weeks, visits, notes };
}

/** A week that began by the previous report's due date is partly that report's to log: is it imported? */
function earlierNotImported(ctx: BulletinContext, assessed: readonly IsoDate[]): Issue | undefined {
  const { period, master, calendar } = ctx;
  const prev = previousReportPeriod(period);
  const prevId = reportPeriodId(prev);
  const prevDue = periodSchedule(prev, calendar, master.rules).due;
  const straddling = assessed.filter((w) => w <= prevDue);
  const imported =
    master.submissionLog.some((l) => l.record.period === prevId) ||
    master.siteWorkLog.some((l) => l.record.period === prevId);
  if (straddling.length === 0 || imported) return undefined;
  return issue(
    'siteWork.earlierNotImported',
    {},
    {
      period: reportPeriodLabel(prev),
      week: straddling.join(','),
    },
  );
}

/** The visits an earlier report logged for the weeks assessed here, from the master, by HQ. */
function earlierVisits(
  ctx: BulletinContext,
  assessed: ReadonlySet<IsoDate>,
): Map<string, Located<SiteWorkRow>[]> {
  const earlier = new Map<string, Located<SiteWorkRow>[]>();
  for (const l of ctx.master.siteWorkLog)
    if (l.record.period !== ctx.periodId && assessed.has(weekStart(l.record.date)))
      pushTo(earlier, matchKey(l.record.hq), l);
  return earlier;
}

/** Each visit one report logged, with where it is assessed (a second copy of one is 重复记录). */
function visitLines(hq: string, c: Candidate, assessed: readonly IsoDate[]): SiteVisitLine[] {
  const assessedSet = new Set(assessed);
  const lastAssessed = assessed[assessed.length - 1];
  const seen = new Set<string>();
  return c.read.siteVisits.map(({ record: v, sheet, row }) => {
    const week = weekStart(v.date);
    const key = visitKey(v.date, v.person, v.projectId);
    const assessment: VisitAssessment = seen.has(key)
      ? VISIT_ASSESSMENT.duplicate
      : assessedSet.has(week)
        ? VISIT_ASSESSMENT.thisPeriod
        : lastAssessed !== undefined && week > lastAssessed
          ? VISIT_ASSESSMENT.nextPeriod
          : VISIT_ASSESSMENT.earlier;
    seen.add(key);
    return {
      hq,
      date: v.date,
      person: v.person,
      role: v.role,
      ...(v.projectId !== undefined && { projectId: v.projectId }),
      ...(v.matter !== undefined && { matter: v.matter }),
      week,
      assessment,
      file: c.file,
      sheet,
      row,
    };
  });
}

/**
 * One HQ's person-weeks: its commander and everyone who logged a visit, each week assessed, with
 * the distinct visits of this report and of the earlier one.
 */
function personWeeks(
  hq: string,
  lines: readonly SiteVisitLine[],
  from: {
    readonly assessed: readonly IsoDate[];
    readonly earlier: readonly Located<SiteWorkRow>[];
    readonly commander: string | undefined;
  },
): SiteVisitWeek[] {
  const people = new Map<string, string>();
  if (from.commander) people.set(from.commander, SITE_ROLE.commander);
  // person → week → distinct visits; and those known only from the earlier report.
  const counted = new Map<string, Set<string>>();
  const mine = new Set<string>();
  const tally = (person: string, date: string, key: string): void => {
    const k = `${person}\u0000${weekStart(date)}`;
    const set = counted.get(k) ?? new Set<string>();
    counted.set(k, set);
    set.add(key);
  };
  for (const v of lines) {
    if (v.assessment !== VISIT_ASSESSMENT.thisPeriod) continue;
    if (!people.has(v.person)) people.set(v.person, v.role);
    const key = visitKey(v.date, v.person, v.projectId);
    mine.add(key);
    tally(v.person, v.date, key);
  }
  for (const { record: v } of from.earlier) {
    if (!people.has(v.person)) people.set(v.person, v.role ?? SITE_ROLE.member);
    tally(v.person, v.date, visitKey(v.date, v.person, v.projectId));
  }
  const weeks: SiteVisitWeek[] = [];
  for (const [person, role] of people) {
    for (const week of from.assessed) {
      const set = counted.get(`${person}\u0000${week}`) ?? new Set<string>();
      let fromEarlier = 0;
      for (const k of set) if (!mine.has(k)) fromEarlier++;
      weeks.push({ hq, person, role, week, visits: set.size, fromEarlier });
    }
  }
  return weeks;
}

/** How many projects show each 状态 (the 项目进展 column): the 汇总 counts and the status chart. */
function statusCounts(ps: readonly ProjectProgress[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(Object.values(PROGRESS_STATUS).map((s) => [s, 0])) as Record<
    ProgressStatus,
    number
  >;
  for (const p of ps) counts[p.status]++;
  return counts;
}
