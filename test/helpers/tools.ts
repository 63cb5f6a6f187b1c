import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { describe, it, type TestFunction } from 'vitest';

/**
 * Tests that need a Debian program (soffice, pdftotext, jing …) skip with a plain message when
 * it is missing on a developer's machine, and fail when CI=true: a CI image without the tool
 * must not turn the check into a silent skip.
 */

export type ToolPlan = 'run' | 'skip' | 'fail';

/** What to do given the programs that are missing and the environment. */
export function toolPlan(
  missing: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ToolPlan {
  if (missing.length === 0) return 'run';
  return env['CI'] === 'true' ? 'fail' : 'skip';
}

/** Whether `program` (a name looked up on PATH, or an absolute path) can be executed. */
export function hasProgram(program: string, path = process.env['PATH'] ?? ''): boolean {
  const candidates = isAbsolute(program)
    ? [program]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function missingMessage(missing: readonly string[]): string {
  const names = missing.join(', ');
  return `${names} ${missing.length > 1 ? 'are' : 'is'} not installed (apt-get install the Debian package that provides ${names})`;
}

type SuiteWrapper = (name: string, body: () => void) => void;
type TestWrapper = (name: string, body: TestFunction, timeout?: number) => void;

export interface ToolGate {
  readonly describe: SuiteWrapper;
  readonly it: TestWrapper;
  readonly plan: ToolPlan;
  readonly missing: readonly string[];
}

/**
 * `const lo = requireTool('soffice', 'pdftotext'); lo.describe('…', () => { it(…) })`.
 * With every program present the wrappers are vitest's own; otherwise each suite or test is
 * replaced by one test that is skipped with the message (or fails under CI=true).
 */
export function requireTool(...programs: string[]): ToolGate {
  const missing = programs.filter((p) => !hasProgram(p));
  const plan = toolPlan(missing, process.env);
  if (plan === 'run') return { describe, it, plan, missing };
  const message = missingMessage(missing);
  const standIn: TestFunction =
    plan === 'skip'
      ? (ctx) => ctx.skip(message)
      : () => {
          throw new Error(`${message}; CI=true, so this test fails instead of skipping`);
        };
  return {
    describe: (name) => describe(name, () => it(`needs ${missing.join(', ')}`, standIn)),
    it: (name) => it(`${name} (needs ${missing.join(', ')})`, standIn),
    plan,
    missing,
  };
}
