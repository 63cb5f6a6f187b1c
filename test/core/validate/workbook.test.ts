import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../../src/core/values/grid.js';
import { MASTER, PROJECTS } from '../../../src/core/schema/master.js';
import { PROGRESS, REPORT, SITE_VISITS } from '../../../src/core/schema/report.js';
import { TOPIC_LIST } from '../../../src/core/schema/topics.js';
import { validateWorkbook } from '../../../src/core/validate/workbook.js';
import { message, type Issue } from '../../../src/core/issues/issue.js';
import { identifyTemplate, isIssue, META_SHEET, TEMPLATE_NAME } from '../../../src/core/workbook/identify.js';
import { tableGrid } from '../../helpers/grids.js';

const meta = (id: string, version: number) => ({
  name: META_SHEET,
  hidden: true,
  rows: [
    ['模板编号', id],
    ['模板版本', version],
  ],
});

const reportSheets = [tableGrid(PROGRESS, []).grid, tableGrid(SITE_VISITS, []).grid];

describe('identifyTemplate', () => {
  it('reads the mark of the hidden _kpd sheet', () => {
    const id = identifyTemplate({ sheets: [...reportSheets, meta('kpd.report', 1)] });
    expect(isIssue(id) ? id : { id: id.template.id, version: id.version, issues: id.issues }).toEqual({
      id: 'kpd.report',
      version: 1,
      issues: [],
    });
  });

  it('reads the defined name KPD_TEMPLATE', () => {
    const wb: WorkbookGrid = {
      sheets: reportSheets,
      definedNames: new Map([[TEMPLATE_NAME, '"kpd.report@1"']]),
    };
    const id = identifyTemplate(wb);
    expect(isIssue(id) ? id.code : [id.template.id, id.version]).toEqual(['kpd.report', 1]);
  });

  it('warns about an older template version and still reads it', () => {
    const id = identifyTemplate({ sheets: [...reportSheets, meta('kpd.report', 0)] });
    expect(isIssue(id) ? id.code : id.issues.map((i) => [i.code, i.severity, i.params])).toEqual([
      ['template.version', 'warning', { found: 0, current: REPORT.version }],
    ]);
  });

  it('a newer template version says to update kpd, not to change templates', () => {
    const id = identifyTemplate({ sheets: [...reportSheets, meta('kpd.report', REPORT.version + 1)] });
    expect(isIssue(id) ? id.code : id.issues.map((i) => [i.code, i.severity])).toEqual([
      ['template.newer', 'warning'],
    ]);
    expect(isIssue(id) ? '' : message(id.issues[0] as Issue)).toContain('升级');
  });

  it('tells the system’s own bulletin from a form to fill', () => {
    const id = identifyTemplate({
      sheets: [{ name: '汇总', rows: [] }],
      definedNames: new Map([[TEMPLATE_NAME, '"kpd.bulletin@1"']]),
    });
    expect(isIssue(id) && [id.code, id.params]).toEqual([
      'template.output',
      { template: '重点项目情况通报' },
    ]);
  });

  it('recognises an unmarked workbook by its sheets and headers, as a note', () => {
    const id = identifyTemplate({ sheets: [tableGrid(TOPIC_LIST, []).grid] });
    expect(isIssue(id) ? id.code : [id.template.id, id.version, id.issues.map((i) => i.code)]).toEqual([
      'kpd.topics',
      undefined,
      ['template.unmarked'],
    ]);
  });

  it('refuses a workbook of no known template', () => {
    const id = identifyTemplate({ sheets: [{ name: 'Sheet1', rows: [['姓名', '电话']] }] });
    expect(isIssue(id) && [id.code, id.severity]).toEqual(['template.unknown', 'error']);
  });
});

describe('validateWorkbook', () => {
  it('dispatches on the template and sorts issues by sheet order', () => {
    const progress = tableGrid(PROGRESS, [{ projectId: 'AY-1', current: 'x', cumulative: 5 }], {
      fields: { reporter: '甲指挥部', period: '2026年11月上半月', filledOn: '2026-11-11', signature: '王' },
    });
    const visits = tableGrid(SITE_VISITS, [{ date: '2026-11-03', person: '王', role: '科长' }]);
    const v = validateWorkbook({ sheets: [visits.grid, progress.grid, meta('kpd.report', 1)] });
    expect(v.template?.id).toBe('kpd.report');
    expect(v.version).toBe(1);
    expect(v.issues.map((i) => [i.code, i.sheet])).toEqual([
      ['cell.number', '进展情况'],
      ['cell.enum', '一线工作'],
    ]);
  });

  it('checks a master workbook (sheets other than 项目登记 may be absent)', () => {
    const v = validateWorkbook({ sheets: [tableGrid(PROJECTS, []).grid, meta(MASTER.id, MASTER.version)] });
    expect(v.template?.id).toBe('kpd.master');
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Each missing sheet is said, but 例会: it is filled only when a meeting moves (DOMAIN §5).
    expect(v.issues.filter((i) => i.code === 'sheet.missing').map((i) => i.params['sheet'])).toEqual(
      MASTER.sheets.map((s) => s.name).filter((n) => n !== '项目登记' && n !== '例会'),
    );
  });

  it('returns only the reason when the workbook is not a template', () => {
    expect(validateWorkbook({ sheets: [] }).issues.map((i) => i.code)).toEqual(['template.unknown']);
  });
});
