import { visibleText } from '../core/values/visible.js';

/** What a command may touch of the process: streams and the terminal. Injected, so tests run commands in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress line (starts with a carriage return); written as it is, unlike `err`. */
  status?(text: string): void;
  /** stderr is a terminal: progress bars are welcome. */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The terminal never receives a character a file put in a message (an escape sequence in a zip
 * entry's name, a bidi override in an ID): every one is written out as `<U+001B>`. Only the
 * program's own progress line (`status`) may move the cursor.
 */
export const processIo = (): Io => ({
  out: (t) => void process.stdout.write(visibleText(t)),
  err: (t) => void process.stderr.write(visibleText(t)),
  status: (t) => void process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY) && process.env['CI'] !== 'true',
  cwd: process.cwd(),
  env: process.env,
});

/** Exit codes: 0 done (warnings allowed), 1 errors found in the input, 2 could not run. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Misuse of the command line: reported in Chinese with the usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
