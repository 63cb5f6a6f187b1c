import type ExcelJS from 'exceljs';

/** The look of a Chinese office form: 宋体, a bold centred title, grey header, thin borders. */
const FONT = '宋体';
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 18, bold: true };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11 };
export const LABEL_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold: true };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold: true };
export const NOTE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, color: { argb: 'FF595959' } };

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
export const BOX: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const UNDERLINE: Partial<ExcelJS.Borders> = { bottom: thin };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const EXAMPLE_FONT: Partial<ExcelJS.Font> = {
  name: FONT,
  size: 11,
  color: { argb: 'FF7F7F7F' },
  italic: true,
};

/** A4 = 9 and A3 = 8 in the OOXML paper-size table. */
export const A4 = 9;
export const A3 = 8;
