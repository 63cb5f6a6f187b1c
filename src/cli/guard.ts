/**
 * Mistakes at the prompt, caught before anything is read or written (exit 2, no document): a
 * path that does not exist, a period not written exactly, an output that would land on an input.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import {
  parseRankPeriod,
  parseReportPeriod,
  type RankPeriod,
  type ReportPeriod,
} from '../core/calendar/periods.js';
import type { IssueCode } from '../core/issues/codes.js';
import { formatMessage, type IssueParams, type Locale } from '../core/issues/issue.js';
import { visible } from '../core/values/visible.js';
import { sameFile } from '../adapters/files.js';
import { UsageError } from './io.js';

export const usageError = (code: IssueCode, params: IssueParams, locale: Locale): UsageError =>
  new UsageError(formatMessage(code, params, locale));

/** Every path named on the command line must exist: a mistyped folder is not "nobody reported". */
export async function requireExisting(paths: readonly string[], cwd: string, locale: Locale): Promise<void> {
  for (const p of paths) {
    try {
      await stat(resolve(cwd, p));
    } catch {
      throw usageError('cli.pathMissing', { path: visible(p) }, locale);
    }
  }
}

/** `--period` of a half-month report: exactly 2026-11-1 or 2026-11-2. */
export function reportPeriodOption(value: string, locale: Locale): ReportPeriod {
  const text = value.normalize('NFKC').trim();
  const exact = /^(\d{4})-(\d{1,2})-([12])$/u.exec(text);
  const p = exact ? parseReportPeriod(text) : undefined;
  if (p) return p;
  // 2026-11, 2026年11月, 2026-11-3: say which two periods of that month there are.
  const ym = /^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})(?:\s*月)?(?:\s*[-./]?\s*\S*)$/u.exec(text);
  const month = ym ? Number(ym[2]) : 0;
  if (ym && month >= 1 && month <= 12) {
    const m = `${ym[1]}-${String(month).padStart(2, '0')}`;
    throw usageError('cli.periodShape', { value: visible(value), first: `${m}-1`, second: `${m}-2` }, locale);
  }
  throw usageError('cli.periodUnknown', { value: visible(value) }, locale);
}

/** `--period` of a ranking: 2026Q3 or 2026H2 (2026年第三季度 and 2026年下半年 are read too). */
export function rankPeriodOption(value: string, locale: Locale): RankPeriod {
  const p = parseRankPeriod(value);
  if (!p) throw usageError('cli.rankPeriodUnknown', { value: visible(value) }, locale);
  return p;
}

/** The real path of `p`, or of its nearest existing parent with the rest appended. */
async function realish(p: string): Promise<string> {
  const tail: string[] = [];
  let d = resolve(p);
  for (let i = 0; i < 256; i++) {
    try {
      return resolve(await realpath(d), ...tail.reverse());
    } catch {
      const up = dirname(d);
      if (up === d) break;
      tail.push(basename(d));
      d = up;
    }
  }
  return resolve(p);
}

/**
 * The output must not be any input file (the master, a report, the template, the holidays
 * file …) nor lie inside an input folder, and must not be a folder itself. Paths as given on
 * the command line (relative to `cwd`), and said as given.
 */
export async function guardOutput(
  cwd: string,
  out: string,
  inputs: readonly (string | undefined)[],
  locale: Locale,
  example: IssueCode = 'example.result',
): Promise<void> {
  const outPath = resolve(cwd, out);
  try {
    if ((await stat(outPath)).isDirectory())
      throw usageError(
        'cli.outIsFolder',
        { out: visible(out), example: formatMessage(example, {}, locale) },
        locale,
      );
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const outReal = await realish(outPath);
  for (const input of inputs) {
    if (input === undefined) continue;
    const inPath = resolve(cwd, input);
    if (await sameFile(outPath, inPath))
      throw usageError('cli.outIsInput', { out: visible(out), input: visible(input) }, locale);
    let isDir = false;
    try {
      isDir = (await stat(inPath)).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    const folder = await realish(inPath);
    if (outReal.startsWith(folder.endsWith(sep) ? folder : folder + sep))
      throw usageError('cli.outInInputFolder', { out: visible(out), folder: visible(input) }, locale);
  }
}
