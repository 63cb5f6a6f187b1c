import type { MessageDef } from './codes.js';

/**
 * Why a received file (or an entry of a .zip, an attachment of an e-mail) was not read, and what
 * the person should do. Severity `error`: the file was meant for us and could not be read (a
 * damaged mail, an archive bomb); `info`: not a file for us (a photo, a lock file).
 */
export const INPUT_MESSAGES = {
  'input.lockFile': {
    severity: 'info',
    zh: 'Office 临时锁定文件（~$ 开头），已忽略',
    en: 'Office lock file (~$…), ignored',
  },
  'input.winmail': {
    severity: 'error',
    zh: 'Outlook 专用格式附件（winmail.dat），请让报送单位以普通附件重新发送',
    en: 'An Outlook-only attachment (winmail.dat): ask the sender to attach the file normally',
  },
  'input.xlsb': {
    severity: 'error',
    zh: '是 .xlsb 二进制工作簿，请另存为 .xlsx 后重新报送',
    en: 'A binary .xlsb workbook: save it as .xlsx and send it again',
  },
  'input.wps': {
    severity: 'error',
    zh: '是 WPS 表格格式（{ext}），请另存为 .xlsx 后重新报送',
    en: 'A WPS spreadsheet ({ext}): save it as .xlsx and send it again',
  },
  'input.ods': {
    severity: 'error',
    zh: '是 OpenDocument 表格（.ods），请另存为 .xlsx 后重新报送',
    en: 'An OpenDocument spreadsheet (.ods): save it as .xlsx and send it again',
  },
  'input.msg': {
    severity: 'error',
    zh: '是 Outlook 邮件（.msg），请在 Outlook 中直接保存其中的附件，或另存为 .eml 后导入',
    en: 'An Outlook message (.msg): save its attachments from Outlook, or save it as .eml',
  },
  'input.archive': {
    severity: 'error',
    zh: '是 {ext} 压缩包，暂只支持 .zip，请解压后再导入',
    en: 'A {ext} archive: only .zip is supported, extract it first',
  },
  'input.noExtension': {
    severity: 'info',
    zh: '不是 .xlsx 工作簿（无扩展名），已忽略',
    en: 'Not an .xlsx workbook (no extension), ignored',
  },
  'input.otherType': {
    severity: 'info',
    zh: '不是 .xlsx 工作簿（{ext}），已忽略',
    en: 'Not an .xlsx workbook ({ext}), ignored',
  },
  'input.tooLarge': {
    severity: 'error',
    zh: '文件过大（{mb} MB），已忽略',
    en: 'File too large ({mb} MB), ignored',
  },
  'input.nestedTooDeep': {
    severity: 'error',
    zh: '压缩包或邮件嵌套超过 {depth} 层，已忽略',
    en: 'Archives or e-mails nested more than {depth} deep, ignored',
  },
  'input.mailCorrupt': {
    severity: 'error',
    zh: '邮件文件已损坏或格式不对，无法读取，已忽略',
    en: 'The e-mail file is damaged or not an e-mail; ignored',
  },
  'input.mailNoAttachments': {
    severity: 'info',
    zh: '邮件中没有附件，已忽略',
    en: 'The e-mail has no attachments, ignored',
  },
  'input.zipBomb': {
    severity: 'error',
    zh: '压缩包异常（解压后过大或文件过多），已忽略',
    en: 'Abnormal archive (expands too far or holds too many files), ignored',
  },
  'input.zipEncrypted': {
    severity: 'error',
    zh: '压缩包设有密码，无法解压，已忽略',
    en: 'The archive is password-protected, ignored',
  },
  'input.zipCorrupt': {
    severity: 'error',
    zh: '压缩包已损坏，无法打开，已忽略',
    en: 'The archive is damaged and cannot be opened, ignored',
  },
  'input.zipEmpty': {
    severity: 'info',
    zh: '压缩包中没有文件，已忽略',
    en: 'The archive holds no files, ignored',
  },
  'input.macosx': {
    severity: 'info',
    zh: 'macOS 压缩时附带的系统文件，已忽略',
    en: 'A system file macOS adds to archives, ignored',
  },
  'input.hidden': {
    severity: 'info',
    zh: '隐藏文件，已忽略',
    en: 'Hidden file, ignored',
  },
  'input.unsafePath': {
    severity: 'error',
    zh: '压缩包中的路径不安全（含 .. 或以 / 开头，指向压缩包以外），已忽略；这不是正常软件压缩出来的，请核实发件人',
    en: 'Unsafe path in the archive (.. or a leading /, pointing outside it), ignored; no ordinary program makes this, check the sender',
  },
  'input.notFound': {
    severity: 'error',
    zh: '文件不存在',
    en: 'No such file',
  },
  'input.unreadable': {
    severity: 'error',
    zh: '无法读取（{code}）',
    en: 'Cannot be read ({code})',
  },
  'input.unreadableFolder': {
    severity: 'error',
    zh: '无法读取文件夹（{code}）',
    en: 'Cannot read the folder ({code})',
  },
  'input.notRegular': {
    severity: 'info',
    zh: '不是普通文件，已忽略',
    en: 'Not a regular file, ignored',
  },
  'input.foldersTooDeep': {
    severity: 'error',
    zh: '文件夹嵌套超过 {depth} 层，其中的文件未读取；请把报表放在浅一些的文件夹中',
    en: 'Folders nested more than {depth} deep; the files inside were not read. Move the reports to a shallower folder',
  },
  'input.runBudget': {
    severity: 'error',
    zh: '本次输入的文件合计超过 {limit} 的上限，此文件未读取；请分批处理，或检查是否混入了异常庞大的压缩包',
    en: 'The inputs of this run together pass the limit of {limit}; this file was not read. Process them in batches, or look for an abnormally large archive',
  },
  'mail.dateInvalid': {
    severity: 'warning',
    zh: '邮件的发送时间「{value}」不是一个真实存在的日期时间（例如 2 月 30 日），未采用；改按登记时间、填报日期或文件时间判断是否按时。请核实这封邮件。',
    en: 'The e-mail\'s Date "{value}" is not a real date and time (such as 30 February); not used. Lateness is judged by the logged time, 填报日期 or file time instead. Please check this message.',
  },
} as const satisfies Record<string, MessageDef>;
