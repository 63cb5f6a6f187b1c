import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { BULLETIN_ANNEX, PROBLEMS, SOURCES } from '../../src/core/schema/bulletin.js';
import { MESSAGES } from '../../src/core/issues/codes.js';
import { runKpd } from '../helpers/cli.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, LIBREOFFICE_TOOLS } from '../helpers/libreoffice.js';
import { PDF_TOOLS, readPdfPages, type PdfPage } from '../helpers/pdf.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * `kpd merge --annex`, as LibreOffice opens and prints the two workbooks: the 通报 prints the
 * same pages as without --annex (nothing of 数据问题 or 来源), the annex prints both its sheets,
 * every page ≥ 9 pt, with file names only and no message code.
 */
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext', ...PDF_TOOLS);
const tmp = useTempDir('kpd-annex-print-');

const squash = (s: string): string => s.replace(/\s+/gu, '');
const text = (pdf: string): string =>
  spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;

let bulletin: { pages: PdfPage[]; text: string };
let annex: { pages: PdfPage[]; text: string };

beforeAll(async () => {
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
      '--annex',
      '附件.xlsx',
    ],
    dir,
  );
  expect(merged.code, merged.err).toBe(0);
  convertWithLibreOffice([join(dir, '通报.xlsx'), join(dir, '附件.xlsx')], 'pdf', dir, 300_000);
  const read = (name: string) => ({ pages: readPdfPages(join(dir, name)), text: text(join(dir, name)) });
  bulletin = read('通报.pdf');
  annex = read('附件.pdf');
}, LIBREOFFICE_TIMEOUT_MS + 300_000);

lo.describe('the 通报 and its annex printed apart (LibreOffice)', () => {
  it('prints the 通报 proper only (12 pages, as without --annex), every page ≥ 9 pt', () => {
    expect(bulletin.pages).toHaveLength(12);
    for (const p of bulletin.pages) expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
    const all = squash(bulletin.text);
    expect(all).not.toContain('数据问题（未并入的行及提示）');
    expect(all).not.toContain('数据来源（每个项目数据');
    expect(all).toContain('明细见附件（另册）「数据问题」');
  });

  it('prints the annex: 数据问题 and 来源, every page ≥ 9 pt, file names only, no codes', () => {
    expect(annex.pages.length).toBeGreaterThanOrEqual(BULLETIN_ANNEX.sheets.length);
    for (const p of annex.pages) expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
    const all = squash(annex.text);
    expect(all).toContain(`附件：${PROBLEMS.name}`);
    expect(all).toContain('附件：数据来源');
    expect(all).toContain(squash(SOURCES.columns[3]?.header ?? ''));
    expect(all).toContain('进展（更正）.xlsx');
    // (发件人 holds e-mail addresses: look for the codes themselves.)
    for (const code of Object.keys(MESSAGES)) expect(annex.text).not.toContain(code);
    expect(annex.text).not.toContain('/');
  });
});
