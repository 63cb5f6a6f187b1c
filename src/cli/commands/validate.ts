import { parseCommandArgs } from '../args.js';
import { resolve, sep } from 'node:path';
import { validateWorkbook } from '../../core/validate/workbook.js';
import { hasErrors, issue, sortIssues, type Issue, type Locale } from '../../core/validate/issue.js';
import { loadWorkbookBytes } from '../../adapters/files.js';
import { SEP, UNREADABLE, walkInputs } from '../../adapters/inputs.js';
import { jsonText } from '../../core/values/visible.js';
import { loadMaster, runBudget } from '../context.js';
export { VALIDATE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
import { countBySeverity, displayPath, formatIssues, issueJson } from '../format.js';
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
export async function validateFiles(
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
    for await (const found of walkInputs([...named], { budget, locale })) {
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
        const v = validateWorkbook(r.value.workbook, register ? { register } : {});
        const mail =
          item.badMailDate !== undefined ? [issue('mail.dateInvalid', {}, { value: item.badMailDate })] : [];
        results.push({
          file,
          template: v.template?.title ?? null,
          version: v.version ?? null,
          issues: sortIssues(
            [...mail, ...r.value.issues, ...v.issues],
            v.template?.sheets.map((s) => s.name),
          ),
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
            : issue('file.ignored', {}, { reason: x.reason }, unusable ? 'error' : 'info'),
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
  keyed.sort((a, b) => a.o - b.o || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0));
  return keyed.map((k) => k.r);
}

export function formatValidation(results: readonly FileResult[], locale: Locale): string {
  let s = '';
  for (const r of results) {
    const n = countBySeverity(r.issues);
    const kind = r.template
      ? `${r.template}${r.version !== null ? ` v${r.version}` : ''}`
      : r.issues[0]?.code === 'file.ignored'
        ? t(locale, '未检查', 'not checked')
        : r.unusable
          ? t(locale, '无法读取', 'unreadable')
          : t(locale, '不是填报模板', 'not a form');
    const summary =
      n.error + n.warning + n.info === 0
        ? t(locale, '通过', 'OK')
        : t(
            locale,
            `${n.error} 个错误，${n.warning} 个警告，${n.info} 个提示`,
            `${n.error} errors, ${n.warning} warnings, ${n.info} notes`,
          );
    s += `${r.file}（${kind}）：${summary}\n${formatIssues(r.issues, locale)}`;
  }
  const files = results.length;
  const bad = results.filter((r) => hasErrors(r.issues)).length;
  s += t(
    locale,
    `\n共检查 ${files} 个文件，${bad} 个有错误。\n`,
    `\nChecked ${files} files, ${bad} with errors.\n`,
  );
  return s;
}

export async function validateCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, master: { type: 'string' }, lang: { type: 'string' } },
  });
  const locale = localeOf(values.lang, io.env);
  if (positionals.length === 0)
    throw new UsageError(t(locale, '请给出要检查的文件。', 'Give the files to check.'));
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
  if (results.length === 0)
    throw new UsageError(t(locale, '没有找到要检查的 .xlsx 文件。', 'No .xlsx files found to check.'));
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
