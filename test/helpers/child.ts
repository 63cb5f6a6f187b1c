import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { repoPath } from './paths.js';

/** The built CLI (npm test builds it first). */
export const BUILT_MAIN = repoPath('dist', 'cli', 'main.js');
export const builtCliMissing = (): boolean => !existsSync(BUILT_MAIN);

export interface ChildRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** Peak resident memory of the process, in MB. */
  readonly maxRssMb: number;
  /** Killed for running past the time allowed. */
  readonly timedOut: boolean;
}

/**
 * `kpd argv…` in a process of its own, as a terminal runs it (the real stdout/stderr, with the
 * CLI's own filtering of what reaches them), reporting its peak memory. A run that takes longer
 * than `timeoutMs` is killed: a hang fails the test instead of stalling it.
 */
export function runKpdChild(
  argv: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 60_000,
): Promise<ChildRun> {
  const probe =
    `const {main}=await import(${JSON.stringify(BUILT_MAIN)});` +
    `const {processIo}=await import(${JSON.stringify(repoPath('dist', 'cli', 'io.js'))});` +
    `const c=await main(${JSON.stringify(argv)},processIo());` +
    `process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n');process.exitCode=c;`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe], {
      cwd,
      env: { ...process.env, KPD_LANG: 'zh', ...env },
    });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /\nMAXRSS (\d+)\n$/u.exec(err);
      resolve({
        code,
        out,
        err: m ? err.slice(0, m.index) : err,
        maxRssMb: m ? Math.round(Number(m[1]) / 1024) : Number.NaN,
        timedOut,
      });
    });
  });
}
