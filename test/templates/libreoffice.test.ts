import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { parseValidateJson, runKpd } from '../helpers/cli.js';
import {
  convertWithLibreOffice,
  LIBREOFFICE_TIMEOUT_MS,
  LIBREOFFICE_TOOLS,
  pdfText,
} from '../helpers/libreoffice.js';
import { PDF_TOOLS, readPdfPages } from '../helpers/pdf.js';
import { repoPath } from '../helpers/paths.js';
import { templateByFile } from '../helpers/templates.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/** Real foreign software: LibreOffice must lay our templates out and read our files as we do. */
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext', ...PDF_TOOLS);
const tmp = useTempDir('kpd-lo-');
const EXAMPLE_REPORT = 'examples/reports/2026-11-1/文旅康养小镇指挥部-2026年11月上半月进展.xlsx';
const squash = (s: string): string => s.replace(/\s+/gu, '');

lo.describe('LibreOffice (soffice --headless)', () => {
  it(
    'prints every sheet title of every template to PDF (an annex left out), every page ≥ 9 pt',
    async () => {
      const dir = join(tmp(), 'pdf');
      await mkdir(dir, { recursive: true });
      const templates = await buildTemplates();
      const files = await Promise.all(
        templates.map(async (t) => {
          const file = join(dir, t.fileName);
          await writeFile(file, t.bytes);
          return file;
        }),
      );
      convertWithLibreOffice(files, 'pdf', dir);
      for (const t of templates) {
        const file = join(dir, t.fileName.replace(/\.xlsx$/u, '.pdf'));
        const pdf = squash(pdfText(file));
        // An annex (the bulletin's 数据问题, 来源 …) is hidden: printing the workbook leaves it out.
        for (const s of templateByFile(t.fileName).sheets) {
          expect(
            pdf.includes(squash(s.title)),
            `${t.fileName}「${s.name}」: 「${s.title}」 ${s.annex ? 'printed' : 'not'} in the PDF`,
          ).toBe(!s.annex);
        }
        // Every page of every template as printed: no text under 9 pt.
        for (const p of readPdfPages(file))
          expect(p.smallestFontPt ?? 9, `${t.fileName} page ${p.number}`).toBeGreaterThanOrEqual(9);
      }
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it(
    're-saves a filled 半月进展报表 as .xlsx that `kpd validate` reads the same',
    async () => {
      const dir = join(tmp(), 'resave');
      await mkdir(join(dir, 'lo'), { recursive: true });
      const original = join(dir, basename(EXAMPLE_REPORT));
      await copyFile(repoPath(EXAMPLE_REPORT), original);
      convertWithLibreOffice([original], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
      const resaved = join(dir, 'lo', basename(EXAMPLE_REPORT));
      const run = await runKpd(['validate', original, resaved, '--json'], dir);
      const [a, b] = parseValidateJson(run.out).files;
      const findings = (f: typeof a) => f?.issues.map((i) => [i.code, i.sheet, i.cell]);
      expect(findings(a)?.length).toBeGreaterThan(0);
      expect(findings(b)).toEqual(findings(a));
      expect([b?.template, b?.version]).toEqual([a?.template, a?.version]);
      expect(run.code).toBe(1);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
