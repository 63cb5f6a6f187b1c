/**
 * Regenerates examples/: the example 总台账 and the reports of period 2026-11-1.
 * Run: npx tsx scripts/make-examples.ts   (a test checks the committed files match)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MASTER, REPORT, TOPICS } from '../src/core/schema/index.js';
import { writeTemplate } from '../src/adapters/exceljs/write-template.js';
import { masterRows } from './examples/master.js';
import { exampleReports, exampleTopics } from './examples/reports.js';
import { toEml } from './examples/eml.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildExamples(): Promise<{ path: string; bytes: Uint8Array }[]> {
  const out: { path: string; bytes: Uint8Array }[] = [];
  out.push({ path: 'examples/总台账.xlsx', bytes: await writeTemplate(MASTER, { rows: masterRows() }) });
  for (const r of exampleReports()) {
    const bytes = await writeTemplate(REPORT, {
      rows: { progress: r.progress, siteVisits: r.siteVisits },
      fields: { progress: r.fields },
    });
    if (r.asEmail) {
      out.push({
        path: `examples/reports/2026-11-1/${r.fileName.replace(/\.xlsx$/u, '.eml')}`,
        bytes: toEml({
          from: r.asEmail.from,
          sentAt: r.sentAt,
          subject: `${r.fields['reporter']}2026年11月上半月项目进展`,
          attachmentName: r.asEmail.attachmentName,
          attachment: bytes,
        }),
      });
    } else out.push({ path: `examples/reports/2026-11-1/${r.fileName}`, bytes });
  }
  for (const tpc of exampleTopics()) {
    out.push({
      path: `examples/topics/${tpc.fileName}`,
      bytes: await writeTemplate(TOPICS, { rows: { topics: tpc.rows }, fields: { topics: tpc.fields } }),
    });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of await buildExamples()) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.bytes);
    console.log(f.path);
  }
}
