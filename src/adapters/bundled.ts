import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BULLETIN } from '../core/schema/bulletin.js';
import type { TemplateSpec } from '../core/schema/types.js';

/** The committed templates/ folder, found from the installed code (src/ or dist/ alike). */
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A bundled output template (the bulletin, the agenda); generated on the fly if the file is absent. */
export async function outputTemplate(spec: TemplateSpec): Promise<Uint8Array> {
  try {
    return await readFile(`${TEMPLATES_DIR}${spec.fileName}`);
  } catch {
    // Generated on the fly only when the file is missing: exceljs is loaded just then.
    const { writeTemplate } = await import('./exceljs/write-template.js');
    return writeTemplate(spec);
  }
}

/** The bundled bulletin template. */
export const bulletinTemplate = (): Promise<Uint8Array> => outputTemplate(BULLETIN);
