import { OpcPackage, relIs, relsPartOf } from '../opc/package.js';
import { appendStyles, stylesRoot, type StyleOffsets } from '../opc/styles.js';
import { WorkbookXml } from '../opc/workbook.js';
import { parseSharedStrings } from '../xlsx-read/shared-strings.js';
import { xmlText } from './text.js';

/**
 * Puts whole sheets of one workbook (our generated results) into another (the clerk's master):
 * a sheet of the same name is replaced in place, a new one is added at the end. Everything else
 * of the target stays as it was, part for part — only styles.xml gains the sheets' formats,
 * workbook.xml their entries, the relationships and content types their parts. Those small
 * parts are edited as XML (../opc), so a master saved by any program (prefixed SpreadsheetML,
 * `xmlns:r` declared per sheet, an empty `<definedNames/>`, no styles.xml, UTF-16 parts, a
 * workbook part elsewhere than xl/workbook.xml) comes out well-formed.
 */

/** A source sheet made self-contained for the target: styles re-indexed, shared strings inlined. */
function adaptSheet(xml: string, sst: readonly string[], o: StyleOffsets): string {
  return xml
    .replace(
      /<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/gu,
      (_, a: string, b: string, i: string) => {
        const t = sst[Number(i)] ?? '';
        return `<c${a}t="inlineStr"${b}><is><t xml:space="preserve">${xmlText(t)}</t></is></c>`;
      },
    )
    .replace(
      /(<(?:c|row)\b[^>]*?\s)s="(\d+)"/gu,
      (_, pre: string, n: string) => `${pre}s="${Number(n) + o.xf}"`,
    )
    .replace(
      /(<col\b[^>]*?\s)style="(\d+)"/gu,
      (_, pre: string, n: string) => `${pre}style="${Number(n) + o.xf}"`,
    )
    .replace(/\bdxfId="(\d+)"/gu, (_, n: string) => `dxfId="${Number(n) + o.dxf}"`);
}

/**
 * Moves the sheets `names` of `sourceBytes` (a workbook we generated) into `target`.
 * @example transplantSheets(master, resultsBytes, ['单位考评排名']); zip(master.entries())
 */
export function transplantSheets(
  target: OpcPackage,
  sourceBytes: Uint8Array,
  names: readonly string[],
): void {
  if (names.length === 0) return;
  const source = new OpcPackage(sourceBytes);
  const tWb = new WorkbookXml(target);
  const sWb = new WorkbookXml(source);
  const sSheets = sWb.sheets();
  const sstRel = source.rels(source.workbookPart).find((r) => !r.external && relIs(r, 'sharedStrings'));
  const sst = sstRel ? parseSharedStrings(source.text(sstRel.target) ?? '') : [];
  const offsets = appendStyles(stylesRoot(target), stylesRoot(source));
  const sDefined = sWb.definedNames();
  const wbDir = target.workbookPart.slice(0, target.workbookPart.lastIndexOf('/') + 1);

  for (const name of names) {
    const sIndex = sSheets.findIndex((x) => x.name === name);
    const sEntry = sSheets[sIndex];
    if (!sEntry?.part) continue;
    const sheetXml = adaptSheet(source.text(sEntry.part) ?? '', sst, offsets);
    const tSheets = tWb.sheets();
    let index = tSheets.findIndex((x) => x.name === name);
    const existing = tSheets[index];
    if (existing?.part !== undefined) {
      // Same name: new content in the same part, same place in the tab order.
      target.set(existing.part, sheetXml);
      target.delete(relsPartOf(existing.part));
      for (const d of tWb.definedNames()) if (d.localSheetId === index) tWb.removeDefinedName(d);
    } else {
      index = tWb.addSheet(name, target.freshName(`${wbDir}worksheets/`, 'sheet', '.xml'), sheetXml);
    }
    // The sheet's own print titles come along, pointing at its new place.
    for (const d of sDefined) {
      if (d.localSheetId !== sIndex) continue;
      const attrs: Record<string, string> = {};
      for (let i = 0; i < d.element.attributes.length; i++) {
        const a = d.element.attributes.item(i);
        if (a) attrs[a.nodeName] = a.value;
      }
      tWb.addDefinedName({ ...attrs, localSheetId: String(index) }, d.text);
    }
  }
  // Formula positions may have moved with the replaced sheets: Excel rebuilds the chain.
  tWb.dropCalcChain();
}
