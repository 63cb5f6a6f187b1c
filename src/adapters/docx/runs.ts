import { LineRuleType, TabStopType, TextRun, type IRunOptions, type ISpacingProperties } from 'docx';
import type { FONTS } from './gbt9704.js';
import { LATIN_FONT, TEXT_WIDTH, halfPoints } from './gbt9704.js';

/** What every part of a 公文 is made of: runs in the standard's faces, exact line spacing. */

/** A chart already drawn: the PNG and its size on the page. */
export interface Picture {
  readonly png: Uint8Array;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type Face = (typeof FONTS)[keyof typeof FONTS];

/** Chinese in the standard's face, Latin letters and digits in Times New Roman. */
export const fontOf = (face: Face) => ({
  eastAsia: face.name,
  ascii: LATIN_FONT,
  hAnsi: LATIN_FONT,
  cs: LATIN_FONT,
});

export const run = (text: string, face: Face, pt: number, extra: Partial<IRunOptions> = {}): TextRun =>
  new TextRun({ text, font: fontOf(face), size: halfPoints(pt), ...extra });

/** One character of 3号 on the grid (28 to a line), in twips: the unit of 空二字. */
export const CHAR = Math.round(TEXT_WIDTH / 28);
export const exactly = (line: number, more: Partial<ISpacingProperties> = {}): ISpacingProperties => ({
  line,
  lineRule: LineRuleType.EXACT,
  ...more,
});
/**
 * Table text, captions and the footer: an exact line of their own size. Exact spacing keeps a
 * paragraph off the document's line grid (Word applies the grid only to single or multiple
 * spacing), so a table row is not the height of a body line.
 */
export const SINGLE: ISpacingProperties = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
