import type { ChartSpec, ValueFormat } from '../../core/document/chart.js';

/**
 * A chart drawn as SVG, for the pictures of the 公文 (and the task pane, which rasterises it in
 * the browser). No Node API here. Drawn by hand because a chart library would bring a DOM or
 * canvas: this is one small picture kind (bars, stacked bars, a reference line) and its numbers
 * are also printed in the table beside it.
 *
 * Units are tenths of a millimetre on the page (the picture is 156 mm wide, the 版心), so text
 * sizes follow print: 1 pt = 3.53 units.
 */

export interface SvgChart {
  readonly svg: string;
  /** Size on the page, in millimetres. */
  readonly widthMm: number;
  readonly heightMm: number;
}

const PT = 3.528;
const FONT =
  "SimHei, 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const TEXT = 9 * PT;
const TITLE = 11 * PT;
const GRID = 'D9D9D9';
const INK = '333333';

const esc = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const n1 = (x: number): string => (Math.round(x * 10) / 10).toString();

function formatValue(v: number, format: ValueFormat): string {
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'integer') return String(Math.round(v));
  return (Math.round(v * 100) / 100).toFixed(2);
}

/** 0, a round step, … up to at least `max`: the value axis. */
function ticks(max: number, format: ValueFormat): number[] {
  const top = Math.max(max, format === 'percent' ? 1 : format === 'integer' ? 4 : 1);
  const raw = top / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const unit = format === 'integer' ? Math.max(1, Math.round(step)) : step;
  const out: number[] = [];
  for (let v = 0; v < top + unit * 0.999; v += unit) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Text (a name) cut into lines of at most `per` characters, at most `lines` lines. */
function wrap(text: string, per: number, lines: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length && out.length < lines; i += per)
    out.push(chars.slice(i, i + per).join(''));
  if (chars.length > per * lines)
    out[lines - 1] = `${[...(out[lines - 1] ?? '')].slice(0, per - 1).join('')}…`;
  return out;
}

/** Width of a string in units: a CJK character is square, Latin about half. */
const textWidth = (s: string, size: number): number =>
  [...s].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) > 0x2e80 ? size : size * 0.55), 0);

/** " 87.5%" for a line at one level (序时进度 is the same for every HQ): said once, in the legend. */
function level(s: ChartSpec['series'][number], format: ValueFormat): string {
  const vs = s.values.filter((v): v is number => v !== null);
  const first = vs[0];
  return s.as === 'line' && first !== undefined && vs.every((v) => v === first)
    ? ` ${formatValue(first, format)}`
    : '';
}

function legend(spec: ChartSpec, y: number, width: number): { svg: string; height: number } {
  const items: { color: string; label: string; line: boolean }[] = spec.pointLegend
    ? spec.pointLegend.map((l) => ({ color: l.color, label: l.label, line: false }))
    : spec.series.map((s) => ({
        color: s.color,
        label: s.name + level(s, spec.format),
        line: s.as === 'line',
      }));
  const gap = TEXT * 1.6;
  const widths = items.map((i) => TEXT * 1.4 + textWidth(i.label, TEXT));
  const total = widths.reduce((a, b) => a + b, 0) + gap * (items.length - 1);
  let x = (width - total) / 2;
  const parts = items.map((item, k) => {
    const sample = item.line
      ? `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + TEXT)}" y2="${n1(y)}" stroke="#${item.color}" stroke-width="${n1(PT * 0.8)}"/>`
      : `<rect x="${n1(x)}" y="${n1(y - TEXT / 2)}" width="${n1(TEXT)}" height="${n1(TEXT)}" fill="#${item.color}"/>`;
    const label = `<text x="${n1(x + TEXT * 1.4)}" y="${n1(y + TEXT * 0.35)}">${esc(item.label)}</text>`;
    x += (widths[k] ?? 0) + gap;
    return sample + label;
  });
  return { svg: parts.join(''), height: TEXT * 1.8 };
}

/** What every kind of chart draws in: the picture's size, the plot's top, the value axis. */
interface Plot {
  readonly spec: ChartSpec;
  readonly W: number;
  readonly H: number;
  /** Below the title and legend. */
  readonly top: number;
  readonly axis: readonly number[];
  /** The axis' last tick: the value at the plot's far edge. */
  readonly top0: number;
  readonly bars: ChartSpec['series'];
  readonly lines: ChartSpec['series'];
  readonly label: (v: number) => string;
}

/**
 * The SVG of a chart: title, legend, value axis with grid lines, bars (side by side, stacked or
 * horizontal) with their values written on them, and a line series across the bars.
 */
