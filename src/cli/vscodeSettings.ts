import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultDataDirectory } from '../node/journal/dataDirectory';

/**
 * The user's VS Code settings.json, read by the CLI so `hands-on report` computes with the same target, work hours,
 * calendars and data folder as the extension. settings.json is JSONC (comments, trailing commas), so it goes
 * through `stripJsonc` before JSON.parse.
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

/**
 * JSONC → JSON: removes `//` and `/* *\/` comments and trailing commas before `}` or `]`, leaving strings untouched
 * (a URL's `//` or a `,]` inside a string stays). Comments become spaces so positions in error messages still match.
 */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  // Index in `out` of a comma that may turn out to be trailing, or -1.
  let pendingComma = -1;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      pendingComma = -1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\r\n]/g, ' ');
      i = stop;
    } else if (c === ',') {
      pendingComma = out.length;
      out += c;
      i++;
    } else if (c === '}' || c === ']') {
      if (pendingComma >= 0) out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`;
      pendingComma = -1;
      out += c;
      i++;
    } else {
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') pendingComma = -1;
      out += c;
      i++;
    }
  }
  return out;
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
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
    throw new Error(`cannot parse ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} does not hold a settings object`);
  const root = parsed as Record<string, unknown>;
  return { file, get: (key) => lookup(root, key) };
}
