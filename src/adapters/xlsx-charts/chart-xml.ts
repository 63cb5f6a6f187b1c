import type { ChartSpec, ValueFormat } from '../../core/document/chart.js';

/**
 * DrawingML chart parts (ECMA-376 Part 1, 21.2) for the charts of a ChartSpec, their series
 * pointing at worksheet cells and carrying those cells' values as caches, so Excel, WPS and
 * LibreOffice draw them at once and redraw them when the cells change. Elements are written in
 * the order the schema's sequences require (check-ooxml verifies every part we write).
 */

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** A range of one column (or one cell) of a sheet, with the values the cells hold. */
export interface CellRange<T> {
  /** 'Sheet'!$B$5:$B$12 */
  readonly ref: string;
  readonly values: readonly T[];
}

interface BoundSeries {
  readonly name: CellRange<string>;
  readonly values: CellRange<number | null>;
}

/** A chart whose series are bound to cells: what the chart part is written from. */
export interface BoundChart {
  readonly spec: ChartSpec;
  readonly categories: CellRange<string>;
  /** In the order of spec.series. */
  readonly series: readonly BoundSeries[];
}

export const esc = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

const FORMAT_CODE: Readonly<Record<ValueFormat, string>> = {
  percent: '0.0%',
  integer: '0',
  number: '0.00',
};

const AXIS_FORMAT: Readonly<Record<ValueFormat, string>> = { percent: '0%', integer: '0', number: '0' };

/**
 * Chart text in hundredths of a point: 11 pt, so that it prints ≥ 9 pt on a sheet fit to its
 * page's width (core/template/print.ts lets a sheet shrink to 84 %); titles 14 pt.
 */
const CHART_TEXT = 1100;
const CHART_TITLE = 1400;

const fill = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** Chinese text in the chart: 黑体-like for East Asian, sized in hundredths of a point. */
const textProps = (size: number, bold = false): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
  `<a:latin typeface="Arial"/><a:ea typeface="黑体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function strRef(r: CellRange<string>): string {
  const pts = r.values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${esc(r.ref)}</c:f><c:strCache><c:ptCount val="${r.values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(r: CellRange<number | null>, format: ValueFormat): string {
  // A blank cell has no point in the cache: drawn as a gap, as Excel itself caches it.
  const pts = r.values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return (
    `<c:numRef><c:f>${esc(r.ref)}</c:f><c:numCache><c:formatCode>${esc(FORMAT_CODE[format])}</c:formatCode>` +
    `<c:ptCount val="${r.values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function labels(format: ValueFormat, position: 'outEnd' | 'ctr' | undefined, color?: string): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${esc(FORMAT_CODE[format])}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT}">${color ? fill(color) : ''}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    (position ? `<c:dLblPos val="${position}"/>` : '') +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

const CAT_AX = 500001;
const VAL_AX = 500002;

function barChart(b: BoundChart): string {
  const { spec } = b;
  const stacked = spec.kind === 'stacked';
  const sers = spec.series
    .map((s, i) => ({ s, bound: b.series[i] as BoundSeries, i }))
    .filter((x) => x.s.as !== 'line')
    .map(({ s, bound, i }) => {
      const points = (spec.pointColors ?? [])
        .map((color, k) =>
          color === undefined
            ? ''
            : `<c:dPt><c:idx val="${k}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(color)}</c:spPr></c:dPt>`,
        )
        .join('');
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(bound.name)}</c:tx>` +
        `<c:spPr>${fill(s.color)}</c:spPr><c:invertIfNegative val="0"/>${points}` +
        labels(spec.format, stacked ? 'ctr' : 'outEnd', stacked ? 'FFFFFF' : undefined) +
        `<c:cat>${strRef(b.categories)}</c:cat><c:val>${numRef(bound.values, spec.format)}</c:val></c:ser>`
      );
    })
    .join('');
  return (
    `<c:barChart><c:barDir val="${spec.kind === 'bar' ? 'bar' : 'col'}"/>` +
    `<c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${sers}` +
    `<c:gapWidth val="${stacked ? 60 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ''}` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`
  );
}

function lineChart(b: BoundChart): string {
  const sers = b.spec.series
    .map((s, i) => ({ s, bound: b.series[i] as BoundSeries, i }))
    .filter((x) => x.s.as === 'line')
    .map(
      ({ s, bound, i }) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(bound.name)}</c:tx>` +
        `<c:spPr><a:ln w="22225" cap="rnd">${fill(s.color)}<a:prstDash val="dash"/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat>${strRef(b.categories)}</c:cat><c:val>${numRef(bound.values, b.spec.format)}</c:val>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join('');
  if (sers === '') return '';
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}` +
    `<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>`
  );
}

function axes(spec: ChartSpec): string {
  const horizontal = spec.kind === 'bar';
  const grid = `<c:majorGridlines><c:spPr><a:ln w="6350">${fill('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${textProps(CHART_TEXT)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>${grid}` +
    `<c:numFmt formatCode="${esc(AXIS_FORMAT[spec.format])}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(CHART_TEXT)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    (spec.format === 'integer' ? '<c:majorUnit val="1"/>' : '') +
    `</c:valAx>`;
  return cat + val;
}

/** The chart part (xl/charts/chartN.xml) of a chart bound to cells. */
export function chartPartXml(b: BoundChart): string {
  const run = (text: string, color?: string): string =>
    `<a:r><a:rPr lang="zh-CN" sz="${CHART_TITLE}" b="1">${color ? fill(color) : ''}<a:ea typeface="黑体"/></a:rPr><a:t>${esc(text)}</a:t></a:r>`;
  // A one-series chart coloured by point (the praised green, the criticised red) says what its
  // colours mean in its title, in those colours: a legend would only list the one series.
  const key = (b.spec.pointLegend ?? []).map((l) => run(`　■${l.label}`, l.color)).join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TITLE}" b="1"/></a:pPr>` +
    `${run(b.spec.title)}${key}</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend = b.spec.pointColors
    ? ''
    : `<c:legend><c:legendPos val="t"/><c:overlay val="0"/>${textProps(CHART_TEXT)}</c:legend>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    barChart(b) +
    lineChart(b) +
    axes(b.spec) +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${fill('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(CHART_TEXT) +
    `</c:chartSpace>`
  );
}
