import type { OfficialDocument } from '../core/document/model.js';
import { documentCharts } from '../core/document/model.js';
import { chartSvg, type SvgChart } from '../adapters/charts/svg.js';
import { writeOfficialDocument, type Picture } from '../adapters/docx/write.js';

/** About 300 dots per inch on the page, as the CLI's pictures. */
const DOTS_PER_MM = 12;

/** A chart's SVG drawn on a canvas by the browser (its own Chinese fonts), as PNG bytes. */
async function rasterise(chart: SvgChart): Promise<Uint8Array> {
  const width = Math.round(chart.widthMm * DOTS_PER_MM);
  const height = Math.round(chart.heightMm * DOTS_PER_MM);
  const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (!blob) throw new Error('canvas.toBlob gave nothing');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The 公文 as .docx bytes in the task pane: the same writer as the CLI's, the charts rasterised
 * by the browser instead of resvg. A chart the browser cannot draw is left out (its numbers stay
 * in the table beside it), never the document.
 */
export async function officialDocxInBrowser(doc: OfficialDocument): Promise<Uint8Array> {
  const pictures = new Map<string, Picture>();
  for (const chart of documentCharts(doc)) {
    const svg = chartSvg(chart);
    try {
      pictures.set(chart.id, { png: await rasterise(svg), widthMm: svg.widthMm, heightMm: svg.heightMm });
    } catch {
      // The caption and the table carry the figures.
    }
  }
  return writeOfficialDocument(doc, pictures);
}
