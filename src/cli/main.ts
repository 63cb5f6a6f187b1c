import { usageOf } from './usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { localeOf } from './lang.js';
import { formatMessage, type Locale } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import { PromptMistake } from './args.js';
import { closestName } from './suggest.js';

type Command = {
  run: (argv: readonly string[], io: Io) => Promise<ExitCode>;
  /** The words that must follow the command's name (`kpd ledger import`), for "did you mean". */
  subcommands?: readonly string[];
};

// Commands are loaded when run: `kpd merge` never pays for exceljs, `kpd validate` for zlib writing.
const COMMANDS: Readonly<Record<string, Command>> = {
  templates: {
    run: async (a, io) => (await import('./commands/templates.js')).templatesCommand(a, io),
  },
  validate: {
    run: async (a, io) => (await import('./commands/validate.js')).validateCommand(a, io),
  },
  deadlines: {
    run: async (a, io) => (await import('./commands/deadlines.js')).deadlinesCommand(a, io),
  },
  merge: {
    run: async (a, io) => (await import('./commands/merge.js')).mergeCommand(a, io),
  },
  score: {
    run: async (a, io) => (await import('./commands/score.js')).scoreCommand(a, io),
  },
  ledger: {
    run: async (a, io) => (await import('./commands/ledger.js')).ledgerCommand(a, io),
    subcommands: ['import'],
  },
  agenda: {
    run: async (a, io) => (await import('./commands/agenda.js')).agendaCommand(a, io),
  },
  chart: {
    run: async (a, io) => (await import('./commands/chart.js')).chartCommand(a, io),
  },
  forms: {
    run: async (a, io) => (await import('./commands/forms.js')).formsCommand(a, io),
  },
  mail: {
    run: async (a, io) => (await import('./commands/mail.js')).mailCommand(a, io),
    subcommands: ['fetch', 'remind'],
  },
  schedule: {
    run: async (a, io) => (await import('./commands/schedule.js')).scheduleCommand(a, io),
  },
  holidays: {
    run: async (a, io) => (await import('./commands/holidays.js')).holidaysCommand(a, io),
    subcommands: ['import'],
  },
  minutes: {
    run: async (a, io) => (await import('./commands/minutes.js')).minutesCommand(a, io),
  },
};

/** `kpd help`: one line per command, then how to see one command's usage. */
function usage(locale: Locale = 'zh'): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map(
    (n) => `  kpd ${n.padEnd(width)}  ${formatMessage(`cli.summary.${n}` as IssueCode, {}, locale)}`,
  );
  return [
    formatMessage('cli.help.title', {}, locale),
    '',
    formatMessage('cli.help.commands', {}, locale),
    ...lines,
    '',
    formatMessage('cli.help.footer', {}, locale),
    '',
  ].join('\n');
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

/** The command a name means, or the sentence saying there is none (with the nearest name). */
function commandNamed(name: string, locale: Locale): (Command & { usage: string }) | string {
  const usage = usageOf(name, locale);
  if (Object.hasOwn(COMMANDS, name) && usage !== undefined) return { ...(COMMANDS[name] as Command), usage };
  const guess = closestName(name, Object.keys(COMMANDS));
  return guess === undefined
    ? formatMessage('cli.unknownCommandNoGuess', { name }, locale)
    : formatMessage('cli.unknownCommand', { name, suggestion: guess }, locale);
}

/** Runs one command line; never throws for the person's mistakes, only for our own bugs. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  // `kpd --lang en merge …`: options before the command name go after it.
  let lead = 0;
  while (argv[lead]?.startsWith('--lang')) lead += argv[lead] === '--lang' ? 2 : 1;
  const [name, ...rest] = [...argv.slice(lead), ...argv.slice(0, lead)];
  const locale = localeOf(langOf(argv), io.env);
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`kpd ${(await import('./version.js')).version()}\n`);
    return EXIT.ok;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h')
    return help(name, rest, argv, io, locale);
  const cmd = commandNamed(name, locale);
  if (typeof cmd === 'string') {
    io.err(`${cmd}\n`);
    return EXIT.unusable;
  }
  const wrongSub = subcommandGuess(name, cmd, rest[0], locale);
  if (wrongSub !== undefined) {
    io.err(`${wrongSub}\n`);
    return EXIT.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    const said = mistakeSaid(e, name, cmd.usage, locale);
    if (said === undefined) throw e;
    io.err(said);
    return EXIT.unusable;
  }
}

/** `kpd`, `kpd help`, `kpd --help`: the usage of all; `kpd help merge`: that command's only. */
function help(
  name: string | undefined,
  rest: readonly string[],
  argv: readonly string[],
  io: Io,
  locale: Locale,
): ExitCode {
  const topic = name === 'help' ? rest.find((a) => !a.startsWith('-') && a !== langOf(argv)) : undefined;
  if (topic !== undefined && topic !== 'help') {
    const cmd = commandNamed(topic, locale);
    if (typeof cmd === 'string') {
      io.err(`${cmd}\n`);
      return EXIT.unusable;
    }
    io.out(cmd.usage + '\n');
    return EXIT.ok;
  }
  io.out(usage(locale));
  return name === undefined ? EXIT.unusable : EXIT.ok;
}

/**
 * `kpd ledger imprt …`: the subcommand meant, in one line (an unknown one with no near name is
 * left to the command, which says what it takes).
 */
function subcommandGuess(
  name: string,
  cmd: Command,
  sub: string | undefined,
  locale: Locale,
): string | undefined {
  if (!cmd.subcommands || sub === undefined || sub.startsWith('-') || cmd.subcommands.includes(sub))
    return undefined;
  const guess = closestName(sub, cmd.subcommands);
  return guess === undefined
    ? undefined
    : formatMessage('cli.unknownSubcommand', { command: name, name: sub, suggestion: guess }, locale);
}

/** A mistake at the prompt said with the command's usage where it helps; undefined for our own bugs. */
function mistakeSaid(e: unknown, name: string, usageText: string, locale: Locale): string | undefined {
  if (e instanceof PromptMistake) {
    const said = formatMessage(e.code, { ...e.params, command: name }, locale);
    return e.showUsage ? `${said}\n\n${usageText}\n` : `${said}\n`;
  }
  if (e instanceof UsageError) return `${e.message}\n\n${usageText}\n`;
  if (e instanceof Error && e.name === 'OutputError') return `${e.message}\n`;
  // A command that still calls parseArgs itself: the option is said by Node (English).
  if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    return `${formatMessage('cli.argsInvalid', { detail: e.message }, locale)}\n\n${usageText}\n`;
  return undefined;
}
