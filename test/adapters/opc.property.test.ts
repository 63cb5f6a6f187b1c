import fc from 'fast-check';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { OpcPackage } from '../../src/adapters/opc/package.js';
import { parseXml, serializeXml, type Element } from '../../src/adapters/opc/xml.js';
import { transplantSheets } from '../../src/adapters/xlsx-fill/transplant.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { parseWorkbook } from '../../src/adapters/xlsx-read/package.js';
import { UNIT_RANKING } from '../../src/core/schema/results.js';

/**
 * The small parts of a package edited as XML, under every way a producer may write them: the
 * SpreadsheetML namespace under any prefix (or none), the relationships namespace declared on
 * the root or on each <sheet>, attributes in any order, texts and names as characters or as
 * character references (&#26399; &#x671F; &apos;), empty elements self-closed or not. After a
 * sheet is added, every part is namespace-well-formed and says what it said before, plus the
 * sheet; a part parsed and written again is the same document.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

type Encoding = 'plain' | 'decimal' | 'hex' | 'mixed';

/** Text as a producer may store it in an attribute or element: always escaped, maybe as references. */
function encode(s: string, how: Encoding, seed: number): string {
  let k = seed;
  return [...s]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      k = (k * 1103515245 + 12345) & 0x7fffffff;
      const ref = how === 'decimal' || how === 'hex' || (how === 'mixed' && k % 2 === 0);
      if (ref)
        return how === 'hex' || (how === 'mixed' && k % 3 === 0) ? `&#x${code.toString(16)};` : `&#${code};`;
      switch (ch) {
        case '&':
          return '&amp;';
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '"':
          return '&quot;';
        case "'":
          return k % 2 === 0 ? '&apos;' : "'";
        case '\t':
        case '\n':
        case '\r':
          return `&#${code};`;
        default:
          return ch;
      }
    })
    .join('');
}

const nameChar = fc.constantFrom(
  '进',
  '展',
  '记',
  '录',
  'A',
  'b',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '表',
  '1',
  '_',
  '（',
);
const sheetName = fc
  .array(nameChar, { minLength: 1, maxLength: 8 })
  .map((a) => a.join('').trim())
  .filter((s) => s !== '' && s !== UNIT_RANKING.name);

const arb = fc.record({
  prefix: fc.constantFrom('', 'x', 'ss', 'main', 'x14x'),
  rPrefix: fc.constantFrom('r', 'rel', 'R'),
  rOnEachSheet: fc.boolean(),
  sheets: fc.uniqueArray(sheetName, { minLength: 1, maxLength: 4 }),
  names: fc.array(fc.tuple(fc.constantFrom('区域', 'Data_1', '名称'), fc.boolean()), { maxLength: 3 }),
  emptyNames: fc.constantFrom('absent', 'self-closed', 'open-close'),
  encoding: fc.constantFrom<Encoding>('plain', 'decimal', 'hex', 'mixed'),
  seed: fc.nat(),
  order: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  noStyles: fc.boolean(),
});
type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;

const q = (c: Case, local: string) => (c.prefix ? `${c.prefix}:${local}` : local);
const xmlnsMain = (c: Case) => (c.prefix ? `xmlns:${c.prefix}="${MAIN}"` : `xmlns="${MAIN}"`);

/** Attributes in the case's order. */
function attrs(c: Case, list: string[]): string {
  const keyed = list.map((a, i) => [c.order[i % c.order.length] ?? 0, i, a] as const);
  return keyed
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((x) => ` ${x[2]}`)
    .join('');
}

