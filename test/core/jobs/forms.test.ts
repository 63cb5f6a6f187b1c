import { describe, expect, it } from 'vitest';
import { blankForms, caseForms, type CaseFormsJob, type FormPaper } from '../../../src/core/jobs/forms.js';
import { readMaster } from '../../../src/core/master/read.js';
import {
  MIN_PRINTED_PT,
  printableArea,
  smallestPrintedSize,
  widthPt,
} from '../../../src/core/paper/geometry.js';
import type { PaperSheet } from '../../../src/core/paper/types.js';
import { CONDUCT_CODE } from '../../../src/core/rules/conduct.js';
import { SATISFACTION_LEVELS } from '../../../src/core/rules/satisfaction.js';
import { SURVEY_FORM } from '../../../src/core/schema/forms.js';
import { SURVEY_ITEMS } from '../../../src/core/rules/vocab.js';
import { isIssue } from '../../../src/core/workbook/identify.js';
import { caseMasterRows } from '../../helpers/case-master.js';
import { masterWorkbook } from '../../helpers/master.js';

const master = readMaster(masterWorkbook(caseMasterRows).workbook).data;
const job = caseForms(master, 'DB-2026-101') as CaseFormsJob;
const sheetOf = (kind: FormPaper['kind'], papers: readonly FormPaper[] = job.papers): PaperSheet => {
  const s = papers.find((p) => p.kind === kind)?.book.sheets[0];
  if (!s) throw new Error(kind);
  return s;
};
const texts = (s: PaperSheet): string[] => s.cells.map((c) => String(c.value ?? ''));
/** The values of a row, left to right, by the row where `first` is. */
const rowOf = (s: PaperSheet, first: string | number, col = 1): (string | number | null)[] => {
  const r = s.cells.find((c) => c.col === col && c.value === first)?.row;
  return s.cells
    .filter((c) => c.row === r)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.value);
};

