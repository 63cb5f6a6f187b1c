import type { MessageDef } from './codes.js';

/**
 * Mistakes at the prompt (exit 2, no document) and what the commands say about their own
 * inputs and outputs. Severity is `error` throughout: each one stops the command.
 */
export const CLI_MESSAGES = {
  'cli.pathMissing': {
    severity: 'error',
    zh: '找不到「{path}」：没有这个文件或文件夹。请检查路径是否写错（未生成任何文件）。',
    en: 'Cannot find "{path}": no such file or folder. Check the path (nothing was written).',
  },
  'cli.periodShape': {
    severity: 'error',
    zh: '报告期「{value}」写法不对：请写 {first}（上半月）或 {second}（下半月）。',
    en: 'Report period "{value}" is not in the expected form: write {first} (first half) or {second} (second half).',
  },
  'cli.periodUnknown': {
    severity: 'error',
    zh: '报告期「{value}」无法识别：请写如 2026-11-1（上半月）或 2026-11-2（下半月）。',
    en: 'Report period "{value}" not understood: write e.g. 2026-11-1 (first half) or 2026-11-2 (second half).',
  },
  'cli.rankPeriodUnknown': {
    severity: 'error',
    zh: '考评期「{value}」无法识别：请写如 2026Q3（季度）或 2026H2（半年）。',
    en: 'Ranking period "{value}" not understood: write e.g. 2026Q3 (quarter) or 2026H2 (half-year).',
  },
  'cli.outIsInput': {
    severity: 'error',
    zh: '输出文件「{out}」就是输入文件「{input}」，写出会把它覆盖。输入文件从不修改：请换一个输出文件名（未生成任何文件）。',
    en: 'The output "{out}" is the input "{input}" and would overwrite it. Inputs are never modified: choose another output name (nothing was written).',
  },
  'cli.outInInputFolder': {
    severity: 'error',
    zh: '输出文件「{out}」在输入文件夹「{folder}」中：它会覆盖或混入收到的文件，下次运行还会被当作收到的文件读入。请写到别的文件夹（未生成任何文件）。',
    en: 'The output "{out}" is inside the input folder "{folder}": it would overwrite or join the files received and be read as one next time. Write it elsewhere (nothing was written).',
  },
  'cli.outIsFolder': {
    severity: 'error',
    zh: '--out「{out}」是一个文件夹，请给出文件名，如 {example}。',
    en: '--out "{out}" is a folder; give a file name, e.g. {example}.',
  },
  'cli.templateUnusable': {
    severity: 'error',
    zh: '通报模板「{file}」无法使用：{reason}',
    en: 'The bulletin template "{file}" cannot be used: {reason}',
  },
  'cli.leftovers': {
    severity: 'info',
    zh: '已删除上次中断时留下的 {count} 个未写完的临时文件（{files}）。',
    en: 'Removed {count} unfinished temporary file(s) left by an interrupted run ({files}).',
  },
  // ---- the command line itself: mistakes at the prompt, help, progress --------------------------
  'cli.unknownCommand': {
    severity: 'error',
    zh: '没有 {name} 这个命令。您是不是要用 {suggestion}？',
    en: 'There is no command {name}. Did you mean {suggestion}?',
  },
  'cli.unknownCommandNoGuess': {
    severity: 'error',
    zh: '没有 {name} 这个命令。全部命令见 kpd help。',
    en: 'There is no command {name}. kpd help lists every command.',
  },
  'cli.unknownSubcommand': {
    severity: 'error',
    zh: '没有 kpd {command} {name} 这个命令。您是不是要用 kpd {command} {suggestion}？',
    en: 'There is no command kpd {command} {name}. Did you mean kpd {command} {suggestion}?',
  },
  'cli.unknownOption': {
    severity: 'error',
    zh: '不认识的选项 {option}，您是不是要用 {suggestion}？',
    en: 'Unknown option {option}. Did you mean {suggestion}?',
  },
  'cli.unknownOptionNoGuess': {
    severity: 'error',
    zh: '不认识的选项 {option}。kpd {command} 的用法：',
    en: 'Unknown option {option}. Usage of kpd {command}:',
  },
  'cli.optionNeedsValue': {
    severity: 'error',
    zh: '选项 {option} 后面缺少值。kpd {command} 的用法：',
    en: 'Option {option} needs a value. Usage of kpd {command}:',
  },
  'cli.optionTakesNoValue': {
    severity: 'error',
    zh: '选项 {option} 不带值，请去掉“={value}”。',
    en: 'Option {option} takes no value: remove "={value}".',
  },
  'cli.unexpectedArgument': {
    severity: 'error',
    zh: '多余的参数「{value}」。kpd {command} 的用法：',
    en: 'Unexpected argument "{value}". Usage of kpd {command}:',
  },
  'cli.argsInvalid': {
    severity: 'error',
    zh: '命令行参数有误：{detail}',
    en: 'The command line is wrong: {detail}',
  },
  'cli.help.title': {
    severity: 'info',
    zh: '重点项目推进助手（kpd）',
    en: 'Key Project Desk (kpd)',
  },
  'cli.help.commands': {
    severity: 'info',
    zh: '用法：kpd 命令 [参数和选项]\n\n命令：',
    en: 'Usage: kpd COMMAND [arguments and options]\n\nCommands:',
  },
  'cli.help.footer': {
    severity: 'info',
    zh: '某个命令的用法：kpd help 命令（或 kpd 命令 --help）。\n通用选项：--lang en 以英文输出；--json 输出机器可读结果；--version 显示版本。',
    en: 'Usage of one command: kpd help COMMAND (or kpd COMMAND --help).\nCommon options: --lang en for English; --json for machine-readable output; --version shows the version.',
  },
  'cli.summary.templates': {
    severity: 'info',
    zh: '生成下发用的空白模板和空白代办表格',
    en: 'Write the blank templates to hand out and the blank agent forms',
  },
  'cli.summary.validate': {
    severity: 'info',
    zh: '检查填好的模板（文件、文件夹、.eml、.zip）',
    en: 'Check filled-in templates (files, folders, .eml, .zip)',
  },
  'cli.summary.deadlines': {
    severity: 'info',
    zh: '列出一年的报告期、报送截止日和通报日（可加例会日程）',
    en: "List a year's report periods, due dates and bulletin days (and meeting days)",
  },
  'cli.summary.merge': {
    severity: 'info',
    zh: '把收到的半月进展报表汇总成《重点项目情况通报》',
    en: 'Merge the half-monthly reports received into the bulletin',
  },
  'cli.summary.score': {
    severity: 'info',
    zh: '代办员季度考核和责任单位考评排名',
    en: 'Quarterly agent assessment and the ranking of responsible units',
  },
  'cli.summary.ledger': {
    severity: 'info',
    zh: '把通报、议定事项、代办员周报导入总台账',
    en: 'Import a bulletin, meeting decisions or agent weekly reports into the master',
  },
  'cli.summary.agenda': {
    severity: 'info',
    zh: '编制周六例会议程',
    en: 'Draw up the Saturday meeting agenda',
  },
  'cli.summary.chart': {
    severity: 'info',
    zh: '画出各项目建设进度计划网络图（挂图作战）',
    en: 'Draw the construction schedule network chart of each project',
  },
  'cli.summary.forms': {
    severity: 'info',
    zh: '打印一个代办案卷的纸质表格',
    en: 'Print the paper forms of one agency case',
  },
  'cli.summary.mail': {
    severity: 'info',
    zh: '从单位邮箱取回报表（fetch），给各指挥部写提醒和催报（remind）',
    en: 'Fetch reports from the office mailbox (fetch); remind the HQs (remind)',
  },
  'cli.summary.schedule': {
    severity: 'info',
    zh: '按规则表和节假日自动完成每期的例行工作',
    en: 'Run the routine of each period by the rules and the holidays',
  },
  'cli.summary.holidays': {
    severity: 'info',
    zh: '把国务院办公厅节假日安排通知读入「节假日」表',
    en: 'Read the State Council holiday notice into the holiday sheet',
  },
  'cli.summary.minutes': {
    severity: 'info',
    zh: '起草周例会会议纪要（Word 公文格式）和议定事项工作簿',
    en: 'Draft the meeting minutes (official .docx) and the decisions workbook',
  },
  'cli.progress.merge': {
    severity: 'info',
    zh: '读取报表：已读 {value} 个文件，{rows} 行',
    en: 'Reading reports: {value} files, {rows} rows',
  },
  'cli.progress.agenda': {
    severity: 'info',
    zh: '读取议题申报表：已读 {value} 个文件，{rows} 个议题',
    en: 'Reading topic forms: {value} files, {rows} topics',
  },
  'cli.progress.validate': {
    severity: 'info',
    zh: '检查：已查 {value} 个文件，{rows} 个问题',
    en: 'Checking: {value} files, {rows} findings',
  },
} as const satisfies Record<string, MessageDef>;
