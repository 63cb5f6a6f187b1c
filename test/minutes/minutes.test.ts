import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { buildAgenda } from '../../src/core/agenda/index.js';
import { WorkCalendar } from '../../src/core/calendar/workdays.js';
import { draftMinutes, decisionNumber } from '../../src/core/jobs/minutes.js';
import { readDecisionForm } from '../../src/core/decisions/read.js';
import { readMaster } from '../../src/core/master/read.js';
import type { MasterData } from '../../src/core/master/types.js';
import { identifyTemplate, isIssue } from '../../src/core/workbook/identify.js';
import { runKpd } from '../helpers/cli.js';
import { docxParts, isA4, paragraphsOf, pdfPages, squeeze, attr } from '../helpers/docx.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, pdfText } from '../helpers/libreoffice.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { sheetOf } from '../helpers/xlsx.js';

/**
 * The weekly meeting's 会议纪要 (kpd minutes, 2026-11-14 of the example county), its 议定事项
 * workbook filled by a clerk in another program (openpyxl), imported into 督办事项, and the 纪要
 * made again with the decisions in it.
 */
const tmp = useTempDir('kpd-minutes-');
let dir: string;
let master: MasterData;

const PY = '/usr/bin/python3';
const python = requireTool(PY);

/** The clerk fills rows of the 议定事项 sheet in openpyxl: { 事项编号: [内容, 单位, 时限] }. */
function fillWithOpenpyxl(from: string, to: string, rows: Record<string, readonly string[]>): void {
  const script = `
import openpyxl, datetime, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['议定事项']
rows = json.loads(sys.argv[3])
header = next(r for r in ws.iter_rows() if any(c.value == '事项编号' for c in r))
col = {c.value: c.column for c in header if c.value}
for r in ws.iter_rows(min_row=header[0].row + 1):
    key = r[col['事项编号'] - 1].value
    if key in rows:
        content, unit, due = rows[key]
        ws.cell(r[0].row, col['事项内容']).value = content or None
        ws.cell(r[0].row, col['责任单位']).value = unit or None
        ws.cell(r[0].row, col['完成时限']).value = datetime.date.fromisoformat(due) if due else None
wb.save(sys.argv[2])
`;
  const r = spawnSync(PY, ['-c', script, from, to, JSON.stringify(rows)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmp(), 'm-'));
  await copyFile(repoPath('examples', '总台账.xlsx'), join(dir, '总台账.xlsx'));
  await copyFile(
    repoPath('examples', 'topics', '智慧城市建设指挥部-议题申报-1114.xlsx'),
    join(dir, '议题.xlsx'),
  );
  master = readMaster(readXlsx(await readFile(join(dir, '总台账.xlsx'))).workbook).data;
});