describe('caseForms: the papers of a case from 代办事项', () => {
  it('finds the case and counts its approvals; four papers, one A4 page each', () => {
    expect(isIssue(job)).toBe(false);
    expect(job.result).toEqual({
      caseId: 'DB-2026-101',
      projectId: 'AY-2026-001',
      company: '安阳示例装备制造有限公司',
      agent: '张伟',
      approvals: 7,
      done: 5,
      open: 2,
      survey: '2026-05-28',
    });
    expect(job.papers.map((p) => p.fileName)).toEqual([
      'DB-2026-101-代办受理表.xlsx',
      'DB-2026-101-督导代办情况记录表.xlsx',
      'DB-2026-101-手续代办移交表.xlsx',
      'DB-2026-101-代办员满意度测评表.xlsx',
    ]);
    for (const p of [...job.papers, ...blankForms()]) {
      const s = p.book.sheets[0] as PaperSheet;
      expect(p.book.sheets).toHaveLength(1);
      expect(s.paper).toBe('A4');
      expect(s.breaks).toEqual([]);
      expect(widthPt(s.columns) * (s.scale / 100)).toBeLessThanOrEqual(
        printableArea('A4', s.orientation, s.margins).w,
      );
      const height = s.rows.reduce((a, h) => a + h, 0) * (s.scale / 100);
      expect(height, p.fileName).toBeLessThanOrEqual(printableArea('A4', s.orientation, s.margins).h);
      expect(smallestPrintedSize(s), p.fileName).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
  });

  it('代办受理表: the project, the enterprise, every approval asked for, and the nine points of 附件2', () => {
    const s = sheetOf('acceptance');
    expect(texts(s)).toEqual(
      expect.arrayContaining(['行政审批服务代办受理表', '安阳示例装备制造有限公司', '高端装备产业园一期']),
    );
    expect(texts(s)).toContain('受理日期：2026年3月2日');
    expect(rowOf(s, 7)).toEqual([7, '施工许可', '住建', '刘芳', '难', 15, '2026-06-01']);
    expect(CONDUCT_CODE.points).toHaveLength(9);
    for (const point of CONDUCT_CODE.points) expect(texts(s)).toContain(point);
    expect(texts(s).some((t) => t.includes('（签字）'))).toBe(true);
    expect(texts(s).some((t) => t.includes('（盖章）'))).toBe(true);
  });

  it('督导代办情况记录表: one line per approval done, with working days used and whether on time', () => {
    const s = sheetOf('record');
    // 用地预审: 20 working days from 2026-03-09 end on 04-07 (清明 4–6 April); done 04-10, 23 working days.
    expect(rowOf(s, '用地预审', 2)).toEqual([
      2,
      '用地预审',
      '国土',
      '刘芳',
      '2026-03-09',
      '2026-04-10',
      20,
      23,
      '超时',
      '满意',
      '',
    ]);
    expect(rowOf(s, '项目备案', 2).slice(5, 9)).toEqual(['2026-03-06', 5, 4, '按时']);
    expect(
      s.cells.filter((c) => c.col === 2 && ['工程规划许可', '施工许可'].includes(String(c.value))),
    ).toEqual([]);
    expect(texts(s).find((t) => t.startsWith('尚未办结'))).toBe(
      '尚未办结 2 项：工程规划许可（规划，2026-05-20 开始，应于 2026-06-17 前办结）；施工许可（住建，2026-06-01 开始，应于 2026-06-23 前办结）。',
    );
  });

  it('手续代办移交表: every approval; open ones marked, the date left blank, and a warning', () => {
    const s = sheetOf('handover');
    expect(rowOf(s, '施工许可', 2)).toEqual([7, '施工许可', '住建', '', '', '', '未办结']);
    expect(texts(s)).toContain('移交日期：　　年　　月　　日');
    expect(job.issues.map((i) => i.code)).toEqual(['forms.openApprovals']);
  });

  it('满意度测评表 exactly as 附件3: seven items × five levels, ticked from 满意度测评', () => {
    const s = sheetOf('survey');
    expect(texts(s)).toEqual(
      expect.arrayContaining([
        '代办员满意度测评表',
        '为了进一步提高代办员的服务质量和水平，请您对我们的工作提出宝贵意见和建议',
        '测评项目',
        ...SATISFACTION_LEVELS,
        '对“代办员”工作的意见和建议',
        '填写人姓名：陈经理',
        '联系电话：0372-5550000',
        '日期：2026年5月',
      ]),
    );
    expect(SATISFACTION_LEVELS).toEqual(['非常满意', '满意', '一般', '不满意', '非常不满意']);
    expect(SURVEY_FORM.items.map((i) => i.text)).toEqual([
      '服务态度',
      '办事效率',
      '解答问题准确、耐心、细致',
      '着装整洁、挂牌服务',
      '无乱收费、乱培训、乱摊派',
      '业务知识熟练 要求提供的材料一次性告知',
      '遵纪守法 无吃、拿、卡、要现象',
    ]);
    expect(SURVEY_FORM.items.map((i) => i.key)).toEqual(SURVEY_ITEMS.map((i) => i.key));
    // 业务知识熟练 … was rated 一般: the tick sits in the third level column.
    expect(rowOf(s, '业务知识熟练 要求提供的材料一次性告知')).toEqual([
      '业务知识熟练 要求提供的材料一次性告知',
      '',
      '',
      '√',
      '',
      '',
    ]);
    expect(rowOf(s, '服务态度')).toEqual(['服务态度', '√', '', '', '', '']);
  });

  it('blank forms print every label with nothing filled in, the survey with 年 月 as 附件3 has it', () => {
    const blank = blankForms();
    expect(blank.map((p) => p.fileName)).toEqual([
      '代办受理表.xlsx',
      '督导代办情况记录表.xlsx',
      '手续代办移交表.xlsx',
      '代办员满意度测评表.xlsx',
    ]);
    const survey = sheetOf('survey', blank);
    expect(texts(survey)).toContain('日期：　　　年　　　月');
    expect(texts(survey).filter((t) => t === '√')).toEqual([]);
    expect(texts(sheetOf('acceptance', blank))).toContain('受理日期：　　年　　月　　日');
  });

  it('an unknown 案卷号 is refused, listing the cases there are', () => {
    const r = caseForms(master, 'DB-9999');
    expect(isIssue(r) && r.code).toBe('forms.unknownCase');
    expect(isIssue(r) && r.params['allowed']).toBe('DB-2026-101');
    expect(isIssue(caseForms(master, ' db-2026-101 '))).toBe(false);
  });
});
