import { errorText } from '../core/errorText';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { defaultDataDirectory } from '../node/journal/dataDirectory';

/**
 * The user's VS Code settings.json, read by the CLI so `hands-on report` computes with the same target, work hours,
 * calendars and data folder as the extension. settings.json is JSONC (comments, trailing commas), so it is read
 * with Microsoft's jsonc-parser, the parser VS Code itself uses for it.
 */
export interface UserSettings {
  /** The file that was read. */
  file: string;
  /** `handsOn.*` values, keyed without the prefix, as `validateSettings` asks for them. */
  get(key: string): unknown;
}

/**
 * Where VS Code keeps the user's settings.json: the `User` folder next to the extension's global storage
 * (VSCODE_PORTABLE, VSCODE_APPDATA, then %APPDATA% on Windows, ~/Library/Application Support on macOS,
 * $XDG_CONFIG_HOME or ~/.config on Linux).
 */
export function userSettingsPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homedir: string): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  // defaultDataDirectory is <User>/globalStorage/<extension id>.
  return p.join(p.dirname(p.dirname(defaultDataDirectory(env, platform, homedir))), 'settings.json');
}

/** What each of jsonc-parser's error codes means, said the way the rest of the CLI speaks. */
const PARSE_ERRORS: Record<ReturnType<typeof printParseErrorCode>, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing }',
  CloseBracketExpected: 'expected a closing ]',
  EndOfFileExpected: 'expected the end of the file after the settings object',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'a /* comment is never closed',
  UnexpectedEndOfString: 'a string is never closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string',
  '<unknown ParseErrorCode>': 'syntax error',
};

/**
 * Parses JSONC as VS Code writes settings.json: `//` and `/* *\/` comments, trailing commas, a byte order mark.
 * Throws an Error that says where (line and column, from 1) and what is wrong, and how many more problems follow.
 */
export function parseJsonc(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first === undefined) return value;
  const before = source.slice(0, first.offset).split(/\r\n|\r|\n/);
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new Error(`line ${line}, column ${column}: ${PARSE_ERRORS[printParseErrorCode(first.error)]}${more}`);
}

/** The value of `handsOn.<key>` written flat (`"handsOn.workHours": …`, as VS Code writes it) or nested. */
function lookup(root: Record<string, unknown>, key: string): unknown {
  const flat = root[`handsOn.${key}`];
  if (flat !== undefined) return flat;
  let node: unknown = root.handsOn;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Reads the user's settings.json. Undefined when there is none; an Error with one line when it exists but
 * cannot be read or parsed (the caller decides whether that is fatal).
 */
export function readUserSettings(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homedir: string): UserSettings | undefined {
  const file = userSettingsPath(env, platform, homedir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : parseJsonc(text);
  } catch (error) {
    throw new Error(`cannot parse ${file}: ${errorText(error)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} does not hold a settings object`);
  const root = parsed as Record<string, unknown>;
  return { file, get: (key) => lookup(root, key) };
}
