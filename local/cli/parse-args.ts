import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '#local/command-errors/command-error.js';
import { closestName } from './closest-name.js';

/**
 * node:util's parseArgs, whose mistakes read as ours: an unknown option, a missing value, a value
 * for a switch or a stray argument becomes a UsageError naming it (and the option meant, when one
 * of the command's is close), instead of Node's message about placing arguments after '--'.
 * main() prints it after the command's name, or as the JSON error object under --json (exit 2).
 */
export function parseArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof nodeParseArgs<T>> {
  try {
    return nodeParseArgs(config);
  } catch (error) {
    if (!(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(argumentProblem(config) ?? (error as Error).message.split('\n')[0]!);
  }
}

/** What is wrong with the arguments, found again from the tokens a lenient parse sees. */
export function argumentProblem(config: ParseArgsConfig): string | undefined {
  const args = config.args ?? process.argv.slice(2);
  const options = config.options ?? {};
  const { tokens } = nodeParseArgs({ ...config, args, strict: false, allowPositionals: true, tokens: true });
  const longOf = (token: { name: string }) => (token.name in options ? token.name : undefined);
  for (const token of tokens) {
    if (token.kind === 'positional' && !config.allowPositionals)
      return `unexpected argument "${token.value}": this command takes options only (--help lists them)`;
    if (token.kind !== 'option') continue;
    const name = longOf(token);
    if (!name) {
      const raw = args[token.index]!;
      // "-json" reads as -j -s -o -n; the one meant is plain.
      const singleDash = /^-([^-=][^=]+)/.exec(raw)?.[1];
      const meant = singleDash && singleDash in options ? singleDash : closestName(token.name, Object.keys(options), { prefixes: true });
      const typed = singleDash && singleDash in options ? raw.split('=')[0]! : token.rawName;
      return `unknown option ${typed} ${meant ? `(did you mean --${meant}?)` : '(--help lists the options)'}`;
    }
    const type = options[name]!.type;
    const shown = token.rawName === `--${name}` ? token.rawName : `${token.rawName} (--${name})`;
    // As the strict parse does, a value starting with "-" is taken only inline (--out=-x).
    if (type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return token.value === undefined || token.value === '--'
        ? `${shown} needs a value (${token.rawName} <value>)`
        : `${shown} needs a value, and the next argument ${token.value} is an option (for a value that starts with "-", write --${name}=${token.value})`;
    }
    if (type === 'boolean' && token.inlineValue) return `${shown} takes no value (got ${args[token.index]})`;
  }
  return undefined;
}
