import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { MASTER } from '../../src/core/schema/master.js';
import { PROGRESS, REPORT } from '../../src/core/schema/report.js';
import { TOPIC_LIST, TOPICS } from '../../src/core/schema/topics.js';
import type { SheetSpec } from '../../src/core/schema/types.js';
import { readTable } from '../../src/core/table/read.js';
import { isoDateArb, rowsArb, sampleArb, textArb, type SampleRow } from '../helpers/records.js';
import { gridOf, sheetOf } from '../helpers/xlsx.js';

/**
 * One schema, many uses: a record written into a template by the writer comes back equal from
 * our reader, for every column type the schema declares (random valid values, seeded).
 */
const seeded = (numRuns: number) => ({ seed: 42, numRuns }) as const;

const rowsBySheet = (specs: readonly SheetSpec[], max: number): fc.Arbitrary<Record<string, SampleRow[]>> =>
  fc.record(Object.fromEntries(specs.map((s) => [s.key, rowsArb(s, max)])));

const reportFieldsArb = fc.record({
  reporter: textArb,
  period: sampleArb({ key: 'period', header: '报告期', type: 'period' }),
  filledOn: isoDateArb,
  signature: textArb,
  filledBy: textArb,
  phone: fc.stringMatching(/^1[3-9]\d{9}$/u),
});

async function roundTrip(specs: readonly SheetSpec[], bytes: Uint8Array, rows: Record<string, SampleRow[]>) {
  const wb = gridOf(bytes);
  for (const spec of specs) {
    const t = readTable(sheetOf(wb, spec.name), spec);
    const expected = rows[spec.key] ?? [];
    expect(t.issues, spec.name).toEqual([]);
    expect(
      t.rows.map((r) => ({ ...(r.record as object) })),
      spec.name,
    ).toEqual(expected.map((r) => r.read));
    expect(t.rows.every((r) => r.ok)).toBe(true);
  }
  return wb;
}

describe('schema round trips through a written template', () => {
  it('半月进展报表: fields and rows of both sheets', async () => {
    await fc.assert(
      fc.asyncProperty(rowsBySheet(REPORT.sheets, 12), reportFieldsArb, async (rows, f) => {
        const fields = { ...f, period: f.period.write };
        const bytes = await writeTemplate(REPORT, {
          rows: Object.fromEntries(Object.entries(rows).map(([k, rs]) => [k, rs.map((r) => r.write)])),
          fields: { [PROGRESS.key]: fields },
        });
        const wb = await roundTrip(REPORT.sheets, bytes, rows);
        const read = readTable(sheetOf(wb, PROGRESS.name), PROGRESS).fields;
        expect(Object.fromEntries([...read].map(([k, v]) => [k, v.value]))).toEqual({
          ...f,
          period: f.period.read,
        });
      }),
      seeded(20),
    );
  });

  it('周例会议题申报表: the form fields and the topic rows', async () => {
    const fieldsArb = fc.record({
      unit: textArb,
      submittedAt: sampleArb({ key: 'submittedAt', header: '申报时间', type: 'datetime' }),
      leaderSignature: textArb,
      countySignature: textArb,
    });
    await fc.assert(
      fc.asyncProperty(rowsBySheet(TOPICS.sheets, 10), fieldsArb, async (rows, f) => {
        const bytes = await writeTemplate(TOPICS, {
          rows: Object.fromEntries(Object.entries(rows).map(([k, rs]) => [k, rs.map((r) => r.write)])),
          fields: { [TOPIC_LIST.key]: { ...f, submittedAt: f.submittedAt.write } },
        });
        const wb = await roundTrip(TOPICS.sheets, bytes, rows);
        const read = readTable(sheetOf(wb, TOPIC_LIST.name), TOPIC_LIST).fields;
        expect(Object.fromEntries([...read].map(([k, v]) => [k, v.value]))).toEqual({
          ...f,
          submittedAt: f.submittedAt.read,
        });
      }),
      seeded(15),
    );
  });

  it('总台账: every master sheet at once', async () => {
    await fc.assert(
      fc.asyncProperty(rowsBySheet(MASTER.sheets, 4), async (rows) => {
        const bytes = await writeTemplate(MASTER, {
          rows: Object.fromEntries(Object.entries(rows).map(([k, rs]) => [k, rs.map((r) => r.write)])),
        });
        await roundTrip(MASTER.sheets, bytes, rows);
      }),
      seeded(8),
    );
  });
});
