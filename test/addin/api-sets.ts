import { readFileSync } from 'node:fs';
import { repoPath } from '../helpers/paths.js';

/**
 * The requirement set of every member of Office.js's Excel namespace, derived from
 * @types/office-js's `[Api set: ExcelApi 1.x]` annotations (never typed by hand), for the fake
 * of Office.js to refuse what the Excel a test declares would refuse.
 *
 * Keys: `Range.values` (reading it, or calling a method), `Range.values=` (setting it),
 * `Worksheet.getUsedRange(valuesOnly)` (a parameter with its own set), `Excel.createWorkbook`
 * (a function of the namespace). A member without an annotation has its class's set; a class
 * without one (RequestContext), and `Excel.run`, are ExcelApi 1.1.
 */
export type ApiSets = Readonly<Record<string, string>>;

const API_SET = /\[Api set: ExcelApi (1\.\d+)([^\]]*)\]/u;

/** "1.1 for reading visibility; 1.2 for setting it." → the set for setting (else the first). */
function setterVersion(first: string, rest: string): string {
  const m = /(1\.\d+) for (?:set|setting)/u.exec(rest);
  return m ? (m[1] ?? first) : first;
}

const lower = (a: string | undefined, b: string): string =>
  a === undefined || Number(b.split('.')[1]) < Number(a.split('.')[1]) ? b : a;

export function excelApiSets(dts: string): ApiSets {
  const out: Record<string, string> = {};
  const put = (key: string, version: string): void => {
    out[key] = lower(out[key], version);
  };
  const lines = dts.split('\n');
  let inExcel = false;
  let skipDepth = -1; // inside `namespace Interfaces` (load options, data shapes): not API
  let cls: { name: string; version: string } | undefined;
  let doc: string[] = [];
  let inDoc = false;
  for (const line of lines) {
    if (/^declare namespace Excel \{/u.test(line)) {
      inExcel = true;
      continue;
    }
    if (inExcel && /^\}/u.test(line)) {
      inExcel = false;
      cls = undefined;
      continue;
    }
    if (!inExcel) continue;
    if (skipDepth >= 0) {
      if (/^ {4}\}/u.test(line)) skipDepth = -1;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('/**')) {
      inDoc = true;
      doc = [];
    }
    if (inDoc) {
      doc.push(trimmed);
      if (trimmed.endsWith('*/')) inDoc = false;
      continue;
    }
    const comment = doc.join('\n');
    const main = comment
      .split('\n')
      .filter((l) => !l.includes('@param'))
      .join('\n');
    const annotated = API_SET.exec(main);
    if (/^ {4}namespace Interfaces \{/u.test(line)) {
      skipDepth = 4;
      doc = [];
      continue;
    }
    const top = /^ {4}(?:export )?(class|interface|enum|function|type|const|var|namespace) (\w+)/u.exec(line);
    if (top) {
      cls = undefined;
      if (top[1] === 'class') cls = { name: top[2] ?? '', version: annotated?.[1] ?? '1.1' };
      if (top[1] === 'function') put(`Excel.${top[2] ?? ''}`, annotated?.[1] ?? '1.1');
      doc = [];
      continue;
    }
    if (!cls || !/^ {8}\S/u.test(line)) {
      if (trimmed !== '') doc = [];
      continue;
    }
    const member = /^ {8}(readonly )?(\w+)(\??)(\(|:|<)/u.exec(line);
    if (member) {
      const [, readonly, name = '', , kind] = member;
      const version = annotated?.[1] ?? cls.version;
      if (!/ExcelApi(Desktop|Online)/u.test(main) || annotated) {
        put(`${cls.name}.${name}`, version);
        if (kind === ':' && !readonly)
          put(`${cls.name}.${name}=`, annotated ? setterVersion(version, annotated[2] ?? '') : version);
        for (const p of comment.matchAll(/@param (\w+)[^\n]*\[Api set: ExcelApi (1\.\d+)\]/gu))
          put(`${cls.name}.${name}(${p[1] ?? ''})`, p[2] ?? version);
      }
    }
    doc = [];
  }
  return out;
}

let cached: ApiSets | undefined;

/** The table for the installed @types/office-js. */
export function installedExcelApiSets(): ApiSets {
  cached ??= excelApiSets(
    readFileSync(repoPath('node_modules', '@types', 'office-js', 'index.d.ts'), 'utf8'),
  );
  return cached;
}
