import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importBulletin } from '../../core/ledger/import.js';
import { parseReportPeriod, reportPeriodId } from '../../core/calendar/periods.js';
import { DECISIONS, PROGRESS_LOG, SITE_WORK_LOG, SUBMISSION_LOG } from '../../core/schema/master.js';
import { identifyTemplate, isIssue } from '../../core/workbook/identify.js';
import { formatMessage, message } from '../../core/validate/issue.js';
import { importDecisions } from '../../core/ledger/decisions.js';
import { DECISION_FORM } from '../../core/schema/decisions.js';
import { loadWorkbook, sameFile, writeAtomic } from '../../adapters/files.js';
import { writeSheetsInto } from '../../adapters/results.js';
import { loadMaster, outputPath } from '../context.js';
export { LEDGER_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';

export async function ledgerCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      out: { type: 'string' },
      period: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const [verb, file] = positionals;
  if (verb !== 'import' || file === undefined || positionals.length !== 2) {
    throw new UsageError(
      t(
        locale,
        '用法：kpd ledger import 通报.xlsx --into 总台账.xlsx --out 新总台账.xlsx',
        'Usage: kpd ledger import BULLETIN --into MASTER --out NEW',
      ),
    );
  }
  if (!values.into || !values.out)
    throw new UsageError(
      t(locale, '缺少 --into 总台账.xlsx 或 --out 新总台账.xlsx。', 'Missing --into or --out.'),
    );
  const period = values.period !== undefined ? parseReportPeriod(values.period) : undefined;
  if (values.period !== undefined && !period)
    throw new UsageError(t(locale, '--period 应如 2026-11-1。', '--period like 2026-11-1.'));
  const masterPath = resolve(io.cwd, values.into);
  const out = outputPath(io.cwd, values.out, locale);
  const bulletinPath = resolve(io.cwd, file);
  for (const input of [masterPath, bulletinPath]) {
    if (await sameFile(out, input))
      throw new UsageError(
        t(locale, `输出文件不能覆盖输入文件「${input}」。`, `The output would overwrite ${input}.`),
      );
  }
  const bulletin = await loadWorkbook(bulletinPath);
  if (!bulletin.ok) throw new UsageError(`${file}：${message(bulletin.issue, locale)}`);
  const { master } = await loadMaster(masterPath, locale);
  // A 周例会议定事项 workbook goes into 督办事项; anything else is read as a bulletin.
  if (!isIssue(identifyTemplate(bulletin.value.workbook, [DECISION_FORM]))) {
    const d = importDecisions(bulletin.value.workbook, master.data);
    if (isIssue(d)) throw new UsageError(`${file}：${message(d, locale)}`);
    await writeAtomic(
      out,
      await writeSheetsInto(await readFile(masterPath), [{ sheet: DECISIONS, rows: d.decisions }]),
    );
    for (const i of d.issues) io.err(`${message(i, locale)}\n`);
    const c = d.counts;
    io.out(
      values.json
        ? JSON.stringify({ meeting: d.meeting, imported: { decisions: c.added + c.updated }, ...c }) + '\n'
        : formatMessage(
            'decisions.imported',
            {
              meeting: d.meeting,
              added: c.added,
              updated: c.updated,
              unused: c.unused > 0 ? formatMessage('decisions.unusedNumbers', { n: c.unused }, locale) : '',
              path: values.out,
            },
            locale,
          ) + '\n',
    );
    return EXIT.ok;
  }
  const result = importBulletin(bulletin.value.workbook, master.data, period && reportPeriodId(period));
  if (isIssue(result)) throw new UsageError(`${file}：${message(result, locale)}`);

  const tables = [
    { sheet: PROGRESS_LOG, rows: result.progressLog },
    { sheet: SUBMISSION_LOG, rows: result.submissionLog },
    { sheet: SITE_WORK_LOG, rows: result.siteWorkLog },
  ];
  await writeAtomic(out, await writeSheetsInto(await readFile(masterPath), tables));

  for (const i of result.issues) io.err(`${t(locale, '警告', 'Warning')}：${message(i, locale)}\n`);
  const c = result.counts;
  if (values.json)
    io.out(
      JSON.stringify({
        period: result.period,
        imported: { progress: c.progress, submissions: c.submissions, siteWeeks: c.siteWeeks },
        replaced: c.replaced,
      }) + '\n',
    );
  else {
    io.out(
      t(
        locale,
        `已导入 ${result.period}：进展记录 ${c.progress} 行，报送记录 ${c.submissions} 行，一线工作记录 ${c.siteWeeks} 行${c.replaced > 0 ? `（替换了该期原有的 ${c.replaced} 行）` : ''}。\n已生成 ${values.out}（原总台账未修改）\n`,
        `Imported ${result.period}: ${c.progress} progress, ${c.submissions} submission, ${c.siteWeeks} site-work rows${c.replaced > 0 ? ` (replaced ${c.replaced})` : ''}.\nWrote ${values.out}\n`,
      ),
    );
  }
  return EXIT.ok;
}
