import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { UsageError, parseArgs, single, type CliIO } from './io';
import { DEFAULT_EXCLUDE_KEYWORDS, type MeetingRules } from '../core/calendar/types';
import { loadCalendar } from '../core/calendar/sources/loadCalendar';
import { meetingMinutesPerDay } from '../core/calendar/meetingTime';
import { FetchError } from '../core/calendar/sources/fetchError';
import { addLocalDays, isLocalDate, isValidTimeZone, startOfLocalDate, systemTimeZone } from '../core/time/localDays';

export const MEETINGS_SUMMARY = 'List calendar occurrences in a window with their verdict and meeting minutes per day';

const USAGE = 'usage: hands-on meetings --calendar FILE|FOLDER|URL --from YYYY-MM-DD --to YYYY-MM-DD [--tz ZONE] [--me a@x.com,b@y.com] [--json]';

function isoWithOffset(epochMs: number, zone: string): string {
  return format(new TZDate(epochMs, zone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`${name} is required\n${USAGE}`);
  return value;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['--calendar', '--from', '--to', '--tz', '--me'], ['--json']);
  const calendar = required(single(args, '--calendar'), '--calendar');
  const from = required(single(args, '--from'), '--from');
  const to = required(single(args, '--to'), '--to');
  if (!isLocalDate(from) || !isLocalDate(to)) throw new UsageError('--from and --to must be dates as YYYY-MM-DD');
  if (to < from) throw new UsageError('--to is before --from');
  const zone = single(args, '--tz') ?? io.env.TZ ?? systemTimeZone();
  if (!isValidTimeZone(zone)) throw new UsageError(`unknown time zone: ${zone}`);
  const rules: MeetingRules = {
    myEmails: (single(args, '--me') ?? '').split(',').map((e) => e.trim()).filter(Boolean),
    countTentative: true,
    excludeKeywords: DEFAULT_EXCLUDE_KEYWORDS,
  };
  const window = { from: startOfLocalDate(from, zone), to: startOfLocalDate(addLocalDays(to, 1), zone) };
  let verdicts;
  try {
    verdicts = await loadCalendar(calendar, { ...window, zone, rules });
  } catch (error) {
    // One clear line, and for feeds a message that already hides the secret address.
    throw new UsageError(error instanceof FetchError || error instanceof Error ? error.message : String(error));
  }
  const days = meetingMinutesPerDay(verdicts.occurrences, from, to, zone).map((d) => ({ date: d.date, meetingMinutes: Math.round(d.minutes) }));
  const total = days.reduce((sum, d) => sum + d.meetingMinutes, 0);
  if (args.switches.has('--json')) {
    const json = {
      days,
      totalMeetingMinutes: total,
      occurrences: verdicts.occurrences.map((o) => ({
        start: isoWithOffset(o.start, zone),
        end: isoWithOffset(o.end, zone),
        title: o.title,
        counted: o.counted,
        reason: o.reason,
      })),
      daysOff: verdicts.daysOff,
      warnings: verdicts.warnings,
    };
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const o of verdicts.occurrences) {
    const when = o.allDay
      ? `${format(new TZDate(o.start, zone), 'yyyy-MM-dd')} (all day)`
      : `${format(new TZDate(o.start, zone), 'yyyy-MM-dd HH:mm')}–${format(new TZDate(o.end, zone), 'HH:mm')}`;
    lines.push(`${when.padEnd(24)} ${o.reason.padEnd(18)} ${o.title || '(no title)'}`);
  }
  if (lines.length === 0) lines.push('No calendar occurrences in this window.');
  lines.push('', 'Meeting minutes per day:');
  for (const d of days) lines.push(`  ${d.date}  ${String(d.meetingMinutes).padStart(4)}`);
  lines.push(`  total       ${String(total).padStart(4)}`);
  io.out(lines.join('\n'));
  for (const w of verdicts.warnings) io.err(`warning: ${w}`);
  return 0;
}
