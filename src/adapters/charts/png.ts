import { Resvg } from '@resvg/resvg-js';
import type { SvgChart } from './svg.js';

/** About 300 dots per inch on the page: sharp in print, a few hundred KB a chart. */
const DOTS_PER_MM = 12;

/**
 * The chart as a PNG, rasterised by resvg (prebuilt in its npm package: nothing is downloaded or
 * compiled at install). Text is set in the system's Chinese fonts (黑体 / 微软雅黑 on Windows,
 * Noto Sans CJK on Linux).
 */
export function chartPng(chart: SvgChart): Uint8Array {
  const r = new Resvg(chart.svg, {
    fitTo: { mode: 'width', value: Math.round(chart.widthMm * DOTS_PER_MM) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  });
  return new Uint8Array(r.render().asPng());
}
