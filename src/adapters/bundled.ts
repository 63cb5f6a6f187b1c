import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BULLETIN } from '../core/schema/bulletin.js';

/** The committed templates/ folder, found from the installed code (src/ or dist/ alike). */
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The bundled bulletin template; generated on the fly if the file is absent. */
export async function bulletinTemplate(): Promise<Uint8Array> {
  try {
    return await readFile(`${TEMPLATES_DIR}${BULLETIN.fileName}`);
  } catch {
    // Generated on the fly only when the file is missing: exceljs is loaded just then.
    const { writeTemplate } = await import('./exceljs/write-template.js');
    return writeTemplate(BULLETIN);
  }
}
