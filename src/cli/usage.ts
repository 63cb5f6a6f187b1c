/** Usage texts, kept apart from the commands so `kpd --help` loads no command code. */

export const TEMPLATES_USAGE = `kpd templates [--out DIR]
  生成下发用的空白模板（总台账.xlsx 含示例行和默认规则表、半月进展报表.xlsx、周例会议题申报表.xlsx），默认写入 templates/`;

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
  同一期（同一次会议）再次导入会替换（更新），不会重复。原总台账不会被修改，结果写入 --out。`;

export const AGENDA_USAGE = `kpd agenda [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 周例会议程.xlsx [--json]
  编制周六例会议程：一、督办事项落实情况（已完成／未到期／逾期未完成）；二、逐个指挥部的申报议题和滞后项目
  （按总台账「进展记录」最近一期和节点计划自动列入）；三、主任总结。输入同 merge（文件、文件夹、.eml、.zip）。
  周二 17:00 后申报的议题转入下周，缺签字的标出。原文件不会被修改。
  --meeting DATE   例会日期（周六）
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编制单位，默认“发展改革局重点项目办公室”`;

export const MINUTES_USAGE = `kpd minutes [议题申报表...] --master 总台账.xlsx --meeting 2026-11-14 --out 会议纪要.docx [--decisions 议定事项.xlsx]
  起草周例会会议纪要（Word 公文格式）：督办事项落实情况、各指挥部汇报的问题和滞后项目、会议议定事项、
  出席/请假/列席（留空待填）；同时生成本次会议的《周例会议定事项》工作簿（事项编号已预先编好），
  会上填写后用 kpd ledger import 导入「督办事项」，再加 --decisions 重新生成纪要即填入议定事项表。
  --decisions FILE 填好的议定事项工作簿（不给时取「督办事项」中本次会议的事项）
  --form FILE      议定事项工作簿写到哪里，默认与纪要同目录的「纪要名-议定事项.xlsx」
  --holidays FILE  节假日文件，优先于内置数据
  --office NAME    编印单位，默认取「规则」表（发展改革局重点项目办公室）`;
