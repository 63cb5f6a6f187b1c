import { main } from './main.js';
import { processIo } from './io.js';

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
    `程序内部错误（请把以下信息发给维护人员）：\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return 3;
});
process.exitCode = code;
