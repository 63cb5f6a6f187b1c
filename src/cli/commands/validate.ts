import { parseArgs } from 'node:util';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { validateWorkbook } from '../../core/validate/workbook.js';
import { hasErrors, sortIssues, type Issue, type Locale } from '../../core/validate/issue.js';
import { loadWorkbook } from '../../adapters/files.js';
import { loadMaster } from '../context.js';
export { VALIDATE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
import { countBySeverity, formatIssues, issueJson } from '../format.js';
import type { RegisterContext } from '../../core/report/read.js';

export interface FileResult {
  readonly file: string;
  readonly template: string | null;
  readonly version: number | null;
  readonly issues: readonly Issue[];
  readonly unusable: boolean;
}

/** Folders are expanded to the .xlsx files in them, sorted; lock files (~$) are skipped. */
async function expand(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir = false;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      out.push(p);
      continue;
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(abs, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && /\.(xlsx|xlsm|xls)$/iu.test(e.name) && !e.name.startsWith('~$'))
      .map((e) => relative(cwd, join(e.parentPath, e.name)))
      .sort();
    out.push(...entries);
  }
  return out;
}

export async function validateFiles(
  files: readonly string[],
  io: Io,
  register?: RegisterContext,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await loadWorkbook(resolve(io.cwd, file));
    if (!r.ok) {
      results.push({ file, template: null, version: null, issues: [r.issue], unusable: true });
      continue;
    }
    const v = validateWorkbook(r.value.workbook, register ? { register } : {});
    results.push({
      file,
      template: v.template?.title ?? null,
      version: v.version ?? null,
      issues: sortIssues(
        [...r.value.issues, ...v.issues],
        v.template?.sheets.map((s) => s.name),
      ),
      unusable: false,
    });
  }
  return results;
}

export function formatValidation(results: readonly FileResult[], locale: Locale): string {
  let s = '';
  for (const r of results) {
    const n = countBySeverity(r.issues);
    const kind = r.template
      ? `${r.template}${r.version !== null ? ` v${r.version}` : ''}`
      : t(locale, '无法读取', 'unreadable');
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
  const { values, positionals } = parseArgs({
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
  const files = await expand(positionals, io.cwd);
  const results = await validateFiles(files, io, register);
  if (values.json) {
    io.out(
      JSON.stringify({
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
