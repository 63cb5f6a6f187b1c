import { spawnSync } from 'node:child_process';

/**
 * What a printed PDF looks like, for tests of paper outputs (progress chart, forms, 公文): its
 * pages, each page's size and paper name, and the smallest font printed on each page.
 * Uses poppler-utils (pdfinfo, pdftohtml), installed wherever pdftotext is.
 *
 * @example
 *   const pages = readPdfPages(pdf);
 *   expect(pages.map((p) => p.paper)).toEqual(['A4 portrait']);
 *   for (const p of pages) expect(p.smallestFontPt, `page ${p.number}`).toBeGreaterThanOrEqual(9);
 */
export const PDF_TOOLS = ['pdfinfo', 'pdftohtml'] as const;

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  /** Points (1/72 inch). */
  readonly widthPt: number;
  readonly heightPt: number;
  /** 'A3 landscape', 'A4 portrait' … or undefined for another paper. */
  readonly paper: string | undefined;
  /**
   * The smallest font size used by any text on the page, in points as printed (the font matrix,
   * text matrix and page transformation applied), to about ±1/6 pt: pdftohtml reports sizes in
   * whole pixels at its highest zoom, 3 pixels a point. Undefined for a page without text.
   */
  readonly smallestFontPt: number | undefined;
  /** Every font size used on the page (points, ascending, distinct). */
  readonly fontSizesPt: readonly number[];
}

function run(program: string, args: readonly string[]): string {
  const r = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${program} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Paper names of ISO A sizes in points (portrait), matched to within 2 pt. */
const PAPERS: readonly (readonly [string, number, number])[] = [
  ['A3', 841.89, 1190.55],
  ['A4', 595.28, 841.89],
  ['A5', 419.53, 595.28],
];

export function paperName(widthPt: number, heightPt: number): string | undefined {
  for (const [name, w, h] of PAPERS) {
    if (Math.abs(widthPt - w) < 2 && Math.abs(heightPt - h) < 2) return `${name} portrait`;
    if (Math.abs(widthPt - h) < 2 && Math.abs(heightPt - w) < 2) return `${name} landscape`;
  }
  return undefined;
}

/** Page count and each page's size, from pdfinfo. */
export function pdfPageSizes(pdf: string): { widthPt: number; heightPt: number }[] {
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(run('pdfinfo', [pdf]))?.[1] ?? NaN);
  if (!Number.isInteger(pages)) throw new Error(`pdfinfo: no page count for ${pdf}`);
  const sizes = [
    ...run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).matchAll(
      /^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gmu,
    ),
  ].map((m) => ({ widthPt: Number(m[1]), heightPt: Number(m[2]) }));
  if (sizes.length !== pages) throw new Error(`pdfinfo: ${sizes.length} page sizes for ${pages} pages`);
  return sizes;
}

const ZOOM = 3;

/**
 * The font sizes of each page's text in points, from pdftohtml's XML (fonts are numbered across
 * pages; sizes are in pixels, converted by each page's width in pixels over its width in points).
 */
export function pdfFontSizes(pdf: string, pageWidthsPt: readonly number[]): number[][] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-zoom', String(ZOOM), pdf]);
  const sizeOf = new Map<string, number>();
  const pages: number[][] = [];
  let current: Set<number> | undefined;
  let pxPerPt = ZOOM;
  const flush = (): void => {
    if (current) pages.push([...current].sort((a, b) => a - b));
  };
  for (const m of xml.matchAll(/<(page|fontspec|text)\b([^>]*)>/gu)) {
    const attrs = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/gu)].map((a) => [a[1], a[2]]),
    );
    if (m[1] === 'page') {
      flush();
      current = new Set();
      // The page's width in pixels over its width in points: the zoom pdftohtml really used.
      const widthPt = pageWidthsPt[pages.length];
      if (widthPt) pxPerPt = Number(attrs['width']) / widthPt;
    } else if (m[1] === 'fontspec') {
      sizeOf.set(String(attrs['id']), Number(attrs['size']));
    } else if (current) {
      const px = sizeOf.get(String(attrs['font']));
      if (px !== undefined) current.add(Math.round((px / pxPerPt) * 100) / 100);
    }
  }
  flush();
  return pages;
}

/** Every page of a PDF: its size, its paper, and the fonts printed on it. */
export function readPdfPages(pdf: string): PdfPage[] {
  const sizes = pdfPageSizes(pdf);
  const fonts = pdfFontSizes(
    pdf,
    sizes.map((s) => s.widthPt),
  );
  if (fonts.length !== sizes.length)
    throw new Error(`pdftohtml: ${fonts.length} pages, pdfinfo: ${sizes.length}`);
  return sizes.map((s, i) => {
    const f = fonts[i] ?? [];
    return {
      number: i + 1,
      ...s,
      paper: paperName(s.widthPt, s.heightPt),
      smallestFontPt: f[0],
      fontSizesPt: f,
    };
  });
}
