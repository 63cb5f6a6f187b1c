import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import type { OfficialDocument } from '../../core/document/model.js';
import { bodyBlocks } from './body.js';
import { SINGLE, exactly, fontOf, rightTab, run, type Picture } from './runs.js';

export type { Picture } from './runs.js';
import { fontTableXml } from './fonts.js';
import {
  CHARACTER_SPACING,
  FONTS,
  FOOTER_MM,
  LINE_PITCH,
  MARGIN_MM,
  PAGE,
  RECORD_RULE,
  RED,
  SIZE_PT,
  TEXT_WIDTH,
  halfPoints,
  mm,
} from './gbt9704.js';
function masthead(doc: OfficialDocument): Paragraph[] {
  const m = doc.masthead;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactly(mm(17), { before: 0, after: mm(2) }),
      children: [run(m.name, FONTS.title, SIZE_PT.小初, { color: RED, characterSpacing: 20 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactly(LINE_PITCH),
      children: [run(m.issue, FONTS.body, SIZE_PT.三号)],
    }),
    // 编印单位 on the left, the date on the right, the red line under both (与版心等宽).
    new Paragraph({
      tabStops: rightTab,
      spacing: exactly(LINE_PITCH, { after: mm(1) }),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [
        run(m.office, FONTS.body, SIZE_PT.三号),
        new TextRun({ children: [new Tab()] }),
        run(m.date, FONTS.body, SIZE_PT.三号),
      ],
    }),
  ];
}

function titleAndAddressee(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.title !== undefined)
    // 标题: 2号小标宋, 红色分隔线下空二行, 居中.
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exactly(mm(12.5), { before: LINE_PITCH * 2 - mm(1) }),
        // The core breaks a long title where its sense allows (GB/T 9704 7.3.1: 回行时词意完整).
        children: doc.title
          .split('\n')
          .map((line, i) => run(line, FONTS.title, SIZE_PT.二号, i > 0 ? { break: 1 } : {})),
      }),
    );
  if (doc.to !== undefined)
    // 主送: 标题下空一行, 居左顶格.
    out.push(
      new Paragraph({
        spacing: exactly(LINE_PITCH, { before: LINE_PITCH }),
        children: [run(doc.to, FONTS.body, SIZE_PT.三号)],
      }),
    );
  return out;
}

/**
 * 版记 at the foot of the last page: 抄送 (or 分送) and the 印发 line between a thick first and
 * last rule with thin rules between (GB/T 9704 7.4), 4号仿宋 with one character of space at each
 * side. A table floating at the bottom of the text block, so that in Word and WPS its last rule
 * lies on the 版心's lower edge as the standard wants; LibreOffice (7.4) keeps such a table in the
 * text flow, right under the last paragraph, which reads the same.
 */
function record(doc: OfficialDocument): (Table | Paragraph)[] {
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const lines = [...doc.record.lines.map((l) => [l]), [doc.record.printedBy, doc.record.printedOn]];
  return [
    new Table({
      rows: lines.map((parts, i) => recordRow(parts, i === 0, i === lines.length - 1)),
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        topFromText: mm(4),
      },
    }),
    // The paragraph a floating table is anchored to; a hairline one, so it never adds a page.
    new Paragraph({
      spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run('', FONTS.body, 1)],
    }),
  ];
}

/** One line of the 版记 (抄送：…, or 印发机关 and 印发日期 at either end), between its rules. */
function recordRow(parts: readonly (string | undefined)[], first: boolean, last: boolean): TableRow {
  const side = SIZE_PT.四号 * 20;
  const rule = (size: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color: '000000' });
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const paragraph = new Paragraph({
    // 抄送 and 分送 wrap under the first name after the colon (GB/T 9704 7.4.2).
    indent:
      parts[1] === undefined
        ? { left: side + side * 3, hanging: side * 3, right: side }
        : { left: side, right: side },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - side }],
    spacing: exactly(mm(7.5)),
    children: [
      run(parts[0] ?? '', FONTS.body, SIZE_PT.四号),
      ...(parts[1] !== undefined
        ? [new TextRun({ children: [new Tab()] }), run(parts[1], FONTS.body, SIZE_PT.四号)]
        : []),
    ],
  });
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 0, right: 0 },
        borders: {
          top: rule(first ? RECORD_RULE.thick : RECORD_RULE.thin),
          bottom: rule(last ? RECORD_RULE.thick : RECORD_RULE.thin),
          left: none,
          right: none,
        },
        children: [paragraph],
      }),
    ],
  });
}

/** "— 1 —" in 4号 宋体, right with one character of space on odd pages, left on even ones. */
function pageNumber(odd: boolean): Footer {
  const face = FONTS.pageNumber;
  const side = SIZE_PT.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: side } : { left: side },
        spacing: SINGLE,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: face.name, ascii: face.name, hAnsi: face.name, cs: face.name },
            size: halfPoints(SIZE_PT.四号),
          }),
        ],
      }),
    ],
  });
}

/** 3号仿宋 on lines of the standard's pitch: the defaults, and Normal says it too. */
const BODY_STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: fontOf(FONTS.body),
        size: halfPoints(SIZE_PT.三号),
        characterSpacing: CHARACTER_SPACING,
      },
      paragraph: { spacing: exactly(LINE_PITCH) },
    },
  },
  // Normal says it too: programs that read a style's look but not the defaults see 3号仿宋.
  paragraphStyles: [
    {
      id: 'Normal',
      name: 'Normal',
      run: {
        font: fontOf(FONTS.body),
        size: halfPoints(SIZE_PT.三号),
        characterSpacing: CHARACTER_SPACING,
      },
      paragraph: { spacing: exactly(LINE_PITCH) },
    },
  ],
};

/** A4 with the standard's margins (版心 156 × 225 mm). */
const PAGE_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
    margin: {
      top: mm(MARGIN_MM.top),
      bottom: mm(MARGIN_MM.bottom),
      left: mm(MARGIN_MM.left),
      right: mm(MARGIN_MM.right),
      header: mm(15),
      footer: mm(FOOTER_MM),
      gutter: 0,
    },
  },
  // No document grid: lines are laid by their exact spacing (22 to the 版心 in body text), so
  // LibreOffice does not snap tables, captions and titles to body lines.
  grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
};

/**
 * A 公文 as a .docx in the layout of GB/T 9704-2012 (A4, 版心 156 × 225 mm, 22 lines of 28
 * characters, the standard's fonts and sizes, "— 1 —" page numbers). Written with the `docx`
 * library; only the font table (for the fonts' fallbacks) is supplied as a part of our own.
 */
export async function writeOfficialDocument(
  doc: OfficialDocument,
  pictures: ReadonlyMap<string, Picture> = new Map(),
): Promise<Uint8Array> {
  const document = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    description: doc.properties.description,
    creator: doc.masthead.office,
    lastModifiedBy: doc.masthead.office,
    evenAndOddHeaderAndFooters: true,
    styles: BODY_STYLES,
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: pageNumber(true), even: pageNumber(false) },
        children: [...masthead(doc), ...titleAndAddressee(doc), ...bodyBlocks(doc, pictures), ...record(doc)],
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return bytes;
}
