import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';

/** Reading a written .docx back: its parts, and what a PDF of it looks like. */

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

export function docxMedia(bytes: Uint8Array): Record<string, Uint8Array> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).filter(([n]) => n.startsWith('word/media/') && !n.endsWith('/')),
  );
}

/** The paragraphs of document.xml, each with its properties and its runs' text and properties. */
export interface DocxParagraph {
  readonly pPr: string;
  readonly text: string;
  readonly runs: readonly { readonly rPr: string; readonly text: string }[];
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');

export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/gu)].map((m) => {
    const inner = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map((r) => ({
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(r[1] ?? '')?.[1] ?? '',
      text: [...(r[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((t) => decode(t[1] ?? '')).join(''),
    }));
    return { pPr, runs, text: runs.map((r) => r.text).join('') };
  });
}

/** An attribute of the first element `tag` in `xml`, e.g. attr(x, 'w:pgMar', 'w:top'). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}\\b[^>]*>`, 'u').exec(xml)?.[0];
  return el ? new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(el)?.[1] : undefined;
}

/** twips → mm, one decimal. */
export const mmOf = (twips: string | undefined): number =>
  Math.round((Number(twips) / 1440) * 25.4 * 10) / 10;

/** Page count and the size of every page (points), as pdfinfo reports them. */
export function pdfPages(pdf: string): { pages: number; sizes: string[] } {
  const info = spawnSync('pdfinfo', ['-l', '999', pdf], { encoding: 'utf8', timeout: 60_000 });
  if (info.status !== 0) throw new Error(`pdfinfo: ${info.stderr}`);
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info.stdout)?.[1]);
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gmu)].map((m) => m[1] ?? '');
  return { pages, sizes };
}

/** A4 in points, as LibreOffice writes it (595.3 × 841.9). */
export const isA4 = (size: string): boolean => {
  const [w, h] = size.split(' x ').map(Number);
  return Math.abs((w ?? 0) - 595.3) < 1 && Math.abs((h ?? 0) - 841.9) < 1;
};

/** PDF text with the spaces a renderer puts between Chinese and digits taken out. */
export const squeeze = (text: string): string => text.replace(/\s+/gu, '');
