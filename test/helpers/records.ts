import fc from 'fast-check';
import { fromDayNumber, dayNumber } from '../../src/core/values/dates.js';
import {
  rankPeriodId,
  rankPeriodLabel,
  reportPeriodId,
  reportPeriodLabel,
} from '../../src/core/calendar/periods.js';
import type { Cell } from '../../src/core/values/grid.js';
import type { ColumnSpec, SheetSpec } from '../../src/core/schema/types.js';
import { matchKey } from '../../src/core/values/text.js';

/** One generated cell: what is written into the workbook, and what the reader must give back. */
export interface Sample {
  readonly write: Cell;
  readonly read: string | number;
}

export interface SampleRow {
  readonly write: Readonly<Record<string, Cell | undefined>>;
  readonly read: Readonly<Record<string, string | number | undefined>>;
}

/**
 * Text as people type it, already in normal form. The alphabet has no characters of 合计, of
 * the note marks (注 / 说明 / "1.") or of header words, so a random row is always a data row.
 */
const TEXT_UNIT = fc.constantFrom(...'甲乙丙丁戊己庚辛壬癸东南西北山水田木林森ABCDEFGHXYZ0123456789-');
export const textArb = fc.string({ unit: TEXT_UNIT, minLength: 1, maxLength: 14 });

const centsArb = (min: number, max: number, scale = 100): fc.Arbitrary<number> =>
  fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }).map((c) => c / scale + 0);

const DAY_MIN = dayNumber('1990-01-01');
const DAY_MAX = dayNumber('2060-12-31');
export const isoDateArb = fc.integer({ min: DAY_MIN, max: DAY_MAX }).map(fromDayNumber);
const pad = (n: number): string => String(n).padStart(2, '0');
export const isoDateTimeArb = fc
  .tuple(isoDateArb, fc.integer({ min: 0, max: 86_399 }))
  .map(([d, s]) => `${d} ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`);

const same = (v: string | number): Sample => ({ write: v, read: v });

/** A valid value of a column, generated from its schema alone (type, range, list, aliases). */
export function sampleArb(c: ColumnSpec): fc.Arbitrary<Sample> {
  switch (c.type) {
    case 'text':
      return textArb.map(same);
    case 'integer':
      return fc.integer({ min: c.min ?? -1000, max: c.max ?? 1_000_000 }).map(same);
    case 'number':
    case 'money':
      return centsArb(c.min ?? -1_000_000, c.max ?? 10_000_000).map(same);
    case 'percent':
      return centsArb(c.min ?? 0, c.max ?? 2, 10_000).map(same);
    case 'date':
      return isoDateArb.map(same);
    case 'datetime':
      return isoDateTimeArb.map(same);
    case 'enum': {
      const values = fc.constantFrom(...(c.values ?? [])).map(same);
      const aliases = Object.entries(c.aliases ?? {});
      if (aliases.length === 0) return values;
      return fc.oneof(
        values,
        fc.constantFrom(...aliases).map(([typed, canonical]) => ({ write: typed, read: canonical })),
      );
    }
    case 'period':
      return fc
        .record({
          year: fc.integer({ min: 2000, max: 2100 }),
          month: fc.integer({ min: 1, max: 12 }),
          half: fc.constantFrom(1 as const, 2 as const),
          asLabel: fc.boolean(),
        })
        .map((p) => ({
          write: p.asLabel ? reportPeriodLabel(p) : reportPeriodId(p),
          read: reportPeriodId(p),
        }));
    case 'rankPeriod':
      return fc
        .record({
          year: fc.integer({ min: 2000, max: 2100 }),
          quarter: fc.boolean(),
          index: fc.integer({ min: 1, max: 4 }),
          asLabel: fc.boolean(),
        })
        .map(({ year, quarter, index, asLabel }) => {
          const p = {
            year,
            kind: quarter ? ('Q' as const) : ('H' as const),
            index: quarter ? index : 1 + (index % 2),
          };
          return { write: asLabel ? rankPeriodLabel(p) : rankPeriodId(p), read: rankPeriodId(p) };
        });
    case 'any':
      return fc.oneof(centsArb(-100, 100), textArb).map(same);
  }
}

/** Columns a reader reads (formula columns are computed by the workbook, not typed). */
export const inputColumns = (spec: SheetSpec): ColumnSpec[] => spec.columns.filter((c) => !c.formula);

/** A valid row: required cells filled, optional ones sometimes blank. */
export function rowArb(spec: SheetSpec): fc.Arbitrary<SampleRow> {
  const cols = inputColumns(spec);
  const cells = cols.map((c) => (c.required ? sampleArb(c) : fc.option(sampleArb(c), { nil: undefined })));
  return fc.tuple(...cells).map((samples) => ({
    write: Object.fromEntries(cols.map((c, i) => [c.key, samples[i]?.write])),
    read: Object.fromEntries(cols.map((c, i) => [c.key, samples[i]?.read])),
  }));
}

/** Valid rows of a sheet, its unique column (项目编号, 姓名 …) kept unique as people must. */
export function rowsArb(spec: SheetSpec, maxLength: number): fc.Arbitrary<SampleRow[]> {
  const unique = spec.columns.filter((c) => c.unique);
  if (unique.length > 1) throw new Error(`rowsArb: ${spec.name} has more than one unique column`);
  const key = unique[0]?.key;
  if (key === undefined) return fc.array(rowArb(spec), { maxLength });
  return fc.uniqueArray(rowArb(spec), { maxLength, selector: (r) => matchKey(String(r.read[key])) });
}