describe('draftMinutes (the job)', () => {
  const agenda = () =>
    buildAgenda({ meeting: '2026-11-14', master, calendar: new WorkCalendar(master.holidays), files: [] });

  it('drafts the 纪要 in its parts, with numbered blank decisions when none is written', () => {
    const { result } = draftMinutes({ agenda: agenda(), rules: master.rules, issueNo: 46 });
    const d = result.document;
    expect(d.masthead).toEqual({
      name: '重点项目建设周例会纪要',
      issue: '第46期',
      office: '发展改革局重点项目办公室',
      date: '2026年11月14日',
    });
    expect(
      d.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text),
    ).toEqual([
      '一、上次会议议定事项落实情况',
      '二、各指挥部汇报的问题',
      '三、会议议定事项',
      '四、主任总结讲话',
    ]);
    expect(d.body.filter((b) => b.kind === 'fill').map((b) => (b as { label: string }).label)).toContain(
      '出席：',
    );
    expect(result.form.rows.map((r) => r['itemId'])).toEqual(
      Array.from({ length: 10 }, (_, i) => decisionNumber('2026-11-14', i + 1)),
    );
    expect(result.form.rows[0]).toEqual({ itemId: 'DB-20261114-01' });
    expect(d.record.lines).toEqual([
      '分送：各项目指挥长，县级分包重点项目领导，区（县）直各责任单位，督查室。',
    ]);
  });

  it('names the overdue decisions and puts every tracked one in a table', () => {
    const a = agenda();
    const { result } = draftMinutes({ agenda: a, rules: master.rules, issueNo: 46 });
    const text = result.document.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
    const overdue = a.decisions.filter((x) => x.state === '逾期未完成');
    expect(overdue.length).toBe(4);
    expect(text).toContain(`逾期未完成${overdue.length}项`);
    for (const x of overdue) expect(text).toContain(`${x.itemId}“${x.content}”（${x.unit}`);
    const tracked = result.document.body.find((b) => b.kind === 'table');
    expect(tracked?.kind === 'table' && tracked.rows.map((r) => r[0])).toEqual(
      a.decisions.map((x) => x.itemId),
    );
  });

  it('fills the decisions table from what was written, numbering spares after it', () => {
    const decided = [
      {
        itemId: 'DB-20261114-01',
        content: '协调施工用电',
        unit: '县供电公司',
        deadline: '2026-11-28',
        row: 5,
      },
    ];
    const { result } = draftMinutes({ agenda: agenda(), rules: master.rules, issueNo: 46, decided });
    const tables = result.document.body.filter((b) => b.kind === 'table');
    expect(tables.at(-1)?.kind === 'table' && tables.at(-1)?.rows).toEqual([
      ['DB-20261114-01', '协调施工用电', '县供电公司', '2026年11月28日'],
    ]);
    expect(result.form.rows.map((r) => r['itemId'])).toEqual([
      'DB-20261114-01',
      'DB-20261114-02',
      'DB-20261114-03',
      'DB-20261114-04',
      'DB-20261114-05',
      'DB-20261114-06',
    ]);
  });
});

