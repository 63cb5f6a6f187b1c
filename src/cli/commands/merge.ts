import { readFile } from 'node:fs/promises';
import { readPrepared, type PreparedItem } from '../merge-read.js';
import { basename, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { reportPeriodId } from '../../core/calendar/periods.js';
import { instantToCst } from '../../core/calendar/dates.js';
import {
  assembleBulletin,
  bulletinContext,
  type Bulletin,
  type SubmissionRead,
} from '../../core/bulletin/index.js';
import { bulletinSheets } from '../../core/bulletin/render.js';
import { parseDateTime } from '../../core/values/parse.js';
import { parseCsv } from '../../core/values/csv.js';
import { matchKey } from '../../core/values/text.js';
import { formatMessage, message, type Locale } from '../../core/validate/issue.js';
import { reasonLines } from '../../core/bulletin/model.js';
import { jsonText } from '../../core/values/visible.js';
import { walkInputs } from '../../adapters/inputs.js';
import { decodeText, writeAtomic } from '../../adapters/files.js';
import { fillWorkbook } from '../../adapters/xlsx-fill/index.js';
import { bulletinTemplate } from '../../adapters/bundled.js';
import { calendarContext, loadMaster, outputPath, runBudget, usableTemplate } from '../context.js';
import { guardOutput, reportPeriodOption, requireExisting } from '../guard.js';
import { documentPath } from '../context.js';
import { bulletinDocument } from '../../core/jobs/bulletin-document.js';
import { bulletinCharts } from '../../core/bulletin/charts.js';
import { docText } from '../../core/document/text.js';
import { addCharts } from '../../adapters/xlsx-charts/index.js';
import { officialDocx } from '../../adapters/docx/index.js';
import { annexApart, ANNEX_SHEET_NAMES } from '../../adapters/bulletin-annex.js';
export { MERGE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
import { inputProgress } from '../progress.js';
import { displayPath, table } from '../format.js';

/** The rows a report held (used or not), for the progress line. */
const rowsIn = (r: SubmissionRead): number =>
  r.kind === 'candidate' || r.kind === 'setAside'
    ? r.read.progress.length + r.read.siteVisits.length + r.read.rejected.length
    : 0;

/** KPD_TIMINGS=1 prints how long each phase took (stderr), for finding where time goes. */
function phaseClock(io: Io): (phase: string) => void {
  if (io.env['KPD_TIMINGS'] !== '1') return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    io.err(`[timing] ${phase} ${Math.round(now - last)} ms\n`);
    last = now;
  };
}

/** A file the person named, or a clear message (exit 2) when it cannot be read. */
async function readNamed(path: string, what: string, locale: Locale): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(
      t(locale, `无法读取${what}「${path}」：文件不存在或无权读取。`, `Cannot read ${what} ${path}.`),
    );
  }
}

/** --received: file name → the time the clerk logged; lines it cannot use are said, not skipped. */
async function clerkTimes(
  file: string | undefined,
  cwd: string,
  locale: Locale,
): Promise<{ times: Map<string, string>; problems: string[] }> {
  const times = new Map<string, string>();
  const problems: string[] = [];
  if (!file) return { times, problems };
  const rows = parseCsv(decodeText(await readNamed(resolve(cwd, file), '登记时间文件', locale)));
  rows.slice(1).forEach(([name, time], i) => {
    if (!name && !time) return;
    const p = parseDateTime(time ?? '');
    if (name && p.ok) times.set(matchKey(basename(name)), p.value);
    else
      problems.push(
        t(
          locale,
          `登记时间文件第 ${i + 2} 行未使用：${name ? `时间「${time ?? ''}」无法识别（应如 2026-11-12 16:30）` : '缺少文件名'}`,
          `--received line ${i + 2} not used: ${name ? `time "${time ?? ''}" not understood` : 'no file name'}`,
        ),
      );
  });
  return { times, problems };
}

