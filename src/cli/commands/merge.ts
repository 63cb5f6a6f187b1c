import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { instantToCst } from '../../core/values/dates.js';
import { mergeBulletin, mergeContext } from '../../core/jobs/merge.js';
import { bulletinDocument } from '../../core/jobs/bulletin-document.js';
import { issue, message } from '../../core/issues/issue.js';
import { writeAtomic } from '../../adapters/files.js';
import { zipEntries } from '../../adapters/xlsx-fill/index.js';
import { fillBulletin } from '../../adapters/bulletin-file.js';
import { bulletinTemplate } from '../../adapters/bundled.js';
import { officialDocx } from '../../adapters/docx/index.js';
import { annexApart } from '../../adapters/bulletin-annex.js';
import {
  calendarContext,
  documentPath,
  loadMaster,
  outputPath,
  runBudget,
  usableTemplate,
} from '../context.js';
import { guardOutput, reportPeriodOption, requireExisting, usageError } from '../guard.js';
export { MERGE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { clerkTimes, clerkUnused, phaseClock, readReports } from '../merge-inputs.js';
import { sayMerge } from '../merge-say.js';

const OPTIONS = {
  master: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  template: { type: 'string' },
  received: { type: 'string' },
  holidays: { type: 'string' },
  office: { type: 'string' },
  doc: { type: 'string' },
  annex: { type: 'string' },
  lang: { type: 'string' },
} as const;

/** `kpd merge`: gathers the inputs, calls the merge job (core/jobs/merge.ts), writes, says. */
export async function mergeCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  if (!values.master) throw usageError('cli.mergeNeedMaster', {}, locale);
  if (!values.out) throw usageError('cli.mergeNeedOut', {}, locale);
  if (!values.period) throw usageError('cli.mergeNeedPeriod', {}, locale);
  const period = reportPeriodOption(values.period, locale);
  if (positionals.length === 0) throw usageError('cli.mergeNeedInputs', {}, locale);
  const at = (p: string): string => resolve(io.cwd, p);
  const named = [values.master, values.template, values.received, values.holidays, ...positionals];
  // (The master is said as the master, by loadMaster.)
  await requireExisting(
    named.filter((p): p is string => p !== undefined && p !== values.master),
    io.cwd,
    locale,
  );
  const out = at(values.out);
  await guardOutput(io.cwd, values.out, named, locale, 'example.bulletin');
  outputPath(io.cwd, values.out, locale);
  // --annex: 数据问题 and 来源 in a workbook of their own, beside the 通报 (never over it or an input).
  if (values.annex !== undefined && outputPath(io.cwd, values.annex, locale))
    await guardOutput(io.cwd, values.annex, [...named, values.out], locale, 'example.bulletinAnnex');
  const masterFile = at(values.master);
  const budget = runBudget(io.env);
  const docOut =
    values.doc === undefined
      ? undefined
      : await documentPath(io.cwd, values.doc, [out, masterFile, ...positionals.map(at)], locale);
  const clerk = await clerkTimes(values.received, io.cwd, locale);
  const template = values.template
    ? await usableTemplate(at(values.template), values.template, budget, locale)
    : await bulletinTemplate();
  const clock = phaseClock(io);

  // The master, the reads and their records are needed only until the bulletin is built: kept in
  // this function's scope, they are freed before the bulletin is written.
  const { merged, calendarIssues, rules } = await (async () => {
    const { master } = await loadMaster(masterFile, locale, budget);
    clock('master');
    const cal = await calendarContext(
      { master, ...(values.holidays && { holidays: at(values.holidays) }) },
      locale,
    );
    // The clock is the shell's: no file can have arrived after this moment.
    const now = instantToCst(new Date());
    const started = mergeContext({ period, master: master.data, calendar: cal.calendar, locale, now });
    if ('issue' in started) throw new UsageError(message(started.issue, locale));
    const { reads, ignored, received } = await readReports(positionals.map(at), {
      io,
      ctx: started.ctx,
      clerk: clerk.times,
      budget,
      locale,
      quiet: values.json,
    });
    clock('read');
    clerk.problems.push(...clerkUnused(clerk.times, received));
    const job = mergeBulletin({
      ctx: started.ctx,
      reads,
      ignored,
      ...(values.office !== undefined && { office: values.office }),
      annexApart: values.annex !== undefined,
    });
    clock('assemble');
    return { merged: job, rules: master.data.rules, calendarIssues: cal.issues };
  })();
  const { bulletin } = merged.result;
  const apart =
    values.annex === undefined
      ? undefined
      : await annexApart(merged.sheets, values.template ? template : undefined);
  const filled = fillBulletin(
    apart?.template ?? template,
    apart?.sheets ?? merged.sheets,
    merged.result.charts,
    values.template ?? '',
  );
  if (!filled.parts) throw new UsageError(filled.issues.map((i) => message(i, locale)).join('\n'));
  const bytes = await zipEntries(filled.parts.entries);
  clock('fill');
  await writeAtomic(out, bytes);
  if (apart && values.annex !== undefined) await writeAtomic(at(values.annex), (await apart.annex()).bytes);
  clock('write');
  if (docOut !== undefined) {
    const office = values.office !== undefined ? { office: values.office } : {};
    await writeAtomic(docOut, await officialDocx(bulletinDocument({ bulletin, rules, ...office }).result));
  }
  sayMerge(io, bulletin, locale, {
    warnings: [
      ...bulletin.warnings,
      ...calendarIssues.filter((i) => i.severity !== 'info'),
      ...merged.issues.slice(bulletin.warnings.length),
      ...filled.issues.filter((i) => i.code === 'chart.notPlaced'),
      ...clerk.problems,
      ...filled.issues.filter((i) => i.code !== 'chart.notPlaced'),
      ...(apart?.leftInTemplate ?? []).map((sheet) => issue('annex.leftInTemplate', {}, { sheet })),
    ],
    json: values.json === true,
    out: values.out,
    ...(values.doc !== undefined && { doc: values.doc }),
    ...(values.annex !== undefined && { annex: values.annex }),
  });
  return EXIT.ok;
}