describe('kpd minutes, the 议定事项 workbook and its import', () => {
  let first: Awaited<ReturnType<typeof runKpd>>;
  beforeAll(async () => {
    first = await runKpd(
      ['minutes', '议题.xlsx', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '纪要.docx'],
      dir,
    );
  }, 60_000);

  it('writes the 纪要 and a pre-numbered 议定事项 workbook beside it', async () => {
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe(
      '周例会纪要（2026-11-14，第46期）：督办事项 10 项（逾期未完成 4 项），议题 2 个，滞后项目 22 个，本次议定事项 0 项。\n' +
        '已生成 纪要.docx\n' +
        '已生成 纪要-议定事项.xlsx（议定事项工作簿：会上填写后用 kpd ledger import 导入「督办事项」）\n',
    );
    const form = readXlsx(await readFile(join(dir, '纪要-议定事项.xlsx'))).workbook;
    const id = identifyTemplate(form);
    expect(isIssue(id) ? id.code : [id.template.id, id.version]).toEqual(['kpd.decisions', 1]);
    const rows = sheetOf(form, '议定事项').rows;
    expect(readDecisionForm(form)).toMatchObject({ meeting: '2026-11-14', items: [], unused: 10 });
    expect(rows.flat().filter((c) => typeof c === 'string' && c.startsWith('DB-20261114-'))).toHaveLength(10);
    const v = await runKpd(['validate', '纪要-议定事项.xlsx'], dir);
    expect([v.code, v.out]).toEqual([0, expect.stringContaining('（周例会议定事项 v1）：通过')]);
  });

  it('lays the 纪要 out as a 公文: red masthead, 出席 in 黑体, body in 仿宋', async () => {
    const parts = docxParts(await readFile(join(dir, '纪要.docx')));
    const ps = paragraphsOf(parts['word/document.xml'] ?? '');
    expect(ps[0]?.text).toBe('重点项目建设周例会纪要');
    expect(attr(ps[0]?.runs[0]?.rPr ?? '', 'w:color', 'w:val')).toBe('FF0000');
    expect(ps[1]?.text).toBe('第46期');
    const attend = ps.find((p) => p.text === '出席：');
    expect(attr(attend?.runs[0]?.rPr ?? '', 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(attend?.pPr ?? '', 'w:tab', 'w:leader')).toBe('underscore');
    expect(ps.some((p) => p.text.startsWith('2026年11月14日（星期六）上午，主任（县长）主持召开'))).toBe(
      true,
    );
  });

  python.it(
    "takes the clerk's filled workbook (saved by openpyxl) into 督办事项, and the 纪要 made again shows it",
    async () => {
      fillWithOpenpyxl(join(dir, '纪要-议定事项.xlsx'), join(dir, '议定.xlsx'), {
        'DB-20261114-01': ['协调解决智慧城市项目施工用电', '县供电公司', '2026-11-28'],
        'DB-20261114-02': ['加快文旅康养小镇规划许可办理', '县自然资源局', '2026-11-21'],
        // Half written: listed, not imported, not lost.
        'DB-20261114-03': ['推进管线迁改', '', ''],
      });
      const imp = await runKpd(
        ['ledger', 'import', '议定.xlsx', '--into', '总台账.xlsx', '--out', '总台账2.xlsx'],
        dir,
      );
      expect(imp.code, imp.err).toBe(0);
      expect(imp.out).toBe(
        '已导入 2026-11-14 例会的议定事项：新增 2 项，更新 0 项；7 个预编号未填写内容，未导入。已生成 总台账2.xlsx（原总台账未修改）\n',
      );
      expect(imp.err).toContain('事项「DB-20261114-03」缺少责任单位、完成时限，未导入。');
      const ledger = sheetOf(readXlsx(await readFile(join(dir, '总台账2.xlsx'))).workbook, '督办事项').rows;
      const added = ledger.filter((r) => String(r[1]).startsWith('DB-20261114-'));
      expect(added.map((r) => [r[1], r[2], r[3]])).toEqual([
        ['DB-20261114-01', '协调解决智慧城市项目施工用电', '县供电公司'],
        ['DB-20261114-02', '加快文旅康养小镇规划许可办理', '县自然资源局'],
      ]);
      // The ledger's other 30 items are still there.
      expect(ledger.filter((r) => /^DB-\d{4}-\d$/u.test(String(r[1])))).toHaveLength(30);

      // Made again from the workbook: its decisions are in the 纪要's table.
      const again = await runKpd(
        [
          'minutes',
          '--master',
          '总台账2.xlsx',
          '--meeting',
          '2026-11-14',
          '--out',
          '纪要2.docx',
          '--decisions',
          '议定.xlsx',
        ],
        dir,
      );
      expect(again.code, again.err).toBe(0);
      const text = paragraphsOf(docxParts(await readFile(join(dir, '纪要2.docx')))['word/document.xml'] ?? '')
        .map((p) => p.text)
        .join('\n');
      expect(text).toContain('协调解决智慧城市项目施工用电\n县供电公司\n2026年11月28日');
      // From the ledger alone (no --decisions), the same rows.
      const fromLedger = await runKpd(
        ['minutes', '--master', '总台账2.xlsx', '--meeting', '2026-11-14', '--out', '纪要3.docx', '--json'],
        dir,
      );
      expect(JSON.parse(fromLedger.out).decided).toBe(2);

      // Imported again after a correction: updated in place, what the 督查室 recorded kept.
      fillWithOpenpyxl(join(dir, '议定.xlsx'), join(dir, '议定2.xlsx'), {
        'DB-20261114-01': ['协调解决智慧城市项目施工用电（含临时变压器）', '县供电公司', '2026-11-30'],
      });
      const re = await runKpd(
        ['ledger', 'import', '议定2.xlsx', '--into', '总台账2.xlsx', '--out', '总台账3.xlsx', '--json'],
        dir,
      );
      expect(JSON.parse(re.out)).toMatchObject({ meeting: '2026-11-14', added: 0, updated: 2 });
      const ledger3 = sheetOf(readXlsx(await readFile(join(dir, '总台账3.xlsx'))).workbook, '督办事项').rows;
      expect(ledger3.filter((r) => String(r[1]).startsWith('DB-20261114-')).map((r) => r[2])).toEqual([
        '协调解决智慧城市项目施工用电（含临时变压器）',
        '加快文旅康养小镇规划许可办理',
      ]);
    },
    120_000,
  );

  it('refuses an item number the ledger uses for another meeting', async () => {
    const bytes = await readFile(join(dir, '纪要-议定事项.xlsx'));
    await writeFile(join(dir, 'copy.xlsx'), bytes);
    // A workbook of the next week's meeting reusing a number of 2026-11-07 (DB-1107-1).
    const r = await runKpd(
      ['minutes', '--master', '总台账.xlsx', '--meeting', '2026-11-21', '--out', '下周.docx'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '下周-议定事项.xlsx'));
    const ws = wb.getWorksheet('议定事项');
    ws?.eachRow((row) => {
      if (row.getCell(1).value === 'DB-20261121-01') {
        row.getCell(1).value = 'DB-1107-1';
        row.getCell(2).value = '另一事项';
        row.getCell(3).value = '县发改局';
        row.getCell(4).value = new Date(Date.UTC(2026, 10, 28));
      }
    });
    await wb.xlsx.writeFile(join(dir, '下周议定.xlsx'));
    const imp = await runKpd(
      ['ledger', 'import', '下周议定.xlsx', '--into', '总台账.xlsx', '--out', '总台账4.xlsx'],
      dir,
    );
    expect(imp.code).toBe(0);
    expect(imp.err).toContain(
      '事项编号「DB-1107-1」在「督办事项」中已用于 2026-11-07 的会议，未导入。请换一个编号。',
    );
    expect(imp.out).toContain('新增 0 项');
  });

  it('says what is wrong at the prompt, writing nothing (exit 2)', async () => {
    const base = ['minutes', '--master', '总台账.xlsx'];
    const friday = await runKpd([...base, '--meeting', '2026-11-13', '--out', 'x.docx'], dir);
    expect([friday.code, friday.err.split('\n')[0]]).toEqual([
      2,
      '2026-11-13 不是例会日（「规则」表中的例会日为星期六，另召开的例会填在「例会」表中）。请给出例会当天的日期。',
    ]);
    const xlsx = await runKpd([...base, '--meeting', '2026-11-14', '--out', 'x.xlsx'], dir);
    expect(xlsx.code).toBe(2);
    const other = await runKpd(
      [...base, '--meeting', '2026-11-21', '--out', 'y.docx', '--decisions', '纪要-议定事项.xlsx'],
      dir,
    );
    expect([other.code, other.err.split('\n')[0]]).toEqual([
      2,
      '--decisions「纪要-议定事项.xlsx」是 2026-11-14 例会的议定事项，不是 2026-11-21 的。',
    ]);
    const notForm = await runKpd(
      [...base, '--meeting', '2026-11-14', '--out', 'z.docx', '--decisions', '议题.xlsx'],
      dir,
    );
    expect(notForm.code).toBe(2);
    expect(notForm.err).toMatch(/^--decisions「议题\.xlsx」不是周例会议定事项工作簿/u);
    const en = await runKpd([...base, '--meeting', '2026-11-13', '--out', 'x.docx', '--lang', 'en'], dir);
    expect(en.err.split('\n')[0]).toBe(
      '2026-11-13 is not a meeting day (the 规则 sheet says 星期六; other meetings are listed in 例会). Give the day of a meeting.',
    );
    const check = spawnSync('ls', [dir], { encoding: 'utf8' }).stdout;
    for (const f of ['x.docx', 'x.xlsx', 'y.docx', 'z.docx']) expect(check).not.toContain(f);
  });

  const ooxml = requireTool(...OOXML_TOOLS);
  ooxml.it(
    'writes a 纪要 and a workbook that conform to the ECMA-376 schemas',
    async () => {
      const r = await checkOoxml([join(dir, '纪要.docx'), join(dir, '纪要-议定事项.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );

  const lo = requireTool('soffice', 'pdftotext', 'pdfinfo');
  lo.it(
    'prints on A4 in LibreOffice with its masthead, 期数, the HQs and the numbered decisions',
    async () => {
      convertWithLibreOffice([join(dir, '纪要.docx')], 'pdf', dir);
      const pdf = join(dir, '纪要.pdf');
      const { sizes } = pdfPages(pdf);
      expect(sizes.every(isA4), sizes.join(', ')).toBe(true);
      const text = squeeze(pdfText(pdf));
      for (const s of [
        '重点项目建设周例会纪要',
        '第46期',
        '2026年11月14日（星期六）上午',
        '督查室通报了督办事项10项',
        '智慧城市建设指挥部',
        '高端装备产业园指挥部',
        'DB-20261114-01',
        '出席：',
        '请假：',
        '列席：',
        '2026年11月14日印发',
        '—1—',
      ])
        expect(text, s).toContain(s);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
