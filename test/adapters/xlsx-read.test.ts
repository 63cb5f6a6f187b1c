import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NO_CACHED_VALUE, type Cell } from '../../src/core/values/grid.js';
import {
  isDateFormatCode,
  readXlsx,
  unzipFloor,
  UnusableFileError,
  type ReadXlsxOptions,
} from '../../src/adapters/xlsx-read.js';
import {
  buildZip,
  concat,
  gbk,
  oneSheet,
  sheetXml,
  sstXml,
  stylesXml,
  u8,
  xlsxPackage,
  zerosDeflate,
} from './helpers.js';

const codeOf = (bytes: Uint8Array, options?: ReadXlsxOptions): string => {
  try {
    readXlsx(bytes, options);
  } catch (e) {
    if (e instanceof UnusableFileError) return e.code;
    throw e;
  }
  return 'ok';
};

const rowsOf = (bytes: Uint8Array, sheet = 0): readonly (readonly Cell[])[] =>
  readXlsx(bytes).workbook.sheets[sheet]!.rows;

const toBytes = async (wb: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await wb.xlsx.writeBuffer());

/** Excel serial (1900 system) of a UTC date. */
const serial = (y: number, m: number, d: number, h = 0, mi = 0) =>
  (Date.UTC(y, m - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('readXlsx: workbooks written by exceljs', () => {
  it('reads a 60-row Chinese sheet: shared strings, numbers, dates, booleans', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进展表');
    ws.addRow(['序号', '项目名称', '总投资（万元）', '开工日期', '是否开工']);
    const expected: Cell[][] = [['序号', '项目名称', '总投资（万元）', '开工日期', '是否开工']];
    for (let r = 1; r < 60; r++) {
      const name = `第${r}号重点项目：县城道路改造工程（二期）`;
      ws.addRow([r, name, r * 1234.5, new Date(Date.UTC(2026, r % 12, 1 + (r % 27))), r % 2 === 0]);
      expected.push([
        r,
        name,
        r * 1234.5,
        { kind: 'date', serial: serial(2026, (r % 12) + 1, 1 + (r % 27)) },
        r % 2 === 0,
      ]);
    }
    ws.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
    const bytes = await toBytes(wb);
    // a Buffer, or a view at an odd offset into a larger buffer, reads the same
    const shifted = Buffer.concat([Buffer.alloc(7), Buffer.from(bytes)]).subarray(7);
    expect(readXlsx(shifted).workbook).toEqual(readXlsx(bytes).workbook);
    const { workbook, flags } = readXlsx(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['进展表']);
    expect(workbook.sheets[0]!.rows).toEqual(expected);
    expect(flags).toMatchObject({
      macros: false,
      externalLinks: false,
      date1904: false,
      truncated: [],
      sheetNames: ['进展表'],
    });
  });

  it('rich text, errors, formulas (cached value only), hidden sheets, defined names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = { richText: [{ text: '加粗', font: { bold: true } }, { text: '普通' }] };
    ws.getCell('A2').value = { error: '#N/A' };
    ws.getCell('A3').value = { formula: 'B3*2', result: 42 };
    ws.getCell('A4').value = { formula: 'B4*2' }; // no cached value
    ws.getCell('A5').value = { formula: 'CONCATENATE("a","b")', result: 'ab' };
    ws.getCell('A6').value = { formula: 'B6>0', result: true };
    ws.getCell('B3').value = 21;
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '看不见';
    wb.addWorksheet('深藏', { state: 'veryHidden' }).getCell('A1').value = 'x';
    wb.definedNames.add("'数据'!$B$3", 'KPD_TEMPLATE');
    const { workbook, flags } = readXlsx(await toBytes(wb));
    const rows = workbook.sheets[0]!.rows;
    expect(rows[0]).toEqual(['加粗普通']);
    expect(rows[1]).toEqual([{ kind: 'error', code: '#N/A' }]);
    expect(rows[2]).toEqual([42, 21]);
    // A formula with no cached value is marked, never taken for an empty cell.
    expect(rows[3]).toEqual([{ kind: 'error', code: NO_CACHED_VALUE }]);
    expect(rows[4]).toEqual(['ab']);
    expect(rows[5]).toEqual([true]);
    expect(workbook.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['数据', false],
      ['隐藏', true],
      ['深藏', true],
    ]);
    expect(workbook.definedNames?.get('KPD_TEMPLATE')).toBe("'数据'!$B$3");
    expect(flags.sheetNames).toEqual(['数据', '隐藏', '深藏']);
  });

  it('1904 workbooks: serials are converted to the 1900 system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 10, 15));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const { workbook, flags } = readXlsx(await toBytes(wb));
    expect(flags.date1904).toBe(true);
    expect(workbook.sheets[0]!.rows[0]).toEqual([{ kind: 'date', serial: serial(2026, 11, 15) }]);
  });

  it('the sheets option parses only some sheets but lists all names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 1;
    wb.addWorksheet('B').getCell('A1').value = 2;
    const { workbook, flags } = readXlsx(await toBytes(wb), { sheets: (n) => n === 'B' });
    expect(workbook.sheets.map((s) => [s.name, s.rows])).toEqual([['B', [[2]]]]);
    expect(flags.sheetNames).toEqual(['A', 'B']);
  });
});

