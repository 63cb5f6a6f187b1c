import { strFromU8, unzipSync } from 'fflate';
import { columnIndex, type SheetGrid } from '../../src/core/values/grid.js';

/** A native chart read back from a workbook: its title, and each series' cells and cached values. */
export interface ChartRead {
  readonly part: string;
  readonly xml: string;
  readonly title: string;
  readonly kinds: readonly string[];
  readonly series: readonly {
    readonly nameRef: string;
    readonly name: string;
    readonly catRef: string;
    readonly categories: readonly string[];
    readonly valRef: string;
    /** By point index; a blank cell has no point. */
    readonly values: readonly (number | undefined)[];
    readonly pointColors: readonly string[];
  }[];
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');

function points(cache: string): (string | undefined)[] {
  const count = Number(/<c:ptCount val="(\d+)"/u.exec(cache)?.[1] ?? 0);
  const out: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const m of cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/gu))
    out[Number(m[1])] = unescape(m[2] ?? '');
  return out;
}

export function chartsOf(bytes: Uint8Array): ChartRead[] {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n))
    .sort()
    .map((part) => {
      const xml = strFromU8(files[part] as Uint8Array);
      const title = [
        ...(/<c:title>[\s\S]*?<\/c:title>/u.exec(xml)?.[0] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/gu),
      ]
        .map((m) => unescape(m[1] ?? ''))
        .join('');
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/gu)].map((m) => {
        const ser = m[1] ?? '';
        const tx = /<c:tx>([\s\S]*?)<\/c:tx>/u.exec(ser)?.[1] ?? '';
        const cat = /<c:cat>([\s\S]*?)<\/c:cat>/u.exec(ser)?.[1] ?? '';
        const val = /<c:val>([\s\S]*?)<\/c:val>/u.exec(ser)?.[1] ?? '';
        const ref = (s: string): string => unescape(/<c:f>([^<]*)<\/c:f>/u.exec(s)?.[1] ?? '');
        return {
          nameRef: ref(tx),
          name: points(tx)[0] ?? '',
          catRef: ref(cat),
          categories: points(cat).map((x) => x ?? ''),
          valRef: ref(val),
          values: points(val).map((x) => (x === undefined ? undefined : Number(x))),
          pointColors: [...ser.matchAll(/<c:dPt><c:idx val="\d+"\/>[\s\S]*?<a:srgbClr val="(\w+)"/gu)].map(
            (p) => p[1] ?? '',
          ),
        };
      });
      const kinds = [...xml.matchAll(/<c:(barChart|lineChart)>/gu)].map((k) => k[1] ?? '');
      return { part, xml, title, kinds, series };
    });
}

/** The cells a one-column reference such as '汇总'!$H$12:$H$19 points at, read from the sheet. */
export function cellsAt(grid: SheetGrid, ref: string): unknown[] {
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/u.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const col = columnIndex(m[1] ?? 'A');
  const from = Number(m[2]);
  const to = Number(m[4] ?? m[2]);
  const out: unknown[] = [];
  for (let r = from; r <= to; r++) out.push(grid.rows[r - 1]?.[col] ?? null);
  return out;
}
