import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { BULLETIN } from '../../src/core/schema/bulletin.js';
import { UNIT_RANKING, UNIT_RANKING_NOTES } from '../../src/core/schema/results.js';
import type { SheetSpec } from '../../src/core/schema/types.js';
import { runKpd } from '../helpers/cli.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, LIBREOFFICE_TOOLS } from '../helpers/libreoffice.js';
import { PDF_TOOLS, readPdfPages, type PdfPage } from '../helpers/pdf.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * The documents that leave the office as LibreOffice prints them ("print the whole workbook"):
 * the example 通报 of 2026-11-1 and the 2026Q3 ranking. Every page ≥ 9 pt; the 通报 is the 通报
 * proper (its annex hidden); no message code and no folder of the clerk's PC on paper.
 */
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext', ...PDF_TOOLS);
const tmp = useTempDir('kpd-print-');

/** The text of each page, as pdftotext reads it. */
function pageTexts(pdf: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-f', `${i + 1}`, '-l', `${i + 1}`, pdf, '-'], {
      encoding: 'utf8',
    });
    return r.stdout;
  });
}

const squash = (s: string): string => s.replace(/\s+/gu, '');
/** A sheet's title as printed (its placeholders filled with whatever). */
const titleOf = (s: SheetSpec): RegExp =>
  new RegExp(
    squash(s.title)
      .split(/\{\{[^}]+\}\}/u)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
      .join('.+?'),
    'u',
  );

interface Printed {
  readonly pages: PdfPage[];
  readonly texts: string[];
}

let bulletin: Printed;
let ranking: Printed;

beforeAll(
  async () => {
    if (lo.plan !== 'run') return;
    const dir = tmp();
    const merged = await runKpd(
      [
        'merge',
        repoPath('examples/reports/2026-11-1'),
        '--master',
        repoPath('examples/总台账.xlsx'),
        '--period',
        '2026-11-1',
        '--out',
        '通报.xlsx',
      ],
      dir,
    );
    expect(merged.code, merged.err).toBe(0);
    const scored = await runKpd(
      ['score', repoPath('examples/总台账.xlsx'), '--period', '2026Q3', '--out', '考核结果.xlsx'],
      dir,
    );
    expect(scored.code, scored.err).toBe(0);
    convertWithLibreOffice([join(dir, '通报.xlsx'), join(dir, '考核结果.xlsx')], 'pdf', dir, 300_000);
    const read = (name: string): Printed => {
      const pages = readPdfPages(join(dir, name));
      return { pages, texts: pageTexts(join(dir, name), pages.length) };
    };
    bulletin = read('通报.pdf');
    ranking = read('考核结果.pdf');
  },
  2 * LIBREOFFICE_TIMEOUT_MS + 300_000,
);

lo.describe('the printed 通报 and ranking (LibreOffice)', () => {
  it('prints the 通报 proper: 汇总, 项目进展, 滞后项目, 报送情况, 一线工作, and not its annex', () => {
    const text = squash(bulletin.texts.join(''));
    for (const s of BULLETIN.sheets as readonly SheetSpec[])
      expect(titleOf(s).test(text), `${s.name} ${s.annex ? 'printed' : 'missing'}`).toBe(!s.annex);
    // 汇总 and its charts 2, 项目进展 2 (A3), 滞后项目 2, 报送情况 1, 一线工作 5: the 来源, 数据问题
    // and 一线工作明细 of the same bulletin took 15 more pages.
    expect(bulletin.pages).toHaveLength(12);
    expect(bulletin.pages.filter((p) => p.paper === 'A3 landscape')).toHaveLength(2);
  });

  it('prints every page of the 通报 with text of 9 pt or more', () => {
    for (const p of bulletin.pages) expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
  });

  it('carries no message code and no folder of the clerk’s PC, only file names', () => {
    for (const [i, t] of bulletin.texts.entries()) {
      expect(t, `page ${i + 1}`).not.toMatch(/[a-z]+\.[a-zA-Z]+/u);
      expect(t, `page ${i + 1}`).not.toContain('/');
    }
    // (A file name wraps in its cell: pdftotext gives it in pieces.)
    expect(squash(bulletin.texts.join(''))).toContain('进展（更正）.xlsx');
  });

  it('prints the ranking of 12 units on one page, its explanation on pages of its own, all ≥ 9 pt', () => {
    const at = (s: SheetSpec): number => ranking.texts.findIndex((t) => titleOf(s).test(squash(t)));
    const first = at(UNIT_RANKING);
    expect(first).toBeGreaterThanOrEqual(0);
    const page = squash(ranking.texts[first] ?? '');
    // All twelve ranks on the first page: 12 is the last rank of the example.
    for (const unit of ['县商务局', '县城管局']) expect(page).toContain(unit);
    // Next: the chart, then the 计算说明 sheet.
    expect(squash(ranking.texts[first + 1] ?? '')).toContain('责任单位综合考评总分');
    expect(at(UNIT_RANKING_NOTES)).toBe(first + 2);
    for (const t of ranking.texts.slice(first, first + 3)) expect(t).not.toMatch(/[a-z]+\.[a-zA-Z]+/u);
    for (const p of ranking.pages) expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
    for (const [i, t] of ranking.texts.entries()) {
      // A fraction ("万元 / 序时计划投资", "月数/12") is not a path: a path has folders (a/b/c, C:\).
      expect(t, `page ${i + 1}`).not.toMatch(/[^\s/]+\/[^\s/]+\/[^\s/]+|[A-Za-z]:\\/u);
    }
  });
});
