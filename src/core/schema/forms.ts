/**
 * The agents' paper forms of the 代办员制度 (五、工作流程): 代办受理表, 督导代办情况记录表,
 * 手续代办移交表 and the 满意度测评表 of 附件3. Every word printed on them is here; the layouts are
 * in core/jobs/forms-layout.ts, the 工作守则 of 附件2 in rules/conduct.ts.
 */
import { SURVEY_ITEMS } from '../rules/vocab.js';

export const FORMS_VERSION = 1;

/** Labels of what the hidden _kpd sheet records about a filled form. */
export const FORM_META = { caseId: '案卷号' } as const;

/** Ticks the chosen level of a filled survey (√ is in every Chinese font; ✓ is not). */
export const TICK = '√';

/** A blank to write on: the date as a person fills it in by hand. */
export const BLANK_DATE = '　　年　　月　　日';
/** A signature's words and the blank date after them, a full-width space apart as on the paper forms. */
export const SIGN_AND_DATE = '{sign}　{date}';

export const ACCEPTANCE_FORM = {
  id: 'kpd.form.acceptance',
  fileName: '代办受理表.xlsx',
  title: '行政审批服务代办受理表',
  caseId: '案卷号：{value}',
  accepted: '受理日期：{value}',
  labels: {
    company: '企业名称',
    project: '项目名称',
    projectId: '项目编号',
    category: '项目类别',
    location: '建设地点',
    investment: '总投资（万元）',
    content: '建设内容',
    client: '企业委托人',
    clientPhone: '联系电话',
    agent: '一级代办员',
    agentPhone: '联系电话',
  },
  approvals: '申请代办的行政审批事项',
  columns: ['序号', '审批事项', '审批部门', '二级代办员', '难度', '时限（工作日）', '开始日期'],
  pledge: '本企业委托代办员代为办理上述行政审批手续，所提供的申报材料真实、有效。',
  signatures: ['企业委托人（签字）：', '企业（盖章）', '受理代办员（签字）：', '重点项目办公室（盖章）'],
} as const;

export const RECORD_FORM = {
  id: 'kpd.form.record',
  fileName: '督导代办情况记录表.xlsx',
  title: '行政审批服务督导代办情况记录表',
  labels: { caseId: '案卷号', project: '项目名称', company: '企业名称', agent: '一级代办员' },
  columns: [
    '序号',
    '审批事项',
    '审批部门',
    '二级代办员',
    '开始日期',
    '办结日期',
    '时限（工作日）',
    '用时（工作日）',
    '是否按时',
    '现场评价',
    '企业经办人（签字）',
  ],
  onTime: '按时',
  late: '超时',
  open: '尚未办结 {count} 项：{items}。',
  openItem: '{item}（{department}，{start} 开始，应于 {due} 前办结）',
  openSeparator: '；',
  allDone: '本案卷审批事项已全部办结，请填写手续代办移交表。',
  note: '注：每办结一项审批手续即登记一行（代办员制度 五、4）。',
  signatures: ['一级代办员（签字）：', '重点项目办公室审核（签字）：'],
} as const;

export const HANDOVER_FORM = {
  id: 'kpd.form.handover',
  fileName: '手续代办移交表.xlsx',
  title: '行政审批手续代办移交表',
  caseId: '案卷号：{value}',
  handedOver: '移交日期：{value}',
  labels: { company: '企业名称', project: '项目名称', projectId: '项目编号', agent: '一级代办员' },
  columns: ['序号', '审批事项', '审批部门', '办结日期', '批准文件及文号', '份数', '备注'],
  notDone: '未办结',
  statement:
    '以上行政审批手续已全部办理完毕，代办档案资料共　　　件，经双方核对无误，移交企业委托人（代办员制度 五、5）。',
  signatures: [
    '移交人（一级代办员）签字：',
    '接收人（企业委托人）签字：',
    '监交人（重点项目办公室）签字：',
    '企业（盖章）',
  ],
} as const;

/** 附件3 代办员满意度测评表, word for word (the two long items as the notice prints them). */
export const SURVEY_FORM = {
  id: 'kpd.form.survey',
  fileName: '代办员满意度测评表.xlsx',
  title: '代办员满意度测评表',
  lead: '为了进一步提高代办员的服务质量和水平，请您对我们的工作提出宝贵意见和建议',
  /** Not on 附件3: who is rated, so the filled form can be filed (案卷号, 代办员, 企业). */
  whom: '案卷号：{caseId}　　被测评代办员：{agent}　　企业名称：{company}',
  itemHeader: '测评项目',
  items: SURVEY_ITEMS.map((it) => ({ key: it.key, text: 'printed' in it ? it.printed : it.header })),
  comments: '对“代办员”工作的意见和建议',
  filledBy: '填写人姓名：',
  phone: '联系电话：',
  date: '日期：',
  /** 附件3 prints the date as 年 月. */
  blankDate: '　　　年　　　月',
  monthDate: '{year}年{month}月',
} as const;

export const FORMS = [ACCEPTANCE_FORM, RECORD_FORM, HANDOVER_FORM, SURVEY_FORM] as const;
export type FormKind = 'acceptance' | 'record' | 'handover' | 'survey';
