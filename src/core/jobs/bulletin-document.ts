import { addDays } from '../values/dates.js';
import { bulletinCharts } from '../bulletin/charts.js';
import type { Bulletin, SummaryLine } from '../bulletin/model.js';
import type { ChartSpec } from '../document/chart.js';
import type { DocBlock, OfficialDocument, TableColumn } from '../document/model.js';
import { docText, type DocText } from '../document/text.js';
import { SUMMARY_GROUP } from '../rules/vocab.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { Issue, Locale } from '../issues/issue.js';

/**
 * 重点项目情况通报 as a 公文 (GB/T 9704-2012, in the 简报/通报 form): masthead, title, 主送, the
 * text written from the bulletin's figures, two tables with their charts, and 版记. Pure: the
 * CLI (`kpd merge --doc`) and the task pane both call it; the .docx adapter lays it out.
 *
 * @example
 * const { result } = bulletinDocument({ bulletin, rules, office: '发展改革局重点项目办公室' });
 * result.title // "关于2026年11月上半月重点项目建设进展情况的通报"
 */
interface BulletinDocumentInput {
  readonly bulletin: Bulletin;
  readonly rules: RuleSet;
  /** 编印单位; the rule table's when not given. */
  readonly office?: string;
  readonly locale?: Locale;
}

interface BulletinDocument {
  readonly result: OfficialDocument;
  /** The charts it shows (also what the bulletin workbook's 汇总 shows natively). */
  readonly charts: readonly ChartSpec[];
  readonly issues: readonly Issue[];
}

export function bulletinDocument(input: BulletinDocumentInput): BulletinDocument {
  const { bulletin: b, rules } = input;
  const t = docText(input.locale ?? 'zh');
  const office = input.office ?? rules.documents.office;
  const charts = bulletinCharts(b, t);
  const [rateChart, statusChart] = charts;
  const heading = numbering(t);
  const body: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('doc.bulletin.opening', { period: b.periodLabel, due: t.date(b.due) }),
    },
    heading(t('doc.bulletin.h.submissions')),
    ...submissionParagraphs(b, t),
    heading(t('doc.bulletin.h.investment')),
    ...investmentParagraphs(b, t),
    hqTable(b, t),
    ...(rateChart ? [chartBlock(rateChart, 1, 1, t)] : []),
    statusParagraph(b, rules, t),
    statusTable(b, rules, t),
    ...(statusChart ? [chartBlock(statusChart, 2, 2, t)] : []),
    heading(t('doc.bulletin.h.behind')),
    ...behindParagraphs(b, t),
    heading(t('doc.bulletin.h.siteWork')),
    ...siteWorkParagraphs(b, rules, t),
    heading(t('doc.bulletin.h.requirements')),
    { kind: 'paragraph', text: t('doc.bulletin.closing') },
  ];
  const title = t('doc.bulletin.title', { period: b.periodLabel });
  return {
    result: {
      masthead: {
        name: rules.documents.bulletinMasthead,
        issue: t('doc.issueNo', { n: b.number }),
        office,
        date: t.date(b.bulletinDate),
      },
      title,
      to: t('doc.to', { to: rules.documents.bulletinTo }),
      body,
      record: {
        lines: [t('doc.cc', { cc: rules.documents.bulletinCc })],
        printedBy: office,
        printedOn: t('doc.printed', { date: t.date(b.bulletinDate) }),
      },
      properties: { title: title.replace(/\n/gu, ''), subject: b.title, description: b.rulesLabel },
    },
    charts,
    issues: [],
  };
}

/** Headings numbered 一、二、… in the order they are made. */
function numbering(t: DocText): (text: string) => DocBlock {
  let n = 0;
  return (text) => ({ kind: 'heading', level: 1, text: t.heading1(++n, text) });
}

function submissionParagraphs(b: Bulletin, t: DocText): DocBlock[] {
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const onTime = taken.length - b.late.length;
  let text = t('doc.bulletin.submissions', { expected: taken.length + b.missing.length, onTime });
  if (b.late.length > 0) text += t('doc.bulletin.late', { n: b.late.length, names: t.list(b.late) });
  if (b.missing.length > 0)
    text += t('doc.bulletin.missing', { n: b.missing.length, names: t.list(b.missing) });
  if (b.late.length === 0 && b.missing.length === 0) text += t('doc.bulletin.allOnTime');
  const out: DocBlock[] = [{ kind: 'paragraph', text: t.sentence(text) }];
  const criticised = [...b.late, ...b.missing];
  if (criticised.length > 0)
    out.push({ kind: 'paragraph', text: t('doc.bulletin.criticised', { names: t.list(criticised) }) });
  if (b.unsigned.length > 0)
    out.push({ kind: 'paragraph', text: t('doc.bulletin.unsigned', { names: t.list(b.unsigned) }) });
  const corrected = taken.filter((s) => s.replaces.length > 0).map((s) => s.hq);
  if (corrected.length > 0)
    out.push({ kind: 'paragraph', text: t('doc.bulletin.corrected', { names: t.list(corrected) }) });
  return out;
}

