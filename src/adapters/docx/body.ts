import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LeaderType,
  LineRuleType,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { DocBlock, OfficialDocument } from '../../core/document/model.js';
import { FONTS, LINE_PITCH, SIZE_PT, TEXT_WIDTH, halfPoints } from './gbt9704.js';
import { CHAR, SINGLE, exactly, fontOf, run, type Face, type Picture } from './runs.js';

/** The 主体 of a 公文: headings, paragraphs, tables with captions, charts, lines to fill. */

const bodyParagraph = (children: TextRun[]): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: CHAR * 2, firstLineChars: 200 },
    spacing: exactly(LINE_PITCH),
    children,
  });

const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cellParagraph(text: string, align: 'left' | 'center' | 'right', face: Face): Paragraph {
  const alignment =
    align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new Paragraph({ alignment, spacing: SINGLE, children: [run(text, face, SIZE_PT.五号)] });
}

function table(block: Extract<DocBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((a, c) => a + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  const cell = (text: string, i: number, face: Face, align: 'left' | 'center' | 'right'): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: 40, right: 40 },
      children: [cellParagraph(text, align, face)],
    });
  const emphasis = new Set(block.emphasis ?? []);
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map((c, i) => cell(c.header, i, FONTS.heading1, 'center')),
    }),
    ...block.rows.map(
      (r, k) =>
        new TableRow({
          cantSplit: true,
          height: { value: 360, rule: HeightRule.ATLEAST },
          children: block.columns.map((c, i) =>
            cell(r[i] ?? '', i, emphasis.has(k) ? FONTS.heading1 : FONTS.body, c.align ?? 'left'),
          ),
        }),
    ),
  ];
  return [
    caption(block.caption, true),
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: {
        top: thin,
        bottom: thin,
        left: thin,
        right: thin,
        insideHorizontal: thin,
        insideVertical: thin,
      },
    }),
    ...(block.note !== undefined
      ? [
          new Paragraph({
            spacing: { ...SINGLE, before: 60, after: 120 },
            children: [run(block.note, FONTS.body, SIZE_PT.五号)],
          }),
        ]
      : []),
  ];
}

/** 表n / 图n captions: 黑体 小四, centred, kept with what they name. */
const caption = (text: string, keepNext: boolean): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 120, after: 80 },
    children: [run(text, FONTS.heading1, SIZE_PT.小四)],
  });

/** px at 96 dpi, as the docx library sizes pictures. */
const px = (millimetres: number): number => Math.round((millimetres / 25.4) * 96);

function chart(
  block: Extract<DocBlock, { kind: 'chart' }>,
  pictures: ReadonlyMap<string, Picture>,
): Paragraph[] {
  const pic = pictures.get(block.chart.id);
  if (!pic) return [caption(block.caption, false)];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Auto spacing: an exact line would clip the picture to one line's height.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: pic.png,
          transformation: { width: px(pic.widthMm), height: px(pic.heightMm) },
          altText: { name: block.chart.id, title: block.chart.title, description: block.caption },
        }),
      ],
    }),
    caption(block.caption, false),
  ];
}

/** "出席：" then ruled lines to write on (GB/T 9704 10.3: 左空二字, 黑体 label). */
function fill(block: Extract<DocBlock, { kind: 'fill' }>): Paragraph[] {
  const line = (first: boolean): Paragraph =>
    new Paragraph({
      // Lines after a label start under the text after it; without a label, all at two characters.
      indent: { left: first || block.label === '' ? CHAR * 2 : CHAR * 2 + CHAR * 3 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.UNDERSCORE }],
      spacing: exactly(LINE_PITCH),
      children: [
        ...(first ? [run(block.label, FONTS.heading1, SIZE_PT.三号)] : []),
        new TextRun({ children: [new Tab()], font: fontOf(FONTS.body), size: halfPoints(SIZE_PT.三号) }),
      ],
    });
  return Array.from({ length: Math.max(1, block.lines) }, (_, i) => line(i === 0));
}

export function bodyBlocks(
  doc: OfficialDocument,
  pictures: ReadonlyMap<string, Picture>,
): (Paragraph | Table)[] {
  return doc.body.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [
          new Paragraph({
            indent: { firstLine: CHAR * 2, firstLineChars: 200 },
            keepNext: true,
            spacing: exactly(LINE_PITCH),
            children: [run(b.text, b.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE_PT.三号)],
          }),
        ];
      case 'paragraph':
        return [
          bodyParagraph([
            ...(b.lead !== undefined ? [run(b.lead, FONTS.heading2, SIZE_PT.三号)] : []),
            run(b.text, FONTS.body, SIZE_PT.三号),
          ]),
        ];
      case 'table':
        return table(b);
      case 'chart':
        return chart(b, pictures);
      case 'fill':
        return fill(b);
    }
  });
}
