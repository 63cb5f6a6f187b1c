import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpcPackage, relIs } from '../../src/adapters/opc/package.js';
import { unprefixSpreadsheetMl } from '../../src/adapters/opc/prefix.js';
import { WorkbookXml } from '../../src/adapters/opc/workbook.js';
import { decodeEntities } from '../../src/adapters/xlsx-read/xml.js';

/**
 * A master a person has worked in, made by openpyxl (Debian's python3-openpyxl), not by us: on
 * each named sheet two columns added right of the table (备注, 核实人 with a yellow fill and a
 * drop-down list) and a formula column, text in them on the first rows (and on every row of
 * one period when asked), comments on a cell of ours and on one of theirs, a fill on a cell of
 * ours, an autoFilter over the table, a conditional format, two note lines under the table, and
 * on the ledgers and 排名历史 a row typed by hand for a period no run writes.
 */
const ANNOTATE = `
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill, Font
from openpyxl.utils import get_column_letter as L
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule

import datetime
HAND = {'进展记录': '2025-12-2', '报送记录': '2025-12-2', '一线工作记录': '2025-12-2', '排名历史': '2024Q4'}
wb = openpyxl.load_workbook(sys.argv[1])
period = sys.argv[4] if len(sys.argv) > 4 else None
for name in sys.argv[3].split(','):
    ws = wb[name]
    hdr = max(range(1, 11), key=lambda r: sum(1 for c in ws[r] if c.value not in (None, '')))
    last_col = max(c.column for c in ws[hdr] if c.value not in (None, ''))
    data = []
    for r in range(hdr + 1, ws.max_row + 2):
        if all(ws.cell(r, c).value in (None, '') for c in range(1, last_col + 1)):
            break
        data.append(r)
    last = max(data) if data else hdr
    # A row typed by hand for a period no run writes: the first row's values, its period changed.
    typed = HAND.get(name)
    if typed and data:
        last += 1
        for c in range(1, last_col + 1):
            v = ws.cell(data[0], c).value
            ws.cell(last, c, typed if c == 1 else v)._style = ws.cell(data[0], c)._style
        data.append(last)
    add = last_col + 1
    ws.cell(hdr, add, '备注').font = Font(bold=True)
    ws.cell(hdr, add + 1, '核实人').font = Font(bold=True)
    yellow = PatternFill('solid', fgColor='FFFF00')
    rows = data[:6] + [r for r in data[6:] if period and ws.cell(r, 1).value == period]
    for i, r in enumerate(rows):
        ws.cell(r, add, f'{name}备注{i}')
        ws.cell(r, add + 1, '张三' if i % 2 == 0 else '李四').fill = yellow
        ws.cell(r, add + 2, f'=LEN({ws.cell(r, add).coordinate})')
    if data:
        ws.cell(data[0], 2).comment = Comment(f'{name}：请核对', '王科长')
        ws.cell(data[0], add).comment = Comment('备注的批注', '王科长')
        ws.cell(data[0], 1).fill = PatternFill('solid', fgColor='FFC7CE')
    ws.auto_filter.ref = f'A{hdr}:{L(add + 1)}{last}'
    dv = DataValidation(type='list', formula1='"张三,李四,王五"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f'{L(add + 1)}{hdr + 1}:{L(add + 1)}{last + 20}')
    ws.conditional_formatting.add(f'{L(add)}{hdr + 1}:{L(add)}{last}',
        CellIsRule(operator='equal', formula=['"重要"'], fill=PatternFill('solid', fgColor='FF9999')))
    ws.cell(last + 2, 1, f'注：{name}由办公室核对，请勿删除此行。')
    ws.cell(last + 3, 1, '说明：核对人 赵六，2026年11月30日')
wb.save(sys.argv[2])
`;

/** `input` annotated by openpyxl on `sheets` (and on every row of `period`, if given). */
export async function annotateWithOpenpyxl(
  input: string,
  output: string,
  sheets: readonly string[],
  period?: string,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kpd-annotate-'));
  try {
    await writeFile(join(dir, 'annotate.py'), ANNOTATE);
    const r = spawnSync(
      '/usr/bin/python3',
      [join(dir, 'annotate.py'), input, output, sheets.join(','), ...(period ? [period] : [])],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`openpyxl exited ${r.status}: ${r.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One sheet as stored: each cell's XML by row and column, its comments, filter and lists. */
export interface StoredSheet {
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, string>>;
  /** Cell reference → comment text. */
  readonly comments: ReadonlyMap<string, string>;
  readonly autoFilter: string | undefined;
  readonly validations: readonly string[];
}

const colOf = (letters: string): number => {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** Reads a sheet's stored cells as XML (for byte-for-byte comparisons). */
export async function storedSheet(file: string, sheet: string): Promise<StoredSheet> {
  const pkg = new OpcPackage(new Uint8Array(await readFile(file)));
  const part = new WorkbookXml(pkg).sheets().find((s) => s.name === sheet)?.part;
  if (!part) throw new Error(`no sheet ${sheet} in ${file}`);
  const xml = unprefixSpreadsheetMl(pkg.text(part) ?? '');
  const rows = new Map<number, Map<number, string>>();
  for (const m of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/gu)) {
    const cells = new Map<number, string>();
    for (const c of (m[2] ?? '').matchAll(/<c\b[^>]*?\sr="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/gu))
      cells.set(colOf(c[1] ?? ''), c[0]);
    rows.set(Number(m[1]), cells);
  }
  const comments = new Map<string, string>();
  for (const rel of pkg.rels(part)) {
    if (!relIs(rel, 'comments') || !pkg.has(rel.target)) continue;
    const text = pkg.text(rel.target) ?? '';
    for (const c of text.matchAll(/<comment\b[^>]*?\sref="([^"]+)"[^>]*>([\s\S]*?)<\/comment>/gu))
      comments.set(
        c[1] ?? '',
        [...(c[2] ?? '').matchAll(/<t\b[^>]*>([^<]*)<\/t>/gu)]
          .map((t) => decodeEntities(t[1] ?? ''))
          .join(''),
      );
  }
  return {
    rows,
    comments,
    autoFilter: /<autoFilter\b[^>]*?\sref="([^"]+)"/u.exec(xml)?.[1],
    validations: [...xml.matchAll(/<dataValidation\b[^>]*?\ssqref="([^"]+)"/gu)].map((m) => m[1] ?? ''),
  };
}

/** A cell's XML without its reference: the same cell wherever its row stands. */
export const withoutRef = (cellXml: string): string => cellXml.replace(/\sr="[A-Z]+\d+"/u, '');
