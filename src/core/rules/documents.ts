/**
 * The words of the papers the office issues (the 通报 and the 会议纪要 as 公文): who they go to
 * and the names on their mastheads. Text values of the rule table, so an office changes them in
 * its 规则 sheet (e.g. its county's name before 重点项目情况通报) without code.
 */
export const DOCUMENT_PARAMS = {
  office: {
    name: '编印单位',
    value: '发展改革局重点项目办公室',
    note: '通报、议程、纪要的编制单位和印发机关；命令行 --office 优先',
  },
  bulletinMasthead: { name: '通报报头（发文机关标志）', value: '重点项目情况通报' },
  bulletinTo: {
    name: '通报主送（报）',
    value: '纪工委、工委（综合）办公室',
    note: '“五个一”分包制度 三：每月13日、26日报纪工委和工委（综合）办公室',
  },
  bulletinCc: { name: '通报抄送', value: '各项目指挥部，区（县）直各责任单位' },
  minutesMasthead: { name: '会议纪要报头', value: '重点项目建设周例会纪要' },
  minutesTo: {
    name: '会议纪要分送',
    value: '各项目指挥长，县级分包重点项目领导，区（县）直各责任单位，督查室',
    note: '周例会制度 六：会议纪要由发改局重点项目办负责起草、下发',
  },
} as const satisfies Record<string, { name: string; value: string; note?: string }>;

export type DocumentParam = keyof typeof DOCUMENT_PARAMS;
