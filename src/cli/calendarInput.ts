// The calendars a command reads meetings from: --calendar, else handsOn.calendar.files. `report` and `skills` read
// them the same way, and say the same things about them on stderr.
import { parseBounded, startParserAhead } from './boundedParse';
import { meetingRulesOf } from '../core/calendar/meetingRules';
import { calendarSource, sourceErrorText, type CalendarSource } from '../node/calendar/calendarSource';
import { loadCalendar, partWarnings } from '../node/calendar/loadCalendar';
import type { CalendarVerdicts } from '../core/calendar/types';
import type { SourceStatus } from '../core/balance/balanceInputs';
import type { Settings } from '../core/settings/settings';
import type { Interval } from '../core/time/interval';
import { UsageError, type CliIO } from './io';
import type { StringOption } from './optionTable';
import { homeOf } from './options';
import { userSettingsPath, type UserSettings } from './vscodeSettings';

export const CALENDAR_OPTION = {
  type: 'string',
  value: 'X',
  hint: 'FILE|FOLDER|URL',
  multiple: true,
  help: [
    'an .ics file, a folder of .ics files or a feed URL; repeat for several. Without it, the',
    'files and folders of handsOn.calendar.files are used. Feed URLs added in VS Code are kept',
    'in its secret storage, which the CLI cannot read: pass them with --calendar.',
  ],
} as const satisfies StringOption;

interface CalendarSpec {
  source: CalendarSource;
  fromSettings: boolean;
}

/** What a command reads calendars with: the settings with its flags applied, and where they came from. */
export interface CalendarRequest {
  /** `--calendar` values; without any, the calendars of handsOn.calendar.files. */
  readonly calendarFlags: readonly string[];
  readonly settings: Settings;
  /** The settings.json the settings came from, to name it when it lists no calendar. */
  readonly user: UserSettings | undefined;
  readonly platform: NodeJS.Platform;
}

/** Starts parsing the first calendar in a worker while the rest is read, when there is one to read. */
export function startCalendarParserAhead(request: Pick<CalendarRequest, 'calendarFlags' | 'settings'>): void {
  if (request.calendarFlags.length > 0 || request.settings.calendar.files.length > 0) startParserAhead();
}

function calendarSpecs(command: string, request: CalendarRequest, io: CliIO): CalendarSpec[] {
  const { calendarFlags: flags, settings, user, platform } = request;
  if (flags.length > 0) return flags.map((spec) => ({ source: calendarSource(spec), fromSettings: false }));
  const specs = settings.calendar.files.map((spec) => ({ source: calendarSource(spec), fromSettings: true }));
  const secret = 'feed URLs added in VS Code live in its secret storage and cannot be read here; pass them with --calendar URL';
  if (specs.length > 0) {
    const noun = specs.length === 1 ? 'calendar' : 'calendars';
    io.err(`hands-on ${command}: using ${specs.length} ${noun} from VS Code settings: ${specs.map((s) => s.source.label).join(', ')} (${secret})`);
  } else {
    const where = user ? user.file : userSettingsPath(io.env, platform, homeOf(io.env));
    io.err(`hands-on ${command}: no calendar files in ${where} (handsOn.calendar.files) and no --calendar: meeting time comes from logged meetings only (${secret})`);
  }
  return specs;
}

/**
 * Every calendar of the request expanded over `window`, with the meeting rules of the settings. A calendar named on
 * the command line must be read (else a usage error); one from settings.json that cannot be is skipped and said, as a
 * failed refresh is in VS Code: the figures are then computed without its meetings.
 */
export async function readCalendars(command: string, request: CalendarRequest, window: Interval, zone: string, io: CliIO): Promise<{ calendars: CalendarVerdicts[]; sources: SourceStatus[] }> {
  const rules = meetingRulesOf(request.settings.calendar);
  const parts: { name: string; verdicts: CalendarVerdicts }[] = [];
  const sources: SourceStatus[] = [];
  for (const { source, fromSettings } of calendarSpecs(command, request, io)) {
    const { label, kind } = source;
    let verdicts: CalendarVerdicts;
    try {
      verdicts = await loadCalendar(source, { from: window.start, to: window.end, zone, rules }, {}, parseBounded);
    } catch (error) {
      const message = sourceErrorText(error);
      if (!fromSettings) throw new UsageError(message);
      io.err(`hands-on ${command}: warning: calendar ${label} skipped: ${message}`);
      sources.push({ label, kind, error: message, warnings: [] });
      continue;
    }
    parts.push({ name: label, verdicts });
    sources.push({ label, kind, warnings: verdicts.warnings });
  }
  // The figures merge the calendars themselves (gatherBalanceInputs, meetingTimeIn); here only their warnings are said.
  for (const warning of partWarnings(parts)) io.err(`hands-on ${command}: warning: ${warning}`);
  return { calendars: parts.map((part) => part.verdicts), sources };
}
