import { parseBounded, startParserAhead } from './boundedParse';
import { meetingMinutesPerDay } from '../core/calendar/meetingTime';
import { calendarSource, sourceErrorText } from '../node/calendar/calendarSource';
import { loadCalendar } from '../node/calendar/loadCalendar';
import { meetingRulesOf } from '../core/calendar/meetingRules';
import type { MeetingRules } from '../core/calendar/types';
import { formatInZone, isoInZone } from '../core/report/zoned';
import { addLocalDays, startOfLocalDate } from '../core/time/localDays';
import { UsageError, type CliIO } from './io';
import { parseOptions, usage, type OptionTable } from './optionTable';
import { dateOption, emailsOption, FROM_OPTION, loadSettings, ME_OPTION, TO_OPTION, TZ_OPTION, zoneOption, type CommandOptions } from './options';
import { durationText, jsonMinutes, printJson } from './output';

/** The settings the verdicts follow, as in the extension; only a problem with one of them is worth a warning. */
const RULE_SETTINGS = ['handsOn.calendar.myEmails', 'handsOn.calendar.countTentative', 'handsOn.calendar.excludeKeywords', 'handsOn.calendar.breakKeywords'];

export const OPTIONS = {
  calendar: { type: 'string', value: 'X', hint: 'FILE|FOLDER|URL', required: true, help: 'an .ics file, a folder of .ics files or a feed URL' },
  from: FROM_OPTION,
  to: TO_OPTION,
  tz: TZ_OPTION,
  me: { ...ME_OPTION, help: ['your email addresses, comma-separated, so events you declined or attend alone', 'are told apart (default: handsOn.calendar.myEmails)'] },
  json: {
    type: 'boolean',
    help: ['{"days": [{"date", "meetingMinutes"}], "totalMeetingMinutes", "occurrences": [{"start", "end",', ' "title", "counted", "reason"}], "daysOff", "warnings"}'],
  },
} as const satisfies OptionTable;

export const USAGE = usage(
  'meetings',
  OPTIONS,
  `Lists the calendar's occurrences from --from to --to inclusive, each with its verdict (counted or why not),
and the meeting minutes per local day. The verdicts follow the meeting rules of your VS Code settings
(handsOn.calendar.myEmails, countTentative, excludeKeywords, breakKeywords), as the extension's do.`,
);

export async function run(argv: string[], io: CliIO, options: CommandOptions = {}): Promise<number> {
  const args = parseOptions(argv, OPTIONS);
  startParserAhead();
  const calendar = args.calendar;
  const from = dateOption(args, '--from');
  const to = dateOption(args, '--to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const zone = zoneOption(args, io.env);
  const fromSettings = meetingRulesOf(loadSettings(io, options.platform ?? process.platform, 'meetings', RULE_SETTINGS).settings.calendar);
  const rules: MeetingRules = { ...fromSettings, myEmails: emailsOption(args) ?? fromSettings.myEmails };
  const window = { from: startOfLocalDate(from, zone), to: startOfLocalDate(addLocalDays(to, 1), zone) };
  let verdicts;
  try {
    verdicts = await loadCalendar(calendarSource(calendar), { ...window, zone, rules }, {}, parseBounded);
  } catch (error) {
    // One clear line that never shows a feed's secret address.
    throw new UsageError(sourceErrorText(error));
  }
  const perDay = meetingMinutesPerDay(verdicts.occurrences, from, to, zone);
  const days = perDay.map((d) => ({ date: d.date, meetingMinutes: jsonMinutes(d.minutes) }));
  const total = perDay.reduce((sum, d) => sum + d.minutes, 0);
  if (args.json) {
    const json = {
      days,
      totalMeetingMinutes: jsonMinutes(total),
      occurrences: verdicts.occurrences.map((o) => ({
        start: isoInZone(o.start, zone),
        end: isoInZone(o.end, zone),
        title: o.title,
        counted: o.counted,
        reason: o.reason,
      })),
      daysOff: verdicts.daysOff,
      warnings: verdicts.warnings,
    };
    printJson(io, json);
    return 0;
  }
  const lines: string[] = [];
  for (const o of verdicts.occurrences) {
    const when = o.allDay
      ? `${formatInZone(o.start, zone, 'yyyy-MM-dd')} (all day)`
      : `${formatInZone(o.start, zone, 'yyyy-MM-dd HH:mm')}–${formatInZone(o.end, zone, 'HH:mm')}`;
    lines.push(`${when.padEnd(24)} ${o.reason.padEnd(18)} ${o.title || '(no title)'}`);
  }
  if (lines.length === 0) lines.push('No calendar occurrences in this window.');
  lines.push('', 'Meeting minutes per day:');
  for (const d of perDay) lines.push(`  ${d.date}  ${durationText(d.minutes).padStart(6)}`);
  lines.push(`  total       ${durationText(total).padStart(6)}`);
  io.out(lines.join('\n'));
  for (const w of verdicts.warnings) io.err(`warning: ${w}`);
  return 0;
}
