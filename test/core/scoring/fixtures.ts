import type {
  Agent,
  Approval,
  Decision,
  Incident,
  Located,
  MasterData,
  Milestone,
  ProgressRow,
  Project,
  RankingRow,
  MeetingRow,
  SiteWorkRow,
  SiteWorkWeekRow,
  SubmissionRow,
  Survey,
  UnitScore,
} from '../../../src/core/master/types.js';
import { DEFAULT_RULES, type RuleSet } from '../../../src/core/rules/ruleset.js';
import type { SatisfactionLevel } from '../../../src/core/rules/satisfaction.js';
import type { ProjectCategory } from '../../../src/core/rules/vocab.js';

/**
 * A small builder of MasterData for the scoring tests: each add* call appends a record with
 * its sheet and the next 1-based row (the header is row 1), as the master reader would.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Lists = { -readonly [K in keyof MasterData]: MasterData[K] extends readonly (infer E)[] ? E[] : never };

const SHEETS = {
  projects: '项目登记',
  milestones: '节点计划',
  agents: '代办员名册',
  approvals: '代办事项',
  surveys: '满意度测评',
  incidents: '扣分记录',
  unitScores: '单位考评',
  rankingHistory: '排名历史',
  decisions: '督办事项',
  progressLog: '进展记录',
  submissionLog: '报送记录',
  siteWorkLog: '一线工作记录',
  siteWorkWeeks: '一线工作记录（按周）',
  meetings: '例会',
} as const;
type ListKey = keyof typeof SHEETS;

export type SurveyItems = readonly (SatisfactionLevel | undefined)[];

export class Fixture {
  private readonly lists: Pick<Lists, ListKey> = {
    projects: [],
    milestones: [],
    agents: [],
    approvals: [],
    surveys: [],
    incidents: [],
    unitScores: [],
    rankingHistory: [],
    decisions: [],
    progressLog: [],
    submissionLog: [],
    siteWorkLog: [],
    siteWorkWeeks: [],
    meetings: [],
  };
  rules: RuleSet = DEFAULT_RULES;

  private add(key: ListKey, record: unknown): this {
    const list = this.lists[key] as Located<unknown>[];
    list.push({ sheet: SHEETS[key], row: list.length + 2, record, columns: new Map() });
    return this;
  }

  project(projectId: string, p: Partial<Mutable<Project>> & { category?: ProjectCategory } = {}): this {
    const r: Project = {
      projectId,
      name: `项目${projectId}`,
      category: '省重点',
      content: undefined,
      location: undefined,
      totalInvestment: 10_000,
      annualPlan: 1_200,
      plannedStart: undefined,
      plannedEnd: undefined,
      hq: `${projectId}指挥部`,
      commander: '指挥长',
      unit: '发改局',
      unitHead: '一把手',
      agent: '代办员',
      townCadre: '乡镇干部',
      contactEmail: undefined,
      ...p,
    };
    return this.add('projects', r);
  }

  agent(name: string, level: '一级' | '二级' = '一级', unit?: string): this {
    const r: Agent = { name, level, unit };
    return this.add('agents', r);
  }

  approval(
    caseId: string,
    p: Partial<Mutable<Approval>> & Pick<Approval, 'projectId' | 'primaryAgent' | 'startDate' | 'limitDays'>,
  ): this {
    const r: Approval = {
      caseId,
      company: undefined,
      item: '用地规划许可',
      department: undefined,
      secondaryAgent: undefined,
      difficulty: '易',
      doneDate: undefined,
      onSiteRating: undefined,
      ...p,
    };
    return this.add('approvals', r);
  }

  /** A survey whose seven items are `items` (one level repeated, or up to seven levels). */
  survey(agent: string, date: string, items: SatisfactionLevel | SurveyItems, company?: string): this {
    const it = (i: number): SatisfactionLevel | undefined => (typeof items === 'string' ? items : items[i]);
    const r: Survey = {
      agent,
      date,
      company,
      attitude: it(0),
      efficiency: it(1),
      answers: it(2),
      appearance: it(3),
      fees: it(4),
      knowledge: it(5),
      lawful: it(6),
      comments: undefined,
      filledBy: undefined,
      phone: undefined,
    };
    return this.add('surveys', r);
  }

  incident(
    date: string,
    agent: string,
    ruleCode: string,
    p: { count?: number; points?: number; note?: string; recordedBy?: string } = {},
  ): this {
    const r: Incident = {
      date,
      agent,
      ruleCode,
      count: p.count,
      points: p.points,
      note: p.note,
      recordedBy: p.recordedBy,
    };
    return this.add('incidents', r);
  }

  milestone(projectId: string, seq: number, plannedDate: string, actualDate?: string): this {
    const r: Milestone = {
      projectId,
      seq,
      name: `节点${seq}`,
      plannedDate,
      actualDate,
      predecessors: undefined,
    };
    return this.add('milestones', r);
  }

  unitScore(period: string, unit: string, typed: Partial<Omit<UnitScore, 'period' | 'unit'>> = {}): this {
    const r: UnitScore = {
      period,
      unit,
      investment: undefined,
      milestones: undefined,
      reports: undefined,
      siteWork: undefined,
      decisions: undefined,
      approvals: undefined,
      ...typed,
    };
    return this.add('unitScores', r);
  }

  history(
    period: string,
    unit: string,
    rank: number,
    p: { streak?: number; total?: number; outcome?: '通报表扬' | '通报批评' } = {},
  ): this {
    const r: RankingRow = {
      period,
      unit,
      total: p.total,
      rank,
      outcome: p.outcome,
      streak: p.streak,
      action: undefined,
      rules: undefined,
    };
    return this.add('rankingHistory', r);
  }

  decision(itemId: string, unit: string, deadline: string, doneDate?: string): this {
    const r: Decision = {
      meetingDate: '2026-01-03',
      itemId,
      content: `事项${itemId}`,
      unit,
      deadline,
      doneDate,
      status: undefined,
    };
    return this.add('decisions', r);
  }

  progress(period: string, hq: string, projectId: string, cumulative: number | undefined): this {
    const r: ProgressRow = {
      period,
      hq,
      projectId,
      current: undefined,
      cumulative,
      image: undefined,
      problems: undefined,
    };
    return this.add('progressLog', r);
  }

  submission(period: string, hq: string, status: '按时' | '迟报' | '未报'): this {
    const r: SubmissionRow = {
      period,
      hq,
      submittedAt: undefined,
      timeSource: undefined,
      status,
      signed: undefined,
      file: undefined,
    };
    return this.add('submissionLog', r);
  }

  /** One visit of 一线工作记录 (one row per visit), logged in the report of `period`. */
  visit(period: string, date: string, hq: string, person: string, projectId?: string): this {
    const r: SiteWorkRow = { period, date, hq, person, role: undefined, projectId };
    return this.add('siteWorkLog', r);
  }

  /** A row of an older master's weekly 一线工作记录 (周 / 次数). */
  siteWorkWeek(week: string, hq: string, person: string, visits: number): this {
    const r: SiteWorkWeekRow = { week, hq, person, role: undefined, visits };
    return this.add('siteWorkWeeks', r);
  }

  /** A meeting of the 例会 sheet. */
  meeting(date: string, note?: string): this {
    const r: MeetingRow = { date, note };
    return this.add('meetings', r);
  }

  data(): MasterData {
    return {
      ...this.lists,
      holidays: [],
      rules: this.rules,
      rulesLabel: '测试规则',
    };
  }
}

