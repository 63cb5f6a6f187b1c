import { FONTS, LATIN_FONT } from './gbt9704.js';

const xmlAttr = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

/**
 * word/fontTable.xml naming every font the document uses, each with its alternate name, the
 * GB2312 character set and its family: what Word, WPS and LibreOffice consult to substitute a
 * font the computer lacks (仿宋_GB2312 → 仿宋 on current Windows). The `docx` library writes a
 * font table only for embedded fonts, so this part is written here and handed to its Packer as
 * an override (its documented way to supply a part).
 */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}"><w:altName w:val="${xmlAttr(f.alt)}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  );
  const latin =
    `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
    `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    [...new Set(fonts)].join('') +
    latin +
    '</w:fonts>'
  );
}
