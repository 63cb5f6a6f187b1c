import { isDateCell, type Cell } from '../values/grid.js';
import { parseNumber, cellText } from '../values/parse.js';
import { matchKey } from '../values/text.js';
import { issue, type Issue } from '../issues/issue.js';
import { AGENT_CATEGORIES, AGENT_RULES, APPRAISAL_PARAMS, POINT_RULE_CODES, CATEGORY_KEYS } from './agent.js';
import { LEVEL_VALUE, SATISFACTION_LEVELS } from './satisfaction.js';
import { BOUND_PARAMS, FRACTION_MODES, SCHEDULE_PARAMS, WEEKDAYS } from './schedule.js';
import { CRITERION_KEYS, RANKED_CATEGORIES_PARAM, RANKING_PARAMS, UNIT_CRITERIA } from './unit.js';
import { DOCUMENT_PARAMS } from './documents.js';
import { DEFAULT_RULES, ruleSetLabel, type RuleSet } from './ruleset.js';
import type { ProjectCategory } from './vocab.js';

/**
 * The 规则 sheet: one row per value of the rule set (分组, 编号, 名称, 值, 说明). The row list is
 * generated from the definition tables, so a new rule appears on the sheet without more code.
 * 编号 is the key; 名称 and 说明 are for people and are not read back.
 */

type Draft = { -readonly [K in keyof RuleSet]: { -readonly [P in keyof RuleSet[K]]: RuleSet[K][P] } };
type Value = number | string | boolean | readonly string[];

interface ValueKind {
  readonly expected: string;
  parse(cell: Cell | undefined): Value | undefined;
  display(v: Value): Cell;
}

const numberKind = (min: number, max: number, integer = false): ValueKind => ({
  expected: integer ? `${min}～${max} 的整数` : `${min}～${max} 的数`,
  parse(cell) {
    const p = parseNumber(cell);
    if (!p.ok || p.value < min || p.value > max || (integer && !Number.isInteger(p.value))) return undefined;
    return p.value;
  },
  display: (v) => v as number,
});

const listKind = (values: readonly string[]): ValueKind => ({
  expected: `${values.join(' / ')} 之一`,
  parse(cell) {
    const t = cellText(cell).replace(/\s+/gu, '');
    return values.includes(t) ? t : undefined;
  },
  display: (v) => v as string,
});

/** A short wording the result sheets quote (第六条's outcomes): text, not a number. */
const textKind: ValueKind = {
  expected: '文字（不超过 40 个字）',
  parse(cell) {
    if (typeof cell !== 'string') return undefined;
    const t = cell.trim();
    return t === '' || t.length > 40 ? undefined : t;
  },
  display: (v) => v as string,
};

/** Several values of a closed list, written 省重点、市重点 (、，, or spaces between them). */
const listOfKind = (values: readonly string[]): ValueKind => ({
  expected: `${values.join(' / ')} 中的一个或几个，用“、”分隔`,
  parse(cell) {
    if (typeof cell !== 'string') return undefined;
    const parts = cell
      .split(/[、，,;；/\s]+/u)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    if (parts.length === 0 || parts.some((x) => !values.includes(x))) return undefined;
    // In the list's own order, each once: the same choice always reads as the same value.
    return values.filter((v) => parts.includes(v));
  },
  display: (v) => (v as readonly string[]).join('、'),
});

const booleanKind: ValueKind = {
  expected: '是 / 否',
  parse(cell) {
    if (typeof cell === 'boolean') return cell;
    const t = cellText(cell);
    if (['是', 'TRUE', 'true', '1'].includes(t)) return true;
    if (['否', 'FALSE', 'false', '0'].includes(t)) return false;
    return undefined;
  },
  display: (v) => (v ? '是' : '否'),
};

const timeKind: ValueKind = {
  expected: '时:分，如 17:00',
  parse(cell) {
    let t = cellText(cell).replace('：', ':');
    // 17:30 typed in Excel is a time: the fraction of a day, as a number or a time-formatted cell.
    const fraction = typeof cell === 'number' ? cell : isDateCell(cell) ? cell.serial : undefined;
    if (fraction !== undefined && fraction >= 0 && fraction < 1) {
      const mins = Math.round(fraction * 1440);
      t = `${Math.floor(mins / 60)}:${String(mins % 60).padStart(2, '0')}`;
    }
    const m = /^(\d{1,2}):(\d{2})$/u.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
    return `${m[1]?.padStart(2, '0')}:${m[2]}`;
  },
  display: (v) => v as string,
};

/** A line of text (an addressee list, a masthead); blank keeps the default. */
const lineKind: ValueKind = {
  expected: '一行文字',
  parse(cell) {
    // Kept as typed: 「区（县）」 must not become ASCII punctuation (cellText folds it for matching).
    const t = (typeof cell === 'string' ? cell : cellText(cell)).replace(/\s+/gu, ' ').trim();
    return t === '' || t.length > 200 ? undefined : t;
  },
  display: (v) => v as string,
};

