/**
 * GB/T 9704-2012《党政机关公文格式》as numbers: the page, the 版心, the grid of 22 lines × 28
 * characters, the fonts by their standard names and the 字号 in points. Every .docx we write is
 * laid out from these; tests read them back from the document XML.
 *
 * 5.2.1 天头 37 mm ± 1, 订口 28 mm ± 1, 版心 156 mm × 225 mm (so 地脚 35 mm, 翻口 26 mm on A4).
 * 5.2.2 如无特殊说明, 各要素一般用 3 号仿宋体字. 5.2.3 一般每面排 22 行, 每行排 28 个字.
 * 7.5 页码 4 号半角宋体阿拉伯数字, 左右各放一条一字线, 一字线上距版心下边缘 7 mm;
 *     单页码居右空一字, 双页码居左空一字.
 */

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);

export const PAGE = { widthMm: 210, heightMm: 297 } as const;
export const MARGIN_MM = { top: 37, left: 28, bottom: 35, right: 26 } as const;
const TEXT_BLOCK_MM = {
  width: PAGE.widthMm - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE.heightMm - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

/** 字号 → points. */
export const SIZE_PT = {
  小初: 36,
  一号: 26,
  二号: 22,
  三号: 16,
  四号: 14,
  小四: 12,
  五号: 10.5,
} as const;

/** Half-points, as w:sz wants them. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;

/** Width of the text block in twips, as Word computes the grid from it. */
export const TEXT_WIDTH = mm(PAGE.widthMm) - mm(MARGIN_MM.left) - mm(MARGIN_MM.right);
/** 225 mm / 22 lines: the line pitch of the grid and of body text (≈ 28.95 pt). */
export const LINE_PITCH = Math.floor(mm(TEXT_BLOCK_MM.height) / LINES_PER_PAGE);
/**
 * 28 characters of 3号 across 156 mm: each character 0.25 pt narrower than its 16 pt (w:spacing
 * −5 twips on every run). Word's own way, a character grid (docGrid linesAndChars with a negative
 * charSpace), is misread by LibreOffice, which then sets 14 characters to a line; tightened runs
 * on a line-only grid give 28 in Word, WPS and LibreOffice alike.
 */
export const CHARACTER_SPACING = -Math.ceil(SIZE_PT.三号 * 20 - TEXT_WIDTH / CHARS_PER_LINE);

/**
 * The fonts the standard names, with what a computer lacking them should use: each is written
 * into the font table with its alternate name (w:altName), character set GB2312 (86) and family,
 * so Word and WPS find 仿宋 for 仿宋_GB2312 on Windows 7 and later, and LibreOffice a Chinese
 * serif or sans. Latin letters and digits are set in Times New Roman, as 公文 usually are.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体', family: 'roman' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  heading1: { name: '黑体', alt: 'SimHei', family: 'modern' },
  heading2: { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  pageNumber: { name: '宋体', alt: 'SimSun', family: 'auto' },
} as const;

export const LATIN_FONT = 'Times New Roman';

/** 发文机关标志 and the 版头's separator line: red. */
export const RED = 'FF0000';

/**
 * Where the footer sits: the page number's dashes (mid-height of a 4号 line) 7 mm below the 版心,
 * i.e. the footer's bottom edge 35 − 7 − (14 pt / 2) ≈ 25.5 mm above the page's bottom edge.
 */
export const FOOTER_MM = MARGIN_MM.bottom - 7 - (SIZE_PT.四号 * 25.4) / 72 / 2;

/** 版记's lines: first and last 0.35 mm, the ones between 0.25 mm (w:sz in eighths of a point). */
export const RECORD_RULE = { thick: 8, thin: 6 } as const;
