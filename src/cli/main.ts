import {
  DEADLINES_USAGE,
  LEDGER_USAGE,
  MERGE_USAGE,
  SCORE_USAGE,
  TEMPLATES_USAGE,
  VALIDATE_USAGE,
} from './usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';

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
};

export function usage(): string {
  return `重点项目推进助手（kpd）\n\n用法：\n${Object.values(COMMANDS)
    .map((c) => '  ' + c.usage.replace(/\n/gu, '\n  '))
    .join('\n\n')}\n\n通用选项：--lang en 以英文输出；--json 输出机器可读结果\n`;
}

/** Runs one command line; never throws for the person's mistakes, only for our own bugs. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
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
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`命令行参数有误：${e.message}\n\n${cmd.usage}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
}