export interface RuleParam {
  readonly group: string;
  readonly code: string;
  readonly name: string;
  readonly note: string;
  readonly kind: ValueKind;
  get(r: RuleSet): Value;
  set(r: Draft, v: Value): void;
}

const SOURCE_NOTE: Readonly<Record<string, string>> = {
  incident: '每次计分，录入「扣分记录」',
  overdueApproval: '由「代办事项」自动计算：季末逾期未办结，每项每季计一次',
  lateApproval: '由「代办事项」自动计算：逾期办结或逾期未办结，扣二级代办员一次',
};

/** A parameter table's entries, keys typed. */
const entriesOf = <T extends object>(o: T): [keyof T, T[keyof T]][] =>
  Object.entries(o) as [keyof T, T[keyof T]][];

const categoryParams = (): RuleParam[] =>
  CATEGORY_KEYS.map((k) => ({
    group: '代办员考核类别满分',
    code: AGENT_CATEGORIES[k].code,
    name: AGENT_CATEGORIES[k].name,
    note: '六类合计 100 分',
    kind: numberKind(0, 100),
    get: (r) => r.categories[k],
    set: (r, v) => void (r.categories[k] = v as number),
  }));

const pointParams = (): RuleParam[] =>
  POINT_RULE_CODES.map((code) => {
    const def = AGENT_RULES[code];
    return {
      group: `代办员考核规则（${AGENT_CATEGORIES[def.category].name}）`,
      code,
      name: def.text,
      note: `${SOURCE_NOTE[def.source] ?? ''}；负数为扣分，正数为加分`,
      kind: numberKind(-100, 100),
      get: (r) => r.agentPoints[code],
      set: (r, v) => void (r.agentPoints[code] = v as number),
    };
  });

const levelParams = (): RuleParam[] =>
  SATISFACTION_LEVELS.map((level) => ({
    group: '满意度等次分值（4.1 现场打分、4.2 季度评议）',
    code: level,
    name: `${level}（等次值 ${LEVEL_VALUE[level]}）`,
    note: level === '一般' ? '“比较满意”“基本满意”按“一般”计' : '',
    kind: numberKind(-100, 100),
    get: (r) => r.levelPoints[level],
    set: (r, v) => void (r.levelPoints[level] = v as number),
  }));

const weightParams = (): RuleParam[] =>
  CRITERION_KEYS.map((k) => ({
    group: '责任单位考评权重',
    code: UNIT_CRITERIA[k].name,
    name: UNIT_CRITERIA[k].what,
    note: '六项合计 100 分',
    kind: numberKind(0, 100),
    get: (r) => r.unitWeights[k],
    set: (r, v) => void (r.unitWeights[k] = v as number),
  }));

const rankingParams = (): RuleParam[] => [
  ...entriesOf(RANKING_PARAMS).map(([k, p]): RuleParam => ({
    group: '考核问责',
    code: p.name,
    name: p.name,
    note: '',
    kind: numberKind(1, 20, true),
    get: (r) => r.ranking[k],
    set: (r, v) => void (r.ranking[k] = v as number),
  })),
  {
    group: '考核问责',
    code: RANKED_CATEGORIES_PARAM.name,
    name: RANKED_CATEGORIES_PARAM.name,
    note: '承担这些类别项目的责任单位参加综合考评排名',
    kind: listOfKind(RANKED_CATEGORIES_PARAM.allowed),
    get: (r) => r.rankedCategories,
    set: (r, v) => void (r.rankedCategories = [...(v as readonly ProjectCategory[])]),
  },
];

const appraisalParams = (): RuleParam[] =>
  entriesOf(APPRAISAL_PARAMS).map(([k, p]) => ({
    group: '代办员民主评议（第六条）',
    code: p.name,
    name: p.name,
    note: '',
    kind: p.kind === 'integer' ? numberKind(p.min, p.max, true) : textKind,
    get: (r) => r.appraisal[k],
    set: (r, v) => void ((r.appraisal as Record<string, Value>)[k] = v),
  }));

/** The kind of value a 时限与参数 row takes. */
function scheduleKind(p: (typeof SCHEDULE_PARAMS)[keyof typeof SCHEDULE_PARAMS]): ValueKind {
  if (p.kind === 'integer') return numberKind(p.min, p.max, true);
  if (p.kind === 'weekday') return listKind(WEEKDAYS);
  if (p.kind === 'fraction') return listKind(FRACTION_MODES);
  return timeKind;
}

