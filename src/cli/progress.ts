import { SingleBar } from 'cli-progress';
import { formatMessage, type Locale } from '../core/issues/issue.js';
import type { Io } from './io.js';
import { countInputFiles } from '../adapters/input-count.js';

/** What long work counts as it goes: files read so far and what they held (rows, topics, findings). */
type ProgressKind = 'merge' | 'agenda' | 'validate';

export interface Progress {
  /** One more file done, holding `items` rows (topics, findings). */
  tick(items?: number): void;
  /** Draws the last count and ends the line. Call it in a `finally`: a live bar keeps a timer. */
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

/**
 * A running count on stderr — 「读取报表：已读 120 个文件，2,431 行」 — redrawn in place by
 * cli-progress, only when stderr is a terminal (`io.interactive`) and not under --json (`quiet`):
 * a pipe or a log file gets nothing but the warnings. Given the `total` (inputProgress: the files
 * the folder listings hold), the line says 「n/N 个文件」; an archive or e-mail holding more than
 * one file raises N as it is opened. Without it the line counts up.
 */
export function progressCounter(
  io: Io,
  kind: ProgressKind,
  locale: Locale,
  quiet = false,
  total?: number,
): Progress {
  if (quiet || !io.interactive) return SILENT;
  const write = io.status ?? io.err;
  // cli-progress writes to a stream; this one is the Io's raw progress channel, a terminal.
  const stream = { isTTY: true, columns: 80, write: (s: string): boolean => (write(s), true) };
  const bar = new SingleBar({
    // 「…已读 {value} 个文件，{rows} 行」: the placeholders are cli-progress's, left as they are.
    format: formatMessage(
      total === undefined ? `cli.progress.${kind}` : `cli.progressOf.${kind}`,
      {},
      locale,
    ),
    stream: stream as unknown as NodeJS.WritableStream,
    // Wrapping stays on and the cursor visible: a run killed mid-line leaves the terminal as it was.
    linewrap: true,
    hideCursor: false,
    fps: 10,
  });
  let rows = 0;
  let done = 0;
  let of = total ?? 0;
  bar.start(of, 0, { rows });
  return {
    tick(items = 0) {
      rows += items;
      done += 1;
      if (total !== undefined && done > of) bar.setTotal((of = done));
      bar.increment(1, { rows });
    },
    done() {
      bar.stop();
    },
  };
}

/**
 * The progress line of a run over input paths (files, folders, e-mails, archives): their files
 * are counted from the listings first (nothing read), only when the line is shown at all.
 * Tick it once for every entry the walk yields, read or skipped.
 */
export async function inputProgress(
  io: Io,
  kind: ProgressKind,
  locale: Locale,
  quiet: boolean | undefined,
  paths: readonly string[],
): Promise<Progress> {
  if (quiet || !io.interactive) return SILENT;
  return progressCounter(io, kind, locale, false, await countInputFiles(paths));
}
