import type { MessageDef } from './codes.js';

/**
 * Messages of the mailbox, the reminders and the schedule (kpd mail, kpd schedule), Chinese
 * first. The reminder texts are what the HQs read; the rest is what the clerk reads on the
 * terminal and in the schedule's log.
 */
export const MAIL_MESSAGES = {
  // ---- 邮箱.toml ------------------------------------------------------------------------------
  'mail.config.notFound': {
    severity: 'error',
    zh: '找不到邮箱设置文件「{file}」。请按 README「自动运行」一节新建（可复制安装目录中的 邮箱.example.toml 修改）。',
    en: 'Mail settings file "{file}" not found. Create it as the README\'s section on automation says (copy 邮箱.example.toml).',
  },
  'mail.config.syntax': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」第 {line} 行写法有误。写法是“键 = 值”，文字加英文双引号，如 host = "mail.example.gov.cn"；每节以 [imap] 这样的一行开头。',
    en: 'Mail settings file "{file}", line {line}: not valid TOML ({detail}). Write key = "value", sections start with a line like [imap].',
  },
  'mail.config.unknownSection': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」中的「[{section}]」不认识：只有 {known}。',
    en: 'Mail settings file "{file}": unknown section [{section}]; the sections are {known}.',
  },
  'mail.config.unknownKey': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」第 {line} 行：「[{section}]」中没有「{key}」这一项（拼写有误？）。可用的有：{known}。',
    en: 'Mail settings file "{file}", line {line}: [{section}] has no "{key}" (a typo?). Known: {known}.',
  },
  'mail.config.missing': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」：「[{section}]」缺少「{key}」（{what}），如 {example}。',
    en: 'Mail settings file "{file}": [{section}] lacks "{key}" ({what}), e.g. {example}.',
  },
  'mail.config.type': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」第 {line} 行：「[{section}]」的「{key}」应为{expected}，如 {example}；现在是 {value}。',
    en: 'Mail settings file "{file}", line {line}: [{section}] "{key}" must be {expected}, e.g. {example}; found {value}.',
  },
  'mail.config.password': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」第 {line} 行：密码不能写在文件里（「[{section}]」的「{key}」）。请删去这一行，把密码放在环境变量 {env} 或系统钥匙串中（见 README）。',
    en: 'Mail settings file "{file}", line {line}: no passwords in the file ([{section}] "{key}"). Remove the line; put the password in the environment variable {env} or the OS keyring.',
  },
  'mail.config.noSection': {
    severity: 'error',
    zh: '邮箱设置文件「{file}」中没有「[{section}]」一节，{what}需要它。',
    en: 'Mail settings file "{file}" has no [{section}] section, which {what} needs.',
  },
  'mail.config.caUnreadable': {
    severity: 'error',
    zh: '邮箱设置文件中 ca 指定的证书文件「{ca}」无法读取。请检查路径（相对路径从设置文件所在文件夹算起）。',
    en: 'The certificate file "{ca}" named by ca cannot be read. Paths are relative to the settings file.',
  },

  'mail.key.host': { severity: 'info', zh: '邮件服务器地址', en: "the mail server's address" },
  'mail.key.user': { severity: 'info', zh: '登录邮箱的用户名', en: 'the mailbox user name' },
  'mail.type.string': { severity: 'info', zh: '文字（加英文双引号）', en: 'text in double quotes' },
  'mail.type.path': {
    severity: 'info',
    zh: '文件或文件夹路径（加英文双引号，相对路径从本文件所在文件夹算起）',
    en: 'a path in double quotes (relative to this file)',
  },
  'mail.type.port': {
    severity: 'info',
    zh: '1 到 65535 之间的端口号（不加引号）',
    en: 'a port number 1-65535',
  },
  'mail.type.integer': { severity: 'info', zh: '正整数（不加引号）', en: 'a positive whole number' },
  'mail.type.boolean': { severity: 'info', zh: 'true 或 false（不加引号）', en: 'true or false' },
  'mail.type.time': { severity: 'info', zh: '“时:分”（加英文双引号）', en: 'a time "HH:MM"' },

  // ---- the command line -------------------------------------------------------------------
  'mail.usage.sub': {
    severity: 'error',
    zh: '请写 kpd mail fetch（取邮件）或 kpd mail remind（提醒和催报）。',
    en: 'Use kpd mail fetch or kpd mail remind.',
  },
  'mail.usage.config': {
    severity: 'error',
    zh: '缺少 --config 邮箱.toml（邮箱服务器的设置）。',
    en: 'Missing --config 邮箱.toml (the mail server settings).',
  },
  'mail.usage.master': { severity: 'error', zh: '缺少 --master 总台账.xlsx。', en: 'Missing --master.' },
  'mail.usage.which': {
    severity: 'error',
    zh: '请用 --period 2026-11-1（取半月进展报表）或 --meeting 2026-11-14（取议题申报表）指明取哪一种，二者选一。',
    en: 'Give either --period 2026-11-1 (half-month reports) or --meeting 2026-11-14 (topic forms).',
  },
  'mail.usage.into': {
    severity: 'error',
    zh: '缺少 --into 文件夹（取回的邮件存在这里），如 --into 收件/2026-11-1。',
    en: 'Missing --into FOLDER (where the messages are saved), e.g. --into 收件/2026-11-1.',
  },
  'mail.usage.period': {
    severity: 'error',
    zh: '请用 --period 给出报告期，如 2026-11-1（上半月）或 2026-11-2（当月）；「{value}」无法识别。',
    en: 'Give --period like 2026-11-1 or 2026-11-2; "{value}" is not one.',
  },
  'mail.usage.meeting': {
    severity: 'error',
    zh: '「{value}」不是例会日（「规则」表中例会在{weekday}），请给出例会当天的日期，如 2026-11-14。',
    en: '"{value}" is not a meeting day ({weekday}); give the meeting\'s date, e.g. 2026-11-14.',
  },
  'mail.usage.at': {
    severity: 'error',
    zh: '--at「{value}」无法识别，应如 2026-11-11T09:00（北京时间）。',
    en: '--at "{value}" not understood; write e.g. 2026-11-11T09:00 (China time).',
  },
  'mail.usage.configInvalid': {
    severity: 'error',
    zh: '邮箱设置文件有 {count} 处要改，改好后再运行：',
    en: 'The mail settings file needs {count} corrections:',
  },

  // ---- credentials and servers ---------------------------------------------------------------
  'mail.noPassword': {
    severity: 'error',
    zh: '找不到邮箱 {user}（{host}）的密码：请设置环境变量 {env}，或把密码存入系统钥匙串（{keyring}）。密码不要写在任何文件里。',
    en: 'No password for {user} ({host}): set the environment variable {env} or store it in the OS keyring ({keyring}). Never in a file.',
  },
  'mail.auth': {
    severity: 'error',
    zh: '邮箱服务器 {host} 拒绝登录：用户名「{user}」或密码不对。请核对 邮箱.toml 中的 user 和环境变量 {env}（或钥匙串）中的密码；有的邮箱要用“客户端授权码”而不是网页登录密码。',
    en: 'The mail server {host} refused the login: user "{user}" or the password is wrong ({detail}). Check user in 邮箱.toml and the password in {env} or the keyring; some mail systems need an app password.',
  },
  'mail.connect': {
    severity: 'error',
    zh: '连不上邮箱服务器 {host}:{port}。请检查 邮箱.toml 中的服务器地址和端口，以及这台电脑能否上网（或连到单位内网）。',
    en: 'Cannot connect to the mail server {host}:{port} ({detail}). Check host and port in 邮箱.toml and the network.',
  },
  'mail.tls': {
    severity: 'error',
    zh: '与邮箱服务器 {host} 建立加密连接失败（证书不受信任或不是该服务器的）。单位邮箱用自己的证书时，请在 邮箱.toml 中用 ca = "证书文件.pem" 指明。',
    en: 'The TLS connection to {host} failed ({detail}). If the office mail uses its own certificate, name it with ca = "cert.pem" in 邮箱.toml.',
  },
  'mail.folder': {
    severity: 'error',
    zh: '邮箱中没有文件夹「{folder}」。请核对 邮箱.toml 中的 folder（收件箱是 INBOX；中文文件夹名照邮箱中显示的写）。',
    en: 'The mailbox has no folder "{folder}". Check folder in 邮箱.toml (the inbox is INBOX).',
  },
  'mail.dropped': {
    severity: 'error',
    zh: '取邮件时与服务器的连接中断。已保存的 {saved} 封完好；再运行一次会接着取，不会重复、不会漏。',
    en: 'The connection to the server dropped while fetching ({detail}). The {saved} messages saved are complete; run again to fetch the rest, nothing is doubled or lost.',
  },
  'mail.smtpSend': {
    severity: 'error',
    zh: '发给 {to} 的邮件未能发出：发信服务器 {host} 拒绝或连接中断。已发出的 {sent} 封不受影响，其余未发。',
    en: 'The message to {to} could not be sent via {host} ({detail}). The {sent} already sent are not affected; the rest were not sent.',
  },

  // ---- kpd mail fetch -------------------------------------------------------------------------
  'mail.fetch.summary': {
    severity: 'info',
    zh: '邮箱 {user} 的「{folder}」中 {since} 以来的邮件 {total} 封：新保存 {saved} 封，跳过 {skipped} 封，以前已看过 {known} 封。保存在 {into}。',
    en: '{total} messages in {user} "{folder}" since {since}: {saved} saved, {skipped} skipped, {known} seen before. Saved in {into}.',
  },
  'mail.fetch.saved': {
    severity: 'info',
    zh: '已保存 {file}（{from}，{at}）：{what}',
    en: 'Saved {file} ({from}, {at}): {what}',
  },
  'mail.fetch.skipped': {
    severity: 'info',
    zh: '未保存「{subject}」（{from}，{at}）：{why}',
    en: 'Not saved "{subject}" ({from}, {at}): {why}',
  },
  'mail.route.report': {
    severity: 'info',
    zh: '半月进展报表',
    en: 'a 半月进展报表 (half-month report)',
  },
  'mail.route.topics': {
    severity: 'info',
    zh: '周例会议题申报表',
    en: 'a 周例会议题申报表 (topic form)',
  },
  'mail.route.unusable': {
    severity: 'info',
    zh: '附件中的工作簿无法读取（汇总时会写明原因）',
    en: 'a workbook that cannot be read (the merge says why)',
  },
  'mail.route.noAttachment': {
    severity: 'info',
    zh: '没有附件',
    en: 'no attachment',
  },
  'mail.route.noForm': {
    severity: 'info',
    zh: '附件中没有{want}',
    en: 'no {want} attached',
  },
  'mail.route.otherPeriod': {
    severity: 'info',
    zh: '报表的报告期是 {periods}，不是 {period}（取那一期时保存）',
    en: 'the report is for {periods}, not {period} (saved when that period is fetched)',
  },
  'mail.route.tooBig': {
    severity: 'info',
    zh: '邮件过大（{size} MB，上限 {max} MB），请另行处理',
    en: 'too large ({size} MB, limit {max} MB); handle it by hand',
  },
  'mail.route.duplicate': {
    severity: 'info',
    zh: '与已保存的「{file}」是同一封邮件',
    en: 'the same message as the saved "{file}"',
  },

  // ---- reminders (the text the HQs read) -----------------------------------------------------
  'mail.noContact': {
    severity: 'warning',
    zh: '「{hq}」在「项目登记」的联系邮箱一栏没有填写邮箱，无法给它发提醒和催报。',
    en: '"{hq}" has no 联系邮箱 in 项目登记: no reminder can be sent to it.',
  },
  'mail.badAddress': {
    severity: 'warning',
    zh: '「{hq}」的联系邮箱「{address}」不是有效的邮箱地址，未使用。',
    en: '"{address}" (联系邮箱 of "{hq}") is not a valid e-mail address; not used.',
  },
  'mail.remindNeedsReports': {
    severity: 'error',
    zh: '已过报送截止日（{due}）：催报只发给未报、未签字的指挥部，请用 --reports 给出已收到的报表（文件或文件夹）。',
    en: 'The due date ({due}) has passed: 催报 go only to HQs missing or unsigned; give the reports received with --reports.',
  },
  'mail.remind.subjectBefore': {
    severity: 'info',
    zh: '【提醒】请于 {due} 前报送{label}重点项目进展报表',
    en: '[Reminder] Key project report for {label} due {due}',
  },
  'mail.remind.subjectAfter': {
    severity: 'info',
    zh: '【催报】{label}重点项目进展报表',
    en: '[Overdue] Key project report for {label}',
  },
  'mail.remind.greeting': { severity: 'info', zh: '{hq}负责同志：', en: 'To {hq}:' },
  'mail.remind.before': {
    severity: 'info',
    zh: '请于 {due} 前报送{label}重点项目进展报表：电子版（.xlsx）发送至本邮箱，纸质版经指挥长签字后报送重点项目办。空白模板见附件。',
    en: 'Please submit the key project report for {label} by {due}: the .xlsx by e-mail to this address, the paper copy signed by the commander to the office. The blank form is attached.',
  },
  'mail.remind.received': {
    severity: 'info',
    zh: '本办已于 {at} 收到贵指挥部本期报表。',
    en: 'We received your report for this period at {at}.',
  },
  'mail.remind.missing': {
    severity: 'info',
    zh: '截至 {today}，本办未收到贵指挥部{label}的半月进展报表（报送截止 {due}）。逾期未报将在全县通报批评，请立即报送。',
    en: 'As of {today} we have not received your report for {label} (due {due}). Reports not submitted are named in the county bulletin; please submit it now.',
  },
  'mail.remind.unsigned': {
    severity: 'info',
    zh: '贵指挥部报送的报表（{file}）未经指挥长签字，请指挥长签字后重新报送。',
    en: 'Your report ({file}) is not signed by the commander; please have it signed and submit it again.',
  },
  'mail.remind.projectsMissing': {
    severity: 'info',
    zh: '以下项目本期没有填报或数据有误：{projects}。请补全后重新报送。',
    en: 'These projects have no figures or wrong figures this period: {projects}. Please complete and resubmit.',
  },
  'mail.remind.attached': {
    severity: 'info',
    zh: '空白模板见附件。',
    en: 'The blank form is attached.',
  },
  'mail.remind.bulletinDay': {
    severity: 'info',
    zh: '本期《重点项目情况通报》将于 {bulletin} 印发。',
    en: 'The bulletin for this period comes out on {bulletin}.',
  },
  'mail.remind.preview': {
    severity: 'info',
    zh: '以下 {count} 封邮件尚未发送（加 --send 才发送）：',
    en: '{count} messages, not sent (add --send to send them):',
  },
  'mail.remind.sentHeader': {
    severity: 'info',
    zh: '已发送 {count} 封邮件：',
    en: '{count} messages sent:',
  },
  'mail.remind.envelope': {
    severity: 'info',
    zh: '收件人：{to}\n主题：{subject}\n附件：{attachment}',
    en: 'To: {to}\nSubject: {subject}\nAttachment: {attachment}',
  },
  'mail.remind.none': {
    severity: 'info',
    zh: '{period}：没有需要发送的{what}。',
    en: '{period}: no {what} to send.',
  },
  'mail.remind.kindBefore': { severity: 'info', zh: '报送提醒', en: 'reminders' },
  'mail.remind.kindAfter': { severity: 'info', zh: '催报', en: 'overdue notices' },
  'mail.remind.outbox': {
    severity: 'info',
    zh: '未加 --send：{count} 封邮件写在「{dir}」，核对后可加 --send 发送，或手工转发。',
    en: 'Without --send: {count} messages written to "{dir}"; check them, then send with --send or by hand.',
  },
  'mail.chase.header': {
    severity: 'info',
    zh: '{label}催报名单（报送截止 {due}，统计至 {at}）',
    en: 'Overdue list for {label} (due {due}, as of {at})',
  },
  'mail.chase.line': {
    severity: 'info',
    zh: '{hq}：{what}；联系邮箱 {to}',
    en: '{hq}: {what}; contact {to}',
  },
  'mail.chase.missing': { severity: 'info', zh: '未报', en: 'missing' },
  'mail.chase.unsigned': { severity: 'info', zh: '未经指挥长签字', en: 'not signed by the commander' },
  'mail.chase.projectsMissing': {
    severity: 'info',
    zh: '缺项目：{projects}',
    en: 'projects missing: {projects}',
  },
  'mail.chase.noAddress': { severity: 'info', zh: '（无）', en: '(none)' },
  'mail.chase.nobody': {
    severity: 'info',
    zh: '各指挥部均已按要求报送，无需催报。',
    en: 'Every HQ has submitted a signed report; nobody to chase.',
  },
} as const satisfies Record<string, MessageDef>;
