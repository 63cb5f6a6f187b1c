import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseDateTime } from '../core/values/parse.js';
import { parseCsv } from '../core/values/csv.js';
import { matchKey } from '../core/values/text.js';
import { formatMessage, issue, type Issue, type Locale, type IgnoredFile } from '../core/issues/issue.js';
import { decodeText } from '../adapters/files.js';
import { UsageError, type Io } from './io.js';
import type { BulletinContext, SubmissionRead } from '../core/bulletin/index.js';
import { compareCodePoints } from '../core/values/collate.js';
import type { ByteBudget } from '../adapters/budget.js';
import { walkInputs } from '../adapters/inputs.js';
import { readPrepared, type PreparedItem } from './merge-read.js';
import { inputProgress } from './progress.js';
import { displayPath } from './format.js';

/** What kpd merge gathers besides the reports: the clerk's logged times, and its timing lines. */

/** KPD_TIMINGS=1 prints how long each phase took (stderr), for finding where time goes. */
export function phaseClock(io: Io): (phase: string) => void {
  if (io.env['KPD_TIMINGS'] !== '1') return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    io.err(`[timing] ${phase} ${Math.round(now - last)} ms\n`);
    last = now;
  };
}

/** --received: file name → the time the clerk logged; lines it cannot use are said, not skipped. */
export async function clerkTimes(
  file: string | undefined,
  cwd: string,
  locale: Locale,
): Promise<{ times: Map<string, string>; problems: Issue[] }> {
  const times = new Map<string, string>();
  const problems: Issue[] = [];
  if (!file) return { times, problems };
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(formatMessage('cli.receivedUnreadable', { path }, locale));
  }
  parseCsv(decodeText(bytes))
    .slice(1)
    .forEach(([name, time], i) => {
      if (!name && !time) return;
      const p = parseDateTime(time ?? '');
      if (name && p.ok) times.set(matchKey(basename(name)), p.value);
      else if (name) problems.push(issue('cli.receivedTimeBad', {}, { line: i + 2, value: time ?? '' }));
      else problems.push(issue('cli.receivedNoName', {}, { line: i + 2 }));
    });
  return { times, problems };
}

/** The logged times that name none of the inputs: said, not used. */
export const clerkUnused = (times: ReadonlyMap<string, string>, received: ReadonlySet<string>): Issue[] =>
  [...times.keys()]
    .filter((name) => !received.has(name))
    .map((name) => issue('cli.receivedUnknownFile', {}, { name }));

/** The rows a report held (used or not), for the progress line. */
const rowsIn = (r: SubmissionRead): number =>
  r.kind === 'candidate' || r.kind === 'setAside'
    ? r.read.progress.length + r.read.siteVisits.length + r.read.rejected.length
    : 0;

/**
 * The reports among `paths`, one input at a time, in path order whatever order they were named
 * in: read, checked, only its rows kept; its bytes and workbook go before the next is read.
 */
export async function readReports(
  paths: readonly string[],
  o: {
    readonly io: Io;
    readonly ctx: BulletinContext;
    readonly clerk: ReadonlyMap<string, string>;
    readonly budget: ByteBudget;
    readonly locale: Locale;
    readonly quiet: boolean | undefined;
  },
): Promise<{ reads: SubmissionRead[]; ignored: IgnoredFile[]; received: Set<string> }> {
  const sorted = [...paths].sort(compareCodePoints);
  const bar = await inputProgress(o.io, 'merge', o.locale, o.quiet, sorted);
  const reads: SubmissionRead[] = [];
  const ignored: IgnoredFile[] = [];
  const received = new Set<string>();
  try {
    for await (const found of walkInputs(sorted, { budget: o.budget })) {
      if (found.kind === 'ignored') {
        ignored.push({ file: displayPath(o.io.cwd, found.ignored.file), reason: found.ignored.reason });
        bar.tick();
        continue;
      }
      const { item } = found;
      const key = matchKey(basename(item.file));
      received.add(key);
      const clerkTime = o.clerk.get(key);
      const prepared: PreparedItem = {
        ...item,
        file: displayPath(o.io.cwd, item.file),
        ...(clerkTime !== undefined && { clerkTime }),
      };
      const read = readPrepared(prepared, o.ctx, o.budget);
      reads.push(read);
      bar.tick(rowsIn(read));
    }
  } finally {
    bar.done();
  }
  return { reads, ignored, received };
}
