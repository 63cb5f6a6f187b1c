/**
 * Deadlines and cut-offs of the three systems, as data (DOMAIN §3, §5, §6).
 */

export const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

export const FRACTION_MODES = ['按月', '按日'] as const;
/** 序时进度 by month (m/12) or by day (days elapsed / days in the year). */
export const [FRACTION_BY_MONTH, FRACTION_BY_DAY] = FRACTION_MODES;
/** 序时进度: 按月 = annual plan × m/12 at the end of month m; 按日 = days elapsed / days in year. */
export type FractionMode = (typeof FRACTION_MODES)[number];

type ParamKind =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'time' }
  | { readonly kind: 'weekday' }
  | { readonly kind: 'fraction' };

export const SCHEDULE_PARAMS = {
  firstReportDay: { name: '上半月报送日（每月）', value: 12, kind: 'integer', min: 1, max: 28 },
  secondReportDay: { name: '当月报送日（每月）', value: 25, kind: 'integer', min: 1, max: 28 },
  firstBulletinDay: { name: '上半月通报日（每月）', value: 13, kind: 'integer', min: 1, max: 28 },
  secondBulletinDay: { name: '当月通报日（每月）', value: 26, kind: 'integer', min: 1, max: 28 },
  topicCutoffWeekday: { name: '周例会议题截止（星期）', value: '星期二', kind: 'weekday' },
  topicCutoffTime: { name: '周例会议题截止（时刻）', value: '17:00', kind: 'time' },
  meetingWeekday: { name: '周例会召开（星期）', value: '星期六', kind: 'weekday' },
  agendaWeekday: { name: '周例会议程编制（星期）', value: '星期五', kind: 'weekday' },
  agentReportWeekday: { name: '代办员周报（星期）', value: '星期四', kind: 'weekday' },
  agentReportTime: { name: '代办员周报截止（时刻）', value: '18:00', kind: 'time' },
  siteVisitsPerWeek: { name: '每人每周一线工作最少次数', value: 2, kind: 'integer', min: 0, max: 7 },
  scheduleFraction: { name: '序时进度计算方式（按月/按日）', value: '按月', kind: 'fraction' },
  midMonthDay: {
    name: '上半月序时进度截止日（该日及以前按(m−0.5)/12）',
    value: 15,
    kind: 'integer',
    min: 1,
    max: 28,
  },
  warningBand: { name: '滞后黄色预警幅度（百分点）', value: 10, kind: 'integer', min: 0, max: 100 },
} as const satisfies Record<string, { name: string; value: number | string } & ParamKind>;

export type ScheduleParam = keyof typeof SCHEDULE_PARAMS;

/** `quote`: how a result sheet says the bound when it is on (after 分次扣分, with its comma). */
export const BOUND_PARAMS = {
  floorAtZero: { name: '类别得分不低于0（扣完为止）', value: true, quote: '，各类别扣完为止' },
  capAtFull: {
    name: '类别得分不高于满分（加分只补扣分）',
    value: true,
    quote: '，加分只补扣分、不超过该类满分',
  },
} as const satisfies Record<string, { name: string; value: boolean; quote: string }>;

export type BoundParam = keyof typeof BOUND_PARAMS;