export async function mergeCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
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
    },
  });
  const locale = localeOf(values.lang, io.env);
  if (!values.master) throw new UsageError(t(locale, '缺少 --master 总台账.xlsx。', 'Missing --master.'));
  if (!values.out) throw new UsageError(t(locale, '缺少 --out 通报.xlsx。', 'Missing --out.'));
  if (!values.period)
    throw new UsageError(
      t(locale, '请用 --period 给出报告期，如 2026-11-1。', 'Give --period, e.g. 2026-11-1.'),
    );
  const period = reportPeriodOption(values.period, locale);
  if (positionals.length === 0)
    throw new UsageError(t(locale, '请给出要汇总的文件或文件夹。', 'Give the files or folders to merge.'));
  const at = (p: string | undefined): string | undefined =>
    p === undefined ? undefined : resolve(io.cwd, p);
  const named = [values.master, values.template, values.received, values.holidays, ...positionals];
  // (The master is said as the master, by loadMaster.)
  await requireExisting(
    named.filter((p): p is string => p !== undefined && p !== values.master),
    io.cwd,
    locale,
  );
  const out = resolve(io.cwd, values.out);
  await guardOutput(io.cwd, values.out, named, locale, '通报.xlsx');
  outputPath(io.cwd, values.out, locale);
  // --annex: 数据问题 and 来源 in a workbook of their own, beside the 通报 (never over it or an input).
  if (values.annex !== undefined) {
    outputPath(io.cwd, values.annex, locale);
    await guardOutput(io.cwd, values.annex, [...named, values.out], locale, '通报附件.xlsx');
  }

  const masterFile = resolve(io.cwd, values.master);
  const budget = runBudget(io.env);
  const docOut =
    values.doc === undefined
      ? undefined
      : await documentPath(
          io.cwd,
          values.doc,
          [out, masterFile, ...positionals.map((p) => resolve(io.cwd, p))],
          locale,
        );
  const { times: clerk, problems: clerkProblems } = await clerkTimes(values.received, io.cwd, locale);
  const template = values.template
    ? await usableTemplate(resolve(io.cwd, values.template), values.template, budget, locale)
    : await bulletinTemplate();
  const clock = phaseClock(io);
  const rel = (f: string): string => displayPath(io.cwd, f);

  // The master, the reads and their records are needed only until the bulletin is built: kept in
  // this function's scope, they are freed before the bulletin is written.
  const { bulletin, sheets, calendarIssues, rules, charts } = await (async () => {
    const { master } = await loadMaster(masterFile, locale, budget);
    clock('master');
    const ctx = await calendarContext({ master, holidays: at(values.holidays) }, locale);
    // The clock is the shell's: no file can have arrived after this moment.
    const now = instantToCst(new Date());
    const bctx = bulletinContext({ period, master: master.data, calendar: ctx.calendar, locale, now });
    const reads: SubmissionRead[] = [];
    const ignored: { file: string; reason: string }[] = [];
    const received = new Set<string>();
    // One input at a time, in path order whatever order they were named in: read, checked, only
    // its rows kept; its bytes and workbook go before the next is read.
    const inputs = positionals.map((p) => resolve(io.cwd, p)).sort();
    const bar = await inputProgress(io, 'merge', locale, values.json, inputs);
    try {
      for await (const found of walkInputs(inputs, { budget, locale })) {
        if (found.kind === 'ignored') {
          ignored.push({ file: rel(found.ignored.file), reason: found.ignored.reason });
          bar.tick();
          continue;
        }
        const item = found.item;
        received.add(matchKey(basename(item.file)));
        const clerkTime = clerk.get(matchKey(basename(item.file)));
        const prepared: PreparedItem = {
          file: rel(item.file),
          bytes: item.bytes,
          ...(item.receivedAt && { receivedAt: item.receivedAt }),
          ...(clerkTime !== undefined && { clerkTime }),
          ...(item.mtime && { mtime: item.mtime }),
          ...(item.sender !== undefined && { sender: item.sender }),
          ...(item.badMailDate !== undefined && { badMailDate: item.badMailDate }),
        };
        const read = readPrepared(prepared, bctx, budget);
        reads.push(read);
        bar.tick(rowsIn(read));
      }
    } finally {
      bar.done();
    }
    clock('read');
    for (const name of clerk.keys())
      if (!received.has(name))
        clerkProblems.push(
          t(
            locale,
            `登记时间文件中的「${name}」不是本次输入中的任何文件，未使用`,
            `--received names "${name}", which is not among the inputs`,
          ),
        );
    // By path: the same inputs, the same bulletin.
    const byPath = <T extends { file: string }>(a: T, b: T): number =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
    reads.sort(byPath);
    ignored.sort(byPath);
    const built = assembleBulletin(bctx, reads, ignored);
    clock('assemble');
    return {
      bulletin: built,
      rules: master.data.rules,
      charts: bulletinCharts(built, docText(locale)),
      calendarIssues: ctx.issues,
      sheets: bulletinSheets(built, {
        ...(values.office !== undefined && { office: values.office }),
        siteVisitsPerWeek: master.data.rules.schedule.siteVisitsPerWeek,
        warningBand: master.data.rules.schedule.warningBand,
        annexApart: values.annex !== undefined,
      }),
    };
  })();
  const apart =
    values.annex === undefined ? undefined : await annexApart(sheets, values.template ? template : undefined);
  let filled: Awaited<ReturnType<typeof fillWorkbook>>;
  let chartsSkipped: readonly { readonly sheet: string }[] = [];
  try {
    filled = await fillWorkbook(apart?.template ?? template, apart?.sheets ?? sheets, (parts) => {
      const added = addCharts(parts, charts);
      chartsSkipped = added.skipped;
      return added.parts;
    });
  } catch {
    throw new UsageError(
      t(
        locale,
        `通报模板「${values.template ?? ''}」不是可用的 .xlsx 工作簿。`,
        'The bulletin template is not a usable .xlsx.',
      ),
    );
  }
  if (filled.missing.length === (apart?.sheets ?? sheets).tables.length) {
    throw new UsageError(
      t(
        locale,
        `通报模板「${values.template ?? ''}」中找不到通报的任何一张表（应有「汇总」「项目进展」等表及其表头）。`,
        'The template has none of the bulletin tables.',
      ),
    );
  }
  clock('fill');
  await writeAtomic(out, filled.bytes);
  if (apart && values.annex !== undefined)
    await writeAtomic(resolve(io.cwd, values.annex), (await apart.annex()).bytes);
  clock('write');
  if (docOut !== undefined) {
    const doc = bulletinDocument({
      bulletin,
      rules,
      ...(values.office !== undefined && { office: values.office }),
    });
    await writeAtomic(docOut, await officialDocx(doc.result));
  }

  for (const w of [...bulletin.warnings, ...calendarIssues.filter((i) => i.severity !== 'info')]) {
    io.err(`${t(locale, '警告', 'Warning')}：${message(w, locale)}\n`);
  }
  for (const o of sheets.overflow ?? [])
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('output.sheetCapped', { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept }, locale)}\n`,
    );
  for (const s of chartsSkipped)
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('chart.notPlaced', { sheet: s.sheet }, locale)}\n`,
    );
  for (const s of apart?.leftInTemplate ?? [])
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('annex.leftInTemplate', { sheet: s }, locale)}\n`,
    );
  for (const p of clerkProblems) io.err(`${t(locale, '警告', 'Warning')}：${p}\n`);
  for (const s of filled.missing) {
    io.err(
      t(
        locale,
        `警告：通报模板中没有「${s}」表（或找不到其表头），该部分未写入。\n`,
        `Warning: the template has no "${s}" table; not written.\n`,
      ),
    );
  }
  if (values.json)
    io.out(
      jsonText({
        ...mergeJson(bulletin, locale),
        ...(values.doc !== undefined && { document: values.doc }),
        ...(values.annex !== undefined && { annex: values.annex }),
      }) + '\n',
    );
  else {
    io.out(formatMerge(bulletin, values.out, locale));
    if (values.doc !== undefined) io.out(`${formatMessage('doc.written', { path: values.doc }, locale)}\n`);
    if (values.annex !== undefined)
      io.out(
        `${formatMessage('annex.written', { path: values.annex, sheets: ANNEX_SHEET_NAMES }, locale)}\n`,
      );
  }
  return EXIT.ok;
}

/** The machine-readable result (issue #4's shape). */
export function mergeJson(b: Bulletin, locale: Locale = 'zh') {
  return {
    period: b.period,
    due: b.due,
    bulletinDate: b.bulletinDate,
    submissions: b.submissions.map((s) => ({
      hq: s.hq,
      file: s.file,
      receivedAt: s.receivedAt,
      timeSource: s.timeSource,
      late: s.late,
      signed: s.signed,
      replaced: s.replacedBy !== undefined,
    })),
    missing: b.missing,
    late: b.late,
    unsigned: b.unsigned,
    rows: b.rows,
    rejected: b.problems
      .filter((p) => p.rejected)
      .map((p) => ({ file: p.file, sheet: p.sheet, cell: p.cell, code: p.code, message: p.message })),
    behindSchedule: b.behind.map((p) => ({
      projectId: p.projectId,
      reasons: reasonLines(p.reasons, locale),
    })),
    siteVisitShortfalls: b.shortfalls.map((w) => ({
      hq: w.hq,
      person: w.person,
      week: w.week,
      visits: w.visits,
      fromEarlier: w.fromEarlier,
    })),
    // Visits of weeks the next bulletin assesses: listed in 一线工作明细, counted there.
    siteVisitsNextPeriod: b.visits.filter((v) => v.assessment === '下期考核').length,
    ignored: b.ignored,
    // What the bulletin's first sheet says about its dates, and the weeks shared with another
    // report: the loud warning of a year without holiday data travels with the JSON too.
    calendar: b.calendarBasis.map((i) => ({
      code: i.code,
      severity: i.severity,
      message: message(i, locale),
    })),
    warnings: b.warnings.map((i) => ({ code: i.code, severity: i.severity, message: message(i, locale) })),
  };
}

export function formatMerge(b: Bulletin, out: string, locale: Locale): string {
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  let s = t(
    locale,
    `${b.title}（${b.periodLabel}，报送截止 ${b.due}，通报日 ${b.bulletinDate}）\n\n`,
    `${b.title} (${b.period}, due ${b.due}, bulletin ${b.bulletinDate})\n\n`,
  );
  s += table(
    ['指挥部', '状态', '报送时间', '时间来源', '签字', '文件'],
    [
      ...b.submissions.map((x) => [
        x.hq,
        x.replacedBy !== undefined ? '已替换' : x.late ? '迟报' : '按时',
        x.receivedAt ?? '',
        x.timeSource ?? '',
        x.signed ? '已签' : '未签',
        x.file,
      ]),
      ...b.missing.map((hq) => [hq, '未报', '', '', '', '']),
    ],
  );
  s += '\n';
  s += table(
    ['项目', '数量'],
    [
      ['应报指挥部', taken.length + b.missing.length],
      ['按时 / 迟报 / 未报', `${taken.length - b.late.length} / ${b.late.length} / ${b.missing.length}`],
      ['未签字', b.unsigned.length],
      ['滞后项目', b.behind.length],
      ['一线工作不足（人周）', b.shortfalls.length],
      ['数据行：收到 = 并入 + 未并入', `${b.rows.in} = ${b.rows.merged} + ${b.rows.rejected}`],
      ['忽略的文件', b.ignored.length],
    ],
  );
  if (b.ignored.length > 0) {
    s += t(locale, '\n忽略的文件：\n', '\nIgnored files:\n');
    for (const x of b.ignored.slice(0, SHOWN_PROBLEMS)) s += `  ${x.file}  ${x.reason}\n`;
    if (b.ignored.length > SHOWN_PROBLEMS)
      s += t(locale, `  ……共 ${b.ignored.length} 个\n`, `  … ${b.ignored.length} in all\n`);
  }
  const rejected = b.problems.filter((p) => p.rejected);
  if (rejected.length > 0) {
    s += t(
      locale,
      '\n未并入的数据（详见通报「数据问题」表）：\n',
      '\nRows not merged (see the 数据问题 sheet):\n',
    );
    // A file set aside as a whole is one line here (its rows are each in the bulletin).
    const lines: string[] = [];
    const wholeFile = new Map<string, number>();
    for (const p of rejected) {
      if (p.code === 'merge.replaced' || p.code === 'merge.fileNotMerged') {
        const k = `${p.file}\u0000${p.message}`;
        if (!wholeFile.has(k)) lines.push(k);
        wholeFile.set(k, (wholeFile.get(k) ?? 0) + 1);
        continue;
      }
      const where = [p.sheet && `「${p.sheet}」`, p.cell ?? (p.row !== null ? `第${p.row}行` : '')]
        .filter(Boolean)
        .join('');
      lines.push(`  ${basename(p.file)} ${where}  ${p.message}`);
    }
    for (const l of lines.slice(0, SHOWN_PROBLEMS)) {
      const n = wholeFile.get(l);
      const [file = '', msg = ''] = l.split('\u0000');
      s +=
        n === undefined
          ? `${l}\n`
          : t(
              locale,
              `  ${basename(file)}（整份 ${n} 行）  ${msg}\n`,
              `  ${basename(file)} (all ${n} rows)  ${msg}\n`,
            );
    }
    if (lines.length > SHOWN_PROBLEMS)
      s += t(locale, `  ……共 ${lines.length} 条\n`, `  … ${lines.length} in all\n`);
  }
  for (const n of b.siteNotes.filter((x) => x.severity === 'info')) s += `\n${message(n, locale)}\n`;
  s += t(locale, `\n已生成 ${out}\n`, `\nWrote ${out}\n`);
  return s;
}

/** Rows listed on the terminal; the bulletin's 数据问题 sheet has them all. */
const SHOWN_PROBLEMS = 30;

export { reportPeriodId };
