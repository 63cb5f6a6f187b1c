/** Usage texts, kept apart from the commands so `kpd --help` loads no command code. */

export const TEMPLATES_USAGE = `kpd templates [--out DIR]
  写出下发和编制用的空白模板，默认写入 templates/（共 11 个文件）：
  报送用：总台账.xlsx（含示例行和默认规则表）、半月进展报表.xlsx、周例会议题申报表.xlsx、代办员周报.xlsx、周例会议定事项.xlsx；
  样式模板：重点项目情况通报.xlsx、周例会议程.xlsx；
  空白代办表格（各一页 A4）：代办受理表.xlsx、督导代办情况记录表.xlsx、手续代办移交表.xlsx、代办员满意度测评表.xlsx。
  已有同名文件会被替换。`;

export const VALIDATE_USAGE = `kpd validate FILE|DIR... [--json] [--master 总台账.xlsx]
  检查填好的模板：必填、类型、范围、下拉选项、编号唯一、跨表引用、“五个一”、日期先后等。
  --master FILE  对照总台账检查半月报表中的项目和指挥部
  退出码：0 无错误（可有警告）；1 有错误；2 有无法读取的文件（其余文件仍会检查）`;

export const DEADLINES_USAGE = `kpd deadlines YEAR [--json] [--holidays FILE] [--master 总台账.xlsx] [--weekly]
  列出 YEAR 年 24 个半月报告期的应报日、报送截止日（遇节假日提前）和通报日。
  --holidays FILE  节假日文件（CSV 或 xlsx，列：日期、类型(休/班)、说明），优先于内置数据
  --master FILE    使用总台账的「节假日」和「规则」表
  --weekly         同时列出每周例会日、议题截止（周二17:00）和代办员周报截止（周四18:00）`;

export const MERGE_USAGE = `kpd merge 输入... --master 总台账.xlsx --period 2026-11-1 --out 通报.xlsx [--json]
  把邮件收到的半月进展报表汇总成《重点项目情况通报》。
  输入可以是 .xlsx 文件、文件夹（含子文件夹）、.eml 邮件（取其中的 .xlsx 附件和邮件时间）、.zip 压缩包。
  --period ID       报告期：2026-11-1（上半月，12日报）或 2026-11-2（当月，25日报）
  --template FILE   本单位自制的通报模板（按表头填充，保留原有格式）
  --received FILE   登记的收到时间（CSV：文件,收到时间），用于没有邮件时间的文件
  --holidays FILE   节假日文件，优先于内置数据
  --office NAME     编制单位（通报落款），默认“发展改革局重点项目办公室”
  --doc FILE        同时写出 Word 公文格式的通报（.docx：版头、正文、汇总表和图、版记）
  退出码：0 已生成通报（迟报、未报、未并入的行都是通报内容）；2 无法生成（缺总台账、参数有误）`;

export const SCORE_USAGE = `kpd score 总台账.xlsx --period 2026Q3 --out 考核结果.xlsx [--json]
  计算代办员季度考核（附件1，百分制）和责任单位综合考评排名（前三表扬、后三批评、连续倒数第一问责）。
  结果写入总台账的副本（--out），新增或替换「代办员考核结果」「扣分明细」「单位考评排名」「数据问题」，
  并在「排名历史」追加本期（重复计算同一期会替换，不会重复）。原总台账不会被修改。
  --period  2026Q3（季度）或 2026H2（半年，只做单位排名；代办员按季度考核）
  --holidays FILE  节假日文件，优先于内置数据`;

export const LEDGER_USAGE = `kpd ledger import 通报.xlsx|议定事项.xlsx --into 总台账.xlsx --out 新总台账.xlsx [--period 2026-11-1] [--json]
  把通报中的本期数据追加到总台账的「进展记录」「报送记录」「一线工作记录」（单位排名读取这些记录）；
  把周例会议定事项（kpd minutes 生成、会上填好）写入「督办事项」，由督查室跟踪。
  同一期（同一次会议）再次导入会替换（更新），不会重复。原总台账不会被修改，结果写入 --out。
kpd ledger import 代办员周报.xlsx... --into 总台账.xlsx --out 新总台账.xlsx [--json]
  把代办员周报（可一次多份）逐行追加到总台账的「代办周报记录」；同一代办员同一周再次导入会替换，不会重复。`;