describe('readXlsx: cell encodings written by other programs and scripts', () => {
  it('inline strings, including rich runs and phonetic guides', () => {
    const rows = rowsOf(
      oneSheet(
        '<row r="1">' +
          '<c r="A1" t="inlineStr"><is><t>你好</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>重点</t></r><r><t xml:space="preserve"> 项目 </t></r></is></c>' +
          '<c r="C1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>' +
          '<c r="D1" t="inlineStr"><is><t/></is></c>' +
          '</row>',
      ),
    );
    expect(rows).toEqual([['你好', '重点 项目 ', '漢字', '']]);
  });

  it('a formula saved without a calculated value is not an empty cell', () => {
    const rows = rowsOf(
      oneSheet(
        '<row r="1">' +
          '<c r="A1"><f>SUM(B1:C1)</f></c>' +
          '<c r="B1"><f t="shared" si="0"/></c>' +
          '<c r="C1"><f>1+1</f><v>2</v></c>' +
          '<c r="D1" t="str"><f>""</f><v></v></c>' +
          '</row>',
      ),
    );
    const none = { kind: 'error', code: NO_CACHED_VALUE };
    expect(rows).toEqual([[none, none, 2, '']]); // an empty cached string stays what it was
  });

  it('plain inline strings (the fast path) and the shapes that must leave it', () => {
    const rows = rowsOf(
      oneSheet(
        '<row r="1">' +
          '<c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; _x0041_</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><t xml:space="preserve">  两端  </t></is></c>' +
          '<c r="C1" t="inlineStr"><is><t>前</t><t>后</t></is></c>' +
          '<c r="D1" t="inlineStr"><is><t>注<!-- 批注 -->释</t></is></c>' +
          '<c r="E1" t="inlineStr"><is><t><![CDATA[<原样>]]></t></is></c>' +
          '<c r="F1" t="inlineStr"><is><t></t></is></c>' +
          '<c r="G1" t="inlineStr"><is><t>=1+1</t></is></c>' +
          '</row>',
      ),
    );
    expect(rows).toEqual([['a & b <c> A', '  两端  ', '前后', '注释', '<原样>', '', '=1+1']]);
  });

  it('shared strings: rich runs, phonetics, whitespace, entities, _xHHHH_ escapes, CDATA', () => {
    const sst = sstXml([
      '<si><t>普通</t></si>',
      '<si><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t xml:space="preserve">  两端空格  </t></si>',
      '<si><t>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &apos;s&apos; &#x4E2D;&#25991; &unknown;</t></si>',
      '<si><t>第一行_x000D_\n第二行 _x005F_x000D_ _x0041_</t></si>',
      '<si><t><![CDATA[<原样> & 保留]]></t></si>',
      '<si/>',
    ]);
    const cells = Array.from(
      { length: 8 },
      (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`,
    );
    const rows = rowsOf(oneSheet(`<row r="1">${cells.join('')}</row>`, { sst }));
    expect(rows[0]).toEqual([
      '普通',
      '富文本',
      '東京',
      '  两端空格  ',
      'a < b && c > d "q" \'s\' 中文 &unknown;',
      '第一行\r\n第二行 _x000D_ A',
      '<原样> & 保留',
      '',
    ]);
  });

  it('booleans, errors, formula strings, ISO dates, numbers; formulas are ignored', () => {
    const rows = rowsOf(
      oneSheet(
        '<row r="1">' +
          '<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>' +
          '<c r="C1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="D1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c>' +
          '<c r="E1" t="d"><v>2026-11-15T08:30:00</v></c>' +
          '<c r="F1" t="n"><v>-12.5</v></c>' +
          '<c r="G1"><v>1.2345678901234567E-3</v></c>' +
          '<c r="H1"><f>SUM(A2:A9)</f></c>' +
          '<c r="I1" t="str"><f>B1</f></c>' +
          '<c r="J1"><f>1/0</f><v>7</v></c>' +
          '</row>',
      ),
    );
    expect(rows[0]).toEqual([
      true,
      false,
      { kind: 'error', code: '#DIV/0!' },
      'TRUEx',
      { kind: 'date', serial: serial(2026, 11, 15, 8, 30) },
      -12.5,
      1.2345678901234567e-3,
      { kind: 'error', code: NO_CACHED_VALUE },
      { kind: 'error', code: NO_CACHED_VALUE },
      7,
    ]);
  });

  it('dates by built-in and custom formats (CJK included), not by general or number formats', () => {
    const styles = stylesXml([0, 14, 31, 57, 22, 164, 165, 166, 167, 168, 169, 4, 170], {
      164: 'yyyy"年"m"月"d"日"',
      165: '[$-804]yyyy"年"m"月"',
      166: '[h]:mm:ss',
      167: '0.00"天"',
      168: '[Red]#,##0;[Blue]-#,##0',
      169: 'm/d/yy h:mm AM/PM',
      170: '"y"0"m"\\d',
    });
    const cells = Array.from(
      { length: 13 },
      (_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>46341.5</v></c>`,
    );
    const rows = rowsOf(oneSheet(`<row r="1">${cells.join('')}</row>`, { styles }));
    const d = { kind: 'date', serial: 46341.5 };
    expect(rows[0]).toEqual([46341.5, d, d, d, d, d, d, d, 46341.5, 46341.5, d, 46341.5, 46341.5]);
  });

  it('isDateFormatCode', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      '[$-F800]dddd, mmmm dd, yyyy',
      'h:mm',
      '[mm]:ss',
      'e"年"m"月"',
      'mm-dd',
    ]) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of [
      'General',
      '0.00',
      '#,##0',
      '0.00E+00',
      '"ymd"0',
      '\\y0',
      '[Red]0;[Blue]-0',
      '0_m',
      '@',
      '0%',
    ]) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
  });

  it('cells and rows without r attributes are placed in order', () => {
    const rows = rowsOf(
      oneSheet(
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
          '<row><c><v>10</v></c></row>' +
          '<row r="5"><c><v>50</v></c><c r="C5"><v>52</v></c></row>' +
          '<row><c r="B6"><v>61</v></c></row>',
      ),
    );
    expect(rows).toEqual([['a', 2, null, null, 5, 6], [10], [], [], [50, null, 52], [null, 61]]);
  });

  it('out-of-order and duplicate cells; styled empty cells do not extend rows', () => {
    const rows = rowsOf(
      oneSheet(
        '<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c><c r="A2"><v>9</v></c><c r="Z2" s="3"/></row><row r="9" s="2"/>',
      ),
    );
    expect(rows).toEqual([[], [9, null, 3]]);
  });

  it('namespace prefixes, absolute targets and a prefixed sheet part', () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const bytes = xlsxPackage({ sheets: [{ name: 'P', xml }], targetPrefix: '/xl/' });
    expect(rowsOf(bytes)).toEqual([['前缀', 7]]);
  });

  it('UTF-16 parts (by BOM) and GBK-declared parts from old scripts', () => {
    const utf16 = (text: string) => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        out[2 + i * 2] = text.charCodeAt(i) & 0xff;
        out[3 + i * 2] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    const gbkSheet = concat(
      '<?xml version="1.0" encoding="GB2312"?>',
      gbk(
        sheetXml(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>城关镇</t></is></c><c r="B1" t="s"><v>0</v></c></row>',
        ).replace(/^<\?xml[^>]*>/, ''),
      ),
    );
    const bytes = xlsxPackage({
      sheets: [
        { name: 'G', xml: '' },
        { name: 'U', xml: '' },
      ],
      sst: '',
      extra: {
        'xl/worksheets/sheet1.xml': gbkSheet,
        'xl/worksheets/sheet2.xml': utf16(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>十六位</t></is></c></row>'),
        ),
        'xl/sharedStrings.xml': utf16(sstXml(['<si><t>共享</t></si>'])),
      },
    });
    expect(readXlsx(bytes).workbook.sheets.map((s) => s.rows)).toEqual([[['城关镇', '共享']], [['十六位']]]);
  });

  it('ignores a huge <dimension> claim', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dimension ref="A1:XFD1048576"/>');
    const t0 = performance.now();
    expect(rowsOf(xlsxPackage({ sheets: [{ name: 'S', xml }] }))).toEqual([[1]]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('enforces maxRows and maxCols, recording what was dropped', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>' +
        '<row r="3"><c r="C3"><v>3</v></c></row>' +
        '<row r="1048576"><c r="A1048576"><v>4</v></c></row>',
    );
    const t0 = performance.now();
    const { workbook, flags } = readXlsx(bytes, { maxRows: 2, maxCols: 2 });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(workbook.sheets[0]!.rows).toEqual([[1]]);
    expect(flags.truncated.map((t) => [t.sheet, t.kind])).toEqual([
      ['Sheet1', 'rows'],
      ['Sheet1', 'cols'],
    ]);
    expect(flags.truncated[0]!.limit).toBe(2);
    // defaults: 100,000 rows and 256 columns; a lone cell at row 1,048,576 allocates nothing
    const d = readXlsx(bytes);
    expect(d.workbook.sheets[0]!.rows).toEqual([[1], [], [null, null, 3]]);
    expect(d.flags.truncated.map((t) => t.kind)).toEqual(['rows', 'cols']);
  });

  it('__proto__ and friends are plain text everywhere', () => {
    const bytes = xlsxPackage({
      sheets: [
        {
          name: '__proto__',
          xml: sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>__proto__</t></is></c><c r="B1" t="s"><v>0</v></c></row>',
          ),
        },
        { name: 'constructor', xml: sheetXml('') },
      ],
      sst: sstXml(['<si><t>constructor</t></si>']),
      definedNames:
        '<definedName name="__proto__">1</definedName><definedName name="toString">2</definedName>',
    });
    const { workbook, flags } = readXlsx(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    expect(workbook.sheets[0]!.rows).toEqual([['__proto__', 'constructor']]);
    expect(workbook.definedNames?.get('__proto__')).toBe('1');
    expect(workbook.definedNames?.get('toString')).toBe('2');
    expect(flags.sheetNames).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('only workbook-level defined names, text content decoded', () => {
    const bytes = oneSheet('', {
      definedNames:
        '<definedName name="KPD_TEMPLATE">"kpd.report@1"</definedName>' +
        '<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$B$2</definedName>' +
        '<definedName name="区域">\'进展 &amp; 计划\'!$A$1</definedName>',
    });
    expect([...readXlsx(bytes).workbook.definedNames!]).toEqual([
      ['KPD_TEMPLATE', '"kpd.report@1"'],
      ['区域', "'进展 & 计划'!$A$1"],
    ]);
  });

  it('flags: macros, external links, application', () => {
    const plain = readXlsx(oneSheet('', { app: 'WPS 表格' })).flags;
    expect(plain).toMatchObject({ macros: false, externalLinks: false, application: 'WPS 表格' });
    expect(readXlsx(oneSheet('')).flags.application).toBeUndefined();
    const vba = oneSheet('', { extra: { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) } });
    expect(readXlsx(vba).flags.macros).toBe(true);
    // Macros are judged by macro parts, never by a content type: an .xlsm saved without any VBA,
    // and every file SheetJS writes (a macro-enabled Default for .bin), hold no macros.
    const ct =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>';
    expect(readXlsx(oneSheet('', { contentTypes: ct })).flags.macros).toBe(false);
    const vbaRel = oneSheet('', {
      extra: { 'xl/macros/project.bin': new Uint8Array([1]) },
      extraRels: [['vbaProject', 'macros/project.bin']],
    });
    expect(readXlsx(vbaRel).flags.macros).toBe(true);
    const ext = oneSheet('', {
      extra: { 'xl/externalLinks/externalLink1.xml': '<externalLink/>' },
      extraRels: [['externalLink', 'externalLinks/externalLink1.xml']],
    });
    expect(readXlsx(ext).flags.externalLinks).toBe(true);
    const relOnly = oneSheet('', { extraRels: [['externalLink', 'elsewhere.xml']] });
    expect(readXlsx(relOnly).flags.externalLinks).toBe(true);
  });

  it('unzipFloor unzips the sheets and shared strings only', () => {
    const bytes = oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      sst: sstXml(['<si><t>x</t></si>']),
    });
    const sheetLen = u8(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')).length;
    expect(unzipFloor(bytes)).toBe(sheetLen + u8(sstXml(['<si><t>x</t></si>'])).length);
  });
});

