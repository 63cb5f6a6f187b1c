import { parseCommandArgs } from '../args.js';
import { resolve, sep } from 'node:path';
import { validateJob } from '../../core/jobs/validate.js';
import { hasErrors, issue, type Issue, type Locale } from '../../core/issues/issue.js';
import { loadWorkbookBytes } from '../../adapters/files.js';
import { SEP, UNREADABLE, walkInputs } from '../../adapters/inputs.js';
import { jsonText } from '../../core/values/visible.js';
import { loadMaster, runBudget } from '../context.js';
import { compareCodePoints } from '../../core/values/collate.js';
export { VALIDATE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { formatValidation } from '../render-validate.js';
export { formatValidation };
import { say } from '../say.js';
import { displayPath, issueJson } from '../format.js';
import { progressCounter, type Progress } from '../progress.js';
import type { RegisterContext } from '../../core/report/read.js';

export interface FileResult {
  readonly file: string;
  readonly template: string | null;
  readonly version: number | null;
  readonly issues: readonly Issue[];
  readonly unusable: boolean;
}

/**
 * Checks every workbook among the inputs: files, folders (recursively), .eml attachments and
 * .zip contents, as `kpd merge` finds them, one at a time. Anything else found is listed as not
 * checked; a file meant for us that cannot be read (a damaged e-mail, an archive bomb, a path
 * that does not exist) counts as unusable, wherever it was found.
 */
async function validateFiles(
  paths: readonly string[],
  io: Io,
  register?: RegisterContext,
  locale: Locale = 'zh',
  progress: Progress = progressCounter(io, 'validate', locale),
): Promise<FileResult[]> {
  const named = new Set(paths.map((p) => resolve(io.cwd, p)));
  const budget = runBudget(io.env);
  const results: FileResult[] = [];
  /** The collected path behind each result, for ordering. */
  const sources: string[] = [];
  try {
    for await (const found of walkInputs([...named], { budget })) {
      if (found.kind === 'item') {
        const item = found.item;
        sources.push(item.file);
        const file = displayPath(io.cwd, item.file);
        const r = loadWorkbookBytes(file, item.bytes, item.mtime, budget);
        if (!r.ok) {
          results.push({ file, template: null, version: null, issues: [r.issue], unusable: true });
          progress.tick(1);
          continue;
        }
        const mail =
          item.badMailDate !== undefined ? [issue('mail.dateInvalid', {}, { value: item.badMailDate })] : [];
        const v = validateJob(r.value.workbook, register ? { register } : {}, [...mail, ...r.value.issues]);
        results.push({
          file,
          template: v.result.template?.title ?? null,
          version: v.result.version ?? null,
          issues: v.issues,
          unusable: false,
        });
        progress.tick(results.at(-1)?.issues.filter((i) => i.severity !== 'info').length);
        continue;
      }
      const x = found.ignored;
      const wasNamed = named.has(x.file);
      if (x.code === 'input.lockFile' && !wasNamed) continue; // an open workbook's lock file
      // A file found in a folder that is not for us (a .csv beside the reports) is only mentioned;
      // one named, or one meant for us that cannot be read, is an error.
      const unusable = wasNamed || UNREADABLE.has(x.code);
      sources.push(x.file);
      results.push({
        file: displayPath(io.cwd, x.file),
        template: null,
        version: null,
        issues: [
          x.code === 'input.notFound'
            ? issue('file.notFound', {})
            : issue('file.ignored', {}, { ...x.params, why: x.code }, unusable ? 'error' : 'info'),
        ],
        unusable,
      });
    }
  } finally {
    progress.done();
  }
  // In the order the paths were given; within a folder, by name.
  const order = [...named];
  const origin = (f: string): number =>
    order.findIndex((p) => f === p || f.startsWith(p + sep) || f.startsWith(p + SEP));
  const keyed = results.map((r, i) => ({ r, o: origin(sources[i] ?? ''), f: sources[i] ?? '' }));
  keyed.sort((a, b) => a.o - b.o || compareCodePoints(a.f, b.f));
  return keyed.map((k) => k.r);
}

export async function validateCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, master: { type: 'string' }, lang: { type: 'string' } },
  });
  const locale = localeOf(values.lang, io.env);
  if (positionals.length === 0) throw new UsageError(say('cli.filesMissing', locale));
  const register = values.master
    ? { projects: (await loadMaster(resolve(io.cwd, values.master), locale)).master.data.projects }
    : undefined;
  const results = await validateFiles(
    positionals,
    io,
    register,
    locale,
    progressCounter(io, 'validate', locale, values.json),
  );
  if (results.length === 0) throw new UsageError(say('cli.noFilesFound', locale));
  if (values.json) {
    io.out(
      jsonText({
        files: results.map((r) => ({
          file: r.file,
          template: r.template,
          version: r.version,
          issues: r.issues.map((i) => issueJson(i, locale)),
        })),
      }) + '\n',
    );
  } else io.out(formatValidation(results, locale));
  if (results.some((r) => r.unusable)) return EXIT.unusable;
  return results.some((r) => hasErrors(r.issues)) ? EXIT.findings : EXIT.ok;
}
