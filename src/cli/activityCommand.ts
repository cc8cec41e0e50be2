import * as fs from 'node:fs';
import * as os from 'node:os';
import { readActivityPerLocalDay } from '../core/journal/activityHistory';
import { defaultDataDirectory } from '../core/journal/dataDirectory';
import { isLocalDate, isValidTimeZone, systemTimeZone } from '../core/time/localDays';
import { parseArgs, single, UsageError, type CliIO } from './io';

const MAX_DAYS = 3660;

export const summary = 'coding minutes per local day from the recorded history';

const HELP = `Usage: hands-on activity [--data-dir DIR] --from YYYY-MM-DD --to YYYY-MM-DD [--tz ZONE] [--json]

Prints coding minutes per local day, --from and --to inclusive.
  --data-dir DIR  the Hands-On data folder (default: the extension's storage on this machine)
  --tz ZONE       IANA time zone of the days (default: the system zone)
  --json          {"days": [{"date": "YYYY-MM-DD", "codingMinutes": n}], "totalCodingMinutes": n}`;

function requiredDate(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`${name} YYYY-MM-DD is required`);
  if (!isLocalDate(value)) throw new UsageError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  return `${Math.floor(rounded / 60)}h ${String(rounded % 60).padStart(2, '0')}m`;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  const args = parseArgs(argv, ['--data-dir', '--from', '--to', '--tz'], ['--json']);
  const from = requiredDate(single(args, '--from'), '--from');
  const to = requiredDate(single(args, '--to'), '--to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) throw new UsageError(`at most ${MAX_DAYS} days at once`);
  const zone = single(args, '--tz') ?? systemTimeZone();
  if (!isValidTimeZone(zone)) throw new UsageError(`--tz "${zone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  const dataDir = single(args, '--data-dir') ?? defaultDataDirectory(io.env, process.platform, os.homedir());
  if (!fs.existsSync(dataDir)) throw new UsageError(`no Hands-On data folder at ${dataDir} (pass --data-dir DIR)`);

  const history = readActivityPerLocalDay(dataDir, from, to, zone);
  if (history.corruptLines > 0) io.err(`hands-on activity: skipped ${history.corruptLines} unreadable record(s) in ${dataDir}`);
  if (args.switches.has('--json')) {
    const days = history.days.map((day) => ({ date: day.date, codingMinutes: day.minutes }));
    io.out(JSON.stringify({ days, totalCodingMinutes: history.totalMinutes }));
    return 0;
  }
  const lines = [`Date        Coding     (${zone})`];
  for (const day of history.days) lines.push(`${day.date}  ${formatMinutes(day.minutes).padStart(8)}`);
  lines.push(`${'Total'.padEnd(10)}  ${formatMinutes(history.totalMinutes).padStart(8)}`);
  io.out(lines.join('\n'));
  return 0;
}
