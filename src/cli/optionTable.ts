import { parseArgs } from 'node:util';
import { UsageError } from './io';

/**
 * One table per command says everything about its options: spelling (the key, used as `--key`), whether it takes
 * a value, whether it is required or may repeat, what it conflicts with, and its help. `parseOptions` reads the
 * arguments with Node's `util.parseArgs` by that table and `usage` prints the help from it, so they cannot drift.
 */

interface OptionHelp {
  /** The help text: the first line beside the option, further lines (pre-wrapped, extra indent kept) below it. */
  help: string | readonly string[];
}

export interface StringOption extends OptionHelp {
  type: 'string';
  /** The value's name in the option list, e.g. `DIR`. */
  value: string;
  /** The value as the usage line and the "is required" message show it (default: `value`), e.g. `YYYY-MM-DD`. */
  hint?: string;
  required?: boolean;
  /** May be given several times; the values are kept in order. Otherwise a second one is a usage error. */
  multiple?: boolean;
}

export interface BooleanOption extends OptionHelp {
  type: 'boolean';
  /** Another switch of the table that cannot be given with this one (shown as `[--this|--other]`). */
  conflicts?: string;
}

export type OptionSpec = StringOption | BooleanOption;
export type OptionTable = Readonly<Record<string, OptionSpec>>;

type ValueOf<S> = S extends { type: 'boolean' } ? boolean : S extends { multiple: true } ? readonly string[] : S extends { required: true } ? string : string | undefined;

/** The parsed options: a switch is true or false, a repeatable option a list, a required one a string. */
export type Options<T extends OptionTable> = { readonly [K in keyof T]: ValueOf<T[K]> };

function specOf(table: OptionTable, name: string): OptionSpec | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/**
 * Reads `--name value`, `--name=value` and bare `--switch` arguments by the table. Anything else (an unknown
 * option, a positional argument, a value given to a switch, `--`) is `unknown argument: <it>`; an empty or
 * missing value is `--name needs a value`; a second value of a single option is `--name may be given only once`.
 */
export function parseOptions<T extends OptionTable>(argv: readonly string[], table: T): Options<T> {
  return parseCommandLine(argv, table, 0).options;
}

/** As parseOptions, and up to `maxPositionals` positional arguments (in order) where they stand; more is `unknown argument`. */
export function parseCommandLine<T extends OptionTable>(argv: readonly string[], table: T, maxPositionals: number): { options: Options<T>; positionals: string[] } {
  const positionals: string[] = [];
  const nodeOptions = Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.type, multiple: spec.type === 'string' && spec.multiple === true }]));
  // Not strict: the tokens are checked here, so that every message names the argument exactly as it was typed.
  const { tokens } = parseArgs({ args: [...argv], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });
  const given = new Map<string, string[]>();
  for (const token of tokens) {
    const raw = argv[token.index]!;
    if (token.kind === 'positional' && positionals.length < maxPositionals) {
      positionals.push(token.value);
      continue;
    }
    const spec = token.kind === 'option' && token.rawName === `--${token.name}` ? specOf(table, token.name) : undefined;
    if (token.kind !== 'option' || !spec || (spec.type === 'boolean' && token.value !== undefined)) throw new UsageError(`unknown argument: ${raw}`);
    const values = given.get(token.name) ?? [];
    if (spec.type === 'string') {
      if (!token.value) throw new UsageError(`${token.rawName} needs a value`);
      if (values.length > 0 && !spec.multiple) throw new UsageError(`${token.rawName} may be given only once`);
      values.push(token.value);
    }
    given.set(token.name, values);
  }
  const result: Record<string, boolean | string | readonly string[] | undefined> = {};
  for (const [name, spec] of Object.entries(table)) {
    const values = given.get(name);
    if (spec.type === 'boolean') {
      if (values && spec.conflicts !== undefined && given.has(spec.conflicts)) throw new UsageError(`--${name} and --${spec.conflicts} cannot be combined`);
      result[name] = values !== undefined;
    } else if (spec.multiple) {
      result[name] = values ?? [];
    } else {
      if (values === undefined && spec.required) throw new UsageError(`--${name} ${spec.hint ?? spec.value} is required`);
      result[name] = values?.[0];
    }
  }
  return { options: result as Options<T>, positionals };
}

const WIDTH = 110;

/** `--name VALUE`, `[--name VALUE]`, `[--name VALUE ...]` or `[--a|--b]` for each option of the table, in its order. */
function synopsis(table: OptionTable): string[] {
  const conflicting = new Set(Object.values(table).flatMap((spec) => (spec.type === 'boolean' && spec.conflicts !== undefined ? [spec.conflicts] : [])));
  const items: string[] = [];
  for (const [name, spec] of Object.entries(table)) {
    if (spec.type === 'boolean') {
      if (!conflicting.has(name)) items.push(`[--${name}${spec.conflicts !== undefined ? `|--${spec.conflicts}` : ''}]`);
    } else {
      const item = `--${name} ${spec.hint ?? spec.value}`;
      items.push(spec.required ? item : spec.multiple ? `[${item} ...]` : `[${item}]`);
    }
  }
  return items;
}

/**
 * The help of a command: the usage line from the table (wrapped under the command's name), the command's own
 * description, then every option of the table with its help in one column.
 */
export function usage(command: string, table: OptionTable, description: string): string {
  const head = `Usage: hands-on ${command}`;
  const lines: string[] = [];
  let line = head;
  for (const item of synopsis(table)) {
    if (line.length + 1 + item.length > WIDTH && line.length > head.length) {
      lines.push(line);
      line = ' '.repeat(head.length);
    }
    line += ` ${item}`;
  }
  lines.push(line);
  const labels = Object.entries(table).map(([name, spec]) => [`--${name}${spec.type === 'string' ? ` ${spec.value}` : ''}`, spec.help] as const);
  const column = Math.max(...labels.map(([label]) => label.length));
  const indent = ' '.repeat(2 + column + 2);
  const options = labels.flatMap(([label, help]) => {
    const [first = '', ...rest] = typeof help === 'string' ? [help] : help;
    return [`  ${label.padEnd(column)}  ${first}`, ...rest.map((line) => `${indent}${line}`)];
  });
  return [...lines, '', description, ...options].join('\n');
}
