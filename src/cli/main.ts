import {
  DEADLINES_USAGE,
  LEDGER_USAGE,
  MAIL_USAGE,
  SCHEDULE_USAGE,
  AGENDA_USAGE,
  CHART_USAGE,
  FORMS_USAGE,
  HOLIDAYS_USAGE,
  MERGE_USAGE,
  MINUTES_USAGE,
  SCORE_USAGE,
  TEMPLATES_USAGE,
  VALIDATE_USAGE,
} from './usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { localeOf, t } from './lang.js';
import type { Locale } from '../core/validate/issue.js';

type Command = { run: (argv: readonly string[], io: Io) => Promise<ExitCode>; usage: string };

// Commands are loaded when run: `kpd merge` never pays for exceljs, `kpd validate` for zlib writing.
const COMMANDS: Readonly<Record<string, Command>> = {
  templates: {
    run: async (a, io) => (await import('./commands/templates.js')).templatesCommand(a, io),
    usage: TEMPLATES_USAGE,
  },
  validate: {
    run: async (a, io) => (await import('./commands/validate.js')).validateCommand(a, io),
    usage: VALIDATE_USAGE,
  },
  deadlines: {
    run: async (a, io) => (await import('./commands/deadlines.js')).deadlinesCommand(a, io),
    usage: DEADLINES_USAGE,
  },
  merge: {
    run: async (a, io) => (await import('./commands/merge.js')).mergeCommand(a, io),
    usage: MERGE_USAGE,
  },
  score: {
    run: async (a, io) => (await import('./commands/score.js')).scoreCommand(a, io),
    usage: SCORE_USAGE,
  },
  ledger: {
    run: async (a, io) => (await import('./commands/ledger.js')).ledgerCommand(a, io),
    usage: LEDGER_USAGE,
  },
  agenda: {
    run: async (a, io) => (await import('./commands/agenda.js')).agendaCommand(a, io),
    usage: AGENDA_USAGE,
  },
  chart: {
    run: async (a, io) => (await import('./commands/chart.js')).chartCommand(a, io),
    usage: CHART_USAGE,
  },
  forms: {
    run: async (a, io) => (await import('./commands/forms.js')).formsCommand(a, io),
    usage: FORMS_USAGE,
  },
  mail: {
    run: async (a, io) => (await import('./commands/mail.js')).mailCommand(a, io),
    usage: MAIL_USAGE,
  },
  schedule: {
    run: async (a, io) => (await import('./commands/schedule.js')).scheduleCommand(a, io),
    usage: SCHEDULE_USAGE,
  },
  holidays: {
    run: async (a, io) => (await import('./commands/holidays.js')).holidaysCommand(a, io),
    usage: HOLIDAYS_USAGE,
  },
  minutes: {
    run: async (a, io) => (await import('./commands/minutes.js')).minutesCommand(a, io),
    usage: MINUTES_USAGE,
  },
};

export function usage(): string {
  return `重点项目推进助手（kpd）\n\n用法：\n${Object.values(COMMANDS)
    .map((c) => '  ' + c.usage.replace(/\n/gu, '\n  '))
    .join('\n\n')}\n\n通用选项：--lang en 以英文输出；--json 输出机器可读结果\n`;
}

/** The value of --lang / --lang=xx anywhere on the line. */
function langOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** Node's parseArgs errors (English) said in the person's language. */
function argsError(code: string, english: string, locale: Locale): string {
  const option = /'(-[^' ]+)/u.exec(english)?.[1] ?? '';
  const value = /argument '([^']*)'/u.exec(english)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(locale, `不认识的选项「${option}」。`, `Unknown option ${option}.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t(
        locale,
        `选项「${option}」后面缺少值（或不应带值）。`,
        `Option ${option} needs a value (or takes none).`,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t(locale, `多余的参数「${value}」。`, `Unexpected argument ${value}.`);
    default:
      return t(locale, `命令行参数有误：${english}`, english);
  }
}

/** Runs one command line; never throws for the person's mistakes, only for our own bugs. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  // `kpd --lang en merge …`: options before the command name go after it.
  let lead = 0;
  while (argv[lead]?.startsWith('--lang')) lead += argv[lead] === '--lang' ? 2 : 1;
  const [name, ...rest] = [...argv.slice(lead), ...argv.slice(0, lead)];
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`kpd ${(await import('./version.js')).version()}\n`);
    return EXIT.ok;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err(`未知命令「${name}」。\n\n${usage()}`);
    return EXIT.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${cmd.usage}\n`);
      return EXIT.unusable;
    }
    if (e instanceof Error && e.name === 'OutputError') {
      io.err(`${e.message}\n`);
      return EXIT.unusable;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${argsError(String(e.code), e.message, localeOf(langOf(rest), io.env))}\n\n${cmd.usage}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
}
