import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeTemplate } from './exceljs/write-template.js';
import { BULLETIN } from '../core/schema/bulletin.js';

/** The committed templates/ folder, found from the installed code (src/ or dist/ alike). */
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The bundled bulletin template; generated on the fly if the file is absent. */
export async function bulletinTemplate(): Promise<Uint8Array> {
  try {
    return await readFile(`${TEMPLATES_DIR}${BULLETIN.fileName}`);
  } catch {
    return writeTemplate(BULLETIN);
  }
}
