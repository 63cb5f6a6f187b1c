import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { REPORT } from '../../src/core/schema/report.js';
import { HQ, merge, scenario, type MergeRun } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * An HQ whose clerk fills our blank 半月进展报表 with a script (xlsx-populate, a program we did
 * not write, which rewrites the whole package its own way): the merge reads it like any other.
 */
const tmp = useTempDir('kpd-merge-populate-');

interface PopulateCell {
  value(v: string | number | Date): PopulateCell;
}
interface PopulateSheet {
  cell(ref: string): PopulateCell;
}
interface PopulateBook {
  sheet(name: string): PopulateSheet;
  outputAsync(): Promise<Uint8Array>;
}

describe('kpd merge: a report filled by another program (xlsx-populate)', () => {
  let run: MergeRun;

  beforeAll(async () => {
    const dir = await scenario(tmp(), 'populate');
    const blank = (await buildTemplates()).find((t) => t.fileName === REPORT.fileName);
    if (!blank) throw new Error('no report template');
    const wb = (await XlsxPopulate.fromDataAsync(blank.bytes)) as unknown as PopulateBook;
    const ws = wb.sheet('进展情况');
    // The template's layout: fields in rows 2–3 (value right of each label), header on row 5.
    ws.cell('B2').value(HQ.a);
    ws.cell('E2').value('2026年11月上半月');
    ws.cell('H2').value('2026-11-11');
    ws.cell('B3').value('王一');
    ws.cell('A6').value('AY-2026-101');
    ws.cell('D6').value(100);
    ws.cell('E6').value(9_000);
    ws.cell('A7').value('AY-2026-102');
    ws.cell('D7').value('２００'); // full-width digits typed as text
    ws.cell('E7').value(5_000);
    await mkdir(join(dir, 'in'));
    await writeFile(join(dir, 'in', 'script.xlsx'), await wb.outputAsync());
    run = await merge(dir, ['in']);
  });

  it('recognises the template, the HQ and the period, and merges both rows', () => {
    expect(run.json.submissions.map((s) => [s.hq, s.timeSource, s.late, s.signed])).toEqual([
      [HQ.a, '填报日期', false, true],
    ]);
    expect(run.json.rows).toEqual({ in: 2, merged: 2, rejected: 0 });
  });
});
