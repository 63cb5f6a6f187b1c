import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKpd } from '../helpers/cli.js';
import { attr, docxMedia, docxParts, isA4, mmOf, paragraphsOf, pdfPages, squeeze } from '../helpers/docx.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, pdfText } from '../helpers/libreoffice.js';
import { REPO } from '../helpers/merge-world.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * `kpd merge … --doc 通报.docx` on the example county (第21期): the 公文's layout read back from
 * its XML against GB/T 9704-2012, the package against the ECMA-376 schemas, and the document as
 * LibreOffice prints it.
 */
const tmp = useTempDir('kpd-doc-');
let dir: string;
let bytes: Uint8Array;
let parts: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmp(), 'd-'));
  const r = await runKpd(
    [
      'merge',
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
      '--out',
      join(dir, '通报.xlsx'),
      '--doc',
      join(dir, '通报.docx'),
    ],
    REPO,
  );
  if (r.code !== 0) throw new Error(r.err);
  bytes = await readFile(join(dir, '通报.docx'));
  parts = docxParts(bytes);
}, 60_000);

describe('kpd merge --doc', () => {
  it('lays out an A4 page with the standard 版心 (天头 37, 订口 28, 156 × 225 mm)', () => {
    const doc = parts['word/document.xml'] ?? '';
    expect([mmOf(attr(doc, 'w:pgSz', 'w:w')), mmOf(attr(doc, 'w:pgSz', 'w:h'))]).toEqual([210, 297]);
    const m = (k: string): number => mmOf(attr(doc, 'w:pgMar', `w:${k}`));
    expect([m('top'), m('left'), m('bottom'), m('right')]).toEqual([37, 28, 35, 26]);
    expect(Math.round(210 - m('left') - m('right'))).toBe(156);
    expect(Math.round(297 - m('top') - m('bottom'))).toBe(225);
  });

  it('sets body text in 3号仿宋 at 22 lines a page and 28 characters a line', () => {
    const styles = parts['word/styles.xml'] ?? '';
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/u.exec(styles)?.[0] ?? '';
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    const para = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/u.exec(defaults)?.[0] ?? '';
    const pitch = Number(attr(para, 'w:spacing', 'w:line'));
    expect(attr(para, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(Math.floor(((225 / 25.4) * 1440) / pitch)).toBe(22);
    // Each character 16 pt less the run spacing: 28 of them fill, and 29 would not fit, 156 mm.
    const spacing = Number(/<w:rPrDefault>[\s\S]*?<w:spacing w:val="(-?\d+)"/u.exec(styles)?.[1]);
    const width = (156 / 25.4) * 1440;
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(width);
    expect(29 * (320 + spacing)).toBeGreaterThan(width);
  });

  it('has the 版头: red 发文机关标志, 期数, 编印单位 and date over a red line', () => {
    const ps = paragraphsOf(parts['word/document.xml'] ?? '');
    const [name, issue, office] = ps;
    expect(name?.text).toBe('重点项目情况通报');
    expect(attr(name?.runs[0]?.rPr ?? '', 'w:color', 'w:val')).toBe('FF0000');
    expect(attr(name?.runs[0]?.rPr ?? '', 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(issue?.text).toBe('第21期');
    expect(office?.text).toBe('发展改革局重点项目办公室2026年11月13日');
    expect(attr(office?.pPr ?? '', 'w:bottom', 'w:color')).toBe('FF0000');
    // 标题 in 2号小标宋 (22 pt), broken where its sense allows; 主送 after it.
    const title = ps[3];
    expect(title?.text).toBe('关于2026年11月上半月重点项目建设进展情况的通报');
    expect(
      title?.runs.map((r) => [attr(r.rPr, 'w:rFonts', 'w:eastAsia'), attr(r.rPr, 'w:sz', 'w:val')]),
    ).toEqual([
      ['方正小标宋简体', '44'],
      ['方正小标宋简体', '44'],
    ]);
    expect(ps[4]?.text).toBe('报：纪工委、工委（综合）办公室');
  });

  it('sets headings in 黑体 and 楷体, body in 仿宋, each paragraph indented two characters', () => {
    const ps = paragraphsOf(parts['word/document.xml'] ?? '');
    const h1 = ps.find((p) => p.text === '一、报送情况');
    expect(attr(h1?.runs[0]?.rPr ?? '', 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(h1?.runs[0]?.rPr ?? '', 'w:sz', 'w:val')).toBe('32');
    const lead = ps.find((p) => p.text.startsWith('（一）高端装备产业园指挥部'));
    expect(attr(lead?.runs[0]?.rPr ?? '', 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(attr(lead?.runs[1]?.rPr ?? '', 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(lead?.pPr ?? '', 'w:ind', 'w:firstLineChars')).toBe('200');
  });

  it('numbers pages "— 1 —" in 4号宋体: right on odd pages, left on even ones', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const doc = parts['word/document.xml'] ?? '';
    const rels = parts['word/_rels/document.xml.rels'] ?? '';
    const footer = (type: string): string => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`, 'u').exec(doc)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1];
      return parts[`word/${target}`] ?? '';
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const f = footer(type);
      expect(f).toMatch(
        /<w:t xml:space="preserve">— <\/w:t><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGE<\/w:instrText>/u,
      );
      expect(f).toContain('<w:t xml:space="preserve"> —</w:t>');
      expect(attr(f, 'w:jc', 'w:val')).toBe(side);
      expect(attr(f, 'w:ind', `w:${side}`)).toBe('280');
      expect(attr(f, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(f, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('names each font with its fallback in the font table', () => {
    const fonts = parts['word/fontTable.xml'] ?? '';
    for (const [name, alt] of [
      ['方正小标宋简体', '宋体'],
      ['仿宋_GB2312', '仿宋'],
      ['黑体', 'SimHei'],
      ['楷体_GB2312', '楷体'],
      ['宋体', 'SimSun'],
    ])
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`);
  });

  it('ends with the 版记: 抄送 and 印发 between thick and thin rules', () => {
    const doc = parts['word/document.xml'] ?? '';
    const last = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?抄送[\s\S]*?<\/w:tbl>/u.exec(doc)?.[0] ?? '';
    expect(last).toContain('抄送：各项目指挥部，区（县）直各责任单位。');
    expect(last).toContain('2026年11月13日印发');
    expect(
      [...last.matchAll(/<w:(top|bottom) w:val="single" w:color="000000" w:sz="(\d)"/gu)].map(
        (m) => `${m[1]}${m[2]}`,
      ),
    ).toEqual(['top8', 'bottom6', 'top6', 'bottom8']);
    expect(attr(last, 'w:tblpPr', 'w:tblpYSpec')).toBe('bottom');
  });

  it('draws its two charts as pictures', () => {
    const media = Object.values(docxMedia(bytes));
    expect(media).toHaveLength(2);
    for (const png of media) expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect((parts['word/document.xml'] ?? '').match(/<pic:pic\b/gu)).toHaveLength(2);
  });

  const ooxml = requireTool(...OOXML_TOOLS);
  ooxml.it(
    'conforms to the ECMA-376 WordprocessingML and DrawingML schemas',
    async () => {
      const r = await checkOoxml([join(dir, '通报.docx')]);
      expect(r.status, r.output).toBe(0);
      // document, styles, settings, fonts, numbering, footers …: WordprocessingML parts were checked.
      expect(Number(/(\d+) parts checked/u.exec(r.output)?.[1])).toBeGreaterThanOrEqual(8);
    },
    OOXML_TIMEOUT_MS,
  );

  const lo = requireTool('soffice', 'pdftotext', 'pdfinfo');
  lo.it(
    'prints on A4 in LibreOffice with its title, 期数, every HQ and the figures',
    async () => {
      await writeFile(join(dir, 'copy.docx'), bytes);
      convertWithLibreOffice([join(dir, 'copy.docx')], 'pdf', dir);
      const pdf = join(dir, 'copy.pdf');
      const { pages, sizes } = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(sizes.every(isA4), sizes.join(', ')).toBe(true);
      const text = squeeze(pdfText(pdf));
      for (const s of [
        '重点项目情况通报',
        '第21期',
        '关于2026年11月上半月重点项目建设进展情况的通报',
        '报：纪工委、工委（综合）办公室',
        '419817.02万元',
        '82.8%',
        '低于序时进度4.7个百分点',
        '须在周例会上说明原因',
        '2026年11月13日印发',
        '—1—',
        `—${pages}—`,
        '表1各指挥部投资完成情况',
        '图2各指挥部项目进度状态',
      ])
        expect(text, s).toContain(s);
      for (const hq of [
        '高端装备产业园指挥部',
        '文旅康养小镇指挥部',
        '城区棚户区改造指挥部',
        '现代物流园指挥部',
        '新能源汽车零部件指挥部',
        '水系连通工程指挥部',
        '农产品加工园指挥部',
        '智慧城市建设指挥部',
      ])
        expect(text, hq).toContain(hq);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it('refuses a --doc that is not a .docx, or is an input, with no document written (exit 2)', async () => {
    const args = [
      'merge',
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
    ];
    const wrong = await runKpd([...args, '--out', join(dir, 'b.xlsx'), '--doc', join(dir, 'b.pdf')], REPO);
    expect([wrong.code, wrong.err.split('\n')[0]]).toEqual([
      2,
      `公文文件「${join(dir, 'b.pdf')}」应以 .docx 结尾（写出的是 Word 文档），如 通报.docx。`,
    ]);
    const same = await runKpd([...args, '--out', join(dir, 'c.xlsx'), '--doc', join(dir, 'c.xlsx')], REPO);
    expect(same.code).toBe(2);
    const en = await runKpd([...args, '--out', join(dir, 'b.xlsx'), '--doc', 'x.txt', '--lang', 'en'], REPO);
    expect(en.err).toMatch(/^The document "x\.txt" must end in \.docx/u);
  });
});
