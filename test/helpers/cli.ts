import { main } from '../../src/cli/main.js';
import type { ExitCode, Io } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: ExitCode;
  readonly out: string;
  readonly err: string;
}

/** Runs `kpd argv…` in-process with a fake Io rooted at `cwd`; Chinese unless env says otherwise. */
export async function runKpd(
  argv: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    interactive: false,
    cwd,
    env,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The `--json` output of `kpd validate`. */
export interface ValidateJson {
  readonly files: readonly {
    readonly file: string;
    readonly template: string | null;
    readonly version: number | null;
    readonly issues: readonly {
      readonly severity: 'error' | 'warning' | 'info';
      readonly code: string;
      readonly sheet: string | null;
      readonly cell: string | null;
      readonly row: number | null;
      readonly column: number | null;
      readonly message: string;
    }[];
  }[];
}

export const parseValidateJson = (out: string): ValidateJson => JSON.parse(out) as ValidateJson;
