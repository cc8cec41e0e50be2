import { errorText } from '../core/errorText';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { defaultDataDirectory } from '../node/journal/dataDirectory';
import type { UnreadableFile } from '../node/journal/journalReader';
import type { Settings } from '../core/settings/settings';
import { validateSettings } from '../core/settings/validateSettings';
import { isLocalDate, isValidTimeZone, systemTimeZone, type LocalDate } from '../core/time/localDays';
import { UsageError, type CliIO } from './io';
import type { StringOption } from './optionTable';
import { readUserSettings, type UserSettings } from './vscodeSettings';

/**
 * The options several subcommands share, declared and checked one way: `--tz`, `--from`/`--to`, `--me`,
 * `--data-dir` and the VS Code settings.json they fall back to. Each command puts them in its own option table.
 */

export const TZ_OPTION = { type: 'string', value: 'ZONE', help: 'IANA time zone of the days (default: $TZ, else the system zone)' } as const satisfies StringOption;
export const FROM_OPTION = { type: 'string', value: 'YYYY-MM-DD', required: true, help: 'the first local day' } as const satisfies StringOption;
export const TO_OPTION = { type: 'string', value: 'YYYY-MM-DD', required: true, help: 'the last local day (inclusive)' } as const satisfies StringOption;
export const ME_OPTION = { type: 'string', value: 'LIST', hint: 'a@x.com,b@y.com', help: 'your email addresses, comma-separated' } as const satisfies StringOption;
export const DATA_DIR_OPTION = { type: 'string', value: 'DIR', help: "the Hands-On data folder (default: handsOn.dataDirectory, else the extension's storage)" } as const satisfies StringOption;

export interface CommandOptions {
  /** For tests: the platform whose settings.json and data folder locations are used (default: process.platform). */
  platform?: NodeJS.Platform;
}

/** The user's home folder as the CLI sees it: $HOME, else %USERPROFILE%, else what the OS says. */
export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

/** `--tz ZONE` (an invalid one is a usage error), else $TZ when it names a zone, else the system zone. */
export function zoneOption(args: { readonly tz?: string | undefined }, env: NodeJS.ProcessEnv): string {
  const flag = args.tz;
  if (flag !== undefined) {
    if (!isValidTimeZone(flag)) throw new UsageError(`--tz "${flag}" is not a time zone (use an IANA name such as Europe/Berlin)`);
    return flag;
  }
  const tz = env.TZ;
  return tz && isValidTimeZone(tz) ? tz : systemTimeZone();
}

/** A required `--name YYYY-MM-DD`. */
export function dateOption(args: { readonly from?: string | undefined; readonly to?: string | undefined }, name: '--from' | '--to'): LocalDate {
  const value = name === '--from' ? args.from : args.to;
  if (value === undefined) throw new UsageError(`${name} YYYY-MM-DD is required`);
  if (!isLocalDate(value)) throw new UsageError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `--me a@x.com,b@y.com`: lower-cased, `mailto:` stripped, each one checked; undefined when not given. */
export function emailsOption(args: { readonly me?: string | undefined }): string[] | undefined {
  const value = args.me;
  if (value === undefined) return undefined;
  const emails = value
    .split(',')
    .map((e) => e.trim().replace(/^mailto:/i, '').toLowerCase())
    .filter(Boolean);
  const bad = emails.find((e) => !EMAIL.test(e));
  if (bad !== undefined) throw new UsageError(`--me: "${bad}" is not an email address`);
  return emails;
}

export interface LoadedSettings {
  settings: Settings;
  /** The settings.json that was read, if there was one. */
  user: UserSettings | undefined;
}

/**
 * The `handsOn.*` settings from the user's VS Code settings.json, validated as the extension does. A file that
 * cannot be read and invalid values are warnings on stderr, prefixed by the command name; the defaults are used.
 * `only` limits the warnings about invalid values to the settings the command uses (full ids, `handsOn.…`).
 */
export function loadSettings(io: CliIO, platform: NodeJS.Platform, command: string, only?: readonly string[]): LoadedSettings {
  let user: UserSettings | undefined;
  try {
    user = readUserSettings(io.env, platform, homeOf(io.env));
  } catch (error) {
    io.err(`hands-on ${command}: warning: ${errorText(error)}; using the default settings`);
  }
  const { settings, problems } = validateSettings((key) => user?.get(key));
  for (const problem of problems) if (!only || only.includes(problem.key)) io.err(`hands-on ${command}: warning: ${problem.message}`);
  return { settings, user };
}

/**
 * `--data-dir DIR`, else handsOn.dataDirectory from VS Code settings, else where the extension stores its data by
 * default on this machine. The folder must exist. `settings` is asked for only when there is no --data-dir.
 */
export function dataDirOption(args: { readonly 'data-dir'?: string | undefined }, io: CliIO, settings: () => Settings, platform: NodeJS.Platform): string {
  const dataDir = args['data-dir'] ?? (settings().dataDirectory || defaultDataDirectory(io.env, platform, homeOf(io.env)));
  if (!fs.existsSync(dataDir)) throw new UsageError(`no Hands-On data folder at ${dataDir} (pass --data-dir DIR)`);
  return dataDir;
}

/**
 * Says on stderr what of the history could not be counted: damaged lines (skipped, kept on disk) and each file that
 * could not be read, with why and what to do. The figures printed are then a lower bound, never a guess.
 */
export function reportHistoryProblems(io: CliIO, command: string, dataDir: string, history: { corruptLines: number; unreadableFiles: readonly UnreadableFile[] }): void {
  if (history.corruptLines > 0) io.err(`hands-on ${command}: warning: skipped ${history.corruptLines} unreadable record(s) in ${dataDir}`);
  for (const file of history.unreadableFiles) {
    io.err(`hands-on ${command}: warning: cannot read ${file.path} (${file.reason}); its time is not included. Make it readable by you (or let your sync tool download it) and run again.`);
  }
}