describe('readXlsx: files that cannot be used', () => {
  const ole = (streams: string[]): Uint8Array => {
    const bytes = new Uint8Array(512 + 512 * 2);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    streams.forEach((name, i) => {
      const at = 512 + 128 * i;
      for (let k = 0; k < name.length; k++) bytes[at + k * 2] = name.charCodeAt(k);
      bytes[at + 64] = (name.length + 1) * 2;
      bytes[at + 66] = 2;
    });
    return bytes;
  };

  it('OLE files: encrypted workbooks and old .xls', () => {
    expect(codeOf(ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe('file.encrypted');
    expect(codeOf(ole(['Root Entry', 'Workbook', 'SummaryInformation']))).toBe('file.xls');
  });

  it('not a zip, or a zip that is not a workbook', () => {
    expect(codeOf(u8('序号,项目名称\n1,道路\n'))).toBe('file.notZip');
    expect(codeOf(new Uint8Array(0))).toBe('file.notZip');
    expect(codeOf(buildZip([{ name: 'word/document.xml', data: u8('<w:document/>') }]))).toBe(
      'file.notWorkbook',
    );
    expect(codeOf(buildZip([{ name: 'xl/workbook.bin', data: u8('binary') }]))).toBe('file.notWorkbook');
    const docxAsWorkbook = oneSheet('', { extra: { 'xl/workbook.xml': '<w:document xmlns:w="x"/>' } });
    expect(codeOf(docxAsWorkbook)).toBe('file.notWorkbook');
  });

  it('DOCTYPE and ENTITY declarations anywhere are refused, billion laughs included', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const sheet =
      laughs +
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>').replace(
        /^<\?xml[^>]*>/,
        '',
      );
    expect(codeOf(xlsxPackage({ sheets: [{ name: 'S', xml: sheet }] }))).toBe('file.doctype');
    const inData = sheetXml('<row r="1"><!DOCTYPE x><c r="A1"><v>1</v></c></row>');
    expect(codeOf(xlsxPackage({ sheets: [{ name: 'S', xml: inData }] }))).toBe('file.doctype');
    const atEnd = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace(
      '</worksheet>',
      '<!entity x "y"></worksheet>',
    );
    expect(codeOf(xlsxPackage({ sheets: [{ name: 'S', xml: atEnd }] }))).toBe('file.doctype');
    expect(codeOf(oneSheet('', { sst: laughs + sstXml([]).replace(/^<\?xml[^>]*>/, '') }))).toBe(
      'file.doctype',
    );
    expect(
      codeOf(oneSheet('', { styles: '<!DOCTYPE s SYSTEM "http://example.invalid/x.dtd"><styleSheet/>' })),
    ).toBe('file.doctype');
    const wb = oneSheet('', {
      extra: {
        'xl/workbook.xml':
          '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook><sheets/></workbook>',
      },
    });
    expect(codeOf(wb)).toBe('file.doctype');
  });

  it('pathological but legal-sized inputs finish quickly (no quadratic scans)', () => {
    const amps = '&'.repeat(900_000) + ';';
    const bytes = oneSheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${'&amp'.repeat(200_000)}</t></is></c></row>` +
        Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}" s="1"/></row>`).join(
          '',
        ),
      { sst: sstXml([`<si><t>${amps}</t></si>`]) },
    );
    const t0 = performance.now();
    const rows = readXlsx(bytes).workbook.sheets[0]!.rows;
    // generous: a quadratic scan here would take minutes; a cold JIT takes about a second
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(rows[0]![0]).toBe(amps);
    expect((rows[0]![1] as string).length).toBe(800_000);
    expect(rows).toHaveLength(1);
  }, 30_000);

  it('a zip bomb in a sheet is refused quickly', () => {
    const base = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(codeOf(base)).toBe('ok');
    // The sheet replaced by 120 MB of zeros that claims to be 2 KB...
    const sheetData = zerosDeflate(120 * 1024 * 1024);
    const t0 = performance.now();
    expect(codeOf(withLyingSheet(base, sheetData, 2048))).toBe('file.zipBomb');
    expect(performance.now() - t0).toBeLessThan(3000);
    // ...and one that admits its size is refused before inflating.
    expect(codeOf(withLyingSheet(base, sheetData, 120 * 1024 * 1024))).toBe('file.zipBomb');
  }, 30_000);

  it('structural damage is file.corrupt', () => {
    expect(codeOf(oneSheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', { sst: sstXml([]) }))).toBe(
      'file.corrupt',
    );
    expect(codeOf(oneSheet('<row r="1"><c r="A1" t="s"><v>x</v></c></row>'))).toBe('file.corrupt');
    expect(codeOf(oneSheet('<row r="1"><c r="A1"><v>1</v>'))).toBe('file.corrupt');
    expect(codeOf(oneSheet('', { omit: ['xl/worksheets/sheet1.xml'] }))).toBe('file.corrupt');
    const dup = buildZip([
      { name: 'xl/workbook.xml', data: u8('<workbook/>') },
      { name: 'XL/Workbook.xml', data: u8('<workbook/>') },
    ]);
    expect(codeOf(dup)).toBe('file.corrupt');
    const good = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(codeOf(good.subarray(0, good.length - 40))).toBe('file.corrupt');
  });

  it('never throws anything but UnusableFileError, and never hangs, on mutated workbooks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进展');
    for (let r = 0; r < 20; r++) ws.addRow([r, `项目${r}`, new Date(Date.UTC(2026, 0, r + 1)), r % 2 === 0]);
    const good = await toBytes(wb);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(good.length - 1), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const bytes = good.slice();
          for (const { at, value } of edits) bytes[at] = value;
          const t0 = performance.now();
          try {
            readXlsx(bytes);
          } catch (e) {
            if (!(e instanceof UnusableFileError)) throw e;
            // readXlsx wraps stray exceptions as file.corrupt; none should happen
            expect(e.detail).not.toMatch(/^unexpected failure/);
          }
          expect(performance.now() - t0).toBeLessThan(2000);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('never throws anything but UnusableFileError on mutated sheet XML', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>富</t></r></is></c><c r="C1" s="1"><v>46000</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><f>A1</f><v>x&amp;y</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="d"><v>2026-01-01</v></c></row>',
    );
    fc.assert(
      fc.property(
        fc.nat(xml.length - 1),
        fc.nat(xml.length),
        fc.string({ maxLength: 8 }),
        (at, len, insert) => {
          const mutated = xml.slice(0, at) + insert + xml.slice(Math.min(xml.length, at + (len % 12)));
          const bytes = xlsxPackage({
            sheets: [{ name: 'S', xml: mutated }],
            sst: sstXml(['<si><t>a</t></si>']),
            styles: stylesXml([0, 14]),
          });
          try {
            readXlsx(bytes);
          } catch (e) {
            if (!(e instanceof UnusableFileError)) throw e;
            expect(e.detail).not.toMatch(/^unexpected failure/);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 30_000);

  it('never throws anything but UnusableFileError on mutated package parts', () => {
    const good = xlsxPackage({
      sheets: [
        {
          name: 'S',
          xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1</v></c></row>'),
        },
      ],
      sst: sstXml(['<si><r><t>富</t></r><r><t xml:space="preserve"> x</t></r><rPh><t>y</t></rPh></si>']),
      styles: stylesXml([0, 14], { 164: 'yyyy"年"' }),
      definedNames: '<definedName name="N">"v"</definedName>',
      app: 'WPS 表格',
    });
    const parts = unzipSync(good);
    const names = [
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '_rels/.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(2000),
        fc.nat(12),
        fc.string({ maxLength: 8 }),
        (name, at0, del, ins) => {
          const xml = new TextDecoder().decode(parts[name]!);
          const at = at0 % xml.length;
          const files = { ...parts, [name]: u8(xml.slice(0, at) + ins + xml.slice(at + del)) };
          const bytes = buildZip(Object.entries(files).map(([n, data]) => ({ name: n, data })));
          try {
            const { flags } = readXlsx(bytes);
            void flags.application;
          } catch (e) {
            if (!(e instanceof UnusableFileError)) throw e;
            expect(e.detail).not.toMatch(/^unexpected failure/);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 30_000);
});

/** Rebuild a package with its sheet replaced by raw deflate data that declares `declaredSize`. */
function withLyingSheet(pkg: Uint8Array, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const files = unzipSync(pkg);
  delete files['xl/worksheets/sheet1.xml'];
  return buildZip([
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
    { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(0), compressed: deflated, declaredSize },
  ]);
}
