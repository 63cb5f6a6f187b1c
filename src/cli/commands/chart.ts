import { dirname, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { instantToCst } from '../../core/values/dates.js';
import { progressChart } from '../../core/jobs/chart.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { isIssue } from '../../core/workbook/identify.js';
import { writePaper } from '../../adapters/exceljs/write-paper.js';
import { sameFile, writeAtomic } from '../../adapters/files.js';
import { loadMaster, outputPath } from '../context.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
export { CHART_USAGE } from '../usage.js';

/** The day given with --on (or today in China): a mistake is exit 2, no document. */
function dayOption(value: string | undefined, option: string, locale: Locale): string {
  if (value === undefined) return instantToCst(new Date()).slice(0, 10);
  const d = parseDate(value);
  if (!d.ok)
    throw new UsageError(formatMessage('paper.badDate', { option, example: '2026-11-13', value }, locale));
  return d.value;
}

/** `kpd chart --master 总台账.xlsx [--hq 指挥部] [--on 2026-11-13] --out 进度图.xlsx` (挂图作战). */
export async function chartCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs({
    args: [...argv],
    options: {
      master: { type: 'string' },
      hq: { type: 'string' },
      on: { type: 'string' },
      out: { type: 'string' },
      office: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const missing = (option: string, example: string): UsageError =>
    new UsageError(formatMessage('paper.missingOption', { option, example }, locale));
  if (!values.master) throw missing('--master', formatMessage('example.master', {}, locale));
  if (!values.out) throw missing('--out', formatMessage('example.chart', {}, locale));
  const on = dayOption(values.on, '--on', locale);
  const out = outputPath(io.cwd, values.out, locale);
  const masterPath = resolve(io.cwd, values.master);
  if (await sameFile(out, masterPath))
    throw new UsageError(formatMessage('paper.sameFile', { file: masterPath }, locale));

  const { master } = await loadMaster(masterPath, locale);
  const job = progressChart(master.data, {
    on,
    ...(values.hq !== undefined && { hq: values.hq }),
    ...(values.office !== undefined && { office: values.office }),
  });
  if (isIssue(job)) throw new UsageError(message(job, locale));
  await writeAtomic(out, await writePaper(job.book));

  for (const i of job.issues.filter((x) => x.severity !== 'info'))
    io.err(formatMessage('paper.warning', { text: message(i, locale) }, locale) + '\n');
  const { result } = job;
  if (values.json) {
    io.out(
      JSON.stringify({ ...result, issues: job.issues.map((i) => ({ ...i, message: message(i, locale) })) }) +
        '\n',
    );
    return EXIT.ok;
  }
  const lines = [
    formatMessage('chart.written', { file: values.out, hqs: result.sheets.length, ...result.totals }, locale),
    ...result.sheets.map(
      (s) =>
        '  ' +
        formatMessage(
          'chart.sheet',
          { ...s, unit: formatMessage(`paper.unit.${s.unit}`, {}, locale) },
          locale,
        ),
    ),
    ...job.issues.filter((x) => x.severity === 'info').map((i) => '  ' + message(i, locale)),
    formatMessage('paper.pdfHint', { dir: dirname(values.out) || '.', file: values.out }, locale),
  ];
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
