import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBlankForms } from '../../src/cli/commands/templates.js';
import { validateWorkbook } from '../../src/core/validate/workbook.js';
import { caseMasterBytes } from '../helpers/case-master.js';
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
import { differingParts, gridOf } from '../helpers/xlsx.js';

/** kpd forms and the blank forms of kpd templates, printed by LibreOffice: one A4 page each. */
const tmp = useTempDir('kpd-forms-');
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext', ...PDF_TOOLS);
const ooxml = requireTool(...OOXML_TOOLS);

const FILES = ['代办受理表', '督导代办情况记录表', '手续代办移交表', '代办员满意度测评表'];
const PAPER: Readonly<Record<string, string>> = {
  代办受理表: 'A4 portrait',
  督导代办情况记录表: 'A4 landscape',
  手续代办移交表: 'A4 portrait',
  代办员满意度测评表: 'A4 portrait',
};
const squash = (s: string): string => s.replace(/\s+/gu, '');

describe('kpd forms --master 总台账.xlsx --case DB-2026-101 --out 表格', () => {
  let run: CliRun;
  beforeAll(async () => {
    await writeFile(join(tmp(), '总台账.xlsx'), await caseMasterBytes());
    run = await runKpd(['forms', '--master', '总台账.xlsx', '--case', 'DB-2026-101', '--out', '表格'], tmp());
    await mkdir(join(tmp(), 'blank'), { recursive: true });
    for (const f of await buildBlankForms()) await writeFile(join(tmp(), 'blank', f.fileName), f.bytes);
  });

  it('writes the four papers of the case and says what is open', () => {
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('审批事项 7 项，已办结 5 项，未办结 2 项');
    for (const f of FILES) expect(existsSync(join(tmp(), '表格', `DB-2026-101-${f}.xlsx`)), f).toBe(true);
    expect(run.err).toContain('尚有 2 项审批未办结（工程规划许可、施工许可）');
  });

  it('is recognised as a paper of the system, not a form to check', async () => {
    const v = validateWorkbook(
      gridOf(new Uint8Array(await readFile(join(tmp(), '表格', 'DB-2026-101-代办受理表.xlsx')))),
    );
    expect(v.issues.map((i) => i.code)).toEqual(['template.output']);
  });

  lo.it(
    'prints each filled and blank form on one A4 page, no text under 9 pt, every fixed text there',
    async () => {
      const filled = FILES.map((f) => join(tmp(), '表格', `DB-2026-101-${f}.xlsx`));
      const blank = FILES.map((f) => join(tmp(), 'blank', `${f}.xlsx`));
      convertWithLibreOffice(filled, 'pdf', join(tmp(), '表格'));
      convertWithLibreOffice(blank, 'pdf', join(tmp(), 'blank'));
      for (const file of [...filled, ...blank]) {
        const pdf = file.replace(/\.xlsx$/u, '.pdf');
        const pages = readPdfPages(pdf);
        const kind = FILES.find((f) => file.endsWith(`${f}.xlsx`)) ?? '';
        expect(
          pages.map((p) => p.paper),
          file,
        ).toEqual([PAPER[kind]]);
        expect(pages[0]?.smallestFontPt, file).toBeGreaterThanOrEqual(9);
      }
      const survey = squash(pdfText(join(tmp(), '表格', 'DB-2026-101-代办员满意度测评表.pdf')));
      for (const t of [
        '代办员满意度测评表',
        '测评项目',
        '非常满意',
        '非常不满意',
        '解答问题准确、耐心、细致',
        '业务知识熟练要求提供的材料一次性告知',
        '遵纪守法无吃、拿、卡、要现象',
        '对“代办员”工作的意见和建议',
        '填写人姓名：陈经理',
        '联系电话：',
        '5550000',
        '日期：2026年5月',
      ])
        expect(survey).toContain(t);
      const acceptance = squash(pdfText(join(tmp(), '表格', 'DB-2026-101-代办受理表.pdf')));
      expect(acceptance).toContain('示范区（安阳县）联审联批代办员工作守则');
      expect(acceptance).toContain('九、严格遵守国家公务员行为规范各项规章制度');
      const record = squash(pdfText(join(tmp(), '表格', 'DB-2026-101-督导代办情况记录表.pdf')));
      expect(record).toContain('用地规划许可');
      expect(record).toContain('尚未办结2项');
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  ooxml.it(
    'conforms to the OOXML schemas (filled and blank)',
    async () => {
      const r = await checkOoxml([
        ...FILES.map((f) => join(tmp(), '表格', `DB-2026-101-${f}.xlsx`)),
        ...FILES.map((f) => join(tmp(), 'blank', `${f}.xlsx`)),
      ]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );

  it('templates/ holds the blank forms kpd templates writes', async () => {
    for (const f of await buildBlankForms()) {
      const committed = repoPath('templates', f.fileName);
      expect(existsSync(committed), `templates/${f.fileName}: run node bin/kpd.js templates`).toBe(true);
      expect(differingParts(f.bytes, new Uint8Array(await readFile(committed))), f.fileName).toEqual([]);
    }
  });

  it('the example master gives a case its papers too', async () => {
    const r = await runKpd(
      [
        'forms',
        '--master',
        repoPath('examples', '总台账.xlsx'),
        '--case',
        'DB-2026-001',
        '--out',
        'ex',
        '--json',
      ],
      tmp(),
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { files: string[]; approvals: number };
    expect(json.files).toHaveLength(4);
    expect(json.approvals).toBeGreaterThan(0);
  });

  it('an unknown case is exit 2, names the known ones, and writes nothing; English with --lang en', async () => {
    const r = await runKpd(['forms', '--master', '总台账.xlsx', '--case', 'DB-0000', '--out', 'none'], tmp());
    expect(r.code).toBe(2);
    expect(r.err).toContain('案卷号「DB-0000」不在总台账「代办事项」中。已有的案卷号：DB-2026-101');
    expect(existsSync(join(tmp(), 'none'))).toBe(false);
    const en = await runKpd(['forms', '--master', '总台账.xlsx', '--out', 'none', '--lang', 'en'], tmp());
    expect(en.code).toBe(2);
    expect(en.err).toContain('Missing --case');
  });
});