export function chartSvg(spec: ChartSpec, widthMm = 156, heightMm = 86): SvgChart {
  const W = widthMm * 10;
  const H = heightMm * 10;
  const out: string[] = [];
  out.push(`<rect width="${W}" height="${H}" fill="#FFFFFF"/>`);
  out.push(
    `<text x="${W / 2}" y="${n1(TITLE * 1.2)}" font-size="${n1(TITLE)}" text-anchor="middle">${esc(spec.title)}</text>`,
  );
  const lg = legend(spec, TITLE * 1.2 + TEXT * 1.5, W);
  out.push(lg.svg);
  const plot = plotOf(spec, W, H, TITLE * 1.2 + TEXT * 1.5 + lg.height);
  out.push(...(spec.kind === 'bar' ? horizontalBars(plot) : columns(plot)));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${W} ${H}" ` +
    `font-family="${FONT}" font-size="${n1(TEXT)}" fill="#${INK}">${out.join('')}</svg>`;
  return { svg, widthMm, heightMm };
}

/** The value axis: up to the largest bar (or stack) or line value, with a little room above. */
function plotOf(spec: ChartSpec, W: number, H: number, top: number): Plot {
  const bars = spec.series.filter((s) => s.as !== 'line');
  const lines = spec.series.filter((s) => s.as === 'line');
  const stackTotals = spec.categories.map((_, i) =>
    bars.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0),
  );
  const max = Math.max(
    0,
    ...(spec.kind === 'stacked' ? stackTotals : bars.flatMap((s) => s.values.map((v) => v ?? 0))),
    ...lines.flatMap((s) => s.values.map((v) => v ?? 0)),
  );
  const axis = ticks(max * 1.08, spec.format);
  const top0 = axis[axis.length - 1] ?? 1;
  return { spec, W, H, top, axis, top0, bars, lines, label: (v) => formatValue(v, spec.format) };
}

/** Horizontal bars: categories down the left, values across. */
function horizontalBars(p: Plot): string[] {
  const { spec, W, H, top, top0 } = p;
  const out: string[] = [];
  const labelW = Math.min(W * 0.3, Math.max(...spec.categories.map((c) => textWidth(c, TEXT))) + TEXT);
  const x0 = labelW + TEXT * 0.5;
  const x1 = W - TEXT * 4;
  const y1 = H - TEXT * 2;
  const band = (y1 - top) / Math.max(1, spec.categories.length);
  const sx = (v: number): number => x0 + ((x1 - x0) * v) / top0;
  for (const t of p.axis) {
    out.push(
      `<line x1="${n1(sx(t))}" y1="${n1(top)}" x2="${n1(sx(t))}" y2="${n1(y1)}" stroke="#${GRID}" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${n1(sx(t))}" y="${n1(y1 + TEXT * 1.2)}" text-anchor="middle">${esc(p.label(t))}</text>`,
    );
  }
  const s = p.bars[0];
  spec.categories.forEach((c, i) => {
    const y = top + band * i;
    out.push(
      `<text x="${n1(labelW)}" y="${n1(y + band / 2 + TEXT * 0.35)}" text-anchor="end">${esc(c)}</text>`,
    );
    const v = s?.values[i];
    if (v === null || v === undefined) return;
    const color = spec.pointColors?.[i] ?? s?.color ?? '000000';
    out.push(
      `<rect x="${n1(x0)}" y="${n1(y + band * 0.15)}" width="${n1(sx(v) - x0)}" height="${n1(band * 0.7)}" fill="#${color}"/>`,
    );
    out.push(
      `<text x="${n1(sx(v) + TEXT * 0.3)}" y="${n1(y + band / 2 + TEXT * 0.35)}">${esc(p.label(v))}</text>`,
    );
  });
  out.push(
    `<line x1="${n1(x0)}" y1="${n1(top)}" x2="${n1(x0)}" y2="${n1(y1)}" stroke="#${INK}" stroke-width="2"/>`,
  );
  return out;
}

/** Where the columns are drawn: the plot's edges, each category's slot, value to height. */
interface ColumnFrame {
  readonly x0: number;
  readonly x1: number;
  readonly y1: number;
  readonly slot: number;
  readonly sy: (v: number) => number;
}

const LABEL_LINES = 3;

