import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTemplate, type TemplateFill } from '../../src/adapters/exceljs/write-template.js';
import { a1 } from '../../src/core/values/grid.js';
import type { SheetSpec, TemplateSpec } from '../../src/core/schema/types.js';
import { layoutSheet } from '../../src/core/template/layout.js';

/**
 * An OLE compound file (the container of Excel 97-2003 .xls and of password-protected .xlsx)
 * with one directory entry per stream name: enough for a reader to tell them apart.
 */
export function oleFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 128 * Math.max(1, streams.length));
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let k = 0; k < name.length; k++) bytes[at + 2 * k] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = 2;
  });
  return bytes;
}

export const OLD_XLS = (): Uint8Array => oleFile(['Workbook', 'SummaryInformation']);
export const ENCRYPTED_XLSX = (): Uint8Array => oleFile(['EncryptionInfo', 'EncryptedPackage']);

/** Writes a filled template into `dir` and returns its file name. */
export async function writeFilled(
  dir: string,
  name: string,
  t: TemplateSpec,
  fill: TemplateFill,
): Promise<string> {
  await writeFile(join(dir, name), await writeTemplate(t, fill));
  return name;
}

/** Where the template writer puts data row `i` (0-based) of column `key`, for `count` rows written. */
export function templateCell(spec: SheetSpec, count: number, key: string, i: number): string {
  const l = layoutSheet(spec, Math.max(spec.blankRows ?? 0, count, 1));
  const col = l.columns.get(key);
  if (col === undefined) throw new Error(`${spec.name} has no column ${key}`);
  return a1(l.firstDataRow + i, col);
}

/** Where the template writer puts the value of field `key`. */
export function templateFieldCell(spec: SheetSpec, key: string): string {
  const p = layoutSheet(spec, 1).fields.find((f) => f.field.key === key);
  if (!p) throw new Error(`${spec.name} has no field ${key}`);
  return a1(p.row, p.valueFrom);
}
