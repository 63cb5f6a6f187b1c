import ExcelJS from 'exceljs';
import { BULLETIN } from '../../src/core/schema/bulletin.js';

/**
 * An office's own styled bulletin template, made in "Excel": a masthead above the 项目进展 table,
 * its columns in another order plus one of its own, a footer below, fills of its own; the other
 * tables plain, and no 来源 sheet.
 */
export const MASTHEAD = 'FFFCE4D6';
export const HEADER = 'FF1F4E78';
export const DATA = 'FFFFF2CC';
export const FOOTER = 'FFE2EFDA';
export const COLUMNS = [
  '项目编号',
  '项目名称',
  '指挥部',
  '年度累计完成投资(万元)',
  '完成率',
  '状态',
  '本期完成投资(万元)',
  '督导责任人',
  '年度计划投资(万元)',
];
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export async function officeTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 0, 1));
  for (const spec of BULLETIN.sheets) {
    if (spec.name === '来源') continue; // this office does not print the sources
    const ws = wb.addWorksheet(spec.name);
    if (spec.name !== '项目进展') {
      ws.addRow([`{{编制单位}}：${spec.name}（第{{期数}}期）`]);
      ws.addRow(spec.columns.map((c) => c.header));
      continue;
    }
    ws.mergeCells('A1:I1');
    ws.getCell('A1').value = '安阳县重点项目情况通报';
    ws.getCell('A1').font = { bold: true, size: 18, color: { argb: 'FFC00000' } };
    ws.getCell('A1').fill = fill(MASTHEAD);
    ws.getCell('A2').value = '第{{期数}}期';
    ws.getCell('E2').value = '{{编制单位}}　{{通报日期}}';
    COLUMNS.forEach((h, i) => {
      const c = ws.getCell(3, i + 1);
      c.value = h;
      c.fill = fill(HEADER);
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      const d = ws.getCell(4, i + 1);
      d.fill = fill(DATA);
      d.border = { bottom: { style: 'thin' } };
      if (h === '完成率') d.numFmt = '0.00%';
    });
    ws.mergeCells('A5:I5');
    ws.getCell('A5').value = '报：县委、县政府';
    ws.getCell('A5').fill = fill(FOOTER);
    ws.getCell('A6').value = '送：各指挥部、各责任单位';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
