import { documentCharts, type OfficialDocument } from '../../core/document/model.js';
import { chartPng } from '../charts/png.js';
import { chartSvg } from '../charts/svg.js';
import { writeOfficialDocument, type Picture } from './write.js';

export { writeOfficialDocument, type Picture } from './write.js';

/** The 公文 as .docx bytes, its charts drawn as pictures (Node: rasterised by resvg). */
export async function officialDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const pictures = new Map<string, Picture>();
  for (const chart of documentCharts(doc)) {
    const svg = chartSvg(chart);
    pictures.set(chart.id, { png: chartPng(svg), widthMm: svg.widthMm, heightMm: svg.heightMm });
  }
  return writeOfficialDocument(doc, pictures);
}