/** A rule set with some values changed (a deep copy of the defaults). */
export function withRules(change: (r: RuleSetDraft) => void): RuleSet {
  const r = structuredClone(DEFAULT_RULES) as RuleSetDraft;
  change(r);
  return r;
}

type RuleSetDraft = { -readonly [K in keyof RuleSet]: { -readonly [P in keyof RuleSet[K]]: RuleSet[K][P] } };

/** Shuffles every list of a MasterData with a seeded generator (for invariance tests). */
export function shuffleData(d: MasterData, rand: () => number): MasterData {
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  };
  return {
    ...d,
    projects: shuffle(d.projects),
    milestones: shuffle(d.milestones),
    agents: shuffle(d.agents),
    approvals: shuffle(d.approvals),
    surveys: shuffle(d.surveys),
    incidents: shuffle(d.incidents),
    unitScores: shuffle(d.unitScores),
    rankingHistory: shuffle(d.rankingHistory),
    decisions: shuffle(d.decisions),
    progressLog: shuffle(d.progressLog),
    submissionLog: shuffle(d.submissionLog),
    siteWorkLog: shuffle(d.siteWorkLog),
    siteWorkWeeks: shuffle(d.siteWorkWeeks),
    meetings: shuffle(d.meetings),
    holidays: shuffle(d.holidays),
  };
}

/** A tiny deterministic generator (mulberry32) for shuffles driven by a fast-check integer. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