function investmentParagraphs(b: Bulletin, t: DocText): DocBlock[] {
  const all = b.summary.find((l) => l.group === SUMMARY_GROUP.all);
  const out: DocBlock[] = [];
  if (all) {
    out.push({
      kind: 'paragraph',
      text:
        all.rate === undefined
          ? t('doc.bulletin.overallNone', { projects: all.projects, plan: t.money(all.plan) })
          : t('doc.bulletin.overall', {
              projects: all.projects,
              plan: t.money(all.plan),
              reported: all.reported,
              cumulative: t.money(all.cumulative),
              rate: t.pct(all.rate),
              fraction: t.pct(all.fraction),
              compare: t.compare(all.rate, all.fraction),
            }),
    });
  }
  const categories = b.summary.filter((l) => l.group === SUMMARY_GROUP.byCategory);
  if (categories.length > 0) {
    const items = categories.map((l) =>
      l.rate === undefined
        ? t('doc.bulletin.categoryNone', { name: l.name, projects: l.projects })
        : t('doc.bulletin.categoryItem', {
            name: l.name,
            projects: l.projects,
            rate: t.pct(l.rate),
            compare: t.compare(l.rate, l.fraction),
          }),
    );
    out.push({ kind: 'paragraph', text: t('doc.bulletin.byCategory', { items: t.items(items) }) });
  }
  // Exact comparison, as "behind" is judged everywhere (DOMAIN §3).
  const below = byHq(b)
    .filter((l) => l.rate !== undefined && l.rate < l.fraction - 1e-9)
    .map((l) => l.name);
  out.push({
    kind: 'paragraph',
    text:
      below.length > 0
        ? t('doc.bulletin.hqBelow', { n: below.length, names: t.list(below) })
        : t('doc.bulletin.hqAllAbove'),
  });
  return out;
}

const byHq = (b: Bulletin): SummaryLine[] => b.summary.filter((l) => l.group === SUMMARY_GROUP.byHq);

const col = (header: string, width: number, align: TableColumn['align'] = 'right'): TableColumn => ({
  header,
  width,
  align,
});

/** 表1: each HQ's plan, completion and gap against 序时进度, with the 合计 line. */
function hqTable(b: Bulletin, t: DocText): DocBlock {
  const line = (l: SummaryLine, name: string): string[] => [
    name,
    String(l.projects),
    String(l.reported),
    t.money(l.plan),
    t.money(l.cumulative),
    t.pct(l.rate),
    t.pct(l.fraction),
    l.rate === undefined ? t.none : signedPoints(l.rate - l.fraction),
    String(l.behind),
  ];
  const all = b.summary.find((l) => l.group === SUMMARY_GROUP.all);
  const rows = [...byHq(b).map((l) => line(l, l.name)), ...(all ? [line(all, t('doc.total'))] : [])];
  return {
    kind: 'table',
    caption: t('doc.tableCaption', { n: 1, title: t('doc.bulletin.table.hq') }),
    columns: [
      // Widths in points at 五号: an HQ's name on one line, numbers of their usual size.
      col(t('doc.col.hq'), 118, 'left'),
      col(t('doc.col.projects'), 36, 'center'),
      col(t('doc.col.reported'), 26, 'center'),
      col(t('doc.col.plan'), 58),
      col(t('doc.col.cumulative'), 58),
      col(t('doc.col.rate'), 38),
      col(t('doc.col.fraction'), 40),
      col(t('doc.col.gap'), 38),
      col(t('doc.col.behind'), 30, 'center'),
    ],
    rows,
    ...(all && { emphasis: [rows.length - 1] }),
    note: t('doc.unitNote'),
  };
}

/** +2.1 / −3.4: a gap in percentage points with its sign, one decimal. */
function signedPoints(gap: number): string {
  const v = Math.round(gap * 1000) / 10;
  return v > 0 ? `+${v.toFixed(1)}` : v < 0 ? `−${Math.abs(v).toFixed(1)}` : '0.0';
}

