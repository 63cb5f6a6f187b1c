import type { EtApplication } from '../../src/adapters/wps/et-api.js';

/** Types of fake-wps.js (a classic script that sets globalThis.KpdFakeWps). */
export type FakeValue = string | number | boolean | null;
export interface FakeSheetData {
  readonly name: string;
  readonly values?: readonly (readonly FakeValue[])[];
  readonly numberFormat?: readonly (readonly (string | undefined)[])[];
  /** XlSheetVisibility: −1 visible (default), 0 hidden, 2 very hidden. */
  readonly visible?: number;
}
export interface FakeBookData {
  readonly name?: string;
  readonly sheets: readonly FakeSheetData[];
  readonly names?: readonly { readonly name: string; readonly refersTo: string }[];
}
export interface FakeSheet {
  readonly name: string;
  readonly merges: string[];
  readonly freeze: { rows: number; cols: number } | null;
  readonly widths: Map<number, number>;
  readonly styles: Map<
    string,
    { bold?: boolean; size?: number; color?: number; wrap?: boolean; align?: number }
  >;
  readonly validations: { address: string; type: number; formula1: string; inCellDropdown: boolean }[];
  readonly page: Record<string, unknown>;
  readonly value2Writes: number;
  readonly formulaWrites: number;
  readonly formatWrites: number;
  rows(): (string | number | boolean)[][];
  cell(r: number, c: number): { v?: string | number | boolean; f?: string; formula?: string } | undefined;
}
export interface FakeBook {
  readonly name: string;
  readonly sheets: FakeSheet[];
  readonly active: FakeSheet | undefined;
}
export interface FakePane {
  readonly url: string;
  readonly title?: string;
  readonly visible: boolean;
}
export interface FakeWps extends EtApplication {
  readonly fake: {
    readonly stats: { value2Writes: number };
    readonly files: Map<string, Uint8Array>;
    readonly panes: FakePane[];
    readonly books: FakeBook[];
    readonly book: FakeBook | null;
    sheet(name: string): FakeSheet | undefined;
    type(sheet: string, address: string, value: string | number): void;
  };
}
export interface KpdFakeWps {
  create(
    data: { workbooks: readonly FakeBookData[] },
    options?: { open?: (bytes: Uint8Array) => FakeBookData },
  ): FakeWps;
  readonly CVERR: Readonly<Record<string, number>>;
}
declare global {
  var KpdFakeWps: KpdFakeWps;
}
