import { CONDUCT_CODE } from '../rules/conduct.js';
import { SATISFACTION_LEVELS } from '../rules/satisfaction.js';
import {
  ACCEPTANCE_FORM,
  BLANK_DATE,
  HANDOVER_FORM,
  RECORD_FORM,
  SIGN_AND_DATE,
  SURVEY_FORM,
  TICK,
} from '../schema/forms.js';
import { FORM_STYLE as S, FormGrid, formSheet } from '../paper/form.js';
import { fillText } from '../paper/text.js';
import { zhDate } from '../document/text.js';
import type { PaperSheet } from '../paper/types.js';
import type { AgentCase } from './forms-case.js';
import { compareText } from '../values/collate.js';

/**
 * The four forms of a case laid out on A4, each on one page, in the look of the paper forms:
 * a bold title, boxed label/value rows, a table, and the lines to sign and stamp. A blank case
 * gives the blank forms that `kpd templates` writes.
 */

const date = (d: string | undefined): string => (d ? zhDate(d) : '');
const money = (n: number | undefined): string =>
  n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signAndDate = (sign: string): string => fillText(SIGN_AND_DATE, { sign, date: BLANK_DATE });
const blankRows = (have: number, atLeast: number): number => Math.max(0, atLeast - have);

/** 代办受理表 (A4 portrait), with the 工作守则 of 附件2 under it. */
export function acceptanceSheet(c: AgentCase): PaperSheet {
  const F = ACCEPTANCE_FORM;
  const g = new FormGrid([5, 12, 9, 9, 9, 6, 9, 11]);
  g.full(F.title, S.title, 40);
  g.line(
    [
      { value: fillText(F.caseId, { value: c.caseId }), from: 1, to: 4, style: S.line },
      {
        value: fillText(F.accepted, { value: date(c.accepted) || BLANK_DATE }),
        from: 5,
        to: 8,
        style: S.lineRight,
      },
    ],
    26,
  );
  acceptanceParticulars(g, c);
  acceptanceApprovals(g, c);
  g.full(F.pledge, S.small, 24);
  const [client, stamp, agent, office] = F.signatures;
  g.line(
    [
      { value: client, from: 1, to: 4, style: S.sign },
      { value: agent, from: 5, to: 8, style: S.sign },
    ],
    34,
  );
  g.line(
    [
      { value: signAndDate(stamp), from: 1, to: 4, style: S.sign },
      { value: signAndDate(office), from: 5, to: 8, style: S.sign },
    ],
    34,
  );
  g.addRow(8);
  g.full(CONDUCT_CODE.title, S.section, 24);
  for (const point of CONDUCT_CODE.points) g.full(point, S.small, 18);
  return formSheet(F.title, 'portrait', g);
}

/** 代办受理表's boxed rows: the company, the project and the people of the case. */
function acceptanceParticulars(g: FormGrid, c: AgentCase): void {
  const L = ACCEPTANCE_FORM.labels;
  const wide = (label: string, value: string): number =>
    g.line([
      { value: label, from: 1, to: 2, style: S.label },
      { value, from: 3, to: 8, style: S.value },
    ]);
  const pair = (l1: string, v1: string, l2: string, v2: string): number =>
    g.line([
      { value: l1, from: 1, to: 2, style: S.label },
      { value: v1, from: 3, to: 4, style: S.value },
      { value: l2, from: 5, to: 6, style: S.label },
      { value: v2, from: 7, to: 8, style: S.value },
    ]);
  const p = c.project;
  wide(L.company, c.company);
  wide(L.project, p?.name ?? '');
  pair(L.projectId, c.projectId, L.category, p?.category ?? '');
  pair(L.location, p?.location ?? '', L.investment, money(p?.totalInvestment));
  wide(L.content, p?.content ?? '');
  pair(L.client, '', L.clientPhone, '');
  pair(L.agent, c.agent, L.agentPhone, '');
}