export const AGENDA_USAGE = `kpd agenda [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 周例会议程.xlsx [--json]
  编制周六例会议程：一、督办事项落实情况（已完成／未到期／逾期未完成）；二、逐个指挥部的申报议题和滞后项目
  （按总台账「进展记录」最近一期和节点计划自动列入）；三、主任总结。输入同 merge（文件、文件夹、.eml、.zip）。
  周二 17:00 后申报的议题转入下周，缺签字的标出。原文件不会被修改。
  --meeting DATE   例会日期（周六）
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编制单位，默认“发展改革局重点项目办公室”`;

export const CHART_USAGE = `kpd chart --master 总台账.xlsx [--hq 指挥部] [--on 2026-11-13] --out 进度图.xlsx [--json]
  挂图作战：按「节点计划」画出各项目建设进度计划网络图，每个指挥部一张表、每个项目一块，A3 横向打印。
  时间轴按周或按月，计划完成◆、实际完成●，已完成节点红色（红旗）、逾期未完成节点黑色（黑旗），红线为今日。
  --hq NAME      只画这个指挥部
  --on DATE      截至日期（今日线、逾期判断），默认今天
  --office NAME  编制单位（页脚），默认“发展改革局重点项目办公室”
  打印为 PDF：soffice --headless --convert-to pdf 进度图.xlsx`;

export const FORMS_USAGE = `kpd forms --master 总台账.xlsx --case 案卷号 --out DIR [--json]
  打印一个代办案卷的纸质表格（按总台账「代办事项」「满意度测评」），每份一页 A4：
  代办受理表（附工作守则）、督导代办情况记录表（每办结一项登记一行）、手续代办移交表、代办员满意度测评表（附件3）。
  空白表格由 kpd templates 生成。打印为 PDF：soffice --headless --convert-to pdf --outdir DIR DIR/*.xlsx`;
export const MAIL_USAGE = `kpd mail fetch --config 邮箱.toml (--period 2026-11-1 | --meeting 2026-11-14) --into 文件夹 [--master 总台账.xlsx] [--holidays FILE] [--json]
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
  --holidays FILE  节假日文件（两个子命令都可用），默认取 邮箱.toml 的设置，再按内置数据`;

export const SCHEDULE_USAGE = `kpd schedule --master 总台账.xlsx --config 邮箱.toml [--send] [--once [--at 2026-11-11T09:00]] [--dry-run]
  按「规则」表和节假日安排自动完成每期的例行工作：报送截止日前一个工作日发提醒；截止日下班后取邮件、汇总通报草稿；
  通报日早上再取邮件、汇总正式通报、写催报名单并催报；议题截止（周二 17:00）时取议题申报表；周五编制例会议程。
  每一步写入日志文件（邮箱.toml 的 [schedule] log）。不加 --send 时提醒和催报只写入待发送文件夹，不发出。
  --once      只执行此刻到时的步骤后退出（供 Windows 任务计划程序或 cron 定时调用）；不加则一直运行
  --at TIME   以该时刻为“现在”（北京时间），如 2026-11-13T08:30
  --dry-run   只说明此刻会做什么，什么也不做
  没有当年节假日数据时停止运行并说明原因。`;

export const HOLIDAYS_USAGE = `kpd holidays import 通知.txt [--year 2027] --into 总台账.xlsx --out 新总台账.xlsx [--csv 节假日.csv] [--json]
  把国务院办公厅《关于YYYY年部分节假日安排的通知》全文（.txt，UTF-8 或 GBK）读成「节假日」表的行：
  每项的放假日期为“休”，调休上班日为“班”。逐项核对：日期有效、括号中的星期与日期相符、天数与“共N天”相符、
  上班日是周六或周日。通知有误时不写入任何文件，并指出第几行什么问题。
  --year YEAR    通知中没有年份时给出（有年份时须一致）
  --into/--out   写入总台账副本的「节假日」表（同日期的旧行按通知替换，其他行保留），原总台账不会被修改
  --csv FILE     另存为 CSV（日期,类型,说明），可用作 --holidays 文件`;

export const MINUTES_USAGE = `kpd minutes [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 会议纪要.docx [--decisions 议定事项.xlsx] [--json]
  起草周例会会议纪要（Word 公文格式）：督办事项落实情况、各指挥部汇报的问题和滞后项目、会议议定事项、
  出席/请假/列席（留空待填）；同时生成本次会议的《周例会议定事项》工作簿（事项编号已预先编好），
  会上填写后用 kpd ledger import 导入「督办事项」，再加 --decisions 重新生成纪要即填入议定事项表。
  --decisions FILE 填好的议定事项工作簿（不给时取「督办事项」中本次会议的事项）
  --form FILE      议定事项工作簿写到哪里，默认与纪要同目录的「纪要名-议定事项.xlsx」
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编印单位，默认取「规则」表（发展改革局重点项目办公室）`;
