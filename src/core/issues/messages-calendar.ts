import type { MessageDef } from './codes.js';

/**
 * Messages of the calendar (DOMAIN §3, §5): the holiday notice read into 节假日 rows, where a
 * document's dates come from, the meetings of holiday weeks, and the site-work ledger's layout.
 * Chinese first.
 */
export const CALENDAR_MESSAGES = {
  // ---- the State Council's holiday notice (kpd holidays import) -------------------------------
  'notice.noYear': {
    severity: 'error',
    zh: '通知中找不到年份（应有“关于2027年部分节假日安排的通知”或“现将2027年……”）。请用 --year 给出年份，如 --year 2027。',
    en: 'No year found in the notice (as in “关于2027年部分节假日安排的通知”). Give it with --year, e.g. --year 2027.',
  },
  'notice.yearMismatch': {
    severity: 'error',
    zh: '给出的年份是 {given} 年，通知写的是 {found} 年。请核对是否选错了通知，或改正 --year。',
    en: 'The year given is {given}; the notice is for {found}. Check the notice or --year.',
  },
  'notice.noItems': {
    severity: 'error',
    zh: '通知中没有读到 {year} 年的任何放假安排（应有“一、元旦：1月1日……放假……”这样的条目，每条一行）。没有写入任何内容。',
    en: 'No holiday items found in the notice for {year} (lines such as “一、元旦：1月1日……放假……”). Nothing written.',
  },
  'notice.badDate': {
    severity: 'error',
    zh: '第 {line} 行：“{date}”不是 {year} 年的日期。请按通知原文核对。',
    en: 'Line {line}: "{date}" is not a date of {year}. Check it against the notice.',
  },
  'notice.weekdayMismatch': {
    severity: 'error',
    zh: '第 {line} 行：{date} 是星期{actual}，通知中写的是“{stated}”。日期或星期有误，请按通知原文核对。',
    en: 'Line {line}: {date} is weekday {actual}, but the notice says "{stated}". Check the date against the notice.',
  },
  'notice.countMismatch': {
    severity: 'error',
    zh: '第 {line} 行：{name} {from} 至 {to} 是 {days} 天，通知写的是共 {stated} 天。请按通知原文核对。',
    en: 'Line {line}: {name} from {from} to {to} is {days} days; the notice says {stated}. Check it against the notice.',
  },
  'notice.backwards': {
    severity: 'error',
    zh: '第 {line} 行：放假从 {from} 起，止于“{to}”，在开始日之前。跨年的日期请写明年份，如“2027年12月31日至2028年1月2日”。',
    en: 'Line {line}: the rest span starts {from} and ends "{to}", before its start. Write the year of dates across a new year.',
  },
  'notice.workdayNotWeekend': {
    severity: 'error',
    zh: '第 {line} 行：调休上班日 {date} 不是周六或周日。请按通知原文核对。',
    en: 'Line {line}: the make-up working day {date} is not a Saturday or Sunday. Check it against the notice.',
  },
  'notice.dayTwice': {
    severity: 'error',
    zh: '第 {line} 行：{date} 已在“{first}”中出现（放假或上班只能有一种）。请按通知原文核对。',
    en: 'Line {line}: {date} already appears under "{first}". Check it against the notice.',
  },
  'notice.unreadable': {
    severity: 'error',
    zh: '第 {line} 行：读不出这一句的放假日期：“{text}”。应写成“1月1日（周四）至3日（周六）放假调休，共3天”，上班日另起一句。',
    en: 'Line {line}: cannot read the dates of "{text}". Write it as in the notice: “1月1日（周四）至3日（周六）放假调休，共3天。”',
  },
  'notice.noRest': {
    severity: 'error',
    zh: '第 {line} 行：“{name}”一条中没有“……放假”的日期。请按通知原文核对。',
    en: 'Line {line}: the item "{name}" gives no rest dates (“……放假”). Check it against the notice.',
  },
  'notice.otherYear': {
    severity: 'warning',
    zh: '第 {line} 行：{date} 不在 {year} 年内，按通知所写照样写入。',
    en: 'Line {line}: {date} is not in {year}; written as the notice says.',
  },
  'notice.sentenceIgnored': {
    severity: 'info',
    zh: '第 {line} 行：“{text}”不是放假或调休上班的安排，未读取。',
    en: 'Line {line}: "{text}" is neither a rest span nor a working day; not read.',
  },
  'notice.lineIgnored': {
    severity: 'error',
    zh: '第 {line} 行像是放假安排，但没有编号（应为“一、元旦：……”），未读取：“{text}”。请按通知原文粘贴（含“一、”“二、”等编号）。',
    en: 'Line {line} reads like a holiday item but has no number (“一、元旦：……”); not read: "{text}". Paste the notice as published.',
  },
  'notice.itemRead': {
    severity: 'info',
    zh: '{name}：{rest} 放假，共 {days} 天；调休上班 {workdays}。',
    en: '{name}: rest {rest}, {days} days; make-up working days {workdays}.',
  },
  'notice.itemReadNoWork': {
    severity: 'info',
    zh: '{name}：{rest} 放假，共 {days} 天；不调休。',
    en: '{name}: rest {rest}, {days} days; no make-up working day.',
  },
  'notice.replaced': {
    severity: 'info',
    zh: '「节假日」表中原有 {year} 年的 {count} 行与通知的日期相同，已按通知替换：{dates}。',
    en: '{count} rows of {year} already in 节假日 fall on the notice’s dates and were replaced by it: {dates}.',
  },
  'notice.kept': {
    severity: 'warning',
    zh: '「节假日」表中 {year} 年另有 {count} 天不在通知中，已保留（如是误录请删除）：{dates}。',
    en: '{count} days of {year} in 节假日 are not in the notice and were kept (delete them if they are mistakes): {dates}.',
  },
  'notice.summary': {
    severity: 'info',
    zh: '读取 {year} 年放假安排 {items} 项：放假 {rest} 天，调休上班 {work} 天。',
    en: 'Read {items} holiday items of {year}: {rest} rest days and {work} make-up working days.',
  },
  'holidays.usage': {
    severity: 'error',
    zh: '用法：kpd holidays import 通知.txt [--year 2027] --into 总台账.xlsx --out 新总台账.xlsx（或 --csv 节假日.csv）',
    en: 'Usage: kpd holidays import NOTICE.txt [--year 2027] --into MASTER.xlsx --out NEW.xlsx (or --csv FILE.csv)',
  },
  'holidays.noOutput': {
    severity: 'error',
    zh: '请说明写到哪里：--into 总台账.xlsx --out 新总台账.xlsx（写入「节假日」表），或 --csv 节假日.csv，或两者都给。',
    en: 'Say where to write: --into MASTER.xlsx --out NEW.xlsx (the 节假日 sheet), or --csv FILE.csv, or both.',
  },
  'holidays.badYear': {
    severity: 'error',
    zh: '--year 应是四位年份，如 2027，而不是「{value}」。',
    en: '--year must be a four-digit year such as 2027, not "{value}".',
  },
  'holidays.badCsvName': {
    severity: 'error',
    zh: '--csv 的文件名应以 .csv 结尾，如 节假日2027.csv，而不是「{value}」。',
    en: '--csv must name a .csv file, not "{value}".',
  },
  'holidays.unreadable': {
    severity: 'error',
    zh: '无法读取通知文件「{file}」：文件不存在或无权读取。请把通知全文另存为 .txt 文件后再导入。',
    en: 'Cannot read the notice file "{file}". Save the notice as a .txt file and try again.',
  },
  'holidays.overwrite': {
    severity: 'error',
    zh: '输出文件不能覆盖输入文件「{file}」。',
    en: 'The output would overwrite the input "{file}".',
  },
  'holidays.nothingWritten': {
    severity: 'error',
    zh: '通知有 {count} 处问题（见上），没有写入任何文件。请对照国务院办公厅通知原文改正后重新导入。',
    en: 'The notice has {count} problem(s) (above); nothing was written. Correct it against the published notice and import again.',
  },
  'holidays.pasteFirst': {
    severity: 'error',
    zh: '请先把国务院办公厅放假通知的全文（“一、元旦：……”各条）粘贴到文本框中。',
    en: 'Paste the full text of the State Council’s holiday notice (its items “一、元旦：……”) into the box first.',
  },
  'holidays.nothingWrittenPane': {
    severity: 'error',
    zh: '通知有 {count} 处问题（见下），「节假日」表未改动。请对照国务院办公厅通知原文改正后重新导入。',
    en: 'The notice has {count} problem(s) (below); 节假日 was not changed. Correct it against the published notice and import again.',
  },
  'holidays.wrotePane': {
    severity: 'info',
    zh: '已把 {year} 年放假安排写入「节假日」表：放假 {rest} 天、调休上班 {work} 天（表中共 {rows} 行）。',
    en: 'The {year} arrangements are in 节假日: {rest} rest days and {work} working days ({rows} rows in all).',
  },
  'holidays.wroteMaster': {
    severity: 'info',
    zh: '已生成 {file}：「节假日」表写入 {year} 年放假 {rest} 天、调休上班 {work} 天，共 {rows} 行（原总台账未修改）。',
    en: 'Wrote {file}: 节假日 now holds {rest} rest days and {work} working days of {year}, {rows} rows in all (the master is unchanged).',
  },
  'holidays.wroteCsv': {
    severity: 'info',
    zh: '已生成 {file}：{year} 年节假日 {rows} 行（日期、类型、说明），可用作 --holidays 文件或粘贴到「节假日」表。',
    en: 'Wrote {file}: {rows} holiday rows of {year} (日期, 类型, 说明), usable as a --holidays file or pasted into 节假日.',
  },
  // ---- the calendar under a document ------------------------------------------------------------
  'calendar.basisBuiltin': {
    severity: 'info',
    zh: '{year} 年按国务院办公厅放假安排（内置数据）。',
    en: '{year}: the State Council’s holiday arrangements (built in).',
  },
  'calendar.basisOffice': {
    severity: 'info',
    zh: '{year} 年按内置的国务院办公厅放假安排，并以「节假日」表中录入的 {count} 天为准。',
    en: '{year}: the State Council’s arrangements (built in), with the {count} days entered in 节假日.',
  },
  'calendar.unverifiedDate': {
    severity: 'warning',
    zh: '{date}（未核对节假日）',
    en: '{date} (holidays not checked)',
  },
  // ---- weekly meetings in holiday weeks (DOMAIN §5) ---------------------------------------------
  'meeting.restDay': {
    severity: 'error',
    zh: '{date} 是法定节假日（{name}），不召开例会。如确实召开，请在总台账「例会」表中填写该日期；否则请给出其他例会日期（上一次例会 {previous}，下一次例会 {next}）。',
    en: '{date} is a statutory rest day ({name}): no meeting. If one is held, list it in the 例会 sheet; otherwise give another date (previous meeting {previous}, next {next}).',
  },
  'meeting.notMeetingDay': {
    severity: 'error',
    zh: '{date} 不是例会日（「规则」表中的例会日为{weekday}，另召开的例会填在「例会」表中）。请给出例会当天的日期。',
    en: '{date} is not a meeting day (the 规则 sheet says {weekday}; other meetings are listed in 例会). Give the day of a meeting.',
  },
  'meeting.notHeldShort': {
    severity: 'info',
    zh: '{date}（{name}，不召开）',
    en: '{date} ({name}: no meeting)',
  },
  'meeting.listedRestDay': {
    severity: 'info',
    zh: '{date} 是法定节假日，按「例会」表照常召开例会。',
    en: '{date} is a statutory rest day; the meeting is held as the 例会 sheet lists it.',
  },
  // ---- 一线工作 across two reports (DOMAIN §3, revised) ------------------------------------------
  'siteWork.weeklyLayout': {
    severity: 'info',
    zh: '「一线工作记录」是旧版按周汇总的格式（周、次数）：仍按每人每周的次数参加单位排名。下次导入通报时，这些行原样移到「一线工作记录（按周）」表，本表改为每次现场办公一行。',
    en: '一线工作记录 is in the older weekly layout (周, 次数): its counts still count in the ranking. The next import moves these rows to 一线工作记录（按周） and keeps one row per visit here.',
  },
  // ---- period labels (2026年11月上半月, 2026年第3季度 …) --------------------------------------
  'period.report.firstHalf': {
    severity: 'info',
    zh: '{year}年{month}月上半月',
    en: '{year}-{month}, first half',
  },
  'period.report.month': { severity: 'info', zh: '{year}年{month}月', en: '{year}-{month}' },
  'period.rank.quarter': { severity: 'info', zh: '{year}年第{index}季度', en: '{year} Q{index}' },
  'period.rank.firstHalf': { severity: 'info', zh: '{year}年上半年', en: '{year} H1' },
  'period.rank.secondHalf': { severity: 'info', zh: '{year}年下半年', en: '{year} H2' },
  'values.weekSpan': { severity: 'info', zh: '{from} 至 {to}', en: '{from} to {to}' },
  'values.listSeparator': { severity: 'info', zh: '、', en: ', ' },
  'siteWork.earlierNotImported': {
    severity: 'warning',
    zh: '上期（{period}）的通报尚未导入总台账：跨两期的 {week:weeks} 这一周只计入本期报表所记的现场办公。请先导入上期通报（「导入台账」或 kpd ledger import），再重新汇总本期。',
    en: 'The previous period ({period}) has not been imported into the master: the week {week:weeks}, which straddles two reports, counts only the visits of this period’s reports. Import the previous bulletin first, then merge again.',
  },
  'siteWork.nextPeriod': {
    severity: 'info',
    zh: '另有 {count} 次现场办公属于本期报送截止后才结束的周（{weeks:weeks}），在下一期通报中与下期报表所记合并考核，不必重记。',
    en: '{count} more visits belong to weeks that end after this report was due ({weeks:weeks}); they are assessed in the next bulletin together with the next reports (no need to log them again).',
  },
  'siteWork.weeklyMoved': {
    severity: 'info',
    zh: '总台账原「一线工作记录」是旧版按周汇总的格式，其 {count} 行已原样移到「一线工作记录（按周）」表（仍参加单位排名）；「一线工作记录」改为每次现场办公一行。',
    en: 'The master’s 一线工作记录 was in the older weekly layout: its {count} rows were moved, unchanged, to 一线工作记录（按周） (they still count); 一线工作记录 now holds one row per visit.',
  },
  'siteWork.oldBulletin': {
    severity: 'warning',
    zh: '这是旧版通报（没有「一线工作明细」表）：其一线工作按每人每周的次数导入「一线工作记录（按周）」表。',
    en: 'This is an older bulletin (no 一线工作明细 sheet): its site work is imported as weekly counts into 一线工作记录（按周）.',
  },
} as const satisfies Record<string, MessageDef>;
