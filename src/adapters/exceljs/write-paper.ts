import { unzipSync } from 'fflate';
import type { PaperBook } from '../../core/paper/types.js';
import { reproducible } from '../zip-writer.js';
import { paperBytes } from './paper.js';
import { FIXED_TIME } from './write-template.js';

/**
 * A paper (progress chart, agent form) as .xlsx bytes; the same book gives the same bytes
 * (exceljs stamps the clock into the zip, reproducible() takes it out).
 * @example await writePaper(chart.book)
 */
export async function writePaper(book: PaperBook, created: Date = FIXED_TIME): Promise<Uint8Array> {
  return reproducible(unzipSync(await paperBytes(book, created)));
}
