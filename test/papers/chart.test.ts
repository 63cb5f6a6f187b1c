import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { MASTER } from '../../src/core/schema/master.js';
import { validateWorkbook } from '../../src/core/validate/workbook.js';
import { runKpd, type CliRun } from '../helpers/cli.js';
import {
  convertWithLibreOffice,
  LIBREOFFICE_TIMEOUT_MS,
  LIBREOFFICE_TOOLS,
  pdfText,
} from '../helpers/libreoffice.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { PDF_TOOLS, readPdfPages } from '../helpers/pdf.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { gridOf } from '../helpers/xlsx.js';
import { BASE } from '../helpers/master.js';

/** kpd chart (挂图作战) on the example county, printed by LibreOffice as the README says. */
const tmp = useTempDir('kpd-chart-');
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext', ...PDF_TOOLS);
const ooxml = requireTool(...OOXML_TOOLS);
const EXAMPLE = repoPath('examples', '总台账.xlsx');

interface ChartJson {
  readonly on: string;
  readonly sheets: readonly { hq: string; sheet: string; unit: string; pages: number; overdue: number }[];
  readonly totals: { projects: number; milestones: number; done: number; overdue: number };
}

describe('kpd chart --master 总台账.xlsx --on 2026-11-13 --out 进度图.xlsx', () => {
  let run: CliRun;
  let json: ChartJson;
  beforeAll(async () => {
    run = await runKpd(['chart', '--master', EXAMPLE, '--on', '2026-11-13', '--out', '进度图.xlsx'], tmp());
    json = JSON.parse(
      (await runKpd(['chart', '--master', EXAMPLE, '--on', '2026-11-13', '--out', 'j.xlsx', '--json'], tmp()))
        .out,
    ) as ChartJson;
  });

  it('writes one sheet per HQ and says what is on it, and how to print it', async () => {
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('8 个指挥部');
    expect(run.out).toContain('30 个项目，90 个节点');
    expect(run.out).toContain('soffice --headless --convert-to pdf');
    expect(json.sheets.map((s) => s.hq)).toHaveLength(8);
    expect(json.totals).toMatchObject({ projects: 30, milestones: 90 });
    const wb = gridOf(new Uint8Array(await readFile(join(tmp(), '进度图.xlsx'))));
    expect(wb.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(json.sheets.map((s) => s.sheet));
  });

  it('is recognised as a chart, not a form to check', async () => {
    const v = validateWorkbook(gridOf(new Uint8Array(await readFile(join(tmp(), '进度图.xlsx')))));
    expect(v.issues.map((i) => i.code)).toEqual(['template.output']);
  });

  lo.it(
    'prints as LibreOffice headless makes its PDF: A3 landscape pages, one per HQ here, no text under 9 pt',
    async () => {
      convertWithLibreOffice([join(tmp(), '进度图.xlsx')], 'pdf', tmp());
      const pdf = join(tmp(), '进度图.pdf');
      const pages = readPdfPages(pdf);
      expect(pages).toHaveLength(json.sheets.reduce((a, s) => a + s.pages, 0));
      for (const p of pages) {
        expect(p.paper, `page ${p.number}`).toBe('A3 landscape');
        expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
      }
      const text = pdfText(pdf);
      for (const s of json.sheets) expect(text).toContain(`${s.hq}重点项目建设进度计划网络图（挂图作战）`);
      expect(text).toContain('逾期未完成（黑旗）');
      expect(text).toContain('截至2026年11月13日');
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  ooxml.it(
    'conforms to the OOXML schemas',
    async () => {
      const r = await checkOoxml([join(tmp(), '进度图.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );
});

describe('kpd chart: an HQ with more projects than a page holds', () => {
  lo.it(
    'breaks between projects, never inside one, and repeats the title on every page',
    async () => {
      const projects = Array.from({ length: 12 }, (_, i) => ({
        ...BASE.projects[0],
        projectId: `AY-2026-${String(100 + i)}`,
        name: `（第${i + 1}个）高端装备产业园配套项目`,
      }));
      const milestones = projects.flatMap((p) =>
        Array.from({ length: 5 }, (_, k) => ({
          projectId: p.projectId,
          seq: k + 1,
          name: `节点${k + 1}：${['取得施工许可', '基础完工', '主体封顶', '设备安装', '竣工验收'][k]}`,
          plannedDate: `2026-${String(7 + k).padStart(2, '0')}-15`,
          ...(k < 2 && { actualDate: `2026-${String(7 + k).padStart(2, '0')}-10` }),
          ...(k > 0 && { predecessors: String(k) }),
        })),
      );
      const master = join(tmp(), 'many.xlsx');
      await writeFile(
        master,
        await writeTemplate(MASTER, { rows: { projects, milestones, agents: BASE.agents } }),
      );
      const r = await runKpd(
        [
          'chart',
          '--master',
          master,
          '--on',
          '2026-09-20',
          '--hq',
          '高端装备产业园指挥部',
          '--out',
          'many-chart.xlsx',
          '--json',
        ],
        tmp(),
      );
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out) as ChartJson;
      expect(json.sheets).toHaveLength(1);
      expect(json.sheets[0]?.unit).toBe('week');
      const predicted = json.sheets[0]?.pages ?? 0;
      expect(predicted).toBeGreaterThan(1);
      convertWithLibreOffice([join(tmp(), 'many-chart.xlsx')], 'pdf', tmp());
      const pdf = join(tmp(), 'many-chart.pdf');
      const pages = readPdfPages(pdf);
      expect(pages).toHaveLength(predicted);
      for (const p of pages) {
        expect(p.paper).toBe('A3 landscape');
        expect(p.smallestFontPt).toBeGreaterThanOrEqual(9);
        const text = pdfText(pdf).split('\f')[p.number - 1] ?? '';
        expect(text, `page ${p.number}`).toContain('高端装备产业园指挥部重点项目建设进度计划网络图');
        // A block is whole on its page: its title line, its header and its last milestone.
        const ids = [...text.matchAll(/AY-2026-1\d\d/gu)].map((m) => m[0]);
        expect(ids.length).toBeGreaterThan(0);
        expect(text.split('竣工验收').length - 1, `page ${p.number}`).toBe(ids.length);
      }
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});

describe('kpd chart: mistakes at the prompt are exit 2 and no document', () => {
  it('an unknown HQ lists the registered ones', async () => {
    const r = await runKpd(
      ['chart', '--master', EXAMPLE, '--hq', '不存在指挥部', '--on', '2026-11-13', '--out', 'x.xlsx'],
      tmp(),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('指挥部「不存在指挥部」不在「项目登记」中');
    expect(r.err).toContain('高端装备产业园指挥部');
    expect(existsSync(join(tmp(), 'x.xlsx'))).toBe(false);
  });

  it('a day that is not a date, a missing --out, in Chinese and in English', async () => {
    const bad = await runKpd(['chart', '--master', EXAMPLE, '--on', '11月', '--out', 'y.xlsx'], tmp());
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--on 应为日期');
    expect(existsSync(join(tmp(), 'y.xlsx'))).toBe(false);
    const en = await runKpd(['chart', '--master', EXAMPLE, '--lang', 'en'], tmp());
    expect(en.code).toBe(2);
    expect(en.err).toContain('Missing --out');
  });

  it('speaks English with --lang en (sheet and HQ names stay Chinese)', async () => {
    const r = await runKpd(
      ['chart', '--master', EXAMPLE, '--on', '2026-11-13', '--out', 'en.xlsx', '--lang', 'en'],
      tmp(),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote en.xlsx: 8 HQs');
    expect(r.out).toContain('"高端装备产业园指挥部": 4 projects');
  });
});