const scheduleParams = (): RuleParam[] =>
  entriesOf(SCHEDULE_PARAMS).map(([k, p]) => ({
    group: '时限与参数',
    code: p.name,
    name: p.name,
    note: p.kind === 'fraction' ? '按月：年度计划×月数/12；按日：年度计划×已过天数/全年天数' : '',
    kind: scheduleKind(p),
    get: (r) => r.schedule[k],
    set: (r, v) => void ((r.schedule as Record<string, Value>)[k] = v),
  }));

const boundParams = (): RuleParam[] =>
  entriesOf(BOUND_PARAMS).map(([k, p]) => ({
    group: '计分界限',
    code: p.name,
    name: p.name,
    note: '',
    kind: booleanKind,
    get: (r) => r.bounds[k],
    set: (r, v) => void (r.bounds[k] = v as boolean),
  }));

const documentParams = (): RuleParam[] =>
  entriesOf(DOCUMENT_PARAMS).map(([k, p]) => ({
    group: '公文',
    code: p.name,
    name: p.name,
    note: 'note' in p ? p.note : '',
    kind: lineKind,
    get: (r) => r.documents[k],
    set: (r, v) => void (r.documents[k] = v as string),
  }));

/** The 规则 sheet's rows in their order: group by group. */
const buildParams = (): RuleParam[] => [
  ...categoryParams(),
  ...pointParams(),
  ...levelParams(),
  ...weightParams(),
  ...rankingParams(),
  ...appraisalParams(),
  ...scheduleParams(),
  ...boundParams(),
  ...documentParams(),
];

export const RULE_PARAMS: readonly RuleParam[] = buildParams();

export const RULE_SHEET_HEADERS = ['分组', '编号', '名称', '值', '说明'] as const;

/** The rows of the 规则 sheet for a rule set (without the header row). */
export function ruleSetToRows(rules: RuleSet): Cell[][] {
  return RULE_PARAMS.map((p) => [p.group, p.code, p.name, p.kind.display(p.get(rules)), p.note]);
}

function cloneDraft(r: RuleSet): Draft {
  return structuredClone(r) as Draft;
}

interface RuleRowsResult {
  readonly rules: RuleSet;
  /** How many values differ from the defaults. */
  readonly changed: number;
  readonly label: string;
  readonly issues: readonly Issue[];
}

/**
 * Reads the rule set from 规则 rows: `code` and `value` cells with their 1-based sheet rows.
 * Missing values keep their defaults (noted), invalid ones keep their defaults (an error),
 * unknown codes are ignored (a warning).
 */
export function ruleSetFromRows(
  rows: readonly {
    readonly row: number;
    readonly code: Cell | undefined;
    readonly value: Cell | undefined;
  }[],
  sheet = '规则',
): RuleRowsResult {
  const draft = cloneDraft(DEFAULT_RULES);
  const issues: Issue[] = [];
  const codeKey = (c: string): string => matchKey(c).toLowerCase();
  const byKey = new Map(RULE_PARAMS.map((p) => [codeKey(p.code), p]));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const code = cellText(r.code);
    if (code === '') continue;
    const key = codeKey(code);
    const p = byKey.get(key);
    if (!p) {
      issues.push(issue('rules.unknown', { sheet, row: r.row, column: 2 }, { value: code }));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue('rules.duplicate', { sheet, row: r.row, column: 2 }, { value: code, firstRow: first }),
      );
      continue;
    }
    seen.set(key, r.row);
    const v = p.kind.parse(r.value);
    if (v === undefined) {
      issues.push(
        issue(
          'rules.invalid',
          { sheet, row: r.row, column: 4 },
          {
            value: p.code,
            typed: cellText(r.value),
            expected: p.kind.expected,
            default: String(p.kind.display(p.get(DEFAULT_RULES))),
          },
        ),
      );
      continue;
    }
    p.set(draft, v);
  }
  for (const p of RULE_PARAMS) {
    if (!seen.has(codeKey(p.code))) {
      issues.push(
        issue(
          'rules.missing',
          { sheet },
          { value: p.code, default: String(p.kind.display(p.get(DEFAULT_RULES))) },
        ),
      );
    }
  }
  const sum = (o: Readonly<Record<string, number>>): number =>
    Math.round(Object.values(o).reduce((a, b) => a + b, 0) * 100) / 100;
  if (sum(draft.categories) !== 100) {
    issues.push(issue('rules.sum', { sheet }, { what: '代办员考核六类满分', sum: sum(draft.categories) }));
  }
  if (sum(draft.unitWeights) !== 100) {
    issues.push(issue('rules.sum', { sheet }, { what: '责任单位考评权重', sum: sum(draft.unitWeights) }));
  }
  const rules: RuleSet = draft;
  const shown = (p: RuleParam, r: RuleSet): string => String(p.kind.display(p.get(r)));
  const changed = RULE_PARAMS.filter((p) => shown(p, rules) !== shown(p, DEFAULT_RULES)).length;
  return { rules, changed, label: ruleSetLabel(rules, changed), issues };
}
