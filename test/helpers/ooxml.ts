import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHECK_OOXML } from './paths.js';

/** The programs check-ooxml runs on: pass these to requireTool. */
export const OOXML_TOOLS = ['/usr/bin/python3', 'jing', CHECK_OOXML] as const;

/** check-ooxml starts one JVM (jing) per part: about 1–2 s a part on this machine. */
export const OOXML_TIMEOUT_MS = 600_000;

export interface OoxmlCheck {
  /** 0: every part conforms; 1: violations; 2: a file is not a readable package. */
  readonly status: number | null;
  /** The checker's report: one line per file, then the violations. */
  readonly output: string;
}

/**
 * Checks .xlsx and .docx files against the ECMA-376 Transitional schemas (what makes Excel or
 * Word offer to "repair" a file): SpreadsheetML, WordprocessingML and DrawingML parts (charts,
 * drawings, pictures). Reused by every test that writes workbooks or documents: templates,
 * examples, results, the 公文.
 * @example const r = await checkOoxml([file]); expect(r.status, r.output).toBe(0);
 */
export function checkOoxml(files: readonly string[]): Promise<OoxmlCheck> {
  if (files.length === 0) return Promise.reject(new Error('checkOoxml: no files given'));
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [CHECK_OOXML, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * check-ooxml over many files at once (test/helpers/check-ooxml-batch.py: the shared checker's own
 * parts, processing and schemas, one jing run per schema): for a corpus, where one run per part
 * would take half an hour. Same statuses and report as checkOoxml.
 */
export function checkOoxmlBatch(files: readonly string[]): Promise<OoxmlCheck> {
  if (files.length === 0) return Promise.reject(new Error('checkOoxmlBatch: no files given'));
  const batch = fileURLToPath(new URL('./check-ooxml-batch.py', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [batch, CHECK_OOXML, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
