import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { IssueParams } from '../core/issues/issue.js';
import { closestName } from './suggest.js';

type CliCode =
  | 'cli.unknownOption'
  | 'cli.unknownOptionNoGuess'
  | 'cli.optionNeedsValue'
  | 'cli.optionTakesNoValue'
  | 'cli.unexpectedArgument';

/**
 * A mistake in a command's options or arguments, said by main from the message table (exit 2,
 * nothing written): `showUsage` when the command's usage should follow the sentence.
 */
export class PromptMistake extends Error {
  override readonly name = 'PromptMistake';
  constructor(
    readonly code: CliCode,
    readonly params: IssueParams,
    readonly showUsage: boolean,
    /** The options the command takes (`--out` …): what help must name. */
    readonly known: readonly string[] = [],
  ) {
    super(code);
  }
}

/**
 * node:util parseArgs, with every mistake caught before the command does anything and said by
 * code (Node's own errors are English sentences that nothing should have to read): an unknown
 * option with the nearest known one, an option without its value, a value given to a switch, an
 * argument where none is taken.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const options = config.options ?? {};
  const known = Object.keys(options);
  const { tokens } = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true });
  for (const tok of tokens ?? []) {
    if (tok.kind === 'positional') {
      if (!config.allowPositionals)
        throw new PromptMistake('cli.unexpectedArgument', { value: tok.value }, true);
      continue;
    }
    if (tok.kind !== 'option') continue;
    const def = Object.hasOwn(options, tok.name) ? options[tok.name] : undefined;
    if (!def) {
      const guess = closestName(tok.name, known);
      const flags = known.map((k) => `--${k}`);
      throw guess === undefined
        ? new PromptMistake('cli.unknownOptionNoGuess', { option: tok.rawName }, true, flags)
        : new PromptMistake(
            'cli.unknownOption',
            { option: tok.rawName, suggestion: `--${guess}` },
            false,
            flags,
          );
    }
    if (def.type === 'string' && tok.value === undefined)
      throw new PromptMistake('cli.optionNeedsValue', { option: tok.rawName }, true);
    if (def.type === 'boolean' && tok.value !== undefined)
      throw new PromptMistake('cli.optionTakesNoValue', { option: tok.rawName, value: tok.value }, false);
  }
  return parseArgs(config);
}