/** 代办受理表's table of the approvals to obtain, with blank lines to five at least. */
function acceptanceApprovals(g: FormGrid, c: AgentCase): void {
  const F = ACCEPTANCE_FORM;
  g.full(F.approvals, S.section, 24);
  const cols = [
    [1, 1],
    [2, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [8, 8],
  ] as const;
  g.line(
    F.columns.map((h, i) => ({ value: h, from: cols[i]?.[0] ?? 1, to: cols[i]?.[1] ?? 1, style: S.head })),
    30,
  );
  c.approvals.forEach((a, i) => {
    const v = [i + 1, a.item, a.department, a.secondaryAgent, a.difficulty, a.limitDays, a.start];
    g.line(
      v.map((value, k) => ({ value, from: cols[k]?.[0] ?? 1, to: cols[k]?.[1] ?? 1, style: S.centre })),
      22,
    );
  });
  for (let i = blankRows(c.approvals.length, 5); i > 0; i--)
    g.line(
      cols.map(([from, to]) => ({ value: '', from, to, style: S.centre })),
      22,
    );
}

/** 督导代办情况记录表 (A4 landscape): one line per approval done, the open ones said under it. */
export function recordSheet(c: AgentCase): PaperSheet {
  const F = RECORD_FORM;
  const g = new FormGrid([5, 14, 8, 9, 11, 11, 8, 8, 7, 9, 12]);
  g.full(F.title, S.title, 40);
  const pair = (l1: string, v1: string, l2: string, v2: string): number =>
    g.line([
      { value: l1, from: 1, to: 2, style: S.label },
      { value: v1, from: 3, to: 5, style: S.value },
      { value: l2, from: 6, to: 7, style: S.label },
      { value: v2, from: 8, to: 11, style: S.value },
    ]);
  pair(F.labels.caseId, c.caseId, F.labels.project, c.project?.name ?? '');
  pair(F.labels.company, c.company, F.labels.agent, c.agent);
  g.line(
    F.columns.map((h, i) => ({ value: h, from: i + 1, to: i + 1, style: S.head })),
    34,
  );
  recordLines(g, c);
  g.full(F.note, { ...S.small, border: 'none' }, 20);
  const [agent, office] = F.signatures;
  g.line(
    [
      { value: agent, from: 1, to: 5, style: S.sign },
      { value: signAndDate(office), from: 6, to: 11, style: S.sign },
    ],
    36,
  );
  return formSheet(F.title, 'landscape', g);
}

/** 督导代办情况记录表's lines: one per approval done (blank ones to eleven), then what is open. */
function recordLines(g: FormGrid, c: AgentCase): void {
  const F = RECORD_FORM;
  const done = c.approvals.filter((a) => a.done !== undefined);
  done.forEach((a, i) => {
    const v = [
      i + 1,
      a.item,
      a.department,
      a.secondaryAgent,
      a.start,
      a.done ?? '',
      a.limitDays,
      a.usedDays ?? '',
      a.onTime === undefined ? '' : a.onTime ? F.onTime : F.late,
      a.rating ?? '',
      '',
    ];
    g.line(
      v.map((value, k) => ({ value, from: k + 1, to: k + 1, style: S.centre })),
      24,
    );
  });
  for (let i = blankRows(done.length, 11); i > 0; i--)
    g.line(
      F.columns.map((_, k) => ({ value: '', from: k + 1, to: k + 1, style: S.centre })),
      24,
    );
  const open = c.approvals.filter((a) => a.done === undefined);
  if (c.caseId !== '') {
    const text =
      open.length > 0
        ? fillText(F.open, {
            count: open.length,
            items: open
              .map((a) =>
                fillText(F.openItem, { item: a.item, department: a.department, start: a.start, due: a.due }),
              )
              .join(F.openSeparator),
          })
        : F.allDone;
    g.full(text, S.small, 22);
  }
}

/** 手续代办移交表 (A4 portrait): every approval of the case, handed over with its papers. */
export function handoverSheet(c: AgentCase): PaperSheet {
  const F = HANDOVER_FORM;
  const g = new FormGrid([5, 14, 9, 11, 15, 6, 10]);
  g.full(F.title, S.title, 40);
  const allDone = c.approvals.length > 0 && c.approvals.every((a) => a.done !== undefined);
  const last = c.approvals
    .map((a) => a.done ?? '')
    .sort(compareText)
    .at(-1);
  g.line(
    [
      { value: fillText(F.caseId, { value: c.caseId }), from: 1, to: 3, style: S.line },
      {
        value: fillText(F.handedOver, { value: allDone ? date(last) : BLANK_DATE }),
        from: 4,
        to: 7,
        style: S.lineRight,
      },
    ],
    26,
  );
  handoverParticulars(g, c);
  handoverApprovals(g, c);
  g.full(F.statement, S.small, 40);
  const [from, to, witness, stamp] = F.signatures;
  for (const [l, r] of [
    [from, to],
    [witness, stamp],
  ] as const)
    g.line(
      [
        { value: l, from: 1, to: 3, style: S.sign },
        { value: r, from: 4, to: 7, style: S.sign },
      ],
      36,
    );
  g.line([{ value: `${BLANK_DATE}`, from: 4, to: 7, style: { ...S.sign, h: 'right' } }], 30);
  return formSheet(F.title, 'portrait', g);
}

/** 手续代办移交表's boxed rows: the company, the project, the agent. */
function handoverParticulars(g: FormGrid, c: AgentCase): void {
  const F = HANDOVER_FORM;
  const wide = (label: string, value: string): number =>
    g.line([
      { value: label, from: 1, to: 2, style: S.label },
      { value, from: 3, to: 7, style: S.value },
    ]);
  wide(F.labels.company, c.company);
  wide(F.labels.project, c.project?.name ?? '');
  g.line([
    { value: F.labels.projectId, from: 1, to: 2, style: S.label },
    { value: c.projectId, from: 3, to: 4, style: S.value },
    { value: F.labels.agent, from: 5, to: 5, style: S.label },
    { value: c.agent, from: 6, to: 7, style: S.value },
  ]);
}

/** 手续代办移交表's table: every approval of the case (blank lines to ten), the open ones marked. */
function handoverApprovals(g: FormGrid, c: AgentCase): void {
  const F = HANDOVER_FORM;
  g.addRow(8);
  g.line(
    F.columns.map((h, i) => ({ value: h, from: i + 1, to: i + 1, style: S.head })),
    30,
  );
  c.approvals.forEach((a, i) => {
    const v = [i + 1, a.item, a.department, a.done ?? '', '', '', a.done === undefined ? F.notDone : ''];
    g.line(
      v.map((value, k) => ({ value, from: k + 1, to: k + 1, style: S.centre })),
      26,
    );
  });
  for (let i = blankRows(c.approvals.length, 10); i > 0; i--)
    g.line(
      F.columns.map((_, k) => ({ value: '', from: k + 1, to: k + 1, style: S.centre })),
      26,
    );
}

/** 代办员满意度测评表 exactly as 附件3: seven items × five levels, 意见和建议, 填写人, 联系电话, 日期. */
export function surveySheet(c: AgentCase): PaperSheet {
  const F = SURVEY_FORM;
  const g = new FormGrid([7, 9, 10, 9, 9, 9, 9, 9]);
  g.full(F.title, S.title, 40);
  g.full(F.lead, S.lead, 30);
  g.full(fillText(F.whom, { caseId: c.caseId, agent: c.agent, company: c.company }), S.line, 26);
  g.line(
    [
      { value: F.itemHeader, from: 1, to: 3, style: S.head },
      ...SATISFACTION_LEVELS.map((l, i) => ({ value: l, from: 4 + i, to: 4 + i, style: S.head })),
    ],
    30,
  );
  const s = c.survey;
  for (const item of F.items) {
    const chosen = s?.[item.key];
    g.line(
      [
        { value: item.text, from: 1, to: 3, style: S.value },
        ...SATISFACTION_LEVELS.map((l, i) => ({
          value: chosen === l ? TICK : '',
          from: 4 + i,
          to: 4 + i,
          style: { ...S.centre, size: 14, bold: true },
        })),
      ],
      42,
    );
  }
  g.line(
    [
      { value: F.comments, from: 1, to: 3, style: { ...S.label, v: 'middle' } },
      { value: s?.comments ?? '', from: 4, to: 8, style: { ...S.value, v: 'top' } },
    ],
    190,
  );
  const when = s?.date
    ? fillText(F.monthDate, { year: Number(s.date.slice(0, 4)), month: Number(s.date.slice(5, 7)) })
    : F.blankDate;
  g.addRow(10);
  g.line(
    [
      { value: `${F.filledBy}${s?.filledBy ?? ''}`, from: 1, to: 3, style: S.sign },
      { value: `${F.phone}${s?.phone ?? ''}`, from: 4, to: 5, style: S.sign },
      { value: `${F.date}${when}`, from: 6, to: 8, style: S.sign },
    ],
    30,
  );
  return formSheet(F.title, 'portrait', g);
}