/** Columns (side by side or stacked) with the categories' names under them, and line series. */
function columns(p: Plot): string[] {
  const { spec, W, H, top, top0 } = p;
  const out: string[] = [];
  const x0 = TEXT * 5;
  const x1 = W - TEXT;
  const y1 = H - TEXT * (LABEL_LINES * 1.2 + 1);
  const slot = (x1 - x0) / Math.max(1, spec.categories.length);
  const f: ColumnFrame = { x0, x1, y1, slot, sy: (v) => y1 - ((y1 - top) * v) / top0 };
  for (const t of p.axis) {
    out.push(
      `<line x1="${n1(x0)}" y1="${n1(f.sy(t))}" x2="${n1(x1)}" y2="${n1(f.sy(t))}" stroke="#${GRID}" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${n1(x0 - TEXT * 0.4)}" y="${n1(f.sy(t) + TEXT * 0.35)}" text-anchor="end">${esc(p.label(t))}</text>`,
    );
  }
  const per = Math.max(2, Math.floor((slot * 0.95) / TEXT));
  spec.categories.forEach((c, i) => {
    const cx = x0 + slot * (i + 0.5);
    wrap(c, per, LABEL_LINES).forEach((line, k) =>
      out.push(
        `<text x="${n1(cx)}" y="${n1(y1 + TEXT * (1.2 + k * 1.2))}" text-anchor="middle">${esc(line)}</text>`,
      ),
    );
    out.push(...(spec.kind === 'stacked' ? stackedColumn(p, f, i, cx) : sideBySide(p, f, i, cx)));
  });
  for (const s of p.lines) out.push(...lineSeries(spec, s, f));
  out.push(
    `<line x1="${n1(x0)}" y1="${n1(y1)}" x2="${n1(x1)}" y2="${n1(y1)}" stroke="#${INK}" stroke-width="2"/>`,
  );
  return out;
}

/** One category's stack: each part with its value inside when it fits, the total on top. */
function stackedColumn(p: Plot, f: ColumnFrame, i: number, cx: number): string[] {
  const out: string[] = [];
  let base = 0;
  const w = f.slot * 0.5;
  for (const s of p.bars) {
    const v = Math.max(0, s.values[i] ?? 0);
    if (v === 0) continue;
    const yTop = f.sy(base + v);
    out.push(
      `<rect x="${n1(cx - w / 2)}" y="${n1(yTop)}" width="${n1(w)}" height="${n1(f.sy(base) - yTop)}" fill="#${s.color}"/>`,
    );
    if (f.sy(base) - yTop >= TEXT * 1.1)
      out.push(
        `<text x="${n1(cx)}" y="${n1((yTop + f.sy(base)) / 2 + TEXT * 0.35)}" text-anchor="middle" fill="#FFFFFF">${esc(p.label(v))}</text>`,
      );
    base += v;
  }
  if (base > 0)
    out.push(
      `<text x="${n1(cx)}" y="${n1(f.sy(base) - TEXT * 0.3)}" text-anchor="middle">${esc(p.label(base))}</text>`,
    );
  return out;
}

/** One category's columns side by side, each with its value above. */
function sideBySide(p: Plot, f: ColumnFrame, i: number, cx: number): string[] {
  const out: string[] = [];
  const w = (f.slot * 0.7) / Math.max(1, p.bars.length);
  p.bars.forEach((s, k) => {
    const v = s.values[i];
    if (v === null || v === undefined) return;
    const x = cx - (w * p.bars.length) / 2 + w * k;
    out.push(
      `<rect x="${n1(x)}" y="${n1(f.sy(v))}" width="${n1(w * 0.92)}" height="${n1(f.y1 - f.sy(v))}" fill="#${s.color}"/>`,
    );
    out.push(
      `<text x="${n1(x + w * 0.46)}" y="${n1(f.sy(v) - TEXT * 0.3)}" text-anchor="middle">${esc(p.label(v))}</text>`,
    );
  });
  return out;
}

/** A line across the columns, drawn from edge to edge: a reference line (序时进度) reads as a level, not as dots. */
function lineSeries(spec: ChartSpec, s: ChartSpec['series'][number], f: ColumnFrame): string[] {
  const points = spec.categories
    .map((_, i) => [f.x0 + f.slot * (i + 0.5), s.values[i]] as const)
    .filter((q): q is readonly [number, number] => q[1] !== null && q[1] !== undefined);
  if (points.length === 0) return [];
  const first = points[0] as readonly [number, number];
  const last = points[points.length - 1] as readonly [number, number];
  const path = [[f.x0, first[1]] as const, ...points, [f.x1, last[1]] as const]
    .map(([x, v]) => `${n1(x)},${n1(f.sy(v))}`)
    .join(' ');
  return [
    `<polyline points="${path}" fill="none" stroke="#${s.color}" stroke-width="${n1(PT * 0.8)}" stroke-dasharray="${n1(PT * 3)},${n1(PT * 1.5)}"/>`,
  ];
}
