import { main } from './main.js';
import { processIo } from './io.js';
import { removePartialWrites } from '../adapters/files.js';
import { formatMessage } from '../core/issues/issue.js';

// Ctrl+C or a kill while a result is being written: its temporary file goes too. (A run killed
// outright leaves it; the next write of that result removes it — see writeAtomic.)
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    removePartialWrites();
    process.exit(code);
  });
}

// Output piped into `head` and closed early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/** The process entry point: the only place that touches process.exit. */
const code = await main(process.argv.slice(2), processIo()).catch((e: unknown) => {
  process.stderr.write(
    `${formatMessage('cli.internalError', {})}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return 3;
});
process.exitCode = code;
