/** What a CLI command may touch, passed in so commands can be tested without a real terminal. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): number;
}

/** A failure the user caused or can fix: printed as one line on stderr, never with a stack trace. */
export class UsageError extends Error {}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  switches: Set<string>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--switch` arguments.
 * `valued` lists the flags that take a value; anything else unknown is an error.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      parsed.flags.set(name, [...(parsed.flags.get(name) ?? []), value]);
    } else if (switches.includes(arg)) {
      parsed.switches.add(arg);
    } else {
      throw new UsageError(`unknown argument: ${arg}`);
    }
  }
  return parsed;
}

export function single(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  if (values && values.length > 1) throw new UsageError(`${name} may be given only once`);
  return values?.[0];
}
