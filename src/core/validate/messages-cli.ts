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
} as const satisfies Record<string, MessageDef>;
