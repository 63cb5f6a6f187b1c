import type { MessageDef } from './codes.js';

/**
 * What `kpd help CMD` prints for each command: its synopsis, what it does, its options and exit
 * codes. A test checks that each names exactly the options its command takes.
 */
export const USAGE_MESSAGES = {
  'usage.templates': {
    severity: 'info',
    zh: `kpd templates [--out DIR]
  写出下发和编制用的空白模板，默认写入 templates/（共 11 个文件）：
  报送用：总台账.xlsx（含示例行和默认规则表）、半月进展报表.xlsx、周例会议题申报表.xlsx、代办员周报.xlsx、周例会议定事项.xlsx；
  样式模板：重点项目情况通报.xlsx、周例会议程.xlsx；
  空白代办表格（各一页 A4）：代办受理表.xlsx、督导代办情况记录表.xlsx、手续代办移交表.xlsx、代办员满意度测评表.xlsx。
  已有同名文件会被替换。`,
    en: `kpd templates [--out DIR]
  Writes the blank templates to hand out and to draw up with, into templates/ by default (11 files):
  for reporting: 总台账.xlsx (with sample rows and the default rules), 半月进展报表.xlsx, 周例会议题申报表.xlsx, 代办员周报.xlsx, 周例会议定事项.xlsx;
  style templates: 重点项目情况通报.xlsx, 周例会议程.xlsx;
  blank agent forms (one A4 page each): 代办受理表.xlsx, 督导代办情况记录表.xlsx, 手续代办移交表.xlsx, 代办员满意度测评表.xlsx.
  Files of the same name are replaced.`,
  },
  'usage.validate': {
    severity: 'info',
    zh: `kpd validate FILE|DIR... [--json] [--master 总台账.xlsx]
  检查填好的模板：必填、类型、范围、下拉选项、编号唯一、跨表引用、“五个一”、日期先后等。
  --master FILE  对照总台账检查半月报表中的项目和指挥部
  退出码：0 无错误（可有警告）；1 有错误；2 有无法读取的文件（其余文件仍会检查）`,
    en: `kpd validate FILE|DIR... [--json] [--master 总台账.xlsx]
  Checks filled-in templates: required cells, types, ranges, drop-down values, unique IDs, cross-sheet references, the "five ones", date order.
  --master FILE  check the projects and HQs of half-monthly reports against the master
  Exit codes: 0 no errors (warnings allowed); 1 errors; 2 some files could not be read (the others are still checked)`,
  },
  'usage.deadlines': {
    severity: 'info',
    zh: `kpd deadlines YEAR [--json] [--holidays FILE] [--master 总台账.xlsx] [--weekly]
  列出 YEAR 年 24 个半月报告期的应报日、报送截止日（遇节假日提前）和通报日。
  --holidays FILE  节假日文件（CSV 或 xlsx，列：日期、类型(休/班)、说明），优先于内置数据
  --master FILE    使用总台账的「节假日」和「规则」表
  --weekly         同时列出每周例会日、议题截止（周二17:00）和代办员周报截止（周四18:00）`,
    en: `kpd deadlines YEAR [--json] [--holidays FILE] [--master 总台账.xlsx] [--weekly]
  Lists the 24 half-month report periods of YEAR: reporting day, due date (earlier when it falls on a holiday) and bulletin day.
  --holidays FILE  holiday file (CSV or xlsx; columns 日期, 类型 (休/班), 说明), taking precedence over the built-in data
  --master FILE    use the master's 节假日 and 规则 sheets
  --weekly         also list each weekly meeting day, the topic deadline (Tuesday 17:00) and the agent weekly report deadline (Thursday 18:00)`,
  },
  'usage.merge': {
    severity: 'info',
    zh: `kpd merge 输入... --master 总台账.xlsx --period 2026-11-1 --out 通报.xlsx [--json]
  把邮件收到的半月进展报表汇总成《重点项目情况通报》。
  输入可以是 .xlsx 文件、文件夹（含子文件夹）、.eml 邮件（取其中的 .xlsx 附件和邮件时间）、.zip 压缩包。
  --period ID       报告期：2026-11-1（上半月，12日报）或 2026-11-2（当月，25日报）
  --template FILE   本单位自制的通报模板（按表头填充，保留原有格式）
  --received FILE   登记的收到时间（CSV：文件,收到时间），用于没有邮件时间的文件
  --holidays FILE   节假日文件，优先于内置数据
  --office NAME     编制单位（通报落款），默认“发展改革局重点项目办公室”
  --doc FILE        同时写出 Word 公文格式的通报（.docx：版头、正文、汇总表和图、版记）
  --annex FILE      数据问题、来源另存为附件工作簿（.xlsx，供办公室留存）：通报中不再含这两张表，可直接发出
  退出码：0 已生成通报（迟报、未报、未并入的行都是通报内容）；2 无法生成（缺总台账、参数有误）`,
    en: `kpd merge INPUTS... --master 总台账.xlsx --period 2026-11-1 --out 通报.xlsx [--json]
  Merges the half-monthly progress reports received by e-mail into the bulletin (重点项目情况通报).
  Inputs may be .xlsx files, folders (with subfolders), .eml messages (their .xlsx attachments and the message time) and .zip archives.
  --period ID       report period: 2026-11-1 (first half, due on the 12th) or 2026-11-2 (the month, due on the 25th)
  --template FILE   the office's own bulletin template (filled by its headers, its formatting kept)
  --received FILE   logged arrival times (CSV: file, time received) for files without a mail time
  --holidays FILE   holiday file, taking precedence over the built-in data
  --office NAME     the issuing office (signature of the bulletin), by default 发展改革局重点项目办公室
  --doc FILE        also write the bulletin as an official Word document (.docx: masthead, text, summary tables and charts, colophon)
  --annex FILE      write 数据问题 and 来源 to an annex workbook of their own (.xlsx, for the office): the bulletin then holds neither and can be sent as it is
  Exit codes: 0 bulletin written (late, missing and rows not merged are part of the bulletin); 2 could not write it (no master, wrong arguments)`,
  },
  'usage.score': {
    severity: 'info',
    zh: `kpd score 总台账.xlsx --period 2026Q3 --out 考核结果.xlsx [--json]
  计算代办员季度考核（附件1，百分制）和责任单位综合考评排名（前三表扬、后三批评、连续倒数第一问责）。
  结果写入总台账的副本（--out），新增或替换「代办员考核结果」「扣分明细」「单位考评排名」「数据问题」，
  并在「排名历史」追加本期（重复计算同一期会替换，不会重复）。原总台账不会被修改。
  --period  2026Q3（季度）或 2026H2（半年，只做单位排名；代办员按季度考核）
  --holidays FILE  节假日文件，优先于内置数据`,
    en: `kpd score 总台账.xlsx --period 2026Q3 --out 考核结果.xlsx [--json]
  Computes the quarterly agent assessment (Annex 1, out of 100) and the ranking of responsible units (top three praised, bottom three criticised, last twice running held to account).
  The results go into a copy of the master (--out): 代办员考核结果, 扣分明细, 单位考评排名 and 数据问题 are added or replaced,
  and this period is appended to 排名历史 (computing the same period again replaces it, never duplicates). The master itself is not modified.
  --period  2026Q3 (quarter) or 2026H2 (half-year: unit ranking only; agents are assessed by quarter)
  --holidays FILE  holiday file, taking precedence over the built-in data`,
  },
  'usage.ledger': {
    severity: 'info',
    zh: `kpd ledger import 通报.xlsx|议定事项.xlsx --into 总台账.xlsx --out 新总台账.xlsx [--period 2026-11-1] [--json]
  把通报中的本期数据追加到总台账的「进展记录」「报送记录」「一线工作记录」（单位排名读取这些记录）；
  把周例会议定事项（kpd minutes 生成、会上填好）写入「督办事项」，由督查室跟踪。
  同一期（同一次会议）再次导入会替换（更新），不会重复。原总台账不会被修改，结果写入 --out。
kpd ledger import 代办员周报.xlsx... --into 总台账.xlsx --out 新总台账.xlsx [--json]
  把代办员周报（可一次多份）逐行追加到总台账的「代办周报记录」；同一代办员同一周再次导入会替换，不会重复。`,
    en: `kpd ledger import 通报.xlsx|议定事项.xlsx --into 总台账.xlsx --out 新总台账.xlsx [--period 2026-11-1] [--json]
  Appends the bulletin's figures for the period to the master's 进展记录, 报送记录 and 一线工作记录 (which the unit ranking reads);
  writes the weekly meeting decisions (made by kpd minutes, filled in at the meeting) into 督办事项 for follow-up.
  Importing the same period (the same meeting) again replaces it (updates), never duplicates. The master is not modified; the result goes to --out.
kpd ledger import 代办员周报.xlsx... --into 总台账.xlsx --out 新总台账.xlsx [--json]
  Appends agent weekly reports (several at once) row by row to the master's 代办周报记录; the same agent and week imported again replaces it.`,
  },
  'usage.agenda': {
    severity: 'info',
    zh: `kpd agenda [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 周例会议程.xlsx [--json]
  编制周六例会议程：一、督办事项落实情况（已完成／未到期／逾期未完成）；二、逐个指挥部的申报议题和滞后项目
  （按总台账「进展记录」最近一期和节点计划自动列入）；三、主任总结。输入同 merge（文件、文件夹、.eml、.zip）。
  周二 17:00 后申报的议题转入下周，缺签字的标出。原文件不会被修改。
  --meeting DATE   例会日期（周六）
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编制单位，默认“发展改革局重点项目办公室”`,
    en: `kpd agenda [TOPIC FORMS...] --master 总台账.xlsx --meeting 2026-11-14 --out 周例会议程.xlsx [--json]
  Draws up the Saturday meeting agenda: 1. follow-up of decisions (done / not yet due / overdue); 2. each HQ's topics and projects behind schedule
  (from the master's latest 进展记录 and milestone plan); 3. the director's summary. Inputs as for merge (files, folders, .eml, .zip).
  Topics submitted after Tuesday 17:00 go to the next week; missing signatures are marked. No input is modified.
  --meeting DATE   the meeting date (a Saturday)
  --holidays FILE  holiday file, taking precedence over the built-in data
  --office NAME    the issuing office, by default 发展改革局重点项目办公室`,
  },
  'usage.chart': {
    severity: 'info',
    zh: `kpd chart --master 总台账.xlsx [--hq 指挥部] [--on 2026-11-13] --out 进度图.xlsx [--json]
  挂图作战：按「节点计划」画出各项目建设进度计划网络图，每个指挥部一张表、每个项目一块，A3 横向打印。
  时间轴按周或按月，计划完成◆、实际完成●，已完成节点红色（红旗）、逾期未完成节点黑色（黑旗），红线为今日。
  --hq NAME      只画这个指挥部
  --on DATE      截至日期（今日线、逾期判断），默认今天
  --office NAME  编制单位（页脚），默认“发展改革局重点项目办公室”
  打印为 PDF：soffice --headless --convert-to pdf 进度图.xlsx`,
    en: `kpd chart --master 总台账.xlsx [--hq HQ] [--on 2026-11-13] --out 进度图.xlsx [--json]
  Wall charts: the construction schedule network of each project from 节点计划, one sheet per HQ and one block per project, printed A3 landscape.
  Time axis by week or by month; planned ◆, done ●; milestones done in red (red flag), overdue ones in black (black flag); the red line is today.
  --hq NAME      draw this HQ only
  --on DATE      as of this date (today line, overdue), by default today
  --office NAME  the issuing office (footer), by default 发展改革局重点项目办公室
  Print to PDF: soffice --headless --convert-to pdf 进度图.xlsx`,
  },
  'usage.forms': {
    severity: 'info',
    zh: `kpd forms --master 总台账.xlsx --case 案卷号 --out DIR [--json]
  打印一个代办案卷的纸质表格（按总台账「代办事项」「满意度测评」），每份一页 A4：
  代办受理表（附工作守则）、督导代办情况记录表（每办结一项登记一行）、手续代办移交表、代办员满意度测评表（附件3）。
  空白表格由 kpd templates 生成。打印为 PDF：soffice --headless --convert-to pdf --outdir DIR DIR/*.xlsx`,
    en: `kpd forms --master 总台账.xlsx --case CASE --out DIR [--json]
  Prints the paper forms of one agency case (from the master's 代办事项 and 满意度测评), one A4 page each:
  代办受理表 (with the code of conduct), 督导代办情况记录表 (one row per item done), 手续代办移交表, 代办员满意度测评表 (Annex 3).
  The blank forms are written by kpd templates. Print to PDF: soffice --headless --convert-to pdf --outdir DIR DIR/*.xlsx`,
  },
  'usage.mail': {
    severity: 'info',
    zh: `kpd mail fetch --config 邮箱.toml (--period 2026-11-1 | --meeting 2026-11-14) --into 文件夹 [--master 总台账.xlsx] [--holidays FILE] [--json]
  从单位邮箱（IMAP，加密连接）取回本期以来带有半月进展报表（--period）或议题申报表（--meeting）的邮件，
  原样存为 .eml，旁边记下服务器收到的时间（汇总和议程按它判断是否按时）。再运行只取新邮件，不会重复；
  服务器上的邮件不删除、不标记（除非 邮箱.toml 中设置了 mark_seen / move_to）。
  密码来自环境变量（默认 KPD_IMAP_PASSWORD）或系统钥匙串，不写在任何文件里。

kpd mail remind --master 总台账.xlsx --period 2026-11-1 [--reports 文件夹...] [--config 邮箱.toml] [--send] [--outbox 文件夹] [--at 2026-11-13T08:30]
    [--office NAME] [--holidays FILE] [--json]
  给各指挥部的联系邮箱（「项目登记」联系邮箱一栏）写报送提醒或催报：截止日前发给全部指挥部，
  截止后只发给未报、未签字、缺项目的（需 --reports 给出已收到的报表，读法同 merge），附空白模板。
  不加 --send 只显示将发给谁、写什么（--outbox 另存为 .eml）；加 --send 才经 SMTP 发出。
  --office NAME    提醒的落款单位，默认取 邮箱.toml 或“发展改革局重点项目办公室”
  --holidays FILE  节假日文件（两个子命令都可用），默认取 邮箱.toml 的设置，再按内置数据`,
    en: `kpd mail fetch --config 邮箱.toml (--period 2026-11-1 | --meeting 2026-11-14) --into FOLDER [--master 总台账.xlsx] [--holidays FILE] [--json]
  Fetches from the office mailbox (IMAP, encrypted) the messages since the period began that carry half-monthly reports (--period)
  or topic forms (--meeting), saved as they are (.eml) with the time the server received them beside each (merge and agenda judge lateness by it).
  Run again, it fetches only new messages; nothing on the server is deleted or marked (unless 邮箱.toml sets mark_seen / move_to).
  The password comes from an environment variable (KPD_IMAP_PASSWORD by default) or the system keychain, never from a file.

kpd mail remind --master 总台账.xlsx --period 2026-11-1 [--reports FOLDER...] [--config 邮箱.toml] [--send] [--outbox FOLDER] [--at 2026-11-13T08:30]
    [--office NAME] [--holidays FILE] [--json]
  Writes reminders to each HQ's contact address (项目登记, 联系邮箱): before the due date to every HQ;
  after it only to those missing, unsigned or short of projects (give the reports received with --reports, read as merge reads them), with the blank template.
  Without --send it only shows to whom and what (--outbox saves them as .eml); with --send it sends them by SMTP.
  --office NAME    the office signing the reminders, by default from 邮箱.toml or 发展改革局重点项目办公室
  --holidays FILE  holiday file (both subcommands), by default from 邮箱.toml, then the built-in data`,
  },
  'usage.schedule': {
    severity: 'info',
    zh: `kpd schedule --master 总台账.xlsx --config 邮箱.toml [--send] [--once [--at 2026-11-11T09:00]] [--dry-run]
  按「规则」表和节假日安排自动完成每期的例行工作：报送截止日前一个工作日发提醒；截止日下班后取邮件、汇总通报草稿；
  通报日早上再取邮件、汇总正式通报、写催报名单并催报；议题截止（周二 17:00）时取议题申报表；周五编制例会议程。
  每一步写入日志文件（邮箱.toml 的 [schedule] log）。不加 --send 时提醒和催报只写入待发送文件夹，不发出。
  --once      只执行此刻到时的步骤后退出（供 Windows 任务计划程序或 cron 定时调用）；不加则一直运行
  --at TIME   以该时刻为“现在”（北京时间），如 2026-11-13T08:30
  --dry-run   只说明此刻会做什么，什么也不做
  没有当年节假日数据时停止运行并说明原因。`,
    en: `kpd schedule --master 总台账.xlsx --config 邮箱.toml [--send] [--once [--at 2026-11-11T09:00]] [--dry-run]
  Does each period's routine by the 规则 sheet and the holidays: a reminder one working day before the due date; after hours on the due date,
  fetch mail and draft the bulletin; on bulletin day morning fetch again, merge the final bulletin, list and remind the missing;
  at the topic deadline (Tuesday 17:00) fetch topic forms; on Friday draw up the meeting agenda.
  Each step is logged (邮箱.toml [schedule] log). Without --send reminders only go to the outbox folder, not sent.
  --once      run the steps due now, then exit (for Windows Task Scheduler or cron); without it, keeps running
  --at TIME   take this moment as "now" (Beijing time), e.g. 2026-11-13T08:30
  --dry-run   only say what would be done now, do nothing
  Stops and says why when there is no holiday data for the year.`,
  },
  'usage.holidays': {
    severity: 'info',
    zh: `kpd holidays import 通知.txt [--year 2027] --into 总台账.xlsx --out 新总台账.xlsx [--csv 节假日.csv] [--json]
  把国务院办公厅《关于YYYY年部分节假日安排的通知》全文（.txt，UTF-8 或 GBK）读成「节假日」表的行：
  每项的放假日期为“休”，调休上班日为“班”。逐项核对：日期有效、括号中的星期与日期相符、天数与“共N天”相符、
  上班日是周六或周日。通知有误时不写入任何文件，并指出第几行什么问题。
  --year YEAR    通知中没有年份时给出（有年份时须一致）
  --into/--out   写入总台账副本的「节假日」表（同日期的旧行按通知替换，其他行保留），原总台账不会被修改
  --csv FILE     另存为 CSV（日期,类型,说明），可用作 --holidays 文件`,
    en: `kpd holidays import NOTICE.txt [--year 2027] --into 总台账.xlsx --out 新总台账.xlsx [--csv 节假日.csv] [--json]
  Reads the full text of the State Council notice on the year's holidays (.txt, UTF-8 or GBK) as rows of the 节假日 sheet:
  each day off as 休, each working weekend day as 班. Checked item by item: valid dates, the weekday in brackets matches the date, the count matches "共N天",
  working days fall on a Saturday or Sunday. When the notice has a mistake nothing is written, and the line and the problem are named.
  --year YEAR    give it when the notice names no year (when it does, they must agree)
  --into/--out   write the 节假日 sheet of a copy of the master (rows of the same dates replaced by the notice, others kept); the master is not modified
  --csv FILE     also save as CSV (日期, 类型, 说明), usable as a --holidays file`,
  },
  'usage.minutes': {
    severity: 'info',
    zh: `kpd minutes [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 会议纪要.docx [--decisions 议定事项.xlsx] [--json]
  起草周例会会议纪要（Word 公文格式）：督办事项落实情况、各指挥部汇报的问题和滞后项目、会议议定事项、
  出席/请假/列席（留空待填）；同时生成本次会议的《周例会议定事项》工作簿（事项编号已预先编好），
  会上填写后用 kpd ledger import 导入「督办事项」，再加 --decisions 重新生成纪要即填入议定事项表。
  --decisions FILE 填好的议定事项工作簿（不给时取「督办事项」中本次会议的事项）
  --form FILE      议定事项工作簿写到哪里，默认与纪要同目录的「纪要名-议定事项.xlsx」
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编印单位，默认取「规则」表（发展改革局重点项目办公室）`,
    en: `kpd minutes [TOPIC FORMS...] --master 总台账.xlsx --meeting 2026-11-14 --out 会议纪要.docx [--decisions 议定事项.xlsx] [--json]
  Drafts the weekly meeting minutes (official Word format): follow-up of decisions, the problems and lagging projects each HQ reports, the decisions,
  attendance (left blank to fill in); also writes this meeting's decisions workbook (周例会议定事项, item numbers already assigned):
  filled in at the meeting, kpd ledger import puts it into 督办事项; run again with --decisions to fill the decisions table of the minutes.
  --decisions FILE the filled-in decisions workbook (without it, this meeting's items in 督办事项)
  --form FILE      where to write the decisions workbook, by default beside the minutes as 「NAME-议定事项.xlsx」
  --holidays FILE  holiday file, taking precedence over the built-in data
  --office NAME    the issuing office, by default from the 规则 sheet (发展改革局重点项目办公室)`,
  },
} as const satisfies Record<string, MessageDef>;
