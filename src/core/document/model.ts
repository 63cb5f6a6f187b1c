import type { ChartSpec } from './chart.js';

/**
 * A 公文 as data (GB/T 9704-2012's three parts: 版头, 主体, 版记), with no layout: the words in
 * order and what kind of element each is. The .docx adapter knows the standard's fonts, sizes
 * and measures; the core only says "a first-level heading", "a table", "a chart".
 */

export interface TableColumn {
  readonly header: string;
  /** Relative width (characters, roughly). */
  readonly width: number;
  /** Numbers are right-aligned, text left, short codes centred. */
  readonly align?: 'left' | 'center' | 'right';
}

export type DocBlock =
  /** 一、 (黑体) or （一） (楷体) headings; the number is part of the text. */
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  /**
   * A body paragraph, indented two characters. `lead` is run in before it in the second-level
   * heading's face (楷体), as official texts do for "（一）某某指挥部。" followed by its text.
   */
  | { readonly kind: 'paragraph'; readonly text: string; readonly lead?: string }
  | {
      readonly kind: 'table';
      /** 表1 …, above the table. */
      readonly caption: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly string[])[];
      /** Rows shown in bold, e.g. 合计 (indexes into rows). */
      readonly emphasis?: readonly number[];
      /** A line under the table (source, units). */
      readonly note?: string;
    }
  /** A chart drawn as a picture; its numbers are in the table the caption names. */
  | { readonly kind: 'chart'; readonly caption: string; readonly chart: ChartSpec }
  /**
   * A line a person completes by hand: "出席：" then a rule to write on (纪要), or a blank
   * left in a sentence for what is said at the meeting.
   */
  | { readonly kind: 'fill'; readonly label: string; readonly lines: number };

export interface OfficialDocument {
  /** 版头: the 发文机关标志 (红色), 期数, 编印单位 and date, then the red line. */
  readonly masthead: {
    readonly name: string;
    readonly issue: string;
    readonly office: string;
    readonly date: string;
  };
  /** 标题 (2号小标宋), when the document has one beside its masthead. */
  readonly title?: string;
  /** 主送 line under the title. */
  readonly to?: string;
  readonly body: readonly DocBlock[];
  /** 版记: 抄送 / 分送 line(s), then 印发机关 and 印发日期. */
  readonly record: {
    readonly lines: readonly string[];
    readonly printedBy: string;
    readonly printedOn: string;
  };
  /** Document properties: title, and what produced it (the rule set). */
  readonly properties: { readonly title: string; readonly subject: string; readonly description: string };
}

/** Every chart of a document, in order (for a writer that renders them first). */
export const documentCharts = (doc: OfficialDocument): ChartSpec[] =>
  doc.body.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