function workbookXml(c: Case): string {
  const rDecl = `xmlns:${c.rPrefix}="${REL}"`;
  const sheets = c.sheets
    .map(
      (name, i) =>
        `<${q(c, 'sheet')}${attrs(c, [
          `name="${encode(name, c.encoding, c.seed + i)}"`,
          `sheetId="${i + 1}"`,
          `${c.rPrefix}:id="rId${i + 1}"`,
          ...(c.rOnEachSheet ? [rDecl] : []),
        ])}/>`,
    )
    .join('');
  const defined = c.names
    .map(
      ([n, local], i) =>
        `<${q(c, 'definedName')} name="${n}${i}"${local ? ' localSheetId="0"' : ''}>${encode(`'${c.sheets[0] ?? ''}'!$A$1:$B$${i + 2}`, c.encoding, c.seed)}</${q(c, 'definedName')}>`,
    )
    .join('');
  const names =
    defined !== ''
      ? `<${q(c, 'definedNames')}>${defined}</${q(c, 'definedNames')}>`
      : c.emptyNames === 'self-closed'
        ? `<${q(c, 'definedNames')}/>`
        : c.emptyNames === 'open-close'
          ? `<${q(c, 'definedNames')}></${q(c, 'definedNames')}>`
          : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q(c, 'workbook')} ${xmlnsMain(c)}${c.rOnEachSheet ? '' : ` ${rDecl}`}>` +
    `<${q(c, 'workbookPr')}/><${q(c, 'sheets')}>${sheets}</${q(c, 'sheets')}>${names}<${q(c, 'calcPr')} calcId="0"/></${q(c, 'workbook')}>`
  );
}

function packageOf(c: Case): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides = c.sheets.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  const rels = c.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (!c.noStyles) {
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
    rels.push(`<Relationship Id="rId99" Type="${REL}/styles" Target="styles.xml"/>`);
    files['xl/styles.xml'] = strToU8(
      `<${q(c, 'styleSheet')} ${xmlnsMain(c)}><${q(c, 'fonts')} count="1"><${q(c, 'font')}/></${q(c, 'fonts')}>` +
        `<${q(c, 'fills')}/><${q(c, 'cellXfs')} count="1"><${q(c, 'xf')} numFmtId="0"/></${q(c, 'cellXfs')}></${q(c, 'styleSheet')}>`,
    );
  }
  files['[Content_Types].xml'] = strToU8(
    `<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(workbookXml(c));
  c.sheets.forEach((_, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<${q(c, 'worksheet')} ${xmlnsMain(c)}><${q(c, 'sheetData')}><${q(c, 'row')} r="1"><${q(c, 'c')} r="A1"><${q(c, 'v')}>${i}</${q(c, 'v')}></${q(c, 'c')}></${q(c, 'row')}></${q(c, 'sheetData')}></${q(c, 'worksheet')}>`,
    );
  });
  return zipSync(files);
}

/** A document as a comparable value: (namespace, local name), attributes (namespace, name, value), text. */
function canonical(el: Element): unknown {
  const attributes: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.namespaceURI !== 'http://www.w3.org/2000/xmlns/')
      attributes.push(`${a.namespaceURI ?? ''}|${a.localName}=${a.value}`);
  }
  const children: unknown[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) children.push(canonical(n as Element));
    else if (n.nodeType === 3 || n.nodeType === 4) children.push(n.nodeValue);
  }
  return [el.namespaceURI, el.localName, attributes.sort(), children];
}

let results: Uint8Array;
beforeAll(async () => {
  results = await writeTemplate({
    id: 'kpd.results',
    version: 1,
    fileName: 'results.xlsx',
    title: '结果',
    sheets: [{ ...UNIT_RANKING, blankRows: 1 }],
  });
}, 60_000);

describe('package parts edited as XML (property tests)', () => {
  it('a part parsed and written again is the same document, whatever its prefixes, order and references', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const text = workbookXml(c);
        const once = parseXml(text, 'wb');
        const again = parseXml(serializeXml(once), 'wb');
        expect(canonical(again.documentElement as Element)).toEqual(
          canonical(once.documentElement as Element),
        );
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('adding a sheet leaves every part namespace-well-formed, and saying what it said, plus the sheet', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const pkg = new OpcPackage(packageOf(c));
        transplantSheets(pkg, results, [UNIT_RANKING.name]);
        const parts = new Map(
          pkg.entries().map(([n, v]) => [n, v instanceof Uint8Array ? strFromU8(v) : ''] as const),
        );
        // Namespace-well-formed: a strict namespace-aware parse of every XML part succeeds.
        for (const [n, text] of parts) if (n.endsWith('.xml') || n.endsWith('.rels')) parseXml(text, n);
        const wbText = parts.get('xl/workbook.xml') ?? '';
        expect(wbText.match(/<(\w+:)?definedNames[\s/>]/gu)?.length ?? 0).toBeLessThanOrEqual(1);
        // Read back by the independent reader: the sheets and names it had, plus the new one.
        const wb = parseWorkbook(wbText, 'xl/workbook.xml');
        expect(wb.sheets.map((s) => s.name)).toEqual([...c.sheets, UNIT_RANKING.name]);
        c.names.forEach(([n, local], i) => {
          if (!local) expect(wb.definedNames.get(`${n}${i}`)).toBe(`'${c.sheets[0] ?? ''}'!$A$1:$B$${i + 2}`);
        });
        const read = readXlsx(zipSync(Object.fromEntries([...parts].map(([n, t]) => [n, strToU8(t)]))));
        expect(read.workbook.sheets.map((s) => s.name)).toEqual([...c.sheets, UNIT_RANKING.name]);
        expect(read.workbook.sheets.at(-1)?.rows.some((r) => r.includes('责任单位'))).toBe(true);
        c.sheets.forEach((_, i) => expect(read.workbook.sheets[i]?.rows[0]?.[0]).toBe(i));
      }),
      { numRuns: 120, seed: 11 },
    );
  });
});