function statusParagraph(b: Bulletin, rules: RuleSet, t: DocText): DocBlock {
  const all = b.summary.find((l) => l.group === SUMMARY_GROUP.all);
  const s = all?.statuses ?? { 正常: 0, 预警: 0, 滞后: 0, 未报: 0, 有误: 0 };
  return {
    kind: 'paragraph',
    text: t('doc.bulletin.status', {
      projects: all?.projects ?? 0,
      normal: s.正常,
      warning: s.预警,
      band: rules.schedule.warningBand,
      behind: s.滞后,
      none: s.未报,
      error: s.有误 > 0 ? t('doc.bulletin.statusError', { n: s.有误 }) : '',
    }),
  };
}

/** 表2: each HQ's projects by 状态, the numbers of 图2. */
function statusTable(b: Bulletin, rules: RuleSet, t: DocText): DocBlock {
  const line = (l: SummaryLine, name: string): string[] => [
    name,
    String(l.projects),
    String(l.statuses.正常),
    String(l.statuses.预警),
    String(l.statuses.滞后),
    String(l.statuses.未报 + l.statuses.有误),
  ];
  const all = b.summary.find((l) => l.group === SUMMARY_GROUP.all);
  const rows = [...byHq(b).map((l) => line(l, l.name)), ...(all ? [line(all, t('doc.total'))] : [])];
  return {
    kind: 'table',
    caption: t('doc.tableCaption', { n: 2, title: t('doc.bulletin.table.status') }),
    columns: [
      col(t('doc.col.hq'), 122, 'left'),
      col(t('doc.col.projects'), 50, 'center'),
      col(t('doc.col.normal'), 50, 'center'),
      col(t('doc.col.warning'), 50, 'center'),
      col(t('doc.col.late'), 50, 'center'),
      col(t('doc.col.none'), 80, 'center'),
    ],
    rows,
    ...(all && { emphasis: [rows.length - 1] }),
    note: t('doc.bulletin.tableNote', { band: rules.schedule.warningBand }),
  };
}

function chartBlock(chart: ChartSpec, n: number, table: number, t: DocText): DocBlock {
  return { kind: 'chart', caption: t('doc.chartCaption', { n, title: chart.title, table }), chart };
}

function behindParagraphs(b: Bulletin, t: DocText): DocBlock[] {
  if (b.behind.length === 0) return [{ kind: 'paragraph', text: t('doc.bulletin.noneBehind') }];
  const out: DocBlock[] = [
    { kind: 'paragraph', text: t('doc.bulletin.behindIntro', { n: b.behind.length }) },
  ];
  const hqs = [...new Set(b.behind.map((p) => p.hq))];
  hqs.forEach((hq, i) => {
    const ps = b.behind.filter((p) => p.hq === hq);
    const items = ps.map((p) => t.pair(p.name, t.items(p.reasons.map((r) => t.tight(t(r.code, r.params))))));
    out.push({
      kind: 'paragraph',
      lead: t.heading2(
        i + 1,
        t('doc.bulletin.behindHq', { hq, commander: ps[0]?.commander ?? '', n: ps.length }),
      ),
      text: t.sentence(t.items(items)),
    });
  });
  return out;
}

function siteWorkParagraphs(b: Bulletin, rules: RuleSet, t: DocText): DocBlock[] {
  const required = rules.schedule.siteVisitsPerWeek;
  const week = (monday: string): string =>
    t('doc.bulletin.week', { from: t.shortDate(monday), to: t.shortDate(addDays(monday, 6)) });
  if (b.assessedWeeks.length === 0) return [{ kind: 'paragraph', text: t('doc.bulletin.noWeeks') }];
  const out: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('doc.bulletin.siteWeeks', { weeks: t.list(b.assessedWeeks.map(week)), required }),
    },
  ];
  if (b.shortfalls.length === 0) {
    out.push({ kind: 'paragraph', text: t('doc.bulletin.noShortfalls') });
    return out;
  }
  out.push({ kind: 'paragraph', text: t('doc.bulletin.shortfalls', { n: b.shortfalls.length }) });
  for (const hq of [...new Set(b.shortfalls.map((w) => w.hq))]) {
    const ofHq = b.shortfalls.filter((w) => w.hq === hq);
    // One item per person, their weeks inside: who is named reads once.
    const items = [...new Set(ofHq.map((w) => w.person))].map((person) => {
      const weeks = ofHq.filter((w) => w.person === person);
      return t.aside(
        t.person(weeks[0]?.role ?? '', person),
        t.list(weeks.map((w) => t('doc.bulletin.shortfallWeek', { week: week(w.week), visits: w.visits }))),
      );
    });
    out.push({ kind: 'paragraph', text: t.sentence(t.pair(hq, t.list(items))) });
  }
  return out;
}
