import { parseArgs, type ParseArgsConfig } from 'node:util';

// The command-line parsing every local CLI shares: `--help` (or -h) prints the
// usage and each option with what it does; an unknown or malformed option is one
// line on stderr naming it and how to see the options (exit 2), never a stack trace.

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CliSpec<O extends Options> {
  /** How it is run, e.g. `npm run token --`. */
  command: string;
  /** Usage lines after the command, e.g. `[options]`, `add NAME`. */
  usage: string[];
  /** One or two sentences: what the command does. */
  summary: string;
  options: O;
  /** Per option: its value placeholder (if it takes one) and what it does. */
  help: { [K in keyof O]: { arg?: string; text: string } };
  positionals?: boolean;
  /** Extra lines at the end of the help (examples, files it reads). */
  footer?: string[];
}

export function helpText<O extends Options>(spec: CliSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const h = spec.help[name as keyof O];
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${h.arg ? ` ${h.arg}` : ''}`;
    const def = o.default === undefined || o.default === false || (Array.isArray(o.default) && o.default.length === 0) ? '' : ` (default ${String(o.default)})`;
    return [flag, `${h.text}${o.multiple ? ' (repeatable)' : ''}${def}`] as const;
  });
  rows.push(['-h, --help', 'this help']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [
    ...spec.usage.map((u, i) => `${i === 0 ? 'usage: ' : '       '}${spec.command} ${u}`),
    '',
    spec.summary,
    '',
    'options:',
    ...rows.map(([f, t]) => `  ${f.padEnd(width)}${t}`),
    ...(spec.footer?.length ? ['', ...spec.footer] : []),
  ].join('\n');
}

/** One line for a bad command line, then exit 2. */
export function usageError(command: string, message: string): never {
  console.error(`${command.replace(/ --$/, '')}: ${message} (see: ${command} --help)`);
  process.exit(2);
}

export function parseCli<O extends Options>(spec: CliSpec<O>, args: string[] = process.argv.slice(2)) {
  const config = { options: spec.options, allowPositionals: spec.positionals ?? false, strict: true, args } as const;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(helpText(spec));
    process.exit(0);
  }
  try {
    return parseArgs<{ options: O; allowPositionals: boolean; strict: true; args: string[] }>(config);
  } catch (err) {
    usageError(spec.command, shortParseError(err as Error & { code?: string }));
  }
}

/** node:util's messages are long and suggest `--` tricks; keep what names the problem. */
function shortParseError(err: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? err.message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${option ?? err.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return err.message.replace(/^Option '([^']+)'/, '$1').replace(/\.$/, '');
    default:
      return err.message;
  }
}

/** An integer option in [min, max], or a one-line usage error. */
export function intOption(command: string, name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n < min || n > max) usageError(command, `--${name} ${value ?? ''}: not a whole number from ${min} to ${max}`);
  return n;
}
