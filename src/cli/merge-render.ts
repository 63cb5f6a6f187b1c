import { reasonLines } from '../core/bulletin/model.js';
import { basename } from 'node:path';
import type { Bulletin } from '../core/bulletin/index.js';
import type { IssueCode } from '../core/issues/codes.js';
import { formatMessage, message, type IssueParams, type Locale } from '../core/issues/issue.js';
import { table } from './format.js';
import { VISIT_ASSESSMENT, type TimeSource } from '../core/rules/vocab.js';

/** What kpd merge prints: every sentence from the message table (messages-merge-run.ts). */

/** The 时间来源 values as said on the terminal, each by its code. */
const TIME_SOURCE: Readonly<Record<TimeSource, IssueCode>> = {
  邮件时间: 'mergeOut.time.mail',
  登记时间: 'mergeOut.time.clerk',
  填报日期: 'mergeOut.time.filled',
  文件修改时间: 'mergeOut.time.mtime',
};

/** Rows listed on the terminal; the bulletin's 数据问题 sheet has them all. */
const SHOWN_PROBLEMS = 30;

/** The machine-readable result (issue #4's shape). */
export function mergeJson(b: Bulletin, locale: Locale = 'zh') {
  const said = (i: Bulletin['warnings'][number]) => ({
    code: i.code,
    severity: i.severity,
    message: message(i, locale),
  });
  return {
    period: b.period,
    due: b.due,
    bulletinDate: b.bulletinDate,
    submissions: b.submissions.map((s) => ({
      hq: s.hq,
      file: s.file,
      receivedAt: s.receivedAt,
      timeSource: s.timeSource,
      late: s.late,
      signed: s.signed,
      replaced: s.replacedBy !== undefined,
    })),
    missing: b.missing,
    late: b.late,
    unsigned: b.unsigned,
    rows: b.rows,
    rejected: b.problems
      .filter((p) => p.rejected)
      .map((p) => ({ file: p.file, sheet: p.sheet, cell: p.cell, code: p.code, message: p.message })),
    behindSchedule: b.behind.map((p) => ({
      projectId: p.projectId,
      reasons: reasonLines(p.reasons, locale),
    })),
    siteVisitShortfalls: b.shortfalls.map((w) => ({
      hq: w.hq,
      person: w.person,
      week: w.week,
      visits: w.visits,
      fromEarlier: w.fromEarlier,
    })),
    // Visits of weeks the next bulletin assesses: listed in 一线工作明细, counted there.
    siteVisitsNextPeriod: b.visits.filter((v) => v.assessment === VISIT_ASSESSMENT.nextPeriod).length,
    // Each file not read with why, said in the person's language.
    ignored: b.ignored.map((x) => ({ file: x.file, reason: message(x.reason, locale) })),
    // What the bulletin's first sheet says about its dates, and the weeks shared with another
    // report: the loud warning of a year without holiday data travels with the JSON too.
    calendar: b.calendarBasis.map(said),
    warnings: b.warnings.map(said),
  };
}

/** The period as the person reads it: 2026年11月上半月 in Chinese, 2026-11-1 in English. */
const periodShown = (b: Bulletin, locale: Locale): string => (locale === 'en' ? b.period : b.periodLabel);

export function formatMerge(
  b: Bulletin,
  out: string,
  locale: Locale,
  /** kpd merge --annex: the rows not merged are in that workbook, not in the 通报. */
  annex?: string,
): string {
  const f = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  const cols = (code: IssueCode): string[] => f(code).split('|');
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const status = (x: Bulletin['submissions'][number]): string =>
    f(x.replacedBy !== undefined ? 'mergeOut.replaced' : x.late ? 'mergeOut.late' : 'mergeOut.onTime');
  let s = `${f('mergeOut.heading', { number: b.number, period: periodShown(b, locale), due: b.due, bulletinDate: b.bulletinDate })}\n\n`;
  s += table(cols('mergeOut.columns'), [
    ...b.submissions.map((x) => [
      x.hq,
      status(x),
      x.receivedAt ?? '',
      x.timeSource ? f(TIME_SOURCE[x.timeSource]) : '',
      f(x.signed ? 'mergeOut.signed' : 'mergeOut.unsigned'),
      x.file,
    ]),
    ...b.missing.map((hq) => [hq, f('mergeOut.missing'), '', '', '', '']),
  ]);
  s += '\n';
  s += table(cols('mergeOut.countColumns'), [
    [f('mergeOut.countDue'), taken.length + b.missing.length],
    [f('mergeOut.countTimely'), `${taken.length - b.late.length} / ${b.late.length} / ${b.missing.length}`],
    [f('mergeOut.countUnsigned'), b.unsigned.length],
    [f('mergeOut.countBehind'), b.behind.length],
    [f('mergeOut.countShortfalls'), b.shortfalls.length],
    [f('mergeOut.countRows'), `${b.rows.in} = ${b.rows.merged} + ${b.rows.rejected}`],
    [f('mergeOut.countIgnored'), b.ignored.length],
  ]);
  if (b.ignored.length > 0) {
    s += `\n${f('mergeOut.ignoredHeading')}\n`;
    for (const x of b.ignored.slice(0, SHOWN_PROBLEMS)) s += `  ${x.file}  ${message(x.reason, locale)}\n`;
    if (b.ignored.length > SHOWN_PROBLEMS) s += `  ${f('run.filesInAll', { count: b.ignored.length })}\n`;
  }
  const lines = rejectedLines(b, locale);
  if (lines.length > 0) {
    s += `\n${annex === undefined ? f('mergeOut.rejectedHeading') : f('mergeOut.rejectedHeadingAnnex', { path: annex })}\n`;
    for (const l of lines.slice(0, SHOWN_PROBLEMS)) s += `  ${l}\n`;
    if (lines.length > SHOWN_PROBLEMS) s += `  ${f('run.moreInAll', { count: lines.length })}\n`;
  }
  for (const n of b.siteNotes.filter((x) => x.severity === 'info')) s += `\n${message(n, locale)}\n`;
  s += `\n${f('run.wrote', { path: out })}\n`;
  return s;
}

/** One line per row not merged; a file set aside as a whole is one line (its rows are each in the bulletin). */
function rejectedLines(b: Bulletin, locale: Locale): string[] {
  const lines: (string | { file: string; reason: string; rows: number })[] = [];
  const wholeFile = new Map<string, { file: string; reason: string; rows: number }>();
  for (const p of b.problems.filter((x) => x.rejected)) {
    if (p.code === 'merge.replaced' || p.code === 'merge.fileNotMerged') {
      const k = `${p.file}\u0000${p.message}`;
      const seen = wholeFile.get(k);
      if (seen) seen.rows += 1;
      else {
        const entry = { file: p.file, reason: p.message, rows: 1 };
        wholeFile.set(k, entry);
        lines.push(entry);
      }
      continue;
    }
    const row = p.row !== null ? formatMessage('mergeOut.rowAt', { row: p.row }, locale) : '';
    const sheet =
      p.sheet &&
      (locale === 'en' ? `'${p.sheet}'!` : formatMessage('values.quoted', { name: p.sheet }, locale));
    const where = [sheet, p.cell ?? row].filter(Boolean).join('');
    lines.push(`${basename(p.file)} ${where}  ${p.message}`);
  }
  return lines.map((l) =>
    typeof l === 'string'
      ? l
      : formatMessage(
          'mergeOut.wholeFile',
          { file: basename(l.file), rows: l.rows, reason: l.reason },
          locale,
        ),
  );
}
