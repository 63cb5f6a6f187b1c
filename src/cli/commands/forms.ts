import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { caseForms } from '../../core/jobs/forms.js';
import { formatMessage, message } from '../../core/issues/issue.js';
import { isIssue } from '../../core/workbook/identify.js';
import { writePaper } from '../../adapters/exceljs/write-paper.js';
import { writeAtomic } from '../../adapters/files.js';
import { loadMaster } from '../context.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
export { FORMS_USAGE } from '../usage.js';

/** `kpd forms --master 总台账.xlsx --case 案卷号 --out DIR`: the four papers of a case (代办员制度 五). */
export async function formsCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs({
    args: [...argv],
    options: {
      master: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const missing = (option: string, example: string): UsageError =>
    new UsageError(formatMessage('paper.missingOption', { option, example }, locale));
  if (!values.master) throw missing('--master', formatMessage('example.master', {}, locale));
  if (!values.case) throw missing('--case', 'DB-2026-001');
  if (!values.out) throw missing('--out', formatMessage('example.formsFolder', {}, locale));
  const { master } = await loadMaster(resolve(io.cwd, values.master), locale);
  const job = caseForms(master.data, values.case);
  if (isIssue(job)) throw new UsageError(message(job, locale));

  const dir = resolve(io.cwd, values.out);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const p of job.papers) {
    await writeAtomic(join(dir, p.fileName), await writePaper(p.book));
    written.push(join(values.out, p.fileName));
  }
  for (const i of job.issues.filter((x) => x.severity !== 'info'))
    io.err(formatMessage('paper.warning', { text: message(i, locale) }, locale) + '\n');
  if (values.json) {
    io.out(
      JSON.stringify({
        ...job.result,
        files: written,
        issues: job.issues.map((i) => ({ ...i, message: message(i, locale) })),
      }) + '\n',
    );
    return EXIT.ok;
  }
  const lines = [
    formatMessage('forms.written', { ...job.result }, locale),
    ...written.map((f) => `  ${f}`),
    ...job.issues.filter((x) => x.severity === 'info').map((i) => message(i, locale)),
    formatMessage('paper.pdfHint', { dir: values.out, file: join(values.out, '*.xlsx') }, locale),
  ];
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
